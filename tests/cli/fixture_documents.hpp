// tests/cli/fixture_documents.hpp
//
// Every real document of tests/fixtures, read by the reader and ready to
// register (CommandService::register_documents): for the tests that run
// the engine over all of them.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "engine/command_service.hpp"
#include "workflows/document_reader.hpp"

namespace cvtrack::test {

inline std::vector<engine::CommandService::Incoming> fixture_documents() {
  std::vector<engine::CommandService::Incoming> documents;
  for (const auto& entry : std::filesystem::directory_iterator(CVTRACK_FIXTURES_DIR)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    auto parsed = workflows::read_document_text(text.str(), entry.path().filename().string());
    INFO(entry.path());
    REQUIRE(parsed);
    documents.push_back({std::move(*parsed), text.str(), entry.path().filename().string()});
  }
  REQUIRE(documents.size() >= 13);
  return documents;
}

}  // namespace cvtrack::test
