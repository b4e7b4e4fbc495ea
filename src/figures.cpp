#include "nkclaims/figures.hpp"

#include "nkclaims/format.hpp"
#include "nkclaims/whose.hpp"

namespace nkclaims {
namespace {

// The rules that find what a number counts, tried in order: the first that finds it names the
// figure's rule.
struct CountRule {
    RuleId id;
    std::optional<NounPhrase> (CountedRules::*find)(const Quantity&) const;
};
constexpr CountRule kCountRules[] = {
    {RuleId::FigureNoun, &CountedRules::noun_phrase},
    {RuleId::FigurePredicate, &CountedRules::predicate},
    {RuleId::FigureElliptical, &CountedRules::elliptical},
};
constexpr std::size_t kHypotheticalReach = 8;  // tokens from "could" to the number it governs

}  // namespace

std::vector<Claim> FigureRules::figures() {
    std::vector<Claim> out;
    const std::size_t asked = question_start();
    for (std::size_t i = c_.begin; i < c_.end;) {
        auto q = c_.in_date(i) ? std::nullopt : parse_quantity(c_.t, i, c_.end);
        if (!q || c_.in_date(q->num_first)) {
            ++i;
            continue;
        }
        if (q->first < asked) {
            if (auto c = figure(*q)) {
                share_phase(*c, out, q->first);
                out.push_back(std::move(*c));
                last_first_ = q->first;
            }
        }
        i = q->last;
    }
    return out;
}

// "transferred 20,000 containers ..., containing six million rounds and over 100 missiles":
// materiel listed after a figure in its clause is supplied (or destroyed) as that one is.
void FigureRules::share_phase(Claim& c, const std::vector<Claim>& before, std::size_t first) const {
    if (c.phase || before.empty() || !c.metric || !is_materiel(*c.metric)) return;
    const Claim& prev = before.back();
    if (!prev.phase || !prev.metric || !is_materiel(*prev.metric) || c_.crosses(last_first_, first, Boundary::Hard))
        return;
    c.phase = prev.phase;
    x_.fields.note(c, [&] {
        return Reason{Because::PhaseShared, std::string(to_string(*c.phase)), prev.as_written, {}};
    });
}

// Where the question of a sentence ending in "?" begins: an auxiliary or wh-word opening a
// clause. Numbers before it (what is presupposed) still count. The end of the sentence if it
// asks nothing.
std::size_t FigureRules::question_start() const {
    if (!c_.punct(c_.end - 1, "?")) return c_.end;
    for (std::size_t i = c_.begin; i < c_.end; ++i) {
        const bool clause_start = i == c_.begin || c_.punct(i - 1, ",") || c_.hard(i - 1);
        if (clause_start && c_.g.words.is(WordClass::QuestionOpener, c_.t, i, i + 1)) return i;
    }
    return c_.end;
}

std::optional<Claim> FigureRules::figure(const Quantity& q) {
    const double v = q.value.low ? *q.value.low : *q.value.high;
    if (v < 2 || excluded_context(q)) return std::nullopt;
    std::optional<NounPhrase> found;
    RuleId rule = RuleId::FigureNoun;
    for (const CountRule& r : kCountRules) {  // the first rule whose phrase counts something
        found = (counted_.*r.find)(q);
        if (found && !ratio_after(found->end) && counted_.settle_metric(q, *found)) {
            rule = r.id;
            break;
        }
        found.reset();
    }
    if (!found || ratio_before(q)) return std::nullopt;
    NounPhrase& np = *found;

    const FieldRules& f = x_.fields;
    Claim c = base_claim(x_, ClaimKind::Figure, {c_.t[q.num_first].span.begin, c_.t[q.num_last - 1].span.end});
    c.rule.id = rule;
    c.value = bound_after_noun(q.value, c_.t, np.end, c_.end);
    c.approx = q.approx;
    c.metric = np.metric;
    if (f.explaining()) c.reasons = std::move(np.why);
    f.note(c, [&] {
        return Reason{q.bound.empty() ? Because::ValueWords : Because::ValueBound,
                      value_words(q.value, q.approx, false), c.as_written, std::string(q.bound)};
    });
    c.increment = increment(q);
    c.hypothetical = hypothetical(q, np.end);
    if (c.hypothetical) f.note(c, Reason{Because::Hypothetical, {}, {}, {}});
    c.location = f.location(q.first, np.end).value_or("");
    attribute(x_, c, q.num_first, false, unattributed_);  // "our forces" are the source's
    c.actor = WhoseRules(x_, counted_).actor(q, np, c);
    c.phase = f.phase(q.first, np.end, c);
    f.date(c, q.first, np.end);
    return c;
}

// Money, percentages, ages, times of day, ratios: a number, but never a figure.
bool FigureRules::excluded_context(const Quantity& q) const {
    const std::size_t b = q.num_first, e = q.num_last, f = q.first;
    if (b > c_.begin && c_.ends_at(b, WordClass::NotFigureBefore)) return true;
    // "squads of 40 men", "groups of about 20": the size of a unit, not a count of forces
    if (f >= c_.begin + 2 && c_.is(f - 1, WordClass::Partitive) &&
        c_.g.words.is(WordClass::UnitNoun, c_.t, f - 2, f - 1))
        return true;
    if (!c_.has(e)) return false;
    if (c_.punct(e, ":") && c_.has(e + 1) && c_.t[e + 1].kind == TokenKind::Number) return true;  // 10:30
    if (c_.is(e, WordClass::NotFigureAfter) || c_.g.not_counted.match(c_.t, e, c_.end)) return true;
    return c_.punct(e, "-") && c_.has(e + 1) && c_.g.not_counted.match(c_.t, e + 1, c_.end);  // 23-year-old
}

// "three senior officers for every 30 men", "officers for 30 people": a ratio, not a count.
bool FigureRules::ratio_before(const Quantity& q) const {
    const std::size_t b = q.first;
    return b >= c_.begin + 2 && c_.g.words.is(WordClass::RatioLead, c_.t, b - 1, b) &&
           c_.g.nouns.match(c_.t, b - 2, b - 1);
}

bool FigureRules::ratio_after(std::size_t np_end) const {
    const std::size_t n = np_end + 1;
    return (c_.is(np_end, WordClass::RatioLead) &&
            (c_.is(n, WordClass::RatioQuantifier) || (c_.has(n) && c_.t[n].kind == TokenKind::Number))) ||
           c_.is(np_end, WordClass::RatioAfter);
}

// "if he sent 60,000", "could rise to 100,000", "may send up to 50,000", "he can send even
// 60,000": a cue before the number in its clause. "could have sent 6 million" estimates the past.
// "Were Kim to send 50,000, ...": a condition by inversion. "even 200,000 would not", "20,000
// troops could be sent": a modal after the figure's noun (`np_end`).
bool FigureRules::hypothetical(const Quantity& q, std::size_t np_end) const {
    if (c_.conditional(q.first) || inverted_condition(q.first)) return true;
    return cue_before(q) || projected(q, np_end);
}

bool FigureRules::cue_before(const Quantity& q) const {
    const std::size_t from = q.first > c_.begin + kHypotheticalReach ? q.first - kHypotheticalReach : c_.begin;
    for (std::size_t i = q.first; i > from; --i) {
        if (c_.hard(i - 1) || c_.punct(i - 1, ",") || c_.is(i - 1, WordClass::HedgedEstimate)) return false;
        if (c_.g.words.is(WordClass::Hypothetical, c_.t, i - 1, q.first)) return true;
        if (c_.is(i - 1, WordClass::PossibilityModal) && supposed(i - 1, q)) return true;
    }
    return false;
}

// "Were North Korea to send 50,000 soldiers, Russia could...", "Should Kim commit 30,000 men,
// ...": the clause of `at` opens the sentence (or follows a comma) with an inverted auxiliary,
// and a comma closes it before the main clause.
bool FigureRules::inverted_condition(std::size_t at) const {
    std::size_t k = at;
    while (k > c_.begin && !c_.hard(k - 1) && !c_.punct(k - 1, ",")) --k;
    if (!(k == c_.begin || c_.punct(k - 1, ",")) || !c_.is(k, WordClass::Inversion)) return false;
    for (std::size_t i = at; i < c_.end; ++i)
        if (c_.punct(i, ",")) return true;
    return false;
}

// A modal right after the figure's noun makes the figure its subject and projects it: "20,000
// more troops could be sent", "as many as 100,000 could eventually join". A hedged estimate
// ("3,000 troops may be in Kursk", "could have died") is not one unless a phase verb follows
// ("could be sent"); a negated modal ("could not be found") neither. "Even 200,000 soldiers
// would not change": after a supposition word, any possibility modal of the clause projects.
bool FigureRules::projected(const Quantity& q, std::size_t np_end) const {
    constexpr std::size_t kEvenReach = 3;  // tokens from the figure's noun to its modal
    if (q.first > c_.begin && c_.is(q.first - 1, WordClass::Supposition)) {
        for (std::size_t i = np_end; i < c_.end && i < np_end + kEvenReach; ++i) {
            if (c_.hard(i) || c_.punct(i, ",")) break;
            if (c_.is(i, WordClass::PossibilityModal)) return true;
        }
    }
    if (!c_.is(np_end, WordClass::ModalAfter) || c_.in_date(np_end) || c_.is(np_end + 1, WordClass::Negator))
        return false;
    const auto hedged = c_.match(np_end, WordClass::HedgedEstimate);
    return !hedged || c_.g.phases.match(c_.t, np_end + *hedged, c_.end).has_value();
}

// Whether the possibility modal at token `m` supposes the figure `q`: a supposition word stands
// between them ("can send even 60,000", "would send up to 50,000"), or the clause before the
// modal's is a condition ("if he wants, he can send 60,000").
bool FigureRules::supposed(std::size_t m, const Quantity& q) const {
    for (std::size_t i = m + 1; i < q.num_first; ++i)
        if (c_.is(i, WordClass::Supposition)) return true;
    std::size_t k = m;
    while (k > c_.begin && !c_.hard(k - 1) && !c_.punct(k - 1, ",")) --k;
    return k > c_.begin && c_.punct(k - 1, ",") && c_.conditional(k - 1);
}

// "another 6,000", "an additional 500", "6,000 more".
bool FigureRules::increment(const Quantity& q) const {
    return c_.ends_at(q.first, WordClass::IncrementBefore) || c_.is(q.last, WordClass::IncrementAfter);
}

}  // namespace nkclaims
