#include "cli/web/web_assets.hpp"

#include <vector>

#include "cli/web/embedded_files.hpp"

namespace cvtrack::cli {

namespace {

std::string_view content_type_of(std::string_view path) {
  if (path.ends_with(".html")) return "text/html; charset=utf-8";
  if (path.ends_with(".js")) return "text/javascript; charset=utf-8";
  if (path.ends_with(".css")) return "text/css; charset=utf-8";
  if (path.ends_with(".svg")) return "image/svg+xml";
  if (path.ends_with(".png")) return "image/png";
  return "application/octet-stream";
}

std::vector<WebAsset> build_table() {
  std::vector<WebAsset> table;
  for (const auto& file : embedded_web_files())
    table.push_back({file.path, content_type_of(file.path), file.bytes});
  return table;
}

}  // namespace

const WebAsset* find_web_asset(std::string_view path) {
  static const std::vector<WebAsset> table = build_table();
  if (auto query = path.find('?'); query != std::string_view::npos) path = path.substr(0, query);
  if (path == "/") path = "/index.html";
  for (const auto& asset : table)
    if (asset.path == path) return &asset;
  return nullptr;
}

}  // namespace cvtrack::cli
