// Whose forces a figure counts, from its words: a nationality in its phrase ("Russian
// troops", "soldiers of the Russian 810th brigade"), a possessive before it ("Russia's 50,000"),
// the subject that lost them ("Russian troops suffered 1,200 casualties"), the clause's subject
// for "its own". A speaker's "our forces" and "the enemy" are the claim's source's side or the
// side it fights (data/sides.tsv). Only when no word says: the country of the place people were
// killed in, else a default (data/actor_defaults.tsv).
#pragma once

#include <optional>
#include <string>

#include "nkclaims/counted.hpp"
#include "nkclaims/rules.hpp"

namespace nkclaims {

class WhoseRules {
public:
    // Both must outlive the rules.
    WhoseRules(const SentenceContext& x, const CountedRules& counted) : x_(x), c_(x.c), counted_(counted) {}

    // The actor of the figure at `q` whose phrase is `np`. Reads c.location and c.source (set
    // them first); notes why in c.reasons under --explain.
    std::string actor(const Quantity& q, const NounPhrase& np, Claim& c) const;

private:
    std::optional<std::string> side(Side s, Claim& c) const;
    std::optional<std::string> own_subject(const Quantity& q, Claim& c) const;
    std::optional<std::string> loser(const Quantity& q, const NounPhrase& np, Claim& c) const;
    std::optional<std::string> possessed(const Quantity& q, Claim& c) const;
    std::optional<std::size_t> loss_verb(const Quantity& q, const NounPhrase& np, int depth) const;
    static constexpr int kMaxListed = 6;  // figures of a list of losses one verb governs

    const SentenceContext& x_;
    const Clause& c_;
    const CountedRules& counted_;
};

}  // namespace nkclaims
