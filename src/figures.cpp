#include "nkclaims/figures.hpp"

#include <fmt/format.h>

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
    {RuleId::FigureElliptical, &CountedRules::elliptical},
};

std::string value_text(const Value& v) {
    auto n = [](const std::optional<double>& x) { return x ? fmt::format("{}", *x) : std::string("-"); };
    return n(v.low) + ".." + n(v.high);
}

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
            if (auto c = figure(*q)) out.push_back(std::move(*c));
        }
        i = q->last;
    }
    return out;
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
    for (const CountRule& r : kCountRules) {
        if ((found = (counted_.*r.find)(q))) {
            rule = r.id;
            break;
        }
    }
    if (!found) return std::nullopt;
    NounPhrase& np = *found;
    if (ratio_after(np.end) || ratio_before(q)) return std::nullopt;
    if (!counted_.settle_metric(q, np)) return std::nullopt;

    const FieldRules& f = x_.fields;
    Claim c = base_claim(x_, ClaimKind::Figure, {c_.t[q.num_first].span.begin, c_.t[q.num_last - 1].span.end});
    c.rule = to_string(rule);
    c.value = q.value;
    c.approx = q.approx;
    c.metric = np.metric;
    if (f.explaining())
        for (const auto& w : np.why) f.note(c, w);
    f.note(c, [&] {
        return fmt::format("value {} from '{}'{}", value_text(q.value), c.as_written,
                           q.bound.empty() ? "" : fmt::format(" with '{}'", q.bound));
    });
    c.increment = increment(q);
    c.location = f.location(q.first, np.end).value_or("");
    c.actor = actor(q, np, c);
    c.phase = f.phase(q.first, np.end, c);
    attribute(x_, c, q.num_first, false, unattributed_);
    f.date(c, q.first, np.end);
    return c;
}

// Money, percentages, ages, times of day, ratios: a number, but never a figure.
bool FigureRules::excluded_context(const Quantity& q) const {
    const std::size_t b = q.num_first, e = q.num_last;
    if (b > c_.begin && c_.ends_at(b, WordClass::NotFigureBefore)) return true;
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

// "another 6,000", "an additional 500", "6,000 more".
bool FigureRules::increment(const Quantity& q) const {
    return c_.ends_at(q.first, WordClass::IncrementBefore) || c_.is(q.last, WordClass::IncrementAfter);
}

std::string FigureRules::actor(const Quantity& q, const NounPhrase& np, Claim& c) const {
    const FieldRules& f = x_.fields;
    const Gazetteer& g = c_.g;
    if (np.metric == Metric::Casualties && np.person && !c.location.empty()) {
        const std::string country = g.country_of(c.location);
        f.note(c, [&] { return fmt::format("actor {}: people killed in {}", country, c.location); });
        return country;
    }
    if (np.own) {  // "Russia is massing 110,000 of its own troops"
        for (std::size_t i = c_.begin; i < q.first; ++i)
            if (auto a = g.actors.match(c_.t, i, q.first)) {
                f.note(c, [&] { return fmt::format("actor {}: 'its own' refers to '{}'", *a->value, c_.t[i].text); });
                return *a->value;
            }
    }
    if (!np.actor.empty()) return np.actor;
    if (np.person && np.metric == Metric::Casualties) return "ukraine";
    f.note(c, "actor north_korea by default");
    return "north_korea";
}

}  // namespace nkclaims
