#include "nkclaims/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

namespace nkclaims {

std::optional<Format> parse_format(std::string_view s) {
    if (s == "table") return Format::Table;
    if (s == "jsonl") return Format::Jsonl;
    if (s == "json") return Format::Json;
    if (s == "csv") return Format::Csv;
    if (s == "md" || s == "markdown") return Format::Markdown;
    return std::nullopt;
}

std::string csv_field(std::string_view s) {
    std::string v(s);
    if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
        v.insert(v.begin(), '\'');
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string q = "\"";
    for (char c : v) {
        if (c == '"') q += '"';
        q += c;
    }
    return q + "\"";
}

namespace {

std::string number(const std::optional<double>& v) {
    if (!v) return "";
    if (*v == static_cast<double>(static_cast<long long>(*v))) return fmt::format("{}", static_cast<long long>(*v));
    return fmt::format("{}", *v);
}

std::string value_text(const Claim& c) {
    if (c.kind == ClaimKind::Stance) return c.stance ? std::string(to_string(*c.stance)) : "";
    const auto& v = c.value;
    std::string s;
    if (v.low && v.high && *v.low == *v.high)
        s = number(v.low);
    else if (v.low && v.high)
        s = number(v.low) + "-" + number(v.high);
    else if (v.low)
        s = ">=" + number(v.low);
    else if (v.high)
        s = "<=" + number(v.high);
    return (c.approx ? "~" : "") + s;
}

std::string opt(std::string_view s) { return s.empty() ? "-" : std::string(s); }

// Display width in terminal columns (UTF-8 code points; good enough for the scripts we print).
std::size_t width_of(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string fit(std::string_view s, std::size_t w) {
    std::string out;
    std::size_t cols = 0;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t len = 1;
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0xF0)
            len = 4;
        else if (c >= 0xE0)
            len = 3;
        else if (c >= 0xC0)
            len = 2;
        if (cols + 1 > w || (cols + 1 == w && i + len < s.size())) {
            out += "…";
            ++cols;
            break;
        }
        out.append(s.substr(i, len));
        ++cols;
        i += len;
    }
    return out + std::string(w > cols ? w - cols : 0, ' ');
}

struct Column {
    std::string title;
    std::size_t min, max;
};

// Aligned columns that fit `style.width`; the last column takes what is left.
void table(std::ostream& out, const std::vector<Column>& cols, const std::vector<std::vector<std::string>>& rows,
           const TableStyle& style) {
    std::vector<std::size_t> w(cols.size());
    for (std::size_t c = 0; c < cols.size(); ++c) {
        w[c] = std::max(cols[c].min, width_of(cols[c].title));
        for (const auto& r : rows) w[c] = std::max(w[c], std::min(cols[c].max, width_of(r[c])));
    }
    std::size_t used = 0;
    for (std::size_t c = 0; c + 1 < cols.size(); ++c) used += w[c] + 2;
    if (!cols.empty()) w.back() = style.width > used + 10 ? std::min(w.back(), style.width - used) : 10;
    auto line = [&](const std::vector<std::string>& cells, bool head) {
        std::string s;
        for (std::size_t c = 0; c < cells.size(); ++c) s += fit(cells[c], w[c]) + (c + 1 < cells.size() ? "  " : "");
        while (!s.empty() && s.back() == ' ') s.pop_back();
        if (head && style.color == Color::On) s = "\x1b[1m" + s + "\x1b[0m";
        out << s << '\n';
    };
    std::vector<std::string> head;
    for (const auto& c : cols) head.push_back(c.title);
    line(head, true);
    for (const auto& r : rows) line(r, false);
}

std::vector<std::string> claim_row(const Claim& c) {
    std::string what = c.kind == ClaimKind::Stance ? "stance"
                                                   : fmt::format("{} {}", c.metric ? to_string(*c.metric) : "-",
                                                                 c.phase ? to_string(*c.phase) : "-");
    std::string source = c.via.empty() ? opt(c.source) : c.source + " via " + c.via;
    return {c.doc,        c.as_written, value_text(c),   what,
            opt(c.actor), source,       opt(c.location), c.date ? c.date->iso() : "-"};
}

const std::vector<Column> kClaimColumns{{"DOC", 8, 34},      {"AS WRITTEN", 10, 24}, {"VALUE", 5, 14},
                                        {"WHAT", 8, 22},     {"ACTOR", 5, 12},       {"SOURCE", 6, 28},
                                        {"LOCATION", 8, 16}, {"DATE", 10, 21}};

const char* kClaimCsvHeader =
    "doc,span_begin,span_end,kind,text,value_low,value_high,approx,increment,metric,phase,actor,stance,source,via,"
    "location,date,event_date,rule,quote";

std::string claim_csv(const Claim& c) {
    const std::vector<std::string> f{c.doc,
                                     std::to_string(c.span.begin),
                                     std::to_string(c.span.end),
                                     std::string(to_string(c.kind)),
                                     c.as_written,
                                     number(c.value.low),
                                     number(c.value.high),
                                     c.approx ? "true" : "false",
                                     c.increment ? "true" : "false",
                                     c.metric ? std::string(to_string(*c.metric)) : "",
                                     c.phase ? std::string(to_string(*c.phase)) : "",
                                     c.actor,
                                     c.stance ? std::string(to_string(*c.stance)) : "",
                                     c.source,
                                     c.via,
                                     c.location,
                                     c.date ? c.date->iso() : "",
                                     c.event_date ? c.event_date->iso() : "",
                                     c.rule,
                                     c.quote};
    std::string line;
    for (std::size_t i = 0; i < f.size(); ++i) line += (i ? "," : "") + csv_field(f[i]);
    return line;
}

void append_claim_list(std::string& out, const std::vector<const Claim*>& claims) {
    out += '[';
    for (std::size_t i = 0; i < claims.size(); ++i) {
        if (i) out += ',';
        append_json(out, *claims[i]);
    }
    out += ']';
}

// One conflict as JSON, written without a tree: a large database has many.
void append_conflict_json(std::string& out, const Conflict& c) {
    nlohmann::json head;
    head["kind"] = to_string(c.kind);
    head["topic"] = c.topic;
    head["reason"] = c.reason;
    head["severity"] = std::round(c.severity * 1000) / 1000;
    head["gap_days"] = c.gap_days;
    head["rank"] = c.rank;
    head["reports"] = c.reports;
    if (c.fresh) head["new"] = *c.fresh;
    std::string h = head.dump(-1);
    h.pop_back();  // reopen the object: the claims follow
    out += h;
    out += ",\"claims\":";
    append_claim_list(out, c.claims);
    out += ",\"relays\":[";  // each side's mentions in every document and outlet
    for (std::size_t i = 0; i < c.relays.size(); ++i) {
        if (i) out += ',';
        append_claim_list(out, c.relays[i]);
    }
    out += "]}";
}

// "nis 1500: 3 reports (ap, yonhap, kbs)" for a side relayed more than once, else "".
std::string relays_line(const Conflict& c, std::size_t side) {
    if (side >= c.reports.size() || c.reports[side] < 2) return "";
    std::string outlets;
    for (const Claim* r : c.relays[side])
        if (const auto& o = r->via.empty() ? r->doc : r->via; outlets.find(o) == std::string::npos)
            outlets += (outlets.empty() ? "" : ", ") + o;
    return fmt::format("{} {}: {} reports, 1 origin ({})", c.claims[side]->source, value_text(*c.claims[side]),
                       c.reports[side], outlets);
}

std::string new_mark(const Conflict& c) { return c.fresh.value_or(false) ? " [new]" : ""; }

std::string md_cell(std::string s) {
    std::string out;
    for (char c : s) {
        if (c == '|' || c == '\\' || c == '<' || c == '>' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']')
            out += '\\';
        out += c;
    }
    return out;
}

}  // namespace

