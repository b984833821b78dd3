// workflows/document_input.hpp
//
// Where a document enters cvtrack — a file given to `parse` or `ingest`, or a
// body uploaded to the server — and becomes the UTF-8 NFC text the reader
// takes: a Word .docx is unpacked (docx_text.hpp); text in UTF-8, UTF-16,
// Windows-1258, TCVN3 or VNI is detected and converted (text_decoding.hpp).
// A Word 97–2003 .doc and a PDF are refused with a message saying what to
// save them as.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "engine/result.hpp"

namespace cvtrack::workflows {

struct DocumentInput {
  std::string text;    // UTF-8, NFC, LF line ends
  std::string format;  // "UTF-8", "TCVN3 (ABC)", "Word .docx", …
  bool converted = false;  // anything but plain UTF-8: worth telling the user

  // "read as TCVN3 (ABC)": what callers print (on standard error) when
  // `converted`.
  std::string note() const { return "read as " + format; }
};

// `max_bytes` bounds a text document's bytes; a .docx may be up to eight
// times that (its pictures), its text again at most `max_bytes`.
engine::Result<DocumentInput> document_input_from_bytes(std::string_view bytes, std::string_view name,
                                                        std::size_t max_bytes);

// The same for a file: missing, a directory, unreadable or too big are
// Errors naming the path.
engine::Result<DocumentInput> read_document_input(const std::filesystem::path& path, std::size_t max_bytes);

}  // namespace cvtrack::workflows
