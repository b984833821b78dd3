#include "engine/working_days.hpp"

namespace cvtrack::engine {

int WorkingDays::working_days_between(Date from, Date to) const {
  int count = 0;
  for (Date d = add_days(from, 1); days_between(d, to) >= 0; d = add_days(d, 1))
    if (is_working_day(d)) ++count;
  return count;
}

Date WorkingDays::add_working_days(Date start, int n) const {
  Date d = start;
  while (n > 0) {
    d = add_days(d, 1);
    if (is_working_day(d)) --n;
  }
  return d;
}

bool WeekdaysOnly::is_working_day(Date date) const { return iso_weekday(date) <= 5; }

}  // namespace cvtrack::engine
