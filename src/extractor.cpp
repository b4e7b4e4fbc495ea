#include "nkclaims/extractor.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "nkclaims/attribution.hpp"
#include "nkclaims/fields.hpp"
#include "nkclaims/quote.hpp"

namespace nkclaims {
namespace {

constexpr std::size_t kMaxUnknownWords = 2;   // unknown words allowed between a number and its noun
constexpr std::size_t kContextSentences = 5;  // sentences back where an elliptical number finds its noun...
constexpr std::size_t kContextBytes = 800;    // ...within this many bytes: short turns of a transcript
constexpr double kMinBareValue = 100;         // "sending thirty thousand": smaller bare numbers are noise
constexpr std::size_t kPersonCueWindow = 8;   // "12,000 people are planned to be deployed"

// Words that end the search for the noun a number counts.
const std::set<std::string_view> kBreakers{
    "said",  "says",   "told",  "that",   "which", "who",  "where", "when", "while", "because", "if",
    "but",   "was",    "were",  "is",     "has",   "have", "had",   "will", "would", "could",   "should",
    "can",   "to",     "in",    "on",     "at",    "from", "for",   "with", "by",    "into",    "near",
    "since", "during", "after", "before", "than",  "as",   "and",   "or",   "per",   "each",    "every",
    "a",     "an",     "it",    "they",   "he",    "she",  "we",    "you",  "i",     "of"};
// Words that may follow an elliptical number ("that's only ten thousand if ...").
const std::set<std::string_view> kFunctionWords{
    "if",    "and",  "or",      "so",    "but", "you", "we",   "they", "he",    "she",   "it",  "are",  "is",  "were",
    "was",   "will", "would",   "could", "to",  "in",  "of",   "from", "that",  "which", "who", "more", "now", "then",
    "there", "here", "already", "soon",  "at",  "by",  "into", "this", "these", "those", "now", "in"};
// "casualties had reached about 3,000", "the figure is 8,000": the noun stands before the number.
const std::set<std::string_view> kPredicates{
    "reached", "reach", "reaches", "totaled", "totalled", "totals",   "numbered", "is",  "are", "was",
    "were",    "stood", "stands",  "rose",    "climbed",  "exceeded", "topped",   "hit", "at",  "to"};
const std::set<std::string_view> kCollectives{"group", "contingent", "batch", "force", "total", "number", "deployment"};

// Parts of one mixed group combine: soldiers + personnel is troops, engineers + workers is a
// mixed group (personnel).
Metric combine(Metric a, Metric b) {
    if (a == b) return a;
    if (a == Metric::Personnel) return b;
    if (b == Metric::Personnel) return a;
    if (is_people(a) && is_people(b)) return Metric::Personnel;
    return a;
}

struct NounPhrase {
    std::size_t end = 0;  // one past the last token of the phrase
    std::optional<Metric> metric;
    bool person = false;
    bool casualty = false;  // "were killed or wounded" after it
    std::string actor;
    bool own = false;  // "its own troops": the clause's subject country
    std::vector<std::string> why;
};

// The figure and stance rules of one sentence, over the field rules they share.
class SentenceRules : public SentenceFields {
public:
    SentenceRules(const Gazetteer& g, const Document& d, const Sentence& s, const SentenceAttribution& who,
                  std::vector<const Sentence*> previous, Explain explain)
        : SentenceFields(g, d, s, who, explain), previous_(std::move(previous)) {}

    std::vector<Claim> figures() {
        std::vector<Claim> out;
        const std::size_t asked = question_start();
        for (std::size_t i = s_.tok_begin; i < s_.tok_end;) {
            auto q = in_date(i) ? std::nullopt : parse_quantity(t_, i, s_.tok_end);
            if (!q || in_date(q->num_first)) {
                ++i;
                continue;
            }
            // "Are we talking 10,000?": a number inside a question is asked, not claimed.
            if (q->first < asked) {
                if (auto c = figure(*q)) out.push_back(std::move(*c));
            }
            i = q->last;
        }
        return out;
    }

