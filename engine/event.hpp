// engine/event.hpp
//
// What the log holds. A command produces NewEvents; the store gives each a
// global sequence number, a version within its stream and a hash linking it
// to the event before it, and hands back RecordedEvents. The log is
// append-only: nothing ever updates or deletes an event. Formats: see
// README.md#data-directory-format.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/date.hpp"

namespace cvtrack::engine {

struct TaskView;  // engine/task_view.hpp, which includes this header

// Streams: "register" (the incoming-document register), "D3" (a document),
// "T3.5" (a task; "T3.5.2" a task delegated from it), "directory".
using StreamId = std::string;

// The body recorded as acting when the secretariat enters a change itself.
inline constexpr const char* kSecretariat = "secretariat";

struct NewEvent {
  std::string type;         // "task_acknowledged", see event_types.hpp
  nlohmann::json payload;   // old and new values where something changes
  std::string actor;        // a body id, or kSecretariat
  std::string recorded_at;  // UTC instant, "2026-11-22T07:50:59Z"
  Date effective_on;        // the calendar day the change takes effect
};

struct RecordedEvent {
  std::int64_t seq = 0;  // global, 1-based, gapless
  StreamId stream;
  int version = 0;       // 1-based within the stream
  NewEvent event;
  std::string prev_hash; // the hash of event seq-1; 64 zeros for the first
  std::string hash;      // sha256 of hash_input(*this)
};

// The newest event of a stream: its version (0 and an empty hash when the
// stream does not exist) and its hash. The hash chain makes the hash name
// the stream's whole content (and the log's up to it), so a cache of what a
// stream folds to is still good while its head's hash is the same.
struct StreamHead {
  int version = 0;
  std::string hash;
  friend bool operator==(const StreamHead&, const StreamHead&) = default;
};

// All events a command writes to one stream, with the version the command
// read. The store refuses the whole command if any stream moved on.
struct StreamAppend {
  StreamId stream;
  int expected_version = 0;  // 0: the stream must not exist yet
  std::vector<NewEvent> events;
  // The task the command decided on, when the stream is a task's (null
  // otherwise; it must outlive the append): what the stream folded to when
  // its head was `folded_at`. A store that keeps projections uses it
  // instead of reading the task's events back and folding them, but only
  // when `folded_at` is still the stream's head: the hash chain then
  // proves it current.
  const TaskView* folded = nullptr;
  StreamHead folded_at = {};
};

inline const std::string kGenesisHash(64, '0');

// The exact bytes an event's hash covers: every field but the hash itself,
// so altering any of them by hand breaks the chain at that event. The
// encoding is fixed forever (existing logs must verify): the JSON array
// [seq, stream, version, type, payload, actor, recorded_at, effective_on,
// prev_hash] as nlohmann::json::dump() writes it.
std::string hash_input(const RecordedEvent& event);
std::string compute_hash(const RecordedEvent& event);
// The same, given the payload already dumped (payload.dump()): a store
// writes that text to the log anyway, so the payload is serialised once
// per event instead of being copied into an array and dumped again.
std::string hash_input(const RecordedEvent& event, std::string_view payload_json);
std::string compute_hash(const RecordedEvent& event, std::string_view payload_json);

}  // namespace cvtrack::engine
