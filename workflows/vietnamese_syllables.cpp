#include "workflows/vietnamese_syllables.hpp"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <string>

namespace cvtrack::workflows {

namespace {

constexpr char32_t kGrave = 0x0300, kAcute = 0x0301, kTilde = 0x0303, kHook = 0x0309, kDot = 0x0323;

bool is_tone_mark(char32_t c) { return c == kGrave || c == kAcute || c == kTilde || c == kHook || c == kDot; }

bool is_vowel(char32_t c) {
  static constexpr std::u32string_view kVowels = U"aăâeêioôơuưy";
  return kVowels.find(c) != std::u32string_view::npos;
}

// The vowel clusters of written Vietnamese, without tone marks.
bool is_vowel_cluster(std::u32string_view v) {
  static constexpr std::array<std::u32string_view, 55> kClusters = {
      U"a",   U"ă",   U"â",   U"e",   U"ê",   U"i",   U"o",   U"ô",   U"ơ",   U"u",   U"ư",
      U"y",   U"ai",  U"ao",  U"au",  U"ay",  U"âu",  U"ây",  U"eo",  U"êu",  U"ia",  U"iê",
      U"iu",  U"oa",  U"oă",  U"oe",  U"oi",  U"ôi",  U"ơi",  U"oo",  U"ua",  U"uâ",  U"uê",
      U"ui",  U"uô",  U"uơ",  U"ưa",  U"ưi",  U"ươ",  U"ưu",  U"uy",  U"yê",  U"iêu", U"yêu",
      U"oai", U"oao", U"oay", U"oeo", U"uây", U"uôi", U"ươi", U"ươu", U"uya", U"uyê", U"uyu"};
  return std::find(kClusters.begin(), kClusters.end(), v) != kClusters.end();
}

// Every initial that prefixes the word is tried, so "ngh" and "ng" both get their chance.
constexpr std::array<std::u32string_view, 27> kInitials = {
    U"ngh", U"ng", U"nh", U"ch", U"gh", U"gi", U"kh", U"ph", U"th", U"tr", U"qu", U"b", U"c", U"d",
    U"đ",   U"g",  U"h",  U"k",  U"l",  U"m",  U"n",  U"p",  U"r",  U"s",  U"t",  U"v",  U"x"};

bool is_final(std::u32string_view f) {
  return f.empty() || f == U"c" || f == U"ch" || f == U"m" || f == U"n" || f == U"ng" || f == U"nh" ||
         f == U"p" || f == U"t";
}

bool is_stop(std::u32string_view f) { return f == U"c" || f == U"ch" || f == U"p" || f == U"t"; }

// The rhyme after `initial` chars: a vowel cluster then a final.
bool is_rhyme(std::u32string_view rest, char32_t tone) {
  std::size_t v = 0;
  while (v < rest.size() && is_vowel(rest[v])) ++v;
  if (v == 0 || !is_vowel_cluster(rest.substr(0, v))) return false;
  auto final = rest.substr(v);
  if (!is_final(final)) return false;
  return !is_stop(final) || tone == kAcute || tone == kDot;
}

bool is_syllable(std::u32string_view toneless, char32_t tone) {
  for (auto initial : kInitials) {
    if (toneless.substr(0, initial.size()) != initial) continue;
    if (is_rhyme(toneless.substr(initial.size()), tone)) return true;
    // "gi" and "qu" lend their vowel when nothing else follows: "gì", "gin".
    if (initial == U"gi" && is_rhyme(toneless.substr(1), tone)) return true;
  }
  return is_rhyme(toneless, tone);  // no initial consonant: "anh", "ước"
}

std::u32string to_u32(const icu::UnicodeString& s) {
  std::u32string out;
  for (int32_t i = 0; i < s.length();) {
    UChar32 c = s.char32At(i);
    out.push_back(char32_t(c));
    i += U16_LENGTH(c);
  }
  return out;
}

}  // namespace

bool is_vietnamese_syllable(std::string_view word) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || word.empty()) return false;
  icu::UnicodeString lower = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), int32_t(word.size())));
  lower.toLower(icu::Locale("vi"));
  std::u32string decomposed = to_u32(nfd->normalize(lower, status));
  if (U_FAILURE(status)) return false;
  // Take the tone off; the shape marks (ˆ ˘ ˀ) recompose with their letters.
  char32_t tone = 0;
  icu::UnicodeString shaped;
  for (char32_t c : decomposed) {
    if (is_tone_mark(c)) {
      if (tone != 0) return false;  // two tones
      tone = c;
    } else {
      shaped.append(UChar32(c));
    }
  }
  std::u32string toneless = to_u32(nfc->normalize(shaped, status));
  if (U_FAILURE(status)) return false;
  for (char32_t c : toneless)
    if (!(c >= U'a' && c <= U'z') && !is_vowel(c) && c != U'đ') return false;
  return is_syllable(toneless, tone);
}

namespace {

struct Word {
  std::size_t begin = 0, end = 0;
  bool has_letter = false, has_symbol = false, beyond_ascii = false, only_d_beyond = true;
};

void score_word(std::string_view utf8, const Word& w, VietnameseScore& score) {
  if (w.end <= w.begin || !w.has_letter || !w.beyond_ascii) return;
  std::string_view word = utf8.substr(w.begin, w.end - w.begin);
  bool valid = !w.has_symbol && is_vietnamese_syllable(word);
  if (!valid && !w.has_symbol && w.only_d_beyond) return;  // "HĐND", "BCĐ"
  ++score.scored;
  if (valid) {
    ++score.valid;
  } else if (score.first_invalid == std::string::npos) {
    score.first_invalid = w.begin;
    score.first_invalid_word = std::string(word);
  }
}

}  // namespace

VietnameseScore score_vietnamese_text(std::string_view utf8) {
  VietnameseScore score;
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = int32_t(utf8.size());
  Word word;
  for (int32_t i = 0; i < length;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    bool letter = c >= 0 && (u_isalpha(c) || u_charType(c) == U_NON_SPACING_MARK);
    bool separator = c < 0 || u_isUWhiteSpace(c) || (c < 0x80 && !letter) || u_ispunct(c);
    if (separator) {
      score_word(utf8, word, score);
      word = Word{std::size_t(i), std::size_t(i)};
      continue;
    }
    if (word.end == word.begin) word.begin = std::size_t(at);
    word.end = std::size_t(i);
    // A symbol stuck to letters ("nh©n", "Uû") is what a wrong table leaves.
    if (letter) word.has_letter = true;
    else word.has_symbol = true;
    if (c >= 0x80) {
      word.beyond_ascii = true;
      if (c != 0x0111 && c != 0x0110) word.only_d_beyond = false;
    }
  }
  score_word(utf8, word, score);
  return score;
}

}  // namespace cvtrack::workflows
