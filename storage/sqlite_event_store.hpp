// storage/sqlite_event_store.hpp
//
// engine::EventStore on SQLite. append() is one IMMEDIATE transaction (a
// savepoint inside a group, see begin_group): it
// takes the write lock first, so the version check and the insert cannot be
// split by another process; it checks each stream's version, inserts the
// events with their hash chain, updates the projections of the streams it
// touched, and commits, or leaves no trace. UNIQUE(stream, version) backs
// the check. SQLite errors come back as values (sqlite_error), never throws.
#pragma once

#include <optional>

#include "engine/event_store.hpp"
#include "storage/sqlite_database.hpp"

namespace cvtrack::storage {

class SqliteEventStore final : public engine::EventStore {
 public:
  // `database` must outlive the store.
  explicit SqliteEventStore(SqliteDatabase& database) : database_(database) {}

  engine::Result<std::vector<engine::RecordedEvent>> append(
      const std::vector<engine::StreamAppend>& batches) override;
  engine::Result<std::vector<engine::RecordedEvent>> read_stream(const engine::StreamId& stream) const override;
  engine::Result<std::vector<engine::RecordedEvent>> read_all(std::int64_t after = 0) const override;
  // One row of the UNIQUE (stream, version) index.
  engine::Result<engine::StreamHead> stream_head(const engine::StreamId& stream) const override;
  // The task's row of the tasks projection (its JSON view) and its deadline
  // marks, when the row is at the stream's head version: three indexed
  // reads, however long the task's history. The row is written in the
  // transaction that appends the events it folds, so at the same version
  // it is their fold (verify_log checks exactly that).
  engine::Result<std::optional<engine::KeptTask>> kept_task(const engine::StreamId& stream) const override;

  // Group commit: BEGIN IMMEDIATE ... COMMIT around many appends, each of
  // which is then a SAVEPOINT (rolled back alone when it fails). COMMIT
  // with synchronous=FULL returns once the group is on disk.
  engine::Status begin_group() override;
  engine::Status commit_group() override;
  void abandon_group() override;

 private:
  SqliteDatabase& database_;
  bool in_group_ = false;
};

}  // namespace cvtrack::storage
