#include "nkclaims/summary.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <tuple>

#include "nkclaims/chart.hpp"
#include "nkclaims/format.hpp"
#include "nkclaims/provenance.hpp"

namespace nkclaims {

namespace {

// The value a figure stands for when figures are ordered: a range's middle, an open bound's bound.
double representative(const Claim& c) {
    const auto& v = c.value;
    if (v.low && v.high) return *v.low / 2 + *v.high / 2;  // halves first: no overflow
    return v.low.value_or(v.high.value_or(0));
}

auto newness(const Claim* c) { return std::tie(c->date->last, c->date->first, c->doc, c->span.begin); }

std::string said(const Claim& c, const Wording& w) {
    return fmt::format("{} ({}, {})", people_value(c), w.source(c.source), people_date(*c.date));
}

// How many sources' estimates show before "more sources": the newest ones.
constexpr std::size_t kRecent = 6;

void estimates_table(std::ostream& out, const std::vector<const Claim*>& latest,
                     const std::map<std::string, const StoredDocument*>& docs, const Wording& w) {
    out << "<table class=\"estimates\"><thead><tr><th>source</th><th>latest estimate</th><th>as of</th><th>read in "
           "(open for the quote)</th></tr></thead><tbody>";
    for (const Claim* c : latest) {
        const auto d = docs.find(c->doc);
        const StoredDocument* doc = d == docs.end() ? nullptr : d->second;
        out << "<tr><td>" << html_escape(w.source(c->source))
            << (c->via.empty() ? "" : " <span class=\"muted\">via " + html_escape(w.source_brief(c->via)) + "</span>")
            << "</td><td class=\"num\">" << html_escape(people_value(*c)) << "</td><td>"
            << html_escape(people_date(*c->date)) << "</td><td>"
            << provenance_html(*c, doc, w, document_line(*c, doc, w)) << "</td></tr>";
    }
    out << "</tbody></table>";
}

}  // namespace

const std::vector<Headline>& headlines() {
    static const std::vector<Headline> kHeadlines{
        {Metric::Troops, Phase::Deployed, "North Korean troops in Russia"},
        {Metric::Troops, Phase::Planned, "more North Korean troops planned or expected"},
        {Metric::Killed, std::nullopt, "North Korean soldiers killed"},
        {Metric::Wounded, std::nullopt, "North Korean soldiers wounded"},
        {Metric::Casualties, std::nullopt, "North Korean casualties (killed and wounded)"},
    };
    return kHeadlines;
}

bool estimates(const Claim& c, const Headline& h, const std::string& actor) {
    if (c.kind != ClaimKind::Figure || c.metric != h.metric || c.actor != actor || !c.date || c.increment ||
        c.hypothetical)
        return false;
    if (h.phase && c.phase != h.phase) return false;
    const auto finite = [](const std::optional<double>& v) { return !v || std::isfinite(*v); };
    return (c.value.low || c.value.high) && finite(c.value.low) && finite(c.value.high);
}

std::vector<const Claim*> latest_by_source(const std::vector<const Claim*>& figures) {
    std::map<std::string, const Claim*> latest;
    for (const Claim* c : figures) {
        auto [it, fresh] = latest.try_emplace(c->source, c);
        if (!fresh && newness(it->second) < newness(c)) it->second = c;
    }
    std::vector<const Claim*> out;
    for (const auto& [source, c] : latest) out.push_back(c);
    return out;
}

std::string spread_sentence(const std::vector<const Claim*>& latest, const std::string& phrase, const Wording& w) {
    if (latest.empty()) return "";
    if (latest.size() == 1)
        return fmt::format("Only {} gives an estimate of {}: {} ({}).", w.source(latest[0]->source), phrase,
                           people_value(*latest[0]), people_date(*latest[0]->date));
    const auto by_value = [](const Claim* a, const Claim* b) { return representative(*a) < representative(*b); };
    const Claim* low = *std::min_element(latest.begin(), latest.end(), by_value);
    const Claim* high = *std::max_element(latest.begin(), latest.end(), by_value);
    if (representative(*low) == representative(*high))
        return fmt::format("The {} sources with an estimate of {} agree: {}.", latest.size(), phrase,
                           people_value(*high));
    return fmt::format("Estimates of {} range from {} to {}.", phrase, said(*low, w), said(*high, w));
}

void write_summary(std::ostream& out, const std::vector<Claim>& claims, const std::string& actor,
                   std::size_t open_conflicts, const std::map<std::string, const StoredDocument*>& docs,
                   const Wording& w) {
    out << "<section id=\"summary\"><h2>Summary</h2><p class=\"lead\"><a href=\"#conflicts\">" << open_conflicts
        << (open_conflicts == 1 ? " open conflict" : " open conflicts")
        << "</a> between sources. Each estimate below is its source's latest; open its document to read it where it "
           "was said.</p>";
    for (const Headline& h : headlines()) {
        std::vector<const Claim*> figures;
        for (const Claim& c : claims)
            if (estimates(c, h, actor)) figures.push_back(&c);
        auto latest = latest_by_source(figures);
        std::stable_sort(latest.begin(), latest.end(),
                         [](const Claim* a, const Claim* b) { return newness(b) < newness(a); });
        out << "<div class=\"headline\"><h3>" << html_escape(capitalized(h.phrase)) << "</h3>";
        if (latest.empty()) {
            out << "<p class=\"muted\">No estimate in these documents.</p></div>";
            continue;
        }
        out << "<p class=\"spread\">" << html_escape(spread_sentence(latest, h.phrase, w)) << "</p>";
        const std::size_t shown = latest.size() > kRecent + 2 ? kRecent : latest.size();
        estimates_table(out, {latest.begin(), latest.begin() + static_cast<std::ptrdiff_t>(shown)}, docs, w);
        if (shown < latest.size()) {
            out << "<details class=\"more\"><summary>" << latest.size() - shown
                << " more sources, whose latest estimates are older</summary>";
            estimates_table(out, {latest.begin() + static_cast<std::ptrdiff_t>(shown), latest.end()}, docs, w);
            out << "</details>";
        }
        out << "</div>";
    }
    out << "</section>";
}

}  // namespace nkclaims
