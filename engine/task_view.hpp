// engine/task_view.hpp
//
// The current state of a task or a document: what apply() folds out of its
// stream, and what the projections store. Plain values.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/date.hpp"
#include "engine/document.hpp"
#include "engine/event.hpp"
#include "engine/task_state.hpp"

namespace cvtrack::engine {

// One due report of a recurring reporting duty: "2021-09" of a monthly one.
struct Occurrence {
  std::string period;                 // "2021-09-07", "2021-W36", "2021-09", "2021-Q3", "2021-H2", "2021"
  Date due;
  std::optional<Date> submitted_on;
  bool late = false;                  // submitted after due
  bool overdue_recorded = false;      // tick recorded occurrence_overdue
  bool operator==(const Occurrence&) const = default;
};

struct TaskView {
  StreamId id;                        // "T3.5"
  int version = 0;                    // 0: the task does not exist
  StreamId document;                  // "D3"
  std::string directive;              // the directive's path in the document, "8", "8.2"
  std::optional<StreamId> parent;     // the task it was delegated from
  TaskSpec spec;                      // as assigned; spec.deadline is the original deadline
  std::optional<Date> deadline;       // the deadline now in force (after extensions)
  TaskState state = TaskState::assigned;
  int progress = 0;                   // percent, as last reported
  std::string note;                   // the last note, reason or progress text
  Date assigned_on{};
  Date last_change_on{};              // effective date of the newest event
  std::optional<Date> submitted_on;   // the latest completion claim
  std::optional<Date> done_on;        // when the approved claim was submitted
  std::optional<Date> approved_on;
  std::optional<Date> cancelled_on;
  std::vector<StreamId> children;     // tasks delegated from this one
  std::map<std::string, Occurrence> occurrences;  // by period
  std::optional<Date> overdue_recorded_for;   // tick's marker: this deadline passed
  std::optional<Date> reminder_recorded_for;  // tick's marker: this deadline is near
  // Every deadline rung recorded, by due key (deadline_schedule.hpp):
  // {"2026-03-10": {"remind-3", "overdue"}, "2026-03-20#2026-03": {"overdue"}}.
  // Folded from the log; not in the JSON view (the deadline_marks table
  // holds them for readers of the projections).
  std::map<std::string, std::set<std::string>> deadline_marks;

  bool exists() const { return version > 0; }
  // The body acting on it: its directory id, or the words when unresolved.
  const std::string& holder() const { return spec.body ? *spec.body : spec.assignee; }
};

struct DirectiveRow {
  std::string path;                   // "8.2": unique within the document
  std::optional<std::string> number;  // as printed, null if unnumbered
  std::string text;
  int line = 0;
  bool operator==(const DirectiveRow&) const = default;
};

struct DocumentView {
  StreamId id;                        // "D3"
  int version = 0;
  std::string key;                    // see document_key.hpp
  DocumentHeader header;
  std::string source;                 // the file name it was read from
  std::vector<DirectiveRow> directives;
  std::vector<StreamId> tasks;
  Date registered_on{};
  bool exists() const { return version > 0; }
};

}  // namespace cvtrack::engine
