#include "storage/sqlite_deadline_source.hpp"

#include <algorithm>
#include <set>

#include "engine/apply.hpp"
#include "engine/task_view_json.hpp"
#include "engine/task_view_parse.hpp"
#include "storage/projections.hpp"
#include "storage/schema.hpp"
#include "storage/sqlite_impl.hpp"

namespace cvtrack::storage {

namespace {

using engine::Date;

// The term that lets SQLite use the partial index of open tasks
// (open_tasks_by_deadline, storage/schema.hpp v7).
constexpr const char* kOpenTask = "is_open = 1";

// Tasks whose deadline in [from, until] awaits its "overdue" rung, and
// reports due in [from, until] awaiting theirs (the awaiting_overdue_mark
// columns, storage/schema.hpp v5), earliest first, at most LIMIT. The
// partial indexes hold only those rows: a pass reads what it returns, never
// the rows already marked, however many there are.
const std::string kTasksWithDeadlineDue = R"sql(
  SELECT id FROM tasks INDEXED BY tasks_awaiting_overdue_mark
  WHERE awaiting_overdue_mark = 1 AND deadline >= ? AND deadline <= ?
  ORDER BY deadline, id LIMIT ?)sql";

const std::string kTasksWithReportDue = R"sql(
  SELECT task_id FROM report_occurrences INDEXED BY reports_awaiting_overdue_mark
  WHERE awaiting_overdue_mark = 1 AND due >= ? AND due <= ?
  ORDER BY due, task_id, period LIMIT ?)sql";

const std::string kEarliestDeadline = std::string("SELECT MIN(deadline) FROM tasks WHERE ") + kOpenTask +
                                      " AND state <> 'submitted' AND deadline >= ?";

// In due order from the index, so reading stops after the dates asked for.
const std::string kDeadlineSlots = std::string(
    "SELECT deadline, json_extract(view, '$.spec.deadline_time') FROM tasks WHERE ") + kOpenTask +
    " AND state <> 'submitted' AND deadline >= ? ORDER BY deadline";

const std::string kOccurrenceSlots = std::string(R"sql(
  SELECT o.due, json_extract(t.view, '$.spec.schedule.time')
  FROM report_occurrences o JOIN tasks t ON t.id = o.task_id
  WHERE o.submitted_on IS NULL AND o.due >= ? AND t.)sql") + kOpenTask + " ORDER BY o.due";

// The open tasks with a periodic reporting duty, through the partial index
// open_periodic_tasks (storage/schema.hpp v8), whose WHERE this repeats: a
// batch reads its own rows, in id order, after the last one the caller saw.
const std::string kPeriodicTasksAfter = std::string("SELECT id, view FROM tasks INDEXED BY open_periodic_tasks WHERE ") +
                                        kOpenPeriodicTask + " AND id > ? ORDER BY id LIMIT ?";

Date parse_date(const std::string& text, const std::string& where) {
  auto date = engine::parse_iso_date(text);
  if (!date) throw std::runtime_error(where + ": \"" + text + "\" is not a date");
  return *date;
}

std::vector<engine::DueSlot> read_slots(SQLite::Database& db, const std::string& sql, Date from, int dates) {
  SQLite::Statement q(db, sql);
  q.bind(1, engine::to_iso(from));
  std::vector<engine::DueSlot> out;
  std::set<std::pair<std::string, std::string>> seen;
  int dates_seen = 0;
  std::string last_date;
  while (q.executeStep()) {
    std::string date = q.getColumn(0).getString();
    if (date != last_date) {
      if (++dates_seen > dates) break;
      last_date = date;
    }
    SQLite::Column time = q.getColumn(1);
    std::string time_text = time.isNull() ? "" : time.getString();
    if (!seen.insert({date, time_text}).second) continue;
    out.push_back({parse_date(date, "deadline slot"),
                   time.isNull() ? std::nullopt : std::optional<std::string>(time_text)});
  }
  return out;
}

// Dates before any deadline, and the limit that means "all".
constexpr const char* kDawn = "0000-01-01";
constexpr std::int64_t kAll = -1;

void collect_ids(SQLite::Database& db, const std::string& sql, const std::string& from, const std::string& until,
                 std::int64_t limit, std::set<std::string>& ids) {
  SQLite::Statement q(db, sql);
  q.bind(1, from);
  q.bind(2, until);
  q.bind(3, limit);
  while (q.executeStep()) ids.insert(q.getColumn(0).getString());
}

// A task as the projection keeps it: its stored view, with the rungs
// recorded. The connection's statements are prepared once, not per task.
engine::TaskView stored_task(StatementCache& statements, const std::string& id, const std::string& view) {
  auto task = engine::task_view_from_text(view);
  if (!task) throw std::runtime_error(task.error().message);
  read_deadline_marks(statements, id, *task);
  return std::move(*task);
}

