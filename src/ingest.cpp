#include "nkclaims/ingest.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "nkclaims/claim_facts.hpp"
#include "nkclaims/claim_json.hpp"
#include "nkclaims/error.hpp"

namespace nkclaims {

Inputs::Inputs(const Gazetteer& g, const std::vector<std::string>& manifests, std::optional<Day> date,
               std::string outlet)
    : g_(g) {
    if (!manifests.empty()) manifest_ = Manifest::load(manifests);
    over_.published = date;
    over_.outlet = std::move(outlet);
}

bool Inputs::for_each_file(const std::vector<std::string>& paths, const ErrorSink& error,
                           const std::function<void(const std::filesystem::path&)>& each) const {
    bool ok = true;
    const auto unlisted = [&](const InputError& e) {
        error(e.message());
        ok = false;
    };
    for (const auto& p : paths) {
        try {
            for_each_input(p, each, unlisted);
        } catch (const InputError& e) {
            error(e.message());
            ok = false;
        }
    }
    return ok;
}

Document Inputs::parse(const std::filesystem::path& file, std::string bytes) const {
    Document d = parse_document(file.string(), std::move(bytes), g_);
    if (manifest_)
        if (const DocumentMeta* m = manifest_->find(file)) d.meta.merge(*m);
    d.meta.merge(over_);
    return d;
}

std::string Inputs::hash(const std::filesystem::path& file, std::string_view bytes) const {
    std::string settings = g_.fingerprint + NKCLAIMS_VERSION;
    for (const DocumentMeta* m : {manifest_ ? manifest_->find(file) : nullptr, &over_})
        if (m)
            settings += fmt::format("|{}|{}|{}|{}|{}", m->title, m->outlet, m->published ? iso_day(*m->published) : "",
                                    m->recorded ? iso_day(*m->recorded) : "", m->kind ? to_string(*m->kind) : "");
    return content_hash(bytes) + content_hash(settings).substr(0, 16);
}

namespace {

constexpr std::size_t kBatchFiles = 256, kBatchBytes = 32u << 20;  // bounds memory, whatever the corpus

// One file on its way into the store: read, hashed, checked and extracted by a worker, written
// by the writer in input order.
struct Work {
    std::filesystem::path file;
    std::string path;  // canonical: the document's identity
    std::string hash;
    StoredDocument stored;
    std::vector<Claim> claims;
    std::size_t size = 0;  // bytes read
    std::string error;     // an InputError's message, reported in order
    bool skip = false;     // unchanged since the last ingest
};

// Runs `work` on `jobs` threads (on this one for a single job) and waits for them.
template <class F>
void on_threads(int jobs, F work) {
    if (jobs <= 1) return work();
    std::vector<std::thread> threads;
    for (int t = 0; t < jobs; ++t) threads.emplace_back(work);
    for (auto& t : threads) t.join();
}

// The document's identity: its canonical path. Resolving every component of every path costs a
// system call each; a folder is resolved once per thread, and only a symlinked file on its own.
std::string canonical_path(const std::filesystem::path& file) {
    thread_local std::filesystem::path folder, canonical_folder;
    std::error_code ec;
    if (std::filesystem::is_symlink(file, ec) || !file.has_filename())
        return std::filesystem::weakly_canonical(file, ec).string();
    if (file.parent_path() != folder || folder.empty()) {
        folder = file.parent_path();
        canonical_folder = std::filesystem::weakly_canonical(folder.empty() ? "." : folder, ec);
    }
    return (canonical_folder / file.filename()).string();
}

// Whether to ask the store if a file is unchanged: not when it held no documents.
enum class Check { Unchanged, Nothing };

// Reads, hashes and extracts one file; a file the store holds unchanged is skipped before it is
// parsed.
void prepare(Work& w, const Inputs& inputs, const Extractor& ex, const Store& store, Check check) {
    try {
        std::string bytes = read_file(w.file);
        w.size = bytes.size();
        w.path = canonical_path(w.file);
        w.hash = inputs.hash(w.file, bytes);
        if (check == Check::Unchanged && store.unchanged(w.path, w.hash)) {
            w.skip = true;
            return;
        }
        Document d = inputs.parse(w.file, std::move(bytes));
        w.claims = ex.extract(d);
        w.stored = StoredDocument{w.path, d.name, w.hash, d.meta, w.size, w.claims.size()};
    } catch (const InputError& e) {
        w.error = e.message();
    }
}

// The next batch: the first of `files`, prepared on `jobs` threads, in order, until the batch
// holds kBatchFiles files or has read kBatchBytes (memory stays bounded whatever the corpus).
std::vector<Work> prepare_batch(const std::vector<std::filesystem::path>& files, int jobs,
                                const std::function<void(Work&)>& one) {
    const std::size_t last = std::min(files.size(), kBatchFiles);
    std::vector<Work> batch(last);
    std::atomic<std::size_t> next{0}, bytes{0};
    on_threads(jobs, [&] {
        // Every index handed out is prepared, so the batch is always files[0, next).
        for (std::size_t i; bytes.load() < kBatchBytes && (i = next.fetch_add(1)) < last;) {
            Work& w = batch[i];
            w.file = files[i];
            one(w);
            bytes += w.size;
        }
    });
    batch.resize(std::min(next.load(), last));
    return batch;
}

// Refreshes the stored conflicts inside the run's last batch, when the run changed claims, and
// commits: a process killed during the refresh loses that batch too, and the next run, storing
// it again, refreshes them. Stored conflicts never stay behind their claims.
void finish(Store& store, const Gazetteer& g, const IngestOptions& opt, const IngestCounts& n) {
    if (n.added + n.replaced > 0 && opt.refresh_conflicts) refresh_conflicts(store, g, opt.conflicts);
    store.commit_batch();
}

void count(IngestCounts& n, PutResult r, std::size_t claims) {
    (r == PutResult::Added ? n.added : r == PutResult::Replaced ? n.replaced : n.unchanged)++;
    n.claims += claims;
}

// Writes batches in input order, one transaction each.
class BatchWriter {
public:
    BatchWriter(Store& store, IngestCounts& n, const ErrorSink& report,
                const std::function<void(const IngestCounts&)>& progress)
        : store_(store), n_(n), report_(report), progress_(progress) {}

