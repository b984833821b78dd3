// cli/serve/directory_cache.hpp
//
// The body directory as the server last saw it recorded: the names a
// registered document is resolved with, and the hierarchy access decisions
// follow. Read by every request, replaced (not edited) when a new
// directory is recorded, so readers never lock against each other.
#pragma once

#include <memory>
#include <mutex>
#include <optional>

#include "engine/body_registry.hpp"
#include "engine/command_service.hpp"
#include "workflows/body_directory.hpp"

namespace cvtrack::serve {

struct Directories {
  std::optional<workflows::BodyDirectory> directory;  // null: none recorded
  engine::BodyRegistry registry;
};

class DirectoryCache {
 public:
  std::shared_ptr<const Directories> get() const;
  // Reads the newest recorded directory through `service`.
  engine::Status reload(const engine::CommandService& service);

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const Directories> current_ = std::make_shared<Directories>();
};

}  // namespace cvtrack::serve
