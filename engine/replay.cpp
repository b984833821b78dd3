#include "engine/replay.hpp"

#include <algorithm>

namespace cvtrack::engine {

std::vector<TaskView> Snapshot::task_list() const {
  std::vector<TaskView> out;
  out.reserve(tasks.size());
  for (const auto& [id, t] : tasks) out.push_back(t);
  std::sort(out.begin(), out.end(), [](const TaskView& a, const TaskView& b) { return id_less(a.id, b.id); });
  return out;
}

Snapshot replay(const std::vector<RecordedEvent>& events, std::optional<Date> until) {
  Snapshot s;
  std::vector<RecordedEvent> directory_events, register_events;
  for (const auto& e : events) {
    if (until && days_between(e.event.effective_on, *until) < 0) continue;
    if (!s.latest_effective_on || days_between(*s.latest_effective_on, e.event.effective_on) > 0)
      s.latest_effective_on = e.event.effective_on;
    if (is_task_stream(e.stream)) {
      s.tasks[e.stream] = apply(std::move(s.tasks[e.stream]), e);
    } else if (is_document_stream(e.stream)) {
      s.documents[e.stream] = apply(std::move(s.documents[e.stream]), e);
    } else if (e.stream == kDirectoryStream) {
      directory_events.push_back(e);
    } else if (e.stream == kRegisterStream) {
      register_events.push_back(e);
    }
  }
  s.bodies = fold_directory(directory_events);
  s.register_view = fold_register(register_events);
  return s;
}

}  // namespace cvtrack::engine
