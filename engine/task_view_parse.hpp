// engine/task_view_parse.hpp
//
// A task's view read back from the text task_view_text wrote, without
// building the JSON tree: a command reads its task's stored view on every
// write (EventStore::kept_task), and nlohmann's parse plus
// task_view_from_json was half of that read (perf at 64 clients: a tenth of
// serve's CPU).
#pragma once

#include <optional>
#include <string_view>

#include "engine/result.hpp"
#include "engine/task_view.hpp"

namespace cvtrack::engine {

// The task in `text` when it is laid out exactly as task_view_text writes
// it (and so its bytes are what task_view_text writes of the result);
// nullopt for anything else, valid JSON or not.
std::optional<TaskView> read_task_view_text(std::string_view text);

// The task in `text`, read directly when `text` is laid out exactly as
// task_view_text writes it, else through nlohmann and task_view_from_json
// (any valid JSON of the view's shape, with their errors).
Result<TaskView> task_view_from_text(std::string_view text);

}  // namespace cvtrack::engine
