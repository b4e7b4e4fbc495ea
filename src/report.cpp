#include "nkclaims/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "nkclaims/claim_json.hpp"
#include "nkclaims/printers.hpp"

namespace nkclaims {

std::optional<Format> parse_format(std::string_view s) {
    if (s == "table") return Format::Table;
    if (s == "jsonl") return Format::Jsonl;
    if (s == "json") return Format::Json;
    if (s == "csv") return Format::Csv;
    if (s == "md" || s == "markdown") return Format::Markdown;
    return std::nullopt;
}

std::unique_ptr<Printer> printer_for(Format f, std::ostream& out, const TableStyle& style) {
    switch (f) {
        case Format::Table:
            return table_printer(out, style);
        case Format::Markdown:
            return markdown_printer(out, style);
        case Format::Json:
        case Format::Jsonl:
            return json_printer(out, style, f == Format::Jsonl);
        case Format::Csv:
            return csv_printer(out, style);
    }
    return table_printer(out, style);
}

void write_claims(std::ostream& out, const std::vector<Claim>& claims, Format f, const TableStyle& style) {
    printer_for(f, out, style)->claims(claims);
}

void write_conflicts(std::ostream& out, const ConflictReport& r, Format f, const TableStyle& style) {
    printer_for(f, out, style)->conflicts(r);
}

void write_documents(std::ostream& out, const std::vector<StoredDocument>& docs, Format f, const TableStyle& style) {
    printer_for(f, out, style)->documents(docs);
}

void write_assessments(std::ostream& out, const std::vector<Estimate>& rows, Format f, const TableStyle& style) {
    printer_for(f, out, style)->assessments(rows);
}

ClaimStream::ClaimStream(std::ostream& out, Format f, const DisplayNames* names)
    : out_(out), format_(f), names_(names) {
    if (f == Format::Csv) buf_ = csv_claim_header(names) + "\r\n";
}

ClaimStream::~ClaimStream() { out_ << buf_; }

void ClaimStream::write(const Claim& c) {
    if (format_ == Format::Csv) {
        buf_ += csv_claim_row(c, names_);
        buf_ += "\r\n";
    } else {
        append_json(buf_, c, names_);
        buf_ += '\n';
    }
    if (buf_.size() >= (64u << 10)) {
        out_ << buf_;
        buf_.clear();
    }
}

}  // namespace nkclaims
