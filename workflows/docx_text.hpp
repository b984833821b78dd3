// workflows/docx_text.hpp
//
// A Word .docx — the format directives circulate in — as the text layout the
// reader knows from the text exports of tests/fixtures: each paragraph (w:p)
// on its own, a blank line between paragraphs; a line break (w:br) a new
// line, a tab (w:tab) a tab; text deleted in tracked changes (w:del) left
// out, inserted text (w:ins) kept; automatic list numbers written out
// ("1.", "a)", "-") as the text exports show them. Tables:
//
// - a layout table of one or two columns (the header's issuer | motto, the
//   closing's Nơi nhận | signature) gives its cells one after the other, row
//   by row, each cell's paragraphs as paragraphs — as the exports lay it out;
// - a table of three columns or more (a task table: STT | Nội dung | Cơ quan
//   chủ trì | …) gives one "| a | b | c |" line per row, the header row
//   followed by "|---|…|", which the directive reader reads as task rows.
//
// The zip (libzip) and the XML (libxml2) are untrusted: a broken zip, a part
// that unpacks past the limit (a zip bomb), malformed XML or a DTD is refused
// with a message naming the file and the part.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "engine/result.hpp"

namespace cvtrack::workflows {

struct DocxLimits {
  // The most a part (word/document.xml, word/numbering.xml) may unpack to.
  std::size_t max_part_bytes = 64 * 1024 * 1024;
};

// A zip archive's first bytes ("PK\3\4"): a .docx, or some other zip.
bool looks_like_zip(std::string_view bytes);

// The text of the .docx in `bytes`, UTF-8 (not yet NFC). `name` names the
// file in messages.
engine::Result<std::string> docx_to_text(std::string_view bytes, std::string_view name,
                                         const DocxLimits& limits = {});

}  // namespace cvtrack::workflows
