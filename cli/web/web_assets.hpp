// cli/web/web_assets.hpp
//
// The web board's files (cli/web/*.html, *.js, *.css), compiled into the
// program so `cvtrack serve` works from the binary alone, offline. The server
// answers GET of an asset's path with its body and content type.
#pragma once

#include <string_view>

namespace cvtrack::cli {

struct WebAsset {
  std::string_view path;          // "/index.html", "/board.js"
  std::string_view content_type;  // with "; charset=utf-8" for text
  std::string_view body;          // static storage: valid for the program's life
};

// The asset served at `path` ("/" is index.html), or nullptr. Ignores a query
// string ("/board.js?v=2"). Never throws; safe from any thread.
const WebAsset* find_web_asset(std::string_view path);

}  // namespace cvtrack::cli
