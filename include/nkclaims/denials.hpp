// The denial matcher: a stance that denies, against the figures of other voices it is about: the
// deployment (or a figure of it) against troop figures, combat or casualties against losses.
#pragma once

#include "nkclaims/claim_facts.hpp"
#include "nkclaims/conflicts.hpp"

namespace nkclaims {

// Records in `out` each denial against each assessment of another voice it is about, within the
// window and at a compatible place, unless it restates a denial already recorded. With an
// explaining index, the explanations are those of this one search.
void find_denials(const FactIndex& index, const ConflictOptions& opt, Findings& out);

}  // namespace nkclaims
