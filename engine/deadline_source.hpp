// engine/deadline_source.hpp
//
// What the deadline timer and tick ask of the stored state, so they never
// replay the log: storage/ answers with indexed queries
// (SqliteDeadlineSource). Three questions: which tasks may have a rung due
// by now (to record), where the next due moment lies (to arm one timer),
// and which tasks have periodic reports to plan (tick). The first two look
// at no more than the tasks due by now, a few rows past, so a million
// pending deadlines cost a few index seeks; the third reads its tasks in
// batches. Called on the engine strand, like the store.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "engine/clock.hpp"
#include "engine/result.hpp"
#include "engine/task_view.hpp"
#include "engine/working_days.hpp"

namespace cvtrack::engine {

// A due date and an hour it carries (TaskSpec::deadline_time for a task's
// deadline, Schedule::time for a report); nullopt: the end of the day.
struct DueSlot {
  Date due;
  std::optional<std::string> time;
};

class DeadlineSource {
 public:
  virtual ~DeadlineSource() = default;

  // The tasks that may have a rung due: open ones (not done, cancelled or
  // awaiting approval) whose deadline is on or before `deadline_until` with
  // its "overdue" rung not yet recorded, and tasks not closed with an
  // unsubmitted report due on or before `occurrence_until` not yet marked
  // overdue (engine::deadline_awaits_overdue_mark and
  // occurrence_awaits_overdue_mark). Current views, deadline_marks filled
  // in, in id order. May return a task with nothing due (a reminder already
  // recorded). Everything due from occurrence_until's day on comes whole;
  // of a backlog due before that day a source may give only the oldest part
  // (SqliteDeadlineSource: a batch), so the caller asks again after
  // recording it (DeadlineTimer passes again while a pass records
  // something).
  virtual Result<std::vector<TaskView>> tasks_due_by(Date deadline_until, Date occurrence_until) const = 0;

  // The earliest deadline on or after `from` among tasks that can still
  // fire (open, not awaiting approval).
  virtual Result<std::optional<Date>> earliest_deadline(Date from) const = 0;
  // The distinct (deadline, time) pairs of those tasks on the first `dates`
  // deadline dates on or after `from`: reads the rows of those dates only.
  virtual Result<std::vector<DueSlot>> deadline_slots(Date from, int dates) const = 0;
  // The same for the unsubmitted report occurrences of tasks not closed.
  virtual Result<std::vector<DueSlot>> occurrence_slots(Date from, int dates) const = 0;

  // Open tasks with a periodic reporting duty (is_periodic) whose id comes
  // after `after` in text order ("" for the first), at most `limit`, in that
  // order: what tick plans report occurrences for, a batch at a time.
  // Current views, deadline_marks filled in.
  virtual Result<std::vector<TaskView>> periodic_tasks(const std::string& after, std::size_t limit) const = 0;
};

// The tasks a DeadlineSource gives for what may be due at `now`.
Result<std::vector<TaskView>> tasks_due_at(const DeadlineSource& source, TimePoint now,
                                           const std::vector<int>& reminders, const WorkingDays& calendar);

// The earliest moment after `after` at which some rung falls due (deadline
// reminders and overdue, report overdue), ignoring marks: a rung recorded
// early (another process, `tick --as-of` a later day) only makes a wake-up
// find nothing to do. nullopt: nothing pending at all.
Result<std::optional<TimePoint>> next_due_moment(const DeadlineSource& source, TimePoint after,
                                                 const std::vector<int>& reminders, const WorkingDays& calendar);

}  // namespace cvtrack::engine
