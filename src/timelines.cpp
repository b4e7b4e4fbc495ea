#include "nkclaims/timelines.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

#include "nkclaims/chart.hpp"
#include "nkclaims/provenance.hpp"

namespace nkclaims {

bool plottable(const Claim& c) {
    if (c.kind != ClaimKind::Figure || !c.metric || !c.date || c.hypothetical) return false;
    const auto finite = [](const std::optional<double>& v) { return !v || std::isfinite(*v); };
    return (c.value.low || c.value.high) && finite(c.value.low) && finite(c.value.high);
}

std::vector<FigureGroup> figure_groups(const std::vector<Claim>& claims, const std::string& focus) {
    using Key = std::tuple<bool, std::string, int, int>;  // not the focus, actor, metric, phase
    std::map<Key, FigureGroup> groups;
    std::map<Key, std::set<std::string>> sources;
    for (std::size_t i = 0; i < claims.size(); ++i) {
        const Claim& c = claims[i];
        if (!plottable(c)) continue;
        const Key k{c.actor != focus, c.actor, static_cast<int>(*c.metric), c.phase ? static_cast<int>(*c.phase) : -1};
        auto [it, fresh] = groups.try_emplace(k, FigureGroup{c.actor, *c.metric, c.phase, {}, 0});
        it->second.claims.push_back(i);
        sources[k].insert(c.source);
    }
    std::vector<FigureGroup> out;
    for (auto& [k, g] : groups) {
        g.sources = sources[k].size();
        out.push_back(std::move(g));
    }
    return out;
}

namespace {

std::string group_id(const FigureGroup& g) {
    return fmt::format("{}-{}{}{}", g.actor.empty() ? "unknown" : g.actor, to_string(g.metric), g.phase ? "-" : "",
                       g.phase ? to_string(*g.phase) : "");
}

const StoredDocument* doc_of(const PageContext& page, const Claim& c) {
    const auto it = page.docs.find(c.doc);
    return it == page.docs.end() ? nullptr : it->second;
}

}  // namespace

void write_charts(std::ostream& out, const std::vector<FigureGroup>& groups, const PageContext& page) {
    const Wording& w = page.words;
    out << "<section id=\"timelines\"><h2>Estimates over time</h2><p class=\"muted key\">One colour per source, "
           "named at the right. ● a figure, ○ a hedged one (“about”), a bar for a range, an arrow for “at least” or "
           "“up to”; a line joins a source's figures in date order. A red ring and a dashed red line: figures in "
           "conflict. Click a point for its quote.</p>";
    std::size_t charts = 0;
    for (const FigureGroup& g : groups) {
        if (!g.charted()) continue;
        ++charts;
        ChartInput in;
        for (std::size_t i : g.claims) in.figures.push_back(&page.claims[i]), in.ids.push_back(i);
        in.conflicts = &page.conflicts.conflicts;
        in.ranked = page.ranked;
        in.label = [&w](const std::string& s) { return w.source_brief(s); };
        in.describe = [&w](const Claim& c) {
            return fmt::format("{}: {}, {}", w.voice(c), people_value(c), people_date(*c.date));
        };
        const std::string heading = w.heading(g.actor, g.metric, g.phase);
        in.title = heading + " over time";
        out << "<figure class=\"timeline\" id=\"chart-" << html_escape(group_id(g)) << "\"><figcaption>"
            << html_escape(heading) << " <small>" << g.claims.size() << " figures from " << g.sources
            << " sources</small></figcaption>" << timeline_svg(in) << "<div class=\"detail\" hidden></div></figure>";
    }
    if (!charts) out << "<p>No quantity has figures from two sources or more yet.</p>";
    out << "</section>";
}

void write_small_tables(std::ostream& out, const std::vector<FigureGroup>& groups, const PageContext& page) {
    const Wording& w = page.words;
    out << "<section id=\"other-figures\"><h2>Other figures</h2><p class=\"muted\">Quantities with fewer than two "
           "sources or three figures: a table, not a chart.</p>";
    for (const FigureGroup& g : groups) {
        if (g.charted()) continue;
        std::vector<const Claim*> cs;
        for (std::size_t i : g.claims) cs.push_back(&page.claims[i]);
        std::stable_sort(cs.begin(), cs.end(), [](const Claim* a, const Claim* b) {
            return std::tie(a->date->first, a->doc, a->span.begin) < std::tie(b->date->first, b->doc, b->span.begin);
        });
        out << "<div class=\"small\" id=\"figures-" << html_escape(group_id(g)) << "\"><h3>"
            << html_escape(w.heading(g.actor, g.metric, g.phase))
            << "</h3><table><thead><tr><th>source</th><th>figure</th><th>date</th><th>place</th><th>read in (open for "
               "the quote)</th></tr></thead><tbody>";
        for (const Claim* c : cs)
            out << "<tr><td>" << html_escape(w.voice(*c)) << "</td><td class=\"num\">" << html_escape(people_value(*c))
                << "</td><td>" << html_escape(people_date(*c->date)) << "</td><td>"
                << html_escape(c->location.empty() ? "-" : w.place(c->location)) << "</td><td>"
                << provenance_html(*c, doc_of(page, *c), w, document_line(*c, doc_of(page, *c), w)) << "</td></tr>";
        out << "</tbody></table></div>";
    }
    out << "</section>";
}

}  // namespace nkclaims
