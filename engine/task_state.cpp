#include "engine/task_state.hpp"

#include <array>
#include <utility>

namespace cvtrack::engine {

namespace {
constexpr std::array<std::pair<TaskState, const char*>, 7> kNames = {{
    {TaskState::assigned, "assigned"},
    {TaskState::acknowledged, "acknowledged"},
    {TaskState::in_progress, "in_progress"},
    {TaskState::submitted, "submitted"},
    {TaskState::returned, "returned"},
    {TaskState::done, "done"},
    {TaskState::cancelled, "cancelled"},
}};
}  // namespace

const char* to_string(TaskState state) {
  for (const auto& [s, name] : kNames)
    if (s == state) return name;
  return "assigned";
}

std::optional<TaskState> task_state_from_string(const std::string& text) {
  for (const auto& [s, name] : kNames)
    if (text == name) return s;
  return std::nullopt;
}

bool is_closed(TaskState state) {
  return state == TaskState::done || state == TaskState::cancelled;
}

}  // namespace cvtrack::engine
