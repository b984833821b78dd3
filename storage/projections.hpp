// storage/projections.hpp
//
// Writing the projection rows of one stream from its events. Each stream's
// rows are a function of that stream alone (fold, then write), so the same
// code serves appends, rebuild and verify, and they cannot disagree.
// Statements come from the connection's StatementCache: appends and rebuild
// run the same few statements many times. Private to storage/.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <span>
#include <vector>

#include "engine/event.hpp"
#include "engine/result.hpp"
#include "engine/task_view.hpp"
#include "storage/statement_cache.hpp"

namespace cvtrack::storage {

// The rungs recorded for task `id` (its deadline_marks rows) into
// task.deadline_marks: with the task's stored view, what its stream folds
// to. Throws SQLite::Exception.
void read_deadline_marks(StatementCache& statements, const engine::StreamId& id, engine::TaskView& task);

// False for the streams no table is derived from (the register: its
// entries are documents.doc_key), which appends need not read back.
bool has_projection(const engine::StreamId& stream);

// Brings the rows derived from `stream` from what `before` gives to what
// `before` and `added` give, as if written whole from the whole stream: a
// task's row is updated in the columns that changed (its indexes are
// rewritten only where they must be) and only the new events' marks are
// inserted. REQUIRES: `before` is the stream as it was (its rows in step
// with it), `added` what was just appended, in version order. For a task,
// `folded` may stand for `before`: the task as it was (fold_task(before)),
// which is then neither folded again nor read, and `before` is ignored.
// Throws SQLite::Exception; callers run it inside their transaction.
void project_appended(StatementCache& statements, const engine::StreamId& stream,
                      const std::vector<engine::RecordedEvent>& before,
                      std::span<const engine::RecordedEvent> added, const engine::TaskView* folded = nullptr);

// Empties every projection table of `target`'s connection and projects
// every stream of `source`'s event log, reading it once, stream by stream.
// Returns how many events were read; an Error names an unreadable row.
// Throws SQLite::Exception; callers run it inside their transaction.
engine::Result<std::int64_t> project_all(SQLite::Database& source, StatementCache& target);

}  // namespace cvtrack::storage
