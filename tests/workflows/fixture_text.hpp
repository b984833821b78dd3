// tests/workflows/fixture_text.hpp
//
// The text of every document in tests/fixtures, for the tests that check a
// scanner or a table against what it replaced on real lines.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace cvtrack::test {

// Every line of every .txt fixture.
inline std::vector<std::string> fixture_lines() {
  std::vector<std::string> lines;
  for (const auto& entry : std::filesystem::directory_iterator(CVTRACK_FIXTURES_DIR)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line);) lines.push_back(line);
  }
  return lines;
}

// Every line, and every paragraph (the lines up to a blank one, joined with
// their newlines): phrases that run over a line break are in the latter.
inline std::vector<std::string> fixture_lines_and_paragraphs() {
  std::vector<std::string> texts;
  for (const auto& entry : std::filesystem::directory_iterator(CVTRACK_FIXTURES_DIR)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    std::string line, paragraph;
    while (std::getline(in, line)) {
      texts.push_back(line);
      if (line.find_first_not_of(" \t\r") == std::string::npos) {
        texts.push_back(paragraph);
        paragraph.clear();
      } else {
        paragraph += line + "\n";
      }
    }
    texts.push_back(paragraph);
  }
  return texts;
}

}  // namespace cvtrack::test
