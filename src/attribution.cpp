#include "nkclaims/attribution.hpp"

#include <algorithm>

namespace nkclaims {

namespace {

constexpr std::size_t kSubjectWindow = 8;  // tokens between a subject and its verb

}  // namespace

std::optional<Attribution> speaker_source(const Gazetteer& g, const std::string& label) {
    if (label.empty()) return std::nullopt;
    // Labels are often in capitals: "JOHN KIRBY" is looked up as "John Kirby" too.
    std::string titled = label;
    bool start = true;
    for (char& c : titled) {
        if (c >= 'A' && c <= 'Z' && !start) c = static_cast<char>(c - 'A' + 'a');
        start = c == ' ' || c == '-';
    }
    for (const std::string& name : {label, titled}) {
        const TokenStream ts = tokenize(name);
        for (std::size_t i = 0; i < ts.tokens.size(); ++i)
            if (auto m = g.sources.match(ts.tokens, i, ts.tokens.size()); m && m->value->kind != SourceKind::Country)
                return Attribution{m->value->id, "", Because::SourceSpeakerLabel, label, {}};
    }
    return std::nullopt;
}

SentenceAttribution::SentenceAttribution(const Clause& c, std::optional<Attribution> carried,
                                         std::optional<Attribution> speaker)
    : c_(c),
      g_(c.g),
      t_(c.t),
      begin_(c.begin),
      end_(c.end),
      carried_(std::move(carried)),
      speaker_(std::move(speaker)) {
    find_mentions();
    find_anchors();
}

// Whether a source id is an outlet: as named in this sentence, else as the gazetteer knows it
// (a relay carried from an earlier sentence: "According to a BBC report ... the report said").
bool SentenceAttribution::is_outlet(const std::string& id) const {
    for (const Mention& m : mentions_)
        if (m.entry->id == id) return m.entry->kind == SourceKind::Outlet;
    return g_.is_outlet(id);
}

// The attribution a mention makes, with the rule that found it and, when it read one, the other
// token (the verb, the pronoun).
Attribution SentenceAttribution::of(const Mention& m, Because why, std::size_t other) const {
    return {m.entry->id, "", why, c_.join_norm(m.first, m.last),
            other == kNoToken ? std::string() : std::string(t_[other].text)};
}

void SentenceAttribution::find_mentions() {
    for (std::size_t i = begin_; i < end_;) {
        if (auto m = g_.sources.match(t_, i, end_)) {
            mentions_.push_back({i, i + m->length, m->value});
            i += m->length;
        } else {
            ++i;
        }
    }
}

bool SentenceAttribution::names_source(std::size_t i) const {
    for (const Mention& m : mentions_)
        if (i >= m.first && i < m.last && m.entry->kind != SourceKind::Country) return true;
    return false;
}

// A country speaks only as a subject: first in its clause, or after "and", "the", a comma, or
// as the home of a subject that names no one ("officials in Seoul"). After a verb or
// preposition it is an object ("visited Pyongyang", "supplied Russia").
bool SentenceAttribution::subject_position(const Mention& m) const {
    if (m.first == begin_) return true;
    const std::size_t p = m.first - 1;
    if (p > begin_ && c_.is(p, WordClass::SubjectOrigin) && c_.is(p - 1, WordClass::GenericSubject)) return true;
    return t_[p].kind == TokenKind::Punct || c_.is(p, WordClass::SubjectLead) || c_.hard(p);
}

bool SentenceAttribution::hard_boundary_between(std::size_t a, std::size_t b) const {
    return c_.crosses(std::min(a, b), std::max(a, b), Boundary::Hard);
}

// The source that is the subject of the verb at `verb`: the nearest name before it, not a
// possessive ("Russia's war"), or a pronoun resolved to an earlier name.
std::optional<Attribution> SentenceAttribution::subject_before(std::size_t verb, std::size_t window) const {
    const std::size_t end = subject_end(verb);
    const auto pronoun = pronoun_before(end);
    for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
        if (it->last > end) continue;
        if (end - it->last > window || hard_boundary_between(it->last, end)) break;
        if (pronoun && it->last <= *pronoun) break;  // "Russia - sorry, we believe": the nearer subject
        if (c_.possessive(it->last)) continue;
        if (it->entry->kind == SourceKind::Country && !subject_position(*it)) continue;
        return of(*it, Because::SourceSubject, verb);
    }
    if (!pronoun) return std::nullopt;
    // "..., the officials said": a subject that names no one continues an earlier one.
    return resolve_pronoun(*pronoun, c_.is(*pronoun, WordClass::PersonPronoun));
}

// Where the subject of the verb ends: before the verb, or before a relative clause set off by
// commas ("The officials, who spoke on condition of anonymity, said").
std::size_t SentenceAttribution::subject_end(std::size_t verb) const {
    constexpr std::size_t kLongestAside = 14;
    if (verb == begin_ || !c_.punct(verb - 1, ",")) return verb;
    for (std::size_t k = verb - 1; k > begin_ && verb - k < kLongestAside; --k)
        if (c_.punct(k - 1, ",") && c_.is(k, WordClass::RelativeStop)) return k - 1;
    return verb;
}

