#include "engine/deadline_schedule.hpp"

#include <algorithm>
#include <climits>
#include <functional>

#include "engine/event_types.hpp"

namespace cvtrack::engine {

using nlohmann::json;
using namespace std::chrono;
namespace et = event_type;

namespace {

constexpr int kOverdueUrgency = INT_MAX - 1;
constexpr const char* kRemindPrefix = "remind-";

// "14:00", "8:30" -> minutes after midnight; nullopt for anything else.
std::optional<int> minutes_of_day(const std::string& text) {
  auto colon = text.find(':');
  if (colon == std::string::npos || colon == 0 || colon > 2 || text.size() != colon + 3) return std::nullopt;
  int hours = 0, minutes = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i == colon) continue;
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    (i < colon ? hours : minutes) = (i < colon ? hours : minutes) * 10 + (text[i] - '0');
  }
  if (hours > 23 || minutes > 59) return std::nullopt;
  return hours * 60 + minutes;
}

int recorded_urgency(const TaskView& task, const std::string& key) {
  auto found = task.deadline_marks.find(key);
  if (found == task.deadline_marks.end()) return INT_MIN;
  int most = INT_MIN;
  for (const auto& rung : found->second) most = std::max(most, rung_urgency(rung));
  return most;
}

struct Marking {
  TimePoint now;
  const std::string& recorded_at;
};

NewEvent marker(const char* type, json payload, const Marking& m) {
  return NewEvent{type, std::move(payload), kSystemActor, m.recorded_at, vietnam_date(m.now)};
}

void occurrence_marks(const TaskView& t, const Marking& m, std::vector<NewEvent>& out) {
  TimePoint now = m.now;
  Date today = vietnam_date(now);
  for (const auto& [period, o] : t.occurrences) {
    std::string key = occurrence_key(o.due, period);
    if (o.submitted_on || o.overdue_recorded || recorded_urgency(t, key) >= kOverdueUrgency) continue;
    if (overdue_moment(o.due, t.spec.schedule.time) > now) continue;
    out.push_back(marker(et::occurrence_overdue,
                         {{"period", period}, {"due", to_iso(o.due)}, {"days_overdue", days_between(o.due, today)},
                          {"due_key", key}, {"rung", kOverdueRung}},
                         m));
  }
}

void deadline_mark(const TaskView& t, const Marking& m, const std::vector<int>& reminders, const WorkingDays& calendar,
                   std::vector<NewEvent>& out) {
  TimePoint now = m.now;
  // A claim awaiting approval is the secretariat's move, not an overdue unit.
  if (!t.deadline || t.state == TaskState::submitted) return;
  Date due = *t.deadline;
  Date today = vietnam_date(now);
  std::string key = to_iso(due);
  int recorded = recorded_urgency(t, key);
  if (overdue_moment(due, t.spec.deadline_time) <= now) {
    if (recorded < kOverdueUrgency)
      out.push_back(marker(et::task_overdue,
                           {{"deadline", key}, {"days_overdue", days_between(due, today)}, {"due_key", key},
                            {"rung", kOverdueRung}},
                           m));
    return;
  }
  // normalized: most distant first, so the last one due is the most urgent.
  std::optional<int> most_urgent;
  for (int n : reminders)
    if (reminder_moment(due, n, calendar) <= now) most_urgent = n;
  if (!most_urgent || rung_urgency(reminder_rung(*most_urgent)) <= recorded) return;
  out.push_back(marker(et::deadline_reminder,
                       {{"deadline", key}, {"working_days_left", calendar.working_days_between(today, due)},
                        {"due_key", key}, {"rung", reminder_rung(*most_urgent)}},
                       m));
}

}  // namespace

std::string reminder_rung(int working_days) { return kRemindPrefix + std::to_string(working_days); }

int rung_urgency(const std::string& rung) {
  if (rung == kOverdueRung) return kOverdueUrgency;
  if (rung.rfind(kRemindPrefix, 0) != 0) return INT_MIN;
  std::string digits = rung.substr(std::char_traits<char>::length(kRemindPrefix));
  if (digits.empty() || digits.size() > 4 || !std::all_of(digits.begin(), digits.end(), [](char c) {
        return c >= '0' && c <= '9';
      }))
    return INT_MIN;
  return -std::stoi(digits);
}

