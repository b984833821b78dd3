#include "workflows/working_day_calendar.hpp"

#include <fstream>
#include <iterator>
#include <utility>

#include <nlohmann/json.hpp>

#include "workflows/data_paths.hpp"
#include "workflows/lunar_calendar.hpp"

namespace cvtrack::workflows {
namespace {

using engine::Date;
using engine::ErrorCode;
using engine::make_error;
using DayInfo = WorkingDayCalendar::DayInfo;
using HolidayMap = std::map<Date, DayInfo>;

constexpr const char* kTet = "Tết Nguyên Đán";
constexpr const char* kQuocKhanh = "Quốc khánh";

bool is_weekend(Date date) { return engine::iso_weekday(date) >= 6; }

Date date_of(int year, int month, int day) { return *engine::make_date(year, month, day); }

DayInfo holiday(std::string name, bool estimated) {
  return DayInfo{.working = false, .name = std::move(name), .source = {}, .estimated = estimated};
}

// BLLĐ 2019 Điều 112 for one solar year, with Điều 111's nghỉ bù. Every day
// lands inside `year`: Tết's first day off is 20/01 at the earliest.
// `with_decreed` false leaves out Tết and Quốc khánh, whose days the data
// gives for an announced year.
void add_statutory_holidays(int year, bool with_decreed, HolidayMap& out) {
  HolidayMap days;
  days.emplace(date_of(year, 1, 1), holiday("Tết Dương lịch", false));
  if (with_decreed) {
    // The usual pattern since 2013; the PM's decision may differ (2026 ran
    // 27 Chạp → mùng 6 after a weekend), hence estimated.
    if (auto mung_1 = lunar_to_solar(LunarDate{1, 1, year})) {
      for (int offset = -1; offset <= 3; ++offset)
        days.emplace(engine::add_days(*mung_1, offset), holiday(kTet, true));
    }
  }
  if (auto gio_to = lunar_to_solar(LunarDate{10, 3, year}))
    days.emplace(*gio_to, holiday("Giỗ Tổ Hùng Vương", false));
  days.emplace(date_of(year, 4, 30), holiday("Ngày Chiến thắng", false));
  days.emplace(date_of(year, 5, 1), holiday("Ngày Quốc tế lao động", false));
  if (with_decreed) {
    days.emplace(date_of(year, 9, 2), holiday(kQuocKhanh, false));
    // Quốc khánh has two days from 2021; the second is chosen yearly.
    if (year >= 2021) days.emplace(date_of(year, 9, 3), holiday(kQuocKhanh, true));
  }

  // Walking in date order gives each weekend holiday the first weekday that
  // is neither a holiday nor already another holiday's nghỉ bù.
  HolidayMap make_up;
  for (const auto& [date, info] : days) {
    if (!is_weekend(date)) continue;
    Date day = engine::add_days(date, 1);
    while (is_weekend(day) || days.contains(day) || make_up.contains(day))
      day = engine::add_days(day, 1);
    make_up.emplace(day, holiday(info.name + " (nghỉ bù)", info.estimated));
  }
  out.merge(days);
  out.merge(make_up);
}

// The computed layer of years no data announces is the same for every
// calendar, so it is built once. Years outside the table are computed per call.
constexpr int kFirstTabulatedYear = 1970;
constexpr int kLastTabulatedYear = 2100;

const HolidayMap& statutory_table() {
  static const HolidayMap table = [] {
    HolidayMap days;
    for (int year = kFirstTabulatedYear; year <= kLastTabulatedYear; ++year)
      add_statutory_holidays(year, true, days);
    return days;
  }();
  return table;
}

std::optional<DayInfo> find(const HolidayMap& days, Date date) {
  auto it = days.find(date);
  if (it == days.end()) return std::nullopt;
  return it->second;
}

// Reads one member of `days[i]` as a string; empty optional when absent.
engine::Result<std::optional<std::string>> string_member(const nlohmann::json& record,
                                                         const char* key,
                                                         const std::string& where) {
  auto it = record.find(key);
  if (it == record.end()) return std::optional<std::string>{};
  if (!it->is_string())
    return make_error(ErrorCode::bad_input, where + "\"" + key + "\" must be a string");
  return std::optional<std::string>{it->get<std::string>()};
}

// One record of "days": its date and what it says about that date.
engine::Result<std::pair<Date, DayInfo>> parse_record(const nlohmann::json& record,
                                                      const std::string& where) {
  if (!record.is_object()) return make_error(ErrorCode::bad_input, where + "not a JSON object");
  auto date_text = string_member(record, "date", where);
  auto kind = string_member(record, "kind", where);
  auto name = string_member(record, "holiday", where);
  auto source = string_member(record, "source", where);
  for (const auto* member : {&date_text, &kind, &name, &source})
    if (!member->ok()) return member->error();

  if (!date_text.value()) return make_error(ErrorCode::bad_input, where + "no \"date\"");
  auto date = engine::parse_iso_date(**date_text);
  if (!date)
    return make_error(ErrorCode::bad_input,
                      where + "date \"" + **date_text + "\" is not a real day (YYYY-MM-DD)");
  const std::string at = where + "(" + **date_text + ") ";
  if (!kind.value())
    return make_error(ErrorCode::bad_input, at + "no \"kind\"; expected \"off\" or \"work\"");
  if (**kind != "off" && **kind != "work")
    return make_error(ErrorCode::bad_input,
                      at + "unknown kind \"" + **kind + "\"; expected \"off\" or \"work\"");
  if (!source.value() || source.value()->empty())
    return make_error(ErrorCode::bad_input, at + "no \"source\"; every day needs one");
  const bool working = **kind == "work";
  if (!working && (!name.value() || name.value()->empty()))
    return make_error(ErrorCode::bad_input, at + "a day off needs a \"holiday\" name");
  return std::pair{*date, DayInfo{.working = working,
                                  .name = name.value().value_or(""),
                                  .source = **source,
                                  .estimated = false}};
}

}  // namespace

namespace {
constexpr int kFirstIndexedYear = 2000;
constexpr int kLastIndexedYear = 2100;
const std::chrono::sys_days kFirstIndexedDay{std::chrono::year{kFirstIndexedYear} / 1 / 1};
const std::chrono::sys_days kLastIndexedDay{std::chrono::year{kLastIndexedYear} / 12 / 31};
}  // namespace

WorkingDayCalendar::WorkingDayCalendar() { index_working_days(); }

// The layers of describe() laid over the window in bulk, the lowest first so
// each overwrites the one below: the weekend rule, the computed holidays (the
// shared table for years no data announces, the announced years' own), then
// the data's records. Asking describe() day by day looked up maps and copied
// names 36,890 times: most of the cost of the first deadline a process read.
void WorkingDayCalendar::index_working_days() {
  const long days = long((kLastIndexedDay - kFirstIndexedDay).count()) + 1;
  std::vector<char> working(std::size_t(days), 0);
  int weekday = engine::iso_weekday(Date{kFirstIndexedDay});  // 1 = Monday
  for (long i = 0; i < days; ++i) {
    working[std::size_t(i)] = weekday < 6;
    weekday = weekday == 7 ? 1 : weekday + 1;
  }
  auto offset = [&](Date date) {
    const std::chrono::sys_days day{date};
    return day < kFirstIndexedDay || day > kLastIndexedDay ? -1L : long((day - kFirstIndexedDay).count());
  };
  for (const auto& [date, info] : statutory_table())
    if (long i = offset(date); i >= 0 && !announced_years_.contains(int(date.year())))
      working[std::size_t(i)] = info.working;
  for (const auto& [date, info] : announced_statutory_)
    if (long i = offset(date); i >= 0 && announced_years_.contains(int(date.year())))
      working[std::size_t(i)] = info.working;
  for (const auto& [date, info] : records_)
    if (long i = offset(date); i >= 0) working[std::size_t(i)] = info.working;
  working_prefix_.assign(1, 0);
  working_prefix_.reserve(std::size_t(days) + 1);
  std::uint32_t count = 0;
  for (char w : working) working_prefix_.push_back(count += w ? 1 : 0);
}

long WorkingDayCalendar::index_of(Date date) const {
  const std::chrono::sys_days day{date};
  if (working_prefix_.empty() || day < kFirstIndexedDay || day > kLastIndexedDay) return -1;
  return long((day - kFirstIndexedDay).count());
}

engine::Result<WorkingDayCalendar> WorkingDayCalendar::load(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return make_error(ErrorCode::not_found, file.string() + ": cannot open calendar data");
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad())
    return make_error(ErrorCode::unavailable, file.string() + ": cannot read calendar data");
  // nlohmann reports syntax errors by exception; this is their boundary.
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    return make_error(ErrorCode::bad_input, file.string() + ": malformed JSON at byte " +
                                                std::to_string(e.byte) + ": " + e.what());
  }
  return from_json(document, file.string());
}

