#include "workflows/code_point_traits.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <array>

namespace cvtrack::workflows {

namespace {

bool is_tone_mark(UChar32 c) {
  return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
}

}  // namespace

CodePointTraits traits_from_icu(std::int32_t c) {
  CodePointTraits traits;
  traits.lower = c;
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