    std::vector<Claim> stances(const std::vector<Claim>& figures) {
        std::vector<Claim> out;
        std::set<Stance> seen;
        bool topic_checked = false;
        for (std::size_t i = s_.tok_begin; i < s_.tok_end; ++i) {
            auto m = g_.stances.match(t_, i, s_.tok_end);
            if (!m) continue;
            if (!topic_checked) {  // most sentences have no stance cue: check the topic only then
                if (!about_deployment()) return out;
                topic_checked = true;
            }
            const Stance st = *m->value;
            const std::size_t last = i + m->length;
            // A confirmation beside a figure is the figure's own attribution, not a stance.
            if ((st == Stance::Confirms && figure_in_clause(figures, i)) || seen.contains(st)) {
                i = last - 1;
                continue;
            }
            seen.insert(st);
            Claim c = base(ClaimKind::Stance, {t_[i].span.begin, t_[last - 1].span.end});
            c.stance = st;
            c.rule = fmt::format("stance:{}", join_norm(i, last));
            note(c, [&] { return fmt::format("stance {} from '{}'", to_string(st), c.as_written); });
            attribute(c, i, true);
            if (auto speaker = who_.stance_speaker(i)) {
                c.source = speaker->source;
                c.via = speaker->via;
                note(c, [&] { return fmt::format("source {} from {}", c.source, speaker->why); });
            }
            date(c, i, last);
            c.location = place_after(last, Lead::AnyWord).value_or("");
            out.push_back(std::move(c));
            i = last - 1;
        }
        return out;
    }

private:
    // Where the question of a sentence ending in "?" begins: an auxiliary or wh-word opening a
    // clause. Numbers before it (what is presupposed) still count. The end of the sentence if
    // it asks nothing.
    std::size_t question_start() const {
        if (!t_[s_.tok_end - 1].is("?")) return s_.tok_end;
        static const std::set<std::string_view> openers{"are", "is",     "was",  "were",  "do",    "does",  "did",
                                                        "how", "what",   "will", "would", "could", "can",   "have",
                                                        "has", "should", "why",  "when",  "where", "which", "who"};
        for (std::size_t i = s_.tok_begin; i < s_.tok_end; ++i) {
            const bool clause_start = i == s_.tok_begin || t_[i - 1].is(",") || is_hard_boundary(t_[i - 1]);
            if (clause_start && openers.contains(t_[i].norm)) return i;
        }
        return s_.tok_end;
    }

    bool figure_in_clause(const std::vector<Claim>& figures, std::size_t at) const {
        for (const Claim& f : figures) {
            std::size_t k = at;
            while (k < s_.tok_end && t_[k].span.begin < f.span.begin) ++k;
            std::size_t j = at;
            while (j > s_.tok_begin && t_[j].span.begin > f.span.begin) --j;
            if (!crosses(std::min(j, at), std::max(k, at), Boundary::Hard)) return true;
        }
        return false;
    }

    std::optional<Claim> figure(const Quantity& q) {
        const double v = q.value.low ? *q.value.low : *q.value.high;
        if (v < 2 || excluded_context(q)) return std::nullopt;
        NounPhrase np;
        std::string rule = "figure:noun";
        if (auto found = noun_phrase(q)) {
            np = *found;
        } else if (auto bare = elliptical(q)) {
            np = *bare;
            rule = "figure:elliptical";
        } else {
            return std::nullopt;
        }
        if (ratio_after(np.end) || ratio_before(q)) return std::nullopt;
        if (!settle_metric(q, np)) return std::nullopt;

        Claim c = base(ClaimKind::Figure, {t_[q.num_first].span.begin, t_[q.num_last - 1].span.end});
        c.rule = rule;
        c.value = q.value;
        c.approx = q.approx;
        c.metric = np.metric;
        if (explain_)
            for (const auto& w : np.why) note(c, w);
        note(c, [&] {
            return fmt::format("value {} from '{}'{}", value_text(q.value), c.as_written,
                               q.bound.empty() ? "" : fmt::format(" with '{}'", q.bound));
        });
        c.increment = increment(q);
        c.location = location(q.first, np.end).value_or("");
        c.actor = actor(q, np, c);
        c.phase = phase(q.first, np.end, c);
        attribute(c, q.num_first, false);
        date(c, q.first, np.end);
        return c;
    }