// A pronoun or a subject that names no one, at most three tokens before `end`.
std::optional<std::size_t> SentenceAttribution::pronoun_before(std::size_t end) const {
    for (std::size_t i = end; i > begin_ && end - i < 3; --i)
        if (c_.is(i - 1, WordClass::Pronoun) || c_.is(i - 1, WordClass::GenericSubject)) return i - 1;
    return std::nullopt;
}

// "he said" → the nearest person named before; "they say" → the nearest source named before,
// else the source the previous sentences carried.
std::optional<Attribution> SentenceAttribution::resolve_pronoun(std::size_t at, bool person) const {
    if (c_.is(at, WordClass::SelfPronoun) && speaker_) return speaker_;
    for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
        if (it->last > at || it->entry->kind == SourceKind::Country) continue;
        if (person && it->entry->kind != SourceKind::Person) continue;
        return of(*it, Because::SourcePronoun, at);
    }
    if (carried_) {
        Attribution a = *carried_;
        a.because = Because::SourceCarried;
        a.more = t_[at].text;
        return a;
    }
    return std::nullopt;
}

auto SentenceAttribution::mention_after(std::size_t from, std::size_t window) const -> std::optional<Mention> {
    for (const Mention& m : mentions_)
        if (m.first >= from && m.first - from <= window) return m;
    return std::nullopt;
}

void SentenceAttribution::find_anchors() {
    for (std::size_t i = begin_; i < end_; ++i) {
        auto v = g_.attribution.match(t_, i, end_);
        if (!v) continue;
        const std::size_t after = i + v->length;
        std::optional<Attribution> who;
        switch (*v->value) {
            case AttributionRole::Said:
            case AttributionRole::Report:
                who = subject_before(i, kSubjectWindow);
                // "North Korea is believed to have sent": the name before a passive is what is
                // talked about, not who speaks ("It is assessed that" continues the source carried).
                if (who && who->because == Because::SourceSubject && i > begin_ && c_.is(i - 1, WordClass::PassiveBe))
                    who.reset();
                break;
            case AttributionRole::Told: {
                who = subject_before(i, kSubjectWindow);
                if (auto obj = mention_after(after, 2); who && obj && obj->entry->kind == SourceKind::Outlet)
                    who->via = obj->entry->id;
                break;
            }
            case AttributionRole::According:
                if (auto m = mention_after(after, 3)) who = of(*m, Because::SourceAccording);
                break;
            case AttributionRole::Cited:      // X cited Y
            case AttributionRole::Citing:     // X, citing Y
            case AttributionRole::CitedBy: {  // Y cited by X
                const bool by = *v->value == AttributionRole::CitedBy;
                auto before = subject_before(i, kSubjectWindow);
                auto after_m = mention_after(after, 3);
                std::optional<Attribution> relayer = before, origin;
                if (after_m) origin = of(*after_m, Because::SourceCited);
                if (by) std::swap(relayer, origin);
                who = origin ? origin : relayer;
                if (origin && relayer && relayer->source != origin->source && is_outlet(relayer->source))
                    who->via = relayer->source;
                break;
            }
        }
        verb_tokens_.push_back(i);
        if (who && !who->source.empty()) {
            if (who->words.empty()) who->words = t_[i].text;
            for (const Anchor& earlier : anchors_) {
                if (earlier.who.via.empty()) continue;
                if (who->source == earlier.who.via)
                    who = earlier.who;  // the relay speaking: its source
                else if (who->source == earlier.who.source && who->via.empty())
                    who->via = earlier.who.via;
            }
            anchors_.push_back({i, *who, *v->value});
        }
        i = after - 1;
    }
    follow_relays();
    follow_dateline();
    follow_trailing_speaker();
}

// "'We assess that 11,000 are in Kursk,' the Pentagon's spokeswoman said": a pronoun that only
// an earlier sentence could resolve is the speaker the sentence names after it, past a comma or
// a closing quotation mark, rather than whoever the previous sentences quoted.
void SentenceAttribution::follow_trailing_speaker() {
    for (std::size_t a = 0; a < anchors_.size(); ++a) {
        if (anchors_[a].who.because != Because::SourceCarried) continue;
        for (std::size_t b = a + 1; b < anchors_.size(); ++b) {
            const Attribution& later = anchors_[b].who;
            if (later.because == Because::SourceCarried) continue;
            bool set_off = false;
            for (std::size_t i = anchors_[a].verb; i < anchors_[b].verb; ++i)
                set_off = set_off || c_.punct(i, ",") || c_.punct(i, "\"");
            if (!set_off) break;
            const std::string pronoun = anchors_[a].who.more;
            anchors_[a].who = later;
            anchors_[a].who.because = Because::SourceTrailingSpeaker;
            anchors_[a].who.more = pronoun;
            break;
        }
    }
}

