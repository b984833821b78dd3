#include "workflows/lunar_calendar.hpp"

#include <doctest/doctest.h>

using namespace cvtrack;
using namespace cvtrack::workflows;

namespace {

engine::Date ymd(int year, int month, int day) { return *engine::make_date(year, month, day); }

std::string solar_iso(const LunarDate& lunar, double tz = 7.0) {
  auto date = lunar_to_solar(lunar, tz);
  return date ? engine::to_iso(*date) : "none";
}

}  // namespace

TEST_SUITE("workflows/lunar_calendar") {
  TEST_CASE("Tết and Giỗ Tổ 2019-2031 fall on the dates of domain.md 3.4") {
    struct Year { int year; const char* tet; const char* gio_to; };
    const Year cases[] = {
        {2019, "2019-02-05", "2019-04-14"}, {2020, "2020-01-25", "2020-04-02"},
        {2021, "2021-02-12", "2021-04-21"}, {2022, "2022-02-01", "2022-04-10"},
        {2023, "2023-01-22", "2023-04-29"}, {2024, "2024-02-10", "2024-04-18"},
        {2025, "2025-01-29", "2025-04-07"}, {2026, "2026-02-17", "2026-04-26"},
        {2027, "2027-02-06", "2027-04-16"}, {2028, "2028-01-26", "2028-04-04"},
        {2029, "2029-02-13", "2029-04-23"}, {2030, "2030-02-02", "2030-04-12"},
        {2031, "2031-01-23", "2031-04-01"},
    };
    for (const Year& c : cases) {
      CAPTURE(c.year);
      CHECK(solar_iso({1, 1, c.year}) == c.tet);
      CHECK(solar_iso({10, 3, c.year}) == c.gio_to);
      CHECK(solar_to_lunar(*engine::parse_iso_date(c.tet)) == LunarDate{1, 1, c.year});
    }
  }

  TEST_CASE("the last day of the lunar year is 29 or 30 Chạp as the moon decides") {
    // 30 Chạp in 2019-2021, 2023, 2024; 29 Chạp in 2022 and 2025-2031.
    CHECK(solar_to_lunar(ymd(2024, 2, 9)) == LunarDate{30, 12, 2023});
    CHECK(solar_to_lunar(ymd(2026, 2, 16)) == LunarDate{29, 12, 2025});
    CHECK(solar_to_lunar(ymd(2022, 1, 31)) == LunarDate{29, 12, 2021});
    CHECK_FALSE(lunar_to_solar({30, 12, 2025}));
  }

  TEST_CASE("Vietnam at UTC+7 and China at UTC+8 disagree on Tết 1985 and 2007 and 2030 and 2053") {
    CHECK(solar_iso({1, 1, 1985}) == "1985-01-21");
    CHECK(solar_iso({1, 1, 1985}, 8.0) == "1985-02-20");
    CHECK(solar_iso({1, 1, 2007}) == "2007-02-17");
    CHECK(solar_iso({1, 1, 2007}, 8.0) == "2007-02-18");
    CHECK(solar_iso({1, 1, 2030}, 8.0) == "2030-02-03");
    CHECK(solar_to_lunar(ymd(2030, 2, 2), 8.0) == LunarDate{30, 12, 2029});
    CHECK(solar_iso({1, 1, 2053}) == "2053-02-18");
    CHECK(solar_iso({1, 1, 2053}, 8.0) == "2053-02-19");
  }

  TEST_CASE("leap months of 2020 to 2031 start where published") {
    CHECK(solar_iso({1, 4, 2020, true}) == "2020-05-23");
    CHECK(solar_iso({1, 2, 2023, true}) == "2023-03-22");
    CHECK(solar_iso({1, 6, 2025, true}) == "2025-07-25");
    CHECK(solar_iso({1, 5, 2028, true}) == "2028-06-23");
    CHECK(solar_iso({1, 3, 2031, true}) == "2031-04-21");
    CHECK(solar_to_lunar(ymd(2023, 3, 22)) == LunarDate{1, 2, 2023, true});
  }

  TEST_CASE("a leap month a year does not have is refused") {
    CHECK_FALSE(lunar_to_solar({1, 3, 2023, true}));
    CHECK_FALSE(lunar_to_solar({1, 1, 2024, true}));
    CHECK_FALSE(lunar_to_solar({1, 13, 2024}));
    CHECK_FALSE(lunar_to_solar({0, 1, 2024}));
  }

  TEST_CASE("solar dates convert to the lunar dates of domain.md 3.4") {
    CHECK(solar_to_lunar(ymd(2000, 1, 1)) == LunarDate{25, 11, 1999});
    CHECK(solar_to_lunar(ymd(2024, 1, 1)) == LunarDate{20, 11, 2023});
    CHECK(solar_to_lunar(ymd(2023, 3, 21)) == LunarDate{30, 2, 2023});
    CHECK(solar_to_lunar(ymd(2023, 4, 20)) == LunarDate{1, 3, 2023});
    CHECK(solar_to_lunar(ymd(2023, 7, 25)) == LunarDate{8, 6, 2023});
  }

  TEST_CASE("every day of 2019-2031 round-trips through the lunar calendar") {
    int failures = 0;
    for (engine::Date day = ymd(2019, 1, 1); day <= ymd(2031, 12, 31); day = engine::add_days(day, 1)) {
      auto back = lunar_to_solar(solar_to_lunar(day));
      if (!back || *back != day) ++failures;
    }
    CHECK(failures == 0);
  }
}
