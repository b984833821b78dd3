// engine/task_view_text.hpp
//
// A task's JSON view written straight to text: the same bytes as
// to_json(task).dump() (engine/task_view_json.hpp), without building the
// JSON tree first. A command writes its task's view into the tasks
// projection, and a server answers with it, on every write; building the
// tree (a map node and a string for every field) and dumping it was most of
// that cost (perf at 64 clients: the view's to_json was a tenth of the
// engine strand's time).
#pragma once

#include <string>

#include "engine/task_view.hpp"

namespace cvtrack::engine {

// Keys in nlohmann's order (sorted bytewise), strings escaped as its dump()
// does. Text that is not valid UTF-8 goes through nlohmann, which refuses it
// the same way (type_error 316).
std::string task_view_text(const TaskView& task);

}  // namespace cvtrack::engine
