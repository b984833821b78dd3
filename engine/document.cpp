#include "engine/document.hpp"

namespace cvtrack::engine {

const char* to_string(TaskRole role) {
  switch (role) {
    case TaskRole::lead: return "lead";
    case TaskRole::coordinate: return "coordinate";
    case TaskRole::assignee: return "assignee";
  }
  return "assignee";
}

const char* to_string(TaskKind kind) {
  return kind == TaskKind::report ? "report" : "action";
}

const char* to_string(Recurrence recurrence) {
  switch (recurrence) {
    case Recurrence::continuous: return "continuous";
    case Recurrence::daily: return "daily";
    case Recurrence::weekly: return "weekly";
    case Recurrence::monthly: return "monthly";
    case Recurrence::quarterly: return "quarterly";
    case Recurrence::half_yearly: return "half-yearly";
    case Recurrence::yearly: return "yearly";
    case Recurrence::on_event: return "on-event";
  }
  return "continuous";
}

const char* to_string(RelativeDeadline::Unit unit) {
  switch (unit) {
    case RelativeDeadline::Unit::days: return "days";
    case RelativeDeadline::Unit::working_days: return "working_days";
    case RelativeDeadline::Unit::hours: return "hours";
  }
  return "days";
}

std::optional<TaskRole> task_role_from_string(const std::string& text) {
  for (auto role : {TaskRole::lead, TaskRole::coordinate, TaskRole::assignee})
    if (text == to_string(role)) return role;
  return std::nullopt;
}

std::optional<TaskKind> task_kind_from_string(const std::string& text) {
  for (auto kind : {TaskKind::action, TaskKind::report})
    if (text == to_string(kind)) return kind;
  return std::nullopt;
}

std::optional<Recurrence> recurrence_from_string(const std::string& text) {
  for (auto r : {Recurrence::continuous, Recurrence::daily, Recurrence::weekly,
                 Recurrence::monthly, Recurrence::quarterly, Recurrence::half_yearly,
                 Recurrence::yearly, Recurrence::on_event})
    if (text == to_string(r)) return r;
  return std::nullopt;
}

}  // namespace cvtrack::engine
