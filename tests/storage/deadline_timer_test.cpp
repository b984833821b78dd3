// The deadline timer on a real SQLite file, with a clock running days a
// second: marks are recorded once each, across a restart and with two
// timers on one database. Waits are bounded generously (kPatience) and end
// as soon as the condition holds.
#include "engine/deadline_timer.hpp"

#include <doctest/doctest.h>

#include <boost/asio/io_context.hpp>

#include <algorithm>
#include <map>
#include <thread>
#include <tuple>

#include "engine/deadline_schedule.hpp"
#include "engine/event_types.hpp"
#include "storage/log_maintenance.hpp"
#include "storage/sqlite_deadline_source.hpp"
#include "storage/sqlite_event_store.hpp"
#include "storage/sqlite_impl.hpp"
#include "tests/engine/engine_fixtures.hpp"
#include "tests/storage/temp_database.hpp"

using namespace cvtrack;
using namespace cvtrack::engine;
using cvtrack::test::day;

namespace {

constexpr auto kPatience = std::chrono::seconds{60};
constexpr double kDaysPerSecond = 86400.0 * 10;  // a day in a tenth of a second

TimePoint at(const char* date, int hour, int minute = 0) {
  return start_of_day(day(date)) + std::chrono::hours{hour} + std::chrono::minutes{minute};
}

// One server's worth of engine on a database file: its own connection.
struct Server {
  std::unique_ptr<storage::SqliteDatabase> db;
  storage::SqliteEventStore store;
  storage::SqliteDeadlineSource source;
  WeekdaysOnly calendar;
  CommandService service;
  Runtime runtime;
  DeadlineTimer timer;

  Server(boost::asio::io_context& io, const std::string& path, const Clock& clock, std::vector<int> rungs = {3, 1})
      : db(storage::SqliteDatabase::open(path).value()),
        store(*db),
        source(*db),
        service(store, clock, calendar),
        runtime(io.get_executor(), service),
        timer(io.get_executor(), runtime, service, clock, source, std::move(rungs)) {}
};

void register_sample(const std::string& path, const Clock& clock, nlohmann::json document = test::sample_document_json()) {
  auto db = storage::SqliteDatabase::open(path).value();
  storage::SqliteEventStore store(*db);
  WeekdaysOnly calendar;
  CommandService service(store, clock, calendar);
  REQUIRE(service.load_directory(test::sample_bodies(), "sample.json", day("2021-09-07")));
  auto parsed = parsed_document_from_json(document);
  REQUIRE(parsed);
  REQUIRE(service.register_document(*parsed, test::kSampleText, "sample.txt", day("2021-09-07")));
}

using Mark = std::tuple<std::string, std::string, std::string>;  // task, due key, rung

// How many marker events the log holds for each (task, key, rung).
std::map<Mark, int> marker_counts(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  SQLite::Statement q(db, R"sql(
    SELECT stream, json_extract(payload, '$.due_key'), json_extract(payload, '$.rung'), COUNT(*) FROM events
    WHERE type IN ('task_overdue', 'occurrence_overdue', 'deadline_reminder') GROUP BY 1, 2, 3)sql");
  std::map<Mark, int> out;
  while (q.executeStep())
    out[{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString()}] = q.getColumn(3).getInt();
  return out;
}

bool has(const std::map<Mark, int>& counts, const char* task, const char* key, const char* rung) {
  return counts.count({task, key, rung}) > 0;
}

void check_each_once(const std::map<Mark, int>& counts) {
  for (const auto& [mark, n] : counts) {
    INFO(std::get<0>(mark) << " " << std::get<1>(mark) << " " << std::get<2>(mark));
    CHECK(n == 1);
  }
}

std::string recorded_at(const std::string& path, const char* task, const char* rung) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  SQLite::Statement q(db, "SELECT recorded_at FROM events WHERE stream = ? AND json_extract(payload, '$.rung') = ?");
  q.bind(1, task);
  q.bind(2, rung);
  return q.executeStep() ? q.getColumn(0).getString() : "";
}

// Runs `io` until `done()` holds or kPatience has passed.
template <typename Condition>
bool run_until(boost::asio::io_context& io, Condition done) {
  auto limit = std::chrono::steady_clock::now() + kPatience;
  while (std::chrono::steady_clock::now() < limit) {
    io.restart();
    io.run_for(std::chrono::milliseconds{20});
    if (done()) return true;
  }
  return false;
}

