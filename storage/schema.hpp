// storage/schema.hpp
//
// The tables, as SQL. Version 2 (issue 4) adds the event log and the
// projections the queries read. Released steps are never edited; a change
// is a new step in sqlite_database.cpp. Prose: README.md#data-directory-format.
#pragma once

#include <string>

namespace cvtrack::storage {

inline constexpr const char* kEventLogSchemaV2 = R"sql(
-- The log. Append-only (the triggers refuse UPDATE and DELETE); each row's
-- hash covers its fields and the previous row's hash (engine/event.hpp).
CREATE TABLE events (
  seq          INTEGER PRIMARY KEY,
  stream       TEXT NOT NULL,
  version      INTEGER NOT NULL,
  type         TEXT NOT NULL,
  payload      TEXT NOT NULL,
  actor        TEXT NOT NULL,
  recorded_at  TEXT NOT NULL,
  effective_on TEXT NOT NULL,
  prev_hash    TEXT NOT NULL,
  hash         TEXT NOT NULL,
  UNIQUE (stream, version)
);
CREATE TRIGGER events_are_never_updated BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER events_are_never_deleted BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;

-- Projections: derived from the log, recreated by `cvtrack rebuild`.
CREATE TABLE bodies (
  id     TEXT PRIMARY KEY,
  name   TEXT NOT NULL,
  parent TEXT,
  kind   TEXT NOT NULL
);
CREATE TABLE documents (
  id            TEXT PRIMARY KEY,
  doc_key       TEXT NOT NULL UNIQUE,
  kind          TEXT,
  issuer        TEXT,
  number        TEXT,
  date          TEXT,
  subject       TEXT,
  source        TEXT NOT NULL,
  registered_on TEXT NOT NULL,
  task_count    INTEGER NOT NULL,
  version       INTEGER NOT NULL
);
CREATE TABLE directives (
  document_id TEXT NOT NULL,
  ordinal     INTEGER NOT NULL,
  path        TEXT NOT NULL,
  number      TEXT,
  line        INTEGER NOT NULL,
  text        TEXT NOT NULL,
  PRIMARY KEY (document_id, ordinal)
);
CREATE TABLE tasks (
  id             TEXT PRIMARY KEY,
  document_id    TEXT NOT NULL,
  directive      TEXT NOT NULL,
  parent_id      TEXT,
  holder         TEXT NOT NULL,
  assignee       TEXT NOT NULL,
  role           TEXT NOT NULL,
  kind           TEXT NOT NULL,
  recurrence     TEXT,
  state          TEXT NOT NULL,
  deadline       TEXT,
  first_deadline TEXT,
  submitted_on   TEXT,
  done_on        TEXT,
  progress       INTEGER NOT NULL,
  assigned_on    TEXT NOT NULL,
  last_change_on TEXT NOT NULL,
  version        INTEGER NOT NULL,
  view           TEXT NOT NULL
);
CREATE INDEX tasks_by_holder ON tasks (holder, state);
CREATE INDEX tasks_by_document ON tasks (document_id, directive);
CREATE INDEX tasks_by_parent ON tasks (parent_id);
CREATE INDEX open_tasks_by_deadline ON tasks (deadline) WHERE state NOT IN ('done', 'cancelled');
CREATE TABLE report_occurrences (
  task_id      TEXT NOT NULL,
  period       TEXT NOT NULL,
  due          TEXT NOT NULL,
  submitted_on TEXT,
  late         INTEGER NOT NULL,
  PRIMARY KEY (task_id, period)
);
CREATE INDEX unsubmitted_reports_by_due ON report_occurrences (due) WHERE submitted_on IS NULL;
)sql";

