#include "workflows/vietnamese_text.hpp"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <vector>

#include "workflows/code_point_traits.hpp"

namespace cvtrack::workflows {

namespace {

icu::UnicodeString from_utf8(std::string_view text) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), int32_t(text.size())));
}

std::string to_utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

// Built once: constructing a Locale parses its name, on every call it was made.
const icu::Locale& vietnamese() {
  static const icu::Locale locale("vi");
  return locale;
}

// fold()'s and to_lower()'s mapping one code point at a time from the traits
// table (ASCII by arithmetic), for valid UTF-8 whose every code point allows
// it (CodePointTraits::simple_case); nullopt sends the text to ICU. Going
// through UTF-16 for each name was most of what name_key() cost.
std::optional<std::string> map_simple_case(std::string_view text, bool folding) {
  std::string out;
  out.reserve(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = int32_t(text.size());
  for (int32_t i = 0; i < n;) {
    if (bytes[i] < 0x80) {
      const char c = char(bytes[i++]);
      out.push_back(c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c);
      continue;
    }
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    if (c < 0) return std::nullopt;
    const CodePointTraits t = traits_of(c);
    if (!t.simple_case) return std::nullopt;
    char buffer[4];
    int32_t length = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, 4, folding ? t.folded : t.lower, error);
    if (error) return std::nullopt;
    out.append(buffer, std::size_t(length));
  }
  return out;
}

const icu::Normalizer2& nfc() {
  UErrorCode status = U_ZERO_ERROR;
  return *icu::Normalizer2::getNFCInstance(status);
}

const icu::Normalizer2& nfd() {
  UErrorCode status = U_ZERO_ERROR;
  return *icu::Normalizer2::getNFDInstance(status);
}

bool is_tone_mark(UChar32 c) {
  return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
}

// A decomposed letter: its base and the combining marks that follow it.
struct Letter {
  UChar32 base;
  std::vector<UChar32> marks;
};

void fix_syllable(std::vector<Letter>& word) {
  const std::size_t n = word.size();
  if (n < 2) return;
  auto base = [&](std::size_t i) { return u_tolower(word[i].base); };
  UChar32 a = base(n - 2), b = base(n - 1);
  bool cluster = (a == 'o' && (b == 'a' || b == 'e')) || (a == 'u' && b == 'y');
  if (!cluster) return;
  if (a == 'u' && n >= 3 && base(n - 3) == 'q') return;  // "quý": u belongs to qu
  if (n >= 3) {  // "uoa", "ươ" ... : only a plain consonant may precede the cluster
    UChar32 c = base(n - 3);
    if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y') return;
  }
  // Both vowels plain apart from the tone (no circumflex, breve or horn).
  auto plain_but_tone = [](const Letter& l) {
    for (UChar32 m : l.marks)
      if (!is_tone_mark(m)) return false;
    return true;
  };
  if (!plain_but_tone(word[n - 2]) || !plain_but_tone(word[n - 1])) return;
  auto& last = word[n - 1].marks;
  if (last.empty() || !word[n - 2].marks.empty()) return;
  word[n - 2].marks = last;
  last.clear();
}

}  // namespace