void write_claims(std::ostream& out, const std::vector<Claim>& claims, Format f, const TableStyle& style) {
    switch (f) {
        case Format::Jsonl:
        case Format::Csv: {
            ClaimStream stream(out, f);
            for (const Claim& c : claims) stream.write(c);
            return;
        }
        case Format::Json: {
            nlohmann::json j = nlohmann::json::array();
            for (const Claim& c : claims) j.push_back(to_json(c));
            out << nlohmann::json{{"claims", j}}.dump(1) << '\n';
            return;
        }
        case Format::Markdown:
            out << "| doc | as written | value | what | actor | source | location | date "
                   "|\n|---|---|---|---|---|---|---|---|\n";
            for (const Claim& c : claims) {
                std::string row = "|";
                for (auto& cell : claim_row(c)) row += " " + md_cell(cell) + " |";
                out << row << '\n';
            }
            return;
        case Format::Table: {
            std::vector<std::vector<std::string>> rows;
            for (const Claim& c : claims) {
                rows.push_back(claim_row(c));
                if (!c.explain.empty()) rows.push_back({"", "", "", "", "", "", "", ""});
            }
            table(out, kClaimColumns, rows, style);
            for (const Claim& c : claims)
                if (!c.explain.empty()) out << fmt::format("{}@{} [{}]: {}\n", c.doc, c.span.begin, c.rule, c.explain);
            out << fmt::format("{} claims\n", claims.size());
            return;
        }
    }
}

ClaimStream::ClaimStream(std::ostream& out, Format f) : out_(out), format_(f) {
    if (f == Format::Csv) buf_ = std::string(kClaimCsvHeader) + "\r\n";
}

ClaimStream::~ClaimStream() { out_ << buf_; }

