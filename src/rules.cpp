#include "nkclaims/rules.hpp"

#include <algorithm>

#include "nkclaims/quote.hpp"

namespace nkclaims {

Claim base_claim(const SentenceContext& x, ClaimKind kind, Span span) {
    Claim c;
    c.kind = kind;
    c.doc = x.d.name;
    c.span = span;
    c.as_written = x.d.bytes.substr(span.begin, span.end - span.begin);
    std::replace(c.as_written.begin(), c.as_written.end(), '\n', ' ');
    c.quote_span = quote_span(x.d.bytes, x.s.span, span);  // capped: a sentence may have no end
    c.quote = x.d.sentence_text(Sentence{c.quote_span, x.s.tok_begin, x.s.tok_end, x.s.boilerplate, {}});
    return c;
}

std::optional<Attribution> home_speaker(const Document& d, const Clause& c, const SentenceAttribution& who) {
    constexpr std::size_t kVerbReach = 3;  // "according to a military official", "an official said"
    const Gazetteer& g = c.g;
    const auto home = g.outlet_home.find(d.meta.outlet);
    if (home == g.outlet_home.end()) return std::nullopt;
    const auto speakers = g.home_speakers.find(home->second);
    if (speakers == g.home_speakers.end()) return std::nullopt;
    for (std::size_t i = c.begin; i < c.end; ++i) {
        const auto m = speakers->second.match(c.t, i, c.end);
        if (!m) continue;
        const std::size_t last = i + m->length;
        for (const std::size_t v : who.verbs())
            if ((v >= last && v - last <= kVerbReach) || (v < i && i - v <= kVerbReach))
                return Attribution{*m->value, "", Because::SourceOutletHome, c.join_norm(i, last), {}};
        i = last - 1;
    }
    return std::nullopt;
}

void attribute(const SentenceContext& x, Claim& c, std::size_t at, bool stance, std::set<std::size_t>& unattributed) {
    auto a = x.who.at(at, stance);
    // "The defense ministry said" in a Seoul outlet names its own speaker: Seoul's ministry, not
    // whoever the previous sentence quoted.
    if (!a || a->because == Because::SourceCarried)
        if (auto home = home_speaker(x.d, x.c, x.who)) a = home;
    if (a) {
        c.source = a->source;
        c.via = a->via;
        x.fields.note(c, [&] { return a->reason(voice_of(c)); });
        return;
    }
    unattributed.insert(c.span.begin);  // nobody named, no speaker label
    if (!x.d.meta.outlet.empty()) {
        c.source = x.d.meta.outlet;
        x.fields.note(c, [&] { return Reason{Because::SourceOutlet, c.source, {}, {}}; });
    }
}

}  // namespace nkclaims