// By UAX #15's quick check, a text of NFC-stable code points is NFC: a table
// answers for most texts without ICU's normaliser.
bool is_nfc_stable_text(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = int32_t(text.size());
  for (int32_t i = 0; i < n;) {
    if (bytes[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    if (!is_nfc_stable(c)) return false;
  }
  return true;
}

namespace {

// Valid UTF-8 already in NFC: what normalising would give back unchanged.
// (Ill-formed bytes are left to the full path, which turns them into U+FFFD.)
bool is_valid_nfc(std::string_view text) {
  // ICU's U8_NEXT rejects what first_invalid_utf8 rejects, so a text of
  // stable code points is valid UTF-8 as well: the common case needs one pass.
  if (is_nfc_stable_text(text)) return true;
  if (first_invalid_utf8(text)) return false;
  UErrorCode status = U_ZERO_ERROR;
  bool normalized = nfc().isNormalizedUTF8(icu::StringPiece(text.data(), int32_t(text.size())), status);
  return U_SUCCESS(status) && normalized;
}

// True when canonical_tone() could change `text`: it is not NFC, or
// tone_may_move() finds a cluster whose tone moves.
bool may_need_tone_fix(std::string_view text) { return !is_valid_nfc(text) || tone_may_move(text); }

}  // namespace

bool tone_may_move(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = int32_t(text.size());
  for (int32_t i = 0; i + 1 < n; ++i) {
    char c = char(bytes[i]);
    if (!(c == 'o' || c == 'O' || c == 'u' || c == 'U') || bytes[i + 1] < 0x80) continue;
    // "quý", "quá": the u belongs to qu, and fix_syllable leaves them alone.
    if ((c == 'u' || c == 'U') && i > 0 && (bytes[i - 1] == 'q' || bytes[i - 1] == 'Q')) continue;
    int32_t next = i + 1;
    UChar32 vowel;
    U8_NEXT(bytes, next, n, vowel);
    if (!traits_of(vowel).toned_aey) continue;
    // Only a cluster that ends its word moves its tone: "hoà", not "hoàn".
    if (next < n) {
      UChar32 after;
      U8_NEXT(bytes, next, n, after);
      if (traits_of(after).letter_base) continue;
    }
    return true;
  }
  return false;
}

bool is_nfc_stable(std::int32_t c) { return traits_of(c).nfc_stable; }

std::optional<std::size_t> first_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  while (i < s.size()) {
    unsigned char c = p[i];
    if (c < 0x80) {  // most bytes of a document
      ++i;
      continue;
    }
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return i;
    uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::nullopt;
}

std::string to_nfc(std::string_view text) {
  // Text inside cvtrack is NFC already (it is normalised at the edge): the
  // quick check spares the round trip through UTF-16.
  if (is_valid_nfc(text)) return std::string(text);
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString out = nfc().normalize(from_utf8(text), status);
  return U_SUCCESS(status) ? to_utf8(out) : std::string(text);
}

std::string canonical_tone(std::string_view text) {
  if (!may_need_tone_fix(text)) return std::string(text);
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString decomposed = nfd().normalize(from_utf8(text), status);
  if (U_FAILURE(status)) return std::string(text);
  icu::UnicodeString result;
  std::vector<Letter> word;
  auto flush = [&] {
    fix_syllable(word);
    for (const auto& l : word) {
      result.append(l.base);
      for (UChar32 m : l.marks) result.append(m);
    }
    word.clear();
  };
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_getCombiningClass(c) != 0 && !word.empty()) {
      word.back().marks.push_back(c);
    } else if (u_isalpha(c)) {
      word.push_back({c, {}});
    } else {
      flush();
      result.append(c);
    }
  }
  flush();
  icu::UnicodeString composed = nfc().normalize(result, status);
  return U_SUCCESS(status) ? to_utf8(composed) : std::string(text);
}

std::string fold(std::string_view text) {
  std::optional<std::string> simple;
  // NFC already (the quick check), so to_nfc() would give the text back.
  if (is_nfc_stable_text(text)) simple = map_simple_case(text, true);
  std::string folded;
  if (simple) {
    folded = canonical_tone(*simple);
  } else {
    icu::UnicodeString u = from_utf8(to_nfc(text));
    u.foldCase();
    folded = canonical_tone(to_utf8(u));
  }
  std::string out;
  bool space = false;
  for (char c : folded) {
    bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (ws) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string fold_ascii(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString decomposed = nfd().normalize(from_utf8(fold(text)), status);
  icu::UnicodeString out;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_getCombiningClass(c) != 0) continue;
    if (c == 0x0111 || c == 0x0110) c = 'd';  // đ Đ
    out.append(c);
  }
  return to_utf8(out);
}

std::string to_upper(std::string_view text) {
  icu::UnicodeString u = from_utf8(text);
  u.toUpper(vietnamese());
  return to_nfc(to_utf8(u));
}

std::string to_lower(std::string_view text) {
  if (std::optional<std::string> simple = map_simple_case(text, false)) return to_nfc(*simple);
  icu::UnicodeString u = from_utf8(text);
  u.toLower(vietnamese());
  return to_nfc(to_utf8(u));
}

// Both walk the UTF-8 itself: converting each phrase to UTF-16 for ICU cost
// more than the answer. An ill-formed sequence is no letter, as the U+FFFD
// the conversion made of it was not.
bool starts_with_lowercase(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = int32_t(text.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    const CodePointTraits t = traits_of(c);
    if (t.letter) return t.lower_letter;
  }
  return false;
}

bool is_all_uppercase(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = int32_t(text.size());
  bool letters = false;
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    const CodePointTraits t = traits_of(c);
    if (!t.letter) continue;
    letters = true;
    if (t.lower_letter) return false;
  }
  return letters;
}

std::string capitalize_first(std::string_view text) {
  icu::UnicodeString u = from_utf8(text);
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    int32_t len = U16_LENGTH(c);
    if (u_isalpha(c)) {
      icu::UnicodeString head(u, 0, i), tail(u, i + len);
      icu::UnicodeString letter(c);
      letter.toUpper(vietnamese());
      return to_nfc(to_utf8(head + letter + tail));
    }
    i += len;
  }
  return std::string(text);
}

}  // namespace cvtrack::workflows
