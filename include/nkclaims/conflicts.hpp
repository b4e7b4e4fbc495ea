// Conflicts: claims about the same thing (actor, metric, phase, compatible place) made at about
// the same time whose values cannot both be true, and denials of what another source asserts.
// Also what is not a conflict and still worth showing: corroboration and revision.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
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

// The claims to examine, packed (claim_facts.hpp).
class ConflictInput;

// Reads back claims by store id, in the order asked (a report's claims, with their quotes).
using ClaimReader = std::function<std::vector<Claim>(const std::vector<std::int64_t>& ids)>;

// Examines every pair that could disagree: the disagreement sweep (disagreements.hpp), then the
// denial matcher (denials.hpp), over one index of the claims' facts (claim_facts.hpp). Cost grows
// as n log n. The claims a report points at are read with `read` and held by the report.
ConflictReport find_conflicts(const ConflictInput& in, const Gazetteer& g, const ConflictOptions& opt,
                              const ClaimReader& read, Explain explain = Explain::No);

// The same over claims in memory; the report points into `claims`.
ConflictReport find_conflicts(const std::vector<Claim>& claims, const Gazetteer& g, const ConflictOptions& opt,
                              Explain explain = Explain::No);

// Keeps, of a report, the conflicts, corroborations and revisions about metric `m`.
void keep_metric(ConflictReport& r, Metric m);

// What two claims count, as a label: "north_korea troops planned".
std::string topic_of(const Claim& c);

}  // namespace nkclaims
