// workflows/reference_reader.hpp
//
// The documents a text cites: "Kết luận số 125-KL/TU, ngày 05/9/2021",
// "Nghị quyết 68/NQ-CP ngày 01/7/2021", "Chỉ thị 15/CT-TTg",
// "Nghị định số 118/2025/NĐ-CP". A number and symbol with a date right after
// it carries that date; dates of cited documents are never deadlines.
#pragma once

#include <string_view>
#include <vector>

#include "engine/document.hpp"

namespace cvtrack::workflows {

struct ReferenceMention {
  engine::Reference reference;
  std::size_t begin = 0, end = 0;  // the number and its date, in the text
};

// References in one piece of text, in order.
std::vector<ReferenceMention> find_references(std::string_view text);

}  // namespace cvtrack::workflows
