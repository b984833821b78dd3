#include "engine/reporting_schedule.hpp"

#include <algorithm>
#include <cstdio>

namespace cvtrack::engine {

using namespace std::chrono;

namespace {

std::string two_digits(int n) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%02d", n);
  return buffer;
}

int month_of(Date d) { return int(unsigned(d.month())); }
int year_of(Date d) { return int(d.year()); }

// ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday.
std::pair<int, int> iso_week(Date d) {
  Date thursday = add_days(d, 4 - iso_weekday(d));
  int year = year_of(thursday);
  int day_of_year = days_between(*make_date(year, 1, 1), thursday);
  return {year, day_of_year / 7 + 1};
}

// Periods of more than a month end in month `last_month` of the period.
int last_month_of_period(Recurrence r, Date d) {
  int m = month_of(d);
  switch (r) {
    case Recurrence::quarterly: return ((m - 1) / 3 + 1) * 3;
    case Recurrence::half_yearly: return m <= 6 ? 6 : 12;
    case Recurrence::yearly: return 12;
    default: return m;
  }
}

Date due_in_month(const Schedule& s, int year, int month, const WorkingDays& calendar) {
  if (s.day_of_month) {
    Date last = last_day_of_month(year, month);
    int day = std::min(*s.day_of_month, int(unsigned(last.day())));
    return *make_date(year, month, day);
  }
  return calendar.add_working_days(*make_date(year, month, 14), 1);
}

Date due_of_period(const TaskSpec& spec, Date in_period, const WorkingDays& calendar) {
  Recurrence r = *spec.recurrence;
  if (r == Recurrence::daily) return in_period;
  if (r == Recurrence::weekly) {
    int weekday = spec.schedule.weekdays.empty() ? 5 : spec.schedule.weekdays.front();
    return add_days(in_period, weekday - iso_weekday(in_period));
  }
  return due_in_month(spec.schedule, year_of(in_period), last_month_of_period(r, in_period), calendar);
}

// The first day of the period after the one holding `d`.
Date next_period(Recurrence r, Date d) {
  switch (r) {
    case Recurrence::daily: return add_days(d, 1);
    case Recurrence::weekly: return add_days(d, 8 - iso_weekday(d));
    default: {
      int last = last_month_of_period(r, d);
      return last == 12 ? *make_date(year_of(d) + 1, 1, 1) : *make_date(year_of(d), last + 1, 1);
    }
  }
}

}  // namespace

bool is_periodic(const std::optional<Recurrence>& r) {
  return r && *r != Recurrence::continuous && *r != Recurrence::on_event;
}

std::string period_key(Recurrence r, Date d) {
  std::string year = std::to_string(year_of(d));
  switch (r) {
    case Recurrence::daily: return to_iso(d);
    case Recurrence::weekly: {
      auto [y, w] = iso_week(d);
      return std::to_string(y) + "-W" + two_digits(w);
    }
    case Recurrence::monthly: return year + "-" + two_digits(month_of(d));
    case Recurrence::quarterly: return year + "-Q" + std::to_string((month_of(d) - 1) / 3 + 1);
    case Recurrence::half_yearly: return year + (month_of(d) <= 6 ? "-H1" : "-H2");
    default: return year;
  }
}

std::vector<PlannedOccurrence> plan_occurrences(const TaskSpec& spec, Date start, Date until,
                                                const WorkingDays& calendar) {
  std::vector<PlannedOccurrence> out;
  if (!is_periodic(spec.recurrence)) return out;
  Date from = spec.schedule.from ? std::max(start, *spec.schedule.from) : start;
  Date to = spec.schedule.until ? std::min(until, *spec.schedule.until) : until;
  // Due dates never fall after their period ends, so walking periods from
  // the one holding `from` to the one holding `to` sees every candidate.
  for (Date d = from; days_between(d, to) >= 0; d = next_period(*spec.recurrence, d)) {
    Date due = due_of_period(spec, d, calendar);
    if (days_between(from, due) >= 0 && days_between(due, to) >= 0)
      out.push_back({period_key(*spec.recurrence, d), due});
  }
  return out;
}

}  // namespace cvtrack::engine
