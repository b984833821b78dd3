#include "workflows/code_point_traits.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include <array>

namespace cvtrack::workflows {

namespace {

bool is_tone_mark(UChar32 c) {
  return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
}

// Does ICU's full mapping of c alone (folding, or lower-casing in "vi") give
// exactly the one code point `expected`?
bool full_mapping_is(UChar32 c, UChar32 expected, bool folding) {
  UChar source[2], mapped[8];
  int32_t length = 0;
  UBool error = false;
  U16_APPEND(source, length, 2, c, error);
  if (error) return false;
  UErrorCode status = U_ZERO_ERROR;
  const int32_t n = folding ? u_strFoldCase(mapped, 8, source, length, U_FOLD_CASE_DEFAULT, &status)
                            : u_strToLower(mapped, 8, source, length, "vi", &status);
  if (U_FAILURE(status) || n != U16_LENGTH(expected)) return false;
  UChar32 got;
  U16_GET(mapped, 0, 0, n, got);
  return got == expected;
}

}  // namespace

CodePointTraits traits_from_icu(std::int32_t c) {
  CodePointTraits traits;
  traits.lower = c;
  traits.folded = c;
  if (c < 0) return traits;
  traits.lower = u_tolower(c);
  traits.letter = u_isalpha(c);
  traits.lower_letter = u_islower(c);
  traits.word_char = c > 0 && (u_isalnum(c) || u_getCombiningClass(c) != 0);
  traits.nfc_stable = u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES && u_getCombiningClass(c) == 0;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2& nfd = *icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString parts;
  const bool decomposes = U_SUCCESS(status) && nfd.getDecomposition(c, parts);
  const UChar32 base = decomposes ? parts.char32At(0) : c;
  traits.letter_base = u_isalpha(base);
  if (decomposes && parts.length() >= 2) {
    const UChar32 lower = u_tolower(base);
    traits.toned_aey =
        (lower == 'a' || lower == 'e' || lower == 'y') && is_tone_mark(parts.char32At(U16_LENGTH(base)));
  }
  traits.folded = u_foldCase(c, U_FOLD_CASE_DEFAULT);
  // A code point no case mapping or folding changes maps to itself (ß, which
  // folds to "ss", has the property): ICU's full mappings are asked only of
  // the others, which keeps building the table cheap. Σ lower-cases to ς at
  // the end of a word: only ICU sees the word.
  const bool changes = u_hasBinaryProperty(c, UCHAR_CHANGES_WHEN_CASEMAPPED) ||
                       u_hasBinaryProperty(c, UCHAR_CHANGES_WHEN_CASEFOLDED);
  traits.simple_case = (c < 0xD800 || c > 0xDFFF) && c != 0x03A3 &&
                       (changes ? full_mapping_is(c, traits.folded, true) && full_mapping_is(c, traits.lower, false)
                                : traits.folded == c && traits.lower == c);
  return traits;
}

namespace detail {

const CodePointTraits* traits_table() {
  static const auto table = [] {
    std::array<CodePointTraits, kTableEnd> t{};
    for (std::int32_t k = 0; k < kTableEnd; ++k) t[std::size_t(k)] = traits_from_icu(k);
    return t;
  }();
  return table.data();
}

}  // namespace detail

}  // namespace cvtrack::workflows
