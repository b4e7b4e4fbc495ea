// The stance rules of one sentence, by meaning: a stance phrase (data/stances.tsv); a negated or
// refused verb of confirming, knowing or observing ("cannot corroborate", "no movements have
// been detected"; data/stance_verbs.tsv after a negator of stance_words.tsv); a report still
// being checked ("trying to determine"); an affirmed verb of confirming ("admitted"). A stance
// says what it is about (data/stance_about.tsv) and is held by whoever speaks at its cue.
#pragma once

#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "nkclaims/rules.hpp"

namespace nkclaims {

// Whether a stance cue may start at token t: a stance phrase, a negator, a pending check or a
// verb of confirming. Four bit tests, no lookup: most tokens of a text start none.
inline bool may_start_cue(const Gazetteer& g, const Token& t) {
    return g.stances.may_start(t) || g.stance_verbs.may_start(t) || g.words.may_start(WordClass::Negator, t) ||
           g.words.may_start(WordClass::Pending, t) || g.words.may_start(WordClass::Apparent, t);
}

class StanceRules {
public:
    explicit StanceRules(const SentenceContext& x) : x_(x), c_(x.c) {}

    // The stances of the sentence, one of each kind and subject. A confirmation or a hedge in
    // the clause of one of `figures` is that figure's attribution, not a stance.
    std::vector<Claim> stances(const std::vector<Claim>& figures);

private:
    struct Cue {
        Stance stance;
        std::size_t last;  // one past the cue's last token
        bool hedge;        // an affirmed verb or an apparent: none beside a figure
        bool negated;      // a negated verb: its topic may be the sentence before
    };
    std::optional<Cue> cue_at(std::size_t i) const;
    std::optional<Cue> negated_at(std::size_t i) const;
    bool negated_before(std::size_t i) const;
    std::optional<About> subject_of(const Cue& cue, std::size_t i, std::size_t object) const;
    std::optional<About> about(std::size_t from) const;
    Claim stance(const Cue& cue, std::size_t i, std::optional<About> about);
    bool figure_in_clause(const std::vector<Claim>& figures, std::size_t at) const;
    bool about_deployment(const Sentence* s) const;

    const SentenceContext& x_;
    const Clause& c_;
    std::set<std::size_t> unattributed_;  // stances are never restatements: kept apart
};

}  // namespace nkclaims
