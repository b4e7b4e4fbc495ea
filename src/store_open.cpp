#include "store_open.hpp"

#include <fmt/format.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "nkclaims/error.hpp"
#include "store_schema.hpp"

namespace nkclaims::store_open {
namespace {

// A reader of a WAL database needs its -wal and -shm files, and creates them when they are
// missing; in a folder it may not write, it cannot. There, with no -wal file (no writer has
// committed since the last checkpoint: the file alone holds the database), it reads the file as
// immutable, without those files.
std::string readonly_name(const std::string& path) {
    std::error_code ec;
    const auto folder = std::filesystem::absolute(path, ec).parent_path();
    if (::access(folder.c_str(), W_OK) == 0 || std::filesystem::exists(path + "-wal", ec)) return path;
    std::string uri = "file:";
    for (const char c : path)
        uri += c == '?' || c == '#' || c == '%' ? fmt::format("%{:02X}", static_cast<unsigned char>(c))
                                                : std::string(1, c);
    return uri + "?immutable=1";
}

}  // namespace

int checked_version(SQLite::Database& db, const std::string& path, Access access) {
    const int version = db.execAndGet("PRAGMA user_version").getInt();
    if (version > kSchemaVersion)
        throw StoreError(
            path, fmt::format("database schema version {} is newer than this nkclaims ({})", version, kSchemaVersion));
    if (version == 0 && db.execAndGet("SELECT count(*) FROM sqlite_master").getInt() > 0)
        throw StoreError(path, "not an nkclaims database (it holds other tables)");
    if (access == Access::ReadOnly && version == 0 && path != ":memory:")
        throw StoreError(path, std::string(kNoDatabase));
    if (access == Access::ReadOnly && version < kSchemaVersion && path != ":memory:")
        throw StoreError(path, fmt::format("database schema version {} is older than this nkclaims ({}): the next "
                                           "nkclaims ingest into it migrates it (keeping a backup)",
                                           version, kSchemaVersion));
    return version;
}

void migrate(SQLite::Database& db, const std::string& path) {
    // Under the write lock, and looked at again: another process may have just done it.
    db.exec("BEGIN IMMEDIATE");
    try {
        int version = checked_version(db, path, Access::ReadWrite);
        if (version == 0) {
            db.exec(store_schema::kSchema);
            version = 1;
        }
        for (int v = version; v < kSchemaVersion; ++v) db.exec(store_schema::kMigrations[v - 1]);
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

std::string connection_name(const std::string& path, Access access) {
    return access == Access::ReadOnly && path != ":memory:" ? readonly_name(path) : path;
}

int flags(Access access) {
    return (access == Access::ReadOnly ? SQLite::OPEN_READONLY | SQLite::OPEN_URI
                                       : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE) |
           SQLite::OPEN_NOMUTEX;
}

}  // namespace nkclaims::store_open
