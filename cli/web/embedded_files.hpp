// cli/web/embedded_files.hpp
//
// What embed_assets.cmake generates: every file of cli/web/ that the board
// serves, by file name, as bytes. Only web_assets.cpp reads this.
#pragma once

#include <span>
#include <string_view>

namespace cvtrack::cli {

struct EmbeddedFile {
  std::string_view path;   // "/board.js"
  std::string_view bytes;
};

std::span<const EmbeddedFile> embedded_web_files();

}  // namespace cvtrack::cli
