// workflows/header_reader.hpp
//
// The parts of a document around its directives: the header (issuer and the
// body above it, number and symbol, place and date, kind, subject, urgency),
// the Kính gửi list, and at the end the Nơi nhận list and the signature. Both
// families are read: party documents (HD 36-HD/VPTW: "Số 288-CV/HU", "T/M")
// and state documents (NĐ 30/2020: "Số: 123/UBND-VP", "TM."), also when the
// conversion flattened the two header columns onto shared lines.
#pragma once

#include <cstddef>
#include <vector>

#include "engine/document.hpp"
#include "workflows/text_source.hpp"

namespace cvtrack::workflows {

struct DocumentFrame {
  engine::DocumentHeader header;
  std::vector<engine::Warning> warnings;
  // Indices into SourceText::lines: the directives lie in [body_begin, body_end).
  std::size_t body_begin = 0;
  std::size_t body_end = 0;
  // Index of the line holding the document's own number (not a reference).
  std::optional<std::size_t> number_line;
};

DocumentFrame read_frame(const SourceText& source);

// Kind of document from a symbol: "288-CV/HU" -> "công văn", "215/QĐ-UBND" ->
// "quyết định", "2983/UBND-VP" -> "công văn" (a state công văn has no type).
std::optional<std::string> kind_from_symbol(std::string_view number_and_symbol);
// Kind from a title word: "CÔNG ĐIỆN KHẨN" -> "công điện".
std::optional<std::string> kind_from_title(std::string_view title);

}  // namespace cvtrack::workflows
