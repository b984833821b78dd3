#include "storage/projections.hpp"

#include <optional>
#include <span>
#include <stdexcept>

#include "engine/apply.hpp"
#include "engine/deadline_schedule.hpp"
#include "engine/task_view_json.hpp"
#include "engine/task_view_text.hpp"
#include "storage/event_rows.hpp"
#include "storage/row_cells.hpp"
#include "storage/schema.hpp"

namespace cvtrack::storage {

namespace {

using engine::Date;

void bind_text(SQLite::Statement& q, int index, const std::optional<std::string>& text) {
  if (text) q.bind(index, *text);
  else q.bind(index);  // NULL
}

std::optional<std::string> iso(const std::optional<Date>& date) {
  return date ? std::optional<std::string>(engine::to_iso(*date)) : std::nullopt;
}

// The columns of `tasks` and of `report_occurrences` as task_cells and
// occurrence_cells give them; the key columns first.
constexpr const char* kTaskColumns[] = {
    "id",           "document_id", "directive",      "parent_id", "holder",   "assignee",
    "role",         "kind",        "recurrence",     "state",     "deadline", "first_deadline",
    "submitted_on", "done_on",     "progress",       "assigned_on", "last_change_on", "version",
    "awaiting_overdue_mark", "is_open", "view"};
constexpr const char* kOccurrenceColumns[] = {"task_id", "period", "due", "submitted_on", "late",
                                              "awaiting_overdue_mark"};
const std::string kInsertTask = insert_sql("tasks", kTaskColumns);
const std::string kInsertOccurrence = insert_sql("report_occurrences", kOccurrenceColumns);

// `view` is the task's JSON view when known; left NULL for a task's state
// before an append, so the view (which holds the version, and so changes
// with every event) is always written.
Cells task_cells(const engine::TaskView& t, std::optional<std::string> view) {
  return {t.id,
          t.document,
          t.directive,
          text_or_null(t.parent),
          t.holder(),
          t.spec.assignee,
          engine::to_string(t.spec.role),
          engine::to_string(t.spec.kind),
          text_or_null(t.spec.recurrence ? std::optional<std::string>(engine::to_string(*t.spec.recurrence))
                                         : std::nullopt),
          engine::to_string(t.state),
          text_or_null(iso(t.deadline)),
          text_or_null(iso(t.spec.deadline)),
          text_or_null(iso(t.submitted_on)),
          text_or_null(iso(t.done_on)),
          std::int64_t(t.progress),
          engine::to_iso(t.assigned_on),
          engine::to_iso(t.last_change_on),
          std::int64_t(t.version),
          std::int64_t(engine::deadline_awaits_overdue_mark(t) ? 1 : 0),
          std::int64_t(engine::is_closed(t.state) ? 0 : 1),
          text_or_null(view)};
}

Cells occurrence_cells(const engine::TaskView& t, const std::string& period, const engine::Occurrence& o) {
  return {t.id,
          period,
          engine::to_iso(o.due),
          text_or_null(iso(o.submitted_on)),
          std::int64_t(o.late ? 1 : 0),
          std::int64_t(engine::occurrence_awaits_overdue_mark(t, period, o) ? 1 : 0)};
}

void project_task(StatementCache& statements, const engine::TaskView& t, bool replace) {
  if (replace) {
    auto clear = statements.get("DELETE FROM report_occurrences WHERE task_id = ?");
    clear->bind(1, t.id);
    clear->exec();
  }
  insert_row(statements, kInsertTask, task_cells(t, engine::task_view_text(t)));
  for (const auto& [period, o] : t.occurrences) insert_row(statements, kInsertOccurrence, occurrence_cells(t, period, o));
}

// Brings an existing task's rows from `before` to `after`: only the
// columns that changed, only the occurrences that changed. False when the
// task has no row (a projection out of step with the log), for the caller
// to write it whole.
bool update_task(StatementCache& statements, const engine::TaskView& before, const engine::TaskView& after) {
  if (update_changed(statements, "tasks", kTaskColumns, 1, task_cells(before, std::nullopt),
                     task_cells(after, engine::task_view_text(after))) == 0)
    return false;
  for (const auto& [period, o] : after.occurrences) {
    Cells now = occurrence_cells(after, period, o);
    auto was = before.occurrences.find(period);
    if (was == before.occurrences.end())
      insert_row(statements, kInsertOccurrence, now);
    else
      update_changed(statements, "report_occurrences", kOccurrenceColumns, 2,
                     occurrence_cells(before, period, was->second), now);
  }
  for (const auto& [period, o] : before.occurrences) {
    if (after.occurrences.count(period)) continue;
    auto gone = statements.get("DELETE FROM report_occurrences WHERE task_id = ? AND period = ?");
    gone->bind(1, after.id);
    gone->bind(2, period);
    gone->exec();
  }
  return true;
}

void project_document(StatementCache& statements, const engine::DocumentView& d, bool replace) {
  auto cached = statements.get(R"sql(
    INSERT OR REPLACE INTO documents (id, doc_key, kind, issuer, number, date, subject, source,
      registered_on, task_count, version)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))sql");
  SQLite::Statement& row = *cached;
  const auto& h = d.header;
  row.bind(1, d.id);
  row.bind(2, d.key);
  bind_text(row, 3, h.kind);
  bind_text(row, 4, h.issuer);
  bind_text(row, 5, h.number ? h.number : h.symbol);
  bind_text(row, 6, iso(h.date));
  bind_text(row, 7, h.subject);
  row.bind(8, d.source);
  row.bind(9, engine::to_iso(d.registered_on));
  row.bind(10, int(d.tasks.size()));
  row.bind(11, d.version);
  row.exec();
  if (replace) {
    auto clear = statements.get("DELETE FROM directives WHERE document_id = ?");
    clear->bind(1, d.id);
    clear->exec();
  }
  int ordinal = 0;
  for (const auto& r : d.directives) {
    auto cached_dir = statements.get("INSERT INTO directives VALUES (?, ?, ?, ?, ?, ?)");
    SQLite::Statement& dir = *cached_dir;
    dir.bind(1, d.id);
    dir.bind(2, ++ordinal);
    dir.bind(3, r.path);
    bind_text(dir, 4, r.number);
    dir.bind(5, r.line);
    dir.bind(6, r.text);
    dir.exec();
  }
}

void project_bodies(StatementCache& statements, const engine::BodyRegistry& registry) {
  statements.get("DELETE FROM bodies")->exec();
  for (const auto& b : registry.bodies()) {
    auto cached = statements.get("INSERT INTO bodies VALUES (?, ?, ?, ?)");
    SQLite::Statement& row = *cached;
    row.bind(1, b.id);
    row.bind(2, b.name);
    bind_text(row, 3, b.parent);
    row.bind(4, b.kind);
    row.exec();
  }
}

// One row per deadline rung recorded (storage/schema.hpp, deadline_marks).
// A second marker of the same (task, key, rung) fails the insert, and so the
// append's transaction: the backstop of "exactly once" when two writers
// decided on the same state. Markers written before rungs existed are
// inserted OR IGNORE: old logs may hold a repeat, and must still rebuild.
void project_marks(StatementCache& statements, const engine::StreamId& task,
                   std::span<const engine::RecordedEvent> events, bool replace) {
  if (replace) {
    auto clear = statements.get("DELETE FROM deadline_marks WHERE task_id = ?");
    clear->bind(1, task);
    clear->exec();
  }
  for (const auto& e : events) {
    auto mark = engine::deadline_mark_of(e.event);
    if (!mark) continue;
    auto cached = statements.get(mark->legacy ? "INSERT OR IGNORE INTO deadline_marks VALUES (?, ?, ?, ?)"
                                              : "INSERT INTO deadline_marks VALUES (?, ?, ?, ?)");
    SQLite::Statement& row = *cached;
    row.bind(1, task);
    row.bind(2, mark->due_key);
    row.bind(3, mark->rung);
    row.bind(4, static_cast<std::int64_t>(e.seq));
    row.exec();
  }
}

// Replaces (or, when `replace` is false, only inserts) the rows of one
// stream; false for tables just emptied, where there is nothing to delete.
void project(StatementCache& statements, const engine::StreamId& stream,
             const std::vector<engine::RecordedEvent>& events, bool replace) {
  if (engine::is_task_stream(stream)) {
    project_task(statements, engine::fold_task(events), replace);
    project_marks(statements, stream, events, replace);
  } else if (engine::is_document_stream(stream)) {
    project_document(statements, engine::fold_document(events), replace);
  } else if (stream == engine::kDirectoryStream) {
    project_bodies(statements, engine::fold_directory(events));
  }
  // The register has no table of its own: documents.doc_key carries it.
}

}  // namespace