void drain(boost::asio::io_context& io) {
  io.restart();
  io.run_for(std::chrono::milliseconds{50});
}

bool verified(const std::string& path) {
  auto db = storage::SqliteDatabase::open(path).value();
  auto report = storage::verify_log(*db);
  INFO((report ? report->problem : report.error().message));
  return report && report->ok;
}

}  // namespace

TEST_SUITE("storage/deadline_timer") {
  TEST_CASE("issue 5: reminders and overdue are recorded once each, and after a restart what came due meanwhile at once") {
    test::TempDirectory dir;
    std::string path = dir.file("cvtrack.db").string();
    ScaledClock clock(at("2021-09-07", 12), kDaysPerSecond);
    register_sample(path, clock);
    {
      boost::asio::io_context io;
      Server first(io, path, clock);
      first.timer.start();
      // T1.3's September report (due 20/9) and the 3-day reminders of T1.1
      // and T1.2 (due Thursday 30/9: Monday 27/9).
      bool seen = run_until(io, [&] {
        auto c = marker_counts(path);
        return has(c, "T1.3", "2021-09-20#2021-09", "overdue") && has(c, "T1.1", "2021-09-30", "remind-3") &&
               has(c, "T1.2", "2021-09-30", "remind-3");
      });
      REQUIRE(seen);
      first.timer.stop();
      drain(io);
    }
    auto before_restart = marker_counts(path);
    check_each_once(before_restart);
    CHECK_FALSE(has(before_restart, "T1.1", "2021-09-30", "overdue"));

    // Down for ten days: the deadline of 30/9 passes while nobody runs.
    clock.advance(std::chrono::hours{24 * 10});
    TimePoint restarted = clock.now();
    {
      boost::asio::io_context io;
      Server second(io, path, clock);
      second.timer.start();
      bool seen = run_until(io, [&] {
        auto c = marker_counts(path);
        return has(c, "T1.1", "2021-09-30", "overdue") && has(c, "T1.2", "2021-09-30", "overdue");
      });
      REQUIRE(seen);
      second.timer.stop();
      drain(io);
    }
    auto after_restart = marker_counts(path);
    check_each_once(after_restart);
    for (const auto& [mark, n] : before_restart) CHECK(after_restart.count(mark) == 1);
    // Recorded on the catch-up at start, not while the first timer ran.
    CHECK(recorded_at(path, "T1.1", "overdue") >= to_utc_iso(restarted));
    CHECK(verified(path));
  }

  TEST_CASE("two timers on one database at once record each mark once") {
    test::TempDirectory dir;
    std::string path = dir.file("cvtrack.db").string();
    ScaledClock clock(at("2021-09-07", 12), kDaysPerSecond);
    register_sample(path, clock);
    boost::asio::io_context io;
    Server a(io, path, clock), b(io, path, clock);
    a.timer.start();
    b.timer.start();
    auto all_due = [&] {
      auto c = marker_counts(path);
      return has(c, "T1.1", "2021-09-30", "overdue") && has(c, "T1.2", "2021-09-30", "overdue") &&
             has(c, "T1.3", "2021-09-20#2021-09", "overdue");
    };
    auto limit = std::chrono::steady_clock::now() + kPatience;
    bool seen = false;
    while (!seen && std::chrono::steady_clock::now() < limit) {
      io.restart();
      // Two threads: the two servers' passes really run at the same time.
      std::thread other([&] { io.run_for(std::chrono::milliseconds{50}); });
      io.run_for(std::chrono::milliseconds{50});
      other.join();
      seen = all_due();
    }
    REQUIRE(seen);
    a.timer.stop();
    b.timer.stop();
    drain(io);
    check_each_once(marker_counts(path));
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    CHECK(raw.execAndGet("SELECT COUNT(*) FROM deadline_marks").getInt() ==
          raw.execAndGet("SELECT COUNT(*) FROM events WHERE type IN ('task_overdue', 'occurrence_overdue', "
                         "'deadline_reminder')").getInt());
    CHECK(verified(path));
  }

  TEST_CASE("a deadline at 14:00 passes at 14:00 in Vietnam, not at midnight") {
    test::TempDirectory dir;
    std::string path = dir.file("cvtrack.db").string();
    ScaledClock clock(at("2021-09-30", 13, 30), 3600);  // an hour a second
    auto document = test::sample_document_json();
    document["directives"][0]["tasks"][0]["deadline_time"] = "14:00";  // T1.1; T1.2 keeps the end of the day
    register_sample(path, clock, document);
    boost::asio::io_context io;
    Server server(io, path, clock);
    server.timer.start();
    REQUIRE(run_until(io, [&] { return has(marker_counts(path), "T1.1", "2021-09-30", "overdue"); }));
    server.timer.stop();
    drain(io);
    std::string when = recorded_at(path, "T1.1", "overdue");
    CHECK(when >= "2021-09-30T07:00:00Z");  // 14:00 +07
    CHECK(when < "2021-09-30T08:00:00Z");
    CHECK_FALSE(has(marker_counts(path), "T1.2", "2021-09-30", "overdue"));
    // Started after both reminders' days: only the nearer one is recorded.
    auto counts = marker_counts(path);
    CHECK(has(counts, "T1.2", "2021-09-30", "remind-1"));
    CHECK_FALSE(has(counts, "T1.2", "2021-09-30", "remind-3"));
  }
}

