// The recurrence scanners against the std::regex patterns they replaced: the
// same answer from regex_search (found or not, where, the day's digits) on
// every line and paragraph of the corpus in tests/fixtures and on phrases
// chosen to make a backtracking regex take its other paths.
#include "workflows/recurrence_scanners.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "tests/workflows/fixture_text.hpp"
#include "workflows/phrase_search.hpp"

using namespace cvtrack::workflows;

namespace {

const std::regex kHalf(R"((?:^|[^\d])(?:6|sáu) tháng)");
const std::regex kHalfAndYear(R"((?:6|sáu) tháng(?:,| và) năm)");
const std::regex kDayOfMonth(R"(ngày\s+(\d{1,2})\s+(?:hằng|hàng|mỗi)\s+tháng)");
const std::regex kHour(R"((\d{1,2})\s*(?:giờ|h)\s*(\d{2})?)");

std::size_t position_by_regex(const std::string& shadow, const std::regex& pattern) {
  std::smatch m;
  return std::regex_search(shadow, m, pattern) ? std::size_t(m.position(0)) : std::string::npos;
}

std::optional<std::string> day_by_regex(const std::string& shadow) {
  std::smatch m;
  if (!std::regex_search(shadow, m, kDayOfMonth)) return std::nullopt;
  return m.str(1);
}

std::optional<std::string> day_by_scanner(const std::string& shadow) {
  auto day = find_day_of_month(shadow);
  if (!day) return std::nullopt;
  return std::string(*day);
}

void check_agree(const std::string& text) {
  const std::string shadow = lower_shadow(text);
  CAPTURE(text);
  CHECK(find_half_year(shadow) == position_by_regex(shadow, kHalf));
  CHECK(has_half_year_and_year(shadow) == std::regex_search(shadow, kHalfAndYear));
  CHECK(day_by_scanner(shadow) == day_by_regex(shadow));
  CHECK(find_hour(shadow) == position_by_regex(shadow, kHour));
}

}  // namespace

TEST_SUITE("recurrence_scanners") {
  TEST_CASE("the recurrence scanners find what the regexes found on every line and paragraph of the corpus") {
    std::size_t hours = 0, days = 0;
    for (const auto& text : cvtrack::test::fixture_lines_and_paragraphs()) {
      check_agree(text);
      hours += find_hour(lower_shadow(text)) != std::string::npos;
      days += find_day_of_month(lower_shadow(text)).has_value();
    }
    // The corpus does exercise them: hours are in many documents.
    CHECK(hours > 10);
    CHECK(days > 0);
  }

  TEST_CASE("the recurrence scanners take the regexes' paths on edge phrases") {
    for (const char* text :
         {"6 tháng đầu năm", "sơ kết 6 tháng", "16 tháng", "x6 tháng", "Sáu tháng", "sơ kết sáu tháng và năm",
          "báo cáo 6 tháng, năm", "6 tháng,năm", "56 tháng và năm", "6  tháng", "\n6 tháng",
          "trước ngày 20 hằng tháng", "ngày 5 hàng tháng", "ngày  05  mỗi  tháng", "ngày 123 hằng tháng",
          "ngày20 hằng tháng", "ngày 20hằng tháng", "ngày 20 hằng  tháng", "ngày 1 ngày 2 hằng tháng",
          "ngày 3 mỗi tuần, ngày 4 hằng tháng", "trước 15 giờ hằng ngày", "16h30", "16 h", "123 giờ",
          "2024 giờ", "1 2 giờ", "lúc 7giờ", "9 huyện", "thứ 6 hằng tuần", "1", "h", "12", "12 "})
      check_agree(text);
  }
}
