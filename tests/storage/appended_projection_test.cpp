// What an append writes to the projections (storage/projections.hpp,
// project_appended): a task's row updated in the columns that changed, its
// occurrences one by one, only the new events' marks; the events the
// command read used instead of reading the stream back. After every append
// the projections must equal a replay of the whole log (verify_log).
#include <doctest/doctest.h>

#include "engine/apply.hpp"
#include "engine/command_service.hpp"
#include "engine/task_view_json.hpp"
#include "storage/log_maintenance.hpp"
#include "storage/sqlite_event_store.hpp"
#include "storage/sqlite_impl.hpp"
#include "tests/engine/engine_fixtures.hpp"
#include "tests/storage/sample_site.hpp"

using namespace cvtrack;
using namespace cvtrack::engine;
using cvtrack::test::day;

namespace {

using test::noon;

struct Site : test::SampleSite {
  std::int64_t rowid(const char* task) {
    SQLite::Statement q(raw(), "SELECT rowid FROM tasks WHERE id = ?");
    q.bind(1, task);
    REQUIRE(q.executeStep());
    return q.getColumn(0).getInt64();
  }
};

}  // namespace

TEST_SUITE("storage/appended_projection") {
  TEST_CASE("issue 6: every kind of change leaves the projections as a replay of the log gives them") {
    Site s;
    s.check_projections();
    s.run("T1.1", Acknowledge{}, "2021-09-08", "ubnd-huyen");
    s.check_projections();
    s.run("T1.1", ReportProgress{40, "đang rà soát"}, "2021-09-09", "ubnd-huyen");
    s.run("T1.1", ReportProgress{60, "gần xong"}, "2021-09-10", "ubnd-huyen");
    s.check_projections();
    // A delegated part: a new stream beside an appended one, in one append.
    s.run("T1.1", Delegate{{"phong-yte"}, day("2021-09-25"), "phần y tế"}, "2021-09-10", "ubnd-huyen");
    s.check_projections();
    s.run("T1.1.1", Acknowledge{}, "2021-09-11", "phong-yte");
    s.run("T1.1.1", ClaimCompletion{"xong"}, "2021-09-20", "phong-yte");
    s.check_projections();
    s.run("T1.1.1", ReturnCompletion{"thiếu số liệu"}, "2021-09-21");
    s.run("T1.1.1", ClaimCompletion{"đã bổ sung"}, "2021-09-22", "phong-yte");
    s.run("T1.1.1", Approve{"đạt"}, "2021-09-23");
    s.check_projections();
    // Deadline rungs: the marks of new events only, the awaiting columns.
    REQUIRE(s.service.record_deadline_marks({*s.service.task("T1.2")}, noon("2021-10-01"), {3, 1}));
    s.check_projections();
    s.run("T1.2", ExtendDeadline{day("2021-10-15"), "chờ số liệu"}, "2021-10-04");
    s.check_projections();
    REQUIRE(s.service.record_deadline_marks({*s.service.task("T1.2")}, noon("2021-10-18"), {3, 1}));
    s.run("T1.2", CancelTask{"trùng nhiệm vụ"}, "2021-10-19");
    s.check_projections();
    // Occurrences: a report submitted (its row changes), late ones, the
    // ones the horizon adds.
    s.run("T1.3", SubmitReport{std::nullopt, "tháng 9"}, "2021-09-18", "phong-yte");
    s.check_projections();
    REQUIRE(s.service.tick(day("2021-11-25")));
    s.check_projections();
    s.run("T1.3", SubmitReport{std::nullopt, "tháng 10, muộn"}, "2021-11-26", "phong-yte");
    s.check_projections();
    // Closing a task with reports changes every occurrence's awaiting column.
    s.run("T1.3", CancelTask{"thôi báo cáo"}, "2021-11-27");
    s.check_projections();
  }

  TEST_CASE("issue 6: a command updates its task's row in place instead of replacing it") {
    // INSERT OR REPLACE deletes the row and inserts it again under a new
    // rowid, rewriting every index of tasks; an UPDATE keeps the rowid.
    Site s;
    auto before = s.rowid("T1.1");
    s.run("T1.1", Acknowledge{}, "2021-09-08", "ubnd-huyen");
    s.run("T1.1", ReportProgress{40, "đang rà soát"}, "2021-09-09", "ubnd-huyen");
    CHECK(s.rowid("T1.1") == before);
    CHECK(s.raw().execAndGet("SELECT state || ' ' || progress FROM tasks WHERE id = 'T1.1'").getString() ==
          "in_progress 40");
  }

  TEST_CASE("issue 6: a task handed to the store folded at a head that is not the stream's is not used") {
    // The store uses the task a command folded only when the head it was
    // folded at is the stream's head; otherwise it reads the stream itself.
    Site s;
    s.run("T1.1", Acknowledge{}, "2021-09-08", "ubnd-huyen");
    auto current = s.store.read_stream("T1.1");
    REQUIRE(current);
    TaskView stale = fold_task(*current);
    stale.state = TaskState::cancelled;
    StreamAppend progress{"T1.1", int(current->size()),
                          {NewEvent{"progress_reported",
                                    {{"progress", {{"old", 0}, {"new", 30}}}, {"note", "đang làm"}},
                                    "ubnd-huyen", "2021-09-09T05:00:00Z", day("2021-09-09")}},
                          &stale, StreamHead{int(current->size()), std::string(64, 'f')}};
    REQUIRE(s.store.append({progress}));
    s.check_projections();
    CHECK(s.raw().execAndGet("SELECT state || ' ' || progress FROM tasks WHERE id = 'T1.1'").getString() ==
          "acknowledged 30");
  }

  TEST_CASE("issue 6: a task whose row is missing is written whole by its next command") {
    Site s;
    s.raw().exec("DELETE FROM tasks WHERE id = 'T1.1'");
    s.run("T1.1", Acknowledge{}, "2021-09-08", "ubnd-huyen");
    s.check_projections();
  }

  TEST_CASE("issue 6: the task a command folded is projected from, not read and folded again") {
    // Marked so that its use shows: a fold of the stream would not have
    // this directive, and the row's JSON view is written from the task.
    Site s;
    s.run("T1.1", Acknowledge{}, "2021-09-08", "ubnd-huyen");
    auto current = s.store.read_stream("T1.1");
    REQUIRE(current);
    TaskView folded = fold_task(*current);
    folded.directive = "9.9";
    StreamAppend progress{"T1.1", int(current->size()),
                          {NewEvent{"progress_reported",
                                    {{"progress", {{"old", 0}, {"new", 30}}}, {"note", "đang làm"}},
                                    "ubnd-huyen", "2021-09-09T05:00:00Z", day("2021-09-09")}},
                          &folded, *s.store.stream_head("T1.1")};
    REQUIRE(s.store.append({progress}));
    CHECK(s.raw().execAndGet("SELECT json_extract(view, '$.directive') FROM tasks WHERE id = 'T1.1'").getString() ==
          "9.9");
  }

  TEST_CASE("issue 6: a task with a folded state whose row is missing is written whole from its events") {
    Site s;
    s.run("T1.1", Acknowledge{}, "2021-09-08", "ubnd-huyen");
    auto current = s.store.read_stream("T1.1");
    REQUIRE(current);
    TaskView folded = fold_task(*current);
    s.raw().exec("DELETE FROM tasks WHERE id = 'T1.1'");
    StreamAppend progress{"T1.1", int(current->size()),
                          {NewEvent{"progress_reported",
                                    {{"progress", {{"old", 0}, {"new", 30}}}, {"note", "đang làm"}},
                                    "ubnd-huyen", "2021-09-09T05:00:00Z", day("2021-09-09")}},
                          &folded, *s.store.stream_head("T1.1")};
    REQUIRE(s.store.append({progress}));
    s.check_projections();
  }

  TEST_CASE("issue 6: the task the store keeps is the fold of its stream, deadline marks included") {
    Site s;
    s.run("T1.1", Acknowledge{}, "2021-09-08", "ubnd-huyen");
    s.run("T1.1", Delegate{{"phong-yte"}, day("2021-09-25"), "phần y tế"}, "2021-09-10", "ubnd-huyen");
    s.run("T1.3", SubmitReport{std::nullopt, "tháng 9"}, "2021-09-18", "phong-yte");
    REQUIRE(s.service.record_deadline_marks({*s.service.task("T1.2")}, noon("2021-10-01"), {3, 1}));
    for (const char* id : {"T1.1", "T1.1.1", "T1.2", "T1.3", "T1.4", "T1.5"}) {
      INFO(id);
      auto events = s.store.read_stream(id);
      REQUIRE(events);
      TaskView folded = fold_task(*events);
      auto kept = s.store.kept_task(id);
      REQUIRE(kept);
      REQUIRE(*kept);
      CHECK((*kept)->head == StreamHead{events->back().version, events->back().hash});
      CHECK(to_json((*kept)->task) == to_json(folded));
      CHECK((*kept)->task.deadline_marks == folded.deadline_marks);
    }
    CHECK_FALSE(s.service.task("T1.2")->deadline_marks.empty());
  }

  TEST_CASE("issue 6: a task whose row is behind its stream, or missing, is not kept: its events are read") {
    Site s;
    s.run("T1.1", Acknowledge{}, "2021-09-08", "ubnd-huyen");
    s.raw().exec("UPDATE tasks SET version = version - 1 WHERE id = 'T1.1'");
    CHECK_FALSE(*s.store.kept_task("T1.1"));
    s.raw().exec("DELETE FROM tasks WHERE id = 'T1.2'");
    CHECK_FALSE(*s.store.kept_task("T1.2"));
    CHECK_FALSE(*s.store.kept_task("T9.9"));
    CHECK_FALSE(*s.store.kept_task("D1"));
    CHECK(*s.store.kept_task("T1.3"));
    // Decided on the events, and the rows are brought back in step.
    s.run("T1.1", ReportProgress{40, "đang rà soát"}, "2021-09-09", "ubnd-huyen");
    s.run("T1.2", Acknowledge{}, "2021-09-09", "phong-yte");
    s.check_projections();
  }
}