TEST_SUITE("storage/deadline_timer") {
  TEST_CASE("issue 6: a backlog of deadlines passed while nobody ran is recorded in short passes, each once") {
    test::TempDirectory dir;
    std::string path = dir.file("cvtrack.db").string();
    FixedClock clock(at("2021-10-26", 12));  // a Tuesday: 30/9 long past, nothing falls due today
    {
      auto db = storage::SqliteDatabase::open(path).value();
      storage::SqliteEventStore store(*db);
      WeekdaysOnly calendar;
      CommandService service(store, clock, calendar);
      REQUIRE(service.load_directory(test::sample_bodies(), "sample.json", day("2021-09-07")));
      for (int k = 1; k <= 12; ++k) {
        auto json = test::sample_document_json();
        json["document"]["number"] = std::to_string(100 + k) + "/UBND-VP";
        auto parsed = parsed_document_from_json(json);
        REQUIRE(parsed);
        REQUIRE(service.register_document(*parsed, "text " + std::to_string(k), "doc.txt", day("2021-09-07")));
      }
    }
    boost::asio::io_context io;
    auto db = storage::SqliteDatabase::open(path).value();
    storage::SqliteEventStore store(*db);
    storage::SqliteDeadlineSource source(*db, 2);  // two of each kind a pass
    WeekdaysOnly calendar;
    CommandService service(store, clock, calendar);
    Runtime runtime(io.get_executor(), service);
    int passes_recording = 0;
    std::size_t most_in_a_pass = 0;
    DeadlineTimer timer(io.get_executor(), runtime, service, clock, source, {3, 1},
                        [&](const DeadlineTimer::PassReport& r) {
                          if (r.recorded > 0) ++passes_recording;
                          most_in_a_pass = std::max(most_in_a_pass, r.recorded);
                        });
    timer.start();
    // 24 deadlines of 30/9 (T<k>.1, T<k>.2) and 12 September reports.
    auto all_recorded = [&] {
      SQLite::Database raw(path, SQLite::OPEN_READONLY);
      return raw.execAndGet("SELECT COUNT(*) FROM deadline_marks WHERE rung = 'overdue' AND due_key = '2021-09-30'")
                     .getInt() == 24 &&
             raw.execAndGet("SELECT COUNT(*) FROM deadline_marks WHERE rung = 'overdue' AND "
                            "due_key = '2021-09-20#2021-09'").getInt() == 12;
    };
    REQUIRE(run_until(io, all_recorded));
    timer.stop();
    drain(io);
    auto counts = marker_counts(path);
    check_each_once(counts);
    CHECK(has(counts, "T12.2", "2021-09-30", "overdue"));
    CHECK(has(counts, "T7.3", "2021-09-20#2021-09", "overdue"));
    // Each pass took at most two tasks and two reports' tasks: 36 marks in
    // at least nine passes (the last may end after stop(), unobserved).
    CHECK(most_in_a_pass <= 4);
    CHECK(passes_recording >= 8);
    CHECK(verified(path));
  }
}

