#include "engine/reporting_schedule.hpp"

#include <doctest/doctest.h>

#include "tests/engine/engine_fixtures.hpp"

using namespace cvtrack::engine;
using cvtrack::test::day;

namespace {
TaskSpec duty(Recurrence r, Schedule s = {}) {
  TaskSpec spec;
  spec.assignee = "Phòng Y tế";
  spec.kind = TaskKind::report;
  spec.recurrence = r;
  spec.schedule = s;
  return spec;
}
}  // namespace

TEST_SUITE("engine/reporting_schedule") {
  TEST_CASE("a monthly report due on the 20th, from registration to the horizon") {
    Schedule s;
    s.day_of_month = 20;
    WeekdaysOnly calendar;
    auto planned = plan_occurrences(duty(Recurrence::monthly, s), day("2021-09-07"), day("2021-11-30"), calendar);
    CHECK(planned == std::vector<PlannedOccurrence>{{"2021-09", day("2021-09-20")},
                                                    {"2021-10", day("2021-10-20")},
                                                    {"2021-11", day("2021-11-20")}});
  }

  TEST_CASE("a period whose due date passed before registration is not planned") {
    Schedule s;
    s.day_of_month = 5;
    WeekdaysOnly calendar;
    auto planned = plan_occurrences(duty(Recurrence::monthly, s), day("2021-09-07"), day("2021-10-31"), calendar);
    CHECK(planned == std::vector<PlannedOccurrence>{{"2021-10", day("2021-10-05")}});
  }

  TEST_CASE("without a day, NĐ 09: cut-off the 14th, due one working day later") {
    WeekdaysOnly calendar;
    // 14/8/2021 is a Saturday: the next working day is Monday 16/8.
    auto monthly = plan_occurrences(duty(Recurrence::monthly), day("2021-08-01"), day("2021-09-30"), calendar);
    CHECK(monthly == std::vector<PlannedOccurrence>{{"2021-08", day("2021-08-16")}, {"2021-09", day("2021-09-15")}});
    auto quarterly = plan_occurrences(duty(Recurrence::quarterly), day("2021-07-01"), day("2022-03-31"), calendar);
    CHECK(quarterly == std::vector<PlannedOccurrence>{{"2021-Q3", day("2021-09-15")},
                                                      {"2021-Q4", day("2021-12-15")},
                                                      {"2022-Q1", day("2022-03-15")}});
    auto half = plan_occurrences(duty(Recurrence::half_yearly), day("2021-01-01"), day("2021-12-31"), calendar);
    CHECK(half == std::vector<PlannedOccurrence>{{"2021-H1", day("2021-06-15")}, {"2021-H2", day("2021-12-15")}});
    auto yearly = plan_occurrences(duty(Recurrence::yearly), day("2021-01-01"), day("2022-12-31"), calendar);
    CHECK(yearly == std::vector<PlannedOccurrence>{{"2021", day("2021-12-15")}, {"2022", day("2022-12-15")}});
  }

  TEST_CASE("weekly reports fall on the named weekday, Friday by default, keyed by ISO week") {
    WeekdaysOnly calendar;
    Schedule thursday;
    thursday.weekdays = {4};
    auto planned = plan_occurrences(duty(Recurrence::weekly, thursday), day("2021-09-07"), day("2021-09-20"), calendar);
    CHECK(planned == std::vector<PlannedOccurrence>{{"2021-W36", day("2021-09-09")}, {"2021-W37", day("2021-09-16")}});
    auto friday = plan_occurrences(duty(Recurrence::weekly), day("2021-12-30"), day("2022-01-08"), calendar);
    CHECK(friday == std::vector<PlannedOccurrence>{{"2021-W52", day("2021-12-31")}, {"2022-W01", day("2022-01-07")}});
  }

  TEST_CASE("daily reports, inside the schedule's own from/until") {
    WeekdaysOnly calendar;
    Schedule s;
    s.from = day("2021-09-08");
    s.until = day("2021-09-10");
    auto planned = plan_occurrences(duty(Recurrence::daily, s), day("2021-09-07"), day("2021-09-30"), calendar);
    CHECK(planned == std::vector<PlannedOccurrence>{{"2021-09-08", day("2021-09-08")},
                                                    {"2021-09-09", day("2021-09-09")},
                                                    {"2021-09-10", day("2021-09-10")}});
  }

  TEST_CASE("continuous and on-event duties have no occurrences") {
    WeekdaysOnly calendar;
    CHECK(plan_occurrences(duty(Recurrence::continuous), day("2021-01-01"), day("2021-12-31"), calendar).empty());
    CHECK(plan_occurrences(duty(Recurrence::on_event), day("2021-01-01"), day("2021-12-31"), calendar).empty());
  }

  TEST_CASE("a day past the month's end falls on its last day") {
    Schedule s;
    s.day_of_month = 31;
    WeekdaysOnly calendar;
    auto planned = plan_occurrences(duty(Recurrence::monthly, s), day("2022-02-01"), day("2022-02-28"), calendar);
    CHECK(planned == std::vector<PlannedOccurrence>{{"2022-02", day("2022-02-28")}});
  }
}
