#include "engine/task_status.hpp"

#include <doctest/doctest.h>

#include "tests/engine/engine_fixtures.hpp"

using namespace cvtrack::engine;
using cvtrack::test::day;

namespace {
TaskView task(TaskState state, std::optional<Date> deadline, std::optional<Date> done_on = std::nullopt) {
  TaskView t;
  t.id = "T1.1";
  t.version = 1;
  t.state = state;
  t.deadline = deadline;
  t.done_on = done_on;
  return t;
}
const WeekdaysOnly kCalendar;
}  // namespace

TEST_SUITE("engine/task_status") {
  TEST_CASE("the deadline day itself is within the deadline, the day after is overdue") {
    auto t = task(TaskState::in_progress, day("2021-09-30"));
    CHECK(status_at(t, day("2021-09-30"), kCalendar, 3).category == Category::in_progress_on_time);
    auto after = status_at(t, day("2021-10-05"), kCalendar, 3);
    CHECK(after.category == Category::in_progress_overdue);
    CHECK(after.days_overdue == 5);
  }

  TEST_CASE("due soon counts working days: Friday to the next Wednesday is 3") {
    auto t = task(TaskState::acknowledged, day("2021-09-29"));  // a Wednesday
    auto friday = status_at(t, day("2021-09-24"), kCalendar, 3);
    CHECK(friday.due_soon);
    CHECK(friday.working_days_left == 3);
    CHECK_FALSE(status_at(t, day("2021-09-23"), kCalendar, 3).due_soon);
  }

  TEST_CASE("done on time or late by the date the approved claim was submitted") {
    CHECK(status_at(task(TaskState::done, day("2021-09-30"), day("2021-09-30")), day("2021-12-01"), kCalendar, 3)
              .category == Category::done_on_time);
    CHECK(status_at(task(TaskState::done, day("2021-09-30"), day("2021-10-01")), day("2021-12-01"), kCalendar, 3)
              .category == Category::done_late);
    CHECK(status_at(task(TaskState::done, std::nullopt, day("2021-10-01")), day("2021-12-01"), kCalendar, 3)
              .category == Category::done_on_time);
  }

  TEST_CASE("cancelled, done and deadline-less tasks are never overdue") {
    Date late = day("2030-01-01");
    CHECK(status_at(task(TaskState::cancelled, day("2021-09-30")), late, kCalendar, 3).category == Category::cancelled);
    CHECK(status_at(task(TaskState::in_progress, std::nullopt), late, kCalendar, 3).category == Category::no_deadline);
    CHECK(status_at(task(TaskState::done, day("2021-09-30"), day("2021-09-01")), late, kCalendar, 3).category ==
          Category::done_on_time);
  }

  TEST_CASE("a claim awaiting approval is still in progress, and can be overdue") {
    auto t = task(TaskState::submitted, day("2021-09-30"));
    CHECK(status_at(t, day("2021-10-02"), kCalendar, 3).category == Category::in_progress_overdue);
  }
}
