#include "nkclaims/stances.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace nkclaims {
namespace {

constexpr std::size_t kNegatorReach = 2;   // "did not yet confirm": words between a negator and its verb
constexpr std::size_t kObservedReach = 6;  // "no particular movements have yet been detected"

// What a stance is most about, when its words name several things: a number first ("cannot
// verify a claim that 3,000 were killed" is about that figure), then losses, combat, deployment.
int rank(About a) {
    switch (a) {
        case About::Figure:
            return 0;
        case About::Casualties:
            return 1;
        case About::Combat:
            return 2;
        case About::Deployment:
            return 3;
    }
    return 4;
}

}  // namespace

std::vector<Claim> StanceRules::stances(const std::vector<Claim>& figures) {
    std::vector<Claim> out;
    std::set<std::pair<Stance, std::optional<About>>> seen;
    std::optional<bool> topic, topic_before;
    std::optional<std::size_t> previous_end;  // one past the last cue
    for (std::size_t i = c_.begin; i < c_.end; ++i) {
        auto cue = cue_at(i);
        if (!cue) continue;
        // "would not confirm or deny", "neither confirmed nor denied": one refusal, not two stances.
        const bool joined = previous_end && i == *previous_end + 1 && c_.is(*previous_end, WordClass::Coordinator);
        previous_end = cue->last;
        if (joined) {
            i = cue->last - 1;
            continue;
        }
        if (!topic) topic = about_deployment(&x_.s);  // most sentences have no cue: checked only then
        if (!*topic && cue->negated && !topic_before)
            topic_before = !x_.previous.empty() && about_deployment(x_.previous.front());
        if (!*topic && !(cue->negated && topic_before.value_or(false))) {
            i = cue->last - 1;
            continue;
        }
        std::size_t object = cue->last;  // "neither confirmed nor denied the reports": after both verbs
        if (c_.is(object, WordClass::Coordinator) && c_.has(object + 1))
            if (auto next = cue_at(object + 1)) object = next->last;
        auto subject = subject_of(*cue, i, object);
        const bool beside_figure = (cue->stance == Stance::Confirms || cue->hedge) && figure_in_clause(figures, i);
        // One stance of a kind per subject; a stance that names no subject repeats any other.
        const bool repeated = std::any_of(seen.begin(), seen.end(), [&](const auto& st) {
            return st.first == cue->stance && (st.second == subject || !st.second || !subject);
        });
        if (beside_figure || repeated) {
            i = cue->last - 1;
            continue;
        }
        seen.insert({cue->stance, subject});
        out.push_back(stance(*cue, i, subject));
        i = cue->last - 1;
    }
    return out;
}

Claim StanceRules::stance(const Cue& cue, std::size_t i, std::optional<About> subject) {
    const FieldRules& f = x_.fields;
    Claim c = base_claim(x_, ClaimKind::Stance, {c_.t[i].span.begin, c_.t[cue.last - 1].span.end});
    c.stance = cue.stance;
    c.about = subject;
    c.rule = RuleRef{RuleId::Stance, c_.join_norm(i, cue.last), false};
    f.note(c, [&] { return Reason{Because::StanceCue, std::string(to_string(cue.stance)), c.as_written, {}}; });
    if (subject) f.note(c, [&] { return Reason{Because::About, std::string(to_string(*subject)), {}, {}}; });
    attribute(x_, c, i, true, unattributed_);
    if (auto speaker = x_.who.stance_speaker(i)) {
        c.source = speaker->source;
        c.via = speaker->via;
        f.note(c, [&] { return speaker->reason(voice_of(c)); });
    }
    f.date(c, i, cue.last);
    c.location = f.place_after(cue.last, Lead::AnyWord).value_or("");
    return c;
}

