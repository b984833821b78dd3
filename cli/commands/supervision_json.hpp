// cli/commands/supervision_json.hpp
//
// The JSON of what supervisors look at (overdue list, matrix, counts per
// body), shared by `--json` on the command line and the HTTP API so both
// say the same thing the same way.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/supervision.hpp"

namespace cvtrack::cli {

nlohmann::json overdue_json(const std::vector<engine::OverdueItem>& items);
// cells: {body: {directive: symbol}}, only the cells that hold a task.
nlohmann::json matrix_json(const std::string& document, engine::Date as_of, const engine::Matrix& matrix);
nlohmann::json counts_json(const engine::CategoryCounts& counts);
nlohmann::json stats_json(engine::Date as_of, const engine::Stats& stats);

}  // namespace cvtrack::cli
