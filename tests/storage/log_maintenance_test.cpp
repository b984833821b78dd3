#include "storage/log_maintenance.hpp"

#include <doctest/doctest.h>

#include "engine/command_service.hpp"
#include "engine/task_view_json.hpp"
#include "storage/projection_reader.hpp"
#include "storage/sqlite_event_store.hpp"
#include "storage/sqlite_impl.hpp"
#include "tests/engine/engine_fixtures.hpp"

using namespace cvtrack;
using namespace cvtrack::engine;
using cvtrack::test::day;

namespace {

// The engine's sample document run through the SQLite store.
struct SqliteHarness {
  std::unique_ptr<storage::SqliteDatabase> db = storage::SqliteDatabase::open(":memory:").value();
  storage::SqliteEventStore store{*db};
  FixedClock clock{vietnam_noon(day("2021-09-07"))};
  WeekdaysOnly calendar;
  CommandService service{store, clock, calendar};
  storage::ProjectionReader reader{*db};

  SqliteHarness() {
    REQUIRE(service.load_directory(test::sample_bodies(), "sample.json", day("2021-09-07")));
    REQUIRE(service.register_document(test::sample_document(), test::kSampleText, "sample.txt", day("2021-09-07")));
  }
  auto run(const char* task, TaskCommand c, std::optional<std::string> as = std::nullopt, const char* on = "2021-09-10") {
    return service.execute({task, std::move(c), std::move(as), day(on), ""});
  }
  SQLite::Database& raw() { return db->impl().db; }
  int count(const char* sql) { return raw().execAndGet(sql).getInt(); }
};

}  // namespace

TEST_SUITE("storage/projections") {
  TEST_CASE("projections follow every append and read back as the engine folds them") {
    SqliteHarness h;
    REQUIRE(h.run("T1.1", Acknowledge{}, "ubnd-huyen"));
    REQUIRE(h.run("T1.1", Delegate{{"phong-yte"}, day("2021-09-25"), ""}, "ubnd-huyen"));
    auto from_table = h.reader.tasks({});
    REQUIRE(from_table);
    auto replayed = h.service.snapshot()->task_list();
    REQUIRE(from_table->size() == replayed.size());
    for (std::size_t i = 0; i < replayed.size(); ++i)
      CHECK(to_json((*from_table)[i]) == to_json(replayed[i]));
    CHECK(h.count("SELECT COUNT(*) FROM tasks WHERE parent_id = 'T1.1'") == 1);
    CHECK(h.count("SELECT COUNT(*) FROM documents") == 1);
    CHECK(h.count("SELECT COUNT(*) FROM directives WHERE document_id = 'D1'") == 3);
    CHECK(h.count("SELECT COUNT(*) FROM bodies") == 8);
    CHECK(h.count("SELECT COUNT(*) FROM report_occurrences") == 1);
  }

  TEST_CASE("queries: by holder, by document, and the overdue candidates at a date") {
    SqliteHarness h;
    auto by_holder = h.reader.tasks({std::vector<std::string>{"phong-yte"}, std::nullopt, std::nullopt});
    REQUIRE(by_holder);
    CHECK(by_holder->size() == 2);
    auto overdue = h.reader.tasks({std::nullopt, std::nullopt, day("2021-09-21")});
    REQUIRE(overdue);
    REQUIRE(overdue->size() == 1);  // the monthly report due 20/9; the deadlines are 30/9
    CHECK(overdue->front().id == "T1.3");
    CHECK(h.reader.tasks({std::nullopt, std::nullopt, day("2021-10-01")})->size() == 3);
    CHECK(*h.reader.directive_paths("D1") == std::vector<std::string>{"1", "2", "3"});
    CHECK(h.reader.documents()->front().number == "12/UBND-VP");
    CHECK(*h.reader.latest_effective_on() == day("2021-09-07"));
  }

  TEST_CASE("a refused command writes nothing: no event, no projection change") {
    SqliteHarness h;
    int events = h.count("SELECT COUNT(*) FROM events");
    std::string before = h.raw().execAndGet("SELECT view FROM tasks WHERE id = 'T1.1'").getString();
    CHECK_FALSE(h.run("T1.1", Approve{""}));
    CHECK_FALSE(h.run("T1.1", Acknowledge{}, "ubnd-xa-a"));
    CHECK(h.count("SELECT COUNT(*) FROM events") == events);
    CHECK(h.raw().execAndGet("SELECT view FROM tasks WHERE id = 'T1.1'").getString() == before);
  }

  TEST_CASE("an append that conflicts on its last stream leaves the earlier streams and projections untouched") {
    SqliteHarness h;
    int events = h.count("SELECT COUNT(*) FROM events");
    auto r = h.store.append({{"T1.1", 1, {NewEvent{"task_acknowledged", {{"state", {{"old", "assigned"}, {"new", "acknowledged"}}}},
                                                   "secretariat", "", day("2021-09-08")}}},
                             {"T1.2", 7, {}}});
    REQUIRE_FALSE(r);
    CHECK(h.count("SELECT COUNT(*) FROM events") == events);
    CHECK(h.count("SELECT COUNT(*) FROM tasks WHERE id = 'T1.1' AND state = 'assigned'") == 1);
  }
}

