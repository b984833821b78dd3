// engine/task_status.hpp
//
// Where a task stands at a date, in the categories Vietnamese task
// statistics use (shared/domain.md §4.2): finished {on time | late} x not
// finished {within the deadline | overdue}, plus no deadline (continuous and
// on-event duties), cancelled, and the "due soon" flag (sắp đến hạn) on
// tasks within the deadline. Rules:
//  - a cancelled or done task is never overdue, nor is one with no deadline;
//  - a task is overdue the day after its deadline (the deadline day counts
//    to 24:00, Civil Code; the reader already moved counted periods off days
//    off, explicit dates stay as written);
//  - done means approved; it counts as on time when the approved claim was
//    submitted by the deadline (the unit finished then; approval is the
//    secretariat's delay). A claim awaiting approval is still in progress;
//  - done with no deadline counts as done on time: it cannot be late.
#pragma once

#include <optional>

#include "engine/task_view.hpp"
#include "engine/working_days.hpp"

namespace cvtrack::engine {

enum class Category {
  in_progress_on_time,
  in_progress_overdue,
  done_on_time,
  done_late,
  no_deadline,
  cancelled,
};

const char* to_string(Category category);

struct TaskStatus {
  Category category = Category::no_deadline;
  bool due_soon = false;                 // within the deadline, <= N working days left
  int days_overdue = 0;                  // calendar days past the deadline, when overdue
  std::optional<int> working_days_left;  // when within the deadline
};

// REQUIRES: task.exists()
TaskStatus status_at(const TaskView& task, Date as_of, const WorkingDays& calendar,
                     int due_soon_working_days);
// The same from the three things it depends on: the state, the current
// deadline and the day the approved claim was submitted (TaskView::done_on).
// Lets a reader that keeps these as columns skip loading the whole task.
TaskStatus status_at(TaskState state, const std::optional<Date>& deadline, const std::optional<Date>& done_on,
                     Date as_of, const WorkingDays& calendar, int due_soon_working_days);

}  // namespace cvtrack::engine
