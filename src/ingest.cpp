#include "nkclaims/ingest.hpp"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "nkclaims/error.hpp"
#include "nkclaims/report.hpp"

namespace nkclaims {

Inputs::Inputs(const Gazetteer& g, const std::string& manifest, std::optional<Day> date, std::string outlet) : g_(g) {
    if (!manifest.empty()) manifest_ = Manifest::load(manifest);
    over_.published = date;
    over_.outlet = std::move(outlet);
}

bool Inputs::for_each_file(const std::vector<std::string>& paths, const ErrorSink& error,
                           const std::function<void(const std::filesystem::path&)>& each) const {
    bool ok = true;
    for (const auto& p : paths) {
        try {
            for (const auto& f : list_inputs(p)) each(f);
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

std::string read_file(const std::filesystem::path& p) {
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) throw InputError(p.string(), "is a folder, not a file");
    // A document is read whole and tokenized (~15 bytes of tokens a byte): past this, refuse
    // rather than exhaust memory. Transcripts and articles are kilobytes.
    if (const auto size = std::filesystem::file_size(p, ec); !ec && size > kMaxFileBytes)
        throw InputError(p.string(), fmt::format("file too large ({} MB; the limit is {} MB): split it", size >> 20,
                                                 kMaxFileBytes >> 20));
    FILE* f = std::fopen(p.c_str(), "rb");
    if (!f) throw InputError(p.string(), fmt::format("cannot read file: {}", std::strerror(errno)));
    std::string bytes;
    char buf[1 << 16];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) bytes.append(buf, n);
    const bool bad = std::ferror(f) != 0;
    std::fclose(f);
    if (bad) throw InputError(p.string(), "read error");
    return bytes;
}

namespace {

constexpr std::size_t kBatchFiles = 256, kBatchBytes = 32u << 20;  // bounds memory, whatever the corpus

// One file on its way into the store: read and hashed by a worker, checked by the writer,
// parsed and extracted by a worker, written by the writer in input order.
struct Work {
    std::filesystem::path file;
    std::string path;  // canonical: the document's identity
    std::string hash;
    std::string bytes;
    StoredDocument stored;
    std::vector<Claim> claims;
    std::string error;  // an InputError's message, reported in order
    bool skip = false;  // unchanged since the last ingest
};

// Runs `one` on every item of `batch`, on `jobs` threads.
template <class F>
void parallel(std::vector<Work>& batch, int jobs, F one) {
    if (jobs <= 1 || batch.size() < 2) {
        for (Work& w : batch) one(w);
        return;
    }
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < jobs; ++t)
        threads.emplace_back([&] {
            for (std::size_t i; (i = next.fetch_add(1)) < batch.size();) one(batch[i]);
        });
    for (auto& t : threads) t.join();
}

void read_batch(std::vector<Work>& batch, const Inputs& inputs, int jobs) {
    parallel(batch, jobs, [&](Work& w) {
        try {
            w.bytes = read_file(w.file);
            std::error_code ec;
            w.path = std::filesystem::weakly_canonical(w.file, ec).string();
            w.hash = inputs.hash(w.file, w.bytes);
        } catch (const InputError& e) {
            w.error = e.message();
        }
    });
}

void extract_batch(std::vector<Work>& batch, const Inputs& inputs, const Extractor& ex, int jobs) {
    parallel(batch, jobs, [&](Work& w) {
        if (!w.error.empty() || w.skip) return;
        try {
            const std::size_t size = w.bytes.size();
            Document d = inputs.parse(w.file, std::move(w.bytes));
            w.claims = ex.extract(d);
            w.stored = StoredDocument{w.path, d.name, w.hash, d.meta, size, w.claims.size()};
        } catch (const InputError& e) {
            w.error = e.message();
        }
        w.bytes = std::string();
    });
}

void count(IngestCounts& n, PutResult r, std::size_t claims) {
    (r == PutResult::Added ? n.added : r == PutResult::Replaced ? n.replaced : n.unchanged)++;
    n.claims += claims;
}

}  // namespace

IngestCounts ingest(Store& store, const Gazetteer& g, const Inputs& inputs, const std::vector<std::string>& paths,
                    const IngestOptions& opt, const ErrorSink& error,
                    const std::function<void(const IngestCounts&)>& progress) {
    const Extractor ex(g);
    const int jobs = std::max(1, opt.jobs);
    IngestCounts n;
    auto report = [&](const std::string& message) {
        error(message);
        n.failed = true;
    };
    std::vector<Work> batch;
    std::size_t batch_bytes = 0;
    auto flush = [&] {
        read_batch(batch, inputs, jobs);
        for (Work& w : batch) {
            if (!w.error.empty()) continue;
            n.files += 1;
            n.bytes += w.bytes.size();
            if (store.unchanged(w.path, w.hash)) {  // skipped before it is parsed
                ++n.unchanged;
                w.skip = true;
                w.bytes = std::string();
            }
        }
        extract_batch(batch, inputs, ex, jobs);
        store.begin_batch();
        for (Work& w : batch) {
            if (w.skip) continue;
            if (!w.error.empty()) {
                report(w.error);
                continue;
            }
            count(n, store.put(w.stored, w.claims), w.claims.size());
        }
        store.commit_batch();
        batch.clear();
        batch_bytes = 0;
        if (progress) progress(n);
    };
    const bool listed = inputs.for_each_file(paths, report, [&](const std::filesystem::path& file) {
        std::error_code ec;
        batch_bytes += std::filesystem::file_size(file, ec);
        batch.push_back(Work{file, {}, {}, {}, {}, {}, {}, false});
        if (batch.size() >= kBatchFiles || batch_bytes >= kBatchBytes) flush();
    });
    flush();
    n.failed = n.failed || !listed;
    if (n.added + n.replaced > 0 && opt.refresh_conflicts) refresh_conflicts(store, g, opt.conflicts);
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
            std::ostringstream meta;
            write_documents(meta, {StoredDocument{path, d.name, hash, d.meta, size, claims.size()}}, Format::Json);
            std::string line = "{\"claims\":[";
            for (std::size_t i = 0; i < claims.size(); ++i) {
                if (i) line += ',';
                append_json(line, claims[i]);
            }
            line += "],\"document\":" + nlohmann::json::parse(meta.str())["documents"][0].dump() + "}\n";
            out << line;
        } catch (const InputError& e) {
            error(e.message());
            failed = true;
        }
    });
    return listed && !failed;
}