// Version 3 (issue 5): who may use the server, what was refused, and the
// deadline timers' exactly-once marks.
inline constexpr const char* kServeSchemaV3 = R"sql(
-- Access tokens: only the SHA-256 of a token is stored; the token itself is
-- printed once by `cvtrack token create`. Not events: tokens are not part of
-- the audited domain history, and revoking one must not need a replay.
CREATE TABLE tokens (
  id          TEXT PRIMARY KEY,          -- short public id, shown by `token list`
  hash        TEXT NOT NULL UNIQUE,      -- sha256 hex of the secret token
  body        TEXT NOT NULL,             -- directory body id, or 'secretariat'
  role        TEXT NOT NULL CHECK (role IN ('unit', 'supervisor', 'secretariat')),
  label       TEXT,
  created_at  TEXT NOT NULL,             -- UTC instant
  revoked_at  TEXT
);
-- Refusals (401, 403): security events, kept apart from the domain log.
CREATE TABLE security_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,             -- UTC instant
  token_id    TEXT,                      -- null when no or an unknown token was given
  body        TEXT,
  role        TEXT,
  method      TEXT NOT NULL,
  target      TEXT NOT NULL,
  status      INTEGER NOT NULL,
  reason      TEXT NOT NULL,
  peer        TEXT
);
-- One row per deadline rung that fired: ('T3.5', '2026-03-10', 'remind-3'),
-- ('T3.5', '2026-03-10', 'overdue'), ('T3.5', '2026-03-10#2026-W11', 'overdue')
-- for a report occurrence. Written in the same transaction as the marker
-- event; the primary key makes a second firing (another process, a restart)
-- fail instead of recording twice. A projection: rebuilt from the log.
CREATE TABLE deadline_marks (
  task_id     TEXT NOT NULL,
  due_key     TEXT NOT NULL,
  rung        TEXT NOT NULL,
  seq         INTEGER NOT NULL,          -- the event that recorded it
  PRIMARY KEY (task_id, due_key, rung)
);
)sql";

// Version 4 (issue 6): indexes that answer the supervisors' reads in key
// order, so a page stops after its rows and nothing is sorted in a
// temporary B-tree. Each replaces an index that is its prefix.
inline constexpr const char* kReadIndexesV4 = R"sql(
-- The overdue list's first page: open tasks by deadline, ties by id.
DROP INDEX open_tasks_by_deadline;
CREATE INDEX open_tasks_by_deadline ON tasks (deadline, id) WHERE state NOT IN ('done', 'cancelled');
-- The same for the holders a caller may read.
CREATE INDEX open_tasks_by_holder ON tasks (holder, deadline, id) WHERE state NOT IN ('done', 'cancelled');
-- Counts per body (stats) and a body's task ids, read from the index alone.
DROP INDEX tasks_by_holder;
CREATE INDEX tasks_by_holder ON tasks (holder, state, deadline, done_on, id);
-- Missed reports in the overdue list's order.
DROP INDEX unsubmitted_reports_by_due;
CREATE INDEX unsubmitted_reports_by_due ON report_occurrences (due, task_id, period) WHERE submitted_on IS NULL;
)sql";

// Version 5 (issue 6): what can still get its "overdue" rung
// (engine::deadline_awaits_overdue_mark, occurrence_awaits_overdue_mark),
// kept on the row by the projection, with a partial index holding only
// those rows. The deadline timer's catch-up after a long stop reads from
// these: each pass starts at the oldest row still to mark, where it used
// to walk every row already marked (NOT EXISTS on deadline_marks) and so
// slowed as it advanced: with 394,922 deadlines missed at 1M tasks, HTTP
// commands waited ~2 s behind each pass.
inline constexpr const char* kOverdueMarksV5 = R"sql(
ALTER TABLE tasks ADD COLUMN awaiting_overdue_mark INTEGER NOT NULL DEFAULT 0;
UPDATE tasks SET awaiting_overdue_mark =
  (state NOT IN ('done', 'cancelled', 'submitted') AND deadline IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM deadline_marks m
                   WHERE m.task_id = tasks.id AND m.due_key = tasks.deadline AND m.rung = 'overdue'));
CREATE INDEX tasks_awaiting_overdue_mark ON tasks (deadline, id) WHERE awaiting_overdue_mark = 1;

ALTER TABLE report_occurrences ADD COLUMN awaiting_overdue_mark INTEGER NOT NULL DEFAULT 0;
UPDATE report_occurrences SET awaiting_overdue_mark =
  (submitted_on IS NULL
   AND EXISTS (SELECT 1 FROM tasks t WHERE t.id = report_occurrences.task_id AND t.state NOT IN ('done', 'cancelled'))
   AND NOT EXISTS (SELECT 1 FROM deadline_marks m
                   WHERE m.task_id = report_occurrences.task_id
                     AND m.due_key = report_occurrences.due || '#' || report_occurrences.period
                     AND m.rung = 'overdue'));
