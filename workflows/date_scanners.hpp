// workflows/date_scanners.hpp
//
// Hand-written scanners for the date and period patterns of date_phrases.cpp, run
// over a lower-case shadow. They replace std::regex, whose backtracking
// executor was the largest share of reading a clause. Each returns exactly
// the matches std::sregex_iterator gave for its pattern, in order (leftmost
// first, each search resuming where the previous match ended), with the same
// captures; the callers keep their own checks on what came before and after.
// tests/workflows/date_scanners_test.cpp holds the patterns and checks the
// scanners against them on every line and paragraph of the corpus. (The
// quarter pattern, rare, is still a regex.)
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace cvtrack::workflows {

struct ScannedDate {
  std::size_t begin = 0, end = 0;  // the whole match, [begin, end)
  std::string_view day, month;    // the digits as written
  std::string_view year;           // empty when the pattern's year was absent
  char separator = 0;              // numeric dates: '/', '.' or '-'
};

// (?:ngày\s*)?(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:,\s*)?n+ăm\s+(\d{4}))?
// "ngày 15 tháng 7 năm 2021", "15 tháng 7", "ngày 5 tháng 9, năm 2021".
std::vector<ScannedDate> scan_spelled_dates(std::string_view shadow);

// (\d{1,2})\s?([/.-])\s?(\d{1,2})(?:\2(\d{4}|\d{2}))?
// "15/7/2021", "17-11-2008", "05.9.2021", "20/9".
std::vector<ScannedDate> scan_numeric_dates(std::string_view shadow);

// tháng\s+(\d{1,2})(?:\s*(?:/|-|năm)\s*(\d{4}))?
// "tháng 9/2021", "tháng 6 năm 2022", "tháng 12": the month in `month`.
std::vector<ScannedDate> scan_month_periods(std::string_view shadow);

// năm\s+(\d{4}) — "năm 2025": the digits in `year`.
std::vector<ScannedDate> scan_year_periods(std::string_view shadow);

}  // namespace cvtrack::workflows
