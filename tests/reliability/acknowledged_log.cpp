#include "tests/reliability/acknowledged_log.hpp"

#include <map>

namespace cvtrack::reliability {

using nlohmann::json;

void AcknowledgedLog::add(const std::string& task, const std::string& action, const std::string& text,
                          const json& events) {
  Acknowledged a{task, action, text, {}};
  for (const auto& e : events)
    a.events.push_back({e.at("seq").get<std::int64_t>(), e.at("stream").get<std::string>(),
                        e.at("type").get<std::string>(), e.at("hash").get<std::string>()});
  std::lock_guard lock(mutex_);
  commands_.push_back(std::move(a));
}

std::size_t AcknowledgedLog::size() const {
  std::lock_guard lock(mutex_);
  return commands_.size();
}

namespace {

std::string payload_text(const json& event) {
  const json& p = event.at("payload");
  for (const char* key : {"note", "reason"})
    if (p.contains(key) && p[key].is_string()) return p[key].get<std::string>();
  return "";
}

}  // namespace

LogCheck AcknowledgedLog::check(const json& history) const {
  std::map<std::int64_t, const json*> by_seq;
  for (const auto& e : history) by_seq[e.at("seq").get<std::int64_t>()] = &e;
  LogCheck out;
  std::lock_guard lock(mutex_);
  out.acknowledged = commands_.size();
  for (const auto& c : commands_) {
    bool all_there = !c.events.empty();
    if (c.events.empty()) out.problems.push_back(c.task + " " + c.action + ": acknowledged with no event");
    for (const auto& e : c.events) {
      auto it = by_seq.find(e.seq);
      std::string where = c.task + " " + c.action + " (event " + std::to_string(e.seq) + ")";
      if (it == by_seq.end()) {
        out.problems.push_back(where + ": acknowledged, but not in the log");
        all_there = false;
      } else if (it->second->at("hash") != e.hash || it->second->at("stream") != e.stream ||
                 it->second->at("type") != e.type) {
        out.problems.push_back(where + ": the log holds a different event there: " + it->second->dump());
        all_there = false;
      } else if (!c.text.empty() && e.stream == c.task && payload_text(*it->second) != c.text) {
        out.problems.push_back(where + ": the note is \"" + payload_text(*it->second) + "\", not \"" + c.text + "\"");
        all_there = false;
      }
    }
    if (all_there) ++out.found;
  }
  return out;
}

std::vector<std::string> check_versions(const json& history) {
  std::map<std::string, int> last;
  std::vector<std::string> problems;
  for (const auto& e : history) {
    std::string stream = e.at("stream").get<std::string>();
    int version = e.at("version").get<int>();
    int expected = last[stream] + 1;
    if (version != expected)
      problems.push_back(stream + ": version " + std::to_string(version) + " follows " + std::to_string(last[stream]) +
                         " (event " + std::to_string(e.at("seq").get<long long>()) + ")");
    last[stream] = version;
  }
  return problems;
}

bool history_mentions(const json& history, const std::string& text) {
  for (const auto& e : history)
    if (payload_text(e) == text) return true;
  return false;
}

}  // namespace cvtrack::reliability