TEST_SUITE("storage/deadline_marks") {
  TEST_CASE("a second marker for the same task, key and rung fails the append and writes nothing") {
    auto db = storage::SqliteDatabase::open(":memory:").value();
    storage::SqliteEventStore store(*db);
    FixedClock clock(at("2021-10-01", 12));
    WeekdaysOnly calendar;
    CommandService service(store, clock, calendar);
    REQUIRE(service.load_directory(test::sample_bodies(), "sample.json", day("2021-09-07")));
    REQUIRE(service.register_document(test::sample_document(), test::kSampleText, "s.txt", day("2021-09-07")));
    auto tick = service.tick(day("2021-10-01"));
    REQUIRE(tick);
    SQLite::Database& raw = db->impl().db;
    int marks = raw.execAndGet("SELECT COUNT(*) FROM deadline_marks").getInt();
    CHECK(marks == 3);  // T1.1 and T1.2 overdue, T1.3's September report
    CHECK(raw.execAndGet("SELECT seq FROM deadline_marks WHERE task_id = 'T1.1' AND rung = 'overdue'").getInt64() > 0);
    TaskView t1 = *service.task("T1.1");
    NewEvent again{event_type::task_overdue,
                   {{"deadline", "2021-09-30"}, {"days_overdue", 1}, {"due_key", "2021-09-30"}, {"rung", "overdue"}},
                   kSystemActor, "2021-10-01T05:00:00Z", day("2021-10-01")};
    long long events = raw.execAndGet("SELECT COUNT(*) FROM events").getInt64();
    auto twice = store.append({{"T1.1", t1.version, {again}}});
    REQUIRE_FALSE(twice);
    CHECK(twice.error().code == ErrorCode::conflict);
    CHECK(raw.execAndGet("SELECT COUNT(*) FROM events").getInt64() == events);
    CHECK(raw.execAndGet("SELECT COUNT(*) FROM deadline_marks").getInt() == marks);
    // rebuild recreates the marks from the log; verify compares them.
    raw.exec("DELETE FROM deadline_marks");
    auto problem = storage::verify_log(*db);
    REQUIRE(problem);
    CHECK(problem->problem.find("projection deadline_marks differs") == 0);
    REQUIRE(storage::rebuild_projections(*db));
    CHECK(raw.execAndGet("SELECT COUNT(*) FROM deadline_marks").getInt() == marks);
    CHECK(storage::verify_log(*db)->ok);
  }

  TEST_CASE("the source finds only what may be due, and the next moment from the next two dates") {
    auto db = storage::SqliteDatabase::open(":memory:").value();
    storage::SqliteEventStore store(*db);
    storage::SqliteDeadlineSource source(*db);
    FixedClock clock(at("2021-09-07", 12));
    WeekdaysOnly calendar;
    CommandService service(store, clock, calendar);
    REQUIRE(service.load_directory(test::sample_bodies(), "sample.json", day("2021-09-07")));
    REQUIRE(service.register_document(test::sample_document(), test::kSampleText, "s.txt", day("2021-09-07")));
    auto ids = [](const std::vector<TaskView>& tasks) {
      std::vector<std::string> out;
      for (const auto& t : tasks) out.push_back(t.id);
      return out;
    };
    CHECK(ids(*source.tasks_due_by(day("2021-09-19"), day("2021-09-19"))).empty());
    CHECK(ids(*source.tasks_due_by(day("2021-09-19"), day("2021-09-20"))) == std::vector<std::string>{"T1.3"});
    CHECK(ids(*source.tasks_due_by(day("2021-09-30"), day("2021-09-20"))) ==
          std::vector<std::string>{"T1.1", "T1.2", "T1.3"});
    // The next moment after 7/9 noon: T1.3's report passing at the end of 20/9.
    auto next = next_due_moment(source, at("2021-09-07", 12), {3, 1}, calendar);
    REQUIRE(next);
    CHECK(to_utc_iso(**next) == "2021-09-20T17:00:00Z");
    // After that: the 3-day reminder of 30/9, due at the start of 27/9.
    CHECK(to_utc_iso(**next_due_moment(source, at("2021-09-21", 0), {3, 1}, calendar)) == "2021-09-26T17:00:00Z");
    CHECK(to_utc_iso(**next_due_moment(source, at("2021-09-29", 0), {3, 1}, calendar)) == "2021-09-30T17:00:00Z");
    CHECK_FALSE(*next_due_moment(source, at("2021-10-01", 0), {3, 1}, calendar));
    // Marked overdue: no longer a candidate, its view not even read.
    REQUIRE(service.record_deadline_marks(*source.tasks_due_by(day("2021-10-01"), day("2021-10-01")),
                                          at("2021-10-01", 0), {3, 1}));
    CHECK(source.tasks_due_by(day("2021-10-31"), day("2021-10-01"))->empty());
  }
}
