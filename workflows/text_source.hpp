// workflows/text_source.hpp
//
// The edge where a document's bytes become text cvtrack trusts: refused with
// a message naming the file (and byte or line) when it is missing, empty,
// binary, too long or not UTF-8; otherwise a BOM is dropped, CRLF becomes LF,
// everything is NFC, and each line keeps its 1-based number together with a
// cleaned form in which the markdown marks of the conversion (`**`, `*`, lone
// `*` lines) are read through.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "engine/result.hpp"

namespace cvtrack::workflows {

struct SourceLine {
  int number = 0;       // 1-based
  std::string raw;      // NFC, as in the file (without the line end)
  std::string text;     // markdown marks removed, white space trimmed
  int indent = 0;       // leading spaces in raw (tabs count 4)
};

struct SourceText {
  std::string name;     // what messages call it (the path as given)
  std::vector<SourceLine> lines;
};

engine::Result<std::string> read_file_bytes(const std::filesystem::path& path, std::size_t max_bytes);

// REQUIRES: nothing; every kind of bad input is an Error.
engine::Result<SourceText> make_source_text(std::string_view bytes, std::string_view name,
                                            std::size_t max_bytes);

// Removes markdown emphasis marks and trims: "**HUYỆN ỦY**" -> "HUYỆN ỦY",
// "*V/v tăng cường*" -> "V/v tăng cường", "- Kính gửi:*" -> "- Kính gửi:".
std::string strip_markdown(std::string_view line);

std::string trim(std::string_view text);

// The cells of a line that a conversion flattened from two columns ("HUYỆN ỦY
// X      ĐẢNG CỘNG SẢN VIỆT NAM"): split at tabs and runs of 3+ spaces, each
// cell read through strip_markdown(), empty cells dropped.
std::vector<std::string> split_columns(const std::string& raw);

}  // namespace cvtrack::workflows
