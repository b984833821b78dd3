// (2) Durable commands one at a time: each its own transaction through the
// engine's CommandService on storage::SqliteEventStore (WAL,
// synchronous=FULL), against raw SQLite single-row INSERT commits of rows the
// same size, with the same pragmas, in the same directory.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>


#include "storage/sqlite_impl.hpp"
#include "tests/bench/database_files.hpp"
#include "tests/bench/figures.hpp"
#include "tests/bench/measure.hpp"

namespace cvtrack::bench {

double measure_fdatasync(const std::string& dir) {
  return percentiles(fdatasync_latencies_ms(dir, 200)).p50;
}

std::size_t mean_event_row_bytes(const std::string& db_path, std::int64_t after_seq) {
  SQLite::Database raw(db_path, SQLite::OPEN_READONLY);
  SQLite::Statement q(raw, "SELECT COALESCE(AVG(length(stream) + length(type) + length(payload) + length(actor) + "
                           "length(recorded_at) + length(effective_on) + length(prev_hash) + length(hash)), 0) "
                           "FROM events WHERE seq > ?");
  q.bind(1, after_seq);
  q.executeStep();
  return std::size_t(q.getColumn(0).getDouble());
}

std::vector<double> raw_single_commits_ms(const std::string& path, std::size_t row_bytes, int min_count,
                                          double min_seconds) {
  remove_database(path);
  SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  raw.exec("PRAGMA journal_mode = WAL");
  raw.exec("PRAGMA synchronous = FULL");
  raw.exec("CREATE TABLE events (seq INTEGER PRIMARY KEY, payload TEXT NOT NULL)");
  SQLite::Statement insert(raw, "INSERT INTO events (payload) VALUES (?)");
  std::string payload(row_bytes, 'x');
  std::vector<double> ms;
  Stopwatch all;
  while (ms.size() < std::size_t(min_count) || all.seconds() < min_seconds) {
    Stopwatch w;
    SQLite::Transaction txn(raw, SQLite::TransactionBehavior::IMMEDIATE);
    insert.bind(1, payload);
    insert.exec();
    insert.reset();
    txn.commit();
    ms.push_back(w.ms());
  }
  return ms;
}


namespace {

// Pages the connection's pager has written (to the WAL) so far: what a
// commit costs in the log beside its fdatasync, and what the raw insert
// writes one or two of.
int pages_written(storage::SqliteDatabase& database) {
  int current = 0, highest = 0;
  sqlite3_db_status(database.impl().db.getHandle(), SQLITE_DBSTATUS_CACHE_WRITE, &current, &highest, 0);
  return current;
}

}  // namespace

double figure_durable(Engine& engine, const std::vector<std::string>& tasks, int count,
                      const std::string& work_dir, Report& report) {
  if (tasks.empty())
    throw std::runtime_error("(2) durable commands: no task left to acknowledge in " + engine.database->path() +
                             " (a database reused with --reuse after a run that acted on all of them: run without "
                             "--reuse)");
  SQLite::Database probe(engine.database->path(), SQLite::OPEN_READONLY);
  std::int64_t before = probe.execAndGet("SELECT COALESCE(MAX(seq), 0) FROM events").getInt64();
  engine::Date today = *engine::parse_iso_date(Workload::kRegisteredOn);
  // Acknowledge, then report progress: two commands a task, spread over the
  // log (every k-th task), each one transaction.
  std::vector<double> ms;
  int pages_before = pages_written(*engine.database);
  std::size_t step = std::max<std::size_t>(1, tasks.size() / std::size_t(count));
  for (int i = 0; i < count; ++i) {
    const std::string& id = tasks[(std::size_t(i / 2) * step * 2) % tasks.size()];
    engine::TaskRequest request{id, engine::Acknowledge{}, std::nullopt, today, ""};
    if (i % 2) request.command = engine::ReportProgress{50, "Đã triển khai đến các thôn"};
    Stopwatch w;
    auto done = engine.service->execute(request);
    ms.push_back(w.ms());
    if (!done) throw std::runtime_error(id + ": " + done.error().message);
  }
  double pages = double(pages_written(*engine.database) - pages_before) / count;
  std::size_t row_bytes = mean_event_row_bytes(engine.database->path(), before);
  std::vector<double> raw = raw_single_commits_ms(work_dir + "/raw-single.db", row_bytes, count, 0);
  Percentiles ours = percentiles(ms), base = percentiles(raw);
  double rate = 1e3 / ours.mean, raw_rate = 1e3 / base.mean;
  report.add({"(2) durable commands one at a time (ack, progress; target >= 0.5x)",
              num(rate) + " commands/s (p50 " + num(ours.p50) + " ms, p99 " + num(ours.p99) + " ms; " + num(pages) +
                  " pages written a command)",
              "raw INSERT commits of " + std::to_string(row_bytes) + " B: " + num(raw_rate) + "/s (p50 " +
                  num(base.p50) + " ms)",
              ratio(rate, raw_rate)});
  return rate;
}

}  // namespace cvtrack::bench