    // Writes a batch in a transaction; the run's last one is left open, for finish().
    void write(std::vector<Work>& batch, bool last) {
        store_.begin_batch();
        for (Work& w : batch) {
            if (!w.error.empty()) {
                report_(w.error);
                continue;
            }
            n_.files += 1;
            n_.bytes += w.size;
            if (w.skip)
                n_.unchanged += 1;
            else
                count(n_, store_.put(w.stored, w.claims), w.claims.size());
            if (!w.skip && !w.stored.meta.published && !w.stored.meta.recorded) n_.undated += 1;
        }
        if (!last) store_.commit_batch();
        if (progress_) progress_(n_);
    }

private:
    Store& store_;
    IngestCounts& n_;
    const ErrorSink& report_;
    const std::function<void(const IngestCounts&)>& progress_;
};

// Runs a BatchWriter on a thread of its own, so that the next batch is read and extracted while
// this one is written. At most one batch waits: memory stays bounded.
class WriterThread {
public:
    explicit WriterThread(BatchWriter& writer) : writer_(writer), thread_([this] { run(); }) {}
    ~WriterThread() { stop(); }

    // Hands a batch over; rethrows what the writer threw.
    void push(std::vector<Work> batch, bool last) {
        std::unique_lock lock(m_);
        cv_.wait(lock, [&] { return !pending_ || failure_; });
        if (failure_) std::rethrow_exception(failure_);
        pending_ = std::move(batch);
        last_ = last;
        cv_.notify_all();
    }
    // Waits until every batch is written; rethrows what the writer threw.
    void close() {
        stop();
        if (failure_) std::rethrow_exception(std::exchange(failure_, nullptr));
    }

private:
    void stop() {
        {
            std::lock_guard lock(m_);
            closed_ = true;
            cv_.notify_all();
        }
        if (thread_.joinable()) thread_.join();
    }