    Claim base(ClaimKind kind, Span span) const {
        Claim c;
        c.kind = kind;
        c.doc = d_.name;
        c.span = span;
        c.as_written = d_.bytes.substr(span.begin, span.end - span.begin);
        std::replace(c.as_written.begin(), c.as_written.end(), '\n', ' ');
        c.quote_span = quote_span(d_.bytes, s_.span, span);  // capped: a sentence may have no end
        c.quote = d_.sentence_text(Sentence{c.quote_span, s_.tok_begin, s_.tok_end, s_.boilerplate, {}});
        return c;
    }

    static std::string value_text(const Value& v) {
        auto n = [](const std::optional<double>& x) { return x ? fmt::format("{}", *x) : std::string("-"); };
        return n(v.low) + ".." + n(v.high);
    }

    // Money, percentages, ages, times of day, ratios: a number, but never a figure.
    bool excluded_context(const Quantity& q) const {
        const std::size_t b = q.num_first, e = q.num_last;
        if (b > s_.tok_begin) {
            const Token& p = t_[b - 1];
            if (p.is("$") || p.is("€") || p.is("£") || p.is("#") || p.is("no") || p.is("aged") || p.is("age") ||
                p.is("ages") || p.is("every") || p.is("per") || p.is("page") || p.is("number") ||
                (p.is("of") && b >= 2 && t_[b - 2].is("out")))
                return true;
        }
        if (has(e)) {
            const Token& n = t_[e];
            if (n.is("%") || (n.is(":") && has(e + 1) && t_[e + 1].kind == TokenKind::Number)) return true;
            if (n.is("percent") || (n.is("per") && is(e + 1, "cent")) || n.is("a.m") || n.is("p.m") || n.is("am") ||
                n.is("pm"))
                return true;
            if (g_.not_counted.match(t_, e, s_.tok_end)) return true;
            if (n.is("-") && has(e + 1) && g_.not_counted.match(t_, e + 1, s_.tok_end)) return true;  // 23-year-old
        }
        return false;
    }

    // "three senior officers for every 30 men", "officers for 30 people": a ratio, not a count.
    bool ratio_before(const Quantity& q) const {
        const std::size_t b = q.first;
        return b >= s_.tok_begin + 2 && t_[b - 1].is("for") && g_.nouns.match(t_, b - 2, b - 1);
    }

    bool ratio_after(std::size_t np_end) const {
        return (is(np_end, "for") && (is(np_end + 1, "every") || is(np_end + 1, "each") ||
                                      (has(np_end + 1) && t_[np_end + 1].kind == TokenKind::Number))) ||
               is(np_end, "per");
    }

    // The noun the number counts: after it, past modifiers and nationality words, "of" right
    // after the number ("4,000 of those soldiers"), and at most two words we do not know.
    std::optional<NounPhrase> noun_phrase(const Quantity& q) const {
        NounPhrase np;
        std::size_t j = q.last;
        if (is(j, "\"")) ++j;                                          // “10,000” soldiers
        if (is(j, "-") && has(j + 1) && !t_[j + 1].space_before) ++j;  // 30,000-troop
        if (is(j, "of")) ++j;                                          // 4,000 of those soldiers
        std::size_t unknown = 0;
        while (has(j) && j < q.last + 10) {
            if (auto n = g_.nouns.match(t_, j, s_.tok_end);
                n && n->value->context && g_.modifiers.match(t_, j, s_.tok_end)) {
                ++j;  // "5,000 military builders": a context word that also qualifies a noun
                continue;
            }
            if (auto n = g_.nouns.match(t_, j, s_.tok_end)) {
                if (n->value->context) return std::nullopt;  // "the two armies": not a count of troops
                np.metric = n->value->metric;
                np.person = n->value->person;
                np.why.push_back(fmt::format("counts '{}'", join_norm(j, j + n->length)));
                np.end = j + n->length;
                coordinated(np);
                casualty_after(np);
                return np;
            }
            if (g_.not_counted.match(t_, j, s_.tok_end)) return std::nullopt;
            const Token& t = t_[j];
            if (t.is("\"")) {  // 30,000 "elite" soldiers
                ++j;
                continue;
            }
            if (t.kind == TokenKind::Punct || t.kind == TokenKind::Number) return std::nullopt;
            if (auto a = g_.actors.match(t_, j, s_.tok_end)) {
                np.actor = *a->value;
                np.why.push_back(fmt::format("actor {} from '{}'", np.actor, join_norm(j, j + a->length)));
                j += a->length;
                continue;
            }
            if (g_.modifiers.match(t_, j, s_.tok_end)) {
                np.own = np.own || t.is("own");
                ++j;
                continue;
            }
            if (kBreakers.contains(t.norm) || ++unknown > kMaxUnknownWords) return std::nullopt;
            ++j;
        }
        return std::nullopt;
    }

