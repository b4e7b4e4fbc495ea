// Assessments: one originating source's one value for one thing at one time, however many
// documents and outlets relay it. The NIS's "1,500 deployed" of one week, told to lawmakers and
// reported by AP, Yonhap and KBS, is one assessment with four relays: corroboration counts it
// once ("4 reports, 1 origin"), and a conflict with it is one conflict.
//
// Also a source's running total: its last total plus the increments it announced after it
// ("1,500", then "another 1,500": 3,000).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nkclaims/claim.hpp"

namespace nkclaims {

struct AssessmentOptions {
    // Mentions of one source's one value dated at most this many days after the assessment's
    // latest mention are that assessment again; later, the source is saying it anew.
    int window_days = 14;
};

// What grouping reads of one figure. The caller numbers the strings (equal strings, equal
// numbers), so that the same grouping serves claims in memory and the packed facts of a million.
struct Mention {
    std::uint32_t origin;      // the source that asserts it
    std::uint32_t topic;       // what is counted and how it is said (actor, metric, phase, hypothetical)
    double low, high;          // the value's bounds: an open one as 0 or infinity
    std::int32_t first, last;  // the claim's date, in days
    bool increment;            // "another 1,500": a separate assessment from a total of 1,500
    // The source is an outlet speaking for no one it names: the mention relays another
    // source's assessment of the same topic, value and time when there is one.
    bool outlet;
};

// The assessment of each mention, as a number (0, 1, ...: in the order of their earliest
// mention, by position in `mentions` for ties): mentions of one origin, topic, value and kind
// (total or increment) whose dates follow each other within the window are one assessment. An
// outlet's mention joins the assessment of another origin with its topic and value nearest in
// time within the window (the one that began first on a tie); failing one, its own.
std::vector<std::uint32_t> group_mentions(const std::vector<Mention>& mentions, const AssessmentOptions& opt = {});

// One source's figures for one thing in date order, each a total or an increment.
struct Step {
    double low, high;  // an open bound as 0 or infinity
    bool increment;
};
// The running total as of each step: a total is its own value; an increment adds itself and the
// increments before it to the latest total before them. None for an increment no total precedes.
struct Total {
    double low, high;
};
std::vector<std::optional<Total>> running_totals(const std::vector<Step>& steps);

// One assessment among claims.
struct Assessment {
    std::string source;                // the originating source
    std::vector<const Claim*> relays;  // every mention: by date, then document and position
    std::optional<DateRange> date;     // from the earliest mention to the latest; none if undated
    std::size_t documents = 0;         // how many documents relay it
    std::vector<std::string> outlets;  // the outlets that relay it ("via", or speaking for it), first seen first
};

// The assessments of the figures among `claims` (stances are left out; an undated figure is an
// assessment of its own), ordered by their earliest mention. `is_outlet` says whether a source
// id names an outlet (Gazetteer::is_outlet). The assessments point into `claims`.
std::vector<Assessment> assess(const std::vector<Claim>& claims, const std::function<bool(std::string_view)>& is_outlet,
                               const AssessmentOptions& opt = {});

// How far a set of agreeing assessments is corroborated: "3 reports, 1 origin".
struct Tally {
    std::size_t reports = 0;  // mentions, in every document and outlet
    std::size_t origins = 0;  // distinct originating sources: the independent voices
};
Tally tally(const std::vector<const Assessment*>& agreeing);

// A source's running total at one of its assessments: the latest total it gave up to then, plus
// the increments it announced after that total, up to and including this one.
struct RunningTotal {
    Value value;
    const Assessment* total = nullptr;          // the total it starts from
    std::vector<const Assessment*> increments;  // added to it, in date order
};
// `history` is one source's assessments of one thing (one actor, metric and phase), in date
// order; the running total as of history[i], or none when no total precedes an increment.
std::optional<RunningTotal> running_total(const std::vector<const Assessment*>& history, std::size_t i);

}  // namespace nkclaims