namespace {

StoredDocument document_of(const nlohmann::json& d, std::size_t claims) {
    StoredDocument sd;
    sd.path = d.at("path").get<std::string>();
    sd.name = d.at("name").get<std::string>();
    sd.hash = d.at("hash").get<std::string>();
    sd.meta.title = d.value("title", "");
    sd.meta.outlet = d.value("outlet", "");
    sd.meta.kind = parse_doc_kind(d.value("kind", ""));
    sd.meta.published = parse_iso_day(d.value("published", ""));
    sd.meta.recorded = parse_iso_day(d.value("recorded", ""));
    sd.bytes = d.value("bytes", std::size_t{0});
    sd.claims = claims;
    return sd;
}

}  // namespace

IngestCounts import_shards(Store& store, const Gazetteer& g, const std::vector<std::string>& shards,
                           const IngestOptions& opt, const ErrorSink& error) {
    IngestCounts n;
    for (const auto& name : shards) {
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
                count(n, store.put(document_of(j.at("document"), claims.size()), claims), claims.size());
            } catch (const nlohmann::json::exception& e) {
                error(fmt::format("{}:{}: not a shard line (extract --format shard): {}", name, no, e.what()));
                n.failed = true;
            }
        }
        store.commit_batch();
    }
    if (n.added + n.replaced > 0 && opt.refresh_conflicts) refresh_conflicts(store, g, opt.conflicts);
    return n;
}

void refresh_conflicts(Store& store, const Gazetteer& g, const ConflictOptions& opt) {
    ClaimFilter slim;
    slim.slim = true;
    const auto all = store.claims(slim);  // the conflicts point into it
    store.put_conflicts(find_conflicts(all, g, opt).conflicts);
}

}  // namespace nkclaims
