// engine/supervision.hpp
//
// What supervisors look at, computed from task states at a date: the
// overdue list, a document's directive x body matrix, and counts per
// category per body. Pure functions over TaskViews; where the views come
// from (projections, or a replay up to --as-of) is the caller's business.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/task_status.hpp"
#include "engine/task_view.hpp"
#include "engine/working_days.hpp"

namespace cvtrack::engine {

struct StatusSettings {
  int due_soon_working_days = 3;
};

struct OverdueItem {
  StreamId task;
  std::string holder;
  std::string document;
  std::string directive;
  std::optional<std::string> period;  // set for a missed report occurrence
  Date due;
  int days_overdue = 0;
};

// Open tasks past their deadline and unsubmitted reports past due, oldest
// due first (then by task id, then period).
std::vector<OverdueItem> overdue_items(const std::vector<TaskView>& tasks, Date as_of,
                                       const WorkingDays& calendar, const StatusSettings& settings);

// One symbol per status, for the matrix: see matrix_legend().
std::string status_symbol(const TaskStatus& status);
const char* matrix_legend();

struct Matrix {
  std::vector<std::string> directives;  // paths, in document order
  std::vector<std::string> bodies;      // holders, in order of first appearance
  // (directive, body) -> symbol; several tasks in one cell show the most
  // urgent (overdue first).
  std::map<std::pair<std::string, std::string>, std::string> cells;
};

Matrix build_matrix(const std::vector<std::string>& directive_order, const std::vector<TaskView>& tasks,
                    Date as_of, const WorkingDays& calendar, const StatusSettings& settings);

struct CategoryCounts {
  int in_progress_on_time = 0;
  int in_progress_overdue = 0;
  int done_on_time = 0;
  int done_late = 0;
  int no_deadline = 0;
  int cancelled = 0;
  int due_soon = 0;  // a subset of in_progress_on_time
  int total = 0;
  bool operator==(const CategoryCounts&) const = default;
};

// Counts per holder (sorted by holder), and the sum in "total".
struct Stats {
  std::map<std::string, CategoryCounts> by_body;
  CategoryCounts total;
};

// The first deadline that is not "due soon" at `as_of`: a task within its
// deadline is due soon when its deadline is before this date (at most
// `settings.due_soon_working_days` working days after as_of). Lets a query
// count due-soon tasks by comparing dates.
Date due_soon_before(Date as_of, const WorkingDays& calendar, const StatusSettings& settings);

Stats build_stats(const std::vector<TaskView>& tasks, Date as_of, const WorkingDays& calendar,
                  const StatusSettings& settings);

}  // namespace cvtrack::engine
