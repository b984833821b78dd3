// workflows/docx_numbering.hpp
//
// Word's automatic list numbers (word/numbering.xml), which a .docx does not
// store in the text: "1.", "II-", "a)", "1.2." are computed from each list
// level's start, format and pattern as the paragraphs go by. cvtrack needs
// them written out because a directive's number is how the reader finds it.
// Covered: decimal (and zero-padded), upper/lower Roman, upper/lower letter,
// bullets (written "-"), start overrides; numbering given through a
// paragraph style is not.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "workflows/docx_xml.hpp"

namespace cvtrack::workflows::docx {

class Numbering {
 public:
  Numbering() = default;
  // REQUIRES: `numbering` is word/numbering.xml, parsed.
  explicit Numbering(const xmlDoc* numbering);

  // The label of the next paragraph of list `num_id` at `level` ("2.", "b)",
  // "-"), counting it; "" for an unknown list or level.
  std::string next_label(int num_id, int level);

 private:
  struct Level {
    int start = 1;
    std::string format = "decimal";
    std::string pattern;  // lvlText: "%1.", "%1.%2", "-"
  };
  struct List {
    std::vector<Level> levels;
    std::vector<int> counters;  // -1: not started
  };
  std::map<int, List> lists_;
};

}  // namespace cvtrack::workflows::docx
