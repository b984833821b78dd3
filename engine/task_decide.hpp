// engine/task_decide.hpp
//
// The task state machine as a pure function: given a task's current state
// and a request, either the events to append (to the task's stream, and for
// a delegation to the new children's streams) or a refusal. No I/O; the
// caller appends what comes back in one transaction.
#pragma once

#include <vector>

#include "engine/body_registry.hpp"
#include "engine/event.hpp"
#include "engine/result.hpp"
#include "engine/task_commands.hpp"
#include "engine/task_view.hpp"

namespace cvtrack::engine {

// Refusals: not_found (no such task, period), bad_input (an `--as` body that
// may not act, a bad value, an --as-of before the task's last change),
// conflict (the state does not allow the command). Every message starts with
// the task id.
Result<std::vector<StreamAppend>> decide(const TaskView& task, const TaskRequest& request,
                                         const BodyRegistry& bodies);

}  // namespace cvtrack::engine
