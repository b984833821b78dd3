#include "workflows/working_day_calendar.hpp"

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include <doctest/doctest.h>

using namespace cvtrack;
using namespace cvtrack::workflows;

namespace {

engine::Date d(const char* iso) { return *engine::parse_iso_date(iso); }
std::string iso(engine::Date date) { return engine::to_iso(date); }

const WorkingDayCalendar& official() { return WorkingDayCalendar::bundled(); }

// A calendar data file in the temp directory, removed when the test ends.
class TempFile {
 public:
  TempFile(const std::string& name, const std::string& content)
      : path_(std::filesystem::temp_directory_path() / ("cvtrack-calendar-test-" + name)) {
    std::ofstream(path_, std::ios::binary) << content;
  }
  ~TempFile() { std::filesystem::remove(path_); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

std::string error_of(const nlohmann::json& document) {
  auto calendar = WorkingDayCalendar::from_json(document, "test.json");
  REQUIRE_FALSE(calendar.ok());
  CHECK(calendar.error().code == engine::ErrorCode::bad_input);
  return calendar.error().message;
}

nlohmann::json one_day(nlohmann::json record) {
  return {{"days", nlohmann::json::array({std::move(record)})}};
}

}  // namespace

TEST_SUITE("workflows/working_day_calendar") {
  TEST_CASE("the bundled data announces 2020-2026 and leaves later years estimated") {
    CHECK_FALSE(official().source_name().empty());
    CHECK_FALSE(official().version().empty());
    for (int year = 2020; year <= 2026; ++year) CHECK_FALSE(official().is_estimated(year));
    CHECK(official().is_estimated(2019));
    CHECK(official().is_estimated(2027));
    CHECK(WorkingDayCalendar{}.is_estimated(2026));
  }

  TEST_CASE("the weekdays off and working Saturdays of 2020-2026 are exactly those of domain.md 7") {
    // Typed from the "wd" and make-up columns of the table, not from the JSON.
    const std::set<std::string> weekdays_off = {
        "2020-01-01", "2020-01-23", "2020-01-24", "2020-01-27", "2020-01-28", "2020-01-29",
        "2020-04-02", "2020-04-30", "2020-05-01", "2020-09-02",
        "2021-01-01", "2021-02-10", "2021-02-11", "2021-02-12", "2021-02-15", "2021-02-16",
        "2021-04-21", "2021-04-30", "2021-05-03", "2021-09-02", "2021-09-03",
        "2022-01-03", "2022-01-31", "2022-02-01", "2022-02-02", "2022-02-03", "2022-02-04",
        "2022-04-11", "2022-05-02", "2022-05-03", "2022-09-01", "2022-09-02",
        "2023-01-02", "2023-01-20", "2023-01-23", "2023-01-24", "2023-01-25", "2023-01-26",
        "2023-05-01", "2023-05-02", "2023-05-03", "2023-09-01", "2023-09-04",
        "2024-01-01", "2024-02-08", "2024-02-09", "2024-02-12", "2024-02-13", "2024-02-14",
        "2024-04-18", "2024-04-29", "2024-04-30", "2024-05-01", "2024-09-02", "2024-09-03",
        "2025-01-01", "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31",
        "2025-04-07", "2025-04-30", "2025-05-01", "2025-05-02", "2025-09-01", "2025-09-02",
        "2026-01-01", "2026-01-02", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19",
        "2026-02-20", "2026-04-27", "2026-04-30", "2026-05-01", "2026-08-31", "2026-09-01",
        "2026-09-02",
    };
    const std::set<std::string> working_weekends = {"2024-05-04", "2025-04-26", "2026-01-10",
                                                    "2026-08-22"};
    std::set<std::string> found_off, found_working_weekends;
    for (auto day = d("2020-01-01"); day <= d("2026-12-31"); day = engine::add_days(day, 1)) {
      const bool weekend = engine::iso_weekday(day) >= 6;
      const auto info = official().describe(day);
      if (!weekend && !info.working) {
        found_off.insert(iso(day));
        CHECK_MESSAGE(!info.source.empty(), iso(day), " is off but cites no source");
        CHECK_MESSAGE(!info.name.empty(), iso(day), " is off but names no holiday");
      }
      if (weekend && info.working) found_working_weekends.insert(iso(day));
    }
    CHECK(found_off == weekdays_off);
    CHECK(found_working_weekends == working_weekends);
  }

  TEST_CASE("a make-up Saturday is an ordinary working day also for a rolled deadline") {
    for (const char* saturday : {"2024-05-04", "2025-04-26", "2026-01-10", "2026-08-22"}) {
      CAPTURE(saturday);
      CHECK(official().is_working_day(d(saturday)));
      CHECK_FALSE(official().holiday_name(d(saturday)));
      CHECK_FALSE(official().describe(d(saturday)).source.empty());
    }
    CHECK(iso(official().add_calendar_days(d("2026-01-03"), 7)) == "2026-01-10");
    CHECK(iso(official().add_working_days(d("2026-01-09"), 1)) == "2026-01-10");
  }

  TEST_CASE("working days are counted across the nine-day Tết 2026 break") {
    CHECK(official().holiday_name(d("2026-02-17")) == "Tết Nguyên Đán");
    CHECK(official().working_days_between(d("2026-02-13"), d("2026-02-24")) == 2);
    CHECK(iso(official().add_working_days(d("2026-02-12"), 3)) == "2026-02-24");
    CHECK(iso(official().add_working_days(d("2026-02-23"), -1)) == "2026-02-13");
    CHECK(official().working_days_between(d("2026-02-24"), d("2026-02-13")) == -2);
  }

  TEST_CASE("counted working days agree with the days described, inside, across and outside the indexed years") {
    // The counts come from a prefix index over 2000-2100; describe() walks the
    // layers. Every span below must agree, including the data layer's swaps.
    auto walked = [](engine::Date from, engine::Date to) {
      int n = 0;
      for (auto day = engine::add_days(from, 1); day <= to; day = engine::add_days(day, 1))
        if (official().describe(day).working) ++n;
      return n;
    };
    const char* spans[][2] = {{"2026-02-13", "2026-02-24"}, {"2025-04-20", "2025-05-10"},
                              {"2025-01-01", "2026-12-31"}, {"1999-12-20", "2000-01-10"},
                              {"2100-12-20", "2101-01-10"}, {"1995-06-01", "1995-07-01"},
                              {"2026-11-22", "2026-11-22"}};
    for (const auto& span : spans) {
      CAPTURE(span[0]);
      CAPTURE(span[1]);
      CHECK(official().working_days_between(d(span[0]), d(span[1])) == walked(d(span[0]), d(span[1])));
      CHECK(official().working_days_between(d(span[1]), d(span[0])) == -walked(d(span[0]), d(span[1])));
    }
    for (auto day = d("2025-12-25"); day <= d("2026-03-01"); day = engine::add_days(day, 1))
      CHECK(official().is_working_day(day) == official().describe(day).working);
    // A calendar from data indexes its own records: a make-up Saturday counts.
    auto mine = WorkingDayCalendar::from_json(
        nlohmann::json::parse(R"({"days":[{"date":"2031-03-08","kind":"work","holiday":"làm bù","source":"test"}]})"),
        "test.json");
    REQUIRE(mine.ok());
    CHECK(mine->is_working_day(d("2031-03-08")));
    CHECK(mine->working_days_between(d("2031-03-06"), d("2031-03-10")) == 3);  // Fri, Sat, Mon
    CHECK(WorkingDayCalendar().working_days_between(d("2031-03-06"), d("2031-03-10")) == 2);
  }

  TEST_CASE("the index built in bulk agrees with describe() on every day of 2000-2100") {
    // index_working_days() lays the layers over the window instead of asking
    // describe() day by day: the computed layer alone, the bundled data (its
    // announced years drop the computed Tết and Quốc khánh) and a data file
    // announcing a year must each give describe()'s answer on every day.
    auto announced = WorkingDayCalendar::from_json(
        nlohmann::json::parse(R"({"announced_years":[2031],"days":[)"
                              R"({"date":"2031-01-24","kind":"off","holiday":"Tết","source":"test"},)"
                              R"({"date":"2031-03-08","kind":"work","holiday":"làm bù","source":"test"}]})"),
        "test.json");
    REQUIRE(announced.ok());
    const WorkingDayCalendar computed;
    const WorkingDayCalendar* calendars[] = {&official(), &computed, &*announced};
    for (const WorkingDayCalendar* calendar : calendars) {
      int disagreeing = 0;
      std::string first;
      for (auto day = d("2000-01-01"); day <= d("2100-12-31"); day = engine::add_days(day, 1)) {
        if (calendar->is_working_day(day) == calendar->describe(day).working) continue;
        if (disagreeing++ == 0) first = iso(day);
      }
      CAPTURE(first);
      CHECK(disagreeing == 0);
    }
    CHECK_FALSE(announced->is_working_day(d("2031-01-24")));
    CHECK(announced->is_working_day(d("2031-03-08")));
  }

  TEST_CASE("30/4-1/5 2025 swaps 2/5 for Saturday 26/4") {
    CHECK(official().working_days_between(d("2025-04-24"), d("2025-05-06")) == 6);
    CHECK(iso(official().add_working_days(d("2025-04-25"), 1)) == "2025-04-26");
    CHECK(iso(official().add_working_days(d("2025-04-29"), 1)) == "2025-05-05");
    CHECK_FALSE(official().is_working_day(d("2025-05-02")));
  }

  TEST_CASE("long-phung: 05 ngày làm việc kể từ ngày 12/01/2026 ends on 19/01/2026") {
    CHECK(iso(official().add_working_days(d("2026-01-12"), 5)) == "2026-01-19");
  }

  TEST_CASE("5 working days from 10/11/2025 ends on 17/11/2025") {
    CHECK(iso(official().add_working_days(d("2025-11-10"), 5)) == "2025-11-17");
    CHECK(official().working_days_between(d("2025-11-10"), d("2025-11-17")) == 5);
  }

  TEST_CASE("a period in calendar days ending on a day off ends on the next working day") {
    CHECK(iso(official().add_calendar_days(d("2026-02-10"), 5)) == "2026-02-23");
    CHECK(iso(official().roll_to_working_day(d("2026-02-14"))) == "2026-02-23");
    CHECK(iso(official().roll_to_working_day(d("2026-02-12"))) == "2026-02-12");
    CHECK(iso(official().add_calendar_days(d("2026-03-02"), 10)) == "2026-03-12");
  }

  TEST_CASE("in a computed year a holiday on Sunday gives Monday off") {
    CHECK(engine::iso_weekday(d("2034-01-01")) == 7);
    CHECK(official().holiday_name(d("2034-01-02")) == "Tết Dương lịch (nghỉ bù)");
    CHECK(WorkingDayCalendar{}.holiday_name(d("2023-01-02")) == "Tết Dương lịch (nghỉ bù)");
    // 30/4/2028 is a Sunday and Monday is 1/5 itself, so Tuesday is off.
    CHECK(official().holiday_name(d("2028-05-01")) == "Ngày Quốc tế lao động");
    CHECK(official().holiday_name(d("2028-05-02")) == "Ngày Chiến thắng (nghỉ bù)");
    CHECK(official().is_working_day(d("2028-05-03")));
  }

  TEST_CASE("a computed Tết is the last day of the lunar year plus mùng 1-4 and is labelled estimated") {
    // Tết 2027: mùng 1 is Saturday 06/02; 29 Chạp is Friday 05/02.
    const auto& calendar = official();
    for (const char* day : {"2027-02-05", "2027-02-08", "2027-02-09"}) {
      CAPTURE(day);
      CHECK(calendar.describe(d(day)).estimated);
      CHECK(calendar.holiday_name(d(day)) == "Tết Nguyên Đán");
    }
    CHECK(calendar.holiday_name(d("2027-02-10")) == "Tết Nguyên Đán (nghỉ bù)");
    CHECK(calendar.holiday_name(d("2027-02-11")) == "Tết Nguyên Đán (nghỉ bù)");
    CHECK(calendar.is_working_day(d("2027-02-12")));
    CHECK(calendar.holiday_name(d("2027-04-16")) == "Giỗ Tổ Hùng Vương");
    CHECK_FALSE(calendar.describe(d("2027-04-16")).estimated);
  }

  TEST_CASE("Quốc khánh has one day before 2021 and an estimated second day after") {
    const WorkingDayCalendar computed;
    CHECK_FALSE(computed.is_working_day(d("2020-09-02")));
    CHECK(computed.is_working_day(d("2020-09-03")));
    CHECK_FALSE(computed.is_working_day(d("2027-09-03")));
    CHECK(computed.describe(d("2027-09-03")).estimated);
    CHECK_FALSE(computed.describe(d("2027-09-02")).estimated);
  }

  TEST_CASE("data wins over the computed layer and an announced year drops the computed Tết") {
    auto calendar = WorkingDayCalendar::from_json(
        {{"announced_years", {2027}},
         {"days",
          {{{"date", "2027-04-16"}, {"kind", "work"}, {"source", "test"}},
           {{"date", "2027-02-12"}, {"kind", "off"}, {"holiday", "Tết Nguyên Đán"},
            {"source", "test"}}}}},
        "test.json");
    REQUIRE(calendar.ok());
    CHECK(calendar->is_working_day(d("2027-04-16")));        // Giỗ Tổ, overridden
    CHECK(calendar->is_working_day(d("2027-02-08")));        // computed Tết dropped
    CHECK_FALSE(calendar->is_working_day(d("2027-02-12")));  // the data's Tết
    CHECK_FALSE(calendar->is_working_day(d("2027-04-30")));  // statutory, kept
    CHECK_FALSE(calendar->is_estimated(2027));
    CHECK(calendar->is_estimated(2028));
  }

  TEST_CASE("a calendar file that cannot be opened is an error naming it") {
    auto calendar = WorkingDayCalendar::load("/nonexistent/cvtrack/calendar.json");
    REQUIRE_FALSE(calendar.ok());
    CHECK(calendar.error().code == engine::ErrorCode::not_found);
    CHECK(calendar.error().message ==
          "/nonexistent/cvtrack/calendar.json: cannot open calendar data");
  }

  TEST_CASE("malformed JSON is an error naming the file and the byte") {
    TempFile file("malformed.json", "{\"days\": [\n  {\"date\": \"2026-01-02\",}\n]}");
    auto calendar = WorkingDayCalendar::load(file.path());
    REQUIRE_FALSE(calendar.ok());
    CHECK(calendar.error().code == engine::ErrorCode::bad_input);
    const std::string prefix = file.path().string() + ": malformed JSON at byte 36: ";
    CHECK(calendar.error().message.substr(0, prefix.size()) == prefix);
  }

  TEST_CASE("a bad record in a file is an error naming the file and the record") {
    TempFile file("bad-date.json",
                  R"({"days": [{"date": "2026-01-01", "kind": "off", "holiday": "x", "source": "s"},
                               {"date": "2026-02-30", "kind": "off", "holiday": "x", "source": "s"}]})");
    auto calendar = WorkingDayCalendar::load(file.path());
    REQUIRE_FALSE(calendar.ok());
    CHECK(calendar.error().message ==
          file.path().string() + ": days[1] date \"2026-02-30\" is not a real day (YYYY-MM-DD)");
  }

