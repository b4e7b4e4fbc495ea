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
            owner_after(np);
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
        if (g_.words.is(WordClass::NounStop, c_.t, j, j + 1)) return std::nullopt;
        if (const Side side = side_at(j); side != Side::None) {  // "20,000 of our troops", "enemy soldiers"
            np.side = side;
            ++j;
            continue;
        }
        if (++unknown > kMaxUnknownWords) return std::nullopt;
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

// "2,000 soldiers of the Russian 810th brigade": people of a nation's unit are its forces.
void CountedRules::owner_after(NounPhrase& np) const {
    const bool people = np.person || (np.metric && is_people(*np.metric));
    if (people && np.actor.empty() && np.side == Side::None) owner_of(np.end, np);
}

// "of the Russian brigade", "of the enemy" at token j: whose the noun before it is.
bool CountedRules::owner_of(std::size_t j, NounPhrase& np) const {
    if (!c_.is(j, WordClass::Partitive)) return false;
    if (c_.is(++j, WordClass::Definite)) ++j;
    if (auto a = g_.actors.match(c_.t, j, c_.end)) {
        np.actor = *a->value;
        why(np, [&] { return Reason{Because::ActorWords, np.actor, c_.join_norm(j, j + a->length), {}}; });
        return true;
    }
    np.side = side_at(j);
    return np.side != Side::None;
}

// "Russian troops", "our servicemen", "the enemy's forces": whose a noun at token `noun` names
// by the words right before it, past modifiers, none before token `from`. Where they start.
std::optional<std::size_t> CountedRules::owner_before(std::size_t noun, std::size_t from, NounPhrase& np) const {
    constexpr std::size_t kMaxModifiers = 3;
    std::size_t end = noun;
    for (std::size_t skipped = 0; end > from && skipped <= kMaxModifiers; ++skipped, --end) {
        if (auto a = actor_ending(end, from)) {
            np.actor = *a->name;
            return a->first;
        }
        if (const Side side = side_at(end - 1); side != Side::None) {
            np.side = side;
            return end - 1;
        }
        if (!g_.modifiers.match(c_.t, end - 1, end) && !c_.possessive(end - 1)) return std::nullopt;  // "the enemy's"
    }
    return std::nullopt;
}

std::optional<NounPhrase> CountedRules::possessor(std::size_t b) const {
    NounPhrase np;
    if (b > c_.begin && c_.is(b - 1, WordClass::Ours)) {  // "our 20,000"
        np.side = Side::Ours;
        return np;
    }
    if (b == c_.begin || !c_.possessive(b - 1)) return std::nullopt;
    const auto a = actor_ending(b, c_.begin);
    if (!a) return std::nullopt;
    np.actor = *a->name;
    why(np, [&] { return Reason{Because::ActorWords, np.actor, c_.join_norm(a->first, b), {}}; });
    return np;
}

// The actor named by the words that end right before token `end` ("Russian", "North Korea's"
// before the clitic), none of them before token `from`.
auto CountedRules::actor_ending(std::size_t end, std::size_t from) const -> std::optional<ActorWords> {
    constexpr std::size_t kMaxActorWords = 4;
    for (std::size_t i = end; i > from && end - i < kMaxActorWords; --i)
        if (auto a = g_.actors.match(c_.t, i - 1, end); a && i - 1 + a->length == end)
            return ActorWords{i - 1, a->value};
    return std::nullopt;
}

Side CountedRules::side_at(std::size_t i) const {
    if (c_.is(i, WordClass::Ours)) return Side::Ours;
    return c_.is(i, WordClass::Enemy) ? Side::Enemy : Side::None;
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
    if (auto v = g_.casualty_verbs.match(c_.t, j, c_.end))
        np.loss = *v->value;
    else if (auto n = skipped > 0 ? loss_noun(j, j + kMaxAside) : std::nullopt)  // "were battle casualties"
        np.loss = n->metric;
}

