// engine/task_commands.hpp
//
// What units and the secretariat ask of a task. Each is validated by
// decide() against the task's current state and becomes events, or is
// refused with a message naming the task, its state and the command.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/date.hpp"
#include "engine/event.hpp"

namespace cvtrack::engine {

// Units (the body holding the task, or one above it):
struct Acknowledge {};
struct ReportProgress { int percent = 0; std::string note; };
struct ClaimCompletion { std::string note; };
struct SubmitReport { std::optional<std::string> period; std::string note; };  // null: the oldest open one
struct Delegate { std::vector<std::string> bodies; std::optional<Date> deadline; std::string note; };
// The secretariat (or a body above the holder, never the holder itself):
struct Approve { std::string note; };
struct ReturnCompletion { std::string reason; };
struct ExtendDeadline { Date new_deadline; std::string reason; };
struct CancelTask { std::string reason; };

using TaskCommand = std::variant<Acknowledge, ReportProgress, ClaimCompletion, SubmitReport,
                                 Delegate, Approve, ReturnCompletion, ExtendDeadline, CancelTask>;

// The command's name as users type it: "ack", "approve", ...
const char* command_name(const TaskCommand& command);

struct TaskRequest {
  StreamId task;
  TaskCommand command;
  std::optional<std::string> as_body;  // `--as BODY`; null: the secretariat records it
  Date today{};                        // effective date (`--as-of`, else today in Vietnam)
  std::string recorded_at;             // wall-clock instant, UTC ISO
};

}  // namespace cvtrack::engine
