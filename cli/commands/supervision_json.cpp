#include "cli/commands/supervision_json.hpp"

namespace cvtrack::cli {

using nlohmann::json;

json overdue_json(const std::vector<engine::OverdueItem>& items) {
  json list = json::array();
  for (const auto& i : items)
    list.push_back({{"task", i.task}, {"holder", i.holder}, {"document", i.document}, {"directive", i.directive},
                    {"period", i.period ? json(*i.period) : json()},
                    {"due", engine::to_iso(i.due)}, {"days_overdue", i.days_overdue}});
  return list;
}

json matrix_json(const std::string& document, engine::Date as_of, const engine::Matrix& m) {
  json cells = json::object();
  for (const auto& body : m.bodies)
    for (const auto& d : m.directives)
      if (auto it = m.cells.find({d, body}); it != m.cells.end()) cells[body][d] = it->second;
  return {{"document", document}, {"as_of", engine::to_iso(as_of)}, {"directives", m.directives},
          {"bodies", m.bodies}, {"cells", cells}, {"legend", engine::matrix_legend()}};
}

json counts_json(const engine::CategoryCounts& c) {
  return {{"total", c.total},
          {"in_progress_on_time", c.in_progress_on_time},
          {"in_progress_overdue", c.in_progress_overdue},
          {"done_on_time", c.done_on_time},
          {"done_late", c.done_late},
          {"due_soon", c.due_soon},
          {"no_deadline", c.no_deadline},
          {"cancelled", c.cancelled}};
}

json stats_json(engine::Date as_of, const engine::Stats& stats) {
  json by_body = json::object();
  for (const auto& [body, c] : stats.by_body) by_body[body] = counts_json(c);
  return {{"as_of", engine::to_iso(as_of)}, {"by_body", by_body}, {"total", counts_json(stats.total)}};
}

}  // namespace cvtrack::cli
