// engine/task_state.hpp
//
// Where a task stands in its lifecycle:
//   assigned -> acknowledged -> in_progress -> submitted -> done
//                                   ^             |
//                                   +- returned <-+     (any open state) -> cancelled
// "submitted" is chờ xác nhận: the unit claims completion, the secretariat
// approves (done) or returns it with a reason.
#pragma once

#include <optional>
#include <string>

namespace cvtrack::engine {

enum class TaskState { assigned, acknowledged, in_progress, submitted, returned, done, cancelled };

const char* to_string(TaskState state);
std::optional<TaskState> task_state_from_string(const std::string& text);

// done and cancelled accept no further change.
bool is_closed(TaskState state);

}  // namespace cvtrack::engine
