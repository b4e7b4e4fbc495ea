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

void attribute(const SentenceContext& x, Claim& c, std::size_t at, bool stance, std::set<std::size_t>& unattributed) {
    if (auto a = x.who.at(at, stance)) {
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
