#include "nkclaims/cli.hpp"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "nkclaims/conflicts.hpp"
#include "nkclaims/document.hpp"
#include "nkclaims/error.hpp"
#include "nkclaims/extractor.hpp"
#include "nkclaims/format.hpp"
#include "nkclaims/gazetteer.hpp"
#include "nkclaims/ingest.hpp"
#include "nkclaims/manifest.hpp"
#include "nkclaims/page.hpp"
#include "nkclaims/report.hpp"
#include "nkclaims/store.hpp"
#include "nkclaims/usage.hpp"

namespace nkclaims {
namespace {

// Everything any subcommand can be told; each reads what it registered.
struct Options {
    std::string db;
    std::string data;
    std::vector<std::string> manifests;
    std::string date;
    std::string outlet;
    std::string format;
    std::vector<std::string> paths;
    std::string metric, phase, source, doc, since, until;
    std::string actor, as_of;  // latest, timeline
    int window = ConflictOptions{}.window_days;
    double min_gap = ConflictOptions{}.tolerance;
    bool explain = false;
    bool fail_on_conflict = false;
    bool quiet = false;
    bool stamp = false;
    bool no_conflicts = false;
    int jobs = 1;
    std::string out_dir;
    std::string baseline;
};

struct Io {
    std::ostream& out;
    std::ostream& err;
};

struct Command {
    const char* name;
    const char* description;
    std::function<void(CLI::App&, Options&)> setup;
    std::function<int(const Options&, Io&)> run;
};

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
    app.add_option("paths", o.paths, "files or folders (*.txt, *.vtt, *.srt, recursively)")->required();
}

void add_conflict_options(CLI::App& app, Options& o) {
    app.add_option("--window", o.window, "days apart that still count as the same time (default 14, at most 3650)");
    app.add_option("--min-gap", o.min_gap, "tolerance of a hedged figure, as a fraction from 0 to 1 (default 0.10)");
}

void add_filters(CLI::App& app, Options& o) {
    app.add_option("--metric", o.metric,
                   "troops, engineers, workers, personnel, casualties, missiles, shells, strikes, equipment");
    app.add_option("--phase", o.phase, "deployed, planned, total, supplied, destroyed");
    app.add_option("--source", o.source, "source id (nis, us_gov, ...)");
    app.add_option("--doc", o.doc, "document file name");
    app.add_option("--since", o.since, "claims made on or after YYYY-MM-DD");
    app.add_option("--until", o.until, "claims made on or before YYYY-MM-DD");
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

// A document's date given on the command line: stored, so it must be one a document can have.
std::optional<Day> document_day(const std::string& value, const char* flag) {
    auto d = day_option(value, flag);
    if (d && !plausible_day(*d)) throw UsageError(flag, fmt::format("'{}' is not from {}", value, kPlausibleDays));
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

TableStyle style_for_stdout(const DisplayNames* names = nullptr) {
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

Gazetteer load_gazetteer(const Options& o) {
    return Gazetteer::load(o.data.empty() ? default_data_dir() : std::filesystem::path(o.data));
}

// Reads the inputs one at a time, never the whole corpus, and hands each parsed document on.
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

Inputs inputs_of(const Options& o, const Gazetteer& g) {
    return Inputs(g, o.manifests, document_day(o.date, "--date"), o.outlet);
}

IngestOptions ingest_options(const Options& o) {
    IngestOptions opt;
    opt.jobs = o.jobs;
    opt.refresh_conflicts = !o.no_conflicts;
    opt.conflicts = conflict_options(o);
    return opt;
}

ErrorSink error_sink(Io& io, bool progress) {
    return [&io, progress](const std::string& message) {
        io.err << (progress ? "\r\x1b[K" : "") << error_line(message) << '\n';
    };
}

int summary(Io& io, const Options& o, const Store& store, const IngestCounts& n) {
    if (!o.quiet)
        io.out << fmt::format("{}: {} added, {} replaced, {} unchanged; {} claims\n", store.path(), n.added, n.replaced,
                              n.unchanged, n.claims);
    return n.failed ? kFailed : kOk;
}

int do_ingest(const Options& o, Io& io) {
    const IngestOptions opt = ingest_options(o);
    const Gazetteer g = load_gazetteer(o);
    const Inputs inputs = inputs_of(o, g);
    Store store(o.db.empty() ? default_db() : o.db);
    const bool progress = !o.quiet && isatty(STDERR_FILENO) != 0;
    const auto start = std::chrono::steady_clock::now();
    auto show = [&](const IngestCounts& n) {
        if (!progress) return;
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        io.err << fmt::format("\r\x1b[K{} files, {} claims, {:.1f} MB/s", n.files, n.claims,
                              s > 0 ? static_cast<double>(n.bytes) / 1e6 / s : 0.0)
               << std::flush;
    };
    const IngestCounts n = ingest(store, g, inputs, o.paths, opt, error_sink(io, progress), show);
    if (progress) io.err << "\r\x1b[K";
    return summary(io, o, store, n);
}

int do_import(const Options& o, Io& io) {
    const IngestOptions opt = ingest_options(o);
    const Gazetteer g = load_gazetteer(o);
    Store store(o.db.empty() ? default_db() : o.db);
    return summary(io, o, store, import_shards(store, g, o.paths, opt, error_sink(io, false)));
}

int do_extract(const Options& o, Io& io) {
    const Gazetteer g = load_gazetteer(o);
    const Inputs inputs = inputs_of(o, g);
    const Extractor ex(g);
    const DisplayNames names = display_names(g);
    if (o.format == "shard") return write_shard(io.out, ex, inputs, o.paths, error_sink(io, false)) ? kOk : kFailed;
    const Format f = format_of(o, Format::Jsonl, {Format::Jsonl, Format::Json, Format::Table, Format::Csv});
    std::vector<Claim> all;
    bool failed = false;
    const bool listed = inputs.for_each_file(o.paths, error_sink(io, false), [&](const std::filesystem::path& file) {
        try {
            Document d = inputs.parse(file, read_file(file));
            auto claims = ex.extract(d, o.explain ? Explain::Yes : Explain::No);
            if (f == Format::Jsonl && !o.explain)
                write_claims(io.out, claims, f, style_for_stdout(&names));
            else
                all.insert(all.end(), std::make_move_iterator(claims.begin()), std::make_move_iterator(claims.end()));
        } catch (const InputError& e) {
            io.err << error_line(e.message()) << '\n';
            failed = true;
        }
    });
    if (f != Format::Jsonl || o.explain)
        write_claims(io.out, all, f == Format::Jsonl ? Format::Table : f, style_for_stdout(&names));
    return listed && !failed ? kOk : kFailed;
}

// The database of a command that only reads: opened read-only, after its options are checked,
// so that neither a typo in a name nor a bad option leaves a file behind.
Store read_store(const Options& o) { return Store(o.db.empty() ? default_db() : o.db, Access::ReadOnly); }

int do_claims(const Options& o, Io& io) {
    const DisplayNames names = display_names(load_gazetteer(o));
    const Format f =
        format_of(o, Format::Table, {Format::Table, Format::Jsonl, Format::Json, Format::Csv, Format::Markdown});
    const ClaimFilter filter = filter_of(o);
    const Store store = read_store(o);
    if (ClaimStream::supports(f)) {  // a million rows go straight through
        ClaimStream out(io.out, f, &names);
        store.for_each_claim(filter, [&](const Claim& c) { out.write(c); });
        return kOk;
    }
    write_claims(io.out, store.claims(filter), f, style_for_stdout(&names));
    return kOk;
}

int do_conflicts(const Options& o, Io& io) {
    const Format f = format_of(o, Format::Table, {Format::Table, Format::Json, Format::Markdown, Format::Csv});
    const ConflictOptions opt = conflict_options(o);
    const ClaimFilter filter = filter_of(o);
    std::ifstream baseline;
    if (!o.baseline.empty() && (baseline.open(o.baseline), !baseline))
        throw InputError(o.baseline, "cannot read baseline");
    const Gazetteer g = load_gazetteer(o);
    const Store store = read_store(o);
    auto report = conflicts_in(store, filter, g, opt, o.explain ? Explain::Yes : Explain::No);
    std::size_t fresh = report.conflicts.size();
    if (!o.baseline.empty()) {  // marked in the output itself, not only counted
        auto counted = mark_new_conflicts(report.conflicts, baseline);
        if (!counted) throw InputError(o.baseline, "not a conflicts JSON file (nkclaims conflicts --format json)");
        fresh = *counted;
    }
    const DisplayNames names = display_names(g);
    write_conflicts(io.out, report, f, style_for_stdout(&names));
    if (!o.baseline.empty()) io.err << fmt::format("{} conflicts not in {}\n", fresh, printable(o.baseline));
    return o.fail_on_conflict && fresh > 0 ? kConflictsFound : kOk;
}

// latest and timeline: the assessments of the stored figures the filters (and --actor) pick.
int write_view(const Options& o, Io& io, bool latest) {
    const DisplayNames names = display_names(load_gazetteer(o));
    const Format f =
        format_of(o, Format::Table, {Format::Table, Format::Json, Format::Jsonl, Format::Csv, Format::Markdown});
    const ClaimFilter filter = filter_of(o);
    const auto as_of = day_option(o.as_of, "--as-of");
    if (!latest && !filter.metric) throw UsageError("--metric", "timeline needs a metric (troops, casualties, ...)");
    std::vector<Claim> claims = read_store(o).claims(filter);
    if (!o.actor.empty()) std::erase_if(claims, [&](const Claim& c) { return c.actor != o.actor; });
    write_assessments(io.out, latest ? latest_assessments(claims, as_of) : timeline_assessments(claims), f,
                      style_for_stdout(&names));
    return kOk;
}

int do_timeline(const Options& o, Io& io) { return write_view(o, io, false); }
int do_latest(const Options& o, Io& io) { return write_view(o, io, true); }

void setup_view(CLI::App& a, Options& o) {
    add_db(a, o);
    add_filters(a, o);
    a.add_option("--actor", o.actor, "whose forces: north_korea, russia, ukraine");
    a.add_option("--format", o.format, "table (default), json, jsonl, csv, md");
}

void setup_latest(CLI::App& a, Options& o) {
    setup_view(a, o);
    a.add_option("--as-of", o.as_of, "the latest as it stood on YYYY-MM-DD");
}

int do_report(const Options& o, Io& io) {
    const ClaimFilter filter = filter_of(o);
    const ConflictOptions opt = conflict_options(o);
    const Gazetteer g = load_gazetteer(o);
    const Store store = read_store(o);
    ReportInput in;
    {
        const Store::Snapshot snapshot(store);  // the claims, their conflicts and documents of one state
        in.claims = store.claims(filter);
        in.conflicts = conflicts_in(store, filter, g, opt);
        in.documents = store.documents();
    }
    in.gazetteer = &g;
    if (o.stamp) {
        const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
        in.stamp = iso_day(std::chrono::floor<std::chrono::days>(now));
    }
    write_report_folder(o.out_dir, in);
    if (!o.quiet)
        io.out << fmt::format("{}: index.html, report.md, report.json ({} claims, {} conflicts)\n", o.out_dir,
                              in.claims.size(), in.conflicts.conflicts.size());
    return o.fail_on_conflict && !in.conflicts.conflicts.empty() ? kConflictsFound : kOk;
}

int do_docs(const Options& o, Io& io) {
    const DisplayNames names = display_names(load_gazetteer(o));
    const Format f = format_of(o, Format::Table, {Format::Table, Format::Json, Format::Csv, Format::Markdown});
    write_documents(io.out, read_store(o).documents(), f, style_for_stdout(&names));
    return kOk;
}

std::vector<Command> commands() {
    return {
        {"ingest", "Extract claims from files and store them in the database",
         [](CLI::App& a, Options& o) {
             add_db(a, o);
             add_inputs(a, o);
             a.add_flag("--quiet,-q", o.quiet, "print nothing but errors");
             a.add_flag("--no-conflicts", o.no_conflicts,
                        "do not refresh the stored conflicts (v_conflicts): for bulk loads");
             a.add_option("--jobs,-j", o.jobs, "threads that parse and extract (one writes)")
                 ->check(CLI::Range(1, 256));
         },
         do_ingest},
        {"extract", "Print the claims of files without storing them",
         [](CLI::App& a, Options& o) {
             add_inputs(a, o);
             a.add_option("--format", o.format, "jsonl (default), json, table, csv, shard (for import)");
             a.add_flag("--explain", o.explain, "say which rule fired and why each field got its value");
         },
         do_extract},
        {"import", "Store the shards of extract --format shard (idempotent, by document hash)",
         [](CLI::App& a, Options& o) {
             add_db(a, o);
             a.add_option("shards", o.paths, "JSON lines files written by extract --format shard")->required();
             a.add_flag("--quiet,-q", o.quiet, "print nothing but errors");
             a.add_flag("--no-conflicts", o.no_conflicts, "do not refresh the stored conflicts (v_conflicts)");
         },
         do_import},
        {"claims", "List stored claims",
         [](CLI::App& a, Options& o) {
             add_db(a, o);
             add_filters(a, o);
             a.add_option("--format", o.format, "table (default), jsonl, json, csv, md");
         },
         do_claims},
        {"conflicts", "List conflicting assessments, corroborations and revisions",
         [](CLI::App& a, Options& o) {
             add_db(a, o);
             add_filters(a, o);
             a.add_option("--format", o.format, "table (default), json, md, csv");
             add_conflict_options(a, o);
             a.add_flag("--explain", o.explain, "say why pairs of claims were or were not compared");
             a.add_flag("--fail-on-conflict", o.fail_on_conflict, "exit with status 3 when conflicts are found");
             a.add_option("--baseline", o.baseline,
                          "a saved --format json: only conflicts not in it count for --fail-on-conflict");
         },
         do_conflicts},
        {"timeline", "Show how one figure evolved: every assessment in date order, relays folded", setup_view,
         do_timeline},
        {"latest", "Show the latest assessment of each source, for each actor, metric and phase", setup_latest,
         do_latest},
        {"report", "Write the report folder: index.html, report.md, report.json",
         [](CLI::App& a, Options& o) {
             add_db(a, o);
             add_filters(a, o);
             a.add_option("--out", o.out_dir, "folder to write")->required();
             add_conflict_options(a, o);
             a.add_flag("--stamp", o.stamp,
                        "print the date of generation (off: the same database gives the same bytes)");
             a.add_flag("--fail-on-conflict", o.fail_on_conflict, "exit with status 3 when conflicts are found");
             a.add_flag("--quiet,-q", o.quiet, "print nothing but errors");
         },
         do_report},
        {"docs", "List the documents in the database",
         [](CLI::App& a, Options& o) {
             add_db(a, o);
             a.add_option("--format", o.format, "table (default), json, csv, md");
         },
         do_docs},
    };
}

}  // namespace

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
    // Named, so that --help says "nkclaims" whatever path it was started by.
    CLI::App app{"nkclaims: dated, attributed claims about North Korea's troops in Russia, and where they conflict",
                 "nkclaims"};
    app.footer("Exit status: 0 success, 1 error, 2 usage, 3 conflicts found with --fail-on-conflict.");
    app.set_version_flag("--version", NKCLAIMS_VERSION);
    app.require_subcommand(1);
    Options o;
    app.add_option("--data", o.data, "folder of rule files (default: $NKCLAIMS_DATA or the installed data/)");
    const auto table = commands();
    std::vector<std::pair<CLI::App*, const Command*>> subs;
    for (const Command& c : table) {
        CLI::App* sub = app.add_subcommand(c.name, c.description);
        c.setup(*sub, o);
        subs.emplace_back(sub, &c);
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e, out, err);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e, out, err);
    } catch (const CLI::ParseError& e) {
        err << error_line(usage_error(app, e, argc, argv)) << '\n';
        return kUsage;
    }
    Io io{out, err};
    for (auto [sub, c] : subs)
        if (sub->parsed()) return c->run(o, io);
    return kUsage;
}

}  // namespace nkclaims
