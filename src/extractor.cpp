#include "nkclaims/extractor.hpp"

#include <algorithm>

#include "nkclaims/attribution.hpp"
#include "nkclaims/clause.hpp"
#include "nkclaims/fields.hpp"
#include "nkclaims/figures.hpp"
#include "nkclaims/rules.hpp"
#include "nkclaims/stances.hpp"

namespace nkclaims {
namespace {

constexpr std::size_t kContextSentences = 5;  // sentences back where an elliptical number finds its noun
constexpr std::size_t kContextBytes = 800;    // a restated figure, within this many bytes back
constexpr double kRestatedShare = 0.5;        // of a sentence's words, in order, that make it a restatement

// The words of a sentence, normalized, in order.
std::vector<std::string_view> words_of(const Document& d, const Sentence& s) {
    std::vector<std::string_view> w;
    for (std::size_t i = s.tok_begin; i < s.tok_end; ++i)
        if (d.tokens.tokens[i].is_word() || d.tokens.tokens[i].kind == TokenKind::Number)
            w.push_back(d.tokens.tokens[i].norm);
    return w;
}

// Whether most of the words of `s`, in order, are those of an earlier sentence that held
// stances: an article restating its lede further down ("Russia dismissed the reports, but
// Putin did not deny ..." said again). Its stances were counted where they were first said.
bool restates_stances(const Document& d, const Sentence& s, const std::vector<const Sentence*>& earlier) {
    const auto a = words_of(d, s);
    if (a.empty()) return false;
    for (const Sentence* e : earlier) {
        const auto b = words_of(d, *e);
        std::vector<std::size_t> prev(b.size() + 1, 0), cur(b.size() + 1, 0);  // longest common subsequence
        for (const auto& x : a) {
            for (std::size_t j = 0; j < b.size(); ++j)
                cur[j + 1] = x == b[j] ? prev[j] + 1 : std::max(prev[j + 1], cur[j]);
            std::swap(prev, cur);
        }
        if (static_cast<double>(prev[b.size()]) >= kRestatedShare * static_cast<double>(a.size())) return true;
    }
    return false;
}

// "Blinken said 8,000 are in Kursk. So the American figure is 8,000.": an unattributed figure
// repeating one of the last sentences belongs to that figure's source.
void restate(Claim& c, const std::vector<Claim>& recent, const FieldRules& f) {
    for (auto it = recent.rbegin(); it != recent.rend(); ++it) {
        if (it->value == c.value && it->metric == c.metric && it->kind == ClaimKind::Figure) {
            c.source = it->source;
            c.via = it->via;
            if (c.location.empty()) c.location = it->location;
            c.date = it->date;
            c.rule.restated = true;
            f.note(c, [&] { return Reason{Because::SourceRestated, it->source, it->as_written, {}}; });
            return;
        }
    }
}

// "Of the 4,000, ...", "US estimates were lower at about 1,200": a bare number counts what the
// figure it answers counted: the same value just before, else the figure before it in its sentence.
// A loss its own words name ("the number killed was around 600") is kept: it says what it counts.
void same_count(Claim& c, const std::vector<Claim>& recent, const std::vector<Claim>& sentence, std::size_t at,
                const FieldRules& f) {
    if (c.metric && is_loss(*c.metric)) return;
    const Claim* answered = nullptr;
    for (auto it = recent.rbegin(); it != recent.rend() && !answered; ++it)
        if (it->value == c.value && it->metric) answered = &*it;
    if (!answered && at > 0 && sentence[at - 1].metric && is_loss(*sentence[at - 1].metric))
        answered = &sentence[at - 1];
    if (!answered || answered->metric == c.metric) return;
    c.metric = answered->metric;
    if (is_loss(*c.metric)) c.phase.reset();
    f.note(c, [&] {
        return Reason{Because::MetricAnswered, std::string(to_string(*c.metric)), answered->as_written, {}};
    });
}

// Whether the figure starting at byte `begin` follows a definite word ("on top of the 11,000"):
// it names a group already known, not a new one.
bool after_definite(const Clause& clause, std::size_t begin) {
    for (std::size_t i = clause.begin + 1; i < clause.end; ++i)
        if (clause.t[i].span.begin == begin) return clause.is(i - 1, WordClass::Definite);
    return false;
}

// "plans to send another 6,000 soldiers, and 1,000 have already arrived": a bare number right
// after an increment of its sentence, and no larger, counts a part of that batch, so it is an
// increment too, never a lower total of everyone sent ("on top of the 11,000" is the old total).
void part_of_batch(Claim& c, const std::vector<Claim>& sentence, std::size_t at, const FieldRules& f) {
    if (at == 0 || c.increment || !c.metric || !c.value.high || after_definite(f.clause(), c.span.begin)) return;
    const Claim& batch = sentence[at - 1];
    if (!batch.increment || !batch.metric || !batch.value.low || *c.value.high > *batch.value.low) return;
    if (is_loss(*c.metric) != is_loss(*batch.metric)) return;
    c.increment = true;
    f.note(c, [&] { return Reason{Because::PartOfBatch, {}, batch.as_written, {}}; });
}

}  // namespace

// A statement an institution publishes itself (a government's remarks at the UN, a ministry's
// release: its outlet is an institution, not a medium) speaks as "we" where no speaker label
// says otherwise. A medium's "we" is whoever it quotes.
std::optional<Attribution> Extractor::author_of(const Document& d) const {
    const std::string& outlet = d.meta.outlet;
    if (outlet.empty() || g_.is_outlet(outlet) || !g_.is_named(outlet)) return std::nullopt;
    return Attribution{outlet, "", Because::SourceAuthor, {}, {}};
}

std::optional<Attribution> Extractor::speaker_of(const Sentence& s, const std::optional<Attribution>& author) const {
    if (auto labelled = speaker_source(g_, s.speaker)) return labelled;
    return author;
}

bool Extractor::may_hold_claims(const Sentence& s, const std::vector<Token>& t) const {
    for (std::size_t i = s.tok_begin; i < s.tok_end; ++i)
        if (may_be_number(t[i]) ||
            (may_start_cue(g_, t[i]) &&
             (g_.stances.match(t, i, s.tok_end) || g_.stance_verbs.match(t, i, s.tok_end) ||
              g_.words.is(WordClass::Pending, t, i, s.tok_end) || g_.words.is(WordClass::Apparent, t, i, s.tok_end))))
            return true;
    return false;
}

std::vector<Claim> Extractor::extract(const Document& d, Explain explain) const {
    std::vector<Claim> out;
    const std::optional<Attribution> author = author_of(d);
    std::optional<Attribution> carried;
    std::size_t carried_at = 0;
    constexpr std::size_t kCarrySentences = 3;
    std::vector<const Sentence*> previous;
    std::vector<Claim> recent;                      // the figures of the last few sentences
    std::vector<const Sentence*> stance_sentences;  // the sentences that held stances
    for (std::size_t n = 0; n < d.sentences.size(); ++n) {
        const Sentence& s = d.sentences[n];
        if (s.boilerplate) continue;
        if (carried && n - carried_at > kCarrySentences) carried.reset();
        const bool may_hold = may_hold_claims(s, d.tokens.tokens);  // most sentences hold no number, no stance
        const Clause clause = may_hold ? Clause(g_, d, s) : Clause(g_, d.tokens.tokens, s.tok_begin, s.tok_end);
        const SentenceAttribution who(clause, carried, speaker_of(s, author));
        std::vector<Claim> figures, stances;
        if (may_hold) {
            const FieldRules fields(d, clause, who, explain);
            const SentenceContext x{d, s, clause, who, fields, previous};
            FigureRules figure_rules(x);
            figures = figure_rules.figures();
            stances = StanceRules(x).stances(figures);
            if (!stances.empty() && restates_stances(d, s, stance_sentences)) stances.clear();
            if (!stances.empty()) stance_sentences.push_back(&s);
            for (std::size_t k = 0; k < figures.size(); ++k) {
                Claim& c = figures[k];
                if (c.rule.id == RuleId::FigureElliptical) {
                    same_count(c, recent, figures, k, fields);
                    part_of_batch(c, figures, k, fields);
                }
                if (figure_rules.unattributed().contains(c.span.begin)) restate(c, recent, fields);
            }
        }
        std::erase_if(recent, [&](const Claim& c) { return s.span.begin - c.quote_span.end > kContextBytes; });
        recent.insert(recent.end(), figures.begin(), figures.end());
        for (auto* list : {&figures, &stances})
            for (Claim& c : *list) out.push_back(std::move(c));
        if (auto last = who.last()) {
            // "The defense ministry said ... It added": the next sentence continues the speaker named.
            if (last->because == Because::SourceCarried) last = home_speaker(d, clause, who).value_or(*last);
            carried = last;
            carried_at = n;
        }
        previous.insert(previous.begin(), &s);
        if (previous.size() > kContextSentences) previous.pop_back();
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Claim& a, const Claim& b) { return a.span.begin < b.span.begin; });
    for (Claim& c : out) {  // a web page's or Markdown file's spans point into the file, not its text
        c.span = d.original(c.span);
        c.quote_span = d.original(c.quote_span);
    }
    return out;
}

}  // namespace nkclaims