void ClaimStream::write(const Claim& c) {
    if (format_ == Format::Csv) {
        buf_ += claim_csv(c);
        buf_ += "\r\n";
    } else {
        append_json(buf_, c);
        buf_ += '\n';
    }
    if (buf_.size() >= (64u << 10)) {
        out_ << buf_;
        buf_.clear();
    }
}

void write_conflicts(std::ostream& out, const ConflictReport& r, Format f, const TableStyle& style) {
    if (f == Format::Json || f == Format::Jsonl) {
        // Streamed, one entry at a time; keys in the order nlohmann prints them.
        const char* sep = f == Format::Json ? "\n" : "";
        std::string buf;
        out << "{\"conflicts\":[" << sep;
        for (std::size_t i = 0; i < r.conflicts.size(); ++i) {
            buf.clear();
            if (i) buf += std::string(",") + sep;
            append_conflict_json(buf, r.conflicts[i]);
            out << buf;
        }
        out << "]," << sep << "\"corroborations\":[" << sep;
        for (std::size_t i = 0; i < r.corroborations.size(); ++i) {
            buf = i ? std::string(",") + sep : std::string();
            buf += "{\"claims\":";
            append_claim_list(buf, r.corroborations[i].claims);
            buf += fmt::format(",\"count\":{},\"origins\":{},\"topic\":", r.corroborations[i].count,
                               r.corroborations[i].origins()) +
                   nlohmann::json(topic_of(*r.corroborations[i].claims.front())).dump() + "}";
            out << buf;
        }
        out << "]," << sep;
        if (!r.explanations.empty()) out << "\"explanations\":" << nlohmann::json(r.explanations).dump() << "," << sep;
        out << "\"revisions\":[" << sep;
        for (std::size_t i = 0; i < r.revisions.size(); ++i) {
            const Revision& rv = r.revisions[i];
            buf = i ? std::string(",") + sep : std::string();
            buf += "{\"claims\":";
            append_claim_list(buf, rv.claims);
            buf += ",\"source\":" + nlohmann::json(rv.source).dump() +
                   ",\"topic\":" + nlohmann::json(topic_of(*rv.claims.front())).dump() + "}";
            out << buf;
        }
        out << "]}\n";
        return;
    }
    if (f == Format::Csv) {
        // The conflict's columns are named apart from the claim's ("kind" is the claim's).
        out << "conflict,conflict_kind,topic,rank,severity,gap_days,new,side,reports," << kClaimCsvHeader << "\r\n";
        for (std::size_t i = 0; i < r.conflicts.size(); ++i) {
            const Conflict& c = r.conflicts[i];
            for (std::size_t k = 0; k < c.claims.size(); ++k)
                out << fmt::format("{},{},{},{},{:.3f},{},{},{},{},", i + 1, to_string(c.kind), csv_field(c.topic),
                                   c.rank, c.severity, c.gap_days, c.fresh ? (*c.fresh ? "yes" : "no") : "", k + 1,
                                   k < c.reports.size() ? c.reports[k] : 1)
                    << claim_csv(*c.claims[k]) << "\r\n";
        }
        return;
    }
    if (f == Format::Markdown) {
        out << "# Conflicts\n\n";
        for (std::size_t i = 0; i < r.conflicts.size(); ++i) {
            const Conflict& c = r.conflicts[i];
            out << fmt::format("## {}. {} ({}, rank {}){}\n\n{}\n\n", i + 1, md_cell(c.topic), to_string(c.kind),
                               c.rank, new_mark(c), md_cell(c.reason));
            for (const Claim* cl : c.claims)
                out << fmt::format("- **{}** ({}, {}, {}): \"{}\"\n", md_cell(value_text(*cl)), md_cell(cl->source),
                                   cl->date ? cl->date->iso() : "-", md_cell(cl->doc), md_cell(cl->quote));
            for (std::size_t k = 0; k < c.claims.size(); ++k)
                if (auto line = relays_line(c, k); !line.empty()) out << "- " << md_cell(line) << '\n';
            out << '\n';
        }
        return;
    }
    // Table: the most deserving first (the rank), each with what is disputed.
    std::size_t n = 0;
    for (const Conflict& c : r.conflicts) {
        ++n;
        out << (n > 1 ? "\n" : "") << (style.color == Color::On ? "\x1b[1m" : "")
            << fmt::format("{}. {} (rank {}){}", n, c.topic, c.rank, new_mark(c))
            << (style.color == Color::On ? "\x1b[0m" : "") << '\n'
            << c.reason << '\n';
        std::vector<std::vector<std::string>> rows;
        for (const Claim* cl : c.claims) rows.push_back(claim_row(*cl));
        table(out, kClaimColumns, rows, style);
        for (const Claim* cl : c.claims)
            out << "   \"" << fit(cl->quote, style.width > 8 ? style.width - 5 : 40) << "\"\n";
        for (std::size_t k = 0; k < c.claims.size(); ++k)
            if (auto line = relays_line(c, k); !line.empty()) out << "   " << line << '\n';
    }
    if (!r.corroborations.empty()) out << "\n== corroborated\n";
    for (const auto& co : r.corroborations) {
        std::string list;  // the claims are one per voice
        for (const Claim* c : co.claims) list += (list.empty() ? "" : ", ") + voice_of(*c);
        out << fmt::format("{} {}: {} reports, {} origins: {}\n", topic_of(*co.claims.front()),
                           value_text(*co.claims.front()), co.count, co.origins(), list);
    }
    if (!r.revisions.empty()) out << "\n== revisions\n";
    for (const auto& rv : r.revisions) {
        std::string steps;
        for (const Claim* c : rv.claims)
            steps +=
                fmt::format("{}{} ({})", steps.empty() ? "" : " -> ", value_text(*c), c->date ? c->date->iso() : "-");
        out << fmt::format("{} {}: {}\n", rv.source, topic_of(*rv.claims.front()), steps);
    }
    out << fmt::format("\n{} conflicts, {} corroborated figures, {} revision histories\n", r.conflicts.size(),
                       r.corroborations.size(), r.revisions.size());
    for (const auto& e : r.explanations) out << e << '\n';
}

