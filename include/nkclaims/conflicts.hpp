// Conflicts: claims about the same thing (actor, metric, phase, compatible place) made at about
// the same time whose values cannot both be true, and denials of what another source asserts.
// Also what is not a conflict and still worth showing: corroboration and revision.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "nkclaims/claim.hpp"
#include "nkclaims/gazetteer.hpp"

namespace nkclaims {

struct ConflictOptions {
    int window_days = 14;     // "about the same time": dates at most this many days apart
    double tolerance = 0.10;  // a hedged figure ("about 10,000") stands for ±10%
};

enum class ConflictKind {
    Disagreement,  // two values that cannot both be true at the same time
    LowerLater,    // a cumulative figure that shrank, from another source
    Denial,        // a source denies or cannot confirm what another asserts
};
std::string_view to_string(ConflictKind k);

// Conflicts, corroborations and revisions point at claims: those given to find_conflicts(),
// which must outlive the report, or those the report holds itself (`held`).
struct Conflict {
    ConflictKind kind;
    // The disagreeing claims: two figures, earlier first; or a figure and the stance denying it.
    std::vector<const Claim*> claims;
    double severity;  // relative gap between the values; 1 for a denial
    int gap_days;     // the largest distance in days between the claims
    std::string reason;
    std::string topic;
};

// The same figure from several sources or documents. A large corpus restates a figure
// thousands of times: the claims are each voice's first, the count is all of them.
struct Corroboration {
    std::vector<const Claim*> claims;  // the earliest claim of each voice in agreement
    std::size_t count = 0;             // every claim in agreement, restatements included
};

// One source's figure for one thing, changing over time.
struct Revision {
    std::string source;
    std::vector<const Claim*> claims;  // by date
};

struct ConflictReport {
    std::vector<Conflict> conflicts;  // most serious first; deterministic order
    std::vector<Corroboration> corroborations;
    std::vector<Revision> revisions;
    std::vector<std::string> explanations;  // with Explain::Yes: why pairs were or were not compared
    // The claims pointed at, when the report was found over a ConflictInput: shared, so that a
    // copy of the report points into the same claims.
    std::shared_ptr<const std::vector<Claim>> held;
};

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

// Reads back claims by store id, in the order asked (a report's claims, with their quotes).
using ClaimReader = std::function<std::vector<Claim>(const std::vector<std::int64_t>& ids)>;

// Examines every pair that could disagree. Cost grows as n log n: claims are bucketed by what
// they count and swept in date order within the window. The claims a report points at are read
// with `read` and held by the report.
ConflictReport find_conflicts(const ConflictInput& in, const Gazetteer& g, const ConflictOptions& opt,
                              const ClaimReader& read, Explain explain = Explain::No);

// The same over claims in memory; the report points into `claims`.
ConflictReport find_conflicts(const std::vector<Claim>& claims, const Gazetteer& g, const ConflictOptions& opt,
                              Explain explain = Explain::No);

// What two claims count, as a label: "north_korea troops planned".
std::string topic_of(const Claim& c);

}  // namespace nkclaims
