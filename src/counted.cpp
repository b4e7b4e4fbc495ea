#include "nkclaims/counted.hpp"

#include <algorithm>

namespace nkclaims {
namespace {

constexpr std::size_t kMaxUnknownWords = 2;  // unknown words allowed between a number and its noun
constexpr std::size_t kMaxFillers = 8;       // "are believed to have been": words before a participle
constexpr std::size_t kMaxAside = 6;         // "sent to the Kursk region": a phrase before the predicate
constexpr std::size_t kContextBytes = 800;   // an elliptical number's noun, within this many bytes back
constexpr double kMinBareValue = 100;        // "sending thirty thousand": smaller bare numbers are noise
constexpr std::size_t kPersonCueWindow = 8;  // "12,000 people are planned to be deployed"

// Parts of one mixed group combine: soldiers + personnel is troops, engineers + workers is a
// mixed group (personnel).
Metric combine(Metric a, Metric b) {
    if (a == b) return a;
    if (a == Metric::Personnel) return b;
    if (b == Metric::Personnel) return a;
    if (is_people(a) && is_people(b)) return Metric::Personnel;
    return a;
}

}  // namespace

std::optional<NounPhrase> CountedRules::noun_phrase(const Quantity& q) const {
    NounPhrase np;
    std::size_t j = q.last;
    if (c_.punct(j, "\"")) ++j;                                               // “10,000” soldiers
    if (c_.punct(j, "-") && c_.has(j + 1) && !c_.t[j + 1].space_before) ++j;  // 30,000-troop
    if (c_.is(j, WordClass::Partitive)) ++j;                                  // 4,000 of those soldiers
    std::size_t unknown = 0;
    while (c_.has(j) && j < q.last + 10) {
        auto n = g_.nouns.match(c_.t, j, c_.end);
        if (n && n->value->context && g_.modifiers.match(c_.t, j, c_.end)) {
            ++j;  // "5,000 military builders": a context word that also qualifies a noun
            continue;
        }
        if (n) {
            if (n->value->context) return std::nullopt;  // "the two armies": not a count of troops
            np.metric = n->value->metric;
            np.person = n->value->person;
            if (np.actor.empty()) np.actor = n->value->actor;  // "40 North Koreans"
            why(np, [&] { return Reason{Because::MetricNoun, {}, c_.join_norm(j, j + n->length), {}}; });
            np.end = j + n->length;
            coordinated(np);
            casualty_after(np);
            return np;
        }
        if (g_.not_counted.match(c_.t, j, c_.end)) return std::nullopt;
        const Token& t = c_.t[j];
        if (c_.punct(j, "\"") || c_.punct(j, "'")) {  // 30,000 "elite" soldiers, '10,000' troops
            ++j;
            continue;
        }
        if (t.kind == TokenKind::Punct || t.kind == TokenKind::Number) return std::nullopt;
        if (auto a = g_.actors.match(c_.t, j, c_.end)) {
            np.actor = *a->value;
            why(np, [&] { return Reason{Because::ActorWords, np.actor, c_.join_norm(j, j + a->length), {}}; });
            j += a->length;
            continue;
        }
        if (g_.modifiers.match(c_.t, j, c_.end)) {
            np.own = np.own || g_.words.is(WordClass::Own, c_.t, j, j + 1);
            ++j;
            continue;
        }
        if (g_.words.is(WordClass::NounStop, c_.t, j, j + 1) || ++unknown > kMaxUnknownWords) return std::nullopt;
        ++j;
    }
    return std::nullopt;
}

// "engineers and construction workers": one mixed group.
void CountedRules::coordinated(NounPhrase& np) const {
    const std::size_t j = np.end;
    if (!g_.words.is(WordClass::Coordinator, c_.t, j, std::min(j + 1, c_.end))) return;
    for (std::size_t k = j + 1; c_.has(k) && k < j + 4; ++k) {
        if (c_.t[k].kind != TokenKind::Word) return;
        if (auto n = g_.nouns.match(c_.t, k, c_.end); n && n->value->metric) {
            np.metric = np.metric ? combine(*np.metric, *n->value->metric) : n->value->metric;
            why(np, [&] {
                return Reason{
                    Because::MetricJoined, std::string(to_string(*np.metric)), c_.join_norm(k, k + n->length), {}};
            });
            np.end = k + n->length;
            return;
        }
        if (!g_.modifiers.match(c_.t, k, c_.end) && !g_.actors.match(c_.t, k, c_.end)) return;
    }
}

// Past auxiliaries and hedges ("are believed to have been", "have now") from token j; counts
// the words skipped.
std::size_t CountedRules::skip_fillers(std::size_t j, std::size_t& skipped) const {
    skipped = 0;
    while (skipped < kMaxFillers) {
        const auto n = c_.match(j, WordClass::PredicateFiller);
        if (!n) break;
        j += *n;
        ++skipped;
    }
    return j;
}

// "... soldiers were killed or wounded", "1,500 troops sent to Russia have now died"
void CountedRules::casualty_after(NounPhrase& np) const {
    std::size_t j = np.end, skipped = 0;
    // A participle phrase of a deployment ("sent to Russia") before the predicate.
    if (auto cue = g_.phases.match(c_.t, j, c_.end); cue && cue->value->people) {
        std::size_t k = j + cue->length;
        while (c_.has(k) && k < j + kMaxAside && c_.t[k].is_word() && !c_.is(k, WordClass::Auxiliary)) ++k;
        if (c_.is(k, WordClass::Auxiliary)) j = k;
    }
    j = skip_fillers(j, skipped);
    if (auto v = g_.casualty_verbs.match(c_.t, j, c_.end)) np.loss = *v->value;
}

std::optional<NounPhrase> CountedRules::predicate(const Quantity& q) const {
    std::size_t skipped = 0;
    std::size_t j = skip_fillers(q.last, skipped);
    if (!c_.has(j) || q.form == NumberForm::Vague) return std::nullopt;
    const std::size_t b = q.first;
    if (b > c_.begin + 1 && c_.t[b - 1].capitalized() && c_.t[b - 1].is_word()) return std::nullopt;  // "Cargo 300"
    NounPhrase np;
    if (auto v = g_.casualty_verbs.match(c_.t, j, c_.end)) {
        np.loss = np.metric = *v->value;
        np.end = j + v->length;
        why(np, [&] {
            return Reason{Because::MetricLossNoun, std::string(to_string(*np.metric)), c_.join_norm(j, np.end), {}};
        });
        return np;
    }
    if (skipped == 0) return std::nullopt;
    // "4,000 were battle casualties": a copula, then a noun of losses
    while (c_.has(j) && j < q.last + kMaxAside && g_.modifiers.match(c_.t, j, c_.end)) ++j;
    auto n = g_.nouns.match(c_.t, j, c_.end);
    if (!n || !n->value->metric || !is_loss(*n->value->metric)) return std::nullopt;
    np.metric = n->value->metric;
    np.end = j + n->length;
    why(np, [&] { return Reason{Because::MetricPredicate, {}, c_.join_norm(j, np.end), {}}; });
    return np;
}

// Whether a bare number's neighbours let it stand for something named nearby. `k` is where
// the number's restrictors ("only", "just") begin.
bool CountedRules::elliptical_cue(const Quantity& q, std::size_t k) const {
    const std::size_t b = q.first, e = q.last;
    const bool governed =
        people_cue_within(b >= 4 ? std::max(b - 4, c_.begin) : c_.begin, b) || people_cue_within(e, e + 3);
    const bool collective =
        b >= 2 && c_.is(b - 1, WordClass::Partitive) && g_.words.is(WordClass::Collective, c_.t, b - 2, b - 1);
    const bool copula = k >= 2 && c_.match(k - 2, WordClass::Copula) == std::optional<std::size_t>(2);
    // "8,000 of them", "the same 11,000.": a group named before
    const bool partitive =
        c_.is(e, WordClass::Partitive) && c_.has(e + 1) && g_.words.is(WordClass::PartitivePronoun, c_.t, e + 1, e + 2);
    const bool in_all = c_.is(e, WordClass::InAll);  // "1,500 in all"
    const bool definite = k > c_.begin && g_.words.is(WordClass::Definite, c_.t, k - 1, k) &&
                          (!c_.has(e) || c_.t[e].kind == TokenKind::Punct);
    return governed || collective || copula || partitive || definite || in_all;
}

std::optional<NounPhrase> CountedRules::elliptical(const Quantity& q) const {
    if (q.form == NumberForm::Vague) return std::nullopt;
    const double v = q.value.low ? *q.value.low : *q.value.high;
    if (v < kMinBareValue) return std::nullopt;
    const std::size_t b = q.first, e = q.last;
    const bool cue_after = people_cue_within(e, e + 3);
    if (c_.has(e) && c_.t[e].is_word() && !g_.words.is(WordClass::EllipsisFollower, c_.t, e, e + 1) && !cue_after &&
        !c_.is(e, WordClass::Partitive))
        return std::nullopt;
    if (b > c_.begin && c_.t[b - 1].capitalized() && c_.t[b - 1].is_word() && b - 1 > c_.begin &&
        !g_.phases.match(c_.t, b - 1, c_.end))
        return std::nullopt;  // "Cargo 200": a designation
    std::size_t k = b;
    while (k > c_.begin && g_.words.is(WordClass::Restrictor, c_.t, k - 1, k)) --k;
    bool predicate = k > c_.begin && g_.words.is(WordClass::Predicate, c_.t, k - 1, k);
    std::size_t verb = k - 1;
    // "have exceeded 3,000": a verb that bounds; "put casualties as high as 4,000": a bound right
    // after the counted noun
    const auto noun_before = [&] { return b > c_.begin && g_.nouns.match(c_.t, b - 1, b); };
    if (!predicate && q.num_first > b && (c_.is(b, WordClass::Predicate) || noun_before())) {
        predicate = true;
        verb = b;
    }
    if (predicate) {
        if (auto subject = subject_metric(verb)) {
            subject->end = std::max(subject->end, e);
            return subject;
        }
    }
    if (!predicate && !elliptical_cue(q, k)) return std::nullopt;
    auto metric = context_metric(b);
    if (!metric) return std::nullopt;
    NounPhrase np;
    const bool partitive =
        c_.is(e, WordClass::Partitive) && c_.has(e + 1) && g_.words.is(WordClass::PartitivePronoun, c_.t, e + 1, e + 2);
    np.end = partitive ? e + 2 : e;
    np.metric = metric;
    why(np, [&] { return Reason{Because::MetricNearby, std::string(to_string(*metric)), {}, {}}; });
    return np;
}

// "North Korean casualties in Kursk had reached 3,000": the metric noun that is the subject
// of the predicate before the number, in the same clause.
std::optional<NounPhrase> CountedRules::subject_metric(std::size_t predicate) const {
    for (std::size_t i = predicate; i > c_.begin && predicate - i < 8; --i) {
        const Token& t = c_.t[i - 1];
        if (t.kind == TokenKind::Punct || c_.hard(i - 1) || t.kind == TokenKind::Number) return std::nullopt;
        auto n = g_.nouns.match(c_.t, i - 1, predicate);
        if (!n || !n->value->metric || n->value->person) continue;
        // "killed or wounded": a longer noun that ends here and starts before
        for (std::size_t k = i - 1; k > c_.begin && i - 1 - k < 2; --k)
            if (auto longer = g_.nouns.match(c_.t, k - 1, predicate);
                longer && longer->value->metric && k - 1 + longer->length >= i) {
                n = longer;
                i = k;
            }
        NounPhrase np;
        np.end = predicate + 2;
        np.metric = n->value->metric;
        why(np, [&] {
            return Reason{
                Because::MetricSubject, {}, c_.join_norm(i - 1, i - 1 + n->length), std::string(c_.t[predicate].text)};
        });
        for (std::size_t k = i - 1; k > c_.begin && i - 1 - k < 3; --k)
            if (auto a = g_.actors.match(c_.t, k - 1, i - 1)) np.actor = *a->value;
        return np;
    }
    return std::nullopt;
}

// "killed 25 infantrymen", "lost more than 1,000 soldiers": a loss verb right before the number.
std::optional<Lexicon<Metric>::Match> CountedRules::loss_before(const Quantity& q) const {
    for (std::size_t len = 1; len <= 3 && q.first >= c_.begin + len; ++len)
        if (auto v = g_.casualty_verbs.match(c_.t, q.first - len, q.first); v && v->length == len) return v;
    return std::nullopt;
}

bool CountedRules::people_cue_within(std::size_t a, std::size_t b) const {
    for (std::size_t i = a; i < b && i < c_.end; ++i)
        if (auto m = g_.phases.match(c_.t, i, c_.end); m && m->value->people) return true;
    return false;
}

// Troops named earlier in this sentence or in the few before it.
std::optional<Metric> CountedRules::context_metric(std::size_t before) const {
    auto scan = [&](std::size_t a, std::size_t b) -> std::optional<Metric> {
        for (std::size_t i = b; i > a; --i)
            if (auto n = g_.nouns.match(c_.t, i - 1, b);
                n && (n->value->person || n->value->context || n->value->metric == Metric::Troops))
                return Metric::Troops;
        return std::nullopt;
    };
    if (auto m = scan(c_.begin, before)) return m;
    for (const Sentence* p : x_.previous) {
        if (x_.s.span.begin - p->span.end > kContextBytes) break;
        if (auto m = scan(p->tok_begin, p->tok_end)) return m;
    }
    return std::nullopt;
}

bool CountedRules::settle_metric(const Quantity& q, NounPhrase& np) const {
    std::optional<Metric> loss = np.loss;
    if (!loss) {
        if (auto before = loss_before(q)) loss = *before->value;
    }
    if (loss) {
        if (np.person || (np.metric && is_people(*np.metric))) {
            np.metric = loss;
            why(np, [&] {
                return Reason{*loss == Metric::Casualties ? Because::MetricCasualties : Because::MetricLossVerb,
                              std::string(to_string(*loss)),
                              {},
                              {}};
            });
            return true;
        }
        if (np.metric && is_loss(*np.metric)) return true;
    }
    if (np.person) {
        const std::size_t from = q.first > c_.begin + kPersonCueWindow ? q.first - kPersonCueWindow : c_.begin;
        if (!people_cue_within(from, std::min(np.end + kPersonCueWindow, c_.end))) return false;
        np.metric = Metric::Troops;
        why(np, [] { return Reason{Because::MetricPeopleSent, std::string(to_string(Metric::Troops)), {}, {}}; });
    }
    return np.metric.has_value();
}

}  // namespace nkclaims