TEST_SUITE("storage/log_maintenance") {
  TEST_CASE("verify passes on an intact log") {
    SqliteHarness h;
    REQUIRE(h.run("T1.1", Acknowledge{}));
    REQUIRE(h.service.tick(day("2021-10-05")));
    auto report = storage::verify_log(*h.db);
    REQUIRE(report);
    CHECK(report->ok);
    CHECK(report->problem == "");
    CHECK(report->events == h.count("SELECT COUNT(*) FROM events"));
  }

  TEST_CASE("verify names the first event altered by hand") {
    SqliteHarness h;
    REQUIRE(h.run("T1.1", Acknowledge{}));
    REQUIRE(h.run("T1.1", ReportProgress{30, "đang làm"}));
    int seq = h.count("SELECT seq FROM events WHERE type = 'progress_reported'");
    h.raw().exec("DROP TRIGGER events_are_never_updated");
    h.raw().exec("UPDATE events SET payload = replace(payload, '30', '90') WHERE seq = " + std::to_string(seq));
    auto report = storage::verify_log(*h.db);
    REQUIRE(report);
    CHECK_FALSE(report->ok);
    CHECK(report->problem == "event " + std::to_string(seq) +
                                 " (T1.1 v3, progress_reported): its contents do not match its hash (altered)");
  }

  TEST_CASE("verify notices an event whose hash was recomputed but whose link was not") {
    SqliteHarness h;
    REQUIRE(h.run("T1.1", Acknowledge{}));
    h.raw().exec("DROP TRIGGER events_are_never_updated");
    h.raw().exec("UPDATE events SET prev_hash = '" + std::string(64, 'f') + "' WHERE seq = 3");
    auto report = storage::verify_log(*h.db);
    REQUIRE(report);
    CHECK_FALSE(report->ok);
    CHECK(report->problem.rfind("event 3 (", 0) == 0);
    CHECK(report->problem.find("does not link to the event before it") != std::string::npos);
  }

  TEST_CASE("verify notices a deleted event") {
    SqliteHarness h;
    h.raw().exec("DROP TRIGGER events_are_never_deleted");
    h.raw().exec("DELETE FROM events WHERE seq = 2");
    auto report = storage::verify_log(*h.db);
    REQUIRE(report);
    CHECK(report->problem == "event 2 is missing (the next is 3)");
  }

  TEST_CASE("verify notices a projection that disagrees with the log, and rebuild mends it") {
    SqliteHarness h;
    h.raw().exec("UPDATE tasks SET state = 'done' WHERE id = 'T1.2'");
    auto report = storage::verify_log(*h.db);
    REQUIRE(report);
    CHECK_FALSE(report->ok);
    CHECK(report->problem.rfind("projection tasks differs from a replay of the log at row [\"T1.2\"", 0) == 0);
    auto rebuilt = storage::rebuild_projections(*h.db);
    REQUIRE(rebuilt);
    CHECK(*rebuilt == h.count("SELECT COUNT(*) FROM events"));
    CHECK(storage::verify_log(*h.db)->ok);
    CHECK(h.count("SELECT COUNT(*) FROM tasks WHERE id = 'T1.2' AND state = 'assigned'") == 1);
  }

  TEST_CASE("rebuild recreates the projections from the log alone") {
    SqliteHarness h;
    REQUIRE(h.run("T1.1", Acknowledge{}));
    std::string before = h.raw().execAndGet("SELECT group_concat(view, '|') FROM (SELECT view FROM tasks ORDER BY id)").getString();
    h.raw().exec("DELETE FROM tasks; DELETE FROM documents; DELETE FROM bodies");
    REQUIRE(storage::rebuild_projections(*h.db));
    CHECK(h.raw().execAndGet("SELECT group_concat(view, '|') FROM (SELECT view FROM tasks ORDER BY id)").getString() == before);
    CHECK(h.count("SELECT COUNT(*) FROM bodies") == 8);
  }
}
