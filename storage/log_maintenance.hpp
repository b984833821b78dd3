// storage/log_maintenance.hpp
//
// `cvtrack verify` and `cvtrack rebuild`. verify walks the hash chain from
// the first event and then replays the whole log into a scratch database and
// compares every projection row with the real ones; it names the first event
// (or projection row) that breaks. rebuild recreates the projections from
// the log in one transaction; the log itself is never touched.
#pragma once

#include <cstdint>
#include <string>

#include "engine/result.hpp"
#include "storage/sqlite_database.hpp"

namespace cvtrack::storage {

struct VerifyReport {
  std::int64_t events = 0;
  bool ok = true;
  std::string problem;  // set when !ok: "event 7 (T1.3 v2, progress_reported): ..."
};

// An Error only when the database cannot be read; a broken chain or a stale
// projection is a report with ok == false.
engine::Result<VerifyReport> verify_log(SqliteDatabase& database);

// Returns how many events were replayed.
engine::Result<std::int64_t> rebuild_projections(SqliteDatabase& database);

}  // namespace cvtrack::storage
