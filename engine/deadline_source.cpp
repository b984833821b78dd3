#include "engine/deadline_source.hpp"

#include "engine/deadline_schedule.hpp"

namespace cvtrack::engine {

namespace {

void keep_earliest(std::optional<TimePoint>& best, TimePoint candidate) {
  if (!best || candidate < *best) best = candidate;
}

// The earliest overdue moment after `after`: on its own day (an hour still
// ahead, or the day's end), else on the next due date. Two dates suffice.
using SlotQuery = Result<std::vector<DueSlot>> (DeadlineSource::*)(Date, int) const;
Result<std::optional<TimePoint>> next_overdue(const DeadlineSource& source, SlotQuery query, TimePoint after) {
  auto slots = (source.*query)(vietnam_date(after), 2);
  if (!slots) return slots.error();
  std::optional<TimePoint> best;
  for (const auto& s : *slots)
    if (TimePoint m = overdue_moment(s.due, s.time); m > after) keep_earliest(best, m);
  return best;
}

}  // namespace

Result<std::vector<TaskView>> tasks_due_at(const DeadlineSource& source, TimePoint now,
                                           const std::vector<int>& reminders, const WorkingDays& calendar) {
  return source.tasks_due_by(last_deadline_due_by(now, normalized_reminders(reminders), calendar),
                             vietnam_date(now));
}

Result<std::optional<TimePoint>> next_due_moment(const DeadlineSource& source, TimePoint after,
                                                 const std::vector<int>& reminders, const WorkingDays& calendar) {
  std::optional<TimePoint> best;
  for (SlotQuery query : {&DeadlineSource::deadline_slots, &DeadlineSource::occurrence_slots}) {
    auto overdue = next_overdue(source, query, after);
    if (!overdue) return overdue.error();
    if (*overdue) keep_earliest(best, **overdue);
  }
  Date today = vietnam_date(after);
  for (int n : normalized_reminders(reminders)) {
    // The first deadline whose rung-n reminder day is after today.
    auto first = source.earliest_deadline(calendar.add_working_days(today, n + 1));
    if (!first) return first.error();
    if (*first) keep_earliest(best, reminder_moment(**first, n, calendar));
  }
  return best;
}

}  // namespace cvtrack::engine
