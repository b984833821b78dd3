#include "cli/commands/directory_bridge.hpp"

namespace cvtrack::cli {

engine::BodyRegistry to_registry(const workflows::BodyDirectory& directory) {
  std::vector<engine::Body> bodies;
  for (const auto& b : directory.bodies()) bodies.push_back({b.id, b.name, b.parent, b.kind});
  return engine::BodyRegistry(std::move(bodies));
}

engine::Result<std::optional<workflows::BodyDirectory>> recorded_directory(const engine::CommandService& service) {
  auto original = service.directory_original();
  if (!original) return original.error();
  if (original->is_null()) return std::optional<workflows::BodyDirectory>{};
  auto directory = workflows::BodyDirectory::from_json(original->dump(), "the directory recorded by `cvtrack init`");
  if (!directory) return directory.error();
  return std::optional<workflows::BodyDirectory>(std::move(*directory));
}

}  // namespace cvtrack::cli
