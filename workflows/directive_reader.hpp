// workflows/directive_reader.hpp
//
// The directive tree of a document's body: numbered items in every common
// style (1. 1- 1) I. II- a) (1) Điều 1., inline "(1) … (2) …"), bullets under
// a heading item, the rows of a task table ("| STT | Nội dung | Cơ quan chủ
// trì | …"), and unnumbered operative paragraphs after the list. Paragraphs
// that a page break cut mid-sentence are joined first.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "engine/document.hpp"
#include "workflows/text_source.hpp"

namespace cvtrack::workflows {

// A paragraph of the body: lines joined, with the line it starts on.
struct Paragraph {
  std::string text;
  int line = 0;
  int indent = 0;
};

// Joins the lines of [begin, end) into paragraphs. A blank line ends a
// paragraph unless a page break cut it: the last line did not end a sentence
// and the next starts in lower case ("người lao" / "động và ...").
std::vector<Paragraph> join_paragraphs(const SourceText& source, std::size_t begin, std::size_t end);

// A table row of a phụ lục, with its columns by meaning.
struct TableRow {
  std::string number;       // STT
  std::string content;      // Nội dung
  std::string lead;         // Cơ quan chủ trì
  std::string coordinate;   // Cơ quan phối hợp
  std::string deadline;     // Thời gian hoàn thành
  int line = 0;
};

struct DirectiveTree {
  std::vector<engine::Directive> directives;
  std::vector<TableRow> table_rows;  // rows also appear as "PL.<STT>" directives
  std::vector<std::string> operative_sections;  // numbers of sections that assign work
};

// Decides whether an unnumbered paragraph after the list assigns work of its
// own (a new directive) or only continues the item before it. Supplied by the
// task reader, which knows what a body and an operative sentence look like.
using OperativeTest = std::function<bool(const std::string& paragraph)>;

DirectiveTree read_directives(const std::vector<Paragraph>& paragraphs, const OperativeTest& operative);

}  // namespace cvtrack::workflows
