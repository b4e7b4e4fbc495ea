// The disagreement sweep: figures about the same thing (actor, metric, phase, compatible place)
// at about the same time whose values cannot both be true, a cumulative figure that shrank, and
// beside them what is not a conflict but worth showing (corroboration, revision).
#pragma once

#include "nkclaims/claim_facts.hpp"
#include "nkclaims/conflicts.hpp"

namespace nkclaims {

// Records in `out` every disagreement, corroboration and revision among the figures of `index`.
// Figures are bucketed by what they count and swept in date order within the window: the cost
// grows as n log n plus the pairs really within the window. Explanations, when the index
// explains, are those of the comparisons this sweep makes.
void find_disagreements(const FactIndex& index, const ConflictOptions& opt, Findings& out);

}  // namespace nkclaims
