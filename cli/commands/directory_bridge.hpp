// cli/commands/directory_bridge.hpp
//
// The workflows directory (names, aliases, groups: what reading a document
// needs) and the engine's BodyRegistry (ids, parents, kinds: what deciding
// who may act needs). init records both in the log; ingest gets the
// directory back from there, so every document is read with the directory
// the secretariat loaded, not whatever file is at hand later.
#pragma once

#include <optional>
#include <string>

#include "engine/body_registry.hpp"
#include "engine/command_service.hpp"
#include "workflows/body_directory.hpp"

namespace cvtrack::cli {

engine::BodyRegistry to_registry(const workflows::BodyDirectory& directory);

// The directory recorded by the newest `init --directory`; nullopt when
// none was ever loaded.
engine::Result<std::optional<workflows::BodyDirectory>> recorded_directory(const engine::CommandService& service);

}  // namespace cvtrack::cli
