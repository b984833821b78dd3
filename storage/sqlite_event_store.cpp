#include "storage/sqlite_event_store.hpp"

#include <map>
#include <optional>

#include "engine/memory_event_store.hpp"
#include "storage/event_rows.hpp"
#include "storage/projections.hpp"
#include "storage/sqlite_impl.hpp"

namespace cvtrack::storage {

namespace {

int stream_version(StatementCache& statements, const engine::StreamId& stream) {
  auto q = statements.get("SELECT COALESCE(MAX(version), 0) FROM events WHERE stream = ?");
  q->bind(1, stream);
  q->executeStep();
  return q->getColumn(0).getInt();
}

std::pair<std::int64_t, std::string> log_tail(StatementCache& statements) {
  auto q = statements.get("SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1");
  if (!q->executeStep()) return {0, engine::kGenesisHash};
  return {q->getColumn(0).getInt64(), q->getColumn(1).getString()};
}

const std::string& stream_sql() {
  static const std::string sql =
      std::string("SELECT ") + kEventColumns + " FROM events WHERE stream = ? ORDER BY version";
  return sql;
}

engine::Result<std::vector<engine::RecordedEvent>> read_stream_in(StatementCache& statements,
                                                                   const engine::StreamId& stream) {
  auto q = statements.get(stream_sql());
  q->bind(1, stream);
  return read_events(*q);
}

// A savepoint that rolls back unless released (SQLite::Transaction's
// counterpart inside an open transaction).
class Savepoint {
 public:
  explicit Savepoint(SQLite::Database& db) : db_(db) { db_.exec("SAVEPOINT cvtrack_append"); }
  Savepoint(const Savepoint&) = delete;
  Savepoint& operator=(const Savepoint&) = delete;
  ~Savepoint() {
    if (released_) return;
    try {
      db_.exec("ROLLBACK TO cvtrack_append");
      db_.exec("RELEASE cvtrack_append");
    } catch (...) {
      // The enclosing group is then abandoned by its owner.
    }
  }
  void release() {
    db_.exec("RELEASE cvtrack_append");
    released_ = true;
  }

 private:
  SQLite::Database& db_;
  bool released_ = false;
};

}  // namespace

engine::Status SqliteEventStore::begin_group() {
  if (in_group_) return engine::make_error(engine::ErrorCode::internal, "a write group is already open");
  try {
    database_.impl().db.exec("BEGIN IMMEDIATE");
    in_group_ = true;
    return engine::Ok{};
  } catch (const SQLite::Exception& e) {
    return sqlite_error(e, database_.path() + ": starting a write group");
  }
}

engine::Status SqliteEventStore::commit_group() {
  if (!in_group_) return engine::make_error(engine::ErrorCode::internal, "no write group is open");
  try {
    database_.impl().db.exec("COMMIT");
    in_group_ = false;
    return engine::Ok{};
  } catch (const SQLite::Exception& e) {
    return sqlite_error(e, database_.path() + ": committing a write group");
  }
}

void SqliteEventStore::abandon_group() {
  if (!in_group_) return;
  in_group_ = false;
  try {
    database_.impl().db.exec("ROLLBACK");
  } catch (const SQLite::Exception&) {
    // SQLite may have rolled back already (e.g. a full disk); either way
    // nothing of the group is left.
  }
}

engine::Result<std::vector<engine::RecordedEvent>> SqliteEventStore::append(
    const std::vector<engine::StreamAppend>& batches) {
  SQLite::Database& db = database_.impl().db;
  try {
    // Alone: its own IMMEDIATE transaction. In a group: a savepoint, so a
    // refused command takes back only its own rows.
    std::optional<SQLite::Transaction> txn;
    std::optional<Savepoint> savepoint;
    if (in_group_)
      savepoint.emplace(db);
    else
      txn.emplace(db, SQLite::TransactionBehavior::IMMEDIATE);
    StatementCache& statements = database_.impl().statements;
    for (const auto& batch : batches) {
      int actual = stream_version(statements, batch.stream);
      if (actual != batch.expected_version)
        return engine::conflict_error(batch.stream, batch.expected_version, actual);
    }
    auto [seq, prev_hash] = log_tail(statements);
    std::vector<engine::RecordedEvent> written;
    // Each projected stream: the events it held before (read once, when it
    // had any) and then the new ones, so nothing just written is read back.
    std::map<engine::StreamId, std::vector<engine::RecordedEvent>> touched;
    for (const auto& batch : batches) {
      std::vector<engine::RecordedEvent>* projected = nullptr;
      if (has_projection(batch.stream)) {
        auto [it, first] = touched.try_emplace(batch.stream);
        if (first && batch.expected_version > 0) {
          auto before = read_stream_in(statements, batch.stream);
          if (!before) return before.error();
          it->second = std::move(*before);
        }
        projected = &it->second;
      }
      int version = batch.expected_version;
      for (const auto& event : batch.events) {
        engine::RecordedEvent r;
        r.seq = ++seq;
        r.stream = batch.stream;
        r.version = ++version;
        r.event = event;
        r.prev_hash = prev_hash;
        r.hash = engine::compute_hash(r);
        prev_hash = r.hash;
        insert_event(statements, r);
        if (projected) projected->push_back(r);
        written.push_back(std::move(r));
      }
    }
    for (const auto& [stream, events] : touched) project_stream(statements, stream, events);
    if (txn) txn->commit();
    if (savepoint) savepoint->release();
    return written;
  } catch (const SQLite::Exception& e) {
    return sqlite_error(e, database_.path() + ": appending to the event log");
  } catch (const std::exception& e) {
    // A payload the projections cannot read: a bug upstream, and the
    // transaction's destructor has rolled everything back.
    return engine::make_error(engine::ErrorCode::internal,
                              database_.path() + ": projecting appended events: " + e.what());
  }
}

engine::Result<std::vector<engine::RecordedEvent>> SqliteEventStore::read_stream(
    const engine::StreamId& stream) const {
  try {
    return read_stream_in(database_.impl().statements, stream);
  } catch (const SQLite::Exception& e) {
    return sqlite_error(e, database_.path() + ": reading stream " + stream);
  }
}

engine::Result<engine::StreamHead> SqliteEventStore::stream_head(const engine::StreamId& stream) const {
  try {
    auto q = database_.impl().statements.get(
        "SELECT version, hash FROM events WHERE stream = ? ORDER BY version DESC LIMIT 1");
    q->bind(1, stream);
    if (!q->executeStep()) return engine::StreamHead{};
    return engine::StreamHead{q->getColumn(0).getInt(), q->getColumn(1).getString()};
  } catch (const SQLite::Exception& e) {
    return sqlite_error(e, database_.path() + ": reading stream " + stream);
  }
}

engine::Result<std::vector<engine::RecordedEvent>> SqliteEventStore::read_all(std::int64_t after) const {
  try {
    static const std::string sql =
        std::string("SELECT ") + kEventColumns + " FROM events WHERE seq > ? ORDER BY seq";
    auto q = database_.impl().statements.get(sql);
    q->bind(1, static_cast<std::int64_t>(after));
    return read_events(*q);
  } catch (const SQLite::Exception& e) {
    return sqlite_error(e, database_.path() + ": reading the event log");
  }
}

}  // namespace cvtrack::storage
