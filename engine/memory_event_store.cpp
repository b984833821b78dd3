#include "engine/memory_event_store.hpp"

#include <map>

namespace cvtrack::engine {

Error conflict_error(const StreamId& stream, int expected_version, int actual_version) {
  return make_error(ErrorCode::conflict,
                    stream + ": changed by someone else meanwhile (expected version " +
                        std::to_string(expected_version) + ", found " +
                        std::to_string(actual_version) + "); nothing was written, try again");
}

Result<std::vector<RecordedEvent>> MemoryEventStore::append(
    const std::vector<StreamAppend>& batches) {
  std::map<StreamId, int> versions;
  for (const auto& e : log_) versions[e.stream] = e.version;
  // Check every batch before writing any, so a refusal leaves no trace.
  for (const auto& batch : batches) {
    int actual = versions.count(batch.stream) ? versions[batch.stream] : 0;
    if (actual != batch.expected_version)
      return conflict_error(batch.stream, batch.expected_version, actual);
    versions[batch.stream] = actual + int(batch.events.size());
  }
  std::vector<RecordedEvent> written;
  for (const auto& batch : batches) {
    int version = batch.expected_version;
    for (const auto& event : batch.events) {
      RecordedEvent r;
      r.seq = std::int64_t(log_.size() + written.size()) + 1;
      r.stream = batch.stream;
      r.version = ++version;
      r.event = event;
      r.prev_hash = !written.empty() ? written.back().hash
                    : !log_.empty()  ? log_.back().hash
                                     : kGenesisHash;
      r.hash = compute_hash(r);
      written.push_back(std::move(r));
    }
  }
  log_.insert(log_.end(), written.begin(), written.end());
  return written;
}

Result<std::vector<RecordedEvent>> MemoryEventStore::read_stream(const StreamId& stream) const {
  std::vector<RecordedEvent> out;
  for (const auto& e : log_)
    if (e.stream == stream) out.push_back(e);
  return out;
}

Result<StreamHead> MemoryEventStore::stream_head(const StreamId& stream) const {
  for (auto it = log_.rbegin(); it != log_.rend(); ++it)
    if (it->stream == stream) return StreamHead{it->version, it->hash};
  return StreamHead{};
}

Result<std::vector<RecordedEvent>> MemoryEventStore::read_all(std::int64_t after) const {
  std::vector<RecordedEvent> out;
  for (const auto& e : log_)
    if (e.seq > after) out.push_back(e);
  return out;
}

}  // namespace cvtrack::engine
