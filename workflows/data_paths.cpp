#include "workflows/data_paths.hpp"

#include <cstdlib>

namespace cvtrack::workflows {

std::filesystem::path data_dir() {
  if (const char* env = std::getenv("CVTRACK_DATA_DIR"); env && *env) return env;
  return CVTRACK_SOURCE_DATA_DIR;
}

}  // namespace cvtrack::workflows
