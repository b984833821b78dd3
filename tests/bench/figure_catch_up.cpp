// (7) The deadline timer's catch-up in `serve`: the bench starts the server
// with the real clock, long after the workload's deadlines, so every one of
// them was missed while nobody ran. The server records their "overdue"
// rungs in passes of 500 after it starts answering; this measures how long
// that takes and waits for it, so (3) and (6) measure a server in its
// steady state rather than one still catching up. Read from the rows still
// awaiting their mark (storage/schema.hpp v5), on a connection of its own.
#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <thread>

#include "engine/date.hpp"
#include "tests/bench/figures.hpp"

namespace cvtrack::bench {

namespace {

std::int64_t count(SQLite::Database& db, const char* sql, const std::string& today) {
  SQLite::Statement q(db, sql);
  q.bind(1, today);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

}  // namespace

MissedDeadlines missed_deadlines(const std::string& db_path) {
  SQLite::Database db(db_path, SQLite::OPEN_READONLY);
  db.setBusyTimeout(5000);
  std::string today = engine::to_iso(engine::vietnam_date(engine::SystemClock().now()));
  MissedDeadlines m;
  m.today = today;
  m.tasks = count(db, "SELECT COUNT(*) FROM tasks INDEXED BY tasks_awaiting_overdue_mark "
                      "WHERE awaiting_overdue_mark = 1 AND deadline < ?", today);
  m.reports = count(db, "SELECT COUNT(*) FROM report_occurrences INDEXED BY reports_awaiting_overdue_mark "
                        "WHERE awaiting_overdue_mark = 1 AND due < ?", today);
  return m;
}

void figure_catch_up(const MissedDeadlines& before, std::chrono::steady_clock::time_point started,
                     const std::string& db_path, double durable_rate, Report& report) {
  constexpr auto kPatience = std::chrono::hours(1);
  MissedDeadlines left = missed_deadlines(db_path);
  while (left.tasks + left.reports > 0) {
    if (std::chrono::steady_clock::now() - started > kPatience)
      throw std::runtime_error("serve's catch-up left " + std::to_string(left.tasks + left.reports) +
                               " missed deadlines unrecorded after an hour");
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    left = missed_deadlines(db_path);
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  double missed = double(before.tasks + before.reports);
  double rate = seconds > 0 ? missed / seconds : 0;
  report.add({"(7) serve's catch-up: the overdue of " + num(double(before.tasks)) + " deadlines and " +
                  num(double(before.reports)) + " reports missed before " + before.today +
                  ", from start to all recorded",
              num(seconds) + " s (" + num(rate) + " marks/s)",
              durable_rate > 0 ? "(2) one command at a time: " + num(durable_rate) + " commands/s"
                               : "(2) not run",
              ratio(rate, durable_rate)});
}

}  // namespace cvtrack::bench
