#include "nkclaims/fields.hpp"

#include <algorithm>

namespace nkclaims {
namespace {

constexpr int kSoftBoundaryCost = 6;  // a comma or dash between a cue and the number

// Whether "and" (or "or") joins the figure at `number` to the one before: "and 5,000",
// "and well over 100".
bool joined(const Clause& c, std::size_t from, std::size_t number) {
    constexpr std::size_t kBoundWords = 3;  // "and well over 100": words of a bound between
    for (std::size_t k = number; k > from && number - k < kBoundWords; --k)
        if (c.is(k - 1, WordClass::Coordinator)) return true;
    return false;
}

}  // namespace

// Where the figure at `number` is counted from for a cue before it: the figure "and" joins it
// to ("send 1,000 sappers ... and 5,000 workers": the verb governs both), else itself.
std::size_t FieldRules::anchor(std::size_t number) const {
    if (!joined(c_, c_.begin, number)) return number;
    for (std::size_t k = number; k > c_.begin && !c_.hard(k - 1); --k)
        if (k - 1 < number - 1 && c_.t[k - 1].kind == TokenKind::Number && !c_.in_date(k - 1) &&
            parse_quantity(c_.t, k - 1, c_.end))
            return k - 1;
    return number;
}

// The cheapest phase cue of the clause for the figure at tokens [first, np_end): its distance in
// tokens plus its weight, a comma costing more. Beyond `reach` tokens a cue says nothing.
std::optional<FieldRules::Cue> FieldRules::nearest_cue(std::size_t first, std::size_t np_end, Metric m,
                                                       std::size_t reach) const {
    std::optional<Cue> best;
    const std::size_t from = anchor(first);
    for (std::size_t i = c_.begin; i < c_.end; ++i) {
        if (i >= first && i < np_end) continue;
        auto cue = c_.g.phases.match(c_.t, i, c_.end);
        if (!cue) continue;
        const std::optional<Phase> p = is_materiel(m) ? cue->value->materiel : cue->value->people;
        const std::size_t at = i, cue_end = i + cue->length;
        const bool before = cue_end <= first;
        i = cue_end - 1;
        if (!p || (!before && cue->value->before_only)) continue;
        // a cue before the figure "and" joins this one to counts from that figure, at a cost
        const bool anchored = before && cue_end <= from && from < first;
        const std::size_t a = before ? cue_end : np_end, b = before ? (anchored ? from : first) : at;
        const std::size_t distance = b >= a ? b - a : 0;
        if (distance > reach || c_.crosses(a, before ? first : b, Boundary::Hard)) continue;
        const int cost = static_cast<int>(distance) + cue->value->weight +
                         (c_.crosses(a, b, Boundary::Soft) ? kSoftBoundaryCost : 0) +
                         (anchored ? kSoftBoundaryCost / 2 : 0);
        if (!best || cost < best->cost) best = Cue{*p, cost, c_.join_norm(at, cue_end)};
    }
    return best;
}

// The nearest phase cue in the clause; people and materiel read cues differently.
std::optional<Phase> FieldRules::phase(std::size_t first, std::size_t np_end, Claim& c) const {
    const Metric m = *c.metric;
    if (is_loss(m) || m == Metric::Strikes) return std::nullopt;
    auto best = nearest_cue(first, np_end, m, kPhaseReach);
    // Materiel has no phase of its own: the verb that hands over or destroys a list governs
    // every item of it, however long the list ("shipped ... including 220 howitzers").
    if (!best && is_materiel(m)) best = nearest_cue(first, np_end, m, c_.end - c_.begin);
    if (best && best->phase == Phase::Deployed && is_people(m) && c_.conditional(first)) {
        note(c, [&] {
            return Reason{Because::PhaseConditionalCue, std::string(to_string(Phase::Planned)), best->words, {}};
        });
        return Phase::Planned;
    }
    if (best) {
        note(c, [&] { return Reason{Because::PhaseCue, std::string(to_string(best->phase)), best->words, {}}; });
        return best->phase;
    }
    if (!is_people(m)) return std::nullopt;
    if (c_.is(np_end, WordClass::FigureNoun)) return std::nullopt;  // "the 30,000-troop figure": sent or planned?
    // No cue: "another 6,000" is more to come, so is a figure in an "if" clause; a plain
    // count of people is there.
    const bool hypothetical = c_.conditional(first);
    const Phase p = c.increment || hypothetical ? Phase::Planned : Phase::Deployed;
    note(c, [&] {
        const Because why = hypothetical  ? Because::PhaseDefaultConditional
                            : c.increment ? Because::PhaseDefaultIncrement
                                          : Because::PhaseDefault;
        return Reason{why, std::string(to_string(p)), {}, {}};
    });
    return p;
}

// A place after a locative preposition: first after the number in its clause, else the
// last before it.
std::optional<std::string> FieldRules::location(std::size_t first, std::size_t np_end) const {
    if (auto after = place_after(np_end, Lead::Preposition)) return after;
    std::optional<std::string> found;
    for (std::size_t i = c_.begin; i < first; ++i) {
        if (c_.hard(i)) found.reset();
        if (auto p = place_at(i, Lead::Preposition)) found = p;
    }
    return found;
}

std::optional<std::string> FieldRules::place_after(std::size_t from, Lead lead) const {
    for (std::size_t i = from; i < c_.end; ++i) {
        if (c_.hard(i) || c_.is(i, WordClass::RelativeStop)) return std::nullopt;
        // Another figure ends the search, unless "and" joins them: "1,000 sappers and 5,000 workers to Kursk".
        if (i > from && c_.t[i].kind == TokenKind::Number && !joined(c_, from, i) && parse_quantity(c_.t, i, c_.end))
            return std::nullopt;
        if (auto p = place_at(i, lead)) return p;
    }
    return std::nullopt;
}

// The place named at token i, if a preposition leads to it and it is not "the war in
// Ukraine" nor "in the war against Ukraine", a possessive ("Russia's Kursk region") or part of a source's name.
std::optional<std::string> FieldRules::place_at(std::size_t i, Lead lead) const {
    auto m = c_.g.places.match(c_.t, i, c_.end);
    if (!m || who_.names_source(i)) return std::nullopt;
    if (c_.possessive(i + m->length)) return std::nullopt;
    bool named_war = false;  // "to aid in the war against Ukraine": the place names the war
    for (std::size_t k = i; k > c_.begin && i - k < 5; --k) {
        if (c_.t[k - 1].kind == TokenKind::Punct) break;
        named_war = named_war || c_.g.words.is(WordClass::NotPlaceHead, c_.t, k - 1, k);
        if (c_.g.words.is(WordClass::LocativePrep, c_.t, k - 1, k)) {
            if (named_war || (k >= 2 && c_.g.words.is(WordClass::NotPlaceHead, c_.t, k - 2, k - 1)))
                return std::nullopt;
            return *m->value;
        }
    }
    if (lead == Lead::AnyWord && i > c_.begin && c_.t[i - 1].is_word()) return *m->value;
    return std::nullopt;
}

// A date next to a speech verb, or leading the clause, is when the claim was made (the speech
// verb's own date first); one after the figure ("deployed last November") is when the counted
// thing happened.
void FieldRules::date(Claim& c, std::size_t first, std::size_t last) const {
    const bool stance = c.kind == ClaimKind::Stance;
    const DateMention* said = nullptr;
    const DateMention* event = nullptr;
    const DateMention* opening = nullptr;               // a clause-initial date outranked by the speech verb's own
    std::pair<bool, std::size_t> best{true, 1u << 30};  // (only opens the clause, distance): least wins
    for (const DateMention& m : c_.dates()) {
        const bool crosses_clause =
            m.last <= first ? c_.crosses(m.last, first, Boundary::Hard) : c_.crosses(last, m.first, Boundary::Hard);
        if (crosses_clause) continue;
        const std::size_t distance = m.last <= first ? first - m.last : (m.first >= last ? m.first - last : 0);
        const bool spoken = near_verb(m) || after_source(m);
        if (!as_of(m) && !after_figure(m) && (spoken || clause_initial(m) || stance)) {
            const std::pair<bool, std::size_t> rank{!spoken && !stance, distance};
            if (rank < best) {
                if (said && best.first) opening = said;
                best = rank;
                said = &m;
            } else if (rank.first && !opening) {
                opening = &m;
            }
        } else if ((m.first >= last || as_of(m)) && !event) {
            event = &m;
        }
    }
    // "In March, 3,000 arrived, the NIS said on Monday": the speech verb's date is the claim's,
    // so the date that opens the clause is the event's.
    if (!event && opening && said && !best.first) event = opening;
    if (!said && !stance) said = speech_date(first);
    if (said) {
        c.date = said->range;
        note(c, [&] { return Reason{Because::DateSaid, said->range.iso(), span_text(said->first, said->last), {}}; });
    } else if (auto r = d_.reference_date()) {
        c.date = DateRange::of_day(*r);
        note(c, [&] { return Reason{Because::DateDocument, c.date->iso(), {}, {}}; });
    }
    if (event) {
        c.event_date = event->range;
        note(c, [&] {
            return Reason{Because::EventDate, event->range.iso(), span_text(event->first, event->last), {}};
        });
    }
}

// "On Wednesday, the White House said", "said last week that", "telling a summit last week":
// a date next to a speech verb, with no figure between them.
bool FieldRules::near_verb(const DateMention& m) const {
    for (std::size_t v : who_.verbs())
        if (beside_verb(m, v)) return true;
    return false;
}

bool FieldRules::beside_verb(const DateMention& m, std::size_t v) const {
    if (v >= m.last) return v - m.last <= 3 && !holds_number(m.last, v);
    return m.first > v && m.first - v <= 4 && !holds_number(v, m.first);
}

// "According to the ROK National Intelligence Service last week, over 13,000 ...": a date
// right after a source's name, then a comma or a speech verb, is when that source spoke.
bool FieldRules::after_source(const DateMention& m) const {
    if (m.first == c_.begin || !who_.names_source(m.first - 1)) return false;
    const auto& verbs = who_.verbs();
    return c_.punct(m.last, ",") || std::find(verbs.begin(), verbs.end(), m.last) != verbs.end();
}

// "killed by mid-January", "as of May": the date bounds the count; it dates the event.
bool FieldRules::as_of(const DateMention& m) const {
    return c_.is(m.first, WordClass::AsOf) || c_.ends_at(m.first, WordClass::AsOf);
}

// "The NIS told lawmakers last week that 300 were killed, while 2,700 were wounded": the date
// beside the speech verb nearest before the figure dates all it reports, across the clauses of
// its sentence. A nearer verb with no date of its own ("but Kyiv says") dates nothing.
const DateMention* FieldRules::speech_date(std::size_t first) const {
    std::optional<std::size_t> verb;
    for (std::size_t v : who_.verbs())
        if (v < first) verb = v;
    if (!verb) return nullptr;
    for (const DateMention& m : c_.dates())
        if (m.last <= first && !as_of(m) && beside_verb(m, *verb)) return &m;
    return nullptr;
}

// "100 missiles last year", "troops deployed last November": a date that follows a figure
// in its clause dates the event.
bool FieldRules::after_figure(const DateMention& m) const {
    const std::size_t from = m.first > c_.begin + 6 ? m.first - 6 : c_.begin;
    for (std::size_t i = m.first; i > from; --i) {
        const Token& t = c_.t[i - 1];
        if (t.kind == TokenKind::Punct || c_.hard(i - 1)) return false;
        if (t.kind == TokenKind::Number && !c_.in_date(i - 1)) return true;
    }
    return false;
}

bool FieldRules::holds_number(std::size_t a, std::size_t b) const {
    for (std::size_t i = a; i < b; ++i)
        if (c_.t[i].kind == TokenKind::Number && !c_.in_date(i)) return true;
    return false;
}

// "On Friday, ...", "Earlier on Monday, ...": a date that opens its clause.
bool FieldRules::clause_initial(const DateMention& m) const {
    std::size_t at = m.first;
    if (at > c_.begin && c_.ends_at(at, WordClass::DateAdverb)) --at;  // "earlier", one word
    return at == c_.begin || c_.hard(at - 1) || (at >= c_.begin + 2 && c_.punct(at - 1, ",") && c_.hard(at - 2));
}

std::string FieldRules::span_text(std::size_t a, std::size_t b) const {
    return d_.bytes.substr(c_.t[a].span.begin, c_.t[b - 1].span.end - c_.t[a].span.begin);
}

}  // namespace nkclaims
