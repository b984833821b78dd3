// What the deadline timer's catch-up reads (storage/schema.hpp v5): the
// rows that still await their "overdue" rung, kept by the projection in
// awaiting_overdue_mark with a partial index of only those rows. A row
// leaves when its rung is recorded, its claim awaits approval or the task
// closes, and comes back when the deadline is extended or the claim is
// returned; a database of schema 4 gets the same values by migration.
#include <doctest/doctest.h>

#include <set>

#include "engine/command_service.hpp"
#include "engine/deadline_source.hpp"
#include "engine/document_json.hpp"
#include "storage/log_maintenance.hpp"
#include "storage/sqlite_deadline_source.hpp"
#include "storage/sqlite_event_store.hpp"
#include "storage/sqlite_impl.hpp"
#include "tests/engine/engine_fixtures.hpp"
#include "tests/storage/sample_site.hpp"
#include "tests/storage/temp_database.hpp"

using namespace cvtrack;
using namespace cvtrack::engine;

namespace {

using test::day;
using test::noon;

// The ids in the partial indexes, read through them (INDEXED BY fails when
// the index cannot answer): what a catch-up pass can ever see.
std::set<std::string> awaiting_deadlines(SQLite::Database& db) {
  SQLite::Statement q(db, "SELECT id FROM tasks INDEXED BY tasks_awaiting_overdue_mark WHERE awaiting_overdue_mark = 1");
  std::set<std::string> out;
  while (q.executeStep()) out.insert(q.getColumn(0).getString());
  return out;
}
std::set<std::string> awaiting_reports(SQLite::Database& db) {
  SQLite::Statement q(db, "SELECT task_id || ' ' || period FROM report_occurrences "
                          "INDEXED BY reports_awaiting_overdue_mark WHERE awaiting_overdue_mark = 1");
  std::set<std::string> out;
  while (q.executeStep()) out.insert(q.getColumn(0).getString());
  return out;
}

std::vector<std::string> ids(const std::vector<TaskView>& tasks) {
  std::vector<std::string> out;
  for (const auto& t : tasks) out.push_back(t.id);
  return out;
}

// The sample on a file (the migration test opens it again), with the
// deadline source over it. The file is a base so it exists before the
// database opens.
struct SiteFile {
  test::TempDirectory dir;
  std::string path = dir.file("cvtrack.db").string();
};
struct Site : SiteFile, test::SampleSite {
  Site() : test::SampleSite(path) {}
  storage::SqliteDeadlineSource source{*db};
};

}  // namespace

TEST_SUITE("storage/overdue_catch_up") {
  TEST_CASE("issue 6: a row leaves the catch-up's index once its overdue is recorded, and comes back with a new deadline") {
    Site s;
    // The two tasks of 30/9; T1.3's monthly reports from September on.
    CHECK(awaiting_deadlines(s.raw()) == std::set<std::string>{"T1.1", "T1.2"});
    CHECK(awaiting_reports(s.raw()).count("T1.3 2021-09") == 1);

    // A claim awaiting approval is the secretariat's move: out; returned: in.
    s.run("T1.2", Acknowledge{}, "2021-09-08", "phong-yte");
    s.run("T1.2", ClaimCompletion{"xong"}, "2021-09-20", "phong-yte");
    CHECK(awaiting_deadlines(s.raw()) == std::set<std::string>{"T1.1"});
    s.run("T1.2", ReturnCompletion{"thiếu số liệu"}, "2021-09-21");
    CHECK(awaiting_deadlines(s.raw()) == std::set<std::string>{"T1.1", "T1.2"});

    // Recorded overdue on 1/10 (both deadlines, September's report): out,
    // and a later pass finds nothing of them.
    REQUIRE(s.service.record_deadline_marks(*s.source.tasks_due_by(day("2021-10-01"), day("2021-10-01")),
                                            noon("2021-10-01"), {3, 1}));
    CHECK(awaiting_deadlines(s.raw()).empty());
    CHECK(awaiting_reports(s.raw()).empty());
    CHECK(s.source.tasks_due_by(day("2021-10-12"), day("2021-10-12"))->empty());

    // Extended to 15/10: a new key, due again; overdue again on 18/10.
    s.run("T1.1", ExtendDeadline{day("2021-10-15"), "chờ số liệu"}, "2021-10-04");
    CHECK(awaiting_deadlines(s.raw()) == std::set<std::string>{"T1.1"});
    CHECK(ids(*s.source.tasks_due_by(day("2021-10-15"), day("2021-10-18"))) == std::vector<std::string>{"T1.1"});
    REQUIRE(s.service.record_deadline_marks(*s.source.tasks_due_by(day("2021-10-15"), day("2021-10-18")),
                                            noon("2021-10-18"), {3, 1}));
    CHECK(awaiting_deadlines(s.raw()).empty());

    // The columns are projections: equal to a replay of the log.
    auto check = storage::verify_log(*s.db);
    REQUIRE(check);
    CHECK(check->ok);
  }

  TEST_CASE("issue 6: a schema 4 database gets the same awaiting rows by migration as the projection writes") {
    Site s;
    auto second = test::sample_document_json();
    second["document"]["number"] = "13/UBND-VP";
    REQUIRE(s.service.register_document(*parsed_document_from_json(second), "text 2", "s2.txt", day("2021-09-07")));
    // Out for each reason: T1.2 awaits approval, T2.1 is marked overdue,
    // T2.2 is cancelled, T2.3's September report is submitted.
    s.run("T1.2", Acknowledge{}, "2021-09-08", "phong-yte");
    s.run("T1.2", ClaimCompletion{"xong"}, "2021-09-20", "phong-yte");
    s.run("T2.2", CancelTask{"trùng nhiệm vụ"}, "2021-09-20");
    s.run("T2.3", SubmitReport{std::nullopt, "tháng 9"}, "2021-09-18", "phong-yte");
    REQUIRE(s.service.record_deadline_marks({*s.service.task("T2.1")}, noon("2021-10-01"), {3, 1}));
    auto deadlines = awaiting_deadlines(s.raw());
    auto reports = awaiting_reports(s.raw());
    CHECK(deadlines == std::set<std::string>{"T1.1"});
    CHECK(reports == std::set<std::string>{"T1.3 2021-09"});

    // Back to schema 4: schema 7's changes taken back, the v5 indexes and
    // columns dropped (v6's index is made IF NOT EXISTS).
    s.raw().exec(test::kBackToSchema6);
    s.raw().exec(R"sql(
      DROP INDEX tasks_awaiting_overdue_mark;
      DROP INDEX reports_awaiting_overdue_mark;
      ALTER TABLE tasks DROP COLUMN awaiting_overdue_mark;
      ALTER TABLE report_occurrences DROP COLUMN awaiting_overdue_mark;
      PRAGMA user_version = 4;
    )sql");
    // Another connection opens it, as the next `cvtrack` command would.
    auto reopened = storage::SqliteDatabase::open(s.path);
    INFO((reopened ? std::string() : reopened.error().message));
    REQUIRE(reopened);
    CHECK((*reopened)->schema_version() == storage::SqliteDatabase::kSchemaVersion);
    SQLite::Database& raw = (*reopened)->impl().db;
    CHECK(awaiting_deadlines(raw) == deadlines);
    CHECK(awaiting_reports(raw) == reports);
    auto check = storage::verify_log(**reopened);
    REQUIRE(check);
    CHECK(check->ok);
  }
}
