#include "cli/serve/static_files.hpp"

#include "cli/web/web_assets.hpp"

namespace cvtrack::serve {

Response static_file(const Request& request, bool keep_alive) {
  std::string_view target(request.target().data(), request.target().size());
  target = target.substr(0, target.find('?'));
  const auto* asset = cli::find_web_asset(target);
  if (!asset)
    return error_response(http::status::not_found, "not_found", "no such page: " + std::string(target),
                          request.version(), keep_alive);
  if (request.method() != http::verb::get && request.method() != http::verb::head)
    return error_response(http::status::method_not_allowed, "method_not_allowed",
                          "the board's files are read with GET", request.version(), keep_alive);
  Response res{http::status::ok, request.version()};
  res.set(http::field::server, "cvtrack");
  res.set(http::field::content_type, std::string(asset->content_type));
  res.set(http::field::cache_control, "no-cache");
  res.set("X-Content-Type-Options", "nosniff");
  res.set("Content-Security-Policy", "default-src 'self'; connect-src 'self'; img-src 'self' data:");
  res.keep_alive(keep_alive);
  if (request.method() == http::verb::get) res.body() = std::string(asset->body);
  res.prepare_payload();
  if (request.method() == http::verb::head) res.content_length(asset->body.size());
  return res;
}

}  // namespace cvtrack::serve
