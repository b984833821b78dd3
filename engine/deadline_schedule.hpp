// engine/deadline_schedule.hpp
//
// When a deadline acts, and what it records. Pure: no clock, no store.
//
// A task's deadline has rungs: "remind-N" for each configured N (working
// days before the due date; the reminder is due at the start, 00:00 +07, of
// the first day from which at most N working days remain) and "overdue"
// (due at the end of the due date, i.e. 00:00 +07 the next day, or at the
// hour TaskSpec::deadline_time gives, "14:00" meaning 14:00 +07 that day).
// A report occurrence has the one rung "overdue", by its due date and
// Schedule::time. Each (task, due_key, rung) is recorded at most once:
// due_key is the deadline date ("2026-03-10": an extended deadline is a new
// key) or "DATE#PERIOD" for an occurrence ("2026-03-20#2026-03").
//
// Rungs are ordered by urgency (remind-3 < remind-1 < overdue); when several
// are due at once (a task registered two days before its deadline, a server
// that was down) only the most urgent is recorded, and a rung is never
// recorded once a more urgent one of the same key is: the marks say how far
// a deadline has gone, not every step on the way.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/clock.hpp"
#include "engine/event.hpp"
#include "engine/task_view.hpp"
#include "engine/working_days.hpp"

namespace cvtrack::engine {

// The actor recorded on what tick and the deadline timer write.
inline constexpr const char* kSystemActor = "system";

inline constexpr const char* kOverdueRung = "overdue";

// "remind-3".
std::string reminder_rung(int working_days);

// Higher is more urgent: remind-N is -N, overdue above every reminder; a
// name neither form is the lowest (ignored).
int rung_urgency(const std::string& rung);

// The configured reminders, most distant first, without duplicates or
// negatives: {1, 3, 3} -> {3, 1}.
std::vector<int> normalized_reminders(std::vector<int> working_days);

// The instant a deadline passes: `time` ("14:00") on `due`, or the end of
// `due` when no time is given or it is not an hour ("cuối giờ chiều").
TimePoint overdue_moment(Date due, const std::optional<std::string>& time);

// The first day from which at most `working_days` working days remain
// before `due` (what `--due-soon N` calls due soon): 3 before a Friday is
// Tuesday.
Date reminder_day(Date due, int working_days, const WorkingDays& calendar);
// 00:00 +07 on reminder_day().
TimePoint reminder_moment(Date due, int working_days, const WorkingDays& calendar);
// 00:00 +07 on `date`.
TimePoint start_of_day(Date date);

// The last deadline date whose earliest rung is due by `instant`: every
// deadline that can have something due at `instant` is on or before it.
Date last_deadline_due_by(TimePoint instant, const std::vector<int>& reminders, const WorkingDays& calendar);

// The occurrence's key: "2026-03-20#2026-03".
std::string occurrence_key(Date due, const std::string& period);

// The (due_key, rung) a marker event records; nullopt for other events.
// Markers written before rungs existed carry no "rung" or "due_key": the
// key is then read from "deadline" (or "due" and "period") and the rung
// is "overdue" or "remind-<working_days_left>".
struct DeadlineMark {
  std::string due_key;
  std::string rung;
  bool legacy = false;  // read from a marker without "rung"
};
std::optional<DeadlineMark> deadline_mark_of(const NewEvent& event);

// Whether a deadline or report can still get its "overdue" rung, whatever
// the date: the task is not closed, the deadline's claim does not await
// approval (the report's is not submitted), and that rung is not recorded
// for the key in force. storage/ keeps these as columns with a partial
// index, so a catch-up after a long stop reads only what is still to mark,
// never the marked backlog again.
bool deadline_awaits_overdue_mark(const TaskView& task);
bool occurrence_awaits_overdue_mark(const TaskView& task, const std::string& period, const Occurrence& occurrence);

// The marker events due for `task` at `now` that its marks do not already
// hold: at most one per due key. Nothing for closed tasks, nothing for a
// deadline whose completion claim awaits approval (the secretariat's move),
// and nothing when `now` is dated before the task's last change (history
// would be out of order). Events are dated vietnam_date(now), by
// kSystemActor, with `recorded_at` (the real instant of writing: `tick
// --as-of` decides at noon of its date but records when it runs).
std::vector<NewEvent> deadline_marks_due(const TaskView& task, TimePoint now, const std::vector<int>& reminders,
                                         const WorkingDays& calendar, const std::string& recorded_at);

}  // namespace cvtrack::engine
