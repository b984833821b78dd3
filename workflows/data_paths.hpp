// workflows/data_paths.hpp
//
// Where the data cvtrack reads by default lives: body directories, holiday
// calendars and the bundled sample documents, all under workflows/data in the
// source tree. CVTRACK_DATA_DIR overrides it (an installed cvtrack, or tests).
#pragma once

#include <filesystem>

namespace cvtrack::workflows {

std::filesystem::path data_dir();

}  // namespace cvtrack::workflows
