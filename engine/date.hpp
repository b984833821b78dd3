// engine/date.hpp
//
// Calendar dates as the documents and the secretariat mean them: a day in
// Asia/Ho_Chi_Minh (UTC+7, no daylight saving). std::chrono::year_month_day
// carries the value; these helpers give it the ISO text form and day
// arithmetic that the rest of cvtrack needs.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace cvtrack::engine {

using Date = std::chrono::year_month_day;

// Vietnam has kept UTC+7 without daylight saving since 1975.
inline constexpr std::chrono::hours kVietnamUtcOffset{7};

// "2021-07-15". REQUIRES: date.ok()
std::string to_iso(Date date);

// Parses "YYYY-MM-DD"; nullopt when malformed or not a real day (2021-02-30).
std::optional<Date> parse_iso_date(std::string_view text);

// Why `text` is not a date parse_iso_date accepts, for messages: "is not a
// date (YYYY-MM-DD)" for the wrong shape, "is not a day of the calendar:
// February 2026 has 28 days" for 2026-02-30.
std::string why_not_iso_date(std::string_view text);

// A real calendar day? (30/02 is not.)
std::optional<Date> make_date(int year, int month, int day);

Date add_days(Date date, int days);
int days_between(Date from, Date to);  // to - from, in days

// Monday = 1 ... Sunday = 7 (ISO 8601).
int iso_weekday(Date date);

Date last_day_of_month(int year, int month);

}  // namespace cvtrack::engine
