// The published report: a folder holding index.html (self-contained: inline CSS, inline SVG
// charts, a little inline script, nothing fetched), report.md and report.json. The same
// database gives the same bytes unless a stamp is asked for.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "nkclaims/claim.hpp"
#include "nkclaims/conflicts.hpp"
#include "nkclaims/gazetteer.hpp"
#include "nkclaims/store.hpp"

namespace nkclaims {

struct ReportInput {
    std::vector<Claim> claims;
    ConflictReport conflicts;
    std::vector<StoredDocument> documents;
    std::optional<std::string> stamp;      // "generated at ..." only when asked for (--stamp)
    const Gazetteer* gazetteer = nullptr;  // names sources and places for people; none: ids spelt as words
};

void write_html(std::ostream& out, const ReportInput& in);
void write_markdown_report(std::ostream& out, const ReportInput& in);
void write_json_report(std::ostream& out, const ReportInput& in);

// Writes index.html, report.md and report.json into `dir` (created if needed). They are written
// into a fresh temporary folder beside it, then put in place: the whole folder swapped when it
// holds only a report, else file by file. A failed report leaves the old one as it was, and a
// symlink planted in `dir` is never written through. Throws Error.
void write_report_folder(const std::filesystem::path& dir, const ReportInput& in);

}  // namespace nkclaims
