// The Markdown printer: the rows people read (printers.hpp) as GitHub tables, conflicts as
// sections. Text from outside is one inline run: a newline in a title or a file name cannot
// start a heading, and markup characters are escaped.
#include <fmt/format.h>

#include "nkclaims/printers.hpp"

namespace nkclaims {
namespace {

std::string md_cell(std::string_view raw) {
    std::string out;
    for (char c : printable(raw)) {
        if (c == '|' || c == '\\' || c == '<' || c == '>' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' ||
            c == '#')
            out += '\\';
        out += c;
    }
    return out;
}

class MarkdownPrinter final : public Printer {
public:
    MarkdownPrinter(std::ostream& out, const TableStyle& style) : out_(out), names_(names_of(style)) {}

    void claims(const std::vector<Claim>& claims) override {
        out_ << "| doc | as written | value | what | actor | source | location | date |\n"
                "|---|---|---|---|---|---|---|---|\n";
        for (const Claim& c : claims) row(claim_cells(c, names_));
    }

    void conflicts(const ConflictReport& r) override {
        out_ << "# Conflicts\n\n";
        for (std::size_t i = 0; i < r.conflicts.size(); ++i) {
            const Conflict& c = r.conflicts[i];
            out_ << fmt::format("## {}. {} ({})\n\n", i + 1, md_cell(topic_words(c, names_)), conflict_words(c));
            for (const Claim* cl : c.claims)
                out_ << fmt::format("- **{}** ({}, {}, {}): \"{}\"\n", md_cell(value_words(*cl)),
                                    md_cell(voice_words(*cl, names_)), date_words(cl->date), md_cell(cl->doc),
                                    md_cell(cl->quote));
            out_ << '\n';
        }
    }

    void documents(const std::vector<StoredDocument>& docs) override {
        out_ << "| document | title | kind | outlet | published | recorded | claims |\n"
                "|---|---|---|---|---|---|---|\n";
        for (const auto& d : docs)
            row({d.name, d.meta.title, d.meta.kind ? std::string(to_string(*d.meta.kind)) : "-",
                 d.meta.outlet.empty() ? "-" : names_.source(d.meta.outlet).brief,
                 d.meta.published ? iso_day(*d.meta.published) : "-", d.meta.recorded ? iso_day(*d.meta.recorded) : "-",
                 std::to_string(d.claims)});
    }

    void assessments(const std::vector<Estimate>& list) override {
        out_ << "| date | actor | what | value | source | relayed by | document |\n"
                "|---|---|---|---|---|---|---|\n";
        for (const Estimate& a : list) row(assessment_cells(a, names_));
    }

private:
    void row(const std::vector<std::string>& cells) {
        std::string line = "|";
        for (const auto& cell : cells) line += " " + md_cell(cell) + " |";
        out_ << line << '\n';
    }

    std::ostream& out_;
    const DisplayNames& names_;
};

}  // namespace

std::unique_ptr<Printer> markdown_printer(std::ostream& out, const TableStyle& style) {
    return std::make_unique<MarkdownPrinter>(out, style);
}

}  // namespace nkclaims
