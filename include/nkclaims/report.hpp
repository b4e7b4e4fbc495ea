// Reporters: claims, conflicts and documents as a table for people, and as JSON, JSON lines,
// CSV or Markdown for machines. They write to a std::ostream and never read the clock: the same
// input gives the same bytes.
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "nkclaims/claim.hpp"
#include "nkclaims/conflicts.hpp"
#include "nkclaims/store.hpp"

namespace nkclaims {

enum class Format { Table, Jsonl, Json, Csv, Markdown };
// Parses a --format value; nullopt for an unknown one.
std::optional<Format> parse_format(std::string_view s);

enum class Color { Off, On };

struct TableStyle {
    Color color = Color::Off;
    std::size_t width = 120;  // terminal columns
};

void write_claims(std::ostream& out, const std::vector<Claim>& claims, Format f, const TableStyle& style = {});
// Claims written as they come, for the formats that need nothing after the last one (JSON
// lines, CSV): the same bytes as write_claims, in 64 KB writes, with nothing held.
class ClaimStream {
public:
    static bool supports(Format f) { return f == Format::Jsonl || f == Format::Csv; }
    ClaimStream(std::ostream& out, Format f);  // f must be supported; writes the CSV header
    ~ClaimStream();                            // writes what is buffered
    ClaimStream(const ClaimStream&) = delete;
    ClaimStream& operator=(const ClaimStream&) = delete;
    void write(const Claim& c);

private:
    std::ostream& out_;
    Format format_;
    std::string buf_;
};

void write_conflicts(std::ostream& out, const ConflictReport& r, Format f, const TableStyle& style = {});
void write_documents(std::ostream& out, const std::vector<StoredDocument>& docs, Format f);
// The figures of one metric source by source, each in date order.
void write_timeline(std::ostream& out, std::vector<Claim> claims, Format f, const TableStyle& style = {});

// One CSV field, RFC 4180 quoted, and neutralized for spreadsheets: a cell that starts with
// = + - @ (a formula) gets a leading apostrophe.
std::string csv_field(std::string_view s);

}  // namespace nkclaims
