// The figure rules of one sentence: every quantity that counts something (CountedRules) and is
// not money, an age, a time, a percentage or a ratio becomes a figure, with its value, metric,
// actor, increment, and the fields (phase, place, source, date) the field rules give it.
#pragma once

#include <optional>
#include <set>
#include <vector>

#include "nkclaims/counted.hpp"
#include "nkclaims/rules.hpp"

namespace nkclaims {

class FigureRules {
public:
    explicit FigureRules(const SentenceContext& x) : x_(x), c_(x.c), counted_(x) {}

    // The figures of the sentence, in the order of the text. A number asked in a question
    // ("Are we talking 10,000?") is none.
    std::vector<Claim> figures();
    // The spans of the figures whose source is only the document's outlet.
    const std::set<std::size_t>& unattributed() const { return unattributed_; }

private:
    std::size_t question_start() const;
    void share_phase(Claim& c, const std::vector<Claim>& before, std::size_t first) const;
    std::optional<Claim> figure(const Quantity& q);
    bool excluded_context(const Quantity& q) const;
    bool ratio_before(const Quantity& q) const;
    bool ratio_after(std::size_t np_end) const;
    bool increment(const Quantity& q) const;
    bool hypothetical(const Quantity& q, std::size_t np_end) const;
    bool cue_before(const Quantity& q) const;
    bool inverted_condition(std::size_t at) const;
    bool projected(const Quantity& q, std::size_t np_end) const;
    bool supposed(std::size_t m, const Quantity& q) const;

    const SentenceContext& x_;
    const Clause& c_;
    CountedRules counted_;
    std::set<std::size_t> unattributed_;
    std::size_t last_first_ = 0;  // where the last figure's quantity began
};

}  // namespace nkclaims
