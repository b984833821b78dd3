// workflows/item_markers.hpp
//
// The marks that open a numbered item or a bullet: "I." "II-" (sections),
// "Điều 1." (articles), "1." "1-" "1)" "1.2." (numbers), "a)" (letters),
// "(1)" (parenthesised numbers), "-" "+" "•" (bullets).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cvtrack::workflows {

enum class MarkerStyle { section, article, number, sub_number, letter, paren, dash, plus, dot };

struct ItemMarker {
  MarkerStyle style;
  std::string label;     // "II", "1", "1.2", "a", "3"; empty for bullets
  std::size_t length;    // bytes of the mark, including the space after it
};

std::optional<ItemMarker> marker_at_start(std::string_view paragraph);

bool is_bullet_style(MarkerStyle style);

// Inline enumerations inside one paragraph: "… nhiệm vụ: (1) …; (2) …; (3) …"
// or "a) … b) …". Returns the paragraph split at the marks (the text before
// the first mark first), or an empty vector when there is no run of at least
// two consecutive marks.
struct InlineItem {
  std::string label;
  std::string text;
};
struct InlineSplit {
  std::string lead;
  MarkerStyle style = MarkerStyle::paren;
  std::vector<InlineItem> items;
};
std::optional<InlineSplit> split_inline_items(std::string_view paragraph);

}  // namespace cvtrack::workflows
