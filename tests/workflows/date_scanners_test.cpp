// The hand-written date and period scanners against the std::regex patterns they
// replaced: the same matches, in the same order, with the same captures, on
// every line and every paragraph of the corpus documents in tests/fixtures
// and on phrases chosen to make a backtracking regex take its other paths.
#include "workflows/date_scanners.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "tests/workflows/fixture_text.hpp"
#include "workflows/phrase_search.hpp"

using namespace cvtrack::workflows;

namespace {

const std::regex kSpelled(R"((?:ngày\s*)?(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:,\s*)?n+ăm\s+(\d{4}))?)");
const std::regex kNumeric(R"((\d{1,2})\s?([/.-])\s?(\d{1,2})(?:\2(\d{4}|\d{2}))?)");
const std::regex kMonthPeriod(R"(tháng\s+(\d{1,2})(?:\s*(?:/|-|năm)\s*(\d{4}))?)");
const std::regex kYearPeriod(R"(năm\s+(\d{4}))");

// A match as text, for messages that show where the two disagree.
std::string describe(std::size_t begin, std::size_t end, std::string_view day, std::string_view month,
                     std::string_view year) {
  std::ostringstream out;
  out << "[" << begin << "," << end << ") " << day << "|" << month << "|" << year;
  return out.str();
}

std::vector<std::string> by_regex(const std::string& shadow, const std::regex& pattern, int year_group) {
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(shadow.begin(), shadow.end(), pattern); it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    std::size_t b = std::size_t(m.position(0));
    out.push_back(describe(b, b + std::size_t(m.length(0)), m.str(1), m.str(year_group - 1), m.str(year_group)));
  }
  return out;
}

std::vector<std::string> by_scanner(const std::vector<ScannedDate>& found) {
  std::vector<std::string> out;
  for (const auto& m : found) out.push_back(describe(m.begin, m.end, m.day, m.month, m.year));
  return out;
}

void check_agree(const std::string& text) {
  const std::string shadow = lower_shadow(text);
  CAPTURE(text);
  CHECK(by_scanner(scan_spelled_dates(shadow)) == by_regex(shadow, kSpelled, 3));
  CHECK(by_scanner(scan_numeric_dates(shadow)) == by_regex(shadow, kNumeric, 4));
  // Periods: the month pattern's groups are (month)(year), the year pattern's (year).
  std::vector<std::string> months, years;
  for (const auto& m : scan_month_periods(shadow)) months.push_back(describe(m.begin, m.end, m.month, m.month, m.year));
  for (const auto& m : scan_year_periods(shadow)) years.push_back(describe(m.begin, m.end, "", "", m.year));
  CHECK(months == by_regex(shadow, kMonthPeriod, 2));
  std::vector<std::string> years_by_regex;
  for (auto it = std::sregex_iterator(shadow.begin(), shadow.end(), kYearPeriod); it != std::sregex_iterator(); ++it) {
    std::size_t b = std::size_t(it->position(0));
    years_by_regex.push_back(describe(b, b + std::size_t(it->length(0)), "", "", it->str(1)));
  }
  CHECK(years == years_by_regex);
}

}  // namespace

TEST_SUITE("date_scanners") {
  TEST_CASE("the scanners find what the regexes found on every line and paragraph of the corpus") {
    std::size_t spelled = 0, numeric = 0;
    for (const auto& text : cvtrack::test::fixture_lines_and_paragraphs()) {
      check_agree(text);
      spelled += scan_spelled_dates(lower_shadow(text)).size();
      numeric += scan_numeric_dates(lower_shadow(text)).size();
    }
    // The corpus does exercise both: dates are in every document.
    CHECK(spelled > 20);
    CHECK(numeric > 50);
  }

  TEST_CASE("the scanners take the regexes' paths on edge phrases") {
    for (const char* text :
         {"ngày 15 tháng 7 năm 2021", "Ngày  5 tháng 9, năm 2021", "ngày5 tháng 10 nnăm 2022", "123 tháng 4",
          "ngày 123 tháng 4 năm 20255", "1 tháng 2 tháng 3", "15 tháng 7năm 2021", "15 tháng 123", "tháng 7",
          "ngày 05 tháng 01 năm 2026 đến ngày 10 tháng 1", "5 tháng 6 ngày 7 tháng 8 ,  năm 2020",
          "15/7/2021", "17-11-2008", "05.9.2021", "20/9", "1 / 2", "1  /2", "123/4", "1/234", "1/2/202",
          "12 3/4", "2 - 9", "1- Bí thư", "15/CT-TTg", "9/2021", "2022-2023", "1/2-2021", "31.12.25 và 1/1",
          "số 12/2021/NĐ-CP ngày 15/3/2021", "1/2/3/4/5", "tháng 9/2021", "tháng 6 năm 2022", "trong tháng 12",
          "tháng  6 - 2022", "tháng 123", "tháng12", "tháng 6 năm 20", "tháng 6năm2022", "tháng 6 / 2022 và năm 2023",
          "năm 2025", "năm  20255", "năm 202", "nămm 2025", "tháng 6 tháng 7/2021", "tháng 1,năm 2021"})
      check_agree(text);
  }
}
