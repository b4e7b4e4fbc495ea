#include "cli_options.hpp"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "nkclaims/error.hpp"
#include "nkclaims/manifest.hpp"

namespace nkclaims::cli {
namespace {

std::string default_db() {
    const char* env = std::getenv("NKCLAIMS_DB");
    return env && *env ? env : "nkclaims.db";
}

void add_db(CLI::App& app, Options& o) {
    app.add_option("--db", o.db, "SQLite database (default: $NKCLAIMS_DB or nkclaims.db)");
}

void add_inputs(CLI::App& app, Options& o) {
    app.add_option("--manifest", o.manifests,
                   "JSON manifest: what files do not say about themselves (several: the last wins)")
        ->take_all()
        ->allow_extra_args(false);
    app.add_option("--date", o.date, "publication date (YYYY-MM-DD) for every file");
    app.add_option("--outlet", o.outlet, "outlet id (cnn, nk_news, ...) for every file");
    app.add_option("paths", o.paths, "files or folders (*.txt, *.vtt, *.srt, *.md, *.html, *.htm; folders recursively)")
        ->required();
}

void add_conflict_options(CLI::App& app, Options& o) {
    app.add_option("--window", o.window, "days apart that still count as the same time (default 14, at most 3650)");
    app.add_option("--min-gap", o.min_gap, "tolerance of a hedged figure, as a fraction from 0 to 1 (default 0.10)");
}

void add_filters(CLI::App& app, Options& o) {
    app.add_option("--metric", o.metric, metric_names());
    app.add_option("--phase", o.phase, phase_names());
    app.add_option("--source", o.source, "source id (nis, us_gov, ...)");
    app.add_option("--doc", o.doc, "document file name");
    app.add_option("--since", o.since, "claims made on or after YYYY-MM-DD");
    app.add_option("--until", o.until, "claims made on or before YYYY-MM-DD");
}

void add_quiet(CLI::App& app, Options& o) { app.add_flag("--quiet,-q", o.quiet, "print nothing but errors"); }

void add_fail_on_conflict(CLI::App& app, Options& o) {
    app.add_flag("--fail-on-conflict", o.fail_on_conflict, "exit with status 3 when conflicts are found");
}

// A document's date given on the command line: stored, so it must be one a document can have.
std::optional<Day> document_day(const std::string& value, const char* flag) {
    auto d = day_option(value, flag);
    if (d && !plausible_day(*d)) throw UsageError(flag, fmt::format("'{}' is not from {}", value, kPlausibleDays));
    return d;
}

}  // namespace

void accept_ingest(CLI::App& a, Options& o) {
    add_db(a, o);
    add_inputs(a, o);
    add_quiet(a, o);
    a.add_flag("--no-conflicts", o.no_conflicts, "do not refresh the stored conflicts (v_conflicts): for bulk loads");
    a.add_option("--jobs,-j", o.jobs, "threads that parse and extract (one writes)")->check(CLI::Range(1, 256));
}

void accept_extract(CLI::App& a, Options& o) {
    add_inputs(a, o);
    a.add_option("--format", o.format, "jsonl (default), json, table, csv, shard (for import)");
    a.add_flag("--explain", o.explain, "say which rule fired and why each field got its value");
}

void accept_import(CLI::App& a, Options& o) {
    add_db(a, o);
    a.add_option("shards", o.paths, "JSON lines files written by extract --format shard")->required();
    add_quiet(a, o);
    a.add_flag("--no-conflicts", o.no_conflicts, "do not refresh the stored conflicts (v_conflicts)");
}

void accept_claims(CLI::App& a, Options& o) {
    add_db(a, o);
    add_filters(a, o);
    a.add_option("--format", o.format, "table (default), jsonl, json, csv, md");
}

void accept_conflicts(CLI::App& a, Options& o) {
    add_db(a, o);
    add_filters(a, o);
    a.add_option("--format", o.format, "table (default), json, md, csv");
    add_conflict_options(a, o);
    a.add_flag("--explain", o.explain, "say why pairs of claims were or were not compared");
    add_fail_on_conflict(a, o);
    a.add_option("--baseline", o.baseline,
                 "a saved --format json: only conflicts not in it count for --fail-on-conflict");
}

void accept_timeline(CLI::App& a, Options& o) {
    add_db(a, o);
    add_filters(a, o);
    a.add_option("--actor", o.actor, "whose forces: north_korea, russia, ukraine");
    a.add_option("--format", o.format, "table (default), json, jsonl, csv, md");
}

void accept_latest(CLI::App& a, Options& o) {
    accept_timeline(a, o);
    a.add_option("--as-of", o.as_of, "the latest as it stood on YYYY-MM-DD");
}

void accept_report(CLI::App& a, Options& o) {
    add_db(a, o);
    add_filters(a, o);
    a.add_option("--out", o.out_dir, "folder to write")->required();
    add_conflict_options(a, o);
    a.add_flag("--stamp", o.stamp, "print the date of generation (off: the same database gives the same bytes)");
    add_fail_on_conflict(a, o);
    add_quiet(a, o);
}

void accept_docs(CLI::App& a, Options& o) {
    add_db(a, o);
    a.add_option("--format", o.format, "table (default), json, csv, md");
}

Format format_of(const Options& o, Format fallback, std::initializer_list<Format> allowed) {
    if (o.format.empty()) return fallback;
    auto f = parse_format(o.format);
    if (!f || std::find(allowed.begin(), allowed.end(), *f) == allowed.end())
        throw UsageError("--format", fmt::format("'{}' is not a format this command prints", o.format));
    return *f;
}

std::optional<Day> day_option(const std::string& value, const char* flag) {
    if (value.empty()) return std::nullopt;
    auto d = parse_iso_day(value);
    if (!d) throw UsageError(flag, fmt::format("'{}' is not a date (YYYY-MM-DD)", value));
    return d;
}

ClaimFilter filter_of(const Options& o) {
    ClaimFilter f;
    if (!o.metric.empty() && !(f.metric = parse_metric(o.metric)))
        throw UsageError("--metric", fmt::format("unknown metric '{}'", o.metric));
    if (!o.phase.empty() && !(f.phase = parse_phase(o.phase)))
        throw UsageError("--phase", fmt::format("unknown phase '{}'", o.phase));
    f.source = o.source;
    f.doc = o.doc;
    f.since = day_option(o.since, "--since");
    f.until = day_option(o.until, "--until");
    return f;
}

ConflictOptions conflict_options(const Options& o) {
    // Dates are days in an int: ten years of window is more than any "same time" and far from
    // overflowing one.
    if (o.window < 0 || o.window > 3650)
        throw UsageError("--window", fmt::format("{} is not a number of days from 0 to 3650", o.window));
    if (!std::isfinite(o.min_gap) || o.min_gap < 0 || o.min_gap > 1)
        throw UsageError("--min-gap", fmt::format("{} is not a fraction from 0 to 1", o.min_gap));
    ConflictOptions opt;
    opt.window_days = o.window;
    opt.tolerance = o.min_gap;
    return opt;
}

IngestOptions ingest_options(const Options& o) {
    IngestOptions opt;
    opt.jobs = o.jobs;
    opt.refresh_conflicts = !o.no_conflicts;
    opt.conflicts = conflict_options(o);
    return opt;
}

Gazetteer load_gazetteer(const Options& o) {
    return Gazetteer::load(o.data.empty() ? default_data_dir() : std::filesystem::path(o.data));
}

Inputs inputs_of(const Options& o, const Gazetteer& g) {
    return Inputs(g, o.manifests, document_day(o.date, "--date"), o.outlet);
}

TableStyle style_for_stdout(const DisplayNames* names) {
    TableStyle s{.names = names};
    const bool tty = isatty(STDOUT_FILENO) != 0;
    const char* no_color = std::getenv("NO_COLOR");
    s.color = tty && !(no_color && *no_color) ? Color::On : Color::Off;
    winsize ws{};
    if (tty && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 40)
        s.width = ws.ws_col;
    else if (const char* cols = std::getenv("COLUMNS"); cols && std::atoi(cols) > 40)
        s.width = static_cast<std::size_t>(std::atoi(cols));
    return s;
}

Store write_store(const Options& o) { return Store(o.db.empty() ? default_db() : o.db); }

Store read_store(const Options& o) { return Store(o.db.empty() ? default_db() : o.db, Access::ReadOnly); }

}  // namespace nkclaims::cli
