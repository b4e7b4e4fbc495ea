// The store: one SQLite file (or ":memory:") holding documents, their claims and provenance.
// It is the only module that knows SQLite. Every write of a document is one transaction: a
// failure leaves the database as it was.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "nkclaims/claim.hpp"
#include "nkclaims/conflicts.hpp"
#include "nkclaims/document.hpp"

namespace nkclaims {

// Version 1: documents, claims, v_claims. Version 2: conflicts, conflict_claims, v_conflicts.
// Version 3: documents_by_name; claims_by_doc carries the metric; no other index on claims.
// Version 4: documents hold the run of ids of their claims (first_claim, last_claim).
// Version 5: claims(hypothetical, about), CONTRACT.md version 2.
// Version 6: v_latest, the latest figure of each source for each actor, metric and phase.
inline constexpr int kSchemaVersion = 6;

// A fast content hash of a file's bytes (XXH3, 128 bits, hex), to skip unchanged files.
std::string content_hash(std::string_view bytes);

struct StoredDocument {
    std::string path;  // canonical path: the document's identity
    std::string name;
    std::string hash;
    DocumentMeta meta;
    std::size_t bytes = 0;
    std::size_t claims = 0;
};

// What `claims` and `conflicts` read; every filter is bound as a parameter, never pasted.
struct ClaimFilter {
    std::optional<Metric> metric;
    std::optional<Phase> phase;
    std::string source;
    std::string doc;  // file name
    std::optional<Day> since;
    std::optional<Day> until;
    // Only what comparing claims needs (no quote, rule or span end), in storage
    // order: for finding conflicts over a large database.
    bool slim = false;
};

enum class PutResult { Added, Replaced, Unchanged };

// How a store is opened. A read-only store never creates, migrates or writes the file.
enum class Access { ReadWrite, ReadOnly };

class Store {
public:
    // Opens or creates the database; ":memory:" for a private one. An older schema is migrated
    // in one transaction after a backup of the file (FILE.vN.backup). Throws StoreError naming
    // the file: not a database, corrupt, newer schema, cannot be created. A database refused is
    // left byte for byte as it was: it is checked before anything is written (WAL included).
    // Access::ReadOnly opens an existing nkclaims database for reading only, and throws
    // StoreError when there is none ("no nkclaims database here") or its schema is older.
    explicit Store(const std::string& path, Access access = Access::ReadWrite);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    // True when the document at canonical `path` is stored with content `hash`, as committed.
    // Threads may ask this while another writes (a file has a reader connection for it).
    bool unchanged(const std::string& path, const std::string& hash) const;
    // Stores a document and its claims atomically, replacing what the same path held: in its own
    // transaction, or inside a batch as a savepoint that a failure rolls back alone.
    PutResult put(const StoredDocument& doc, const std::vector<Claim>& claims);
    // Groups many put() calls into one transaction: commits cost a lock and a WAL write each.
    // A killed process leaves the database without the open batch's documents.
    void begin_batch();
    void commit_batch();
    // True between begin_batch() and commit_batch().
    bool in_batch() const;
    // The number of stored claims, and of documents.
    std::size_t claim_count() const { return count("claims"); }
    // At least the number of stored claims (the largest id), read at once: room to reserve.
    std::size_t claims_at_most() const;
    std::size_t document_count() const { return count("documents"); }
    // Claims matching the filter, ordered by document name and position: the same database
    // always gives the same order.
    std::vector<Claim> claims(const ClaimFilter& f) const;
    // The same claims, in the same order, one at a time: a million rows never held at once.
    // `each` must not keep the reference.
    void for_each_claim(const ClaimFilter& f, const std::function<void(const Claim&)>& each) const;
    // The claims with these ids, whole, in the order asked: those a report shows. Throws
    // StoreError when one is not stored.
    std::vector<Claim> claims_by_id(const std::vector<std::int64_t>& ids) const;
    std::vector<StoredDocument> documents() const;
    // Replaces the stored conflicts (what v_conflicts shows) in one transaction, or inside the
    // open batch. Claims must come from this store (their ids).
    void put_conflicts(const std::vector<Conflict>& conflicts);
    const std::string& path() const { return path_; }

    // While it lives, every read of the store sees one committed state (one read transaction),
    // whatever other processes commit meanwhile: reads that depend on each other (the claims a
    // report lists, then some of them by id) agree. Inside a batch or another snapshot it adds
    // nothing: those already read one state.
    class Snapshot {
    public:
        explicit Snapshot(const Store& store);
        ~Snapshot();
        Snapshot(const Snapshot&) = delete;
        Snapshot& operator=(const Snapshot&) = delete;

    private:
        const Store& store_;
        bool began_ = false;
    };

private:
    void open();  // throws SQLite's exceptions; the constructor retries a busy database
    std::size_t count(const char* table) const;
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::string path_;
    Access access_;
};

}  // namespace nkclaims