// The stance cue starting at token i: a stance phrase, a negated verb, a pending check, or an
// affirmed verb of confirming.
auto StanceRules::cue_at(std::size_t i) const -> std::optional<Cue> {
    const Gazetteer& g = c_.g;
    if (!may_start_cue(g, c_.t[i])) return std::nullopt;
    if (auto m = g.stances.match(c_.t, i, c_.end)) return Cue{*m->value, i + m->length, false, false};
    if (auto n = negated_at(i)) return n;
    if (auto p = c_.match(i, WordClass::Pending)) return Cue{Stance::Unconfirmed, i + *p, false, false};
    if (auto a = c_.match(i, WordClass::Apparent)) return Cue{Stance::Unconfirmed, i + *a, true, false};
    if (auto v = g.stance_verbs.match(c_.t, i, c_.end); v && v->value->affirmed && !negated_before(i))
        return Cue{*v->value->affirmed, i + v->length, true, false};
    return std::nullopt;
}

// "cannot corroborate", "did not have the information", "no movements have been detected".
auto StanceRules::negated_at(std::size_t i) const -> std::optional<Cue> {
    const auto n = c_.match(i, WordClass::Negator);
    if (!n) return std::nullopt;
    const std::size_t from = i + *n;
    for (std::size_t k = from; c_.has(k) && k <= from + kObservedReach; ++k) {
        if (c_.t[k].kind == TokenKind::Punct || c_.hard(k)) return std::nullopt;
        auto v = c_.g.stance_verbs.match(c_.t, k, c_.end);
        if (!v || !v->value->negated) continue;
        const bool observed = *v->value->negated == Stance::Denies;
        if (k - from > kNegatorReach && !observed) return std::nullopt;
        return Cue{*v->value->negated, k + v->length, false, true};
    }
    return std::nullopt;
}

bool StanceRules::negated_before(std::size_t i) const {
    for (std::size_t k = i; k > c_.begin && i - k <= kNegatorReach + 1; --k)
        if (c_.g.words.is(WordClass::Negator, c_.t, k - 1, i)) return true;
    return false;
}

// What a cue is about: the words after it; else, when they are a pronoun ("would not confirm or
// deny it") or nothing ("called the reports fabricated"), what was named before: from the
// sentence's start, or for a closing negated cue from its own first word ("no particular
// movements have been detected"), never a clause before it.
std::optional<About> StanceRules::subject_of(const Cue& cue, std::size_t i, std::size_t object) const {
    if (auto subject = about(object)) return subject;
    const bool closes = !c_.has(object) || c_.hard(object) || c_.t[object].kind == TokenKind::Punct;
    if (closes) return about(cue.negated ? i : c_.begin);
    if (c_.is(object, WordClass::Pronoun) || c_.is(object, WordClass::PartitivePronoun)) return about(c_.begin);
    return std::nullopt;
}

// What the words after the cue are about, up to the next cue or clause break: a figure (a
// number) before losses before combat before the deployment.
std::optional<About> StanceRules::about(std::size_t from) const {
    std::optional<About> best;
    for (std::size_t i = from; i < c_.end && !c_.hard(i); ++i) {
        if (i > from && (c_.g.stances.match(c_.t, i, c_.end) || c_.g.stance_verbs.match(c_.t, i, c_.end))) break;
        std::optional<About> here;
        if (auto m = c_.g.stance_about.match(c_.t, i, c_.end))
            here = *m->value;
        else if (c_.t[i].kind == TokenKind::Number && !c_.in_date(i))
            here = About::Figure;
        if (here && (!best || rank(*here) < rank(*best))) best = here;
    }
    return best;
}

bool StanceRules::figure_in_clause(const std::vector<Claim>& figures, std::size_t at) const {
    for (const Claim& fig : figures) {
        std::size_t k = at;
        while (k < c_.end && c_.t[k].span.begin < fig.span.begin) ++k;
        std::size_t j = at;
        while (j > c_.begin && c_.t[j].span.begin > fig.span.begin) --j;
        if (!c_.crosses(std::min(j, at), std::max(k, at), Boundary::Hard)) return true;
    }
    return false;
}

bool StanceRules::about_deployment(const Sentence* s) const {
    for (std::size_t i = s->tok_begin; i < s->tok_end; ++i)
        if (c_.g.stance_topics.match(c_.t, i, s->tok_end)) return true;
    return false;
}

}  // namespace nkclaims
