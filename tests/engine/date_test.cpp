#include "engine/date.hpp"

#include <doctest/doctest.h>

#include "engine/clock.hpp"

using namespace cvtrack::engine;

TEST_SUITE("engine/date") {
  TEST_CASE("a real day round-trips through its ISO form") {
    auto d = make_date(2021, 7, 15);
    REQUIRE(d);
    CHECK(to_iso(*d) == "2021-07-15");
    CHECK(parse_iso_date("2021-07-15") == d);
  }

  TEST_CASE("days that do not exist are refused") {
    CHECK_FALSE(make_date(2021, 2, 30));
    CHECK_FALSE(make_date(2021, 13, 1));
    CHECK_FALSE(parse_iso_date("2021-02-29"));
    CHECK(parse_iso_date("2024-02-29"));
    CHECK_FALSE(parse_iso_date("2021-7-15"));
  }

  TEST_CASE("a refused date is explained: the wrong shape, or a day the calendar does not have") {
    CHECK(why_not_iso_date("2021-7-15") == "is not a date (YYYY-MM-DD)");
    CHECK(why_not_iso_date("15/07/2021") == "is not a date (YYYY-MM-DD)");
    CHECK(why_not_iso_date("2021-0a-15") == "is not a date (YYYY-MM-DD)");
    CHECK(why_not_iso_date("2026-02-30") == "is not a day of the calendar: February 2026 has 28 days");
    CHECK(why_not_iso_date("2024-02-30") == "is not a day of the calendar: February 2024 has 29 days");
    CHECK(why_not_iso_date("2021-09-31") == "is not a day of the calendar: September 2021 has 30 days");
    CHECK(why_not_iso_date("2021-07-00") == "is not a day of the calendar: July 2021 has 31 days");
    CHECK(why_not_iso_date("2021-13-01") == "is not a day of the calendar: there is no month 13");
  }

  TEST_CASE("weekday and day arithmetic") {
    auto d = *make_date(2026, 1, 12);
    CHECK(iso_weekday(d) == 1);  // Monday
    CHECK(to_iso(add_days(d, 7)) == "2026-01-19");
    CHECK(days_between(d, *make_date(2026, 3, 16)) == 63);
    CHECK(to_iso(last_day_of_month(2024, 2)) == "2024-02-29");
  }

  TEST_CASE("dates and instants are written zero-padded, as the log and the projections store them") {
    CHECK(to_iso(*make_date(2026, 1, 5)) == "2026-01-05");
    CHECK(to_iso(*make_date(999, 12, 31)) == "0999-12-31");
    CHECK(to_iso(*make_date(10000, 3, 1)) == "10000-03-01");
    CHECK(to_iso(Date{}) == "0000-00-00");
    using namespace std::chrono;
    CHECK(to_utc_iso(TimePoint{sys_days{*make_date(2026, 11, 22)} + hours{7} + minutes{5} + seconds{9}}) ==
          "2026-11-22T07:05:09Z");
    CHECK(to_utc_iso(TimePoint{sys_days{*make_date(2021, 12, 31)} + hours{23} + minutes{59} + seconds{59}}) ==
          "2021-12-31T23:59:59Z");
  }
}
