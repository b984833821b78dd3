#include "workflows/legacy_vietnamese_charsets.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdio>
#include <map>
#include <optional>

#include "workflows/vietnamese_syllables.hpp"
#include "workflows/vietnamese_text.hpp"

namespace cvtrack::workflows {

using engine::ErrorCode;
using engine::make_error;

namespace {

// One Vietnamese letter beyond ASCII in both cases. TCVN3 codes are those of
// TCVN 5712:1993 VN1 (glibc's TCVN5712-1; X11's tcvn.h); VNI bytes those of
// VNI-Windows (the tables of UniKey and of vietnamese-conversion). Rows go
// vowel by vowel, tones in the order unmarked, huyền, sắc, hỏi, ngã, nặng.
struct Letter {
  char32_t lower, upper;
  unsigned char tcvn_lower, tcvn_upper;
  const char* vni_lower;
  const char* vni_upper;
};

constexpr std::array<Letter, 67> kLetters = {{
    {0x00E0, 0x00C0, 0xB5, 0x80, "a\xF8", "A\xD8"},  // à À
    {0x00E1, 0x00C1, 0xB8, 0x83, "a\xF9", "A\xD9"},  // á Á
    {0x1EA3, 0x1EA2, 0xB6, 0x81, "a\xFB", "A\xDB"},  // ả Ả
    {0x00E3, 0x00C3, 0xB7, 0x82, "a\xF5", "A\xD5"},  // ã Ã
    {0x1EA1, 0x1EA0, 0xB9, 0x84, "a\xEF", "A\xCF"},  // ạ Ạ
    {0x0103, 0x0102, 0xA8, 0xA1, "a\xEA", "A\xCA"},  // ă Ă
    {0x1EB1, 0x1EB0, 0xBB, 0xAF, "a\xE8", "A\xC8"},  // ằ Ằ
    {0x1EAF, 0x1EAE, 0xBE, 0xC0, "a\xE9", "A\xC9"},  // ắ Ắ
    {0x1EB3, 0x1EB2, 0xBC, 0xBA, "a\xFA", "A\xDA"},  // ẳ Ẳ
    {0x1EB5, 0x1EB4, 0xBD, 0xBF, "a\xFC", "A\xDC"},  // ẵ Ẵ
    {0x1EB7, 0x1EB6, 0xC6, 0x85, "a\xEB", "A\xCB"},  // ặ Ặ
    {0x00E2, 0x00C2, 0xA9, 0xA2, "a\xE2", "A\xC2"},  // â Â
    {0x1EA7, 0x1EA6, 0xC7, 0xC1, "a\xE0", "A\xC0"},  // ầ Ầ
    {0x1EA5, 0x1EA4, 0xCA, 0xC4, "a\xE1", "A\xC1"},  // ấ Ấ
    {0x1EA9, 0x1EA8, 0xC8, 0xC2, "a\xE5", "A\xC5"},  // ẩ Ẩ
    {0x1EAB, 0x1EAA, 0xC9, 0xC3, "a\xE3", "A\xC3"},  // ẫ Ẫ
    {0x1EAD, 0x1EAC, 0xCB, 0x86, "a\xE4", "A\xC4"},  // ậ Ậ
    {0x0111, 0x0110, 0xAE, 0xA7, "\xF1", "\xD1"},  // đ Đ
    {0x00E8, 0x00C8, 0xCC, 0x87, "e\xF8", "E\xD8"},  // è È
    {0x00E9, 0x00C9, 0xD0, 0x8A, "e\xF9", "E\xD9"},  // é É
    {0x1EBB, 0x1EBA, 0xCE, 0x88, "e\xFB", "E\xDB"},  // ẻ Ẻ
    {0x1EBD, 0x1EBC, 0xCF, 0x89, "e\xF5", "E\xD5"},  // ẽ Ẽ
    {0x1EB9, 0x1EB8, 0xD1, 0x8B, "e\xEF", "E\xCF"},  // ẹ Ẹ
    {0x00EA, 0x00CA, 0xAA, 0xA3, "e\xE2", "E\xC2"},  // ê Ê
    {0x1EC1, 0x1EC0, 0xD2, 0xC5, "e\xE0", "E\xC0"},  // ề Ề
    {0x1EBF, 0x1EBE, 0xD5, 0xDA, "e\xE1", "E\xC1"},  // ế Ế
    {0x1EC3, 0x1EC2, 0xD3, 0xCD, "e\xE5", "E\xC5"},  // ể Ể
    {0x1EC5, 0x1EC4, 0xD4, 0xD9, "e\xE3", "E\xC3"},  // ễ Ễ
    {0x1EC7, 0x1EC6, 0xD6, 0x8C, "e\xE4", "E\xC4"},  // ệ Ệ
    {0x00EC, 0x00CC, 0xD7, 0x8D, "\xEC", "\xCC"},  // ì Ì
    {0x00ED, 0x00CD, 0xDD, 0x90, "\xED", "\xCD"},  // í Í
    {0x1EC9, 0x1EC8, 0xD8, 0x8E, "\xE6", "\xC6"},  // ỉ Ỉ
    {0x0129, 0x0128, 0xDC, 0x8F, "\xF3", "\xD3"},  // ĩ Ĩ
    {0x1ECB, 0x1ECA, 0xDE, 0x91, "\xF2", "\xD2"},  // ị Ị
    {0x00F2, 0x00D2, 0xDF, 0x92, "o\xF8", "O\xD8"},  // ò Ò
    {0x00F3, 0x00D3, 0xE3, 0x95, "o\xF9", "O\xD9"},  // ó Ó
    {0x1ECF, 0x1ECE, 0xE1, 0x93, "o\xFB", "O\xDB"},  // ỏ Ỏ
    {0x00F5, 0x00D5, 0xE2, 0x94, "o\xF5", "O\xD5"},  // õ Õ
    {0x1ECD, 0x1ECC, 0xE4, 0x96, "o\xEF", "O\xCF"},  // ọ Ọ
    {0x00F4, 0x00D4, 0xAB, 0xA4, "o\xE2", "O\xC2"},  // ô Ô
    {0x1ED3, 0x1ED2, 0xE5, 0xDB, "o\xE0", "O\xC0"},  // ồ Ồ
    {0x1ED1, 0x1ED0, 0xE8, 0xFF, "o\xE1", "O\xC1"},  // ố Ố
    {0x1ED5, 0x1ED4, 0xE6, 0xE0, "o\xE5", "O\xC5"},  // ổ Ổ
    {0x1ED7, 0x1ED6, 0xE7, 0xF0, "o\xE3", "O\xC3"},  // ỗ Ỗ
    {0x1ED9, 0x1ED8, 0xE9, 0x97, "o\xE4", "O\xC4"},  // ộ Ộ
    {0x01A1, 0x01A0, 0xAC, 0xA5, "\xF4", "\xD4"},  // ơ Ơ
    {0x1EDD, 0x1EDC, 0xEA, 0x98, "\xF4\xF8", "\xD4\xD8"},  // ờ Ờ
    {0x1EDB, 0x1EDA, 0xED, 0x9B, "\xF4\xF9", "\xD4\xD9"},  // ớ Ớ
    {0x1EDF, 0x1EDE, 0xEB, 0x99, "\xF4\xFB", "\xD4\xDB"},  // ở Ở
    {0x1EE1, 0x1EE0, 0xEC, 0x9A, "\xF4\xF5", "\xD4\xD5"},  // ỡ Ỡ
    {0x1EE3, 0x1EE2, 0xEE, 0x9C, "\xF4\xEF", "\xD4\xCF"},  // ợ Ợ
    {0x00F9, 0x00D9, 0xEF, 0x9D, "u\xF8", "U\xD8"},  // ù Ù
    {0x00FA, 0x00DA, 0xF3, 0x01, "u\xF9", "U\xD9"},  // ú Ú
    {0x1EE7, 0x1EE6, 0xF1, 0x9E, "u\xFB", "U\xDB"},  // ủ Ủ
    {0x0169, 0x0168, 0xF2, 0x9F, "u\xF5", "U\xD5"},  // ũ Ũ
    {0x1EE5, 0x1EE4, 0xF4, 0x02, "u\xEF", "U\xCF"},  // ụ Ụ
    {0x01B0, 0x01AF, 0xAD, 0xA6, "\xF6", "\xD6"},  // ư Ư
    {0x1EEB, 0x1EEA, 0xF5, 0x04, "\xF6\xF8", "\xD6\xD8"},  // ừ Ừ
    {0x1EE9, 0x1EE8, 0xF8, 0x11, "\xF6\xF9", "\xD6\xD9"},  // ứ Ứ
    {0x1EED, 0x1EEC, 0xF6, 0x05, "\xF6\xFB", "\xD6\xDB"},  // ử Ử
    {0x1EEF, 0x1EEE, 0xF7, 0x06, "\xF6\xF5", "\xD6\xD5"},  // ữ Ữ
    {0x1EF1, 0x1EF0, 0xF9, 0x12, "\xF6\xEF", "\xD6\xCF"},  // ự Ự
    {0x1EF3, 0x1EF2, 0xFA, 0x13, "y\xF8", "Y\xD8"},  // ỳ Ỳ
    {0x00FD, 0x00DD, 0xFD, 0x16, "y\xF9", "Y\xD9"},  // ý Ý
    {0x1EF7, 0x1EF6, 0xFB, 0x14, "y\xFB", "Y\xDB"},  // ỷ Ỷ
    {0x1EF9, 0x1EF8, 0xFC, 0x15, "y\xF5", "Y\xD5"},  // ỹ Ỹ
    {0x1EF5, 0x1EF4, 0xFE, 0x17, "\xEE", "\xCE"},  // ỵ Ỵ
}};

// Windows-1252 at 0x80–0x9F: what the fonts' punctuation bytes show.
constexpr std::array<char32_t, 32> kWindows1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

char32_t windows_1252(unsigned char b) { return b >= 0x80 && b < 0xA0 ? kWindows1252High[b - 0x80] : char32_t(b); }

std::optional<unsigned char> windows_1252_byte(char32_t c) {
  if (c == 0xA0) return 0xA0;
  for (std::size_t i = 0; i < kWindows1252High.size(); ++i)
    if (kWindows1252High[i] == c && c > 0xFF) return static_cast<unsigned char>(0x80 + i);
  return std::nullopt;
}

// VN1 puts the capitals Ặ Ị Ò Ỏ Õ Ó Ọ Ộ where Windows keeps … ‘ ’ “ ” • – —,
// and ABC documents use those bytes for the punctuation.
bool is_contested_tcvn_byte(unsigned char b) { return b == 0x85 || (b >= 0x91 && b <= 0x97); }

struct TcvnTable {
  std::array<char32_t, 256> to_unicode{};
  std::map<char32_t, unsigned char> lower_codes, upper_codes;
};

const TcvnTable& tcvn_table() {
  static const TcvnTable table = [] {
    TcvnTable t;
    for (int b = 0; b < 256; ++b) t.to_unicode[std::size_t(b)] = windows_1252(static_cast<unsigned char>(b));
    // Tone marks standing alone, composed with the vowel before them by NFC.
    const std::array<char32_t, 5> marks = {0x0300, 0x0309, 0x0303, 0x0301, 0x0323};
    for (std::size_t i = 0; i < marks.size(); ++i) t.to_unicode[0xB0 + i] = marks[i];
    for (const auto& l : kLetters) {
      t.to_unicode[l.tcvn_lower] = l.lower;
      t.to_unicode[l.tcvn_upper] = l.upper;
      t.lower_codes[l.lower] = l.tcvn_lower;
      t.upper_codes[l.upper] = l.tcvn_upper;
    }
    return t;
  }();
  return table;
}

struct VniTable {
  std::map<std::string, char32_t, std::less<>> lower_sequences;  // "a\xF8" -> à, "\xF4" -> ơ
  std::map<char32_t, std::string> to_bytes;
};

const VniTable& vni_table() {
  static const VniTable table = [] {
    VniTable t;
    for (const auto& l : kLetters) {
      t.lower_sequences[l.vni_lower] = l.lower;
      t.to_bytes[l.lower] = l.vni_lower;
      t.to_bytes[l.upper] = l.vni_upper;
    }
    return t;
  }();
  return table;
}

void append_utf8(std::string& out, char32_t c) {
  char buffer[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(buffer, n, 4, UChar32(c), error);
  if (!error) out.append(buffer, std::size_t(n));
}

std::string to_utf8(const std::u32string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 2);
  for (char32_t c : text) append_utf8(out, c);
  return out;
}

bool is_letter(char32_t c) { return u_isalpha(UChar32(c)); }
bool is_upper(char32_t c) { return u_isupper(UChar32(c)); }

bool is_mark(char32_t c) { return u_charType(UChar32(c)) == U_NON_SPACING_MARK; }

// The run of letters (and their marks) that ends just before `end`.
std::u32string word_before(const std::u32string& text, std::size_t end) {
  std::size_t begin = end;
  while (begin > 0 && (is_letter(text[begin - 1]) || is_mark(text[begin - 1]))) --begin;
  return text.substr(begin, end - begin);
}

// A contested byte was read as punctuation; it is the VN1 capital when it
// continues a capital word ("HỌC", "CÓ"), not when it closes a quote after
// one ("COVID”").
void settle_contested(std::u32string& text, const std::vector<std::pair<std::size_t, unsigned char>>& contested) {
  const auto& table = tcvn_table();
  for (auto [at, byte] : contested) {
    if (at == 0 || !is_upper(text[at - 1])) continue;
    const char32_t capital = table.to_unicode[byte];
    const bool letter_follows = at + 1 < text.size() && is_letter(text[at + 1]);
    if (letter_follows || is_vietnamese_syllable(to_utf8(word_before(text, at) + capital))) text[at] = capital;
  }
}

enum class WordCase { lower, upper, unknown };

// The case a word shows in its ASCII letters after the first: "ủY" (ỦY typed
// in .VnTimeH) is upper, "Uỷ" and "Số" unknown (title case or capitals?),
// "huyện" and "Tỉnh" lower.
WordCase case_after_first(std::u32string_view word) {
  int upper = 0, lower = 0, letters = 0;
  for (char32_t c : word) {
    if (!is_letter(c)) continue;
    if (letters++ == 0) {
      if (c >= U'a' && c <= U'z') return WordCase::lower;
      continue;
    }
    if (c >= U'A' && c <= U'Z') ++upper;
    if (c >= U'a' && c <= U'z') ++lower;
  }
  if (lower > 0) return WordCase::lower;
  return upper > 0 ? WordCase::upper : WordCase::unknown;
}

// ABC documents write toned capitals with the lower-case codes and show them
// through an all-caps font, so the bytes of "ỦY BAN" are "ñY BAN". A word
// that is capitals after its first letter is raised whole; a word that says
// nothing ("XÃ", "Uû") is raised when the syllables of three letters or more
// on its line are capitals ("XÃ ĐOA"), but not beside acronyms alone
// ("Số: 281-CV/HU").
void restore_capitals(std::u32string& text) {
  std::size_t line_begin = 0;
  while (line_begin < text.size()) {
    std::size_t line_end = text.find(U'\n', line_begin);
    if (line_end == std::u32string::npos) line_end = text.size();
    std::vector<std::pair<std::size_t, std::size_t>> words;
    for (std::size_t i = line_begin; i < line_end;) {
      if (!is_letter(text[i])) {
        ++i;
        continue;
      }
      std::size_t b = i;
      while (i < line_end && (is_letter(text[i]) || is_mark(text[i]))) ++i;
      words.emplace_back(b, i);
    }
    int upper_evidence = 0, lower_evidence = 0;
    for (auto [b, e] : words) {
      std::u32string_view w(text.data() + b, e - b);
      if (e - b < 3 || !is_vietnamese_syllable(to_utf8(std::u32string(w)))) continue;
      bool all_upper = true;
      for (char32_t c : w)
        if (is_letter(c) && !is_upper(c)) all_upper = false;
      WordCase shown = case_after_first(w);
      if (shown == WordCase::upper || (shown == WordCase::unknown && all_upper)) ++upper_evidence;
      else if (shown == WordCase::lower) ++lower_evidence;
    }
    const bool capital_line = upper_evidence > 0 && lower_evidence == 0;
    for (auto [b, e] : words) {
      WordCase shown = case_after_first(std::u32string_view(text.data() + b, e - b));
      if (shown == WordCase::upper || (shown == WordCase::unknown && capital_line))
        for (std::size_t i = b; i < e; ++i) text[i] = char32_t(u_toupper(UChar32(text[i])));
    }
    line_begin = line_end + 1;
  }
}

std::optional<char32_t> vni_letter(const VniTable& table, std::string_view key, bool capital) {
  auto it = table.lower_sequences.find(key);
  if (it == table.lower_sequences.end()) return std::nullopt;
  return capital ? char32_t(u_toupper(UChar32(it->second))) : it->second;
}

// VNI's capitals use the capital forms of the diacritic bytes (0xC0–0xDF);
// a base followed by the other case's byte still means that letter.
unsigned char vni_lower(unsigned char b) {
  if (b >= 'A' && b <= 'Z') return static_cast<unsigned char>(b + 32);
  if (b >= 0xC0 && b <= 0xDF) return static_cast<unsigned char>(b | 0x20);
  return b;
}

bool vni_capital(unsigned char b) { return (b >= 'A' && b <= 'Z') || (b >= 0xC0 && b <= 0xDF); }

std::string code_point_name(char32_t c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", unsigned(c));
  return "\"" + to_utf8({c}) + "\" (" + buffer + ")";
}

// Walks the NFC code points of `utf8`, appending what `encode_one(text, i,
// out)` gives for each beyond ASCII; the first it cannot encode is the error.
template <typename EncodeOne>
engine::Result<std::string> encode_with(std::string_view utf8, const char* encoding, EncodeOne encode_one) {
  const std::string nfc = to_nfc(utf8);
  const auto* bytes = reinterpret_cast<const uint8_t*>(nfc.data());
  const int32_t length = int32_t(nfc.size());
  std::u32string text;
  std::vector<int32_t> offsets;
  for (int32_t i = 0; i < length;) {
    offsets.push_back(i);
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return make_error(ErrorCode::bad_input, "byte " + std::to_string(offsets.back()) + ": invalid UTF-8");
    text.push_back(char32_t(c));
  }
  std::string out;
  out.reserve(nfc.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] < 0x80) {
      out += char(text[i]);
    } else if (!encode_one(text, i, out)) {
      return make_error(ErrorCode::bad_input, "byte " + std::to_string(offsets[i]) + ": " + code_point_name(text[i]) +
                                                  " cannot be written in " + encoding);
    }
  }
  return out;
}