CREATE INDEX reports_awaiting_overdue_mark ON report_occurrences (due, task_id, period) WHERE awaiting_overdue_mark = 1;
)sql";

// Version 6 (issue 6): a holder's tasks in task id order. Ids are
// "T<document number>.<k>[.<j>...]", so task id order is the document
// number's order as a number (T9 before T10), then id order within the
// document, where text order puts T10.1 before T9.1. With the document
// number as an indexed expression, a page of some holders' task list is
// read from the index in that order and stops (ProjectionReader::task_page
// uses the same expression), where every id of the holders was read and
// sorted: 87,229 for a district's unit at 1M tasks.
inline constexpr const char* kTasksInIdOrderV6 = R"sql(
CREATE INDEX IF NOT EXISTS tasks_in_id_order ON tasks (holder, CAST(substr(id, 2, instr(id, '.') - 2) AS INTEGER), id);
)sql";

// Version 7 (issue 6): whether a task is open (not done, not cancelled)
// kept as a column of its own, and the partial indexes of open tasks
// selected by it. Their WHERE read `state`, so SQLite rewrote both on every
// state change (an UPDATE maintains each index whose WHERE reads a column
// it sets), though an ack or a progress report leaves a task open: two of
// the ~8 pages a durable command wrote at 1M tasks. `is_open` changes only
// when a task closes or reopens. Queries select open tasks with
// `is_open = 1`, which lets SQLite use the indexes.
inline constexpr const char* kOpenTaskColumnV7 = R"sql(
ALTER TABLE tasks ADD COLUMN is_open INTEGER NOT NULL DEFAULT 1;
UPDATE tasks SET is_open = 0 WHERE state IN ('done', 'cancelled');
DROP INDEX open_tasks_by_deadline;
CREATE INDEX open_tasks_by_deadline ON tasks (deadline, id) WHERE is_open = 1;
DROP INDEX open_tasks_by_holder;
CREATE INDEX open_tasks_by_holder ON tasks (holder, deadline, id) WHERE is_open = 1;
)sql";

// Version 8 (issue 6): the open tasks with a periodic reporting duty, in
// id order: what `tick` plans report occurrences for
// (SqliteDeadlineSource::periodic_tasks reads them in batches). Tick
// replayed the whole log to find them, minutes at a million tasks, on the
// engine strand every six hours. Its WHERE is kOpenPeriodicTask, which a
// query must repeat term for term for SQLite to use the index.
inline constexpr const char* kOpenPeriodicTask =
    "is_open = 1 AND recurrence IN ('daily', 'weekly', 'monthly', 'quarterly', 'half-yearly', 'yearly')";
inline const std::string kOpenPeriodicTasksV8 =
    std::string("CREATE INDEX open_periodic_tasks ON tasks (id) WHERE ") + kOpenPeriodicTask + ";";

// Version 9 (issue 6): one index of a holder's tasks instead of two.
// tasks_by_holder (holder, state, deadline, done_on, id) gave stats its
// groups in order, but with `state` second its entry moved on every state
// change: an ack or a progress report deleted it from one leaf and inserted
// it into another, 2.2 of the ~5.7 pages a durable command wrote at 1M tasks
// (WAL frames mapped to their B-trees with dbstat). tasks_in_id_order
// (holder, document number, id) now carries the status columns after the
// id, so a state change rewrites the entry where it is, and it answers
// what both did: a holder's page in task id order, the counts and stats
// per holder (ProjectionReader::stats, read from the index alone), a
// holder's ids with a state.
inline constexpr const char* kOneHolderIndexV9 = R"sql(
DROP INDEX tasks_by_holder;
DROP INDEX tasks_in_id_order;
CREATE INDEX tasks_in_id_order ON tasks (holder, CAST(substr(id, 2, instr(id, '.') - 2) AS INTEGER), id, state, deadline, done_on);
)sql";

// The projection tables with the columns that order their rows, for
// rebuild and verify.
struct ProjectionTable {
  const char* name;
  const char* order_by;
};
inline constexpr ProjectionTable kProjectionTables[] = {
    {"bodies", "id"},
    {"documents", "id"},
    {"directives", "document_id, ordinal"},
    {"tasks", "id"},
    {"report_occurrences", "task_id, period"},
    {"deadline_marks", "task_id, due_key, rung"},
};

}  // namespace cvtrack::storage
