#include "cli/web/web_assets.hpp"

#include <regex>
#include <set>
#include <string>

#include <doctest/doctest.h>

using cvtrack::cli::find_web_asset;

namespace {

// Every "/x" a page or module asks for: <script src>, <link href>, and the
// ES module imports ("from './x.js'").
std::set<std::string> references_in(std::string_view body) {
  static const std::regex attribute(R"re((?:src|href)="(/[^"#?]+)")re");
  static const std::regex import(R"re(from '\./([^']+)')re");
  std::set<std::string> found;
  std::string text(body);
  for (std::sregex_iterator it(text.begin(), text.end(), attribute), end; it != end; ++it) found.insert((*it)[1]);
  for (std::sregex_iterator it(text.begin(), text.end(), import), end; it != end; ++it) found.insert("/" + (*it)[1].str());
  return found;
}

}  // namespace

TEST_SUITE("cli/web_assets") {
  TEST_CASE("the board's page is served at / and at /index.html, as UTF-8 HTML") {
    const auto* root = find_web_asset("/");
    REQUIRE(root != nullptr);
    CHECK(root == find_web_asset("/index.html"));
    CHECK(root->content_type == "text/html; charset=utf-8");
    CHECK(root->body.starts_with("<!doctype html>"));
    CHECK(root->body.find("lang=\"vi\"") != std::string_view::npos);
    CHECK(root->body.find("Đăng nhập") != std::string_view::npos);  // the bytes are UTF-8, unchanged
  }

  TEST_CASE("scripts and styles carry their content types, a query string is ignored") {
    const auto* script = find_web_asset("/board.js?v=2");
    REQUIRE(script != nullptr);
    CHECK(script->path == "/board.js");
    CHECK(script->content_type == "text/javascript; charset=utf-8");
    const auto* style = find_web_asset("/board.css");
    REQUIRE(style != nullptr);
    CHECK(style->content_type == "text/css; charset=utf-8");
    CHECK_FALSE(style->body.empty());
  }

  TEST_CASE("every file the page and its modules load is compiled in") {
    std::set<std::string> checked;
    std::set<std::string> pending{"/index.html"};
    while (!pending.empty()) {
      std::string path = *pending.begin();
      pending.erase(pending.begin());
      if (!checked.insert(path).second) continue;
      const auto* asset = find_web_asset(path);
      INFO("referenced file: " << path);
      REQUIRE(asset != nullptr);
      for (const auto& next : references_in(asset->body))
        if (!checked.count(next)) pending.insert(next);
    }
    CHECK(checked.count("/board.js"));
    CHECK(checked.count("/unit_view.js"));
    CHECK(checked.count("/supervisor_view.js"));
  }

  TEST_CASE("unknown paths and paths outside the board are not found") {
    CHECK(find_web_asset("/nope.js") == nullptr);
    CHECK(find_web_asset("") == nullptr);
    CHECK(find_web_asset("board.js") == nullptr);
    CHECK(find_web_asset("/../board.js") == nullptr);
    CHECK(find_web_asset("/embed_assets.cmake") == nullptr);
    CHECK(find_web_asset("/CMakeLists.txt") == nullptr);
  }
}
