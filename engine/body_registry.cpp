#include "engine/body_registry.hpp"

#include <set>

namespace cvtrack::engine {

BodyRegistry::BodyRegistry(std::vector<Body> bodies) : bodies_(std::move(bodies)) {
  index_.reserve(bodies_.size());
  for (std::size_t i = 0; i < bodies_.size(); ++i) index_.try_emplace(bodies_[i].id, i);
}

const Body* BodyRegistry::find(const std::string& id) const {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &bodies_[it->second];
}

bool BodyRegistry::is_under(const std::string& id, const std::string& ancestor) const {
  const Body* body = find(id);
  // Invariant (from_json): parent links form no loop, so this terminates.
  while (body && body->parent) {
    if (*body->parent == ancestor) return true;
    body = find(*body->parent);
  }
  return false;
}

bool BodyRegistry::is_subordinate(const std::string& id, const std::string& superior) const {
  if (is_under(id, superior)) return true;
  const Body* body = find(id);
  const Body* top = find(superior);
  return body && top && id != superior && !top->parent && body->parent && !top->kind.empty() &&
         body->kind == top->kind;
}

nlohmann::json BodyRegistry::to_json() const {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& b : bodies_)
    list.push_back({{"id", b.id},
                    {"name", b.name},
                    {"parent", b.parent ? nlohmann::json(*b.parent) : nlohmann::json(nullptr)},
                    {"kind", b.kind}});
  return list;
}

Result<BodyRegistry> BodyRegistry::from_json(const nlohmann::json& json) {
  if (!json.is_array()) return make_error(ErrorCode::bad_input, "bodies: expected a list");
  std::vector<Body> bodies;
  std::set<std::string> ids;
  for (const auto& item : json) {
    if (!item.is_object() || !item.contains("id") || !item["id"].is_string())
      return make_error(ErrorCode::bad_input, "bodies: every entry needs a string \"id\"");
    Body b;
    b.id = item["id"].get<std::string>();
    b.name = item.value("name", b.id);
    if (item.contains("parent") && item["parent"].is_string()) b.parent = item["parent"].get<std::string>();
    b.kind = item.value("kind", "");
    if (!ids.insert(b.id).second)
      return make_error(ErrorCode::bad_input, "bodies: id \"" + b.id + "\" appears twice");
    bodies.push_back(std::move(b));
  }
  BodyRegistry registry(std::move(bodies));
  for (const auto& b : registry.bodies_) {
    if (b.parent && !ids.count(*b.parent))
      return make_error(ErrorCode::bad_input,
                        "bodies: \"" + b.id + "\" has unknown parent \"" + *b.parent + "\"");
    std::set<std::string> seen{b.id};
    for (const Body* p = b.parent ? registry.find(*b.parent) : nullptr; p;
         p = p->parent ? registry.find(*p->parent) : nullptr)
      if (!seen.insert(p->id).second)
        return make_error(ErrorCode::bad_input, "bodies: \"" + b.id + "\" is its own ancestor");
  }
  return registry;
}

}  // namespace cvtrack::engine
