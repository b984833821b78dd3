#include "storage/event_rows.hpp"

namespace cvtrack::storage {

engine::Result<std::vector<engine::RecordedEvent>> read_events(SQLite::Statement& query) {
  std::vector<engine::RecordedEvent> out;
  while (query.executeStep()) {
    engine::RecordedEvent e;
    e.seq = query.getColumn(0).getInt64();
    e.stream = query.getColumn(1).getString();
    e.version = query.getColumn(2).getInt();
    e.event.type = query.getColumn(3).getString();
    std::string payload = query.getColumn(4).getString();
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
      e.event.payload = nlohmann::json::parse(payload);
    } catch (const nlohmann::json::exception& ex) {
      return engine::make_error(engine::ErrorCode::internal, name() + ": payload is not JSON: " + ex.what());
    }
    out.push_back(std::move(e));
  }
  return out;
}

void insert_event(SQLite::Database& db, const engine::RecordedEvent& e) {
  SQLite::Statement insert(db, std::string("INSERT INTO events (") + kEventColumns +
                                   ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, static_cast<std::int64_t>(e.seq));
  insert.bind(2, e.stream);
  insert.bind(3, e.version);
  insert.bind(4, e.event.type);
  insert.bind(5, e.event.payload.dump());
  insert.bind(6, e.event.actor);
  insert.bind(7, e.event.recorded_at);
  insert.bind(8, engine::to_iso(e.event.effective_on));
  insert.bind(9, e.prev_hash);
  insert.bind(10, e.hash);
  insert.exec();
}

}  // namespace cvtrack::storage