// "battle casualties", "heavy losses": modifiers from token j, then a noun of losses, all
// before token `limit`.
std::optional<NounPhrase> CountedRules::loss_noun(std::size_t j, std::size_t limit) const {
    while (c_.has(j) && j < limit && g_.modifiers.match(c_.t, j, c_.end)) ++j;
    auto n = g_.nouns.match(c_.t, j, c_.end);
    if (!n || !n->value->metric || !is_loss(*n->value->metric)) return std::nullopt;
    NounPhrase np;
    np.metric = n->value->metric;
    np.end = j + n->length;
    why(np, [&] { return Reason{Because::MetricPredicate, {}, c_.join_norm(j, np.end), {}}; });
    return np;
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
    return loss_noun(j, q.last + kMaxAside);  // "4,000 were battle casualties": a copula, then a noun of losses
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
    auto owner = possessor(b);  // "Russia's 50,000 fought": a nation's own, named before
    if (c_.has(e) && c_.t[e].is_word() && !g_.words.is(WordClass::EllipsisFollower, c_.t, e, e + 1) && !cue_after &&
        !c_.is(e, WordClass::Partitive) && !owner)
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
        if (auto subject = subject_metric(verb, verb)) {
            subject->end = std::max(subject->end, e);
            return subject;
        }
    }
    if (!predicate && !owner && !elliptical_cue(q, k)) return std::nullopt;
    auto group = restated(q);
    if (!group) group = context_metric(b);
    if (!group) return std::nullopt;
    NounPhrase np = owner.value_or(NounPhrase{});
    const bool partitive =
        c_.is(e, WordClass::Partitive) && c_.has(e + 1) && g_.words.is(WordClass::PartitivePronoun, c_.t, e + 1, e + 2);
    np.end = partitive ? e + 2 : e;
    np.metric = group->metric;
    why(np, [&] { return Reason{Because::MetricNearby, std::string(to_string(*np.metric)), {}, {}}; });
    if (owner) return np;
    // "our servicemen, some 30,000 of them"
    if (!group->named) return np;  // "Ukrainian military intelligence gives ...": no group of people
    if (auto at = owner_before(group->noun, group->from, np); at && !np.actor.empty())
        why(np, [&] { return Reason{Because::ActorGroup, np.actor, c_.join_norm(*at, group->noun + 1), {}}; });
    return np;
}

// "Russian losses reached 1,350 troops", "North Korea's losses stand at 3,000 men": a noun of
// losses is the subject of the predicate before the number, whatever noun counts them.
std::optional<NounPhrase> CountedRules::loss_subject(const Quantity& q) const {
    std::size_t k = q.first;
    while (k > c_.begin && g_.words.is(WordClass::Restrictor, c_.t, k - 1, k)) --k;
    if (k == c_.begin || !g_.words.is(WordClass::Predicate, c_.t, k - 1, k)) return std::nullopt;
    auto subject = subject_metric(k - 1, k - 1);
    if (!subject || !subject->metric || !is_loss(*subject->metric)) return std::nullopt;
    return subject;
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

// "North Korea has suffered 4,000 casualties ... Of the 4,000, ...": the same number counted
// before, in this sentence or the few before it, restates what that one counted.
std::optional<CountedRules::Group> CountedRules::restated(const Quantity& q) const {
    auto scan = [&](std::size_t a, std::size_t b) -> std::optional<Group> {
        for (std::size_t i = b; i > a; --i) {
            if (c_.t[i - 1].kind != TokenKind::Number) continue;
            auto same = parse_quantity(c_.t, i - 1, b);
            if (!same || same->value.low != q.value.low || same->value.high != q.value.high) continue;
            std::size_t j = same->last;
            while (j < b) {  // "4,000 North Korean casualties": past modifiers and nationalities
                if (auto m = g_.modifiers.match(c_.t, j, b))
                    j += m->length;
                else if (auto actor = g_.actors.match(c_.t, j, b))
                    j += actor->length;
                else
                    break;
            }
            if (auto n = g_.nouns.match(c_.t, j, b); n && n->value->metric) return Group{*n->value->metric, j, a, true};
        }
        return std::nullopt;
    };
    return nearby(q.first, scan);
}

// Troops named earlier in this sentence or in the few before it.
std::optional<CountedRules::Group> CountedRules::context_metric(std::size_t before) const {
    auto scan = [&](std::size_t a, std::size_t b) -> std::optional<Group> {
        for (std::size_t i = b; i > a; --i)
            if (auto n = g_.nouns.match(c_.t, i - 1, b);
                n && (n->value->person || n->value->context || n->value->metric == Metric::Troops))
                return Group{Metric::Troops, i - 1, a, !n->value->context};
        return std::nullopt;
    };
    return nearby(before, scan);
}

// The first group `scan` finds in this sentence before token `before`, else in the sentences
// just before it, nearest first, within kContextBytes.
template <class Scan>
auto CountedRules::nearby(std::size_t before, const Scan& scan) const -> std::optional<Group> {
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
    const bool people = np.person || (np.metric && is_people(*np.metric));
    if (auto subject = !loss && people ? loss_subject(q) : std::nullopt) {
        loss = subject->metric;
        if (np.actor.empty()) np.actor = subject->actor;
        if (np.side == Side::None) np.side = subject->side;
        for (Reason& r : subject->why) np.why.push_back(std::move(r));
    }
    if (loss) {
        if (people) {
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