// Whether text[i] stands in a word of two letters or more, all capitals: a
// word an ABC typist set in the all-caps font.
bool in_capital_word(const std::u32string& text, std::size_t i) {
  std::size_t b = i, e = i;
  while (b > 0 && (is_letter(text[b - 1]) || is_mark(text[b - 1]))) --b;
  while (e < text.size() && (is_letter(text[e]) || is_mark(text[e]))) ++e;
  int letters = 0;
  for (std::size_t k = b; k < e; ++k) {
    if (!is_letter(text[k])) continue;
    if (!is_upper(text[k])) return false;
    ++letters;
  }
  return letters >= 2;
}

}  // namespace

std::string decode_tcvn3(std::string_view bytes) {
  const auto& table = tcvn_table();
  std::u32string text;
  text.reserve(bytes.size());
  std::vector<std::pair<std::size_t, unsigned char>> contested;
  for (char ch : bytes) {
    const auto b = static_cast<unsigned char>(ch);
    if (is_contested_tcvn_byte(b)) {
      contested.emplace_back(text.size(), b);
      text.push_back(windows_1252(b));
    } else {
      text.push_back(table.to_unicode[b]);
    }
  }
  settle_contested(text, contested);
  restore_capitals(text);
  return to_nfc(to_utf8(text));
}

