// workflows/recurrence_scanners.hpp
//
// Hand-written scanners for the patterns recurrence_reader.cpp searched a
// clause's lower-case shadow for with std::regex, whose backtracking
// executor was the largest share of reading a cadence. Each answers exactly
// what std::regex_search answered for its pattern: the leftmost match.
// tests/workflows/recurrence_scanners_test.cpp holds the patterns and checks
// the scanners against them on every line and paragraph of the corpus.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace cvtrack::workflows {

// (?:^|[^\d])(?:6|sáu) tháng — where the match starts (the byte before the
// number, unless the number starts the text), or npos. "sơ kết 6 tháng".
std::size_t find_half_year(std::string_view shadow);

// (?:6|sáu) tháng(?:,| và) năm — "sơ kết 6 tháng và năm".
bool has_half_year_and_year(std::string_view shadow);

// ngày\s+(\d{1,2})\s+(?:hằng|hàng|mỗi)\s+tháng — the day's digits in the
// first match, or nullopt. "trước ngày 20 hằng tháng".
std::optional<std::string_view> find_day_of_month(std::string_view shadow);

// (\d{1,2})\s*(?:giờ|h)\s*(\d{2})? — where the first match starts, or npos.
// "trước 15 giờ hằng ngày", "16h30".
std::size_t find_hour(std::string_view shadow);

}  // namespace cvtrack::workflows
