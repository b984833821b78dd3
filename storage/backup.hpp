// storage/backup.hpp
//
// `cvtrack backup FILE`: a consistent copy of a live database. SQLite's
// online backup API copies every page in one step, under one read
// transaction of the source: with WAL, writers (a running `cvtrack serve`,
// other commands) go on meanwhile, and the copy is the database as of one
// commit — never half of a write group.
//
// The copy is written next to `target` under a temporary name, checked with
// verify_log (hash chain and projections), turned into a single file (no
// -wal beside it), synced, and only then renamed onto `target`. A failure at
// any point (a full disk, a copy that does not verify) removes the temporary
// file: nothing half-written is ever left at `target`.
#pragma once

#include <cstdint>
#include <string>

#include "engine/result.hpp"
#include "storage/sqlite_database.hpp"

namespace cvtrack::storage {

struct BackupReport {
  std::string target;
  std::int64_t events = 0;  // in the copy, counted by verify_log
  int pages = 0;            // copied
};

// Errors: bad_input when `target` exists and `overwrite` is false, or when it
// is the source itself; unavailable when the disk is full or the source stays
// busy; internal when the copy does not verify.
engine::Result<BackupReport> backup_database(SqliteDatabase& source, const std::string& target, bool overwrite);

}  // namespace cvtrack::storage
