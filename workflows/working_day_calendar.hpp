// workflows/working_day_calendar.hpp
//
// Which days a Vietnamese public-service body works, and the Civil Code
// deadline arithmetic built on that (BLDS 2015 Điều 147–148: the start day is
// not counted; a period ending on a day off ends on the next working day).
// The profile is the fixed Monday–Friday week of QĐ 188/1999/QĐ-TTg; bodies
// without a fixed Saturday–Sunday rest need another calendar.
//
// Two layers (shared/domain.md §7):
//  - computed, for any year: Saturday and Sunday off; the BLLĐ 2019 Điều 112
//    holidays (01/01, Tết Nguyên Đán, Giỗ Tổ Hùng Vương 10/3 âm lịch, 30/4,
//    01/5, 02/9 and from 2021 one adjacent day); a holiday on a weekend gives
//    the next working day off (nghỉ bù). Which five Tết days and which day
//    joins 02/9 are decided yearly by the Prime Minister, so the computed ones
//    (last day of the lunar year + mùng 1–4, and 03/9) are estimates;
//  - data, one record per date (a day off, or a make-up working Saturday),
//    loaded from JSON. Data always wins. For a year the data marks as
//    announced, the computed Tết and Quốc khánh days are dropped and the
//    data's take their place; any other year stays "estimated".
//
// Data format (workflows/data/calendar/vn-public-service.json):
//   { "version": "2026-11-22",            optional; identifies the data
//     "announced_years": [2020, 2021],    optional
//     "days": [ { "date": "2026-01-02", "kind": "off",
//                 "holiday": "Tết Dương lịch (hoán đổi)", "source": "CV ..." },
//               { "date": "2026-01-10", "kind": "work",
//                 "holiday": "làm bù cho ngày 02/01/2026", "source": "CV ..." } ] }
// "kind" is "off" or "work"; "source" is required (a day off without a
// citation cannot be checked); "holiday" is required for "off". Each date may
// appear once. Other members are ignored.
//
// A calendar is immutable once built, so one instance may be shared freely
// between threads.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>
#include <cstdint>

#include <nlohmann/json_fwd.hpp>

#include "engine/date.hpp"
#include "engine/result.hpp"

namespace cvtrack::workflows {

class WorkingDayCalendar {
 public:
  // What a day is, and why; for showing a clerk how a deadline was reached.
  struct DayInfo {
    bool working = true;
    // The holiday on a day off ("Tết Nguyên Đán", "Quốc khánh (nghỉ bù)"), or
    // the record's label on a make-up working day. Empty on ordinary weekdays
    // and on plain weekends.
    std::string name;
    std::string source;      // the data record's source; empty when computed
    bool estimated = false;  // a computed guess at a day the PM fixes yearly
  };

  // The computed layer only: every year is estimated.
  WorkingDayCalendar();

  // Reads a calendar data file. Errors name the file, and the JSON byte or
  // the record (`days[3]`) at fault: not_found when the file cannot be
  // opened, bad_input for malformed JSON or a bad record.
  static engine::Result<WorkingDayCalendar> load(const std::filesystem::path& file);
  // As load(), from parsed JSON; `source_name` stands in for the file name.
  static engine::Result<WorkingDayCalendar> from_json(const nlohmann::json& document,
                                                      std::string_view source_name);

  // data_dir()/calendar/vn-public-service.json, loaded once. If that file is
  // missing or bad this is the computed layer alone (source_name() empty);
  // call load() to see why.
  static const WorkingDayCalendar& bundled();

  // Where the data came from, and the data's "version"; both empty for the
  // computed layer alone. Store the version with a computed deadline so open
  // tasks can be recomputed when a new announcement changes the data.
  const std::string& source_name() const { return source_name_; }
  const std::string& version() const { return version_; }

  // True unless the data marks `year` as announced.
  bool is_estimated(int year) const { return !announced_years_.contains(year); }

  // REQUIRES (every date argument below): date.ok()
  DayInfo describe(engine::Date date) const;
  bool is_working_day(engine::Date date) const;
  // The holiday a day off is for; nullopt on working days and plain weekends.
  std::optional<std::string> holiday_name(engine::Date date) const;

  // "n ngày làm việc kể từ ngày X": the n-th working day after `start`
  // (`start` itself is not counted). n < 0 counts backwards, so -1 gives the
  // last working day before `start`; n == 0 returns `start` unchanged.
  engine::Date add_working_days(engine::Date start, int n) const;
  // `date` if it is a working day, else the next working day (Điều 148).
  engine::Date roll_to_working_day(engine::Date date) const;
  // "n ngày kể từ ngày X": start + n calendar days, rolled forward to a
  // working day when it lands on a day off.
  engine::Date add_calendar_days(engine::Date start, int n) const;
  // Working days in (from, to]; when to < from, minus those in (to, from].
  int working_days_between(engine::Date from, engine::Date to) const;

 private:
  struct Unindexed {};
  explicit WorkingDayCalendar(Unindexed) {}
  std::optional<DayInfo> computed_holiday(engine::Date date) const;
  // Rebuilds working_prefix_ from the layers describe() reads; called once
  // they are set.
  void index_working_days();
  // Position of `date` in working_prefix_, or -1 outside the indexed years.
  long index_of(engine::Date date) const;

  std::map<engine::Date, DayInfo> records_;  // the data layer
  // The computed layer for announced years: without Tết and Quốc khánh.
  // Other years share one table (see the .cpp).
  std::map<engine::Date, DayInfo> announced_statutory_;
  std::set<int> announced_years_;
  std::string source_name_;
  std::string version_;
  // Working days before each day of the indexed years (2000-2100):
  // working_prefix_[i] counts those in [1 Jan 2000, 1 Jan 2000 + i). A
  // supervisor's list asks how many working days lie between today and each
  // task's deadline; walking the days one map lookup at a time made that the
  // cost of the whole list. Days outside the window are described directly.
  std::vector<std::uint32_t> working_prefix_;
};

}  // namespace cvtrack::workflows
