// The index of claim facts that finding conflicts reads: each claim packed into what comparing
// needs (ClaimFacts), the figures grouped into assessments (assessments.hpp), and over them the
// orders, names and place relations the disagreement sweep (disagreements.hpp) and the denial
// matcher (denials.hpp) share. Both record what they find by claim number in Findings;
// conflicts.cpp turns the numbers into claims.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "nkclaims/assessments.hpp"
#include "nkclaims/claim.hpp"
#include "nkclaims/conflicts.hpp"
#include "nkclaims/gazetteer.hpp"

namespace nkclaims {

// What finding conflicts reads of one claim, packed (about 88 bytes): its strings are numbers
// into the ConflictInput that holds it. A million claims fit in 90 MB this way instead of the
// 450 MB of Claims; the text of the few thousand a report shows is read afterwards, by `id`.
struct ClaimFacts {
    std::int64_t id;     // the store's row id
    std::size_t at;      // where the claim's words begin in its document
    double low, high;    // the value's bounds, where has_low / has_high
    std::int32_t first;  // the claim's date, in days since 1970 (none: dated is false)
    std::int32_t last;
    // When the counted thing happened (event_date), in days since 1970, where event_dated: two
    // counts of one event are compared by it, however far apart they were reported.
    std::int32_t event_first;
    std::int32_t event_last;
    std::uint32_t doc;  // numbers into ConflictInput::names()
    std::uint32_t actor;
    std::uint32_t source;
    std::uint32_t voice;    // who asserts it, as voice_of() names it
    std::uint32_t place;    // a number into ConflictInput::places(), which are few
    std::uint32_t written;  // the words of an open, hedged figure ("thousands"); else 0 ("")
    ClaimKind kind;
    std::int8_t metric;  // the enum's value, or -1 for none; the same for phase, stance and about
    std::int8_t phase;
    std::int8_t stance;
    std::int8_t about;
    bool approx, increment, hypothetical, has_low, has_high, dated, event_dated;
    // Set on an assessment's facts (FactIndex::assessed), not on a claim's: the value is the
    // source's running total (its last total plus this increment and those between).
    bool summed;
};

// The claims to examine, as ClaimFacts, in the order added: claim number i is the i-th added.
class ConflictInput {
public:
    // Adds what finding conflicts needs of `c`; the claim itself is not kept.
    void add(const Claim& c);
    // Room for n claims: a million are not moved while they are added.
    void reserve(std::size_t n);
    std::size_t size() const { return facts_.size(); }
    const std::vector<ClaimFacts>& facts() const { return facts_; }
    // The strings the facts number: names()[f.doc] is the claim's document name.
    const std::vector<std::string>& names() const { return names_.list; }
    // The places, apart: places()[f.place] ("" for none), so that a table of which places lie
    // within which is indexed by them directly.
    const std::vector<std::string>& places() const { return places_.list; }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    // Strings numbered in the order first seen; number 0 is "".
    struct Strings {
        std::vector<std::string> list{""};
        std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> numbers{{"", 0}};
        std::uint32_t number(std::string_view s);
        // The same, for a field whose previous number is `last`: neighbouring claims mostly share
        // a document, an actor, a source and a place, and a repeat costs one comparison.
        std::uint32_t number(std::string_view s, std::uint32_t& last);
    };
    std::vector<ClaimFacts> facts_;
    Strings names_, places_;
    std::uint32_t last_[4] = {};  // the last number of each field: document, actor, source, place
    std::string voice_;           // scratch for voice_of()
};

inline constexpr double kUnbounded = std::numeric_limits<double>::infinity();

// Whether an enum field of ClaimFacts (its value, or -1) holds `e`.
template <typename E>
bool is(std::int8_t v, E e) {
    return v == static_cast<std::int8_t>(e);
}

// The values a figure stands for: its bounds (open ones as 0 and kUnbounded), widened by the
// tolerance when hedged.
struct Interval {
    double low, high;
};
Interval interval(const ClaimFacts& c, double tolerance);
// 0 when the values can both be true; else the gap relative to the larger value.
double disagreement(const Interval& x, const Interval& y);
double disagreement(const ClaimFacts& a, const ClaimFacts& b, double tolerance);
// Days between two dated claims; 0 when their dates overlap (DateRange::gap_days).
int gap_days(const ClaimFacts& a, const ClaimFacts& b);
// Days between the times two figures speak of: their events' (event_date) when both have one,
// else their dates'.
int compared_gap_days(const ClaimFacts& a, const ClaimFacts& b);
// The first day a figure counts up to: its event's ("1,000 killed by mid-January", said a week
// later, counts up to mid-January), else when it was said. Growth over time is judged by it.
std::int32_t as_of_first(const ClaimFacts& c);
// Days between the times two figures count up to (as_of_first() to its last day); 0 when they overlap.
int as_of_gap_days(const ClaimFacts& a, const ClaimFacts& b);
// Figures that only grow: troops sent so far, munitions supplied, losses.
bool cumulative(const ClaimFacts& c);
// Killed, wounded or casualties (is_loss).
bool loss(const ClaimFacts& c);
// The phase figures are compared by: none for losses, whose phase says nothing ("killed" is
// not a deployment), else the claim's.
std::int8_t compared_phase(const ClaimFacts& c);

// What the finders report, by claim number; conflicts.cpp turns the numbers into claims.
struct Findings {
    struct Pair {
        ConflictKind kind;
        std::array<std::uint32_t, 2> claims;  // a figure's is its assessment's representative
        double severity;
        int gap_days;
        std::string reason, topic;
    };
    // Why two claims were or were not a conflict (FactIndex::explain).
    struct Why {
        std::uint32_t a, b;
        std::string why;
    };
    struct Group {
        std::vector<std::uint32_t> claims;
        std::size_t count;
    };
    struct Steps {
        std::uint32_t source;
        std::vector<std::uint32_t> claims;
    };
    std::vector<Pair> conflicts;
    std::vector<Group> corroborations;
    std::vector<Steps> revisions;
    std::vector<Why> explanations;  // filled only when explaining
};

// The claim facts with what both finders look up: names, document ranks, which places lie
// within which, a deterministic order, the words for a value, and the assessments. Built once
// per search.
class FactIndex {
public:
    static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