// "SEOUL, July 1 (Reuters) - The spy agency said": the wire service of a dateline relays what
// the sentence it opens attributes to others.
void SentenceAttribution::follow_dateline() {
    constexpr std::size_t kDatelineReach = 8;  // tokens of place and date before the wire service
    for (const Mention& m : mentions_) {
        if (m.entry->kind != SourceKind::Outlet || m.first == begin_ || m.first - begin_ > kDatelineReach) continue;
        if (m.last >= end_ || !c_.punct(m.first - 1, "(") || !c_.punct(m.last, ")")) continue;
        for (Anchor& a : anchors_)
            if (a.who.via.empty() && a.who.source != m.entry->id && !is_outlet(a.who.source)) a.who.via = m.entry->id;
        return;
    }
}

// "Yonhap reported ..., citing a military intelligence report", "Citing Ukrainian intelligence,
// the Kyiv Independent reported": an outlet that speaks and cites, before or after, or beside an
// "according to", relays the source it names; the outlet is `via`.
void SentenceAttribution::follow_relays() {
    for (std::size_t a = 0; a < anchors_.size(); ++a) {
        if (!is_outlet(anchors_[a].who.source) || !anchors_[a].who.via.empty()) continue;
        for (std::size_t b = 0; b < anchors_.size(); ++b) {
            const Anchor& other = anchors_[b];
            if (b == a) continue;
            if (hard_boundary_between(anchors_[a].verb, other.verb)) {
                if (b > a) break;
                continue;
            }
            const bool relays = other.role == AttributionRole::Citing || other.role == AttributionRole::According;
            if (!relays || is_outlet(other.who.source) || other.who.source == anchors_[a].who.source) continue;
            const std::string outlet = anchors_[a].who.source;
            anchors_[a].who = other.who;
            anchors_[a].who.via = outlet;
            break;
        }
    }
}

std::optional<Attribution> SentenceAttribution::at(std::size_t at, bool stance) const {
    // The nearest speech verb before, in the same clause; else the nearest after.
    for (auto it = anchors_.rbegin(); it != anchors_.rend(); ++it)
        if (it->verb < at && !hard_boundary_between(it->verb, at)) return it->who;
    for (const Anchor& a : anchors_)
        if (a.verb > at && !hard_boundary_between(at, a.verb)) return a.who;
    // The speaker of the main clause: "experts say that if Kim wants, he can send 60,000".
    for (auto it = anchors_.rbegin(); it != anchors_.rend(); ++it)
        if (it->verb < at) return it->who;
    // A name before it in the clause: a person, an agency; a country only for a stance.
    for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
        if (it->last > at || hard_boundary_between(it->last, at)) continue;
        if (it->entry->kind == SourceKind::Country && (!stance || !subject_position(*it))) continue;
        if (c_.possessive(it->last) && it->entry->kind == SourceKind::Country) continue;
        return of(*it, Because::SourceEarlierInClause);
    }
    if (!anchors_.empty()) return anchors_.back().who;
    return speaker_;
}

std::optional<Attribution> SentenceAttribution::stance_speaker(std::size_t at) const {
    for (auto it = anchors_.rbegin(); it != anchors_.rend(); ++it) {
        if (it->verb >= at || hard_boundary_between(it->verb, at)) continue;
        bool comma = false;
        for (std::size_t i = it->verb; i < at; ++i) comma = comma || c_.punct(i, ",");
        if (!comma) return it->who;
        break;
    }
    std::optional<Attribution> subject;
    bool country = false;
    for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it) {
        if (it->last > at) continue;
        if (at - it->last > 3) break;
        if (it->entry->kind == SourceKind::Country && !subject_position(*it)) break;
        subject = of(*it, Because::SourceTakesStance);
        country = it->entry->kind == SourceKind::Country;
        break;
    }
    // "Ukraine was not seeing any signs, Budanov said": a trailing speaker outranks a country
    // that is only the subject of the reported clause; an outlet there relays the subject.
    for (const Anchor& a : anchors_) {
        if (a.verb <= at || hard_boundary_between(at, a.verb)) continue;
        if (!subject || country) return a.who;
        if (is_outlet(a.who.source) && subject->via.empty()) subject->via = a.who.source;
        break;
    }
    return subject;
}

// What the next sentence's "they say" refers to: the last speaker, else the last agency,
// person or group named.
std::optional<Attribution> SentenceAttribution::last() const {
    if (!anchors_.empty()) return anchors_.back().who;
    for (auto it = mentions_.rbegin(); it != mentions_.rend(); ++it)
        if (it->entry->kind != SourceKind::Country && it->entry->kind != SourceKind::Outlet)
            return of(*it, Because::SourceEarlierSentence);
    return std::nullopt;
}

}  // namespace nkclaims
