#include "engine/tick_decide.hpp"

#include "engine/event_types.hpp"
#include "engine/reporting_schedule.hpp"

namespace cvtrack::engine {

using nlohmann::json;
namespace et = event_type;

namespace {

NewEvent event(const TickRequest& r, const char* type, json payload) {
  return NewEvent{type, std::move(payload), kSystemActor, r.recorded_at, r.today};
}

void plan_more(const TaskView& t, const TickRequest& r, const WorkingDays& calendar,
               std::vector<NewEvent>& out) {
  for (const auto& o : plan_occurrences(t.spec, t.assigned_on, add_days(r.today, r.horizon_days), calendar)) {
    if (t.occurrences.count(o.period)) continue;
    out.push_back(event(r, et::occurrence_scheduled, {{"period", o.period}, {"due", to_iso(o.due)}}));
    // A period planned late (tick not run for a while) may be missed already;
    // marking it now keeps a second tick from finding anything new.
    if (days_between(o.due, r.today) > 0)
      out.push_back(event(r, et::occurrence_overdue, {{"period", o.period},
                                                       {"due", to_iso(o.due)},
                                                       {"days_overdue", days_between(o.due, r.today)}}));
  }
}

void mark_missed_reports(const TaskView& t, const TickRequest& r, std::vector<NewEvent>& out) {
  for (const auto& [period, o] : t.occurrences)
    if (!o.submitted_on && !o.overdue_recorded && days_between(o.due, r.today) > 0)
      out.push_back(event(r, et::occurrence_overdue, {{"period", period},
                                                       {"due", to_iso(o.due)},
                                                       {"days_overdue", days_between(o.due, r.today)}}));
}

void mark_deadline(const TaskView& t, const TickRequest& r, const WorkingDays& calendar,
                   std::vector<NewEvent>& out) {
  // A claim awaiting approval is the secretariat's move, not an overdue unit.
  if (!t.deadline || t.state == TaskState::submitted) return;
  Date deadline = *t.deadline;
  int past = days_between(deadline, r.today);
  if (past > 0) {
    if (t.overdue_recorded_for != deadline)
      out.push_back(event(r, et::task_overdue, {{"deadline", to_iso(deadline)}, {"days_overdue", past}}));
    return;
  }
  int left = calendar.working_days_between(r.today, deadline);
  if (left <= r.due_soon_working_days && t.reminder_recorded_for != deadline)
    out.push_back(event(r, et::deadline_reminder, {{"deadline", to_iso(deadline)}, {"working_days_left", left}}));
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
    plan_more(t, r, calendar, events);
    mark_missed_reports(t, r, events);
    mark_deadline(t, r, calendar, events);
    if (!events.empty()) out.push_back({t.id, t.version, std::move(events)});
  }
  return out;
}

}  // namespace cvtrack::engine
