// storage/event_rows.hpp
//
// Reading and writing rows of the events table. Private to storage/.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <vector>

#include "engine/event.hpp"
#include "engine/result.hpp"

namespace cvtrack::storage {

inline constexpr const char* kEventColumns =
    "seq, stream, version, type, payload, actor, recorded_at, effective_on, prev_hash, hash";

// Reads every row `query` (selecting kEventColumns) returns. A row whose
// payload or date no longer parses (altered by hand) is an error naming it.
engine::Result<std::vector<engine::RecordedEvent>> read_events(SQLite::Statement& query);

void insert_event(SQLite::Database& db, const engine::RecordedEvent& event);

}  // namespace cvtrack::storage
