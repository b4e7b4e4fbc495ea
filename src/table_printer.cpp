// The table printer: aligned columns that fit the terminal, names for people (format.hpp), and
// nothing from outside printed raw: every cell goes through printable().
#include <fmt/format.h>

#include <algorithm>

#include "nkclaims/printers.hpp"

namespace nkclaims {

const DisplayNames& names_of(const TableStyle& style) {
    static const DisplayNames none;
    return style.names ? *style.names : none;
}

std::vector<std::string> claim_cells(const Claim& c, const DisplayNames& names) {
    return {c.doc,
            c.as_written,
            value_words(c),
            c.kind == ClaimKind::Stance ? "stance" : what_words(c.metric, c.phase),
            c.actor.empty() ? "-" : names.place(c.actor).brief,
            voice_words(c, names),
            c.location.empty() ? "-" : names.place(c.location).brief,
            date_words(c.date)};
}

std::vector<std::string> assessment_cells(const Estimate& a, const DisplayNames& names) {
    const Claim& c = a.first();
    std::string relays;
    for (const auto& via : relays_of(a)) relays += (relays.empty() ? "" : ", ") + names.source(via).brief;
    return {date_words(c.date),
            c.actor.empty() ? "-" : names.place(c.actor).brief,
            what_words(c.metric, c.phase),
            value_words(c),
            names.source(c.source).brief,
            relays.empty() ? "-" : relays,
            c.doc};
}

namespace {

// Display width in terminal columns (UTF-8 code points; good enough for the scripts we print).
std::size_t width_of(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// `s`, printable, cut with "…" or padded to `w` columns.
std::string fit(std::string_view raw, std::size_t w) {
    const std::string s = printable(raw);
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

using Rows = std::vector<std::vector<std::string>>;

const std::vector<Column> kClaimColumns{{"DOC", 8, 34},      {"AS WRITTEN", 10, 24}, {"VALUE", 5, 22},
                                        {"WHAT", 8, 22},     {"ACTOR", 5, 12},       {"SOURCE", 6, 28},
                                        {"LOCATION", 8, 16}, {"DATE", 10, 24}};
const std::vector<Column> kAssessmentColumns{{"DATE", 10, 24}, {"ACTOR", 5, 12},  {"WHAT", 8, 22},
                                             {"VALUE", 5, 22}, {"SOURCE", 6, 24}, {"RELAYED BY", 10, 24},
                                             {"DOC", 8, 40}};

class TablePrinter final : public Printer {
public:
    TablePrinter(std::ostream& out, const TableStyle& style) : out_(out), style_(style), names_(names_of(style)) {}

    void claims(const std::vector<Claim>& claims) override {
        Rows rows;
        for (const Claim& c : claims) {
            rows.push_back(claim_cells(c, names_));
            if (!c.reasons.empty()) rows.emplace_back(kClaimCells);
        }
        table(kClaimColumns, rows);
        for (const Claim& c : claims)
            if (!c.reasons.empty())
                out_ << fmt::format("{}@{} [{}]: {}\n", printable(c.doc), c.span.begin, to_string(c.rule),
                                    describe(c.reasons));
        out_ << fmt::format("{} claims\n", claims.size());
    }

    // Grouped by what is disputed, most serious first.
    void conflicts(const ConflictReport& r) override {
        const std::string* topic = nullptr;
        std::size_t n = 0;
        for (const Conflict& c : r.conflicts) {
            if (!topic || c.topic != *topic) {
                topic = &c.topic;
                out_ << (n ? "\n" : "") << bold("== " + topic_words(c, names_)) << '\n';
            }
            out_ << fmt::format("{}. {}\n", ++n, conflict_words(c));
            Rows rows;
            for (const Claim* cl : c.claims) rows.push_back(claim_cells(*cl, names_));
            table(kClaimColumns, rows);
            for (const Claim* cl : c.claims)
                out_ << "   \"" << fit(cl->quote, style_.width > 8 ? style_.width - 5 : 40) << "\"\n";
        }
        if (!r.corroborations.empty()) out_ << "\n" << bold("== corroborated") << "\n";
        for (const auto& co : r.corroborations) {
            std::string list;  // the claims are one per voice
            for (const Claim* c : co.claims) list += (list.empty() ? "" : ", ") + voice_words(*c, names_);
            out_ << fmt::format("{}, {}: {} claims in agreement from {}\n", topic_words(*co.claims.front(), names_),
                                value_words(*co.claims.front()), co.count, list);
        }
        if (!r.revisions.empty()) out_ << "\n" << bold("== revisions") << "\n";
        for (const auto& rv : r.revisions) {
            std::string steps;
            for (const Claim* c : rv.claims)
                steps += fmt::format("{}{} ({})", steps.empty() ? "" : " → ", value_words(*c), date_words(c->date));
            out_ << fmt::format("{}, {}: {}\n", names_.source(rv.source).brief, topic_words(*rv.claims.front(), names_),
                                steps);
        }
        out_ << fmt::format("\n{} conflicts, {} corroborated figures, {} revision histories\n", r.conflicts.size(),
                            r.corroborations.size(), r.revisions.size());
        for (const auto& e : r.explanations) out_ << printable(e) << '\n';
    }

    void documents(const std::vector<StoredDocument>& docs) override {
        Rows rows;
        for (const auto& d : docs)
            rows.push_back({d.name, d.meta.kind ? std::string(to_string(*d.meta.kind)) : "-",
                            d.meta.outlet.empty() ? "-" : names_.source(d.meta.outlet).brief,
                            d.meta.published ? iso_day(*d.meta.published) : "-",
                            d.meta.recorded ? iso_day(*d.meta.recorded) : "-", std::to_string(d.claims), d.meta.title});
        table({{"DOC", 8, 40},
               {"KIND", 4, 10},
               {"OUTLET", 6, 12},
               {"PUBLISHED", 10, 10},
               {"RECORDED", 10, 10},
               {"CLAIMS", 6, 6},
               {"TITLE", 10, 60}},
              rows);
        out_ << fmt::format("{} documents\n", docs.size());
    }

    void assessments(const std::vector<Estimate>& list) override {
        Rows rows;
        for (const Estimate& a : list) rows.push_back(assessment_cells(a, names_));
        table(kAssessmentColumns, rows);
        out_ << fmt::format("{} assessments\n", list.size());
    }

private:
    std::string bold(const std::string& s) const { return style_.color == Color::On ? "\x1b[1m" + s + "\x1b[0m" : s; }

    // Aligned columns that fit the style's width; the last column takes what is left.
    void table(const std::vector<Column>& cols, const Rows& rows) {
        std::vector<std::size_t> w(cols.size());
        for (std::size_t c = 0; c < cols.size(); ++c) {
            w[c] = std::max(cols[c].min, width_of(cols[c].title));
            for (const auto& r : rows) w[c] = std::max(w[c], std::min(cols[c].max, width_of(printable(r[c]))));
        }
        std::size_t used = 0;
        for (std::size_t c = 0; c + 1 < cols.size(); ++c) used += w[c] + 2;
        if (!cols.empty()) w.back() = style_.width > used + 10 ? std::min(w.back(), style_.width - used) : 10;
        auto line = [&](const std::vector<std::string>& cells, bool head) {
            std::string s;
            for (std::size_t c = 0; c < cells.size(); ++c)
                s += fit(cells[c], w[c]) + (c + 1 < cells.size() ? "  " : "");
            while (!s.empty() && s.back() == ' ') s.pop_back();
            out_ << (head ? bold(s) : s) << '\n';
        };
        std::vector<std::string> head;
        for (const auto& c : cols) head.push_back(c.title);
        line(head, true);
        for (const auto& r : rows) line(r, false);
    }

    std::ostream& out_;
    TableStyle style_;
    const DisplayNames& names_;
};

}  // namespace

std::unique_ptr<Printer> table_printer(std::ostream& out, const TableStyle& style) {
    return std::make_unique<TablePrinter>(out, style);
}

}  // namespace nkclaims
