#include "storage/sqlite_database.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <functional>
#include <vector>

#include "storage/schema.hpp"
#include "storage/sqlite_impl.hpp"

namespace cvtrack::storage {

engine::Error sqlite_error(const SQLite::Exception& e, const std::string& what) {
  int code = e.getErrorCode();
  // A full disk is the operator's to fix, not a bug: it is said plainly and
  // maps to "unavailable" (HTTP 503), like a busy database.
  if ((code & 0xff) == SQLITE_FULL)
    return engine::make_error(engine::ErrorCode::unavailable,
                              what + ": the disk is full (" + e.what() +
                                  "); nothing was written: free some space and try again");
  engine::ErrorCode ours = code == SQLITE_BUSY || code == SQLITE_LOCKED ? engine::ErrorCode::unavailable
                           : code == SQLITE_CONSTRAINT                   ? engine::ErrorCode::conflict
                                                                         : engine::ErrorCode::internal;
  std::string hint = ours == engine::ErrorCode::unavailable ? " (the database is busy; try again)" : "";
  return engine::make_error(ours, what + ": " + e.what() + hint);
}

namespace {

// Each step moves the schema from version i to i + 1. Steps are never edited
// once released; a change is a new step.
const std::vector<std::function<void(SQLite::Database&)>>& migrations() {
  static const std::vector<std::function<void(SQLite::Database&)>> steps = {
      [](SQLite::Database& db) {
        db.exec(R"sql(
          CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        )sql");
      },
      [](SQLite::Database& db) { db.exec(kEventLogSchemaV2); },
      [](SQLite::Database& db) { db.exec(kServeSchemaV3); },
      [](SQLite::Database& db) { db.exec(kReadIndexesV4); },
      [](SQLite::Database& db) { db.exec(kOverdueMarksV5); },
      [](SQLite::Database& db) { db.exec(kTasksInIdOrderV6); },
      [](SQLite::Database& db) { db.exec(kOpenTaskColumnV7); },
      [](SQLite::Database& db) { db.exec(kOpenPeriodicTasksV8); },
      [](SQLite::Database& db) { db.exec(kOneHolderIndexV9); },
  };
  return steps;
}

void migrate(SQLite::Database& db) {
  int version = db.execAndGet("PRAGMA user_version").getInt();
  const auto& steps = migrations();
  while (version < int(steps.size())) {
    SQLite::Transaction txn(db);
    steps[std::size_t(version)](db);
    ++version;
    db.exec("PRAGMA user_version = " + std::to_string(version));
    txn.commit();
  }
}

}  // namespace

SqliteDatabase::SqliteDatabase(std::string path, std::unique_ptr<Impl> impl)
    : path_(std::move(path)), impl_(std::move(impl)) {}

SqliteDatabase::~SqliteDatabase() = default;

namespace {

// SQLite keeps memory statistics by default, under one mutex for the whole
// process: every allocation of every connection took it, and serve's
// threads queued on it (perf at 64 clients: ~5% of serve's CPU in futex
// calls from sqlite3Malloc). Nothing here reads those statistics. The
// setting is only accepted before SQLite initializes, so it is made before
// the first connection opens; should something have used SQLite earlier in
// the process, it is refused and the statistics stay on, which costs only
// time.
void configure_sqlite_once() {
  static const bool configured = [] {
    (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
}

}  // namespace

engine::Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::open(const std::string& path) {
  configure_sqlite_once();
  try {
    auto impl = std::make_unique<Impl>(path);
    impl->db.setBusyTimeout(5000);
    impl->db.exec("PRAGMA journal_mode = WAL");
    impl->db.exec("PRAGMA synchronous = FULL");
    impl->db.exec("PRAGMA foreign_keys = ON");
    int found = impl->db.execAndGet("PRAGMA user_version").getInt();
    if (found > kSchemaVersion)
      return engine::make_error(engine::ErrorCode::bad_input,
                                path + ": database schema version " + std::to_string(found) +
                                    " is newer than this cvtrack understands (" +
                                    std::to_string(kSchemaVersion) + ")");
    migrate(impl->db);
    return std::unique_ptr<SqliteDatabase>(new SqliteDatabase(path, std::move(impl)));
  } catch (const SQLite::Exception& e) {
    return engine::make_error(engine::ErrorCode::unavailable, path + ": " + e.what());
  }
}

int SqliteDatabase::schema_version() const {
  return impl_->db.execAndGet("PRAGMA user_version").getInt();
}

}  // namespace cvtrack::storage