engine::Result<WorkingDayCalendar> WorkingDayCalendar::from_json(const nlohmann::json& document,
                                                                 std::string_view source_name) {
  const std::string file{source_name};
  auto fail = [&](const std::string& what) {
    return make_error(ErrorCode::bad_input, file + ": " + what);
  };
  if (!document.is_object()) return fail("calendar data must be a JSON object");

  WorkingDayCalendar calendar{Unindexed{}};  // indexed once its layers are set
  calendar.source_name_ = file;
  if (auto it = document.find("version"); it != document.end()) {
    if (!it->is_string()) return fail("\"version\" must be a string");
    calendar.version_ = it->get<std::string>();
  }
  if (auto it = document.find("announced_years"); it != document.end()) {
    if (!it->is_array()) return fail("\"announced_years\" must be an array of years");
    for (std::size_t i = 0; i < it->size(); ++i) {
      const auto& year = (*it)[i];
      if (!year.is_number_integer() || year.get<long long>() < 1 || year.get<long long>() > 9999)
        return fail("announced_years[" + std::to_string(i) + "] is not a year: " + year.dump());
      calendar.announced_years_.insert(year.get<int>());
    }
  }

  auto days = document.find("days");
  if (days == document.end() || !days->is_array()) return fail("no \"days\" array");
  for (std::size_t i = 0; i < days->size(); ++i) {
    const std::string where = file + ": days[" + std::to_string(i) + "] ";
    auto record = parse_record((*days)[i], where);
    if (!record) return record.error();
    auto [date, info] = std::move(record).value();
    if (calendar.records_.contains(date))
      return make_error(ErrorCode::bad_input,
                        where + "(" + engine::to_iso(date) + ") repeats an earlier date");
    calendar.records_.emplace(date, std::move(info));
  }

  for (int year : calendar.announced_years_)
    add_statutory_holidays(year, false, calendar.announced_statutory_);
  calendar.index_working_days();
  return calendar;
}

