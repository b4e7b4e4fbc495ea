#include "nkclaims/page.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "nkclaims/chart.hpp"
#include "nkclaims/claim_json.hpp"
#include "nkclaims/error.hpp"
#include "nkclaims/printers.hpp"

namespace nkclaims {
namespace {

constexpr const char* kStyle = R"CSS(
:root { --fg: #1b1b1b; --muted: #5b5b5b; --line: #d8d8d8; --bad: #c00000; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--fg); margin: 0 auto; max-width: 1100px; padding: 24px; }
h1 { font-size: 1.6em; margin: 0 0 4px; } h2 { margin-top: 2em; border-bottom: 2px solid var(--fg); } h3 { margin-bottom: 4px; }
.muted, figcaption small { color: var(--muted); }
nav a { margin-right: 14px; }
figure { margin: 16px 0 28px; } figcaption { font-weight: 600; font-size: 1.1em; }
.chart { width: 100%; height: auto; background: #fff; }
.chart .axis { stroke: #555; stroke-width: 1; } .chart .grid { stroke: #eee; stroke-width: 1; }
.chart .tick { font-size: 11px; fill: #555; }
.chart .revision { fill: none; stroke-width: 1.5; stroke-opacity: .55; }
.chart .conflict { stroke: var(--bad); stroke-width: 1.5; stroke-dasharray: 5 4; }
.chart .range { stroke-width: 3; } .chart .bound { fill: none; stroke-width: 2; }
.chart .point { cursor: pointer; } .chart .point:focus { outline: none; } .chart .point:focus circle, .chart .point:focus rect { stroke-width: 3; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: .9em; margin: 4px 0; }
.swatch { display: inline-block; width: 11px; height: 11px; border: 1px solid #222; margin-right: 5px; vertical-align: -1px; }
#detail { border: 1px solid var(--line); border-left: 4px solid #0072B2; padding: 8px 12px; margin: 8px 0; background: #fafafa; }
table { border-collapse: collapse; width: 100%; font-size: .92em; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); }
th { background: #f3f3f3; } td.num { text-align: right; white-space: nowrap; }
.conflict-head td { background: #fff4f4; border-left: 4px solid var(--bad); padding-top: 10px; }
.conflict-row td:first-child { border-left: 4px solid var(--bad); }
table.conflicts blockquote { margin: 0; }
blockquote { margin: 2px 0 6px; color: var(--muted); font-size: .92em; }
input, select { font: inherit; padding: 3px 6px; margin: 0 8px 8px 0; }
@media print { nav, .filters, #detail { display: none; } body { max-width: none; padding: 0; font-size: 11px; } h2 { page-break-before: auto; } figure { page-break-inside: avoid; } }
)CSS";

constexpr const char* kScript = R"JS(
(function () {
  var errors = 0;
  window.addEventListener('error', function () { errors += 1; document.body.setAttribute('data-errors', String(errors)); });
  var data = JSON.parse(document.getElementById('claims-data').textContent);
  var detail = document.getElementById('detail');
  function field(name, value) { var p = document.createElement('div'); var b = document.createElement('b'); b.textContent = name + ': '; p.appendChild(b); p.appendChild(document.createTextNode(value || '-')); return p; }
  function show(id) {
    var c = data[id]; if (!c) return;
    while (detail.firstChild) detail.removeChild(detail.firstChild);
    detail.appendChild(field('figure', c.text + ' (' + (c.metric || '') + ' ' + (c.phase || '') + ')'));
    detail.appendChild(field('source', c.source + (c.via ? ' via ' + c.via : '')));
    detail.appendChild(field('date', c.date)); detail.appendChild(field('place', c.location));
    detail.appendChild(field('document', c.doc));
    var q = document.createElement('blockquote'); q.textContent = c.quote; detail.appendChild(q);
    detail.hidden = false;
  }
  Array.prototype.forEach.call(document.querySelectorAll('.point'), function (p) {
    p.addEventListener('click', function () { show(p.getAttribute('data-claim')); });
    p.addEventListener('keydown', function (e) { if (e.key === 'Enter') show(p.getAttribute('data-claim')); });
  });
  var text = document.getElementById('filter-text'), metric = document.getElementById('filter-metric');
  function filter() {
    var t = text.value.toLowerCase(), m = metric.value;
    Array.prototype.forEach.call(document.querySelectorAll('#claims-table tbody tr'), function (r) {
      var ok = (!m || r.getAttribute('data-metric') === m) && (!t || r.textContent.toLowerCase().indexOf(t) >= 0);
      r.hidden = !ok;
    });
  }
  text.addEventListener('input', filter); metric.addEventListener('change', filter);
  document.body.setAttribute('data-points', String(document.querySelectorAll('.point').length));
  document.body.setAttribute('data-ready', '1');
})();
)JS";

std::string e(std::string_view s) { return html_escape(s); }

std::string value_of(const Claim& c) {
    if (c.kind == ClaimKind::Stance) return c.stance ? std::string(to_string(*c.stance)) : "";
    auto n = [](double v) {  // 30,000: our own separators, never the locale's
        std::string digits = fmt::format("{}", static_cast<long long>(v)), out;
        for (std::size_t i = 0; i < digits.size(); ++i) {
            if (i && (digits.size() - i) % 3 == 0) out += ',';
            out += digits[i];
        }
        return out;
    };
    const auto& v = c.value;
    std::string s;
    if (v.low && v.high && *v.low == *v.high)
        s = n(*v.low);
    else if (v.low && v.high)
        s = n(*v.low) + "–" + n(*v.high);
    else if (v.low)
        s = "≥ " + n(*v.low);
    else if (v.high)
        s = "≤ " + n(*v.high);
    return (c.approx ? "~" : "") + s;
}

std::vector<std::string> sources_of(const std::vector<Claim>& claims) {
    std::set<std::string> s;
    for (const Claim& c : claims) s.insert(c.source);
    return {s.begin(), s.end()};
}

// The JSON the page's script reads, made safe inside <script>: no "<" survives.
std::string embedded_json(const std::vector<Claim>& claims) {
    nlohmann::json j = nlohmann::json::array();
    for (const Claim& c : claims) j.push_back(to_json(c));
    std::string s = j.dump();
    std::string out;
    for (char ch : s) {
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

void claim_cells(std::ostream& out, const Claim& c) {
    out << "<td class=\"num\">" << e(value_of(c)) << "</td><td>" << e(voice_of(c)) << "</td><td>"
        << e(c.date ? c.date->iso() : "-") << "</td><td>" << e(c.location.empty() ? "-" : c.location) << "</td><td>"
        << e(c.doc) << "</td>";
}

void timelines(std::ostream& out, const ReportInput& in, const std::vector<std::string>& sources) {
    out << "<section id=\"timelines\"><h2>Timelines</h2>"
           "<p class=\"muted\">Each claim a point at the date it was made: ● deployed, ■ planned, ◆ total or supplied; "
           "a bar "
           "for a range, an arrow for an open bound. Dashed red lines join conflicting claims; thin lines join one "
           "source's figures over time. Hover or click a point for its quote.</p><div id=\"detail\" hidden></div>";
    std::vector<std::size_t> ids(in.claims.size());
    for (std::size_t i = 0; i < ids.size(); ++i) ids[i] = i;
    for (int m = 0; m <= static_cast<int>(Metric::Equipment); ++m)
        for (int p = -1; p <= static_cast<int>(Phase::Destroyed); ++p) {
            const auto metric = static_cast<Metric>(m);
            const std::optional<Phase> phase = p < 0 ? std::nullopt : std::optional<Phase>(static_cast<Phase>(p));
            const std::string svg = timeline_svg(in.claims, ids, metric, phase, in.conflicts.conflicts, sources);
            if (svg.empty()) continue;
            std::set<std::string> here;
            for (const Claim& c : in.claims)
                if (c.metric == metric && c.phase == phase && c.date) here.insert(c.source);
            const std::string name =
                std::string(to_string(metric)) + (phase ? std::string(" ") + std::string(to_string(*phase)) : "");
            out << "<figure class=\"timeline\" id=\"chart-" << to_string(metric) << (phase ? "-" : "")
                << (phase ? to_string(*phase) : "") << "\"><figcaption>" << name << "</figcaption>" << svg
                << "<div class=\"legend\">";
            for (const auto& s : here)
                out << "<span><span class=\"swatch\" style=\"background:" << source_color(sources, s) << "\"></span>"
                    << e(s) << "</span>";
            out << "</div></figure>";
        }
    out << "</section>";
}

void conflicts_section(std::ostream& out, const ConflictReport& r) {
    out << "<section id=\"conflicts\"><h2>Conflicts (" << r.conflicts.size() << ")</h2>";
    if (r.conflicts.empty())
        out << "<p>No conflicting assessments.</p>";
    else
        out << "<table "
               "class=\"conflicts\"><thead><tr><th>value</th><th>source</th><th>date</th><th>place</th><th>document</"
               "th><th>quote</th></tr></thead><tbody>";
    for (std::size_t i = 0; i < r.conflicts.size(); ++i) {
        const Conflict& k = r.conflicts[i];
        out << "<tr class=\"conflict-head\"><td colspan=\"6\"><b>" << i + 1 << ". " << e(k.topic) << "</b> ("
            << to_string(k.kind) << "): " << e(k.reason) << "</td></tr>";
        for (const Claim* c : k.claims) {
            out << "<tr class=\"conflict-row\">";
            claim_cells(out, *c);
            out << "<td><blockquote>" << e(c->quote) << "</blockquote></td></tr>";
        }
    }
    if (!r.conflicts.empty()) out << "</tbody></table>";
    out << "</section><section id=\"corroborated\"><h2>Corroborated figures (" << r.corroborations.size()
        << ")</h2><ul>";
    for (const auto& co : r.corroborations) {
        std::set<std::string> voices;
        for (const Claim* c : co.claims) voices.insert(voice_of(*c));
        std::string list;
        for (const auto& v : voices) list += (list.empty() ? "" : ", ") + v;
        out << "<li><b>" << e(value_of(*co.claims.front())) << "</b> " << e(topic_of(*co.claims.front())) << ": "
            << co.count << " claims from " << e(list) << "</li>";
    }
    out << "</ul></section><section id=\"revisions\"><h2>Revisions (" << r.revisions.size() << ")</h2><ul>";
    for (const auto& rv : r.revisions) {
        out << "<li><b>" << e(rv.source) << "</b> " << e(topic_of(*rv.claims.front())) << ": ";
        for (std::size_t i = 0; i < rv.claims.size(); ++i)
            out << (i ? " → " : "") << e(value_of(*rv.claims[i])) << " (" << e(rv.claims[i]->date->iso()) << ")";
        out << "</li>";
    }
    out << "</ul></section>";
}

void documents_section(std::ostream& out, const std::vector<StoredDocument>& docs) {
    out << "<section id=\"documents\"><h2>Documents (" << docs.size()
        << ")</h2><table><thead><tr><th>document</th><th>title</th>"
           "<th>kind</th><th>outlet</th><th>published</th><th>recorded</th><th>claims</th></tr></thead><tbody>";
    for (const auto& d : docs)
        out << "<tr><td>" << e(d.name) << "</td><td>" << e(d.meta.title) << "</td><td>"
            << (d.meta.kind ? to_string(*d.meta.kind) : "-") << "</td><td>" << e(d.meta.outlet) << "</td><td>"
            << (d.meta.published ? iso_day(*d.meta.published) : "-") << "</td><td>"
            << (d.meta.recorded ? iso_day(*d.meta.recorded) : "-") << "</td><td class=\"num\">" << d.claims
            << "</td></tr>";
    out << "</tbody></table></section>";
}

void claims_section(std::ostream& out, const std::vector<Claim>& claims) {
    out << "<section id=\"claims\"><h2>Claims (" << claims.size()
        << ")</h2><div class=\"filters\">"
           "<input id=\"filter-text\" type=\"search\" placeholder=\"filter: source, place, words\" "
           "aria-label=\"filter\">"
           "<select id=\"filter-metric\" aria-label=\"metric\"><option value=\"\">every metric</option>";
    for (int m = 0; m <= static_cast<int>(Metric::Equipment); ++m) {
        const auto name = to_string(static_cast<Metric>(m));
        out << "<option>" << name << "</option>";
    }
    out << "<option value=\"stance\">stance</option></select></div><table id=\"claims-table\"><thead><tr><th>as "
           "written</th><th>what</th>"
           "<th>value</th><th>source</th><th>date</th><th>place</th><th>document</th></tr></thead><tbody>";
    for (const Claim& c : claims) {
        const std::string metric = c.kind == ClaimKind::Stance ? "stance"
                                   : c.metric                  ? std::string(to_string(*c.metric))
                                                               : "";
        const std::string what =
            c.kind == ClaimKind::Stance ? "stance" : metric + " " + (c.phase ? std::string(to_string(*c.phase)) : "");
        out << "<tr data-metric=\"" << e(metric) << "\"><td>" << e(c.as_written) << "</td><td>" << e(what) << "</td>";
        claim_cells(out, c);
        out << "</tr>";
    }
    out << "</tbody></table></section>";
}

}  // namespace

void write_html(std::ostream& out, const ReportInput& in) {
    const auto sources = sources_of(in.claims);
    out << "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
           "content=\"width=device-width, "
           "initial-scale=1\"><title>nkclaims report</title><style>"
        << kStyle
        << "</style></head>\n<body data-points=\"0\"><header><h1>North Korean troops in Russia: claims and "
           "conflicts</h1><p class=\"muted\">"
        << in.documents.size() << " documents, " << in.claims.size() << " claims, " << in.conflicts.conflicts.size()
        << " conflicts." << (in.stamp ? " Generated " + e(*in.stamp) + "." : "") << "</p></header>"
        << "<nav><a href=\"#timelines\">Timelines</a><a href=\"#conflicts\">Conflicts</a><a "
           "href=\"#corroborated\">Corroborated</a>"
           "<a href=\"#revisions\">Revisions</a><a href=\"#documents\">Documents</a><a "
           "href=\"#claims\">Claims</a></nav>\n";
    timelines(out, in, sources);
    conflicts_section(out, in.conflicts);
    documents_section(out, in.documents);
    claims_section(out, in.claims);
    out << "\n<script type=\"application/json\" id=\"claims-data\">" << embedded_json(in.claims)
        << "</script>\n<script>" << kScript << "</script>\n</body></html>\n";
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

void write_report_folder(const std::filesystem::path& dir, const ReportInput& in) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw Error(dir.string(), fmt::format("cannot create folder: {}", ec.message()));
    const std::pair<const char*, void (*)(std::ostream&, const ReportInput&)> files[] = {
        {"index.html", write_html}, {"report.md", write_markdown_report}, {"report.json", write_json_report}};
    for (const auto& [name, write] : files) {
        const auto path = dir / name, tmp = dir / (std::string(name) + ".tmp");
        {
            std::ofstream f(tmp, std::ios::binary);
            if (!f) throw Error(tmp.string(), "cannot write");
            write(f, in);
            if (!f.flush()) throw Error(tmp.string(), "write failed (disk full?)");
        }
        std::filesystem::rename(tmp, path, ec);
        if (ec) throw Error(path.string(), fmt::format("cannot write: {}", ec.message()));
    }
}

}  // namespace nkclaims
