#include "nkclaims/store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <xxhash.h>

#include <algorithm>
#include <chrono>
#include <mutex>
#include <numeric>
#include <thread>

#include "nkclaims/error.hpp"
#include "nkclaims/memory.hpp"

namespace nkclaims {

std::string content_hash(std::string_view bytes) {
    const XXH128_hash_t h = XXH3_128bits(bytes.data(), bytes.size());
    return fmt::format("{:016x}{:016x}", h.high64, h.low64);
}

namespace {

constexpr const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS documents (
    id            INTEGER PRIMARY KEY,
    path          TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    hash          TEXT NOT NULL,
    title         TEXT,
    outlet        TEXT,
    kind          TEXT,
    published     TEXT,
    recorded      TEXT,
    bytes         INTEGER NOT NULL,
    ingested_at   TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS claims (
    id            INTEGER PRIMARY KEY,
    doc_id        INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,
    span_begin    INTEGER NOT NULL,
    span_end      INTEGER NOT NULL,
    text          TEXT NOT NULL,
    value_low     REAL,
    value_high    REAL,
    approx        INTEGER NOT NULL DEFAULT 0,
    increment     INTEGER NOT NULL DEFAULT 0,
    metric        TEXT,
    phase         TEXT,
    actor         TEXT,
    stance        TEXT,
    source        TEXT,
    via           TEXT,
    location      TEXT,
    date          TEXT,
    date_first    TEXT,
    date_last     TEXT,
    event_date    TEXT,
    quote         TEXT NOT NULL,
    quote_begin   INTEGER NOT NULL,
    quote_end     INTEGER NOT NULL,
    rule          TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS claims_by_doc ON claims(doc_id, span_begin);
CREATE INDEX IF NOT EXISTS claims_by_metric ON claims(metric, phase, actor, date_first);
CREATE INDEX IF NOT EXISTS claims_by_source ON claims(source);
CREATE INDEX IF NOT EXISTS claims_by_date ON claims(date_first);
CREATE VIEW IF NOT EXISTS v_claims AS
    SELECT d.name AS doc, c.kind, c.text, c.value_low, c.value_high, c.approx, c.increment, c.metric,
           c.phase, c.actor, c.stance, c.source, c.via, c.location, c.date, c.event_date, c.quote,
           c.span_begin, c.span_end, c.rule, d.title, d.outlet, d.path
    FROM claims c JOIN documents d ON d.id = c.doc_id;
)SQL";

// kMigrations[v] takes a database from version v + 1 to v + 2. A new database is made at
// version 1 and migrated like any other, so every path is the same path.
constexpr const char* kMigrations[] = {
    R"SQL(
CREATE TABLE conflicts (
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL,
    topic     TEXT NOT NULL,
    reason    TEXT NOT NULL,
    severity  REAL NOT NULL,
    gap_days  INTEGER NOT NULL
);
CREATE TABLE conflict_claims (
    conflict_id INTEGER NOT NULL REFERENCES conflicts(id) ON DELETE CASCADE,
    claim_id    INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    PRIMARY KEY (conflict_id, position)
);
CREATE INDEX conflict_claims_by_claim ON conflict_claims(claim_id);
DROP VIEW v_claims;
CREATE VIEW v_claims AS
    SELECT c.id AS claim_id, d.name AS doc, c.kind, c.text, c.value_low, c.value_high, c.approx, c.increment,
           c.metric, c.phase, c.actor, c.stance, c.source, c.via, c.location, c.date, c.event_date, c.quote,
           c.span_begin, c.span_end, c.rule, d.title, d.outlet, d.path
    FROM claims c JOIN documents d ON d.id = c.doc_id;
CREATE VIEW v_conflicts AS
    SELECT k.id AS conflict, k.kind AS conflict_kind, k.topic, k.reason, k.severity, k.gap_days, cc.position, v.*
    FROM conflicts k JOIN conflict_claims cc ON cc.conflict_id = k.id JOIN v_claims v ON v.claim_id = cc.claim_id;
)SQL",
    // Version 3: claims are listed document by document in name order, straight from the
    // indexes, instead of sorting half a million rows with their quotes; the metric in
    // claims_by_doc skips the rows of other metrics without reading them. No query of ours
    // used claims(metric, ...), claims(source) or claims(date_first) after that, and each cost
    // every inserted claim a random B-tree write (100 MB took 6.9 s to ingest with them, 2.7 s
    // without).
    R"SQL(
CREATE INDEX documents_by_name ON documents(name);
DROP INDEX claims_by_doc;
CREATE INDEX claims_by_doc ON claims(doc_id, span_begin, metric);
DROP INDEX IF EXISTS claims_by_source;
DROP INDEX IF EXISTS claims_by_date;
DROP INDEX IF EXISTS claims_by_metric;
)SQL",
    // Version 4: a document's claims are one run of ids, in the order of their positions, and
    // its row holds the run. A listing walks documents by name (documents_by_name covers all it
    // reads of them) and reads each run as a range of the claims table, instead of seeking the
    // table once for each entry of an index: the 460,000 troop claims of a million are read in
    // 0.23 s instead of 0.30 s. claims_by_doc is left with what deleting a document needs.
    R"SQL(
ALTER TABLE documents ADD COLUMN first_claim INTEGER;
ALTER TABLE documents ADD COLUMN last_claim INTEGER;
UPDATE documents SET first_claim = (SELECT min(id) FROM claims WHERE doc_id = documents.id),
                     last_claim = (SELECT max(id) FROM claims WHERE doc_id = documents.id);
DROP INDEX documents_by_name;
CREATE INDEX documents_by_name ON documents(name, id, first_claim, last_claim);
DROP INDEX claims_by_doc;
CREATE INDEX claims_by_doc ON claims(doc_id);
)SQL",
    // Version 5: v_latest, for people who open the database in sqlite3: the latest dated figure
    // of each source for each (actor, metric, phase), as `nkclaims latest` shows it.
    R"SQL(
CREATE VIEW v_latest AS
    SELECT claim_id, actor, metric, phase, source, via, value_low, value_high, approx, increment, date, doc, text,
           quote, title, outlet
    FROM (SELECT v.*, row_number() OVER (PARTITION BY v.actor, v.metric, v.phase, v.source
                                         ORDER BY c.date_first DESC, c.date_last DESC, v.doc DESC,
                                                  v.span_begin DESC) AS newest
          FROM v_claims v JOIN claims c ON c.id = v.claim_id
          WHERE v.kind = 'figure' AND v.metric IS NOT NULL AND v.source IS NOT NULL AND c.date_first IS NOT NULL)
    WHERE newest = 1;
)SQL",
};