const WorkingDayCalendar& WorkingDayCalendar::bundled() {
  static const WorkingDayCalendar calendar = [] {
    auto loaded = load(data_dir() / "calendar" / "vn-public-service.json");
    return loaded ? std::move(loaded).value() : WorkingDayCalendar{};
  }();
  return calendar;
}

std::optional<DayInfo> WorkingDayCalendar::computed_holiday(Date date) const {
  const int year = int(date.year());
  if (announced_years_.contains(year)) return find(announced_statutory_, date);
  if (year >= kFirstTabulatedYear && year <= kLastTabulatedYear)
    return find(statutory_table(), date);
  HolidayMap days;
  add_statutory_holidays(year, true, days);
  return find(days, date);
}

DayInfo WorkingDayCalendar::describe(Date date) const {
  if (auto it = records_.find(date); it != records_.end()) return it->second;
  if (auto computed = computed_holiday(date)) return *computed;
  return DayInfo{.working = !is_weekend(date), .name = {}, .source = {}, .estimated = false};
}

bool WorkingDayCalendar::is_working_day(Date date) const {
  if (long i = index_of(date); i >= 0) return working_prefix_[std::size_t(i) + 1] != working_prefix_[std::size_t(i)];
  return describe(date).working;
}

std::optional<std::string> WorkingDayCalendar::holiday_name(Date date) const {
  DayInfo info = describe(date);
  if (info.working || info.name.empty()) return std::nullopt;
  return std::move(info.name);
}

Date WorkingDayCalendar::add_working_days(Date start, int n) const {
  const int step = n < 0 ? -1 : 1;
  Date day = start;
  for (int left = n < 0 ? -n : n; left > 0;) {
    day = engine::add_days(day, step);
    if (is_working_day(day)) --left;
  }
  return day;
}

Date WorkingDayCalendar::roll_to_working_day(Date date) const {
  while (!is_working_day(date)) date = engine::add_days(date, 1);
  return date;
}

Date WorkingDayCalendar::add_calendar_days(Date start, int n) const {
  return roll_to_working_day(engine::add_days(start, n));
}

int WorkingDayCalendar::working_days_between(Date from, Date to) const {
  const int sign = to < from ? -1 : 1;
  if (sign < 0) std::swap(from, to);
  if (long a = index_of(from), b = index_of(to); a >= 0 && b >= 0)
    return sign * int(working_prefix_[std::size_t(b) + 1] - working_prefix_[std::size_t(a) + 1]);
  int count = 0;
  for (Date day = engine::add_days(from, 1); day <= to; day = engine::add_days(day, 1))
    if (is_working_day(day)) ++count;
  return sign * count;
}

}  // namespace cvtrack::workflows
