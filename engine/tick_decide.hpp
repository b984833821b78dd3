// engine/tick_decide.hpp
//
// What `cvtrack tick` records when time has moved: the next occurrences of
// recurring duties (up to the horizon), and a dated marker for each deadline
// or report that has passed, and for each deadline coming near. Each marker
// is recorded once per deadline (an extended deadline can pass again), so
// running tick twice records nothing new. Pure.
#pragma once

#include <vector>

#include "engine/event.hpp"
#include "engine/task_view.hpp"
#include "engine/working_days.hpp"

namespace cvtrack::engine {

struct TickRequest {
  Date today{};
  std::string recorded_at;
  int horizon_days = 31;
  int due_soon_working_days = 3;
};

// The actor recorded on what tick writes.
inline constexpr const char* kSystemActor = "system";

std::vector<StreamAppend> decide_tick(const std::vector<TaskView>& tasks, const TickRequest& request,
                                      const WorkingDays& calendar);

}  // namespace cvtrack::engine