    FactIndex(const ConflictInput& in, const Gazetteer& g, const ConflictOptions& opt, Explain e);

    const std::vector<ClaimFacts>& facts() const { return facts_; }
    const ClaimFacts& operator[](std::uint32_t n) const { return facts_[n]; }
    const std::string& name(std::uint32_t n) const { return names_[n]; }
    const std::string& place_name(std::uint32_t n) const { return place_names_[n]; }
    // The number of a name, or one that matches no claim.
    std::uint32_t find_name(std::string_view s) const;
    // The name number of the forces the corpus follows (Gazetteer::focus_actor).
    std::uint32_t focus_actor() const { return focus_actor_; }
    // A document's rank among the documents' names.
    std::uint32_t rank(std::uint32_t doc) const { return rank_[doc]; }
    // Whether a source (a name number) names an institution, not an unnamed group or an outlet.
    bool named(std::uint32_t source) const { return named_[source] != 0; }
    // Whether a source (a name number) is an outlet speaking for no one it names (Gazetteer::is_outlet).
    bool outlet(std::uint32_t source) const { return outlet_[source] == 1; }
    // Whether two places can be the same: either is none, or one lies within the other.
    bool compatible(std::uint32_t a, std::uint32_t b) const { return compatible_[a * places_ + b] != 0; }
    bool compatible(const ClaimFacts& a, const ClaimFacts& b) const { return compatible(a.place, b.place); }
    // The claims `numbers` names, by date, document rank and position: the same claims always
    // come in the same order.
    std::vector<std::uint32_t> sorted(const std::vector<std::uint32_t>& numbers) const;

    // The assessments: the figures that are compared (dated, counted, not hypothetical) grouped
    // by origin, value and time (group_mentions), numbered 0.. in the order of their first mention.
    std::size_t assessments() const { return rep_.size(); }
    // Claim n's assessment, or kNone for a stance or a figure never compared.
    std::uint32_t assessment_of(std::uint32_t n) const { return assessment_[n]; }
    // The claim that stands for assessment a: its first mention by the origin itself (not an
    // outlet speaking for it), else its first mention.
    std::uint32_t representative(std::uint32_t a) const { return rep_[a]; }
    // Every mention of assessment a, in order (sorted()).
    std::vector<std::uint32_t> relays(std::uint32_t a) const {
        return {relays_.begin() + first_relay_[a], relays_.begin() + first_relay_[a + 1]};
    }
    std::size_t relay_count(std::uint32_t a) const { return first_relay_[a + 1] - first_relay_[a]; }
    // What is compared of assessment a: its representative's facts with the origin as the
    // voice, and for an increment the source's running total.
    const ClaimFacts& assessed(std::uint32_t a) const { return assessed_[a]; }

    // A value for people ("about 12000", "at least 3000", "thousands"), or a stance's name.
    std::string value_text(const ClaimFacts& c) const;
    // What a figure counts: "north_korea troops planned".
    std::string topic_of(const ClaimFacts& c) const;
    bool explaining() const { return explain_; }
    // With Explain::Yes, records in `out` why claims a and b (numbers) were or were not a conflict.
    void explain(Findings& out, std::uint32_t a, std::uint32_t b, std::string_view why) const;

private:
    void assess(const Gazetteer& g, const ConflictOptions& opt);
    void sum_increments();

    const std::vector<ClaimFacts>& facts_;
    const std::vector<std::string>& names_;
    const std::vector<std::string>& place_names_;
    bool explain_;
    std::uint32_t focus_actor_;
    std::vector<std::uint32_t> rank_;   // by name number: a document's rank among the names
    std::vector<std::uint8_t> named_;   // by name number
    std::vector<std::uint8_t> outlet_;  // by name number: 1 an outlet, 0 not, 2 never asked
    std::size_t places_ = 0;
    std::vector<std::uint8_t> compatible_;    // places_ x places_
    std::vector<std::uint32_t> assessment_;   // by claim number
    std::vector<std::uint32_t> rep_;          // by assessment
    std::vector<std::uint32_t> first_relay_;  // by assessment: where its relays begin in relays_
    std::vector<std::uint32_t> relays_;       // claim numbers, assessment by assessment
    std::vector<ClaimFacts> assessed_;        // by assessment
};

}  // namespace nkclaims
