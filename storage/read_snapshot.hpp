// storage/read_snapshot.hpp
//
// One read transaction around a read's statements, when none is open.
// Without it each statement begins and ends a read transaction of its
// own: SQLite takes and drops its shared lock (fcntl and fstat system
// calls) and checks the log for commits each time, and the statements can
// see different commits (perf: ~10% of GET /api/tasks answering 500
// rows). Inside a transaction already open (a write on the
// engine strand) it does nothing. Private to storage/.
#pragma once

#include "storage/sqlite_impl.hpp"

namespace cvtrack::storage {

class ReadSnapshot {
 public:
  explicit ReadSnapshot(SqliteDatabase::Impl& db);
  ~ReadSnapshot();
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  SqliteDatabase::Impl& db_;
  bool began_;
};

}  // namespace cvtrack::storage
