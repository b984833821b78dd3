// workflows/vietnamese_syllables.hpp
//
// Whether a word is a well-formed Vietnamese syllable, and how much of a text
// reads as Vietnamese. The legacy-encoding detector (text_decoding.hpp) scores
// each candidate decoding with this: the right table gives real syllables
// ("Tiếng Việt"), a wrong one gives letters in impossible places ("TiÕng",
// "Vieọt", "nh©n").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cvtrack::workflows {

// True when `word` (UTF-8, one word of letters, any case, NFC or NFD) is an
// initial consonant, a vowel cluster Vietnamese writes, a final consonant,
// and at most one tone mark — and a stop final (c, ch, p, t) carries sắc or
// nặng. "nghiêng", "Uỷ", "quốc", "gì" are; "Vieọt", "ủaùi", "tiơng" are not.
bool is_vietnamese_syllable(std::string_view word);

struct VietnameseScore {
  int scored = 0;  // words with a letter beyond ASCII (other than đ alone)
  int valid = 0;   // of those, the Vietnamese syllables
  std::size_t first_invalid = std::string::npos;  // byte offset of the first word that is not
  std::string first_invalid_word;

  // REQUIRES: scored > 0
  double ratio() const { return double(valid) / double(scored); }
};

// Splits `utf8` into words at white space and punctuation and scores the
// words that have a non-ASCII letter. A word with a symbol stuck to its
// letters ("nh©n", "Uû") counts as not Vietnamese. ASCII words (numbers,
// acronyms, "Covid") and acronyms whose only such letter is đ ("HĐND",
// "BCĐ") are left out: every decoding reads them alike.
VietnameseScore score_vietnamese_text(std::string_view utf8);

}  // namespace cvtrack::workflows
