#include "workflows/vietnamese_text.hpp"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <vector>

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

// By UAX #15's quick check, a text of NFC-stable code points is NFC: a table
// answers for most texts without ICU's normaliser.
bool only_nfc_stable_letters(std::string_view text) {
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

// Valid UTF-8 already in NFC: what normalising would give back unchanged.
// (Ill-formed bytes are left to the full path, which turns them into U+FFFD.)
bool is_valid_nfc(std::string_view text) {
  // ICU's U8_NEXT rejects what first_invalid_utf8 rejects, so a text of
  // stable code points is valid UTF-8 as well: the common case needs one pass.
  if (only_nfc_stable_letters(text)) return true;
  if (first_invalid_utf8(text)) return false;
  UErrorCode status = U_ZERO_ERROR;
  bool normalized = nfc().isNormalizedUTF8(icu::StringPiece(text.data(), int32_t(text.size())), status);
  return U_SUCCESS(status) && normalized;
}

// What the tone check asks of a code point, from its canonical decomposition:
// is it a, e or y carrying a tone mark first ("à", "ẻ", "ỷ"; "ặ" too, whose
// dot below comes before the breve), and is its base a letter.
struct ToneTraits {
  bool toned_aey = false;
  bool letter = false;
};

ToneTraits tone_traits_from_icu(UChar32 c) {
  ToneTraits traits;
  if (c < 0) return traits;
  icu::UnicodeString parts;
  const bool decomposes = nfd().getDecomposition(c, parts);
  const UChar32 base = decomposes ? parts.char32At(0) : c;
  traits.letter = u_isalpha(base);
  if (decomposes && parts.length() >= 2) {
    const UChar32 lower = u_tolower(base);
    traits.toned_aey = (lower == 'a' || lower == 'e' || lower == 'y') && is_tone_mark(parts.char32At(U16_LENGTH(base)));
  }
  return traits;
}

// The traits of the code points below U+2000 (all of Vietnamese), asked of
// ICU once: asking per code point was most of the cost of reading a clause's
// shadow, since nearly every clause has an o or u before a letter beyond ASCII.
ToneTraits tone_traits(UChar32 c) {
  static const auto table = [] {
    std::array<ToneTraits, 0x2000> t{};
    for (UChar32 k = 0; k < 0x2000; ++k) t[std::size_t(k)] = tone_traits_from_icu(k);
    return t;
  }();
  return c >= 0 && c < 0x2000 ? table[std::size_t(c)] : tone_traits_from_icu(c);
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
    if (!tone_traits(vowel).toned_aey) continue;
    // Only a cluster that ends its word moves its tone: "hoà", not "hoàn".
    if (next < n) {
      UChar32 after;
      U8_NEXT(bytes, next, n, after);
      if (tone_traits(after).letter) continue;
    }
    return true;
  }
  return false;
}

bool is_nfc_stable(std::int32_t c) {
  static const auto stable = [] {
    std::array<bool, 0x2000> t{};
    for (UChar32 k = 0; k < 0x2000; ++k)
      t[std::size_t(k)] = u_getIntPropertyValue(k, UCHAR_NFC_QUICK_CHECK) == UNORM_YES &&
                          u_getCombiningClass(k) == 0;
    return t;
  }();
  return c >= 0 && c < 0x2000 && stable[std::size_t(c)];
}

std::optional<std::size_t> first_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  while (i < s.size()) {
    unsigned char c = p[i];
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
  icu::UnicodeString u = from_utf8(to_nfc(text));
  u.foldCase();
  std::string folded = canonical_tone(to_utf8(u));
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
  u.toUpper(icu::Locale("vi"));
  return to_nfc(to_utf8(u));
}

std::string to_lower(std::string_view text) {
  icu::UnicodeString u = from_utf8(text);
  u.toLower(icu::Locale("vi"));
  return to_nfc(to_utf8(u));
}

bool starts_with_lowercase(std::string_view text) {
  icu::UnicodeString u = from_utf8(text);
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (u_isalpha(c)) return u_islower(c);
  }
  return false;
}

bool is_all_uppercase(std::string_view text) {
  icu::UnicodeString u = from_utf8(text);
  bool letters = false;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (!u_isalpha(c)) continue;
    letters = true;
    if (u_islower(c)) return false;
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
      letter.toUpper(icu::Locale("vi"));
      return to_nfc(to_utf8(head + letter + tail));
    }
    i += len;
  }
  return std::string(text);
}

}  // namespace cvtrack::workflows
