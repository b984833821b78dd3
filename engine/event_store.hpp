// engine/event_store.hpp
//
// Where the engine keeps its history. The engine never touches SQL; storage/
// implements this with SQLite, MemoryEventStore with a vector. Called only on
// the engine strand (or from one thread), so implementations need no locking.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/event.hpp"
#include "engine/result.hpp"
#include "engine/task_view.hpp"

namespace cvtrack::engine {

// A task's state as a store keeps it, and the head of the stream it is the
// fold of.
struct KeptTask {
  TaskView task;
  StreamHead head;
};

class EventStore {
 public:
  virtual ~EventStore() = default;

  // Appends every batch, all or nothing, in one transaction; in SQLite the
  // projections are brought up to date inside the same transaction. Returns
  // ErrorCode::conflict, naming the stream, if any stream's last version is
  // not its batch's expected_version (someone else wrote first). After any
  // failure nothing was written.
  virtual Result<std::vector<RecordedEvent>> append(const std::vector<StreamAppend>& batches) = 0;

  // The events of one stream, oldest first; empty when it does not exist.
  virtual Result<std::vector<RecordedEvent>> read_stream(const StreamId& stream) const = 0;

  // The head of one stream, without reading its events. The default reads
  // the stream; stores override it with something cheaper.
  virtual Result<StreamHead> stream_head(const StreamId& stream) const {
    auto events = read_stream(stream);
    if (!events) return events.error();
    if (events->empty()) return StreamHead{};
    return StreamHead{events->back().version, events->back().hash};
  }

  // The task `stream` folds to, as the store keeps it (a projection), when
  // it keeps one in step with the stream's head; nullopt otherwise (no
  // such task, nothing kept, a kept state it cannot read), and callers
  // read and fold the stream. Reading a task's whole history costs with
  // its length; what is kept does not.
  virtual Result<std::optional<KeptTask>> kept_task(const StreamId&) const { return std::optional<KeptTask>(); }

  // Every event with seq > after, in seq order.
  virtual Result<std::vector<RecordedEvent>> read_all(std::int64_t after = 0) const = 0;

  // Group commit. Between begin_group() and commit_group(), each append()
  // is still all or nothing on its own (a savepoint in SQLite), reads see
  // the group's earlier appends, and nothing is durable until
  // commit_group() returns; abandon_group() undoes the whole group. One
  // fsync for many commands is what lets a server keep up with many
  // clients. Stores without transactions keep the defaults: every append
  // is final at once.
  virtual Status begin_group() { return Ok{}; }
  virtual Status commit_group() { return Ok{}; }
  virtual void abandon_group() {}
};

}  // namespace cvtrack::engine