  TEST_CASE("records with a missing or unknown kind or no source or name or a repeated date are refused") {
    CHECK(error_of(one_day({{"date", "2026-01-02"}, {"kind", "holiday"}, {"source", "s"}})) ==
          "test.json: days[0] (2026-01-02) unknown kind \"holiday\"; expected \"off\" or \"work\"");
    CHECK(error_of(one_day({{"date", "2026-01-02"}, {"source", "s"}})) ==
          "test.json: days[0] (2026-01-02) no \"kind\"; expected \"off\" or \"work\"");
    CHECK(error_of(one_day({{"date", "2026-01-02"}, {"kind", "off"}, {"holiday", "x"}})) ==
          "test.json: days[0] (2026-01-02) no \"source\"; every day needs one");
    CHECK(error_of(one_day({{"date", "2026-01-02"}, {"kind", "off"}, {"source", "s"}})) ==
          "test.json: days[0] (2026-01-02) a day off needs a \"holiday\" name");
    CHECK(error_of(one_day({{"date", 20260102}, {"kind", "off"}})) ==
          "test.json: days[0] \"date\" must be a string");
    nlohmann::json twice = {{"date", "2026-01-10"}, {"kind", "work"}, {"source", "s"}};
    CHECK(error_of({{"days", {twice, twice}}}) ==
          "test.json: days[1] (2026-01-10) repeats an earlier date");
    CHECK(error_of({{"announced_years", {"2026"}}, {"days", nlohmann::json::array()}}) ==
          "test.json: announced_years[0] is not a year: \"2026\"");
    CHECK(error_of(nlohmann::json::array()) == "test.json: calendar data must be a JSON object");
    CHECK(error_of(nlohmann::json::object()) == "test.json: no \"days\" array");
  }
}
