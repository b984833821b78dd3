// storage/projections.hpp
//
// Writing the projection rows of one stream from its events. Each stream's
// rows are a function of that stream alone (fold, then write), so the same
// code serves appends, rebuild and verify, and they cannot disagree.
// Private to storage/.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <vector>

#include "engine/event.hpp"

namespace cvtrack::storage {

// Replaces the rows derived from `stream` with those its events give.
// REQUIRES: `events` is the whole stream, in version order. Throws
// SQLite::Exception; callers run it inside their transaction.
void project_stream(SQLite::Database& db, const engine::StreamId& stream,
                    const std::vector<engine::RecordedEvent>& events);

// Empties every projection table and projects every stream of `events`.
void project_all(SQLite::Database& db, const std::vector<engine::RecordedEvent>& events);

}  // namespace cvtrack::storage
