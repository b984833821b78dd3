#include "engine/tick_decide.hpp"

#include "engine/event_types.hpp"
#include "engine/reporting_schedule.hpp"

namespace cvtrack::engine {

namespace {

// Plans the occurrences up to the horizon into `planned` (so the deadline
// rungs below see a period planned late, already missed, and mark it now:
// a second tick then finds nothing new).
void plan_more(TaskView& planned, const TickRequest& r, const WorkingDays& calendar, std::vector<NewEvent>& out) {
  for (const auto& o : plan_occurrences(planned.spec, planned.assigned_on, add_days(r.today, r.horizon_days), calendar)) {
    if (planned.occurrences.count(o.period)) continue;
    out.push_back(NewEvent{event_type::occurrence_scheduled, {{"period", o.period}, {"due", to_iso(o.due)}},
                           kSystemActor, r.recorded_at, r.today});
    planned.occurrences[o.period] = Occurrence{o.period, o.due, std::nullopt, false, false};
  }
}

}  // namespace

std::vector<StreamAppend> decide_tick(const std::vector<TaskView>& tasks, const TickRequest& r,
                                      const WorkingDays& calendar) {
  std::vector<StreamAppend> out;
  for (const auto& t : tasks) {
    // Closed tasks need nothing; a tick dated before a task's last change
    // would write history out of order, so it leaves that task alone.
    if (!t.exists() || is_closed(t.state) || days_between(t.last_change_on, r.today) < 0) continue;
    std::vector<NewEvent> events;
    TaskView planned = t;
    plan_more(planned, r, calendar, events);
    for (auto& e : deadline_marks_due(planned, r.now(), r.reminders, calendar, r.recorded_at))
      events.push_back(std::move(e));
    if (!events.empty()) out.push_back({t.id, t.version, std::move(events)});
  }
  return out;
}

}  // namespace cvtrack::engine
