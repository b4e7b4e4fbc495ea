// The denial matcher: a stance that denies or cannot confirm, against the troop figures of
// other voices it contradicts.
#pragma once

#include "nkclaims/claim_facts.hpp"
#include "nkclaims/conflicts.hpp"

namespace nkclaims {

// Records in `out` each denial against each other voice's figure nearest to it in time within
// the window (the smallest gap in days, then the one that ends later, then the first in the
// text), unless it restates a denial already recorded. With an explaining index, the
// explanations are those of this one search.
void find_denials(const FactIndex& index, const ConflictOptions& opt, Findings& out);

}  // namespace nkclaims
