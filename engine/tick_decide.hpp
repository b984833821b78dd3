// engine/tick_decide.hpp
//
// What `cvtrack tick` records when time has moved: the next occurrences of
// recurring duties (up to the horizon), and the deadline rungs that have come
// due (deadline_schedule.hpp): overdue deadlines and reports, and reminders.
// Each rung is recorded once per due key (an extended deadline can pass
// again), so running tick twice records nothing new. Pure.
#pragma once

#include <vector>

#include "engine/clock.hpp"
#include "engine/deadline_schedule.hpp"
#include "engine/event.hpp"
#include "engine/task_view.hpp"
#include "engine/working_days.hpp"

namespace cvtrack::engine {

struct TickRequest {
  Date today{};
  std::string recorded_at;
  int horizon_days = 31;
  // The reminder rungs, working days before a deadline (`--due-soon N`: {N}).
  std::vector<int> reminders{3};
  // The instant the rungs are judged at: noon of `today`, as --as-of means.
  TimePoint now() const { return vietnam_noon(today); }
};

std::vector<StreamAppend> decide_tick(const std::vector<TaskView>& tasks, const TickRequest& request,
                                      const WorkingDays& calendar);

}  // namespace cvtrack::engine
