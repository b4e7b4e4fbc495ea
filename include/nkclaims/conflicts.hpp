// Conflicts: assessments (assessments.hpp) about the same thing (actor, metric, phase, compatible
// place) made at about the same time whose values cannot both be true, casualties fewer than the
// killed or the wounded, and denials of what another source asserts. Also what is not a conflict
// and still worth showing: corroboration and revision.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
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
    Denial,        // a source denies what another asserts
    BelowPart,     // casualties fewer than another source's killed or wounded
};
std::string_view to_string(ConflictKind k);

// Conflicts, corroborations and revisions point at claims: those given to find_conflicts(),
// which must outlive the report, or those the report holds itself (`held`).
struct Conflict {
    ConflictKind kind;
    // The disagreeing claims, one for each side: two figures, earlier first; or a figure and the
    // stance denying it. A figure stands for its assessment, shown by the mention that best shows
    // the disagreement: in a document stating both sides, the origin's own, nearest in time.
    std::vector<const Claim*> claims;
    double severity;  // relative gap between the values; 1 for a denial
    int gap_days;     // the largest distance in days between the claims
    std::string reason;
    std::string topic;
    // How much it deserves an analyst's time, 0 to 100 (docs/conflicts.md): the list is in this order.
    double rank = 0;
    // For each of `claims`, its assessment's mentions in every document and outlet (itself
    // first), at most kShownRelays of them; and how many there are in all.
    std::vector<std::vector<const Claim*>> relays;
    std::vector<std::size_t> reports;
    // Against a baseline (mark_new_conflicts): whether the baseline lacks it.
    std::optional<bool> fresh;
};

// The relays a conflict lists for each side: a figure relayed a thousand times is counted, not
// listed a thousand times.
inline constexpr std::size_t kShownRelays = 20;

// The same figure from several sources or documents. A large corpus restates a figure
// thousands of times: the claims are each voice's first, the count is all of them.
struct Corroboration {
    std::vector<const Claim*> claims;  // the earliest claim of each origin in agreement
    std::size_t count = 0;             // every claim in agreement, relays included: the reports
    // The independent origins among them (one per claim): "3 reports, 1 origin" is no corroboration.
    std::size_t origins() const { return claims.size(); }
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
    // With Explain::Yes: each pair compared, why it was or was not a conflict, and both quotes.
    std::vector<std::string> explanations;
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

// Keeps, of a report, what is about metric `m`: conflicts with a figure of it or a stance about
// it (a stance about the deployment is about troops; one about combat or casualties, about
// losses), corroborations and revisions of it.
void keep_metric(ConflictReport& r, Metric m);
// Keeps what `source` (an id, in any case) takes part in: as either side, or relaying either.
void keep_source(ConflictReport& r, std::string_view source);
// Keeps what a claim of document `doc` (its exact name) takes part in, relays included.
void keep_document(ConflictReport& r, std::string_view doc);
// Marks each conflict fresh or not against `baseline`, a saved `conflicts --format json` (a
// conflict is known when the same claims, by document and position, were listed together), and
// returns how many are fresh; none when the baseline is no such file.
std::optional<std::size_t> mark_new_conflicts(std::vector<Conflict>& conflicts, std::istream& baseline);

// What two claims count, as a label: "north_korea troops planned".
std::string topic_of(const Claim& c);

}  // namespace nkclaims
