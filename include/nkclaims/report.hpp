// Reporters: claims, conflicts, documents and assessments (latest, timeline) as a table for
// people, and as JSON, JSON lines, CSV or Markdown. One printer per format, each in its own file
// (printers.hpp), the way bloaty prints; the functions here pick the printer. They write to a
// std::ostream and never read the clock: the same input gives the same bytes.
#pragma once

#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "nkclaims/claim.hpp"
#include "nkclaims/conflicts.hpp"
#include "nkclaims/format.hpp"
#include "nkclaims/store.hpp"
#include "nkclaims/views.hpp"

namespace nkclaims {

enum class Format { Table, Jsonl, Json, Csv, Markdown };
// Parses a --format value; nullopt for an unknown one.
std::optional<Format> parse_format(std::string_view s);

enum class Color { Off, On };

// How to print: for a terminal's table, its width and colour; for every format, the display
// names (people's outputs show them, JSON and CSV add them beside the ids; none: ids alone).
struct TableStyle {
    Color color = Color::Off;
    std::size_t width = 120;  // terminal columns
    const DisplayNames* names = nullptr;
};

// One output format: what each listing looks like in it.
class Printer {
public:
    virtual ~Printer() = default;
    virtual void claims(const std::vector<Claim>& claims) = 0;
    virtual void conflicts(const ConflictReport& r) = 0;
    virtual void documents(const std::vector<StoredDocument>& docs) = 0;
    // Latest assessments or a timeline: one row per assessment, its relays folded.
    virtual void assessments(const std::vector<Estimate>& rows) = 0;
};

// The printer of format `f`, writing to `out`, which must outlive it.
std::unique_ptr<Printer> printer_for(Format f, std::ostream& out, const TableStyle& style = {});

void write_claims(std::ostream& out, const std::vector<Claim>& claims, Format f, const TableStyle& style = {});
void write_conflicts(std::ostream& out, const ConflictReport& r, Format f, const TableStyle& style = {});
void write_documents(std::ostream& out, const std::vector<StoredDocument>& docs, Format f,
                     const TableStyle& style = {});
void write_assessments(std::ostream& out, const std::vector<Estimate>& rows, Format f, const TableStyle& style = {});

// Claims written as they come, for the formats that need nothing after the last one (JSON
// lines, CSV): the same bytes as write_claims, in 64 KB writes, with nothing held.
class ClaimStream {
public:
    static bool supports(Format f) { return f == Format::Jsonl || f == Format::Csv; }
    // f must be supported; writes the CSV header. `names` (may be null) must outlive the stream.
    ClaimStream(std::ostream& out, Format f, const DisplayNames* names = nullptr);
    ~ClaimStream();  // writes what is buffered
    ClaimStream(const ClaimStream&) = delete;
    ClaimStream& operator=(const ClaimStream&) = delete;
    void write(const Claim& c);

private:
    std::ostream& out_;
    Format format_;
    const DisplayNames* names_;
    std::string buf_;
};

}  // namespace nkclaims
