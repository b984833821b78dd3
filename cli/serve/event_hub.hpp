// cli/serve/event_hub.hpp
//
// The live side of GET /api/events: committed events fanned out to every
// open stream whose caller may see them and whose filter (body, document)
// they match. Publish runs on the engine strand after each group commit;
// each stream gets its copy through its own sink (which posts to its
// connection), so a slow client never holds the engine up.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/access.hpp"
#include "engine/event.hpp"
#include "cli/serve/directory_cache.hpp"

namespace cvtrack::serve {

// What a stream needs to know of an event's task to filter it.
struct EventScope {
  std::optional<std::string> document;  // "D3": the document the stream belongs to
  std::optional<std::string> holder;    // the task's holder, for task streams
};

struct StreamFilter {
  engine::Principal principal;
  std::optional<std::string> body;      // ?body=B: B and the bodies B directs
  std::optional<std::string> document;  // ?document=D1
};

// Whether `filter`'s caller may see and wants this event. Units see their
// own tasks' events; supervisors those under them and documents being
// registered; the secretariat everything.
bool stream_wants(const StreamFilter& filter, const EventScope& scope, const engine::BodyRegistry& bodies);

// The SSE frame of an event: "id: 12\nevent: task_acknowledged\ndata: {...}\n\n".
std::string sse_frame(const engine::RecordedEvent& event, const EventScope& scope);

// "D3" for "D3", "T3.5", "T3.5.2"; null for "register", "directory".
std::optional<std::string> document_of(const engine::StreamId& stream);

class EventHub {
 public:
  using Sink = std::function<void(std::int64_t seq, std::string frame)>;

  explicit EventHub(const DirectoryCache& directories) : directories_(directories) {}

  // Returns a handle; the stream receives frames until the handle is gone.
  std::shared_ptr<void> open(StreamFilter filter, Sink sink);

  // On the engine strand, after commit. `holder_of` finds a task's holder
  // (read once per task and remembered: a task's holder never changes).
  void publish(const engine::RecordedEvent& event,
               const std::function<std::optional<std::string>(const engine::StreamId&)>& holder_of);

  EventScope scope_of(const engine::RecordedEvent& event,
                      const std::function<std::optional<std::string>(const engine::StreamId&)>& holder_of);

  // Closes every stream (shutdown): sinks get a frame with seq -1.
  void close_all();

 private:
  struct Subscriber {
    StreamFilter filter;
    Sink sink;
  };
  const DirectoryCache& directories_;
  std::mutex mutex_;
  std::vector<std::weak_ptr<Subscriber>> subscribers_;
  std::unordered_map<std::string, std::string> holders_;  // engine strand only
};

}  // namespace cvtrack::serve