engine::TaskView load_task(StatementCache& statements, const std::string& id) {
  auto row = statements.get("SELECT view FROM tasks WHERE id = ?");
  row->bind(1, id);
  if (!row->executeStep()) throw std::runtime_error("task " + id + " vanished from the tasks table");
  return stored_task(statements, id, row->getColumn(0).getString());
}

}  // namespace

engine::Result<std::vector<engine::TaskView>> SqliteDeadlineSource::tasks_due_by(Date deadline_until,
                                                                                Date occurrence_until) const {
  try {
    SQLite::Database& db = database_.impl().db;
    std::set<std::string> ids;
    // What fell due before today (a backlog after days without a server)
    // is certainly due: at most catch_up_batch_ of each kind, the oldest
    // first, so one pass stays one short transaction; the timer passes
    // again at once while a pass records something. What falls due from
    // today on, all of it.
    std::string today = engine::to_iso(occurrence_until);
    std::string yesterday = engine::to_iso(engine::add_days(occurrence_until, -1));
    auto batch = static_cast<std::int64_t>(catch_up_batch_);
    collect_ids(db, kTasksWithDeadlineDue, kDawn, yesterday, batch, ids);
    collect_ids(db, kTasksWithDeadlineDue, today, engine::to_iso(deadline_until), kAll, ids);
    collect_ids(db, kTasksWithReportDue, kDawn, yesterday, batch, ids);
    collect_ids(db, kTasksWithReportDue, today, today, kAll, ids);
    std::vector<engine::TaskView> out;
    for (const auto& id : ids) out.push_back(load_task(database_.impl().statements, id));
    std::sort(out.begin(), out.end(),
              [](const engine::TaskView& a, const engine::TaskView& b) { return engine::id_less(a.id, b.id); });
    return out;
  } catch (const SQLite::Exception& e) {
    return sqlite_error(e, database_.path() + ": finding the deadlines due");
  } catch (const std::exception& e) {
    return engine::make_error(engine::ErrorCode::internal,
                              database_.path() + ": a tasks row is damaged (" + e.what() + "); run `cvtrack rebuild`");
  }
}

engine::Result<std::vector<engine::TaskView>> SqliteDeadlineSource::periodic_tasks(const std::string& after,
                                                                                  std::size_t limit) const {
  try {
    SQLite::Database& db = database_.impl().db;
    SQLite::Statement q(db, kPeriodicTasksAfter);
    q.bind(1, after);
    q.bind(2, static_cast<std::int64_t>(limit));
    std::vector<engine::TaskView> out;
    while (q.executeStep())
      out.push_back(stored_task(database_.impl().statements, q.getColumn(0).getString(), q.getColumn(1).getString()));
    return out;
  } catch (const SQLite::Exception& e) {
    return sqlite_error(e, database_.path() + ": finding the periodic reports to plan");
  } catch (const std::exception& e) {
    return engine::make_error(engine::ErrorCode::internal,
                              database_.path() + ": a tasks row is damaged (" + e.what() + "); run `cvtrack rebuild`");
  }
}

engine::Result<std::optional<Date>> SqliteDeadlineSource::earliest_deadline(Date from) const {
  try {
    SQLite::Statement q(database_.impl().db, kEarliestDeadline);
    q.bind(1, engine::to_iso(from));
    if (!q.executeStep() || q.getColumn(0).isNull()) return std::optional<Date>{};
    return std::optional<Date>(parse_date(q.getColumn(0).getString(), "tasks.deadline"));
  } catch (const SQLite::Exception& e) {
    return sqlite_error(e, database_.path() + ": finding the next deadline");
  } catch (const std::exception& e) {
    return engine::make_error(engine::ErrorCode::internal, database_.path() + ": " + e.what());
  }
}

engine::Result<std::vector<engine::DueSlot>> SqliteDeadlineSource::deadline_slots(Date from, int dates) const {
  try {
    return read_slots(database_.impl().db, kDeadlineSlots, from, dates);
  } catch (const SQLite::Exception& e) {
    return sqlite_error(e, database_.path() + ": finding the next deadlines");
  } catch (const std::exception& e) {
    return engine::make_error(engine::ErrorCode::internal, database_.path() + ": " + e.what());
  }
}

engine::Result<std::vector<engine::DueSlot>> SqliteDeadlineSource::occurrence_slots(Date from, int dates) const {
  try {
    return read_slots(database_.impl().db, kOccurrenceSlots, from, dates);
  } catch (const SQLite::Exception& e) {
    return sqlite_error(e, database_.path() + ": finding the next reports due");
  } catch (const std::exception& e) {
    return engine::make_error(engine::ErrorCode::internal, database_.path() + ": " + e.what());
  }
}

}  // namespace cvtrack::storage
