// storage/event_rows.hpp
//
// Reading and writing rows of the events table. Private to storage/.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <vector>

#include "engine/event.hpp"
#include "engine/result.hpp"
#include "storage/statement_cache.hpp"

namespace cvtrack::storage {

inline constexpr const char* kEventColumns =
    "seq, stream, version, type, payload, actor, recorded_at, effective_on, prev_hash, hash";

// The row `query` (selecting kEventColumns) stands on. A row whose payload
// or date no longer parses (altered by hand) is an error naming it.
engine::Result<engine::RecordedEvent> read_event_row(SQLite::Statement& query);

// Reads every row `query` (selecting kEventColumns) returns. A row whose
// payload or date no longer parses (altered by hand) is an error naming it.
engine::Result<std::vector<engine::RecordedEvent>> read_events(SQLite::Statement& query);

// Every event of `stream`, oldest first, with the connection's statement.
engine::Result<std::vector<engine::RecordedEvent>> read_stream_events(StatementCache& statements,
                                                                      const engine::StreamId& stream);

// `payload_json` is event.payload.dump(), which the caller has already
// made for the hash.
void insert_event(StatementCache& statements, const engine::RecordedEvent& event, const std::string& payload_json);

}  // namespace cvtrack::storage
