#include "engine/supervision.hpp"

#include <algorithm>
#include <tuple>

namespace cvtrack::engine {

std::vector<OverdueItem> overdue_items(const std::vector<TaskView>& tasks, Date as_of,
                                       const WorkingDays& calendar, const StatusSettings& settings) {
  std::vector<OverdueItem> out;
  for (const auto& t : tasks) {
    if (!t.exists() || is_closed(t.state)) continue;
    TaskStatus s = status_at(t, as_of, calendar, settings.due_soon_working_days);
    if (s.category == Category::in_progress_overdue)
      out.push_back({t.id, t.holder(), t.document, t.directive, std::nullopt, *t.deadline, s.days_overdue});
    for (const auto& [period, o] : t.occurrences) {
      int past = days_between(o.due, as_of);
      if (past > 0 && !o.submitted_on)
        out.push_back({t.id, t.holder(), t.document, t.directive, period, o.due, past});
    }
  }
  std::sort(out.begin(), out.end(), [](const OverdueItem& a, const OverdueItem& b) {
    return std::make_tuple(-a.days_overdue, a.task, a.period) < std::make_tuple(-b.days_overdue, b.task, b.period);
  });
  return out;
}

std::string status_symbol(const TaskStatus& s) {
  switch (s.category) {
    case Category::in_progress_overdue: return "!";
    case Category::in_progress_on_time: return s.due_soon ? "s" : "o";
    case Category::no_deadline: return "-";
    case Category::done_late: return "L";
    case Category::done_on_time: return "D";
    case Category::cancelled: return "x";
  }
  return "?";
}

const char* matrix_legend() {
  return "! overdue  s due soon  o in progress within the deadline  - in progress, no deadline  "
         "L done late  D done on time  x cancelled  . not assigned";
}

namespace {
// Lower is more urgent: what a cell with several tasks shows.
int urgency(const std::string& symbol) {
  static const std::string order = "!so-LDx";
  auto at = order.find(symbol);
  return at == std::string::npos ? int(order.size()) : int(at);
}
}  // namespace

Matrix build_matrix(const std::vector<std::string>& directive_order, const std::vector<TaskView>& tasks,
                    Date as_of, const WorkingDays& calendar, const StatusSettings& settings) {
  Matrix m;
  for (const auto& path : directive_order)
    for (const auto& t : tasks)
      if (t.directive == path) {
        m.directives.push_back(path);
        break;
      }
  for (const auto& path : m.directives)
    for (const auto& t : tasks) {
      if (t.directive != path) continue;
      if (std::find(m.bodies.begin(), m.bodies.end(), t.holder()) == m.bodies.end())
        m.bodies.push_back(t.holder());
      std::string symbol = status_symbol(status_at(t, as_of, calendar, settings.due_soon_working_days));
      auto [it, inserted] = m.cells.try_emplace({path, t.holder()}, symbol);
      if (!inserted && urgency(symbol) < urgency(it->second)) it->second = symbol;
    }
  return m;
}

namespace {
void count(CategoryCounts& c, const TaskStatus& s) {
  ++c.total;
  switch (s.category) {
    case Category::in_progress_on_time: ++c.in_progress_on_time; break;
    case Category::in_progress_overdue: ++c.in_progress_overdue; break;
    case Category::done_on_time: ++c.done_on_time; break;
    case Category::done_late: ++c.done_late; break;
    case Category::no_deadline: ++c.no_deadline; break;
    case Category::cancelled: ++c.cancelled; break;
  }
  if (s.due_soon) ++c.due_soon;
}
}  // namespace

Date due_soon_before(Date as_of, const WorkingDays& calendar, const StatusSettings& settings) {
  // working_days_between(as_of, d) <= N exactly for d before the (N+1)th
  // working day after as_of.
  if (settings.due_soon_working_days < 0) return as_of;  // nothing is due soon
  return calendar.add_working_days(as_of, settings.due_soon_working_days + 1);
}

Stats build_stats(const std::vector<TaskView>& tasks, Date as_of, const WorkingDays& calendar,
                  const StatusSettings& settings) {
  Stats stats;
  for (const auto& t : tasks) {
    if (!t.exists()) continue;
    TaskStatus s = status_at(t, as_of, calendar, settings.due_soon_working_days);
    count(stats.by_body[t.holder()], s);
    count(stats.total, s);
  }
  return stats;
}

}  // namespace cvtrack::engine
