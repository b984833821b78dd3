// tests/bench/figures.hpp
//
// The figures of issue 6, one function each, and what they share. Each adds
// its rows (value, baseline measured in the same run, ratio) to the Report.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "engine/clock.hpp"
#include "engine/command_service.hpp"
#include "storage/sqlite_database.hpp"
#include "storage/sqlite_event_store.hpp"
#include "tests/bench/http_harness.hpp"
#include "tests/bench/report.hpp"
#include "tests/bench/workload.hpp"

namespace cvtrack::workflows {
class BodyDirectory;
}

namespace cvtrack::bench {

struct Corpus {
  std::vector<GeneratedDocument> documents;
  std::int64_t expected_tasks = 0;
  std::size_t bytes = 0;
};

// The database under test with the engine over it (FixedClock at the
// registration date: runs are repeatable).
struct Engine {
  std::unique_ptr<storage::SqliteDatabase> database;
  std::unique_ptr<storage::SqliteEventStore> store;
  std::unique_ptr<engine::FixedClock> clock;
  std::unique_ptr<engine::WorkingDays> calendar;
  std::unique_ptr<engine::CommandService> service;
};
Engine open_engine(const std::string& path);

// (1) reading: documents/s and MB/s against counting the lines of the same bytes.
void figure_parse(const Corpus& corpus, const workflows::BodyDirectory& directory, Report& report);

// The disk's write+fdatasync latency (p50, ms); printed on the machine line.
double measure_fdatasync(const std::string& dir);

// The mean size of the event rows written after `after_seq` (what the raw
// baselines of (2) and (3) write per commit).
std::size_t mean_event_row_bytes(const std::string& db_path, std::int64_t after_seq);

// The raw SQLite baseline of (2) and (3): single-row INSERT commits of
// `row_bytes` into a fresh WAL database at `path` with synchronous=FULL, one
// transaction each, until at least `min_count` and `min_seconds`; ms each.
std::vector<double> raw_single_commits_ms(const std::string& path, std::size_t row_bytes, int min_count,
                                          double min_seconds);

// (4) bulk ingest. Registers the corpus in batches through
// CommandService::register_documents; `at_checkpoint(tasks)` runs (outside
// the timing) each time the registered tasks pass the next checkpoint.
// Returns the registered task ids, in order.
std::vector<std::string> figure_ingest(Engine& engine, const Corpus& corpus, const workflows::BodyDirectory& dir,
                                       const std::vector<std::int64_t>& checkpoints,
                                       const std::function<void(std::int64_t)>& at_checkpoint,
                                       const std::string& work_dir, Report& report);

// (5) supervisor queries at the current size; also fills the growth curve.
struct Curve {
  std::map<std::string, std::vector<std::pair<std::int64_t, double>>> p99_ms;  // query -> (tasks, p99)
};
void figure_queries(Engine& engine, std::int64_t tasks, int repeats, Report& report, Curve& curve);
// The curve as a text table; writes DIR/queries.dat and, with gnuplot, DIR/queries.png.
std::string curve_section(const Curve& curve, const std::string& work_dir);

// (2) durable commands one at a time; returns commands/s.
double figure_durable(Engine& engine, const std::vector<std::string>& tasks, int count,
                      const std::string& work_dir, Report& report);

// (7) the cvtrack program on the finished database: rebuild time, and with
// `serve` start-up time and peak RSS.
void figure_process(const std::string& cvtrack, const std::string& db, std::int64_t tasks,
                    const std::string& work_dir, Report& report);

// (7) serve's catch-up of the deadlines missed before today (the server runs
// on the real clock): counted before the server starts, then waited for
// from `started` until none is left, so (3) and (6) see a steady server.
struct MissedDeadlines {
  std::string today;
  std::int64_t tasks = 0, reports = 0;
};
MissedDeadlines missed_deadlines(const std::string& db_path);
void figure_catch_up(const MissedDeadlines& before, std::chrono::steady_clock::time_point started,
                     const std::string& db_path, double durable_rate, Report& report);

// (3) group commit through `serve` (HTTP ack/progress, 1, 16 and 64 client
// threads, `seconds` each) against raw single-row INSERT commits measured
// there, with (2)'s rate (`durable_rate`) beside it; commands a commit as
// the server counts them (GET /api/engine, read with the `secretariat` token).
void figure_group_commit(const ServeProcess& serve, std::vector<Unit>& units, const std::string& secretariat,
                         const std::string& db, double durable_rate, double seconds, const std::string& work_dir,
                         Report& report);

// (6) wrk on a unit's task list and on a task action, against /api/health.
void figure_http(const ServeProcess& serve, std::vector<Unit>& units, double seconds, const std::string& work_dir,
                 Report& report);

// (8) Redmine side by side (tests/bench/redmine/setup.sh); rows saying
// "not measured" when `url` is empty.
struct RedmineOptions {
  std::string url, key;  // REDMINE_URL, REDMINE_KEY as setup.sh prints them
  int issues = 300;      // tasks created on each side
  int repeats = 30;      // overdue list requests
};
void figure_redmine(const std::string& cvtrack, const Corpus& corpus, const RedmineOptions& options,
                    const std::string& work_dir, Report& report);

}  // namespace cvtrack::bench