    // "engineers and construction workers": one mixed group.
    void coordinated(NounPhrase& np) const {
        std::size_t j = np.end;
        if (!(is(j, "and") || is(j, "or"))) return;
        for (std::size_t k = j + 1; has(k) && k < j + 4; ++k) {
            if (t_[k].kind != TokenKind::Word) return;
            if (auto n = g_.nouns.match(t_, k, s_.tok_end); n && n->value->metric) {
                np.metric = np.metric ? combine(*np.metric, *n->value->metric) : n->value->metric;
                np.why.push_back(fmt::format("and '{}': {}", join_norm(k, k + n->length), to_string(*np.metric)));
                np.end = k + n->length;
                return;
            }
            if (!g_.modifiers.match(t_, k, s_.tok_end) && !g_.actors.match(t_, k, s_.tok_end)) return;
        }
    }

    // "... soldiers were killed or wounded"
    void casualty_after(NounPhrase& np) const {
        std::size_t j = np.end;
        for (std::string_view aux : {"were", "was", "have", "had", "been", "are", "being"})
            if (is(j, aux)) ++j;
        if (is(j, "been")) ++j;
        if (has(j) && g_.casualty_verbs.match(t_, j, s_.tok_end)) np.casualty = true;
    }

    // "sending thirty thousand", "the 11,000 stealthily deployed", "a large group of 12,000",
    // "that's only ten thousand": a number standing for troops named nearby.
    std::optional<NounPhrase> elliptical(const Quantity& q) const {
        if (q.form == NumberForm::Vague) return std::nullopt;
        const double v = q.value.low ? *q.value.low : *q.value.high;
        if (v < kMinBareValue) return std::nullopt;
        const std::size_t b = q.first, e = q.last;
        const bool cue_after = people_cue_within(e, e + 3);
        if (has(e) && t_[e].is_word() && !kFunctionWords.contains(t_[e].norm) && !cue_after && !t_[e].is("of"))
            return std::nullopt;
        if (b > s_.tok_begin && t_[b - 1].capitalized() && t_[b - 1].is_word() && b - 1 > s_.tok_begin &&
            !g_.phases.match(t_, b - 1, s_.tok_end))
            return std::nullopt;  // "Cargo 200": a designation
        const bool governed = people_cue_within(b >= 4 ? std::max(b - 4, s_.tok_begin) : s_.tok_begin, b) || cue_after;
        const bool collective = b >= 2 && t_[b - 1].is("of") && kCollectives.contains(t_[b - 2].norm);
        std::size_t k = b;
        while (k > s_.tok_begin &&
               (t_[k - 1].is("only") || t_[k - 1].is("just") || t_[k - 1].is("about") || t_[k - 1].is("even")))
            --k;
        const bool copula = k >= 2 && t_[k - 1].is("'s") && (t_[k - 2].is("that") || t_[k - 2].is("it"));
        const bool predicate = k > s_.tok_begin && kPredicates.contains(t_[k - 1].norm);
        // "8,000 of them", "the same 11,000.": a group named before
        const bool partitive = is(e, "of") && (is(e + 1, "them") || is(e + 1, "those") || is(e + 1, "these"));
        const bool in_all = is(e, "in") && (is(e + 1, "all") || is(e + 1, "total"));  // "1,500 in all"
        const bool definite = k > s_.tok_begin &&
                              (t_[k - 1].is("the") || t_[k - 1].is("same") || t_[k - 1].is("those")) &&
                              (!has(e) || t_[e].kind == TokenKind::Punct);
        if (predicate) {
            if (auto subject = subject_metric(k - 1)) return subject;
        }
        if (!governed && !collective && !copula && !partitive && !definite && !predicate && !in_all)
            return std::nullopt;
        auto metric = context_metric(b);
        if (!metric) return std::nullopt;
        NounPhrase np;
        np.end = partitive ? e + 2 : e;
        np.metric = metric;
        np.why.push_back(fmt::format("elliptical number; counts {} named nearby", to_string(*metric)));
        return np;
    }

