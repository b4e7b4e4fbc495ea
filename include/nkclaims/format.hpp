// Values, topics, voices and dates as people read them, in one notation for every human-facing
// output (table, Markdown, the page, --explain): "at least 3,000", "about 12,000",
// "25,000–30,000"; "North Korea: troops deployed"; "NIS via AP". Machines read the ids and
// numbers of the JSON and CSV instead. Also the safe forms of untrusted text (file names,
// titles) for a terminal and for Markdown.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "nkclaims/claim.hpp"
#include "nkclaims/conflicts.hpp"
#include "nkclaims/dates.hpp"
#include "nkclaims/gazetteer.hpp"

namespace nkclaims {

// Display names by canonical id. An id without one (an outlet no data file names) is spelt as
// words for people ("ghana_news_service" → "Ghana News Service"), and kept as itself in JSON and
// CSV beside the id, so that an output never loses what it names.
class DisplayNames {
public:
    // Names `id` ("nis": {"South Korea's National Intelligence Service", "NIS"}).
    void add_source(const std::string& id, DisplayName n) { sources_[id] = std::move(n); }
    void add_place(const std::string& id, DisplayName n) { places_[id] = std::move(n); }
    DisplayName source(std::string_view id) const { return find(sources_, id); }
    DisplayName place(std::string_view id) const { return find(places_, id); }
    // The full name of a source or a place, or the id itself, without a copy: the JSON of a
    // million claims asks for three each.
    std::string_view source_full(std::string_view id) const { return full(sources_, id); }
    std::string_view place_full(std::string_view id) const { return full(places_, id); }
    // Whether any name is known: machine outputs add name fields only then.
    bool empty() const { return sources_.empty() && places_.empty(); }

private:
    static DisplayName find(const std::map<std::string, DisplayName, std::less<>>& m, std::string_view id);
    static std::string_view full(const std::map<std::string, DisplayName, std::less<>>& m, std::string_view id);
    std::map<std::string, DisplayName, std::less<>> sources_, places_;
};

// `s` with its first letter a capital: "troops deployed" → "Troops deployed".
std::string capitalized(std::string s);
// An id spelt as words, for ids nobody named: "fox_news" → "Fox News", "afp" → "AFP".
std::string id_as_words(const std::string& id);

// The display names the gazetteer's data files give (sources.tsv and places.tsv).
DisplayNames display_names(const Gazetteer& g);

// A whole number with our own thousands separators, never the locale's: 30000 → "30,000";
// a fraction keeps up to two decimals ("1.5").
std::string number_words(double v);
// A figure's value: "3,000", "at least 3,000", "up to 500", "about 12,000", "25,000–30,000",
// "at least about 1,000" for a hedged bound ("thousands"), "+6,000" for an increment; "" for
// no value.
std::string value_words(const Value& v, bool approx, bool increment);
// A claim's value: value_words() for a figure; "denies", "cannot confirm", "confirms" for a stance.
std::string value_words(const Claim& c);
// What is counted and what happened to it: "troops deployed", "casualties" (no phase), "stance"
// (no metric).
std::string what_words(std::optional<Metric> metric, std::optional<Phase> phase);
// What is counted, for a heading: "North Korea: troops deployed", "casualties" when nothing
// more is known. The actor is named as the place of the same id is.
std::string topic_words(std::string_view actor, std::optional<Metric> metric, std::optional<Phase> phase,
                        const DisplayNames& names);
std::string topic_words(const Claim& c, const DisplayNames& names);
// What a conflict disputes: the topic of its figure (a denial's other claim is a stance).
std::string topic_words(const Conflict& c, const DisplayNames& names);
// Who asserts a claim, by short names: "NIS via AP"; "-" for nobody.
std::string voice_words(const Claim& c, const DisplayNames& names);
// When: "2024-10-25", "2024-10", "2024-10-14 to 2024-10-20"; "-" for no date.
std::string date_words(const std::optional<DateRange>& d);
// Distance in time between claims: "the same day", "1 day apart", "12 days apart".
std::string gap_words(int days);

// What a conflict is, for a heading: "disagreement, 9 days apart".
std::string conflict_words(const Conflict& c);

// Text from outside (a file name, a title) made safe to print on a terminal: invalid UTF-8
// becomes U+FFFD, control characters (ESC, CR, newlines...) become visible escapes ("\x1b").
std::string printable(std::string_view s);
// The line nkclaims prints for an error, "nkclaims: error: FILE: what", with file names and
// quoted text made printable: a file name never reaches the terminal with its ESC or CR.
std::string error_line(std::string_view message);
// Whether `s` is valid UTF-8.
bool valid_utf8(std::string_view s);
// `s` with each invalid UTF-8 sequence replaced by U+FFFD.
std::string replace_invalid_utf8(std::string_view s);

}  // namespace nkclaims
