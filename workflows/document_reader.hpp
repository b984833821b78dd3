// workflows/document_reader.hpp
//
// Reads one directive document (UTF-8 text converted from the original) into
// a ParsedDocument: the header, the directive tree, the tasks of every
// directive and the documents it cites. What the reader cannot find is null
// plus a warning with its line, never a guess.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string_view>

#include "engine/document.hpp"
#include "engine/result.hpp"

namespace cvtrack::workflows {

class WorkingDayCalendar;

struct ReadOptions {
  // Counts "05 ngày làm việc" deadlines; null: the bundled calendar.
  const WorkingDayCalendar* calendar = nullptr;
  // "trước ngày X": false (default) = due by the end of X; true = by the end
  // of the day before X. See README.md#deadlines.
  bool before_means_day_before = false;
  // Documents longer than this are refused (bytes).
  std::size_t max_bytes = 4 * 1024 * 1024;
};

// Reads a text file in any encoding, or a .docx (document_input.hpp). Bad
// input (missing or unreadable file, empty, binary, an encoding that cannot
// be told, a broken .docx, too long) is an Error whose message starts
// "FILE: " or "FILE:LINE: ".
engine::Result<engine::ParsedDocument> read_document_file(const std::filesystem::path& path,
                                                          const ReadOptions& options = {});

// `bytes` must be UTF-8 (a BOM and CRLF are fine); `source_name` names the
// text in messages.
engine::Result<engine::ParsedDocument> read_document_text(std::string_view bytes,
                                                          std::string_view source_name,
                                                          const ReadOptions& options = {});

// The readable summary `cvtrack parse` prints without --json.
void print_summary(const engine::ParsedDocument& parsed, std::ostream& out);

}  // namespace cvtrack::workflows
