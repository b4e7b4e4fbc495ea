#include "nkclaims/fields.hpp"

#include <fmt/format.h>

#include <set>

namespace nkclaims {
namespace {

constexpr std::size_t kMaxCueDistance = 12;  // tokens: a phase cue farther away says nothing
constexpr int kSoftBoundaryCost = 6;         // a comma or dash between a cue and the number

// "from Russia's Far East toward Kursk": an origin is not where the counted are.
const std::set<std::string_view> kLocativePreps{"in",     "to",      "into",   "near",    "at",
                                                "around", "inside",  "toward", "towards", "across",
                                                "within", "reached", "reach",  "entered"};

bool soft_boundary(const Token& t) { return t.is(",") || t.is("-") || t.is("(") || t.is(")") || t.is(":"); }

}  // namespace

SentenceFields::SentenceFields(const Gazetteer& g, const Document& d, const Sentence& s, const SentenceAttribution& who,
                               Explain explain)
    : g_(g), d_(d), s_(s), t_(d.tokens.tokens), who_(who), explain_(explain == Explain::Yes) {
    dates_ = find_dates(t_, s.tok_begin, s.tok_end, d.reference_date());
    in_date_.assign(s.tok_end - s.tok_begin, false);
    for (const DateMention& m : dates_)
        for (std::size_t i = m.first; i < m.last; ++i) in_date_[i - s.tok_begin] = true;
}

bool SentenceFields::in_date(std::size_t i) const {
    return i >= s_.tok_begin && i < s_.tok_end && in_date_[i - s_.tok_begin];
}

// The nearest phase cue in the clause; people and materiel read cues differently.
std::optional<Phase> SentenceFields::phase(std::size_t first, std::size_t np_end, Claim& c) const {
    const Metric m = *c.metric;
    if (m == Metric::Casualties || m == Metric::Strikes) return std::nullopt;
    std::optional<Phase> best;
    int best_cost = 1 << 20;
    std::string best_cue;
    for (std::size_t i = s_.tok_begin; i < s_.tok_end; ++i) {
        if (i >= first && i < np_end) continue;
        auto cue = g_.phases.match(t_, i, s_.tok_end);
        if (!cue) continue;
        const std::optional<Phase> p = is_materiel(m) ? cue->value->materiel : cue->value->people;
        const std::size_t cue_end = i + cue->length;
        const bool before_number = cue_end <= first;
        if (p && (before_number || !cue->value->before_only)) {
            const bool before = before_number;
            const std::size_t a = before ? cue_end : np_end, b = before ? first : i;
            const std::size_t distance = b >= a ? b - a : 0;
            if (distance <= kMaxCueDistance && !crosses(a, b, Boundary::Hard)) {
                const int cost = static_cast<int>(distance) + cue->value->weight +
                                 (crosses(a, b, Boundary::Soft) ? kSoftBoundaryCost : 0);
                if (cost < best_cost) {
                    best_cost = cost;
                    best = p;
                    best_cue = join_norm(i, cue_end);
                }
            }
        }
        i = cue_end - 1;
    }
    if (best == Phase::Deployed && is_people(m) && conditional_clause(first)) {
        note(c, [&] { return fmt::format("phase planned: '{}' in a conditional clause", best_cue); });
        return Phase::Planned;
    }
    if (best) {
        note(c, [&] { return fmt::format("phase {} from '{}'", to_string(*best), best_cue); });
        return best;
    }
    if (!is_people(m)) return std::nullopt;
    // No cue: "another 6,000" is more to come, so is a figure in an "if" clause; a plain
    // count of people is there.
    const bool hypothetical = conditional_clause(first);
    const Phase p = c.increment || hypothetical ? Phase::Planned : Phase::Deployed;
    note(c, [&] {
        return fmt::format("phase {} by default{}", to_string(p),
                           hypothetical  ? " in a conditional clause"
                           : c.increment ? " for an increment"
                                         : "");
    });
    return p;
}

bool SentenceFields::conditional_clause(std::size_t at) const {
    for (std::size_t i = at; i > s_.tok_begin; --i) {
        const Token& t = t_[i - 1];
        if (t.is("if") || t.is("unless") || t.is("should")) return true;
        if (is_hard_boundary(t) || t.is(",")) return false;
    }
    return false;
}

bool SentenceFields::crosses(std::size_t a, std::size_t b, Boundary kind) const {
    for (std::size_t i = a; i < b; ++i)
        if (kind == Boundary::Hard ? is_hard_boundary(t_[i]) : soft_boundary(t_[i])) return true;
    return false;
}

// A place after a locative preposition: first after the number in its clause, else the
// last before it.
std::optional<std::string> SentenceFields::location(std::size_t first, std::size_t np_end) const {
    if (auto after = place_after(np_end, Lead::Preposition)) return after;
    std::optional<std::string> found;
    for (std::size_t i = s_.tok_begin; i < first; ++i) {
        if (is_hard_boundary(t_[i])) found.reset();
        if (auto p = place_at(i, Lead::Preposition)) found = p;
    }
    return found;
}

std::optional<std::string> SentenceFields::place_after(std::size_t from, Lead lead) const {
    for (std::size_t i = from; i < s_.tok_end; ++i) {
        const Token& t = t_[i];
        if (is_hard_boundary(t) || t.is("that") || t.is("which") || t.is("who") || t.is("where")) return std::nullopt;
        // Another figure ends the search, unless "and" joins them: "1,000 sappers and 5,000 workers to Kursk".
        if (i > from && t.kind == TokenKind::Number && !t_[i - 1].is("and") && parse_quantity(t_, i, s_.tok_end))
            return std::nullopt;
        if (auto p = place_at(i, lead)) return p;
    }
    return std::nullopt;
}

// The place named at token i, if a preposition leads to it and it is not "the war in
// Ukraine", a possessive ("Russia's Kursk region") or part of a source's name.
std::optional<std::string> SentenceFields::place_at(std::size_t i, Lead lead) const {
    auto m = g_.places.match(t_, i, s_.tok_end);
    if (!m || who_.names_source(i)) return std::nullopt;
    if (is(i + m->length, "'s")) return std::nullopt;
    for (std::size_t k = i; k > s_.tok_begin && i - k < 5; --k) {
        const Token& p = t_[k - 1];
        if (p.kind == TokenKind::Punct) break;
        if (kLocativePreps.contains(p.norm)) {
            if (k >= 2 && (t_[k - 2].is("war") || t_[k - 2].is("conflict"))) return std::nullopt;
            return *m->value;
        }
    }
    if (lead == Lead::AnyWord && i > s_.tok_begin && t_[i - 1].is_word()) return *m->value;
    return std::nullopt;
}

// A date next to a speech verb, or leading the clause, is when the claim was made; one
// after the figure ("deployed last November") is when the counted thing happened.
void SentenceFields::date(Claim& c, std::size_t first, std::size_t last) const {
    const bool stance = c.kind == ClaimKind::Stance;
    const DateMention* said = nullptr;
    const DateMention* event = nullptr;
    std::size_t best = 1u << 30;
    for (const DateMention& m : dates_) {
        const bool crosses_clause =
            m.last <= first ? crosses(m.last, first, Boundary::Hard) : crosses(last, m.first, Boundary::Hard);
        if (crosses_clause) continue;
        const std::size_t distance = m.last <= first ? first - m.last : (m.first >= last ? m.first - last : 0);
        if (!after_figure(m) && (near_verb(m) || clause_initial(m) || stance)) {
            if (distance < best) {
                best = distance;
                said = &m;
            }
        } else if (m.first >= last && !event) {
            event = &m;
        }
    }
    if (said) {
        c.date = said->range;
        note(c,
             [&] { return fmt::format("date {} from '{}'", said->range.iso(), span_text(said->first, said->last)); });
    } else if (auto r = d_.reference_date()) {
        c.date = DateRange::of_day(*r);
        note(c, [&] { return fmt::format("date {}: the document's reference date", c.date->iso()); });
    }
    if (event) {
        c.event_date = event->range;
        note(c, [&] {
            return fmt::format("event date {} from '{}'", event->range.iso(), span_text(event->first, event->last));
        });
    }
}

// "On Wednesday, the White House said", "said last week that", "telling a summit last week":
// a date next to a speech verb, with no figure between them.
bool SentenceFields::near_verb(const DateMention& m) const {
    for (std::size_t v : who_.verbs()) {
        if (v >= m.last && v - m.last <= 3 && !holds_number(m.last, v)) return true;
        if (m.first > v && m.first - v <= 4 && !holds_number(v, m.first)) return true;
    }
    return false;
}

// "100 missiles last year", "troops deployed last November": a date that follows a figure
// in its clause dates the event.
bool SentenceFields::after_figure(const DateMention& m) const {
    const std::size_t from = m.first > s_.tok_begin + 6 ? m.first - 6 : s_.tok_begin;
    for (std::size_t i = m.first; i > from; --i) {
        const Token& t = t_[i - 1];
        if (t.kind == TokenKind::Punct || is_hard_boundary(t)) return false;
        if (t.kind == TokenKind::Number && !in_date(i - 1)) return true;
    }
    return false;
}

bool SentenceFields::holds_number(std::size_t a, std::size_t b) const {
    for (std::size_t i = a; i < b; ++i)
        if (t_[i].kind == TokenKind::Number && !in_date(i)) return true;
    return false;
}

bool SentenceFields::clause_initial(const DateMention& m) const {
    return m.first == s_.tok_begin || is_hard_boundary(t_[m.first - 1]) ||
           (m.first >= s_.tok_begin + 2 && t_[m.first - 1].is(",") && is_hard_boundary(t_[m.first - 2]));
}

std::string SentenceFields::span_text(std::size_t a, std::size_t b) const {
    return d_.bytes.substr(t_[a].span.begin, t_[b - 1].span.end - t_[a].span.begin);
}

std::string SentenceFields::join_norm(std::size_t a, std::size_t b) const {
    std::string s;
    for (std::size_t i = a; i < b; ++i) s += (i > a ? " " : "") + std::string(t_[i].norm);
    return s;
}

}  // namespace nkclaims