    void run() {
        for (;;) {
            std::vector<Work> batch;
            bool last = false;
            {
                std::unique_lock lock(m_);
                cv_.wait(lock, [&] { return pending_ || closed_; });
                if (!pending_) return;
                batch = std::move(*pending_);
                last = last_;
                pending_.reset();
                cv_.notify_all();
            }
            try {
                writer_.write(batch, last);
            } catch (...) {
                std::lock_guard lock(m_);
                failure_ = std::current_exception();
                cv_.notify_all();
                return;
            }
        }
    }

    BatchWriter& writer_;
    std::mutex m_;
    std::condition_variable cv_;
    std::optional<std::vector<Work>> pending_;
    bool last_ = false;  // pending_ is the run's last batch
    bool closed_ = false;
    std::exception_ptr failure_;
    std::thread thread_;
};

}  // namespace

IngestCounts ingest(Store& store, const Gazetteer& g, const Inputs& inputs, const std::vector<std::string>& paths,
                    const IngestOptions& opt, const ErrorSink& error,
                    const std::function<void(const IngestCounts&)>& progress) {
    const Extractor ex(g);
    const int jobs = std::max(1, opt.jobs);
    IngestCounts n;
    std::mutex reporting;  // the listing and the writer thread both report
    const ErrorSink report = [&](const std::string& message) {
        std::lock_guard lock(reporting);
        error(message);
        n.failed = true;
    };
    BatchWriter writer(store, n, report, progress);
    // One job: everything on this thread. More: the writer overlaps the next batch's extraction
    // (":memory:" has a single connection, so it stays on this thread).
    std::optional<WriterThread> thread;
    if (jobs > 1 && store.path() != ":memory:") thread.emplace(writer);
    const Check check = store.document_count() > 0 ? Check::Unchanged : Check::Nothing;
    const auto one = [&](Work& w) { prepare(w, inputs, ex, store, check); };
    // Files stream in from the listing; a batch takes what it can of the pending ones.
    std::vector<std::filesystem::path> pending;
    bool listing = true;
    auto next_batch = [&] {
        std::vector<Work> batch = prepare_batch(pending, jobs, one);
        pending.erase(pending.begin(), pending.begin() + static_cast<std::ptrdiff_t>(batch.size()));
        const bool last = !listing && pending.empty();
        if (thread)
            thread->push(std::move(batch), last);
        else
            writer.write(batch, last);
    };
    const bool listed = inputs.for_each_file(paths, report, [&](const std::filesystem::path& f) {
        pending.push_back(f);
        if (pending.size() >= kBatchFiles) next_batch();
    });
    listing = false;
    while (!pending.empty()) next_batch();
    if (thread) thread->close();
    n.failed = n.failed || !listed;
    finish(store, g, opt, n);
    return n;
}

bool write_shard(std::ostream& out, const Extractor& ex, const Inputs& inputs, const std::vector<std::string>& paths,
                 const ErrorSink& error) {
    bool failed = false;
    const bool listed = inputs.for_each_file(paths, error, [&](const std::filesystem::path& file) {
        try {
            std::string bytes = read_file(file);
            std::error_code ec;
            const std::string path = std::filesystem::weakly_canonical(file, ec).string();
            const std::string hash = inputs.hash(file, bytes);
            const std::size_t size = bytes.size();
            Document d = inputs.parse(file, std::move(bytes));
            const auto claims = ex.extract(d);
            std::string line = "{\"claims\":[";
            for (std::size_t i = 0; i < claims.size(); ++i) {
                if (i) line += ',';
                append_json(line, claims[i]);
            }
            line +=
                "],\"document\":" + to_json(StoredDocument{path, d.name, hash, d.meta, size, claims.size()}).dump() +
                "}\n";
            out << line;
        } catch (const InputError& e) {
            error(e.message());
            failed = true;
        }
    });
    return listed && !failed;
}

IngestCounts import_shards(Store& store, const Gazetteer& g, const std::vector<std::string>& shards,
                           const IngestOptions& opt, const ErrorSink& error) {
    IngestCounts n;
    for (const auto& name : shards) {
        store.commit_batch();  // the previous shard's; the last one's is finish()'s
        std::ifstream in(name);
        if (!in) {
            error(name + ": cannot read shard");
            n.failed = true;
            continue;
        }
        store.begin_batch();
        std::string line;
        for (std::size_t no = 1; std::getline(in, line); ++no) {
            if (line.empty()) continue;
            try {
                const auto j = nlohmann::json::parse(line);
                std::vector<Claim> claims;
                for (const auto& c : j.at("claims")) claims.push_back(claim_from_json(c));
                count(n, store.put(document_from_json(j.at("document"), claims.size()), claims), claims.size());
            } catch (const nlohmann::json::exception& e) {
                error(fmt::format("{}:{}: not a shard line (extract --format shard): {}", name, no, e.what()));
                n.failed = true;
            }
        }
    }
    finish(store, g, opt, n);
    return n;
}

ConflictReport conflicts_in(const Store& store, ClaimFilter filter, const Gazetteer& g, const ConflictOptions& opt,
                            Explain explain) {
    filter.slim = true;  // a million quotes would be read for the few thousand shown
    // The conflicts are filtered, not the claims: stances have no metric, and the other side of
    // a conflict is another source's, in another document.
    const auto metric = filter.metric;
    const std::string source = filter.source, doc = filter.doc.empty() ? "" : document_named(store, filter.doc);
    filter.metric.reset();
    filter.source.clear();
    filter.doc.clear();
    // The claims shown are read back by id: from the same state as the list, or an ingest
    // replacing documents in between would take them away.
    const Store::Snapshot snapshot(store);
    ConflictInput in;
    in.reserve(store.claims_at_most());  // pages never touched cost nothing
    store.for_each_claim(filter, [&](const Claim& c) { in.add(c); });
    ConflictReport r = find_conflicts(
        in, g, opt, [&](const std::vector<std::int64_t>& ids) { return store.claims_by_id(ids); }, explain);
    if (metric) keep_metric(r, *metric);
    if (!source.empty()) keep_source(r, source);
    if (!doc.empty()) keep_document(r, doc);
    return r;
}

std::string document_named(const Store& store, std::string_view name) {
    auto lower = [](std::string_view s) {
        std::string out(s);
        for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return out;
    };
    const std::string wanted = lower(name);
    std::vector<std::string> matches;
    for (const StoredDocument& d : store.documents()) {
        const std::string n = lower(d.name);
        if (n == wanted) return d.name;
        if (n.starts_with(wanted)) matches.push_back(d.name);
    }
    if (matches.size() == 1) return matches.front();
    if (matches.empty()) throw UsageError("--doc", fmt::format("no stored document is named {}", name));
    std::string list;
    for (std::size_t i = 0; i < matches.size() && i < 5; ++i) list += (i ? ", " : "") + matches[i];
    throw UsageError("--doc", fmt::format("{} begins {} documents' names: {}{}", name, matches.size(), list,
                                          matches.size() > 5 ? ", ..." : ""));
}

void refresh_conflicts(Store& store, const Gazetteer& g, const ConflictOptions& opt) {
    // Under the write lock from the first read to the last write: the conflicts stored are
    // those of the claims stored, whatever another ingest does.
    const bool own = !store.in_batch();
    if (own) store.begin_batch();
    store.put_conflicts(conflicts_in(store, {}, g, opt).conflicts);
    if (own) store.commit_batch();
}

}  // namespace nkclaims
