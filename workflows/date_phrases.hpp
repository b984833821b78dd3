// workflows/date_phrases.hpp
//
// Dates as Vietnamese documents write them: "ngày 15 tháng 7 năm 2021",
// "15/7/2021", "16-5-2025", "20/9" (year from context), and the periods that
// end on a knowable day: "tháng 9/2021", "tháng 6 năm 2022", "quý III/2021",
// "năm 2025". Positions are byte offsets into the text searched.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/date.hpp"
#include "workflows/phrase_search.hpp"

namespace cvtrack::workflows {

struct DateMention {
  std::size_t begin = 0, end = 0;  // [begin, end) in the text
  int day = 0, month = 0;
  std::optional<int> year;         // absent: "20/9"
  bool spelled = false;            // "ngày .. tháng .. năm .." form
};

// Every day-month(-year) mention, in order. Numbers that cannot be a day and
// month (9/2021, 2022-2023, 15/CT-TTg) are not dates.
std::vector<DateMention> find_dates(std::string_view text);
// The same, on a text whose lower-case shadow is already made (a clause).
std::vector<DateMention> find_dates(const PhraseText& text);

// The date of a mention, the year taken from `default_year` when the text
// leaves it out. nullopt when the day does not exist (30/02).
std::optional<engine::Date> resolve(const DateMention& mention, std::optional<int> default_year);

// A period whose end is a deadline: "tháng 9/2021", "tháng 6 năm 2022",
// "quý III", "quý 1/2026", "năm 2025". `end` is the last day of the period.
struct PeriodMention {
  std::size_t begin = 0, end_pos = 0;
  enum class Kind { month, quarter, half_year, year } kind = Kind::month;
  int number = 0;                  // month 1..12, quarter 1..4, half 1..2
  std::optional<int> year;
};
std::vector<PeriodMention> find_periods(std::string_view text);
std::vector<PeriodMention> find_periods(const PhraseText& text);
std::optional<engine::Date> period_end(const PeriodMention& period, std::optional<int> default_year);

// "III" -> 3, "IV" -> 4 ... up to 39; 0 when not a Roman numeral.
int roman_value(std::string_view text);

}  // namespace cvtrack::workflows
