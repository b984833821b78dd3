#include "storage/read_snapshot.hpp"

#include <sqlite3.h>

#include <string>

namespace cvtrack::storage {

namespace {
// Prepared once per connection, like the write path's BEGIN and COMMIT.
const std::string kBeginRead = "BEGIN";
const std::string kEndRead = "COMMIT";
}  // namespace

ReadSnapshot::ReadSnapshot(SqliteDatabase::Impl& db)
    : db_(db), began_(sqlite3_get_autocommit(db.db.getHandle()) != 0) {
  if (began_) db_.statements.get(kBeginRead)->exec();
}

ReadSnapshot::~ReadSnapshot() {
  sqlite3* handle = db_.db.getHandle();
  if (!began_ || sqlite3_get_autocommit(handle) != 0) return;
  // Ending a read cannot lose anything; should it fail, the rollback still
  // lets go of the snapshot so the log can be checkpointed past it.
  try {
    db_.statements.get(kEndRead)->exec();
  } catch (const SQLite::Exception&) {
    sqlite3_exec(handle, "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

}  // namespace cvtrack::storage
