// workflows/body_phrases.hpp
//
// Reading the names of bodies out of a sentence: where a list of bodies
// starts, where it ends (at the verb: "UBND huyện chủ trì …"), and how it
// splits into bodies ("A, B và C"; "Đảng ủy - UBND các xã, thị trấn" ->
// "Đảng ủy các xã, thị trấn", "UBND các xã, thị trấn"), keeping collective
// phrases whole ("các cơ quan, đơn vị").
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "workflows/phrase_search.hpp"

namespace cvtrack::workflows {

// Does a body's name start at `pos` ("UBND", "Sở Y tế", "các địa phương",
// "Bí thư", "đồng chí …")?
bool body_starts_at(const PhraseText& text, std::size_t pos);

struct BodyList {
  std::size_t begin = 0, end = 0;   // the list in the text
  std::vector<std::string> names;   // split, as written
  bool ended_at_verb = false;       // a verb (not punctuation) ended it
};

// Reads the list of bodies that starts at `pos`; nullopt when no body
// starts there.
std::optional<BodyList> read_body_list(const PhraseText& text, std::size_t pos);

// Splits a list of bodies into bodies.
std::vector<std::string> split_body_list(std::string_view list);

// Position of the next word after `pos` (skipping spaces and commas).
std::size_t skip_separators(const PhraseText& text, std::size_t pos);

}  // namespace cvtrack::workflows
