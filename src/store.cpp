#include "nkclaims/store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <numeric>
#include <thread>

#include "nkclaims/error.hpp"
#include "nkclaims/memory.hpp"
#include "store_open.hpp"
#include "store_rows.hpp"
#include "store_schema.hpp"

namespace nkclaims {

std::string content_hash(std::string_view bytes) {
    const XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
    return fmt::format("{:016x}{:016x}", h.high64, h.low64);
}

namespace {

std::string opt_day(const std::optional<Day>& d) { return d ? iso_day(*d) : std::string{}; }

void bind_text(SQLite::Statement& st, int i, const std::string& s) {
    if (s.empty())
        st.bind(i);
    else
        st.bind(i, s);
}

std::string now_utc() {
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const auto day = std::chrono::floor<std::chrono::days>(now);
    const std::chrono::hh_mm_ss hms{now - day};
    return fmt::format("{}T{:02}:{:02}:{:02}Z", iso_day(day), hms.hours().count(), hms.minutes().count(),
                       hms.seconds().count());
}

std::string column_text(SQLite::Statement& st, int i) {
    auto c = st.getColumn(i);
    return c.isNull() ? std::string{} : c.getString();
}

}  // namespace

struct Store::Impl {
    SQLite::Database db;
    bool in_batch = false;
    std::unique_ptr<SQLite::Database> reader;      // unchanged(): read-only, beside the writer
    std::unique_ptr<SQLite::Statement> find_hash;  // on reader, or on db for ":memory:"
    std::mutex reading;                            // guards reader and find_hash
    // Prepared once, reused for every document.
    std::unique_ptr<SQLite::Statement> find_doc, delete_doc, insert_doc, insert_claim, set_claim_run;
    SQLite::Statement& prepared(std::unique_ptr<SQLite::Statement>& st, const char* sql) {
        if (!st) st = std::make_unique<SQLite::Statement>(db, sql);
        st->reset();
        st->clearBindings();
        return *st;
    }
    // The steps of put(), inside its transaction.
    PutResult drop_stale(const StoredDocument& doc);
    std::int64_t insert_document(const StoredDocument& doc);
    void insert_claims(std::int64_t doc_id, const std::vector<Claim>& claims);
    Impl(const std::string& path, Access access)
        // No mutex of SQLite's: one thread at a time uses a connection (an ingest's writer thread
        // has this one; its workers share `reader` under `reading`), and a locked mutex around
        // every column read was a sixth of reading a million claims. A writer waits up to a
        // minute for another one: a concurrent ingest holds the lock while it refreshes the
        // conflicts of every stored claim.
        : db(store_open::connection_name(path, access), store_open::flags(access),
             access == Access::ReadOnly ? 5000 : 60000) {}
};

Store::Store(const std::string& path, Access access) : path_(path), access_(access) {
    // Read-only: a missing file is no database, and SQLite must not create one.
    std::error_code ec;
    if (access == Access::ReadOnly && path != ":memory:" && !std::filesystem::exists(path, ec))
        throw StoreError(path, std::string(store_open::kNoDatabase));
    // Two processes opening a new file at once can be told "locked" at once, without the busy
    // handler (SQLite avoids a deadlock that way while the journal becomes WAL): try again.
    for (int attempt = 0;; ++attempt) {
        try {
            open();
            return;
        } catch (const SQLite::Exception& e) {
            if (e.getErrorCode() != SQLITE_BUSY || attempt >= 100)
                throw StoreError(path, fmt::format("cannot open database: {}", e.what()));
            impl_.reset();
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
}

void Store::open() {
    const std::string& path = path_;
    impl_ = std::make_unique<Impl>(path, access_);
    auto& db = impl_->db;
    db.exec("PRAGMA foreign_keys = ON");  // of the connection: nothing is written
    // Looked at before anything is written, so that a database refused is left as it was.
    int version = store_open::checked_version(db, path, access_);
    if (access_ == Access::ReadOnly) return;
    if (path != ":memory:") {
        // A new file gets SQLite's largest pages: listings and conflicts read the claims
        // table end to end, and 64 KB pages take a sixteenth of the reads and B-tree steps
        // of 4 KB ones (a scan of a million claims: 0.31 s became 0.18 s). An existing file
        // keeps its own.
        db.exec("PRAGMA page_size = 65536");
        db.exec("PRAGMA journal_mode = WAL");
        // Checkpoint every 4 MB of WAL, as SQLite's default of 1000 pages does for 4 KB pages:
        // at 64 KB a page, 1000 pages let the WAL grow to 64 MB of fresh file instead of
        // reusing a small one (ingest --jobs 2 of 100 MB: 1.80 s became 1.68 s).
        db.exec("PRAGMA wal_autocheckpoint = 64");
        // In WAL mode NORMAL never corrupts and survives a killed process; only a power
        // cut can lose the last commits. One fsync per document would halve ingest speed.
        db.exec("PRAGMA synchronous = NORMAL");
        // 16 MB of pages: index pages stay cached across a batch's commits.
        db.exec("PRAGMA cache_size = -16384");
    }
    if (version > 0 && version < kSchemaVersion && path != ":memory:") {
        const std::string backup = fmt::format("{}.v{}.backup", path, version);
        db.backup(backup.c_str(), SQLite::Database::Save);
    }
    if (version < kSchemaVersion) store_open::migrate(db, path);
}

Store::~Store() = default;

bool Store::unchanged(const std::string& path, const std::string& hash) const {
    std::lock_guard lock(impl_->reading);
    try {
        // A file has a connection of its own for this check, so that an ingest's workers can ask
        // while its writer is inside a transaction; it sees what was committed.
        if (!impl_->reader && path_ != ":memory:")
            impl_->reader =
                std::make_unique<SQLite::Database>(path_, SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX, 5000);
        SQLite::Database& db = impl_->reader ? *impl_->reader : impl_->db;
        if (!impl_->find_hash)
            impl_->find_hash = std::make_unique<SQLite::Statement>(db, "SELECT hash FROM documents WHERE path = ?");
        SQLite::Statement& st = *impl_->find_hash;
        st.reset();
        st.bind(1, path);
        const bool same = st.executeStep() && st.getColumn(0).getString() == hash;
        st.reset();
        return same;
    } catch (const SQLite::Exception& e) {
        throw StoreError(path_, e.what());
    }
}

std::size_t Store::count(const char* table) const {
    try {
        return static_cast<std::size_t>(impl_->db.execAndGet(fmt::format("SELECT count(*) FROM {}", table)).getInt64());
    } catch (const SQLite::Exception& e) {
        throw StoreError(path_, e.what());
    }
}

std::size_t Store::claims_at_most() const {
    try {
        return static_cast<std::size_t>(impl_->db.execAndGet("SELECT coalesce(max(id), 0) FROM claims").getInt64());
    } catch (const SQLite::Exception& e) {
        throw StoreError(path_, e.what());
    }
}

void Store::begin_batch() {
    try {
        impl_->db.exec("BEGIN IMMEDIATE");
        impl_->in_batch = true;
    } catch (const SQLite::Exception& e) {
        throw StoreError(path_, fmt::format("cannot begin a transaction: {}", e.what()));
    }
}

bool Store::in_batch() const { return impl_->in_batch; }

Store::Snapshot::Snapshot(const Store& store) : store_(store) {
    auto& db = store_.impl_->db;
    if (!sqlite3_get_autocommit(db.getHandle())) return;  // a batch or a snapshot reads one state already
    try {
        db.exec("BEGIN");
        began_ = true;
    } catch (const SQLite::Exception& e) {
        throw StoreError(store_.path_, e.what());
    }
}

Store::Snapshot::~Snapshot() {
    if (began_) sqlite3_exec(store_.impl_->db.getHandle(), "COMMIT", nullptr, nullptr, nullptr);
}

void Store::commit_batch() {
    if (!impl_->in_batch) return;
    impl_->in_batch = false;
    try {
        impl_->db.exec("COMMIT");
    } catch (const SQLite::Exception& e) {
        throw StoreError(path_, fmt::format("cannot commit: {}", e.what()));
    }
}

namespace {
// One write: a transaction of its own (taking the write lock first, so that it waits for another
// writer instead of failing), or a savepoint inside a batch.
class DocumentWrite {
public:
    DocumentWrite(SQLite::Database& db, bool in_batch) : db_(db), savepoint_(in_batch) {
        db_.exec(savepoint_ ? "SAVEPOINT document" : "BEGIN IMMEDIATE");
    }
    ~DocumentWrite() {
        if (done_) return;
        try {
            db_.exec(savepoint_ ? "ROLLBACK TO document; RELEASE document" : "ROLLBACK");
        } catch (...) {  // nothing more can be done in a destructor; SQLite rolls back on close
        }
    }
    void commit() {
        db_.exec(savepoint_ ? "RELEASE document" : "COMMIT");
        done_ = true;
    }

private:
    SQLite::Database& db_;
    bool savepoint_;
    bool done_ = false;
};
}  // namespace

// The row of a document's path, when there is one: Unchanged when it has the same hash, else
// deleted (its claims with it) and Replaced; Added when there was none.
PutResult Store::Impl::drop_stale(const StoredDocument& doc) {
    SQLite::Statement& find = prepared(find_doc, "SELECT id, hash FROM documents WHERE path = ?");
    find.bind(1, doc.path);
    if (!find.executeStep()) {
        find.reset();
        return PutResult::Added;
    }
    if (find.getColumn(1).getString() == doc.hash) {
        find.reset();
        return PutResult::Unchanged;
    }
    const auto old = find.getColumn(0).getInt64();
    find.reset();
    SQLite::Statement& del = prepared(delete_doc, "DELETE FROM documents WHERE id = ?");
    del.bind(1, old);
    del.exec();
    return PutResult::Replaced;
}

// Inserts the document's row; returns its id.
std::int64_t Store::Impl::insert_document(const StoredDocument& doc) {
    SQLite::Statement& ins = prepared(insert_doc,
                                      "INSERT INTO documents(path, name, hash, title, outlet, kind, published, "
                                      "recorded, bytes, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?)");
    ins.bind(1, doc.path);
    ins.bind(2, doc.name);
    ins.bind(3, doc.hash);
    bind_text(ins, 4, doc.meta.title);
    bind_text(ins, 5, doc.meta.outlet);
    bind_text(ins, 6, doc.meta.kind ? std::string(to_string(*doc.meta.kind)) : std::string{});
    bind_text(ins, 7, opt_day(doc.meta.published));
    bind_text(ins, 8, opt_day(doc.meta.recorded));
    ins.bind(9, static_cast<std::int64_t>(doc.bytes));
    ins.bind(10, now_utc());
    ins.exec();
    return db.getLastInsertRowid();
}

// Inserts the claims of document `doc_id` in order of position, so that the ids of a
// document's claims are too (listings read them in id order; the extractor gives them so
// already), and records on the document the run of ids they took.
void Store::Impl::insert_claims(std::int64_t doc_id, const std::vector<Claim>& claims) {
    SQLite::Statement& c = prepared(insert_claim, store_rows::insert_claim_sql().c_str());
    std::vector<const Claim*> ordered;
    ordered.reserve(claims.size());
    for (const Claim& cl : claims) ordered.push_back(&cl);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Claim* a, const Claim* b) { return a->span.begin < b->span.begin; });
    std::int64_t first_claim = 0;
    for (const Claim* stored : ordered) {
        c.reset();
        c.clearBindings();
        store_rows::bind_claim(c, doc_id, *stored);
        c.exec();
        if (first_claim == 0) first_claim = db.getLastInsertRowid();
    }
    if (first_claim == 0) return;
    SQLite::Statement& run =
        prepared(set_claim_run, "UPDATE documents SET first_claim = ?, last_claim = ? WHERE id = ?");
    run.bind(1, first_claim);
    run.bind(2, db.getLastInsertRowid());
    run.bind(3, doc_id);
    run.exec();
}

PutResult Store::put(const StoredDocument& doc, const std::vector<Claim>& claims) {
    try {
        DocumentWrite tx(impl_->db, impl_->in_batch);
        const PutResult result = impl_->drop_stale(doc);
        if (result != PutResult::Unchanged) impl_->insert_claims(impl_->insert_document(doc), claims);
        tx.commit();
        return result;
    } catch (const SQLite::Exception& e) {
        throw StoreError(path_, fmt::format("cannot store {}: {}", doc.name, e.what()));
    }
}

using store_rows::ClaimRows;
using store_rows::Columns;
using store_rows::DocColumn;

std::vector<Claim> Store::claims(const ClaimFilter& f) const {
    std::vector<Claim> out;
    try {
        ClaimRows rows(impl_->db, f);
        while (rows.next(out.emplace_back())) {
        }
        out.pop_back();  // the one the last next() did not fill
    } catch (const SQLite::Exception& e) {
        throw StoreError(path_, e.what());
    }
    return out;
}

void Store::for_each_claim(const ClaimFilter& f, const std::function<void(const Claim&)>& each) const {
    try {
        ClaimRows rows(impl_->db, f);
        for (Claim c; rows.next(c);) each(c);  // one Claim, reused
    } catch (const SQLite::Exception& e) {
        throw StoreError(path_, e.what());
    }
}

std::vector<Claim> Store::claims_by_id(const std::vector<std::int64_t>& ids) const {
    // In id order, which is storage order, then back in the order asked.
    std::vector<std::size_t> order(ids.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return ids[a] < ids[b]; });
    std::vector<Claim> out;
    reserve_huge(out, ids.size());
    out.resize(ids.size());
    try {
        const Snapshot read(*this);  // one read transaction, not one per claim
        ClaimRows rows(impl_->db,
                       store_rows::select_claims(Columns::Whole, DocColumn::Id) + "FROM claims c WHERE c.id = :id",
                       Columns::Whole, DocColumn::Id);
        for (std::size_t i : order) {
            rows.rewind(ids[i]);
            if (!rows.next(out[i]))
                throw StoreError(path_,
                                 fmt::format("claim {} is gone: the database changed while it was read", ids[i]));
        }
    } catch (const SQLite::Exception& e) {
        throw StoreError(path_, e.what());
    }
    return out;
}

