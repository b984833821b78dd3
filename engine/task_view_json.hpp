// engine/task_view_json.hpp
//
// The JSON form of a task's state: what `--json` prints, and the `view`
// column of the tasks projection (so a query reads a whole task in one row).
#pragma once

#include <nlohmann/json.hpp>

#include "engine/result.hpp"
#include "engine/task_view.hpp"

namespace cvtrack::engine {

nlohmann::json to_json(const TaskView& task);
nlohmann::json to_json(const Occurrence& occurrence);
Result<TaskView> task_view_from_json(const nlohmann::json& json);

nlohmann::json to_json(const DocumentView& document);

}  // namespace cvtrack::engine
