// Opening the store's file, private to the store: the checks that refuse a database before
// anything is written to it, the creation and migration of its schema, and how a read-only
// connection is opened.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>
#include <string_view>

#include "nkclaims/store.hpp"

namespace nkclaims::store_open {

inline constexpr std::string_view kNoDatabase = "no nkclaims database here (create one with nkclaims ingest)";

// The schema version of an open database, after the checks that refuse it: a newer schema,
// another program's tables; for reading only, also no schema yet or an older one. Reads only;
// throws StoreError naming `path`.
int checked_version(SQLite::Database& db, const std::string& path, Access access);

// Creates or migrates the schema to kSchemaVersion in one transaction, under the write lock.
void migrate(SQLite::Database& db, const std::string& path);

// What SQLite is given to open `path` with `access`: the path, or a URI for a read-only one.
std::string connection_name(const std::string& path, Access access);
// SQLite's open flags for `access`: read-only never creates.
int flags(Access access);

}  // namespace nkclaims::store_open
