// The index of claim facts that finding conflicts reads: each claim packed into what comparing
// needs (ClaimFacts), and over them the orders, names and place relations the disagreement sweep
// (disagreements.hpp) and the denial matcher (denials.hpp) share. Both record what they find by
// claim number in Findings; conflicts.cpp turns the numbers into claims.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "nkclaims/claim.hpp"
#include "nkclaims/conflicts.hpp"
#include "nkclaims/gazetteer.hpp"

namespace nkclaims {

// What finding conflicts reads of one claim, packed (about 80 bytes): its strings are numbers
// into the ConflictInput that holds it. A million claims fit in 80 MB this way instead of the
// 450 MB of Claims; the text of the few thousand a report shows is read afterwards, by `id`.
struct ClaimFacts {
    std::int64_t id;     // the store's row id
    std::size_t at;      // where the claim's words begin in its document
    double low, high;    // the value's bounds, where has_low / has_high
    std::int32_t first;  // the claim's date, in days since 1970 (none: dated is false)
    std::int32_t last;
    std::uint32_t doc;  // numbers into ConflictInput::names()
    std::uint32_t actor;
    std::uint32_t source;
    std::uint32_t voice;    // who asserts it, as voice_of() names it
    std::uint32_t place;    // a number into ConflictInput::places(), which are few
    std::uint32_t written;  // the words of an open, hedged figure ("thousands"); else 0 ("")
    ClaimKind kind;
    std::int8_t metric;  // the enum's value, or -1 for none; the same for phase and stance
    std::int8_t phase;
    std::int8_t stance;
    bool approx, increment, has_low, has_high, dated;
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

// What the finders report, by claim number; conflicts.cpp turns the numbers into claims.
struct Findings {
    struct Pair {
        ConflictKind kind;
        std::array<std::uint32_t, 2> claims;
        double severity;
        int gap_days;
        std::string reason, topic;
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
    std::vector<std::string> explanations;  // filled only when explaining
};

// The claim facts with what both finders look up: names, document ranks, which places lie
// within which, a deterministic order, and the words for a value. Built once per search.
class FactIndex {
public:
    FactIndex(const ConflictInput& in, const Gazetteer& g, Explain e);

    const std::vector<ClaimFacts>& facts() const { return facts_; }
    const ClaimFacts& operator[](std::uint32_t n) const { return facts_[n]; }
    const std::string& name(std::uint32_t n) const { return names_[n]; }
    const std::string& place_name(std::uint32_t n) const { return place_names_[n]; }
    // The number of a name, or one that matches no claim.
    std::uint32_t find_name(std::string_view s) const;
    // A document's rank among the documents' names.
    std::uint32_t rank(std::uint32_t doc) const { return rank_[doc]; }
    // Whether two places can be the same: either is none, or one lies within the other.
    bool compatible(std::uint32_t a, std::uint32_t b) const { return compatible_[a * places_ + b] != 0; }
    bool compatible(const ClaimFacts& a, const ClaimFacts& b) const { return compatible(a.place, b.place); }
    // The claims `numbers` names, by date, document rank and position: the same claims always
    // come in the same order.
    std::vector<std::uint32_t> sorted(const std::vector<std::uint32_t>& numbers) const;
    // A value for people ("about 12000", "at least 3000", "thousands"), or a stance's name.
    std::string value_text(const ClaimFacts& c) const;
    // What a figure counts: "north_korea troops planned".
    std::string topic_of(const ClaimFacts& c) const;
    bool explaining() const { return explain_; }
    // With Explain::Yes, records in `out` why the pair (a, b) was or was not a conflict.
    void explain(Findings& out, const ClaimFacts& a, const ClaimFacts& b, std::string_view why) const;

private:
    const std::vector<ClaimFacts>& facts_;
    const std::vector<std::string>& names_;
    const std::vector<std::string>& place_names_;
    bool explain_;
    std::vector<std::uint32_t> rank_;  // by name number: a document's rank among the names
    std::size_t places_ = 0;
    std::vector<std::uint8_t> compatible_;  // places_ x places_
};

}  // namespace nkclaims
