// The printers behind report.hpp, one per format and each in its own file: table_printer.cpp
// (people at a terminal), markdown_printer.cpp (people reading a file), json_printer.cpp and
// csv_printer.cpp (machines). The rows people read are built once, here, from format.hpp, so
// that the table and Markdown say the same thing the same way.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "nkclaims/report.hpp"

namespace nkclaims {

std::unique_ptr<Printer> table_printer(std::ostream& out, const TableStyle& style);
std::unique_ptr<Printer> markdown_printer(std::ostream& out, const TableStyle& style);
// JSON lines when `lines`: one claim per line; else one JSON document.
std::unique_ptr<Printer> json_printer(std::ostream& out, const TableStyle& style, bool lines);
// The members of a conflict report's JSON object, without its braces, streamed an entry at a
// time: "conflicts", "corroborations", "explanations" (when any), "revisions"; `sep` after each
// entry's comma ("\n" or ""). report.json holds them beside its claims and documents.
void write_conflict_members(std::ostream& out, const ConflictReport& r, const char* sep,
                            const DisplayNames* names = nullptr);
std::unique_ptr<Printer> csv_printer(std::ostream& out, const TableStyle& style);

// The display names of `style`, or none.
const DisplayNames& names_of(const TableStyle& style);

// A claim as people read it: document, as written, value, what, actor, voice, place, date.
std::vector<std::string> claim_cells(const Claim& c, const DisplayNames& names);
inline constexpr std::size_t kClaimCells = 8;
// An assessment as people read it: date, actor, what, value, source, relayed by, document.
std::vector<std::string> assessment_cells(const Estimate& a, const DisplayNames& names);
inline constexpr std::size_t kAssessmentCells = 7;

// One CSV field, RFC 4180 quoted, and neutralized for spreadsheets: a cell that starts with
// = + - @ (a formula) gets a leading apostrophe.
std::string csv_field(std::string_view s);
// A claim's CSV header and row (CRLF not included); with names, three name columns at the end.
std::string csv_claim_header(const DisplayNames* names);
std::string csv_claim_row(const Claim& c, const DisplayNames* names);

}  // namespace nkclaims
