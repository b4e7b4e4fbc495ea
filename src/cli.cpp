#include "nkclaims/cli.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_options.hpp"
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

using namespace cli;

struct Io {
    std::ostream& out;
    std::ostream& err;
};

struct Command {
    const char* name;
    const char* description;
    void (*accept)(CLI::App&, Options&);  // registers its options
    int (*run)(const Options&, Io&);
};

ErrorSink error_sink(Io& io, bool progress) {
    return [&io, progress](const std::string& message) {
        io.err << (progress ? "\r\x1b[K" : "") << error_line(message) << '\n';
    };
}

int summary(Io& io, const Options& o, const Store& store, const IngestCounts& n) {
    if (!o.quiet)
        io.out << fmt::format("{}: {} added, {} replaced, {} unchanged; {} claims\n", store.path(), n.added, n.replaced,
                              n.unchanged, n.claims);
    if (!o.quiet && n.undated)
        io.out << (n.undated == 1 ? std::string("1 document has no date: give it one")
                                  : fmt::format("{} documents have no date: give them one", n.undated))
               << " with --date or a manifest (nkclaims docs shows which)\n";
    return n.failed ? kFailed : kOk;
}

int do_ingest(const Options& o, Io& io) {
    const IngestOptions opt = ingest_options(o);
    const Gazetteer g = load_gazetteer(o);
    const Inputs inputs = inputs_of(o, g);
    Store store = write_store(o);
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
    Store store = write_store(o);
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

// The subcommands, in the order --help lists them: name, description, options, action.
constexpr Command kCommands[] = {
    {"ingest", "Extract claims from files and store them in the database", accept_ingest, do_ingest},
    {"extract", "Print the claims of files without storing them", accept_extract, do_extract},
    {"import", "Store the shards of extract --format shard (idempotent, by document hash)", accept_import, do_import},
    {"claims", "List stored claims", accept_claims, do_claims},
    {"conflicts", "List conflicting assessments, corroborations and revisions", accept_conflicts, do_conflicts},
    {"timeline", "Show how one figure evolved: every assessment in date order, relays folded", accept_timeline,
     do_timeline},
    {"latest", "Show the latest assessment of each source, for each actor, metric and phase", accept_latest, do_latest},
    {"report", "Write the report folder: index.html, report.md, report.json", accept_report, do_report},
    {"docs", "List the documents in the database", accept_docs, do_docs},
};

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
    std::vector<std::pair<CLI::App*, const Command*>> subs;
    for (const Command& c : kCommands) {
        CLI::App* sub = app.add_subcommand(c.name, c.description);
        c.accept(*sub, o);
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
