// engine/replay.hpp
//
// Everything the log says, folded: every task, document, the register and
// the directory. Used where a query must see the state at an earlier date
// (`--as-of` before the latest change), by tick, and by storage's verify
// and rebuild, which compare and recreate projections from it.
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "engine/apply.hpp"
#include "engine/body_registry.hpp"
#include "engine/task_view.hpp"

namespace cvtrack::engine {

struct Snapshot {
  std::map<StreamId, TaskView> tasks;
  std::map<StreamId, DocumentView> documents;
  RegisterView register_view;
  BodyRegistry bodies;
  std::optional<Date> latest_effective_on;  // of the events folded

  std::vector<TaskView> task_list() const;
};

// Folds `events` (in seq order); with `until`, only those effective on or
// before that day, which is the state as it stood at the end of it.
Snapshot replay(const std::vector<RecordedEvent>& events, std::optional<Date> until = std::nullopt);

}  // namespace cvtrack::engine
