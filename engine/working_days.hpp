// engine/working_days.hpp
//
// What the engine needs of the working-day calendar, as an interface so the
// engine does not depend on workflows/ (whose WorkingDayCalendar, with Tết
// and the announced swaps, is adapted to this in cli/).
#pragma once

#include "engine/date.hpp"

namespace cvtrack::engine {

class WorkingDays {
 public:
  virtual ~WorkingDays() = default;
  virtual bool is_working_day(Date date) const = 0;

  // The working days after `from` up to and including `to` (0 when to <= from).
  // Virtual so a calendar that has them counted already can answer at once.
  virtual int working_days_between(Date from, Date to) const;
  // The n-th working day after `start` (start itself not counted), n >= 1.
  Date add_working_days(Date start, int n) const;
};

// Monday to Friday, no holidays: for tests and as the fallback.
class WeekdaysOnly final : public WorkingDays {
 public:
  bool is_working_day(Date date) const override;
};

}  // namespace cvtrack::engine
