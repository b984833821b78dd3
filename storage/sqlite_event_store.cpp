#include "storage/sqlite_event_store.hpp"

#include <optional>
#include <span>

#include "engine/memory_event_store.hpp"
#include "storage/event_rows.hpp"
#include "storage/projections.hpp"
#include "storage/sqlite_impl.hpp"

namespace cvtrack::storage {

namespace {

// The newest event of `stream`: the version an append is checked against,
// and the hash that says whether events a command read are still current.
engine::StreamHead head_of(StatementCache& statements, const engine::StreamId& stream) {
  auto q = statements.get("SELECT version, hash FROM events WHERE stream = ? ORDER BY version DESC LIMIT 1");
  q->bind(1, stream);
  if (!q->executeStep()) return engine::StreamHead{};
  return engine::StreamHead{q->getColumn(0).getInt(), q->getColumn(1).getString()};
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
    std::vector<engine::StreamHead> heads;
    std::size_t total = 0;
    for (const auto& batch : batches) {
      heads.push_back(head_of(statements, batch.stream));
      if (heads.back().version != batch.expected_version)
        return engine::conflict_error(batch.stream, batch.expected_version, heads.back().version);
      total += batch.events.size();
    }
    auto [seq, prev_hash] = log_tail(statements);
    std::vector<engine::RecordedEvent> written;
    written.reserve(total);
    // Each projected stream: the events it held before and where its new
    // ones are in `written`. The events the command read are used when the
    // stream's head is still their last (the hash chain proves them the
    // same); otherwise they are read once. Nothing just written is read
    // back. A stream given in two batches cannot get this far: the second
    // batch's first version is already taken (UNIQUE (stream, version)).
    struct Projected {
      const engine::StreamAppend* batch;
      std::vector<engine::RecordedEvent> read_back;
      bool use_read = false;
      std::size_t first = 0;
      const std::vector<engine::RecordedEvent>& before() const { return use_read ? *batch->read : read_back; }
    };
    std::vector<Projected> projected;
    for (std::size_t b = 0; b < batches.size(); ++b) {
      const auto& batch = batches[b];
      if (has_projection(batch.stream)) {
        Projected p{&batch, {}, false, written.size()};
        if (batch.expected_version > 0) {
          const auto* read = batch.read;
          p.use_read = read && read->size() == std::size_t(batch.expected_version) &&
                       read->back().hash == heads[b].hash;
          if (!p.use_read) {
            auto before = read_stream_in(statements, batch.stream);
            if (!before) return before.error();
            p.read_back = std::move(*before);
          }
        }
        projected.push_back(std::move(p));
      }
      int version = batch.expected_version;
      for (const auto& event : batch.events) {
        engine::RecordedEvent r;
        r.seq = ++seq;
        r.stream = batch.stream;
        r.version = ++version;
        r.event = event;
        r.prev_hash = prev_hash;
        // Dumped once: the text the log stores is the text the hash covers.
        std::string payload = r.event.payload.dump();
        r.hash = engine::compute_hash(r, payload);
        prev_hash = r.hash;
        insert_event(statements, r, payload);
        written.push_back(std::move(r));
      }
    }
    for (const auto& p : projected)
      project_appended(statements, p.batch->stream, p.before(),
                       std::span<const engine::RecordedEvent>(written).subspan(p.first, p.batch->events.size()));
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
    return head_of(database_.impl().statements, stream);
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
