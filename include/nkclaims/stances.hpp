// The stance rules of one sentence: a stance cue (data/stances.tsv) in a sentence about the
// deployment (data/stance_topics.txt) is a stance, held by whoever speaks at the cue.
#pragma once

#include <set>
#include <vector>

#include "nkclaims/rules.hpp"

namespace nkclaims {

class StanceRules {
public:
    explicit StanceRules(const SentenceContext& x) : x_(x), c_(x.c) {}

    // The stances of the sentence, one of each kind. A confirmation in the clause of one of
    // `figures` is that figure's attribution, not a stance.
    std::vector<Claim> stances(const std::vector<Claim>& figures);

private:
    bool figure_in_clause(const std::vector<Claim>& figures, std::size_t at) const;
    bool about_deployment() const;

    const SentenceContext& x_;
    const Clause& c_;
    std::set<std::size_t> unattributed_;  // stances are never restatements: kept apart
};

}  // namespace nkclaims