    // "North Korean casualties in Kursk had reached 3,000": the metric noun that is the subject
    // of the predicate before the number, in the same clause.
    std::optional<NounPhrase> subject_metric(std::size_t predicate) const {
        for (std::size_t i = predicate; i > s_.tok_begin && predicate - i < 8; --i) {
            const Token& t = t_[i - 1];
            if (t.kind == TokenKind::Punct || is_hard_boundary(t) || t.kind == TokenKind::Number) return std::nullopt;
            auto n = g_.nouns.match(t_, i - 1, predicate);
            if (!n || !n->value->metric || n->value->person) continue;
            NounPhrase np;
            np.end = predicate + 2;
            np.metric = n->value->metric;
            np.why.push_back(fmt::format("counts '{}', the subject of '{}'", join_norm(i - 1, i - 1 + n->length),
                                         t_[predicate].text));
            for (std::size_t k = i - 1; k > s_.tok_begin && i - 1 - k < 3; --k)
                if (auto a = g_.actors.match(t_, k - 1, i - 1)) np.actor = *a->value;
            return np;
        }
        return std::nullopt;
    }

    bool people_cue_within(std::size_t a, std::size_t b) const {
        for (std::size_t i = a; i < b && has(i); ++i)
            if (auto m = g_.phases.match(t_, i, s_.tok_end); m && m->value->people) return true;
        return false;
    }

    // Troops named earlier in this sentence or in the two before it.
    std::optional<Metric> context_metric(std::size_t before) const {
        auto scan = [&](std::size_t a, std::size_t b) -> std::optional<Metric> {
            for (std::size_t i = b; i > a; --i)
                if (auto n = g_.nouns.match(t_, i - 1, b);
                    n && (n->value->person || n->value->context || n->value->metric == Metric::Troops))
                    return Metric::Troops;
            return std::nullopt;
        };
        if (auto m = scan(s_.tok_begin, before)) return m;
        for (const Sentence* p : previous_) {
            if (s_.span.begin - p->span.end > kContextBytes) break;
            if (auto m = scan(p->tok_begin, p->tok_end)) return m;
        }
        return std::nullopt;
    }

    // Person nouns become troops or casualties from the sentence; casualty verbs win.
    bool settle_metric(const Quantity& q, NounPhrase& np) const {
        const bool killed_before = q.first > s_.tok_begin && g_.casualty_verbs.match(t_, q.first - 1, s_.tok_end);
        if (np.casualty || killed_before) {
            if (np.person || (np.metric && is_people(*np.metric)) || np.metric == Metric::Casualties) {
                np.metric = Metric::Casualties;
                np.why.push_back("casualties: killed or wounded");
                return true;
            }
        }
        if (np.person) {
            const std::size_t from =
                q.first > s_.tok_begin + kPersonCueWindow ? q.first - kPersonCueWindow : s_.tok_begin;
            if (!people_cue_within(from, std::min(np.end + kPersonCueWindow, s_.tok_end))) return false;
            np.metric = Metric::Troops;
            np.why.push_back("people sent or deployed: troops");
        }
        return np.metric.has_value();
    }

    bool increment(const Quantity& q) const {
        std::size_t b = q.first;
        if (b > s_.tok_begin && t_[b - 1].is("another")) return true;
        if (b > s_.tok_begin + 1 && t_[b - 1].is("additional") && (t_[b - 2].is("an") || t_[b - 2].is("the")))
            return true;
        return is(q.last, "additional") || is(q.last, "more") || is(q.last, "extra");
    }

