// workflows/code_point_traits.hpp
//
// What the reader asks of a single code point — its lower case, whether it is
// a letter, a lower-case letter, part of a word, NFC-stable, a toned a/e/y —
// answered by ICU. Below U+2000 (ASCII, Latin and every precomposed
// Vietnamese letter up to U+1EF9) the answers come from a table built from
// ICU once; above it ICU is asked each time. Asking ICU per code point, or
// converting a phrase to UTF-16 to ask, was a large share of reading a
// document.
#pragma once

#include <cstdint>

namespace cvtrack::workflows {

struct CodePointTraits {
  std::int32_t lower = 0;     // u_tolower(); ill-formed (negative) stays as is
  bool letter = false;        // u_isalpha()
  bool lower_letter = false;  // u_islower()
  bool word_char = false;     // u_isalnum() or a combining mark: inside a word
  bool nfc_stable = false;    // NFC quick check "yes" and combining class 0
  // Its canonical decomposition is a, e or y (either case) with a tone mark
  // first ("à", "ẻ", "ỷ", "ặ"): the vowel whose tone canonical_tone() moves.
  bool toned_aey = false;
  bool letter_base = false;   // the first code point of its decomposition is a letter
  std::int32_t folded = 0;    // u_foldCase(c, U_FOLD_CASE_DEFAULT)
  // Full case folding of c alone is the one code point `folded`, and full
  // lower-casing (root, as for "vi") is the one code point `lower`, neither
  // depending on the letters around it (Σ's does): text made of such code
  // points folds and lower-cases one code point at a time, as ICU would.
  bool simple_case = false;
};

// The traits from ICU directly: what the table holds.
CodePointTraits traits_from_icu(std::int32_t c);

namespace detail {
// Latin, Vietnamese and the general punctuation documents use (quotes,
// dashes, the ellipsis, bullets).
constexpr std::int32_t kTableEnd = 0x2070;
// traits_from_icu() of every code point below kTableEnd, built on first use.
const CodePointTraits* traits_table();
}  // namespace detail

// `c` may be negative (an ill-formed sequence from U8_NEXT): no traits then.
// Inline: the reader asks for every code point of every phrase it reads.
inline CodePointTraits traits_of(std::int32_t c) {
  static const CodePointTraits* const table = detail::traits_table();
  return c >= 0 && c < detail::kTableEnd ? table[c] : traits_from_icu(c);
}

}  // namespace cvtrack::workflows
