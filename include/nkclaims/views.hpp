// The views of stored claims that tell the story of an estimate: the latest assessment of each
// source (`nkclaims latest`), and every assessment in date order (`nkclaims timeline`). An
// assessment is a source's figure as it first said it, with the claims that relay or restate
// it folded in: "NIS: 3,000", relayed by AP and by KBS, is one assessment, not three rows.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "nkclaims/claim.hpp"
#include "nkclaims/dates.hpp"

namespace nkclaims {

// One source's figure for one thing (actor, metric, phase), with its relays and restatements,
// as `latest` and `timeline` show it. Not assessments.hpp's Assessment, which the conflicts
// group across sources and outlets: two structs of one name would break the one-definition rule.
struct Estimate {
    std::vector<const Claim*> claims;  // by date: the first made it, the others relay or restate it
    const Claim& first() const { return *claims.front(); }
};

// The outlets that relayed an assessment (the claims' `via`), each once, in the order they did.
std::vector<std::string> relays_of(const Estimate& a);

// The dated figures of `claims` (which must outlive the result), hypothetical ones left out, grouped into assessments:
// for one source and one thing, a run of claims with the same value in date order is one assessment, and a new value
// starts the next. In date order.
std::vector<Estimate> group_assessments(const std::vector<Claim>& claims);

// For each (actor, metric, phase) and each originating source, its latest assessment made on
// or before `as_of` (every one without it): a source that revised its figure shows only the
// revision. Ordered by actor, metric, phase, then source.
std::vector<Estimate> latest_assessments(const std::vector<Claim>& claims, std::optional<Day> as_of = {});

// Every assessment in date order, then by actor and source: how the estimates evolved.
std::vector<Estimate> timeline_assessments(const std::vector<Claim>& claims);

}  // namespace nkclaims
