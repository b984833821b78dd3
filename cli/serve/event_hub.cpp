#include "cli/serve/event_hub.hpp"

#include "cli/commands/output_format.hpp"

namespace cvtrack::serve {

std::optional<std::string> document_of(const engine::StreamId& stream) {
  if (stream.size() < 2 || (stream[0] != 'D' && stream[0] != 'T')) return std::nullopt;
  std::size_t end = 1;
  while (end < stream.size() && stream[end] >= '0' && stream[end] <= '9') ++end;
  if (end == 1) return std::nullopt;
  return "D" + stream.substr(1, end - 1);
}

bool stream_wants(const StreamFilter& f, const EventScope& scope, const engine::BodyRegistry& bodies) {
  if (f.document && scope.document != f.document) return false;
  if (f.body) {
    if (!scope.holder || !bodies.holds_or_is_above(*f.body, *scope.holder)) return false;
  }
  const auto& who = f.principal;
  if (who.role == engine::Role::secretariat) return true;
  if (!scope.holder) {
    // Not a task's event: a document registered, a directory recorded.
    // Supervisors follow new documents; a unit learns of its tasks from
    // their own task_assigned events.
    return who.role == engine::Role::supervisor && scope.document.has_value();
  }
  return bodies.holds_or_is_above(who.body, *scope.holder);
}

std::string sse_frame(const engine::RecordedEvent& event, const EventScope& scope) {
  nlohmann::json data = cli::event_json(event);
  data["document"] = scope.document ? nlohmann::json(*scope.document) : nlohmann::json();
  data["holder"] = scope.holder ? nlohmann::json(*scope.holder) : nlohmann::json();
  return "id: " + std::to_string(event.seq) + "\nevent: " + event.event.type + "\ndata: " +
         data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n\n";
}

std::shared_ptr<void> EventHub::open(StreamFilter filter, Sink sink) {
  auto subscriber = std::make_shared<Subscriber>(Subscriber{std::move(filter), std::move(sink)});
  std::lock_guard lock(mutex_);
  // Forget streams that have gone, so the list does not grow forever.
  std::erase_if(subscribers_, [](const auto& weak) { return weak.expired(); });
  subscribers_.push_back(subscriber);
  return subscriber;
}

EventScope EventHub::scope_of(const engine::RecordedEvent& event,
                              const std::function<std::optional<std::string>(const engine::StreamId&)>& holder_of) {
  EventScope scope{document_of(event.stream), std::nullopt};
  if (event.stream.empty() || event.stream[0] != 'T') return scope;
  if (auto it = holders_.find(event.stream); it != holders_.end()) {
    scope.holder = it->second;
  } else if (auto holder = holder_of(event.stream)) {
    holders_.emplace(event.stream, *holder);
    scope.holder = *holder;
  }
  return scope;
}

void EventHub::publish(const engine::RecordedEvent& event,
                       const std::function<std::optional<std::string>(const engine::StreamId&)>& holder_of) {
  std::vector<std::shared_ptr<Subscriber>> live;
  {
    std::lock_guard lock(mutex_);
    for (const auto& weak : subscribers_)
      if (auto s = weak.lock()) live.push_back(std::move(s));
  }
  if (live.empty()) return;
  EventScope scope = scope_of(event, holder_of);
  auto directories = directories_.get();
  std::optional<std::string> frame;
  for (const auto& s : live) {
    if (!stream_wants(s->filter, scope, directories->registry)) continue;
    if (!frame) frame = sse_frame(event, scope);
    s->sink(event.seq, *frame);
  }
}

void EventHub::close_all() {
  std::vector<std::shared_ptr<Subscriber>> live;
  {
    std::lock_guard lock(mutex_);
    for (const auto& weak : subscribers_)
      if (auto s = weak.lock()) live.push_back(std::move(s));
    subscribers_.clear();
  }
  for (const auto& s : live) s->sink(-1, std::string());
}

}  // namespace cvtrack::serve