std::string opt_day(const std::optional<Day>& d) { return d ? iso_day(*d) : std::string{}; }

void bind_text(SQLite::Statement& st, int i, const std::string& s) {
    if (s.empty())
        st.bind(i);
    else
        st.bind(i, s);
}

void bind_number(SQLite::Statement& st, int i, const std::optional<double>& v) {
    if (v)
        st.bind(i, *v);
    else
        st.bind(i);
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
    explicit Impl(const std::string& path)
        // No mutex of SQLite's: one thread at a time uses a connection (an ingest's writer thread
        // has this one; its workers share `reader` under `reading`), and a locked mutex around
        // every column read was a sixth of reading a million claims.
        : db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX, 5000) {}
};

Store::Store(const std::string& path) : path_(path) {
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
    {
        impl_ = std::make_unique<Impl>(path);
        auto& db = impl_->db;
        db.exec("PRAGMA foreign_keys = ON");
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
        int version = db.execAndGet("PRAGMA user_version").getInt();
        if (version > kSchemaVersion)
            throw StoreError(path, fmt::format("database schema version {} is newer than this nkclaims ({})", version,
                                               kSchemaVersion));
        if (version > 0 && version < kSchemaVersion && path != ":memory:") {
            const std::string backup = fmt::format("{}.v{}.backup", path, version);
            db.backup(backup.c_str(), SQLite::Database::Save);
        }
        if (version < kSchemaVersion) {
            // Under the write lock, and looked at again: another process may have just done it.
            db.exec("BEGIN IMMEDIATE");
            try {
                version = db.execAndGet("PRAGMA user_version").getInt();
                const bool has_tables = db.execAndGet("SELECT count(*) FROM sqlite_master").getInt() > 0;
                if (version == 0 && has_tables)
                    throw StoreError(path, "not an nkclaims database (it holds other tables)");
                if (version == 0) {
                    db.exec(kSchema);
                    version = 1;
                }
                for (int v = version; v < kSchemaVersion; ++v) db.exec(kMigrations[v - 1]);
                db.exec(fmt::format("PRAGMA user_version = {}", kSchemaVersion));
                db.exec("COMMIT");
            } catch (...) {
                // SQLite may have rolled back already (a full disk does): the error to report
                // is the first one, not "no transaction is active".
                if (!sqlite3_get_autocommit(db.getHandle()))
                    sqlite3_exec(db.getHandle(), "ROLLBACK", nullptr, nullptr, nullptr);
                throw;
            }
        }
    }
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
// A document's writes: a transaction of its own, or a savepoint inside a batch.
class DocumentWrite {
public:
    DocumentWrite(SQLite::Database& db, bool in_batch) : db_(db), savepoint_(in_batch) {
        db_.exec(savepoint_ ? "SAVEPOINT document" : "BEGIN");
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

PutResult Store::put(const StoredDocument& doc, const std::vector<Claim>& claims) {
    auto& db = impl_->db;
    try {
        DocumentWrite tx(db, impl_->in_batch);
        SQLite::Statement& find = impl_->prepared(impl_->find_doc, "SELECT id, hash FROM documents WHERE path = ?");
        find.bind(1, doc.path);
        PutResult result = PutResult::Added;
        if (find.executeStep()) {
            if (find.getColumn(1).getString() == doc.hash) {
                find.reset();
                tx.commit();
                return PutResult::Unchanged;
            }
            const auto old = find.getColumn(0).getInt64();
            find.reset();
            SQLite::Statement& del = impl_->prepared(impl_->delete_doc, "DELETE FROM documents WHERE id = ?");
            del.bind(1, old);
            del.exec();
            result = PutResult::Replaced;
        }
        find.reset();
        SQLite::Statement& ins =
            impl_->prepared(impl_->insert_doc,
                            "INSERT INTO documents(path, name, hash, title, outlet, kind, published, recorded, "
                            "bytes, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?)");
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
        const auto doc_id = db.getLastInsertRowid();
        SQLite::Statement& c =
            impl_->prepared(impl_->insert_claim,
                            "INSERT INTO claims(doc_id, kind, span_begin, span_end, text, value_low, value_high, "
                            "approx, increment, metric, phase, actor, stance, source, via, location, date, date_first, "
                            "date_last, event_date, quote, quote_begin, quote_end, rule) "
                            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        // In order of position, so that the ids of a document's claims are too (listings read
        // them in id order); the extractor gives them so already.
        std::vector<const Claim*> ordered;
        ordered.reserve(claims.size());
        for (const Claim& cl : claims) ordered.push_back(&cl);
        std::stable_sort(ordered.begin(), ordered.end(),
                         [](const Claim* a, const Claim* b) { return a->span.begin < b->span.begin; });
        std::int64_t first_claim = 0;
        for (const Claim* stored : ordered) {
            const Claim& cl = *stored;
            c.reset();
            c.clearBindings();
            c.bind(1, doc_id);
            c.bind(2, std::string(to_string(cl.kind)));
            c.bind(3, static_cast<std::int64_t>(cl.span.begin));
            c.bind(4, static_cast<std::int64_t>(cl.span.end));
            c.bind(5, cl.as_written);
            bind_number(c, 6, cl.value.low);
            bind_number(c, 7, cl.value.high);
            c.bind(8, cl.approx ? 1 : 0);
            c.bind(9, cl.increment ? 1 : 0);
            bind_text(c, 10, cl.metric ? std::string(to_string(*cl.metric)) : std::string{});
            bind_text(c, 11, cl.phase ? std::string(to_string(*cl.phase)) : std::string{});
            bind_text(c, 12, cl.actor);
            bind_text(c, 13, cl.stance ? std::string(to_string(*cl.stance)) : std::string{});
            bind_text(c, 14, cl.source);
            bind_text(c, 15, cl.via);
            bind_text(c, 16, cl.location);
            bind_text(c, 17, cl.date ? cl.date->iso() : std::string{});
            bind_text(c, 18, cl.date ? iso_day(cl.date->first) : std::string{});
            bind_text(c, 19, cl.date ? iso_day(cl.date->last) : std::string{});
            bind_text(c, 20, cl.event_date ? cl.event_date->iso() : std::string{});
            c.bind(21, cl.quote);
            c.bind(22, static_cast<std::int64_t>(cl.quote_span.begin));
            c.bind(23, static_cast<std::int64_t>(cl.quote_span.end));
            c.bind(24, cl.rule);
            c.exec();
            if (first_claim == 0) first_claim = db.getLastInsertRowid();
        }
        if (first_claim != 0) {  // the run of ids the claims took
            SQLite::Statement& run = impl_->prepared(
                impl_->set_claim_run, "UPDATE documents SET first_claim = ?, last_claim = ? WHERE id = ?");
            run.bind(1, first_claim);
            run.bind(2, db.getLastInsertRowid());
            run.bind(3, doc_id);
            run.exec();
        }
        tx.commit();
        return result;
    } catch (const SQLite::Exception& e) {
        throw StoreError(path_, fmt::format("cannot store {}: {}", doc.name, e.what()));
    }
}

namespace {

// Which columns a read gives: those comparing needs (a slim read), or the whole claim.
enum class Columns { Slim, Whole };
// How a read names a claim's document: joined from documents d, or by id from one read of the
// documents table (a join for each of a million claims costs more than a few megabytes of names).
enum class DocColumn { Name, Id };

// The columns ClaimRows::next() reads, from claims c: a slim read's first, then the rest.
std::string select_claims(Columns columns, DocColumn doc) {
    std::string sql = doc == DocColumn::Name ? "SELECT c.id, d.name, " : "SELECT c.id, c.doc_id, ";
    sql +=
        "c.kind, c.span_begin, c.text, c.value_low, c.value_high, c.approx, c.increment, c.metric, c.phase, "
        "c.actor, c.stance, c.source, c.via, c.location, c.date";
    if (columns == Columns::Whole) sql += ", c.span_end, c.event_date, c.quote, c.quote_begin, c.quote_end, c.rule";
    return sql + " ";
}

std::string claims_query(const ClaimFilter& f) {
    // A slim read scans the claims table in storage order: no join, no index, no sort. A whole
    // one walks documents by name and reads each one's run of claims in id order, which is the
    // order of their positions (schema version 4: the run holds the document's claims and no
    // others, so c.doc_id need not be read again). The filters on claims are written +c.x so
    // that SQLite never builds an index of its own for one.
    std::string sql = f.slim ? select_claims(Columns::Slim, DocColumn::Id) + "FROM claims c WHERE 1=1"
                             : select_claims(Columns::Whole, DocColumn::Name) +
                                   "FROM documents d INDEXED BY documents_by_name CROSS JOIN claims c "
                                   "ON c.id BETWEEN d.first_claim AND d.last_claim WHERE 1=1";
    if (f.metric) sql += " AND +c.metric = :metric";
    if (f.phase) sql += " AND +c.phase = :phase";
    if (!f.source.empty()) sql += " AND +c.source = :source";
    if (!f.doc.empty())
        sql += f.slim ? " AND c.doc_id IN (SELECT id FROM documents WHERE name = :doc)" : " AND d.name = :doc";
    if (f.since) sql += " AND +c.date_last >= :since";
    if (f.until) sql += " AND +c.date_first <= :until";
    if (!f.slim) sql += " ORDER BY d.name, d.id, c.id";
    return sql;
}

// The rows of claims_query(), read with SQLite's C interface: SQLiteCpp's column objects cost
// two atomic operations each, and a listing reads 23 columns of a million rows.
class ClaimRows {
public:
    // `sql` selects select_claims(columns, doc).
    ClaimRows(SQLite::Database& db, const std::string& sql, Columns columns, DocColumn doc)
        : db_(db), slim_(columns == Columns::Slim), docs_by_id_(doc == DocColumn::Id) {
        // A read passes over each page once or twice: 1 MB of cache stays in the processor's
        // own caches and is quick to fill, where the writer's 16 MB cost a page fault for each
        // 4 KB (a listing of a million claims took 0.07 s longer with it).
        cache_pages_ = db.execAndGet("PRAGMA cache_size").getInt();
        db.exec("PRAGMA cache_size = -1024");
        check(sqlite3_prepare_v2(db.getHandle(), sql.c_str(), -1, &st_, nullptr));
        if (docs_by_id_) doc_names();
    }
    // The claims matching a filter.
    ClaimRows(SQLite::Database& db, const ClaimFilter& f)
        : ClaimRows(db, claims_query(f), f.slim ? Columns::Slim : Columns::Whole,
                    f.slim ? DocColumn::Id : DocColumn::Name) {
        if (f.metric) bind(":metric", to_string(*f.metric));
        if (f.phase) bind(":phase", to_string(*f.phase));
        if (!f.source.empty()) bind(":source", f.source);
        if (!f.doc.empty()) bind(":doc", f.doc);
        if (f.since) bind(":since", iso_day(*f.since));
        if (f.until) bind(":until", iso_day(*f.until));
    }
    ~ClaimRows() {
        sqlite3_finalize(st_);
        sqlite3_exec(db_.getHandle(), fmt::format("PRAGMA cache_size = {}", cache_pages_).c_str(), nullptr, nullptr,
                     nullptr);
    }
    ClaimRows(const ClaimRows&) = delete;
    ClaimRows& operator=(const ClaimRows&) = delete;

    // Fills `c` from the next row, assigned in place (a reused Claim allocates nothing once its
    // strings have grown); false after the last.
    bool next(Claim& c) {
        const int rc = sqlite3_step(st_);
        if (rc == SQLITE_DONE) return false;
        if (rc != SQLITE_ROW) check(rc);
        c.id = sqlite3_value_int64(value(0));
        c.doc = docs_by_id_ ? doc_name(1) : text(1);
        c.kind = parse_kind(text(2)).value_or(ClaimKind::Figure);
        c.span.begin = size(3);
        c.as_written = text(4);
        c.value.low = number(5);
        c.value.high = number(6);
        c.approx = flag(7);
        c.increment = flag(8);
        c.metric = parse_metric(text(9));
        c.phase = parse_phase(text(10));
        c.actor = text(11);
        c.stance = parse_stance(text(12));
        c.source = text(13);
        c.via = text(14);
        c.location = text(15);
        c.date = parse_iso_range(text(16));
        if (slim_) {  // Columns::Slim ends here
            c.span.end = c.span.begin;
            return true;
        }
        c.span.end = size(17);
        const auto event = text(18);
        c.event_date = event.empty() ? std::nullopt : parse_iso_range(event);
        c.quote = text(19);
        c.quote_span = {size(20), size(21)};
        c.rule = text(22);
        return true;
    }

    // Runs the statement again with :id bound to `id`.
    void rewind(std::int64_t id) {
        check(sqlite3_reset(st_));
        check(sqlite3_bind_int64(st_, sqlite3_bind_parameter_index(st_, ":id"), id));
    }

private:
    std::string_view doc_name(int i) const {
        const auto doc = static_cast<std::size_t>(sqlite3_value_int64(value(i)));
        return doc < names_.size() ? std::string_view(names_[doc]) : std::string_view{};
    }

    // Every document's name by id, for DocColumn::Id.
    void doc_names() {
        sqlite3_stmt* st = nullptr;
        check(sqlite3_prepare_v2(db_.getHandle(), "SELECT id, name FROM documents", -1, &st, nullptr));
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            const auto id = static_cast<std::size_t>(sqlite3_column_int64(st, 0));
            if (id >= names_.size()) names_.resize(id + 1);
            names_[id] = reinterpret_cast<const char*>(sqlite3_column_text(st, 1));
        }
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE) check(rc);
    }

    void check(int rc) const {
        if (rc != SQLITE_OK) throw SQLite::Exception(db_.getHandle(), rc);
    }
    void bind(const char* name, std::string_view value) {
        check(sqlite3_bind_text(st_, sqlite3_bind_parameter_index(st_, name), value.data(),
                                static_cast<int>(value.size()), SQLITE_TRANSIENT));
    }
    // Columns are read through their values: sqlite3_column_text() and its kind each check the
    // statement and the connection's error state again (the calls for a listing of 460,000
    // claims took 0.23 s, now 0.13 s). The values are "unprotected", which only matters to a
    // connection shared between threads, and ours never is (see Impl).
    sqlite3_value* value(int i) const { return sqlite3_column_value(st_, i); }
    std::string_view text(int i) const {
        sqlite3_value* v = value(i);
        const auto* t = reinterpret_cast<const char*>(sqlite3_value_text(v));
        return t ? std::string_view(t, static_cast<std::size_t>(sqlite3_value_bytes(v))) : std::string_view{};
    }
    std::size_t size(int i) const { return static_cast<std::size_t>(sqlite3_value_int64(value(i))); }
    bool flag(int i) const { return sqlite3_value_int(value(i)) != 0; }
    std::optional<double> number(int i) const {
        sqlite3_value* v = value(i);
        if (sqlite3_value_type(v) == SQLITE_NULL) return std::nullopt;
        return sqlite3_value_double(v);
    }

    SQLite::Database& db_;
    sqlite3_stmt* st_ = nullptr;
    bool slim_;
    bool docs_by_id_;
    int cache_pages_ = 0;             // the connection's cache_size, given back when done
    std::vector<std::string> names_;  // with docs_by_id_: document names by id
};

}  // namespace

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
        SQLite::Transaction read(impl_->db);  // one read transaction, not one per claim
        ClaimRows rows(impl_->db, select_claims(Columns::Whole, DocColumn::Id) + "FROM claims c WHERE c.id = :id",
                       Columns::Whole, DocColumn::Id);
        for (std::size_t i : order) {
            rows.rewind(ids[i]);
            if (!rows.next(out[i]))
                throw StoreError(path_,
                                 fmt::format("claim {} is gone: the database changed while it was read", ids[i]));
        }
        read.commit();
    } catch (const SQLite::Exception& e) {
        throw StoreError(path_, e.what());
    }
    return out;
}

void Store::put_conflicts(const std::vector<Conflict>& conflicts) {
    auto& db = impl_->db;
    try {
        SQLite::Transaction tx(db);
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
