// The page's figures over time: one chart for each quantity (whose, what, which phase) that at
// least two sources give at least three figures of, and a small table for every other one.
#pragma once

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "nkclaims/claim.hpp"
#include "nkclaims/conflicts.hpp"
#include "nkclaims/store.hpp"
#include "nkclaims/wording.hpp"

namespace nkclaims {

// Whether a figure can be drawn as an estimate: dated, with a finite value, not hypothetical
// ("if he sent even 60,000" is kept in the claims, never plotted).
bool plottable(const Claim& c);

// The plottable figures of one quantity, as numbers into the page's claims.
struct FigureGroup {
    std::string actor;
    Metric metric;
    std::optional<Phase> phase;
    std::vector<std::size_t> claims;
    std::size_t sources = 0;
    // Two sources or more and three figures or more: worth a chart; else a small table.
    bool charted() const { return sources >= 2 && claims.size() >= 3; }
};

// The quantities of `claims`: `focus`'s first, then by actor, metric and phase.
std::vector<FigureGroup> figure_groups(const std::vector<Claim>& claims, const std::string& focus);

// What the page's charts and tables need besides the claims.
struct PageContext {
    const std::vector<Claim>& claims;
    const ConflictReport& conflicts;
    const std::map<std::string, const StoredDocument*>& docs;  // by file name
    const Wording& words;
    std::vector<std::string> ranked;  // sources, most figures first: their colours
};

// <section id="timelines">: a chart for each charted group, with a panel for a point's quote.
void write_charts(std::ostream& out, const std::vector<FigureGroup>& groups, const PageContext& page);
// <section id="other-figures">: a small table for each group not charted.
void write_small_tables(std::ostream& out, const std::vector<FigureGroup>& groups, const PageContext& page);

}  // namespace nkclaims