std::vector<int> normalized_reminders(std::vector<int> working_days) {
  std::erase_if(working_days, [](int n) { return n < 0; });
  std::sort(working_days.begin(), working_days.end(), std::greater<>());
  working_days.erase(std::unique(working_days.begin(), working_days.end()), working_days.end());
  return working_days;
}

TimePoint start_of_day(Date date) { return TimePoint{sys_days{date} - kVietnamUtcOffset}; }

TimePoint overdue_moment(Date due, const std::optional<std::string>& time) {
  if (time)
    if (auto minutes = minutes_of_day(*time)) return start_of_day(due) + std::chrono::minutes{*minutes};
  return start_of_day(add_days(due, 1));
}

Date reminder_day(Date due, int working_days, const WorkingDays& calendar) {
  // Walk back while the working days in (day - 1, due] stay within the rung.
  Date day = due;
  int counted = 0;
  for (int guard = 0; guard < 3660; ++guard) {
    int step = calendar.is_working_day(day) ? 1 : 0;
    if (counted + step > working_days) break;
    counted += step;
    day = add_days(day, -1);
  }
  return day;
}

TimePoint reminder_moment(Date due, int working_days, const WorkingDays& calendar) {
  return start_of_day(reminder_day(due, working_days, calendar));
}

Date last_deadline_due_by(TimePoint instant, const std::vector<int>& reminders, const WorkingDays& calendar) {
  Date today = vietnam_date(instant);
  int farthest = reminders.empty() ? -1 : *std::max_element(reminders.begin(), reminders.end());
  if (farthest < 0) return today;  // overdue alone: the moment is on the due day or at its end
  // reminder_day(D, N) <= today  <=>  D comes before the (N+1)-th working day after today.
  return add_days(calendar.add_working_days(today, farthest + 1), -1);
}

std::string occurrence_key(Date due, const std::string& period) { return to_iso(due) + "#" + period; }

std::optional<DeadlineMark> deadline_mark_of(const NewEvent& event) {
  const json& p = event.payload;
  bool overdue = event.type == et::task_overdue, occurrence = event.type == et::occurrence_overdue;
  if (!overdue && !occurrence && event.type != et::deadline_reminder) return std::nullopt;
  if (p.contains("rung") && p.contains("due_key"))
    return DeadlineMark{p["due_key"].get<std::string>(), p["rung"].get<std::string>(), false};
  if (occurrence) return DeadlineMark{p.value("due", "") + "#" + p.value("period", ""), kOverdueRung, true};
  std::string key = p.value("deadline", "");
  if (overdue) return DeadlineMark{key, kOverdueRung, true};
  return DeadlineMark{key, reminder_rung(std::max(0, p.value("working_days_left", 0))), true};
}

bool deadline_awaits_overdue_mark(const TaskView& task) {
  if (!task.exists() || is_closed(task.state) || task.state == TaskState::submitted || !task.deadline) return false;
  return recorded_urgency(task, to_iso(*task.deadline)) < kOverdueUrgency;
}

bool occurrence_awaits_overdue_mark(const TaskView& task, const std::string& period, const Occurrence& occurrence) {
  if (!task.exists() || is_closed(task.state) || occurrence.submitted_on || occurrence.overdue_recorded) return false;
  return recorded_urgency(task, occurrence_key(occurrence.due, period)) < kOverdueUrgency;
}

std::vector<NewEvent> deadline_marks_due(const TaskView& task, TimePoint now, const std::vector<int>& reminders,
                                         const WorkingDays& calendar, const std::string& recorded_at) {
  std::vector<NewEvent> out;
  if (!task.exists() || is_closed(task.state) || days_between(task.last_change_on, vietnam_date(now)) < 0)
    return out;
  Marking m{now, recorded_at};
  occurrence_marks(task, m, out);
  deadline_mark(task, m, normalized_reminders(reminders), calendar, out);
  return out;
}

}  // namespace cvtrack::engine
