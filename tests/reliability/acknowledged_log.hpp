// tests/reliability/acknowledged_log.hpp
//
// What the clients were told was done: every command answered with success
// (HTTP 200, or a command line's exit 0), with the events it reported —
// sequence number, stream, type and hash. Checked against the log read back
// through `cvtrack history D1 --json`: each acknowledged event must be there,
// the same event (same hash), and each task's versions must run 1, 2, 3 …
// with no gap and no repeat. Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace cvtrack::reliability {

struct AcknowledgedEvent {
  std::int64_t seq = 0;
  std::string stream;
  std::string type;
  std::string hash;
};

struct Acknowledged {
  std::string task;
  std::string action;  // ack, progress, complete, return
  std::string text;    // the note or reason sent, unique per command
  std::vector<AcknowledgedEvent> events;
};

struct LogCheck {
  std::size_t acknowledged = 0;  // commands
  std::size_t found = 0;         // of those, with every event in the log
  std::vector<std::string> problems;
  bool ok() const { return problems.empty() && found == acknowledged; }
};

class AcknowledgedLog {
 public:
  // `events` as the answer gave them (events_json: seq, stream, type, hash).
  void add(const std::string& task, const std::string& action, const std::string& text, const nlohmann::json& events);
  std::size_t size() const;

  // Every acknowledged command against `history` (an array of events).
  LogCheck check(const nlohmann::json& history) const;

 private:
  mutable std::mutex mutex_;
  std::vector<Acknowledged> commands_;
};

// Per stream, versions 1..n in order: a gap or a repeat is a lost or doubled
// write. Returns the problems found.
std::vector<std::string> check_versions(const nlohmann::json& history);

// True when some event of `history` carries `text` as its note or reason.
bool history_mentions(const nlohmann::json& history, const std::string& text);

}  // namespace cvtrack::reliability