std::string decode_vni(std::string_view bytes) {
  const auto& table = vni_table();
  std::u32string text;
  text.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size();) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (i + 1 < bytes.size()) {
      const auto mark = static_cast<unsigned char>(bytes[i + 1]);
      const char pair[2] = {char(vni_lower(b)), char(vni_lower(mark))};
      if (mark >= 0xC0) {
        if (auto letter = vni_letter(table, std::string_view(pair, 2), vni_capital(b))) {
          text.push_back(*letter);
          i += 2;
          continue;
        }
      }
    }
    const char single = char(vni_lower(b));
    std::optional<char32_t> letter;
    if (b >= 0xC0) letter = vni_letter(table, std::string_view(&single, 1), vni_capital(b));
    text.push_back(letter ? *letter : windows_1252(b));
    ++i;
  }
  return to_nfc(to_utf8(text));
}

engine::Result<std::string> encode_tcvn3(std::string_view utf8, TcvnCapitals capitals) {
  const auto& table = tcvn_table();
  return encode_with(utf8, "TCVN3", [&](const std::u32string& text, std::size_t i, std::string& out) {
    const char32_t c = text[i];
    if (auto it = table.lower_codes.find(c); it != table.lower_codes.end()) {
      out += char(it->second);
      return true;
    }
    if (auto it = table.upper_codes.find(c); it != table.upper_codes.end()) {
      // Ă Â Ê Ô Ơ Ư Đ (0xA1–0xA7) have capital codes even in ABC fonts.
      const bool base_capital = it->second >= 0xA1 && it->second <= 0xA7;
      if (capitals == TcvnCapitals::all_caps_font && !base_capital && in_capital_word(text, i))
        out += char(table.lower_codes.at(char32_t(u_tolower(UChar32(c)))));
      else
        out += char(it->second);
      return true;
    }
    auto punctuation = windows_1252_byte(c);
    if (!punctuation || !(*punctuation == 0xA0 || is_contested_tcvn_byte(*punctuation))) return false;
    out += char(*punctuation);
    return true;
  });
}

engine::Result<std::string> encode_vni(std::string_view utf8) {
  const auto& table = vni_table();
  return encode_with(utf8, "VNI", [&](const std::u32string& text, std::size_t i, std::string& out) {
    const char32_t c = text[i];
    if (auto it = table.to_bytes.find(c); it != table.to_bytes.end()) {
      out += it->second;
      return true;
    }
    if (c >= 0xA0 && c < 0xC0) {  // Latin-1 symbols keep their bytes in VNI fonts
      out += char(c);
      return true;
    }
    auto punctuation = windows_1252_byte(c);
    if (!punctuation) return false;
    out += char(*punctuation);
    return true;
  });
}

std::vector<std::string> vietnamese_non_ascii_letters() {
  std::vector<std::string> letters;
  for (const auto& l : kLetters) {
    letters.push_back(to_utf8({l.lower}));
    letters.push_back(to_utf8({l.upper}));
  }
  return letters;
}

}  // namespace cvtrack::workflows