void Store::put_conflicts(const std::vector<Conflict>& conflicts) {
    auto& db = impl_->db;
    try {
        DocumentWrite tx(db, impl_->in_batch);
        db.exec("DELETE FROM conflicts");
        SQLite::Statement k(db, "INSERT INTO conflicts(kind, topic, reason, severity, gap_days) VALUES (?,?,?,?,?)");
        SQLite::Statement m(db, "INSERT INTO conflict_claims(conflict_id, claim_id, position) VALUES (?,?,?)");
        for (const Conflict& c : conflicts) {
            k.reset();
            k.bind(1, std::string(to_string(c.kind)));
            k.bind(2, c.topic);
            k.bind(3, c.reason);
            k.bind(4, c.severity);
            k.bind(5, c.gap_days);
            k.exec();
            const auto id = db.getLastInsertRowid();
            for (std::size_t i = 0; i < c.claims.size(); ++i) {
                if (c.claims[i]->id == 0) continue;
                m.reset();
                m.bind(1, id);
                m.bind(2, c.claims[i]->id);
                m.bind(3, static_cast<std::int64_t>(i));
                m.exec();
            }
        }
        tx.commit();
    } catch (const SQLite::Exception& e) {
        throw StoreError(path_, fmt::format("cannot store conflicts: {}", e.what()));
    }
}

std::vector<StoredDocument> Store::documents() const {
    std::vector<StoredDocument> out;
    try {
        SQLite::Statement st(impl_->db,
                             "SELECT d.path, d.name, d.hash, d.title, d.outlet, d.kind, d.published, d.recorded, "
                             "d.bytes, (SELECT count(*) FROM claims c WHERE c.doc_id = d.id) FROM documents d "
                             "ORDER BY d.name, d.path");
        while (st.executeStep()) {
            StoredDocument d;
            d.path = st.getColumn(0).getString();
            d.name = st.getColumn(1).getString();
            d.hash = st.getColumn(2).getString();
            d.meta.title = column_text(st, 3);
            d.meta.outlet = column_text(st, 4);
            d.meta.kind = parse_doc_kind(column_text(st, 5));
            d.meta.published = parse_iso_day(column_text(st, 6));
            d.meta.recorded = parse_iso_day(column_text(st, 7));
            d.bytes = static_cast<std::size_t>(st.getColumn(8).getInt64());
            d.claims = static_cast<std::size_t>(st.getColumn(9).getInt64());
            out.push_back(std::move(d));
        }
    } catch (const SQLite::Exception& e) {
        throw StoreError(path_, e.what());
    }
    return out;
}

}  // namespace nkclaims
