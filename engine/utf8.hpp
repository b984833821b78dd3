// engine/utf8.hpp
//
// Whether bytes are well-formed UTF-8, as nlohmann's dump() and parse()
// require of every string: the task view's own writer and reader
// (task_view_text.hpp, task_view_parse.hpp) refuse the same text they do.
#pragma once

#include <string_view>

namespace cvtrack::engine {

// Shortest forms only, no surrogates, nothing above U+10FFFF.
bool is_valid_utf8(std::string_view text);

}  // namespace cvtrack::engine
