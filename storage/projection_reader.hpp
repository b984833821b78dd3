// storage/projection_reader.hpp
//
// The queries the command line runs, on the projection tables (never on the
// log): tasks by holder, by document, the overdue candidates at a date,
// documents, bodies. Tasks come back whole, from the `view` column.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/body_registry.hpp"
#include "engine/result.hpp"
#include "engine/supervision.hpp"
#include "engine/task_view.hpp"
#include "storage/sqlite_database.hpp"

namespace cvtrack::storage {

struct TaskQuery {
  std::optional<std::vector<std::string>> holders;  // any of these holders
  std::optional<std::string> document;              // "D3"
  // Only open tasks past their deadline or with an unsubmitted report due
  // before this date (uses the partial indexes).
  std::optional<engine::Date> overdue_at;
};

struct DocumentRow {
  std::string id, key, source, registered_on;
  std::optional<std::string> kind, issuer, number, date, subject;
  int task_count = 0;
};

class ProjectionReader {
 public:
  // `database` must outlive the reader.
  explicit ProjectionReader(SqliteDatabase& database) : database_(database) {}

  engine::Result<std::vector<engine::TaskView>> tasks(const TaskQuery& query) const;
  // One page of the overdue list at `as_of` (open tasks past their deadline,
  // unsubmitted report occurrences past due), in engine::overdue_items'
  // order: oldest due first, then task id, then period. Read from the
  // partial indexes by key, then only the page's tasks are loaded: the cost
  // grows with offset + limit, not with the number of tasks (issue 6).
  engine::Result<std::vector<engine::OverdueItem>> overdue_page(
      const std::optional<std::vector<std::string>>& holders, engine::Date as_of, std::size_t limit,
      std::size_t offset = 0) const;
  engine::Result<std::vector<DocumentRow>> documents() const;
  engine::Result<std::vector<std::string>> directive_paths(const std::string& document) const;
  engine::Result<std::vector<engine::Body>> bodies() const;
  // The newest effective date in the log: a query --as-of an earlier day
  // must replay instead of reading the projections.
  engine::Result<std::optional<engine::Date>> latest_effective_on() const;

 private:
  SqliteDatabase& database_;
};

}  // namespace cvtrack::storage
