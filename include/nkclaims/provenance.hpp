// Provenance one click away: a claim's quote with its figure marked, and the document it came
// from (title, outlet, date), as a closed <details> the reader opens. Nothing is fetched.
#pragma once

#include <string>

#include "nkclaims/claim.hpp"
#include "nkclaims/store.hpp"
#include "nkclaims/wording.hpp"

namespace nkclaims {

// A quote cut around the figure's own words: before + figure + after == the quote. The figure
// is found at the claim's span within the quote's span, else as written nearest to it; when
// the quote does not hold it, figure and after are empty.
struct QuoteParts {
    std::string before;
    std::string figure;
    std::string after;
};
QuoteParts quote_parts(const Claim& c);

// "“Title”, Outlet, 22 January 2025": where a claim was read; the file name when there is no title.
std::string document_line(const Claim& c, const StoredDocument* doc, const Wording& w);

// The quote with the figure in <mark> and the document line, escaped: HTML for a page.
std::string quote_html(const Claim& c, const StoredDocument* doc, const Wording& w);

// quote_html() inside a closed <details> whose summary reads `label`.
std::string provenance_html(const Claim& c, const StoredDocument* doc, const Wording& w,
                            const std::string& label = "quote");

}  // namespace nkclaims
