#include "storage/log_maintenance.hpp"

#include <vector>

#include "engine/event.hpp"
#include "storage/event_rows.hpp"
#include "storage/projections.hpp"
#include "storage/schema.hpp"
#include "storage/sqlite_impl.hpp"

namespace cvtrack::storage {

namespace {

std::string describe(const engine::RecordedEvent& e) {
  return "event " + std::to_string(e.seq) + " (" + e.stream + " v" + std::to_string(e.version) + ", " +
         e.event.type + ")";
}

// The first link that does not hold, or "" when the chain is whole; counts
// every event. Reads the log once in seq order, one row at a time.
engine::Result<std::string> check_chain(SQLite::Database& db, std::int64_t& count) {
  SQLite::Statement q(db, std::string("SELECT ") + kEventColumns + " FROM events ORDER BY seq");
  std::int64_t expected_seq = 1;
  std::string prev = engine::kGenesisHash;
  std::string problem;
  while (q.executeStep()) {
    auto row = read_event_row(q);
    if (!row) return row.error();
    const engine::RecordedEvent& e = *row;
    ++count;
    if (!problem.empty()) continue;
    if (e.seq != expected_seq)
      problem = "event " + std::to_string(expected_seq) + " is missing (the next is " + std::to_string(e.seq) + ")";
    else if (e.prev_hash != prev)
      problem = describe(e) + ": does not link to the event before it";
    else if (e.hash != engine::compute_hash(e))
      problem = describe(e) + ": its contents do not match its hash (altered)";
    prev = e.hash;
    ++expected_seq;
  }
  return problem;
}

std::vector<std::string> dump_table(SQLite::Database& db, const ProjectionTable& table) {
  SQLite::Statement q(db, std::string("SELECT * FROM ") + table.name + " ORDER BY " + table.order_by);
  std::vector<std::string> rows;
  while (q.executeStep()) {
    nlohmann::json row = nlohmann::json::array();
    for (int i = 0; i < q.getColumnCount(); ++i) {
      SQLite::Column c = q.getColumn(i);
      if (c.isNull()) row.push_back(nullptr);
      else if (c.isInteger()) row.push_back(c.getInt64());
      else row.push_back(c.getString());
    }
    rows.push_back(row.dump());
  }
  return rows;
}

// The first row where the stored projection and the replay differ.
std::string compare_projections(SQLite::Database& stored, SQLite::Database& replayed) {
  for (const auto& table : kProjectionTables) {
    auto have = dump_table(stored, table);
    auto want = dump_table(replayed, table);
    for (std::size_t i = 0; i < std::max(have.size(), want.size()); ++i) {
      if (i < have.size() && i < want.size() && have[i] == want[i]) continue;
      std::string row = i < have.size() ? have[i] : want[i];
      return std::string("projection ") + table.name + " differs from a replay of the log at row " + row +
             " (run `cvtrack rebuild`)";
    }
  }
  return "";
}

}  // namespace

engine::Result<VerifyReport> verify_log(SqliteDatabase& database) {
  VerifyReport report;
  try {
    SQLite::Database& db = database.impl().db;
    // One read transaction: the chain and the projections from one snapshot.
    SQLite::Transaction snapshot(db);
    auto chain = check_chain(db, report.events);
    if (!chain) {
      report.ok = false;
      report.problem = chain.error().message;
      return report;
    }
    report.problem = *chain;
    if (report.problem.empty()) {
      auto scratch = SqliteDatabase::open(":memory:");
      if (!scratch) return scratch.error();
      SQLite::Transaction replay((*scratch)->impl().db);
      auto projected = project_all(db, (*scratch)->impl().statements);
      if (!projected) {
        report.ok = false;
        report.problem = projected.error().message;
        return report;
      }
      replay.commit();
      report.problem = compare_projections(db, (*scratch)->impl().db);
    }
    report.ok = report.problem.empty();
    return report;
  } catch (const SQLite::Exception& e) {
    return sqlite_error(e, database.path() + ": verifying the event log");
  }
}

engine::Result<std::int64_t> rebuild_projections(SqliteDatabase& database) {
  try {
    SQLite::Database& db = database.impl().db;
    SQLite::Transaction txn(db, SQLite::TransactionBehavior::IMMEDIATE);
    auto replayed = project_all(db, database.impl().statements);
    if (!replayed) return replayed.error();
    txn.commit();
    return *replayed;
  } catch (const SQLite::Exception& e) {
    return sqlite_error(e, database.path() + ": rebuilding the projections");
  }
}

}  // namespace cvtrack::storage
