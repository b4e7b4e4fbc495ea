// Dates and date ranges, and the resolver that turns "last week", "on Friday", "in June",
// "the 8th of July, 2025" into ranges against a document's reference date. The clock is never
// read: the same text and reference date always give the same dates.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nkclaims/tokens.hpp"

namespace nkclaims {

using Day = std::chrono::sys_days;

// A closed range of days [first, last]. A single day, a month and a year are ranges too.
struct DateRange {
    Day first;
    Day last;

    static DateRange of_day(Day d) { return {d, d}; }
    static DateRange of_month(std::chrono::year y, std::chrono::month m);
    static DateRange of_year(std::chrono::year y);

    bool operator==(const DateRange&) const = default;
    bool overlaps(const DateRange& o) const { return first <= o.last && o.first <= last; }
    // Days between the two ranges; 0 when they overlap.
    int gap_days(const DateRange& o) const;
    // The shortest ISO 8601 form: "2025-07-08", "2025-06", "2025", or "A/B".
    std::string iso() const;
    // Writes iso() at `out`, which has room for kMaxIso chars, and returns the end: printers
    // of a million claims need no string of their own for each date.
    char* write_iso(char* out) const;
    static constexpr std::size_t kMaxIso = 32;  // "-32767-12-31/-32767-12-31" and a margin
};

// Parses a strict YYYY-MM-DD that names a real day ("2025-02-30" is not one).
std::optional<Day> parse_iso_day(std::string_view s);
// Parses what DateRange::iso() prints: YYYY, YYYY-MM, YYYY-MM-DD, or A/B of those.
std::optional<DateRange> parse_iso_range(std::string_view s);
std::string iso_day(Day d);

// A date expression found in text: the tokens [first, last) it covers and the range it names.
struct DateMention {
    std::size_t first = 0;
    std::size_t last = 0;
    DateRange range;
};

// Every date expression in tokens [begin, end), left to right, resolved against `reference`.
// Expressions that need a reference are skipped when there is none. Past-leaning, as news is:
// "on Wednesday" is the latest Wednesday on or before the reference date, "in June" the latest
// June that has begun by then.
std::vector<DateMention> find_dates(const std::vector<Token>& tokens, std::size_t begin, std::size_t end,
                                    std::optional<Day> reference);

}  // namespace nkclaims
