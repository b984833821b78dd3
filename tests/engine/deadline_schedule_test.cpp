#include "engine/deadline_schedule.hpp"

#include <doctest/doctest.h>

#include "engine/apply.hpp"
#include "engine/event_types.hpp"
#include "tests/engine/engine_harness.hpp"

using namespace cvtrack::engine;
using cvtrack::test::day;
using cvtrack::test::EngineHarness;

namespace {

TimePoint at(const char* date, int hour, int minute = 0) {
  return start_of_day(day(date)) + std::chrono::hours{hour} + std::chrono::minutes{minute};
}

std::vector<std::string> rungs_of(const std::vector<NewEvent>& events) {
  std::vector<std::string> out;
  for (const auto& e : events) out.push_back(e.payload.value("due_key", "") + " " + e.payload.value("rung", ""));
  return out;
}

// The task as it stands after `events` were recorded on it.
TaskView after(TaskView task, const std::vector<NewEvent>& events) {
  for (const auto& e : events) {
    RecordedEvent r;
    r.stream = task.id;
    r.version = task.version + 1;
    r.event = e;
    task = apply(std::move(task), r);
  }
  return task;
}

const WeekdaysOnly kCalendar;
const std::vector<int> kRungs{3, 1};

}  // namespace

TEST_SUITE("engine/deadline_schedule") {
  TEST_CASE("a deadline passes at the end of its day in Vietnam, or at the hour the text gives") {
    CHECK(to_utc_iso(overdue_moment(day("2021-09-30"), std::nullopt)) == "2021-09-30T17:00:00Z");
    CHECK(to_utc_iso(overdue_moment(day("2021-09-30"), std::string("14:00"))) == "2021-09-30T07:00:00Z");
    CHECK(to_utc_iso(overdue_moment(day("2021-09-30"), std::string("8:30"))) == "2021-09-30T01:30:00Z");
    // Words that are not an hour never make a deadline pass early.
    CHECK(to_utc_iso(overdue_moment(day("2021-09-30"), std::string("cuối giờ chiều"))) == "2021-09-30T17:00:00Z");
    CHECK(to_utc_iso(overdue_moment(day("2021-09-30"), std::string("25:00"))) == "2021-09-30T17:00:00Z");
  }

  TEST_CASE("a reminder N working days before is due at the start of the first day with N working days left") {
    // Thursday 30/9/2021: 3 before is Monday 27/9, 1 before Wednesday 29/9.
    CHECK(reminder_day(day("2021-09-30"), 3, kCalendar) == day("2021-09-27"));
    CHECK(reminder_day(day("2021-09-30"), 1, kCalendar) == day("2021-09-29"));
    // Monday 4/10: on Friday 1/10 only Monday is left, over the weekend.
    CHECK(reminder_day(day("2021-10-04"), 1, kCalendar) == day("2021-10-01"));
    CHECK(to_utc_iso(reminder_moment(day("2021-09-30"), 3, kCalendar)) == "2021-09-26T17:00:00Z");
    CHECK(rung_urgency("remind-3") < rung_urgency("remind-1"));
    CHECK(rung_urgency("remind-1") < rung_urgency(kOverdueRung));
    CHECK(normalized_reminders({1, 3, 3, -2}) == std::vector<int>{3, 1});
  }

  TEST_CASE("each rung of a deadline is recorded once, in order, and an extension is a new key") {
    EngineHarness h;
    TaskView t = h.task("T1.1");  // due Thursday 2021-09-30
    CHECK(deadline_marks_due(t, at("2021-09-26", 23), kRungs, kCalendar, "").empty());
    auto first = deadline_marks_due(t, at("2021-09-27", 0), kRungs, kCalendar, "x");
    REQUIRE(first.size() == 1);
    CHECK(first[0].type == event_type::deadline_reminder);
    CHECK(first[0].payload["working_days_left"] == 3);
    CHECK(first[0].actor == kSystemActor);
    CHECK(first[0].recorded_at == "x");
    CHECK(first[0].effective_on == day("2021-09-27"));
    t = after(t, first);
    CHECK(t.deadline_marks.at("2021-09-30") == std::set<std::string>{"remind-3"});
    CHECK(deadline_marks_due(t, at("2021-09-28", 12), kRungs, kCalendar, "").empty());
    auto second = deadline_marks_due(t, at("2021-09-29", 9), kRungs, kCalendar, "");
    CHECK(rungs_of(second) == std::vector<std::string>{"2021-09-30 remind-1"});
    t = after(t, second);
    CHECK(deadline_marks_due(t, at("2021-09-30", 23, 59), kRungs, kCalendar, "").empty());
    auto third = deadline_marks_due(t, at("2021-10-01", 0), kRungs, kCalendar, "");
    REQUIRE(rungs_of(third) == std::vector<std::string>{"2021-09-30 overdue"});
    CHECK(third[0].type == event_type::task_overdue);
    CHECK(third[0].payload["days_overdue"] == 1);
    t = after(t, third);
    CHECK(deadline_marks_due(t, at("2021-10-20", 0), kRungs, kCalendar, "").empty());
    t.deadline = day("2021-10-29");  // as deadline_extended leaves it
    CHECK(rungs_of(deadline_marks_due(t, at("2021-10-30", 0), kRungs, kCalendar, "")) ==
          std::vector<std::string>{"2021-10-29 overdue"});
  }

  TEST_CASE("when several rungs are due at once only the most urgent is recorded, and the others never after") {
    EngineHarness h;
    TaskView t = h.task("T1.1");
    auto late = deadline_marks_due(t, at("2021-09-29", 12), kRungs, kCalendar, "");
    REQUIRE(rungs_of(late) == std::vector<std::string>{"2021-09-30 remind-1"});
    t = after(t, late);
    CHECK(deadline_marks_due(t, at("2021-09-29", 13), kRungs, kCalendar, "").empty());
    // A server down past the deadline records only that it passed.
    TaskView fresh = h.task("T1.2");
    CHECK(rungs_of(deadline_marks_due(fresh, at("2021-10-05", 0), kRungs, kCalendar, "")) ==
          std::vector<std::string>{"2021-09-30 overdue"});
  }

  TEST_CASE("a claim awaiting approval and a closed task fire nothing — a missed report is overdue once") {
    EngineHarness h;
    REQUIRE(h.run("T1.1", Acknowledge{}));
    REQUIRE(h.run("T1.1", ClaimCompletion{"xong"}, std::nullopt, "2021-09-20"));
    CHECK(deadline_marks_due(h.task("T1.1"), at("2021-10-05", 0), kRungs, kCalendar, "").empty());
    REQUIRE(h.run("T1.2", CancelTask{"trùng"}, std::nullopt, "2021-09-20"));
    CHECK(deadline_marks_due(h.task("T1.2"), at("2021-10-05", 0), kRungs, kCalendar, "").empty());
    TaskView report = h.task("T1.3");  // 2021-09 due 20/9, no reminders for reports
    CHECK(deadline_marks_due(report, at("2021-09-20", 23), kRungs, kCalendar, "").empty());
    auto missed = deadline_marks_due(report, at("2021-09-21", 0), kRungs, kCalendar, "");
    REQUIRE(rungs_of(missed) == std::vector<std::string>{"2021-09-20#2021-09 overdue"});
    CHECK(missed[0].type == event_type::occurrence_overdue);
    CHECK(missed[0].payload["period"] == "2021-09");
    CHECK(deadline_marks_due(after(report, missed), at("2021-09-25", 0), kRungs, kCalendar, "").empty());
  }

  TEST_CASE("markers written before rungs existed are read with their key and an implied rung") {
    NewEvent overdue{event_type::task_overdue, {{"deadline", "2021-09-30"}, {"days_overdue", 2}}, "system", "", {}};
    NewEvent reminder{event_type::deadline_reminder, {{"deadline", "2021-09-30"}, {"working_days_left", 2}},
                      "system", "", {}};
    NewEvent report{event_type::occurrence_overdue, {{"period", "2021-09"}, {"due", "2021-09-20"}}, "system", "", {}};
    CHECK(deadline_mark_of(overdue)->rung == "overdue");
    CHECK(deadline_mark_of(overdue)->legacy);
    CHECK(deadline_mark_of(reminder)->due_key == "2021-09-30");
    CHECK(deadline_mark_of(reminder)->rung == "remind-2");
    CHECK(deadline_mark_of(report)->due_key == "2021-09-20#2021-09");
    CHECK_FALSE(deadline_mark_of(NewEvent{event_type::task_acknowledged, {}, "x", "", {}}));
    // A legacy remind-2 stands above a configured remind-3: not recorded again.
    EngineHarness h;
    TaskView t = after(h.task("T1.1"), {reminder});
    CHECK(deadline_marks_due(t, at("2021-09-28", 12), kRungs, kCalendar, "").empty());
  }

  TEST_CASE("a scaled clock runs fast from its start, and converts a wait into real time") {
    TimePoint start = at("2021-09-30", 13);
    ScaledClock clock(start, 60);  // a minute a second
    CHECK(clock.now() - start < std::chrono::minutes{10});
    auto wait = clock.real_wait_until(start + std::chrono::hours{1});
    CHECK(wait <= std::chrono::seconds{60});
    CHECK(wait > std::chrono::seconds{50});
    clock.advance(std::chrono::hours{2});
    CHECK(clock.now() >= start + std::chrono::hours{2});
    CHECK(clock.real_wait_until(start + std::chrono::hours{1}) == std::chrono::steady_clock::duration{0});
    SystemClock system;
    CHECK(system.real_wait_until(system.now() + std::chrono::seconds{30}) <= std::chrono::seconds{30});
    CHECK(system.real_wait_until(system.now() + std::chrono::seconds{30}) > std::chrono::seconds{28});
  }
}
