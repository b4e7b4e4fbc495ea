// The command line's options, private to the cli: everything a subcommand can be told, the
// options each subcommand accepts (one `accept_*` function per subcommand), and the checks that
// turn what was typed into the library's values, throwing UsageError that names the flag.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "nkclaims/conflicts.hpp"
#include "nkclaims/gazetteer.hpp"
#include "nkclaims/ingest.hpp"
#include "nkclaims/report.hpp"
#include "nkclaims/store.hpp"

namespace CLI {
class App;
}  // namespace CLI

namespace nkclaims::cli {

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

// The options of each subcommand, registered on its CLI11 app and bound to `o`.
void accept_ingest(CLI::App& a, Options& o);
void accept_extract(CLI::App& a, Options& o);
void accept_import(CLI::App& a, Options& o);
void accept_claims(CLI::App& a, Options& o);
void accept_conflicts(CLI::App& a, Options& o);
void accept_timeline(CLI::App& a, Options& o);
void accept_latest(CLI::App& a, Options& o);
void accept_report(CLI::App& a, Options& o);
void accept_docs(CLI::App& a, Options& o);

// The --format given, `fallback` when none; a format not in `allowed` is a UsageError.
Format format_of(const Options& o, Format fallback, std::initializer_list<Format> allowed);
// A YYYY-MM-DD option's day, none when it was not given.
std::optional<Day> day_option(const std::string& value, const char* flag);
ClaimFilter filter_of(const Options& o);
ConflictOptions conflict_options(const Options& o);
IngestOptions ingest_options(const Options& o);
// The rule files of --data, else the default ones.
Gazetteer load_gazetteer(const Options& o);
// The manifests and overrides of the inputs (--manifest, --date, --outlet).
Inputs inputs_of(const Options& o, const Gazetteer& g);
// How a table goes to stdout: coloured on a terminal unless NO_COLOR, as wide as it is.
TableStyle style_for_stdout(const DisplayNames* names = nullptr);
// The database to write: --db, else $NKCLAIMS_DB, else nkclaims.db.
Store write_store(const Options& o);
// The database of a command that only reads: opened read-only, after its options are checked,
// so that neither a typo in a name nor a bad option leaves a file behind.
Store read_store(const Options& o);

}  // namespace nkclaims::cli
