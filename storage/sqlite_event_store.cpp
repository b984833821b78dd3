#include "storage/sqlite_event_store.hpp"

#include <span>
#include <string>

#include "engine/apply.hpp"
#include "engine/memory_event_store.hpp"
#include "engine/task_view_json.hpp"
#include "engine/task_view_parse.hpp"
#include "storage/event_rows.hpp"
#include "storage/projections.hpp"
#include "storage/read_snapshot.hpp"
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

// Transaction control runs on every command: each text is prepared once
// on the connection and kept (perf: sqlite3_exec parsing SAVEPOINT, RELEASE,
// BEGIN and COMMIT anew each time was ~12% of serve's CPU at 64 clients).
const std::string kBegin = "BEGIN IMMEDIATE";
const std::string kCommit = "COMMIT";
const std::string kRollback = "ROLLBACK";
const std::string kSavepoint = "SAVEPOINT cvtrack_append";
const std::string kRelease = "RELEASE cvtrack_append";
const std::string kRollbackTo = "ROLLBACK TO cvtrack_append";

void run(StatementCache& statements, const std::string& sql) { statements.get(sql)->exec(); }

// What one append writes in, rolled back unless committed: alone, its own
// IMMEDIATE transaction; in a group, a savepoint, so a refused command
// takes back only its own rows.
class AppendScope {
 public:
  AppendScope(StatementCache& statements, bool in_group) : statements_(statements), in_group_(in_group) {
    run(statements_, in_group_ ? kSavepoint : kBegin);
  }
  AppendScope(const AppendScope&) = delete;
  AppendScope& operator=(const AppendScope&) = delete;
  ~AppendScope() {
    if (committed_) return;
    try {
      if (in_group_) {
        run(statements_, kRollbackTo);
        run(statements_, kRelease);
      } else {
        run(statements_, kRollback);
      }
    } catch (...) {
      // In a group, the enclosing group is then abandoned by its owner;
      // alone, SQLite has already rolled back (e.g. a full disk).
    }
  }
  void commit() {
    run(statements_, in_group_ ? kRelease : kCommit);
    committed_ = true;
  }

 private:
  StatementCache& statements_;
  bool in_group_;
  bool committed_ = false;
};

}  // namespace

engine::Status SqliteEventStore::begin_group() {
  if (in_group_) return engine::make_error(engine::ErrorCode::internal, "a write group is already open");
  try {
    run(database_.impl().statements, kBegin);
    in_group_ = true;
    return engine::Ok{};
  } catch (const SQLite::Exception& e) {
    return sqlite_error(e, database_.path() + ": starting a write group");
  }
}

engine::Status SqliteEventStore::commit_group() {
  if (!in_group_) return engine::make_error(engine::ErrorCode::internal, "no write group is open");
  try {
    run(database_.impl().statements, kCommit);
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
    run(database_.impl().statements, kRollback);
  } catch (const SQLite::Exception&) {
    // SQLite may have rolled back already (e.g. a full disk); either way
    // nothing of the group is left.
  }
}

engine::Result<std::vector<engine::RecordedEvent>> SqliteEventStore::append(
    const std::vector<engine::StreamAppend>& batches) {
  try {
    StatementCache& statements = database_.impl().statements;
    AppendScope scope(statements, in_group_);
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
    // Each projected stream: what it held before and where its new events
    // are in `written`. A task the command folded is used when the
    // stream's head is still the one it was folded at (the hash chain
    // proves it current); otherwise the events before are read once.
    // Nothing just written is read back. A stream given in two batches
    // cannot get this far: the second batch's first version is already
    // taken (UNIQUE (stream, version)).
    struct Projected {
      const engine::StreamAppend* batch;
      std::vector<engine::RecordedEvent> before;
      const engine::TaskView* folded = nullptr;
      std::size_t first = 0;
    };
    std::vector<Projected> projected;
    for (std::size_t b = 0; b < batches.size(); ++b) {
      const auto& batch = batches[b];
      if (has_projection(batch.stream)) {
        Projected p{&batch, {}, nullptr, written.size()};
        if (batch.expected_version > 0) {
          if (batch.folded && engine::is_task_stream(batch.stream) && batch.folded_at == heads[b]) {
            p.folded = batch.folded;
          } else {
            auto before = read_stream_events(statements, batch.stream);
            if (!before) return before.error();
            p.before = std::move(*before);
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
      project_appended(statements, p.batch->stream, p.before,
                       std::span<const engine::RecordedEvent>(written).subspan(p.first, p.batch->events.size()),
                       p.folded);
    scope.commit();
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
    return read_stream_events(database_.impl().statements, stream);
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

engine::Result<std::optional<engine::KeptTask>> SqliteEventStore::kept_task(const engine::StreamId& stream) const {
  using Kept = std::optional<engine::KeptTask>;
  if (!engine::is_task_stream(stream)) return Kept();
  try {
    StatementCache& statements = database_.impl().statements;
    ReadSnapshot snapshot(database_.impl());  // the head, the row and its marks from one commit
    engine::StreamHead head = head_of(statements, stream);
    if (head.version == 0) return Kept();
    auto row = statements.get("SELECT version, view FROM tasks WHERE id = ?");
    row->bind(1, stream);
    // No row, or one behind the log: the events are the truth.
    if (!row->executeStep() || row->getColumn(0).getInt() != head.version) return Kept();
    SQLite::Column view = row->getColumn(1);
    auto task = engine::task_view_from_text(std::string_view(view.getText(), std::size_t(view.getBytes())));
    if (!task || task->id != stream || task->version != head.version) return Kept();
    read_deadline_marks(statements, stream, *task);
    return Kept(engine::KeptTask{std::move(*task), std::move(head)});
  } catch (const SQLite::Exception& e) {
    return sqlite_error(e, database_.path() + ": reading task " + stream);
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
