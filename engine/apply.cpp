#include "engine/apply.hpp"

#include <cassert>
#include <cctype>

#include "engine/deadline_schedule.hpp"
#include "engine/document_json.hpp"
#include "engine/event_types.hpp"

namespace cvtrack::engine {

using nlohmann::json;
namespace et = event_type;

namespace {

std::optional<Date> date_field(const json& j, const char* key) {
  if (!j.contains(key) || j[key].is_null()) return std::nullopt;
  return parse_iso_date(j[key].get<std::string>());
}

void apply_state(TaskView& task, const json& payload) {
  if (!payload.contains("state")) return;
  auto state = task_state_from_string(payload["state"].value("new", ""));
  assert(state && "decide() writes only known states");
  if (state) task.state = *state;
}

void apply_assigned(TaskView& task, const RecordedEvent& e) {
  const json& p = e.event.payload;
  task.id = e.stream;
  task.document = p.value("document", "");
  task.directive = p.value("directive", "");
  if (p.contains("parent") && p["parent"].is_string()) task.parent = p["parent"].get<std::string>();
  if (auto spec = task_spec_from_json(p.at("spec"))) task.spec = *spec;
  task.deadline = date_field(p, "deadline");
  task.state = TaskState::assigned;
  task.assigned_on = e.event.effective_on;
}

void apply_occurrence(TaskView& task, const std::string& type, const json& p, Date on) {
  std::string period = p.value("period", "");
  if (type == et::occurrence_scheduled) {
    Occurrence o;
    o.period = period;
    o.due = date_field(p, "due").value_or(on);
    task.occurrences[period] = o;
  } else if (type == et::report_submitted) {
    Occurrence& o = task.occurrences[period];
    o.submitted_on = on;
    o.late = p.value("late", false);
    task.note = p.value("note", "");
  } else if (type == et::occurrence_overdue) {
    task.occurrences[period].overdue_recorded = true;
  }
}

}  // namespace

TaskView apply(TaskView task, const RecordedEvent& e) {
  const std::string& type = e.event.type;
  const json& p = e.event.payload;
  Date on = e.event.effective_on;
  task.version = e.version;
  task.last_change_on = on;
  if (type == et::task_assigned) {
    apply_assigned(task, e);
    return task;
  }
  if (auto mark = deadline_mark_of(e.event)) task.deadline_marks[mark->due_key].insert(mark->rung);
  apply_state(task, p);
  if (type == et::progress_reported) {
    task.progress = p.at("progress").value("new", task.progress);
    task.note = p.value("note", "");
  } else if (type == et::completion_claimed) {
    task.submitted_on = on;
    task.note = p.value("note", "");
  } else if (type == et::completion_approved) {
    task.done_on = task.submitted_on;
    task.approved_on = on;
    task.progress = 100;
  } else if (type == et::completion_returned) {
    task.note = p.value("reason", "");
  } else if (type == et::deadline_extended) {
    task.deadline = date_field(p.at("deadline"), "new");
    task.note = p.value("reason", "");
  } else if (type == et::task_cancelled) {
    task.cancelled_on = on;
    task.note = p.value("reason", "");
  } else if (type == et::task_delegated) {
    for (const auto& child : p.at("children")) task.children.push_back(child.get<std::string>());
  } else if (type == et::task_overdue) {
    task.overdue_recorded_for = date_field(p, "deadline");
  } else if (type == et::deadline_reminder) {
    task.reminder_recorded_for = date_field(p, "deadline");
  } else {
    apply_occurrence(task, type, p, on);
  }
  return task;
}

DocumentView apply(DocumentView doc, const RecordedEvent& e) {
  doc.version = e.version;
  if (e.event.type != et::document_registered) return doc;
  const json& p = e.event.payload;
  doc.id = e.stream;
  doc.key = p.value("key", "");
  doc.source = p.value("source", "");
  doc.registered_on = e.event.effective_on;
  auto parsed = parsed_document_from_json(json{{"document", p.at("document")}});
  if (parsed) doc.header = parsed->document;
  doc.directives.clear();
  for (const auto& d : p.at("directives")) {
    DirectiveRow row;
    row.path = d.value("path", "");
    if (d.contains("number") && d["number"].is_string()) row.number = d["number"].get<std::string>();
    row.text = d.value("text", "");
    row.line = d.value("line", 0);
    doc.directives.push_back(std::move(row));
  }
  doc.tasks = p.at("tasks").get<std::vector<std::string>>();
  return doc;
}

TaskView fold_task(const std::vector<RecordedEvent>& stream) {
  TaskView task;
  for (const auto& e : stream) task = apply(std::move(task), e);
  return task;
}

DocumentView fold_document(const std::vector<RecordedEvent>& stream) {
  DocumentView doc;
  for (const auto& e : stream) doc = apply(std::move(doc), e);
  return doc;
}

BodyRegistry fold_directory(const std::vector<RecordedEvent>& stream) {
  BodyRegistry registry;
  for (const auto& e : stream) {
    if (e.event.type != et::directory_loaded) continue;
    if (auto r = BodyRegistry::from_json(e.event.payload.at("bodies"))) registry = *r;
  }
  return registry;
}

const StreamId* RegisterView::find(const std::string& key) const {
  auto it = by_key_.find(key);
  return it == by_key_.end() ? nullptr : &entries_[it->second].second;
}

void RegisterView::add(std::string key, StreamId document) {
  by_key_.try_emplace(key, entries_.size());
  entries_.emplace_back(std::move(key), std::move(document));
}

RegisterView fold_register(const std::vector<RecordedEvent>& stream) {
  RegisterView view;
  for (const auto& e : stream) {
    view.version = e.version;
    if (e.event.type == et::document_entered)
      view.add(e.event.payload.value("key", ""), e.event.payload.value("document", ""));
  }
  return view;
}

bool id_less(const StreamId& a, const StreamId& b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    bool da = std::isdigit(static_cast<unsigned char>(a[i])), db = std::isdigit(static_cast<unsigned char>(b[j]));
    if (da && db) {
      std::size_t ei = i, ej = j;
      while (ei < a.size() && std::isdigit(static_cast<unsigned char>(a[ei]))) ++ei;
      while (ej < b.size() && std::isdigit(static_cast<unsigned char>(b[ej]))) ++ej;
      // Ids hold no leading zeros, so the longer run is the larger number.
      if (ei - i != ej - j) return ei - i < ej - j;
      if (int c = a.compare(i, ei - i, b, j, ej - j); c != 0) return c < 0;
      i = ei;
      j = ej;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i;
      ++j;
    }
  }
  return a.size() - i < b.size() - j;
}

bool is_task_stream(const StreamId& stream) { return !stream.empty() && stream[0] == 'T'; }
bool is_document_stream(const StreamId& stream) { return !stream.empty() && stream[0] == 'D'; }

}  // namespace cvtrack::engine
