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

// What GET /api/tasks filters on; every filter is optional.
struct TaskPageQuery {
  std::optional<std::vector<std::string>> holders;  // any of these holders
  std::optional<std::string> document;              // "D3"
  std::optional<std::string> state;                 // "acknowledged", as engine::to_string(TaskState)
  std::optional<engine::Date> overdue_at;           // as TaskQuery::overdue_at
};

// One page of a task list and how many tasks the whole list holds.
struct TaskPage {
  std::size_t total = 0;
  std::vector<engine::TaskView> tasks;
};

// A task as the tasks table keeps it: its view as the projection stored it
// (engine::to_json(view).dump()) and the columns engine::status_at reads,
// so an answer can carry the view's text and its status without parsing it.
struct TaskRow {
  std::string view_json;
  engine::TaskState state = engine::TaskState::assigned;
  std::optional<engine::Date> deadline;
  std::optional<engine::Date> done_on;
};

struct TaskRowPage {
  std::size_t total = 0;
  std::vector<TaskRow> rows;
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
  // How many items the whole overdue list at `as_of` holds (what
  // overdue_page pages through), counted on the same partial indexes.
  engine::Result<std::size_t> overdue_count(const std::optional<std::vector<std::string>>& holders,
                                            engine::Date as_of) const;
  // One page of the tasks `query` selects, in task id order (T1.2 before
  // T1.10, as tasks() gives them), and the total. Only the ids are read for
  // the whole list (from the indexes alone when filtered by holder); only the
  // page's tasks are loaded and parsed.
  //
  // Without a state or overdue filter the page is read in index order and
  // nothing the size of the list is sorted: for some holders from
  // tasks_in_id_order (holder, document number, id), for all tasks
  // document by document from the primary key; ties within a document are
  // put in task id order here.
  engine::Result<TaskPage> task_page(const TaskPageQuery& query, std::size_t limit, std::size_t offset = 0) const;
  // The same page as rows: the stored JSON and the status columns.
  engine::Result<TaskRowPage> task_rows(const TaskPageQuery& query, std::size_t limit, std::size_t offset = 0) const;
  // The task a row's stored view holds; a view that does not parse is a
  // damaged row (an internal error naming the database: run `rebuild`).
  engine::Result<engine::TaskView> task_of(const TaskRow& row) const;
  // Counts per holder in the categories of engine::status_at, in SQL over
  // the tasks table's columns (one GROUP BY over the tasks_by_holder index,
  // no task parsed): the same numbers as engine::build_stats on the same
  // tasks. `due_soon_before`: the first deadline that is not due soon at
  // `as_of` (engine::due_soon_before).
  engine::Result<engine::Stats> stats(const std::optional<std::vector<std::string>>& holders, engine::Date as_of,
                                      engine::Date due_soon_before) const;
  // The documents that hold a task of one of `holders`.
  engine::Result<std::vector<std::string>> document_ids(const std::vector<std::string>& holders) const;
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