    std::string actor(const Quantity& q, const NounPhrase& np, Claim& c) const {
        if (np.metric == Metric::Casualties && np.person && !c.location.empty()) {
            const std::string country = g_.country_of(c.location);
            note(c, [&] { return fmt::format("actor {}: people killed in {}", country, c.location); });
            return country;
        }
        if (np.own) {  // "Russia is massing 110,000 of its own troops"
            for (std::size_t i = s_.tok_begin; i < q.first; ++i)
                if (auto a = g_.actors.match(t_, i, q.first)) {
                    note(c, [&] { return fmt::format("actor {}: 'its own' refers to '{}'", *a->value, t_[i].text); });
                    return *a->value;
                }
        }
        if (!np.actor.empty()) return np.actor;
        if (np.person && np.metric == Metric::Casualties) return "ukraine";
        note(c, "actor north_korea by default");
        return "north_korea";
    }

    void attribute(Claim& c, std::size_t at, bool stance) {
        if (auto a = who_.at(at, stance)) {
            c.source = a->source;
            c.via = a->via;
            note(c, [&] {
                return fmt::format("source {}{} from {}", a->source, a->via.empty() ? "" : " via " + a->via, a->why);
            });
        } else {  // nobody named, no speaker label
            unattributed_.insert(c.span.begin);
            if (!d_.meta.outlet.empty()) {
                c.source = d_.meta.outlet;
                note(c, [&] { return fmt::format("source {}: the document's outlet, nobody named", c.source); });
            }
        }
    }

    bool about_deployment() const {
        for (std::size_t i = s_.tok_begin; i < s_.tok_end; ++i)
            if (g_.stance_topics.match(t_, i, s_.tok_end)) return true;
        return false;
    }

    std::vector<const Sentence*> previous_;

public:
    std::set<std::size_t> unattributed_;  // figures whose source is only the outlet, by span
};

// "Blinken said 8,000 are in Kursk. So the American figure is 8,000.": an unattributed figure
// repeating one of the last sentences belongs to that figure's source.
void restate(Claim& c, const std::vector<Claim>& recent) {
    for (auto it = recent.rbegin(); it != recent.rend(); ++it) {
        if (it->value == c.value && it->metric == c.metric && it->kind == ClaimKind::Figure) {
            c.source = it->source;
            c.via = it->via;
            if (c.location.empty()) c.location = it->location;
            c.date = it->date;
            c.rule += "+restated";
            if (!c.explain.empty()) c.explain += "; ";
            c.explain += fmt::format("restates '{}' of {}: its source, place and date", it->as_written, it->source);
            return;
        }
    }
}

}  // namespace

bool Extractor::may_hold_claims(const Sentence& s, const std::vector<Token>& t) const {
    for (std::size_t i = s.tok_begin; i < s.tok_end; ++i)
        if (may_be_number(t[i]) || g_.stances.match(t, i, s.tok_end)) return true;
    return false;
}

std::vector<Claim> Extractor::extract(const Document& d, Explain explain) const {
    std::vector<Claim> out;
    std::optional<Attribution> carried;
    std::size_t carried_at = 0;
    constexpr std::size_t kCarrySentences = 3;
    std::vector<const Sentence*> previous;
    std::vector<Claim> recent;  // the figures of the last few sentences
    for (std::size_t n = 0; n < d.sentences.size(); ++n) {
        const Sentence& s = d.sentences[n];
        if (s.boilerplate) continue;
        if (carried && n - carried_at > kCarrySentences) carried.reset();
        const SentenceAttribution who(g_, d.tokens.tokens, s.tok_begin, s.tok_end, carried,
                                      speaker_source(g_, s.speaker));
        std::vector<Claim> figures, stances;
        if (may_hold_claims(s, d.tokens.tokens)) {  // most sentences hold no number and no stance
            SentenceRules rules(g_, d, s, who, previous, explain);
            figures = rules.figures();
            stances = rules.stances(figures);
            for (Claim& c : figures)
                if (rules.unattributed_.contains(c.span.begin)) restate(c, recent);
        }
        std::erase_if(recent, [&](const Claim& c) { return s.span.begin - c.quote_span.end > kContextBytes; });
        recent.insert(recent.end(), figures.begin(), figures.end());
        for (auto* list : {&figures, &stances})
            for (Claim& c : *list) out.push_back(std::move(c));
        if (auto last = who.last()) {
            carried = last;
            carried_at = n;
        }
        previous.insert(previous.begin(), &s);
        if (previous.size() > kContextSentences) previous.pop_back();
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Claim& a, const Claim& b) { return a.span.begin < b.span.begin; });
    return out;
}

}  // namespace nkclaims