void write_timeline(std::ostream& out, std::vector<Claim> claims, Format f, const TableStyle& style) {
    // Source by source, each source's figures in date order: how a figure evolved.
    std::stable_sort(claims.begin(), claims.end(), [](const Claim& a, const Claim& b) {
        const auto da = a.date ? a.date->first : Day{}, db = b.date ? b.date->first : Day{};
        return std::tie(a.source, da, a.doc, a.span.begin) < std::tie(b.source, db, b.doc, b.span.begin);
    });
    if (f != Format::Table) return write_claims(out, claims, f, style);
    std::vector<std::vector<std::string>> rows;
    std::string source;
    for (const Claim& c : claims) {
        const bool first = c.source != source;
        source = c.source;
        rows.push_back({first ? (c.via.empty() ? opt(c.source) : c.source + " via " + c.via) : "",
                        c.date ? c.date->iso() : "-", value_text(c), c.phase ? std::string(to_string(*c.phase)) : "-",
                        opt(c.location), c.doc});
    }
    table(out,
          {{"SOURCE", 6, 30}, {"DATE", 10, 21}, {"VALUE", 5, 14}, {"PHASE", 5, 9}, {"LOCATION", 8, 16}, {"DOC", 8, 40}},
          rows, style);
    out << fmt::format("{} claims\n", claims.size());
}

void write_documents(std::ostream& out, const std::vector<StoredDocument>& docs, Format f) {
    if (f == Format::Json || f == Format::Jsonl) {
        nlohmann::json j = nlohmann::json::array();
        for (const auto& d : docs)
            j.push_back({{"name", d.name},
                         {"path", d.path},
                         {"hash", d.hash},
                         {"title", d.meta.title},
                         {"outlet", d.meta.outlet},
                         {"kind", d.meta.kind ? to_string(*d.meta.kind) : ""},
                         {"published", d.meta.published ? iso_day(*d.meta.published) : ""},
                         {"recorded", d.meta.recorded ? iso_day(*d.meta.recorded) : ""},
                         {"bytes", d.bytes},
                         {"claims", d.claims}});
        out << nlohmann::json{{"documents", j}}.dump(1) << '\n';
        return;
    }
    if (f == Format::Markdown) {
        out << "| document | title | kind | outlet | published | recorded | claims |\n|---|---|---|---|---|---|---|\n";
        for (const auto& d : docs)
            out << fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", md_cell(d.name), md_cell(d.meta.title),
                               d.meta.kind ? to_string(*d.meta.kind) : "-", md_cell(d.meta.outlet),
                               d.meta.published ? iso_day(*d.meta.published) : "-",
                               d.meta.recorded ? iso_day(*d.meta.recorded) : "-", d.claims);
        return;
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& d : docs)
        rows.push_back({d.name, d.meta.kind ? std::string(to_string(*d.meta.kind)) : "-", opt(d.meta.outlet),
                        d.meta.published ? iso_day(*d.meta.published) : "-",
                        d.meta.recorded ? iso_day(*d.meta.recorded) : "-", std::to_string(d.claims), d.meta.title});
    table(out,
          {{"DOC", 8, 40},
           {"KIND", 4, 10},
           {"OUTLET", 6, 12},
           {"PUBLISHED", 10, 10},
           {"RECORDED", 10, 10},
           {"CLAIMS", 6, 6},
           {"TITLE", 10, 60}},
          rows, {});
    out << fmt::format("{} documents\n", docs.size());
}

}  // namespace nkclaims
