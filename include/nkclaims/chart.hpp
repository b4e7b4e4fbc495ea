// Timeline charts as inline SVG: the dated figures of one quantity (whose, what, which phase),
// one series per originating source in its own colour, labelled at its end; dates on a linear
// axis, values linear unless they span more than two orders of magnitude; a range is a bar, an
// open bound an arrow, a hedged figure a hollow mark; a source's revisions joined in date order
// and conflicts marked. Pure: the same figures give the same bytes.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "nkclaims/claim.hpp"
#include "nkclaims/conflicts.hpp"

namespace nkclaims {

// Escapes text for HTML and SVG (& < > " '): nothing from a document reaches markup unescaped.
std::string html_escape(std::string_view s);

// The colour-blind-safe palette (Okabe and Ito): series take these colours in turn.
const std::vector<std::string>& palette();

// The colours of a chart's sources: each source's preferred colour is its rank in `ranked`
// (every source of the page, most prolific first), so a source keeps its colour from chart to
// chart where it can; within one chart no two sources share a colour while the palette lasts.
std::vector<std::string> series_colors(const std::vector<std::string>& chart_sources,
                                       const std::vector<std::string>& ranked);

struct ChartInput {
    std::vector<const Claim*> figures;  // dated figures of one quantity, with finite values
    std::vector<std::size_t> ids;       // the page's number of each figure: data-claim
    const std::vector<Conflict>* conflicts = nullptr;
    std::vector<std::string> ranked;                       // for series_colors()
    std::function<std::string(const std::string&)> label;  // a source's short name
    std::function<std::string(const Claim&)> describe;     // a point's tooltip
    std::string title;                                     // the chart's accessible name
};

// The chart, or "" when there is no figure. Each point is a <g class="point"> with data-claim,
// data-low and data-high; the <svg> carries its value axis (data-v0, data-v1, data-log,
// data-y0, data-y1) so that a reader can check a mark against its figure.
std::string timeline_svg(const ChartInput& in);

}  // namespace nkclaims
