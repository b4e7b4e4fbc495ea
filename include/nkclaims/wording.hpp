// How the page words claims for people: sources and places by their names (never an id),
// figures as "about 11,000" or "at least 3,000", dates as "22 January 2025", and what a figure
// counts as "troops deployed". Pure: the same claim gives the same words.
#pragma once

#include <optional>
#include <string>

#include "nkclaims/claim.hpp"
#include "nkclaims/gazetteer.hpp"

namespace nkclaims {

// Names for the ids of sources and places. Without a gazetteer, or for an id the data files
// do not name (an outlet a manifest invented), the id is spelt as words: "fox_news" is
// "Fox News", "afp" is "AFP".
class Wording {
public:
    explicit Wording(const Gazetteer* g = nullptr) : g_(g) {}
    // "South Korea's National Intelligence Service"
    std::string source(const std::string& id) const;
    // "NIS"
    std::string source_brief(const std::string& id) const;
    // "Kursk region"; "" for no place.
    std::string place(const std::string& id) const;
    // "NIS, via AP": who asserts a claim and who relays it, by their short names.
    std::string voice(const Claim& c) const;
    // What is counted, and whose: "North Korea's troops deployed", "Russia's casualties".
    std::string heading(const std::string& actor, Metric m, std::optional<Phase> p) const;

private:
    const Gazetteer* g_;
};

// A count for people: "30,000", "1.2 million"; any double, however large, gives a short text.
std::string people_number(double v);
// A figure's value for people: "about 11,000", "25,000–30,000", "at least 3,000", "up to 500",
// "another 1,500"; a stance: "denies", "cannot confirm", "confirms".
std::string people_value(const Claim& c);
// A date for people: "22 January 2025", "October 2024", "14–20 October 2024", "2025".
std::string people_date(const DateRange& d);
// What a metric in a phase counts: "troops deployed", "troops planned", "casualties", "shells supplied".
std::string what_counted(Metric m, std::optional<Phase> p);

}  // namespace nkclaims
