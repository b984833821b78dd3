// engine/body_registry.hpp
//
// The bodies the engine knows and who is under whom: enough to decide
// whether `--as BODY` may act on a task and where a task may be delegated.
// Built from the directory the secretariat loads with `cvtrack init
// --directory` (recorded in the log as directory_loaded), so the hierarchy is
// data, never code.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/result.hpp"

namespace cvtrack::engine {

struct Body {
  std::string id;
  std::string name;
  std::optional<std::string> parent;  // id of the body above, if any
  std::string kind;                   // "commune", "people-committee", ...
};

class BodyRegistry {
 public:
  BodyRegistry() = default;
  explicit BodyRegistry(std::vector<Body> bodies);

  const std::vector<Body>& bodies() const { return bodies_; }
  bool empty() const { return bodies_.empty(); }
  const Body* find(const std::string& id) const;  // by id, without a scan

  // True when `ancestor` is above `id` (strictly) following parent links.
  bool is_under(const std::string& id, const std::string& ancestor) const;

  // `superior` directs `id`: it is above it by parent links, or it sits at
  // the top of the jurisdiction (no parent) and `id` is a body of the same
  // kind lower down. The second clause is how the directories record the
  // levels: UBND xã's parent is its xã, not UBND huyện, yet UBND huyện
  // directs it (cấp trên trực tiếp), as Huyện ủy directs Đảng ủy xã. It uses
  // only the data's kinds and parents, never a body's name.
  bool is_subordinate(const std::string& id, const std::string& superior) const;

  // The body holds the task's body itself or directs it.
  bool holds_or_is_above(const std::string& actor, const std::string& holder) const {
    return actor == holder || is_subordinate(holder, actor);
  }

  nlohmann::json to_json() const;
  // Refuses (bad_input) a list whose parents name unknown ids or form a loop.
  static Result<BodyRegistry> from_json(const nlohmann::json& json);

 private:
  std::vector<Body> bodies_;
  // Invariant: index_[id] is the position of body `id` in bodies_ (the
  // first, if from_json has not yet refused a repeated id).
  std::unordered_map<std::string, std::size_t> index_;
};

}  // namespace cvtrack::engine