void read_deadline_marks(StatementCache& statements, const engine::StreamId& id, engine::TaskView& task) {
  auto marks = statements.get("SELECT due_key, rung FROM deadline_marks WHERE task_id = ?");
  marks->bind(1, id);
  while (marks->executeStep())
    task.deadline_marks[marks->getColumn(0).getString()].insert(marks->getColumn(1).getString());
}

bool has_projection(const engine::StreamId& stream) {
  return engine::is_task_stream(stream) || engine::is_document_stream(stream) || stream == engine::kDirectoryStream;
}

void project_appended(StatementCache& statements, const engine::StreamId& stream,
                      const std::vector<engine::RecordedEvent>& before,
                      std::span<const engine::RecordedEvent> added, const engine::TaskView* folded) {
  if (engine::is_task_stream(stream)) {
    if (!folded && before.empty()) {
      // A new stream has no rows yet (they derive from its events alone):
      // nothing to delete first.
      engine::TaskView task;
      for (const auto& e : added) task = engine::apply(std::move(task), e);
      project_task(statements, task, false);
      project_marks(statements, stream, added, false);
      return;
    }
    // The command folded the task already to decide; folding its events
    // again here applied its whole history a second time.
    std::optional<engine::TaskView> refolded;
    const engine::TaskView& was = folded ? *folded : refolded.emplace(engine::fold_task(before));
    engine::TaskView now = was;
    for (const auto& e : added) now = engine::apply(std::move(now), e);
    if (update_task(statements, was, now)) {
      // The marks of the earlier events are in place already.
      project_marks(statements, stream, added, false);
      return;
    }
    if (folded) {
      // Its row is missing: written whole, from the whole stream (the
      // events just added are in the log already).
      auto events = read_stream_events(statements, stream);
      if (!events) throw std::runtime_error(events.error().message);
      project(statements, stream, *events, true);
      return;
    }
  }
  // Documents and the directory change rarely (a registration, a new
  // directory): their rows are written whole; so is a task whose row was
  // missing.
  std::vector<engine::RecordedEvent> events = before;
  events.insert(events.end(), added.begin(), added.end());
  project(statements, stream, events, true);
}

engine::Result<std::int64_t> project_all(SQLite::Database& source, StatementCache& target) {
  for (const auto& table : kProjectionTables) target.get(std::string("DELETE FROM ") + table.name)->exec();
  // Stream by stream, in the order of the UNIQUE (stream, version) index:
  // one pass, no sort, and only one stream's events in memory at a time.
  SQLite::Statement q(source, std::string("SELECT ") + kEventColumns + " FROM events ORDER BY stream, version");
  std::int64_t count = 0;
  std::vector<engine::RecordedEvent> stream;
  while (q.executeStep()) {
    auto e = read_event_row(q);
    if (!e) return e.error();
    ++count;
    if (!stream.empty() && stream.back().stream != e->stream) {
      if (has_projection(stream.back().stream)) project(target, stream.back().stream, stream, false);
      stream.clear();
    }
    stream.push_back(std::move(*e));
  }
  if (!stream.empty() && has_projection(stream.back().stream)) project(target, stream.back().stream, stream, false);
  return count;
}

}  // namespace cvtrack::storage
