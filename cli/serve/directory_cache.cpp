#include "cli/serve/directory_cache.hpp"

#include "cli/commands/directory_bridge.hpp"

namespace cvtrack::serve {

std::shared_ptr<const Directories> DirectoryCache::get() const {
  std::lock_guard lock(mutex_);
  return current_;
}

engine::Status DirectoryCache::reload(const engine::CommandService& service) {
  auto directory = cli::recorded_directory(service);
  if (!directory) return directory.error();
  auto registry = service.bodies();
  if (!registry) return registry.error();
  auto next = std::make_shared<Directories>(Directories{std::move(*directory), std::move(*registry)});
  std::lock_guard lock(mutex_);
  current_ = std::move(next);
  return engine::Ok{};
}

}  // namespace cvtrack::serve
