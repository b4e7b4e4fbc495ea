#include "nkclaims/page.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "nkclaims/chart.hpp"
#include "nkclaims/claim_json.hpp"
#include "nkclaims/error.hpp"
#include "nkclaims/printers.hpp"
#include "nkclaims/provenance.hpp"
#include "nkclaims/report.hpp"
#include "nkclaims/summary.hpp"
#include "nkclaims/timelines.hpp"

namespace nkclaims {
namespace {

// Whose forces the page is about: the summary follows them, their charts come first. The
// gazetteer's focus (actor_defaults.tsv), else the actor of most figures.
std::string focus_actor(const ReportInput& in) {
    if (in.gazetteer) return in.gazetteer->focus_actor;
    std::map<std::string, std::size_t> figures;
    for (const Claim& c : in.claims)
        if (c.kind == ClaimKind::Figure && !c.actor.empty()) ++figures[c.actor];
    auto most = std::max_element(figures.begin(), figures.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    return most == figures.end() ? std::string() : most->first;
}

constexpr const char* kStyle = R"CSS(
:root { --fg: #1b1b1b; --muted: #5b5b5b; --line: #d8d8d8; --bad: #c00000; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--fg); margin: 0 auto; max-width: 1100px; padding: 24px; }
h1 { font-size: 1.6em; margin: 0 0 4px; } h2 { margin-top: 1.6em; border-bottom: 2px solid var(--fg); } h3 { margin: 1.2em 0 4px; }
.muted, figcaption small { color: var(--muted); font-weight: normal; }
nav a { margin-right: 14px; }
.lead { font-size: 1.05em; } .spread { margin: 2px 0 6px; }
figure { margin: 16px 0 28px; } figcaption { font-weight: 600; font-size: 1.1em; }
.chart { width: 100%; height: auto; background: #fff; }
.chart .axis { stroke: #555; stroke-width: 1; } .chart .grid { stroke: #eee; stroke-width: 1; }
.chart .tick { font-size: 11px; fill: #555; } .chart .label text { font-size: 12px; fill: #222; }
.chart .revision { fill: none; stroke-width: 2; stroke-opacity: .75; } .chart .leader { fill: none; stroke-width: 1; stroke-dasharray: 2 2; }
.chart .conflict { fill: none; stroke: var(--bad); stroke-width: 1.5; stroke-dasharray: 4 3; } .chart .disputed { fill: none; stroke: var(--bad); stroke-width: 2; }
.chart .range { fill: none; stroke-width: 3; } .chart .bound { fill: none; stroke-width: 2; } .chart .mark { stroke-width: 1; } .chart .mark.hedged { stroke-width: 2.5; }
.chart .point { cursor: pointer; } .chart .point:focus { outline: none; } .chart .point:focus .mark, .chart .point.selected .mark { stroke: #000; stroke-width: 3; }
.detail { border: 1px solid var(--line); border-left: 4px solid #0072B2; padding: 8px 12px; margin: 8px 0; background: #fafafa; }
table { border-collapse: collapse; width: 100%; font-size: .92em; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); }
th { background: #f3f3f3; } td.num { text-align: right; white-space: nowrap; }
details.prov summary { cursor: pointer; color: #0a58a8; font-size: .9em; } details.prov { margin-top: 2px; }
table.estimates { font-size: .88em; margin-bottom: 4px; } table.estimates td:first-child { width: 26%; } table.estimates td.num { width: 16%; }
.small table { font-size: .88em; } .small td:nth-child(1) { width: 20%; } .small td:nth-child(2) { width: 12%; } .small td:nth-child(3) { width: 14%; } .small td:nth-child(4) { width: 12%; }
details.more > summary { cursor: pointer; color: #0a58a8; font-size: .9em; margin: 2px 0 8px; }
blockquote { margin: 4px 0; padding-left: 8px; border-left: 3px solid var(--line); }
mark { background: #ffe08a; padding: 0 2px; } .from { color: var(--muted); font-size: .9em; margin: 2px 0; }
.file { font-family: ui-monospace, monospace; font-size: .85em; color: var(--muted); }
ol.conflicts > li { margin-bottom: 12px; padding-left: 4px; border-left: 4px solid var(--bad); padding: 4px 8px; }
ol.conflicts > li:target { background: #fff4f4; }
input, select { font: inherit; padding: 3px 6px; margin: 0 8px 8px 0; }
@media print { nav, .filters, .detail { display: none; } body { max-width: none; padding: 0; font-size: 11px; } figure { page-break-inside: avoid; } }
)CSS";

constexpr const char* kScript = R"JS(
(function () {
  var errors = 0;
  window.addEventListener('error', function () { errors += 1; document.body.setAttribute('data-errors', String(errors)); });
  var data = JSON.parse(document.getElementById('claims-data').textContent);
  function el(tag, text, cls) { var e = document.createElement(tag); if (text) e.textContent = text; if (cls) e.className = cls; return e; }
  function show(point) {
    var c = data[point.getAttribute('data-claim')]; if (!c) return;
    var box = point.closest('figure').querySelector('.detail');
    while (box.firstChild) box.removeChild(box.firstChild);
    var head = el('p'); head.appendChild(el('b', c.who + ': ' + c.value)); head.appendChild(document.createTextNode(', ' + c.date + (c.place ? ', ' + c.place : '')));
    box.appendChild(head);
    var q = el('blockquote'); q.appendChild(document.createTextNode(c.q[0]));
    if (c.q[1]) { q.appendChild(el('mark', c.q[1])); q.appendChild(document.createTextNode(c.q[2])); }
    box.appendChild(q); box.appendChild(el('p', 'Read in ' + c.doc + '.', 'from'));
    if (c.k.length) {
      var p = el('p', 'In conflict: ');
      c.k.forEach(function (n, i) { var a = el('a', 'no. ' + n); a.href = '#conflict-' + n; if (i) p.appendChild(document.createTextNode(', ')); p.appendChild(a); });
      box.appendChild(p);
    }
    var close = el('button', 'Close'); close.type = 'button';
    close.addEventListener('click', function () { box.hidden = true; point.focus(); }); box.appendChild(close);
    box.hidden = false;
    Array.prototype.forEach.call(document.querySelectorAll('.point.selected'), function (p) { p.classList.remove('selected'); });
    point.classList.add('selected');
  }
  Array.prototype.forEach.call(document.querySelectorAll('.point'), function (p) {
    p.addEventListener('click', function () { show(p); });
    p.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); show(p); } });
  });
  var text = document.getElementById('filter-text'), metric = document.getElementById('filter-metric');
  function filter() {
    var t = text.value.toLowerCase(), m = metric.value;
    Array.prototype.forEach.call(document.querySelectorAll('#claims-table tbody tr'), function (r) {
      r.hidden = !((!m || r.getAttribute('data-metric') === m) && (!t || r.textContent.toLowerCase().indexOf(t) >= 0));
    });
  }
  text.addEventListener('input', filter); metric.addEventListener('change', filter);
  document.body.setAttribute('data-points', String(document.querySelectorAll('.point').length));
  document.body.setAttribute('data-ready', '1');
})();
)JS";

std::string e(std::string_view s) { return html_escape(s); }

// Claim number → the numbers of the conflicts it stands in (1-based, as the page lists them).
std::map<std::size_t, std::vector<std::size_t>> conflicts_of(const std::vector<Claim>& claims,
                                                             const ConflictReport& r) {
    std::map<std::tuple<std::string, std::size_t, std::size_t>, std::size_t> at;
    for (std::size_t i = 0; i < claims.size(); ++i) at[{claims[i].doc, claims[i].span.begin, claims[i].span.end}] = i;
    std::map<std::size_t, std::vector<std::size_t>> out;
    for (std::size_t k = 0; k < r.conflicts.size(); ++k)
        for (const Claim* c : r.conflicts[k].claims)
            if (auto it = at.find({c->doc, c->span.begin, c->span.end}); it != at.end())
                out[it->second].push_back(k + 1);
    return out;
}

// What the page's script shows of each claim, in words; made safe inside <script>: no "<".
std::string embedded_json(const PageContext& page) {
    const auto disputes = conflicts_of(page.claims, page.conflicts);
    nlohmann::json j = nlohmann::json::array();
    for (std::size_t i = 0; i < page.claims.size(); ++i) {
        const Claim& c = page.claims[i];
        const auto d = page.docs.find(c.doc);
        const QuoteParts q = quote_parts(c);
        const auto k = disputes.find(i);
        j.push_back({{"who", page.words.voice(c)},
                     {"value", people_value(c)},
                     {"date", c.date ? people_date(*c.date) : "undated"},
                     {"place", page.words.place(c.location)},
                     {"doc", document_line(c, d == page.docs.end() ? nullptr : d->second, page.words)},
                     {"q", {q.before, q.figure, q.after}},
                     {"k", k == disputes.end() ? std::vector<std::size_t>{} : k->second}});
    }
    std::string out;
    for (char ch : j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)) {
        if (ch == '<')
            out += "\\u003c";
        else if (ch == '>')
            out += "\\u003e";
        else if (ch == '&')
            out += "\\u0026";
        else
            out += ch;
    }
    return out;
}

// The heading of the quantity a claim counts, or of the figure a stance is about.
std::string what_of(const Claim& c, const Wording& w) {
    if (c.kind == ClaimKind::Stance || !c.metric) return "Stance";
    return w.heading(c.actor, *c.metric, c.phase) + (c.hypothetical ? " (hypothetical)" : "");
}

const char* kind_sentence(ConflictKind k) {
    switch (k) {
        case ConflictKind::Disagreement:
            return "These figures, given at about the same time, cannot both be true.";
        case ConflictKind::LowerLater:
            return "A later and lower figure, from another source, for a count that only grows.";
        case ConflictKind::Denial:
            return "One source denies what another asserts.";
        case ConflictKind::BelowPart:
            return "Fewer casualties, killed and wounded together, than another source's killed or wounded alone.";
    }
    return "";
}

void conflicts_section(std::ostream& out, const PageContext& page) {
    const Wording& w = page.words;
    const auto& r = page.conflicts;
    out << "<section id=\"conflicts\"><h2>Conflicts (" << r.conflicts.size() << ")</h2>";
    if (r.conflicts.empty()) out << "<p>No conflicting assessments.</p>";
    out << "<ol class=\"conflicts\">";
    for (std::size_t i = 0; i < r.conflicts.size(); ++i) {
        const Conflict& k = r.conflicts[i];
        const Claim* figure = k.claims.front();
        for (const Claim* c : k.claims)
            if (c->kind == ClaimKind::Figure) figure = c;
        out << "<li id=\"conflict-" << i + 1 << "\"><b>" << e(what_of(*figure, w))
            << (figure->location.empty() ? "" : ", " + e(w.place(figure->location))) << "</b>. "
            << kind_sentence(k.kind) << "<ul>";
        for (const Claim* c : k.claims) {
            const auto d = page.docs.find(c->doc);
            out << "<li>" << e(w.voice(*c)) << ": <b>" << e(people_value(*c)) << "</b>"
                << (c->date ? ", " + e(people_date(*c->date)) : "")
                << provenance_html(*c, d == page.docs.end() ? nullptr : d->second, w) << "</li>";
        }
        out << "</ul></li>";
    }
    out << "</ol></section>";
}

void agreements_section(std::ostream& out, const PageContext& page) {
    const Wording& w = page.words;
    const auto& r = page.conflicts;
    out << "<section id=\"revisions\"><h2>Revisions (" << r.revisions.size()
        << ")</h2><p class=\"muted\">A source's figure for one quantity, changing over time.</p><ul>";
    for (const auto& rv : r.revisions) {
        out << "<li><b>" << e(w.source(rv.source)) << "</b>, " << e(what_of(*rv.claims.front(), w)) << ": ";
        for (std::size_t i = 0; i < rv.claims.size(); ++i)
            out << (i ? " → " : "") << e(people_value(*rv.claims[i])) << " ("
                << e(rv.claims[i]->date ? people_date(*rv.claims[i]->date) : "undated") << ")";
        out << "</li>";
    }
    out << "</ul></section><section id=\"corroborated\"><h2>Corroborated figures (" << r.corroborations.size()
        << ")</h2><ul>";
    for (const auto& co : r.corroborations) {
        std::set<std::string> voices;
        for (const Claim* c : co.claims) voices.insert(w.voice(*c));
        std::string list;
        for (const auto& v : voices) list += (list.empty() ? "" : "; ") + v;
        out << "<li><b>" << e(people_value(*co.claims.front())) << "</b>, " << e(what_of(*co.claims.front(), w)) << ": "
            << co.count << " claims, from " << e(list) << "</li>";
    }
    out << "</ul></section>";
}

void documents_section(std::ostream& out, const std::vector<StoredDocument>& docs, const Wording& w) {
    out << "<section id=\"documents\"><h2>Documents (" << docs.size()
        << ")</h2><table><thead><tr><th>title</th><th>outlet</th><th>kind</th><th>published</th><th>recorded</th>"
           "<th>claims</th><th>file</th></tr></thead><tbody>";
    for (const auto& d : docs)
        out << "<tr><td>" << e(d.meta.title.empty() ? "-" : d.meta.title) << "</td><td>"
            << e(d.meta.outlet.empty() ? "-" : w.source(d.meta.outlet)) << "</td><td>"
            << (d.meta.kind ? to_string(*d.meta.kind) : "-") << "</td><td>"
            << (d.meta.published ? e(people_date(DateRange::of_day(*d.meta.published))) : "-") << "</td><td>"
            << (d.meta.recorded ? e(people_date(DateRange::of_day(*d.meta.recorded))) : "-")
            << "</td><td class=\"num\">" << d.claims << "</td><td class=\"file\">" << e(d.name) << "</td></tr>";
    out << "</tbody></table></section>";
}

void claims_section(std::ostream& out, const PageContext& page) {
    const Wording& w = page.words;
    out << "<section id=\"claims\"><h2>Claims (" << page.claims.size()
        << ")</h2><div class=\"filters\"><input id=\"filter-text\" type=\"search\" placeholder=\"filter: source, "
           "place, words\" aria-label=\"filter\"><select id=\"filter-metric\" aria-label=\"what is counted\">"
           "<option value=\"\">everything counted</option>";
    for (int m = 0; m <= static_cast<int>(Metric::Wounded); ++m)
        out << "<option>" << to_string(static_cast<Metric>(m)) << "</option>";
    out << "<option value=\"stance\">stances</option></select></div><table id=\"claims-table\"><thead><tr><th>as "
           "written</th><th>what</th><th>value</th><th>source</th><th>date</th><th>place</th><th>read "
           "in</th></tr></thead><tbody>";
    for (const Claim& c : page.claims) {
        const std::string metric = c.kind == ClaimKind::Stance ? "stance"
                                   : c.metric                  ? std::string(to_string(*c.metric))
                                                               : "";
        const auto d = page.docs.find(c.doc);
        const StoredDocument* doc = d == page.docs.end() ? nullptr : d->second;
        out << "<tr data-metric=\"" << e(metric) << "\"><td>" << e(c.as_written) << "</td><td>" << e(what_of(c, w))
            << "</td><td class=\"num\">" << e(people_value(c)) << "</td><td>" << e(w.voice(c)) << "</td><td>"
            << e(c.date ? people_date(*c.date) : "-") << "</td><td>"
            << e(c.location.empty() ? "-" : w.place(c.location)) << "</td><td>"
            << provenance_html(c, doc, w, document_line(c, doc, w)) << "</td></tr>";
    }
    out << "</tbody></table></section>";
}

// Sources by how many figures they give, most first: the first ones keep their colours.
std::vector<std::string> ranked_sources(const std::vector<Claim>& claims) {
    std::map<std::string, std::size_t> n;
    for (const Claim& c : claims)
        if (plottable(c)) ++n[c.source];
    std::vector<std::pair<std::string, std::size_t>> v(n.begin(), n.end());
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<std::string> out;
    for (const auto& [s, count] : v) out.push_back(s);
    return out;
}

}  // namespace

void write_html(std::ostream& out, const ReportInput& in) {
    const Wording words(in.gazetteer);
    std::map<std::string, const StoredDocument*> docs;
    for (const auto& d : in.documents) docs.emplace(d.name, &d);
    const PageContext page{in.claims, in.conflicts, docs, words, ranked_sources(in.claims)};
    const std::string focus = focus_actor(in);
    const auto groups = figure_groups(in.claims, focus);
    out << "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
           "content=\"width=device-width, initial-scale=1\"><title>North Korean troops in Russia: estimates and "
           "conflicts</title><style>"
        << kStyle
        << "</style></head>\n<body data-points=\"0\"><header><h1>North Korean troops in Russia: estimates and "
           "conflicts</h1><p class=\"muted\">"
        << in.documents.size() << " documents, " << in.claims.size() << " claims, " << in.conflicts.conflicts.size()
        << " conflicts." << (in.stamp ? " Generated " + e(*in.stamp) + "." : "") << "</p></header>"
        << "<nav><a href=\"#summary\">Summary</a><a href=\"#timelines\">Over time</a><a "
           "href=\"#conflicts\">Conflicts</a><a href=\"#other-figures\">Other figures</a><a "
           "href=\"#revisions\">Revisions</a><a href=\"#documents\">Documents</a><a "
           "href=\"#claims\">Claims</a></nav>\n";
    write_summary(out, in.claims, focus, in.conflicts.conflicts.size(), docs, words);
    write_charts(out, groups, page);
    conflicts_section(out, page);
    write_small_tables(out, groups, page);
    agreements_section(out, page);
    documents_section(out, in.documents, words);
    claims_section(out, page);
    out << "\n<script type=\"application/json\" id=\"claims-data\">" << embedded_json(page) << "</script>\n<script>"
        << kScript << "</script>\n</body></html>\n";
}
void write_markdown_report(std::ostream& out, const ReportInput& in) {
    out << "# North Korean troops in Russia: claims and conflicts\n\n"
        << in.documents.size() << " documents, " << in.claims.size() << " claims, " << in.conflicts.conflicts.size()
        << " conflicts." << (in.stamp ? " Generated " + *in.stamp + "." : "") << "\n\n";
    write_conflicts(out, in.conflicts, Format::Markdown);
    out << "# Documents\n\n";
    write_documents(out, in.documents, Format::Markdown);
    out << "\n# Claims\n\n";
    write_claims(out, in.claims, Format::Markdown);
}

void write_json_report(std::ostream& out, const ReportInput& in) {
    out << "{\"claims\":[\n";
    std::string buf;
    for (std::size_t i = 0; i < in.claims.size(); ++i) {
        buf = i ? ",\n" : "";
        append_json(buf, in.claims[i]);
        out << buf;
    }
    nlohmann::json docs = nlohmann::json::array();
    for (const auto& d : in.documents) docs.push_back(to_json(d));
    out << "],\n\"documents\":" << docs.dump() << ",\n";
    if (in.stamp) out << "\"generated\":" << nlohmann::json(*in.stamp).dump() << ",\n";
    write_conflict_members(out, in.conflicts, "\n");
    out << "}\n";
}

}  // namespace nkclaims
