// workflows/directive_vocabulary.hpp
//
// The words Vietnamese directives use to name bodies and to give them work,
// as tables (not if-chains) so a rule reads as data: what opens the name of a
// body, which verbs end it, which collective phrases are one body ("các cơ
// quan, đơn vị"), which words ask someone to act. All entries are lower case
// with canonical tone placement (see phrase_search.hpp).
#pragma once

#include <string_view>
#include <vector>

#include "workflows/phrase_search.hpp"

namespace cvtrack::workflows::vocabulary {

// Words that open a body's name: "UBND", "Sở", "Văn phòng", "Bí thư", ...
// `needs_capital_next`: "Ban", "Phòng", "Sở", "Tổ" are bodies only when a
// capitalised name follows ("Phòng Văn hóa" vs "phòng, chống").
struct BodyHead {
  std::string_view words;
  bool needs_capital_next;
};
const std::vector<BodyHead>& body_heads();
// Their words, in the same order, to ask which heads can start at a position.
const PhraseList& body_head_words();

// Nouns that make "các X" / "mỗi X" a body ("các địa phương", "mỗi cơ quan").
const PhraseList& collective_nouns();

// Lists that name one collective body and are not split at their commas.
const PhraseList& collective_phrases();

// Administrative levels: after a comma they continue a list of places
// ("các xã, thị trấn", "các huyện, thành phố").
const PhraseList& level_words();

// Verbs and connectives that end a body's name in subject position.
const PhraseList& subject_terminators();

// Clause openers that come before the subject ("Nhận được Công điện này, …").
const PhraseList& leading_adverbials();

// Words that ask the named bodies to act: "yêu cầu", "đề nghị", "giao".
const PhraseList& request_verbs();

}  // namespace cvtrack::workflows::vocabulary
