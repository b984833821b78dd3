// workflows/lunar_calendar.hpp
//
// The Vietnamese lunar calendar (âm lịch), needed because two statutory
// holidays move with it: Tết Nguyên Đán (1/1 âm lịch) and Giỗ Tổ Hùng Vương
// (10/3 âm lịch). See shared/domain.md §3.3.
//
// Computed, not tabulated: new moons from Meeus, "Astronomical Algorithms"
// ch. 49 (with ΔT from the Espenak–Meeus polynomials) and the sun's apparent
// longitude from ch. 25, under the rules
//   1. a month starts on the local day that contains the new moon;
//   2. the month containing the December solstice is month 11;
//   3. when 13 months run from one month 11 to the next, the first month after
//      month 11 that contains no major solar term (trung khí, a multiple of
//      30° of solar longitude) is the leap month and repeats the previous
//      month's number;
//   4. "local" is UTC+7 (105°E) for Vietnam; pass 8.0 to get the Chinese
//      calendar, which differs in some years (Tết 1985, 2007, 2030).
// Dates are proleptic Gregorian. Accuracy is best for 1900–2100; like every
// published converter, a new moon within a minute or two of local midnight
// may land on a different day than an official almanac.
#pragma once

#include <optional>

#include "engine/date.hpp"

namespace cvtrack::workflows {

struct LunarDate {
  int day = 1;    // 1..30
  int month = 1;  // 1..12
  int year = 0;   // the lunar year, numbered like the solar year its month 1 starts in
  bool leap_month = false;  // tháng nhuận: the second month carrying `month`

  friend bool operator==(const LunarDate&, const LunarDate&) = default;
};

// REQUIRES: date.ok()
LunarDate solar_to_lunar(engine::Date date, double time_zone_hours = 7.0);

// nullopt when `lunar` names no real day: month outside 1..12, a leap month
// that year does not have, or day 30 of a 29-day month.
std::optional<engine::Date> lunar_to_solar(const LunarDate& lunar,
                                           double time_zone_hours = 7.0);

}  // namespace cvtrack::workflows
