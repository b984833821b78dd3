#include "storage/event_rows.hpp"

namespace cvtrack::storage {

engine::Result<engine::RecordedEvent> read_event_row(SQLite::Statement& query) {
  engine::RecordedEvent e;
  e.seq = query.getColumn(0).getInt64();
  e.stream = query.getColumn(1).getString();
  e.version = query.getColumn(2).getInt();
  e.event.type = query.getColumn(3).getString();
  e.event.actor = query.getColumn(5).getString();
  e.event.recorded_at = query.getColumn(6).getString();
  std::string effective = query.getColumn(7).getString();
  e.prev_hash = query.getColumn(8).getString();
  e.hash = query.getColumn(9).getString();
  auto name = [&] { return "event " + std::to_string(e.seq) + " (" + e.stream + " v" + std::to_string(e.version) + ")"; };
  auto date = engine::parse_iso_date(effective);
  if (!date)
    return engine::make_error(engine::ErrorCode::internal,
                              name() + ": effective_on \"" + effective + "\" is not a date");
  e.event.effective_on = *date;
  try {
    // Parsed in place from SQLite's buffer, valid until the next step.
    SQLite::Column payload = query.getColumn(4);
    const char* text = payload.getText();
    e.event.payload = nlohmann::json::parse(text, text + payload.getBytes());
  } catch (const nlohmann::json::exception& ex) {
    return engine::make_error(engine::ErrorCode::internal, name() + ": payload is not JSON: " + ex.what());
  }
  return e;
}

engine::Result<std::vector<engine::RecordedEvent>> read_events(SQLite::Statement& query) {
  std::vector<engine::RecordedEvent> out;
  while (query.executeStep()) {
    auto e = read_event_row(query);
    if (!e) return e.error();
    out.push_back(std::move(*e));
  }
  return out;
}

void insert_event(StatementCache& statements, const engine::RecordedEvent& e, const std::string& payload_json) {
  static const std::string sql =
      std::string("INSERT INTO events (") + kEventColumns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  auto cached = statements.get(sql);
  SQLite::Statement& insert = *cached;
  insert.bind(1, static_cast<std::int64_t>(e.seq));
  insert.bind(2, e.stream);
  insert.bind(3, e.version);
  insert.bind(4, e.event.type);
  insert.bindNoCopy(5, payload_json);  // alive until the loan ends, which resets the statement
  insert.bind(6, e.event.actor);
  insert.bind(7, e.event.recorded_at);
  insert.bind(8, engine::to_iso(e.event.effective_on));
  insert.bind(9, e.prev_hash);
  insert.bind(10, e.hash);
  insert.exec();
}

engine::Result<std::vector<engine::RecordedEvent>> read_stream_events(StatementCache& statements,
                                                                      const engine::StreamId& stream) {
  static const std::string sql =
      std::string("SELECT ") + kEventColumns + " FROM events WHERE stream = ? ORDER BY version";
  auto q = statements.get(sql);
  q->bind(1, stream);
  return read_events(*q);
}

}  // namespace cvtrack::storage
