#include "nkclaims/provenance.hpp"

#include "nkclaims/chart.hpp"

namespace nkclaims {

QuoteParts quote_parts(const Claim& c) {
    const std::string& q = c.quote;
    const std::string& fig = c.as_written;
    std::size_t at = std::string::npos;
    if (!fig.empty() && c.span.begin >= c.quote_span.begin) {
        const std::size_t guess = c.span.begin - c.quote_span.begin;
        if (guess + fig.size() <= q.size() && q.compare(guess, fig.size(), fig) == 0) {
            at = guess;
        } else {  // line breaks folded: the nearest occurrence
            std::size_t best = std::string::npos;
            for (auto f = q.find(fig); f != std::string::npos; f = q.find(fig, f + 1)) {
                const std::size_t d = f > guess ? f - guess : guess - f;
                if (best == std::string::npos || d < best) best = d, at = f;
            }
        }
    }
    if (at == std::string::npos) return {q, "", ""};
    return {q.substr(0, at), fig, q.substr(at + fig.size())};
}

std::string document_line(const Claim& c, const StoredDocument* doc, const Wording& w) {
    if (!doc) return c.doc;
    std::string line = doc->meta.title.empty() ? doc->name : "“" + doc->meta.title + "”";
    if (!doc->meta.outlet.empty()) line += ", " + w.source(doc->meta.outlet);
    if (doc->meta.published)
        line += ", " + people_date(DateRange::of_day(*doc->meta.published));
    else if (doc->meta.recorded)
        line += ", recorded " + people_date(DateRange::of_day(*doc->meta.recorded));
    return line;
}

std::string quote_html(const Claim& c, const StoredDocument* doc, const Wording& w) {
    const QuoteParts p = quote_parts(c);
    std::string out = "<blockquote>" + html_escape(p.before);
    if (!p.figure.empty()) out += "<mark>" + html_escape(p.figure) + "</mark>" + html_escape(p.after);
    out += "</blockquote><p class=\"from\">" + html_escape(w.voice(c));
    if (c.date) out += ", " + html_escape(people_date(*c.date));
    out += ". Read in " + html_escape(document_line(c, doc, w)) + " <span class=\"file\">(" + html_escape(c.doc) +
           ")</span></p>";
    return out;
}

std::string provenance_html(const Claim& c, const StoredDocument* doc, const Wording& w, const std::string& label) {
    return "<details class=\"prov\"><summary>" + html_escape(label) + "</summary>" + quote_html(c, doc, w) +
           "</details>";
}

}  // namespace nkclaims
