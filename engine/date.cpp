#include "engine/date.hpp"

#include <charconv>
#include <cstdio>

namespace cvtrack::engine {

using namespace std::chrono;

namespace {

void put_digits(char* at, unsigned value, int width) {
  for (int i = width - 1; i >= 0; --i, value /= 10) at[i] = char('0' + value % 10);
}

}  // namespace

// Written digit by digit: every projected row and every event carries
// dates, and snprintf's format parsing showed in serve's profile. Years
// outside 0-9999 (never a document's), and what is not a date, keep
// printf's form.
std::string to_iso(Date date) {
  int year = int(date.year());
  if (year < 0 || year > 9999 || unsigned(date.month()) > 99 || unsigned(date.day()) > 99) {
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year, unsigned(date.month()), unsigned(date.day()));
    return buffer;
  }
  std::string out(10, '-');
  put_digits(out.data(), unsigned(year), 4);
  put_digits(out.data() + 5, unsigned(date.month()), 2);
  put_digits(out.data() + 8, unsigned(date.day()), 2);
  return out;
}

std::optional<Date> make_date(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  Date date{std::chrono::year{year}, std::chrono::month{unsigned(month)},
            std::chrono::day{unsigned(day)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  auto number = [&](std::size_t at, std::size_t len, int& out) {
    auto [end, ec] = std::from_chars(text.data() + at, text.data() + at + len, out);
    return ec == std::errc{} && end == text.data() + at + len;
  };
  if (!number(0, 4, y) || !number(5, 2, m) || !number(8, 2, d)) return std::nullopt;
  return make_date(y, m, d);
}

std::string why_not_iso_date(std::string_view text) {
  const std::string shape = "is not a date (YYYY-MM-DD)";
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return shape;
  int y = 0, m = 0, d = 0;
  auto number = [&](std::size_t at, std::size_t len, int& out) {
    auto [end, ec] = std::from_chars(text.data() + at, text.data() + at + len, out);
    return ec == std::errc{} && end == text.data() + at + len;
  };
  if (!number(0, 4, y) || !number(5, 2, m) || !number(8, 2, d)) return shape;
  if (m < 1 || m > 12) return "is not a day of the calendar: there is no month " + std::to_string(m);
  int last = unsigned(last_day_of_month(y, m).day());
  if (d < 1 || d > last) {
    static const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                          "July",    "August",   "September", "October", "November", "December"};
    return "is not a day of the calendar: " + std::string(kMonths[m - 1]) + " " + std::to_string(y) + " has " +
           std::to_string(last) + " days";
  }
  return shape;  // a valid date: callers ask only after parse_iso_date refused
}

Date add_days(Date date, int days) { return Date{sys_days{date} + std::chrono::days{days}}; }

int days_between(Date from, Date to) {
  return int((sys_days{to} - sys_days{from}).count());
}

int iso_weekday(Date date) { return int(weekday{sys_days{date}}.iso_encoding()); }

Date last_day_of_month(int year, int month) {
  year_month_day_last last{std::chrono::year{year}, month_day_last{std::chrono::month{unsigned(month)}}};
  return Date{last};
}

}  // namespace cvtrack::engine
