// The store's claims table, private to the store: which column holds which field of a Claim
// (one table, kClaimColumns in store_rows.cpp, from which the INSERT, the SELECT lists and the
// reading of a row are all made), and ClaimRows, the reader of query results.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nkclaims/claim.hpp"
#include "nkclaims/store.hpp"

namespace nkclaims::store_rows {

// Which columns a read gives: those comparing needs (a slim read), or the whole claim.
enum class Columns { Slim, Whole };
// How a read names a claim's document: joined from documents d, or by id from one read of the
// documents table (a join for each of a million claims costs more than a few megabytes of names).
enum class DocColumn { Name, Id };

// "INSERT INTO claims(doc_id, ...) VALUES (?, ...)" over every column of the table.
const std::string& insert_claim_sql();
// Binds doc_id and every column of `c` to a statement of insert_claim_sql().
void bind_claim(SQLite::Statement& st, std::int64_t doc_id, const Claim& c);

// "SELECT c.id, <doc>, <columns> " for ClaimRows, from claims c (and documents d for Name).
std::string select_claims(Columns columns, DocColumn doc);
// The query of a filter (see ClaimFilter), with its parameters named.
std::string claims_query(const ClaimFilter& f);

// The rows of a query made with select_claims(), read with SQLite's C interface: SQLiteCpp's
// column objects cost two atomic operations each, and a listing reads 23 columns of a million
// rows.
class ClaimRows {
public:
    // `sql` selects select_claims(columns, doc).
    ClaimRows(SQLite::Database& db, const std::string& sql, Columns columns, DocColumn doc);
    // The claims matching a filter.
    ClaimRows(SQLite::Database& db, const ClaimFilter& f);
    ~ClaimRows();
    ClaimRows(const ClaimRows&) = delete;
    ClaimRows& operator=(const ClaimRows&) = delete;

    // Fills `c` from the next row, assigned in place (a reused Claim allocates nothing once its
    // strings have grown); false after the last.
    bool next(Claim& c);
    // Runs the statement again with :id bound to `id`.
    void rewind(std::int64_t id);

private:
    std::string_view doc_name(int i) const;
    void doc_names();  // every document's name by id, for DocColumn::Id
    void check(int rc) const;
    void bind(const char* name, std::string_view value);

    SQLite::Database& db_;
    sqlite3_stmt* st_ = nullptr;
    bool slim_;
    bool docs_by_id_;
    int cache_pages_ = 0;             // the connection's cache_size, given back when done
    std::vector<std::string> names_;  // with docs_by_id_: document names by id
};

}  // namespace nkclaims::store_rows
