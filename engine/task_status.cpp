#include "engine/task_status.hpp"

namespace cvtrack::engine {

const char* to_string(Category category) {
  switch (category) {
    case Category::in_progress_on_time: return "in_progress_on_time";
    case Category::in_progress_overdue: return "in_progress_overdue";
    case Category::done_on_time: return "done_on_time";
    case Category::done_late: return "done_late";
    case Category::no_deadline: return "no_deadline";
    case Category::cancelled: return "cancelled";
  }
  return "no_deadline";
}

TaskStatus status_at(const TaskView& task, Date as_of, const WorkingDays& calendar,
                     int due_soon_working_days) {
  return status_at(task.state, task.deadline, task.done_on, as_of, calendar, due_soon_working_days);
}

TaskStatus status_at(TaskState state, const std::optional<Date>& deadline, const std::optional<Date>& done_on,
                     Date as_of, const WorkingDays& calendar, int due_soon_working_days) {
  TaskStatus status;
  if (state == TaskState::cancelled) {
    status.category = Category::cancelled;
    return status;
  }
  if (state == TaskState::done) {
    bool late = deadline && done_on && days_between(*deadline, *done_on) > 0;
    status.category = late ? Category::done_late : Category::done_on_time;
    return status;
  }
  if (!deadline) {
    status.category = Category::no_deadline;
    return status;
  }
  int past = days_between(*deadline, as_of);
  if (past > 0) {
    status.category = Category::in_progress_overdue;
    status.days_overdue = past;
    return status;
  }
  status.category = Category::in_progress_on_time;
  status.working_days_left = calendar.working_days_between(as_of, *deadline);
  status.due_soon = *status.working_days_left <= due_soon_working_days;
  return status;
}

}  // namespace cvtrack::engine
