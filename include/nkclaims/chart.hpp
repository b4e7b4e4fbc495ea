// Timeline charts as inline SVG: each claim a point at its date (a bar for a range, an arrow
// for an open bound), coloured by source, shaped by phase, conflicts marked, one source's
// revisions joined. Pure: the same claims give the same bytes.
#pragma once

#include <string>
#include <vector>

#include "nkclaims/claim.hpp"
#include "nkclaims/conflicts.hpp"

namespace nkclaims {

// Escapes text for HTML and SVG (& < > " '): nothing from a document reaches markup unescaped.
std::string html_escape(std::string_view s);

// The colour of a source in charts and tables, stable across runs.
std::string source_color(const std::vector<std::string>& sources, const std::string& source);

// One chart of the dated figures of `metric` in `phase` (none: figures without a phase),
// `ids[i]` naming claims[i] in the page. Returns "" when there is nothing to draw.
std::string timeline_svg(const std::vector<Claim>& claims, const std::vector<std::size_t>& ids, Metric metric,
                         std::optional<Phase> phase, const std::vector<Conflict>& conflicts,
                         const std::vector<std::string>& sources);

}  // namespace nkclaims
