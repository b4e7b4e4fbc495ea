// Ingestion: files (or shards extracted elsewhere) into the store. Files go through in bounded
// batches: workers read, hash, parse and extract; one writer stores each batch in a
// transaction, a savepoint per document. Memory stays bounded whatever the corpus size.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "nkclaims/conflicts.hpp"
#include "nkclaims/document.hpp"
#include "nkclaims/extractor.hpp"
#include "nkclaims/manifest.hpp"
#include "nkclaims/store.hpp"

namespace nkclaims {

// Reports one bad input: "FILE: what".
using ErrorSink = std::function<void(const std::string& message)>;

// The files of a run and what is said about them: the manifest and --date / --outlet.
class Inputs {
public:
    // Throws ConfigError for a bad manifest. For a file several manifests name, the last wins.
    Inputs(const Gazetteer& g, const std::vector<std::string>& manifests, std::optional<Day> date, std::string outlet);

    // Calls `each(file)` for every text file under `paths`; a path or a folder below one that
    // cannot be listed goes to `error`, and the others are still walked. Returns false if any did.
    bool for_each_file(const std::vector<std::string>& paths, const ErrorSink& error,
                       const std::function<void(const std::filesystem::path&)>& each) const;
    // The document of `bytes`, with what the manifest and the flags say about it.
    Document parse(const std::filesystem::path& file, std::string bytes) const;
    // The identity of what decides a file's claims: its bytes, the rules, the overrides.
    std::string hash(const std::filesystem::path& file, std::string_view bytes) const;

private:
    const Gazetteer& g_;
    std::optional<Manifest> manifest_;
    DocumentMeta over_;
};

inline constexpr std::uintmax_t kMaxFileBytes = 256u << 20;

// A file's bytes. Throws InputError: a folder, a FIFO, a device or anything but a regular file
// (refused before it is opened for reading), unreadable, larger than kMaxFileBytes, a read error.
std::string read_file(const std::filesystem::path& p);

struct IngestCounts {
    std::size_t added = 0, replaced = 0, unchanged = 0, claims = 0, files = 0, bytes = 0;
    // Documents written without a date of their own (none in the text, the manifest or --date):
    // their claims are dated only where a sentence says when, so the user is told.
    std::size_t undated = 0;
    bool failed = false;  // some input was reported to the ErrorSink
};

struct IngestOptions {
    int jobs = 1;                   // threads that read, parse and extract
    bool refresh_conflicts = true;  // store the conflicts afterwards (v_conflicts)
    ConflictOptions conflicts;
};

// Ingests every file under `paths`. `progress` is called after each batch.
IngestCounts ingest(Store& store, const Gazetteer& g, const Inputs& inputs, const std::vector<std::string>& paths,
                    const IngestOptions& opt, const ErrorSink& error,
                    const std::function<void(const IngestCounts&)>& progress = {});

// Writes one JSON line per document under `paths`: the document, its hash and its claims.
bool write_shard(std::ostream& out, const Extractor& ex, const Inputs& inputs, const std::vector<std::string>& paths,
                 const ErrorSink& error);

// Stores the documents of shard files; idempotent by document hash.
IngestCounts import_shards(Store& store, const Gazetteer& g, const std::vector<std::string>& shards,
                           const IngestOptions& opt, const ErrorSink& error);

// The conflicts among the stored claims `filter` picks: the one way `ingest` (the stored
// conflicts), `conflicts` and `report` reach them. Only what comparing needs of each claim is
// held (ConflictInput); the claims the report shows are read back whole, and the report holds them.
// The filter's metric, source and document pick conflicts (keep_metric, keep_source,
// keep_document), not the claims compared; the document is named by a unique prefix.
ConflictReport conflicts_in(const Store& store, ClaimFilter filter, const Gazetteer& g, const ConflictOptions& opt,
                            Explain explain = Explain::No);

// The stored document `name` names, in any case: the one named so, else the only one whose name
// begins so. Throws UsageError when none or several do.
std::string document_named(const Store& store, std::string_view name);

// Recomputes the stored conflicts from every stored claim.
void refresh_conflicts(Store& store, const Gazetteer& g, const ConflictOptions& opt);

}  // namespace nkclaims
