// engine/memory_event_store.hpp
//
// An EventStore in a vector: the fake the engine's tests run against, held
// to the same contract tests as the SQLite store (tests/storage).
#pragma once

#include "engine/event_store.hpp"

namespace cvtrack::engine {

class MemoryEventStore final : public EventStore {
 public:
  Result<std::vector<RecordedEvent>> append(const std::vector<StreamAppend>& batches) override;
  Result<std::vector<RecordedEvent>> read_stream(const StreamId& stream) const override;
  Result<std::vector<RecordedEvent>> read_all(std::int64_t after = 0) const override;
  Result<StreamHead> stream_head(const StreamId& stream) const override;

  std::size_t size() const { return log_.size(); }

 private:
  std::vector<RecordedEvent> log_;
};

// Shared by both stores so their conflict messages are the same words.
Error conflict_error(const StreamId& stream, int expected_version, int actual_version);

}  // namespace cvtrack::engine
