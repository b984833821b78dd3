#include "workflows/vietnamese_text.hpp"

#include <doctest/doctest.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tests/workflows/fixture_text.hpp"
#include "workflows/code_point_traits.hpp"

using namespace cvtrack::workflows;

namespace {

// tone_may_move() as it was written before its tables: each code point's
// decomposition asked of ICU. The tables must answer exactly as this does.
bool tone_may_move_by_icu(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2& nfd = *icu::Normalizer2::getNFDInstance(status);
  auto is_tone_mark = [](UChar32 c) { return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323; };
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = int32_t(text.size());
  for (int32_t i = 0; i + 1 < n; ++i) {
    char c = char(bytes[i]);
    if (!(c == 'o' || c == 'O' || c == 'u' || c == 'U') || bytes[i + 1] < 0x80) continue;
    if ((c == 'u' || c == 'U') && i > 0 && (bytes[i - 1] == 'q' || bytes[i - 1] == 'Q')) continue;
    int32_t next = i + 1;
    UChar32 vowel;
    U8_NEXT(bytes, next, n, vowel);
    if (vowel < 0) continue;
    icu::UnicodeString parts;
    if (!nfd.getDecomposition(vowel, parts) || parts.length() < 2) continue;
    UChar32 base = u_tolower(parts.char32At(0));
    if (!(base == 'a' || base == 'e' || base == 'y') || !is_tone_mark(parts.char32At(U16_LENGTH(parts.char32At(0)))))
      continue;
    if (next < n) {
      UChar32 after;
      U8_NEXT(bytes, next, n, after);
      icu::UnicodeString after_parts;
      UChar32 after_base = after >= 0 && nfd.getDecomposition(after, after_parts) ? after_parts.char32At(0) : after;
      if (after_base >= 0 && u_isalpha(after_base)) continue;
    }
    return true;
  }
  return false;
}

// The case helpers as they were written before their tables: the phrase
// converted to UTF-16 and each code point asked of ICU.
bool starts_with_lowercase_by_icu(std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), int32_t(text.size())));
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (u_isalpha(c)) return u_islower(c);
  }
  return false;
}

bool is_all_uppercase_by_icu(std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), int32_t(text.size())));
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

std::string utf8(UChar32 c) {
  std::string out;
  icu::UnicodeString(c).toUTF8String(out);
  return out;
}

}  // namespace

TEST_SUITE("workflows/vietnamese_text") {
  TEST_CASE("old and new tone placement fold to the same key") {
    CHECK(fold("Huyện uỷ") == fold("Huyện ủy"));
    CHECK(fold("HUYỆN UỶ") == fold("huyện ủy"));
    CHECK(fold("hoà bình") == fold("Hòa Bình"));
    CHECK(fold("thuỷ lợi") == fold("thủy lợi"));
    CHECK(fold("khoẻ") == fold("khỏe"));
  }

  TEST_CASE("tone canonicalisation leaves closed syllables and qu- alone") {
    CHECK(canonical_tone("quý") == "quý");
    CHECK(canonical_tone("hoàng") == "hoàng");
    CHECK(canonical_tone("thuyết") == "thuyết");
    CHECK(canonical_tone("uỷ ban") == "ủy ban");
  }

  TEST_CASE("tone_may_move answers as ICU's decompositions do for every letter after o and u, and before") {
    CHECK(tone_may_move("hoà bình"));
    CHECK(tone_may_move("Uỷ ban"));
    CHECK_FALSE(tone_may_move("hoàn thành"));
    CHECK_FALSE(tone_may_move("quý"));
    CHECK_FALSE(tone_may_move("hòa"));
    std::size_t checked = 0, differ = 0;
    std::string first_difference;
    auto compare = [&](const std::string& text) {
      ++checked;
      if (tone_may_move(text) == tone_may_move_by_icu(text)) return;
      if (differ++ == 0) first_difference = text;
    };
    // Every code point beyond ASCII below U+2100 as the vowel after o/u, and
    // as the letter after a toned vowel.
    for (UChar32 c = 0x80; c < 0x2100; ++c) {
      const std::string cp = utf8(c);
      for (const char* before : {"o", "u", "O", "U", "qu", "Qu", "ho", "thu"})
        for (const char* after : {"", "n", " ", ",", "\xCC\x81", "à"}) compare(before + cp + after);
      for (const char* toned : {"oà", "uỷ", "oẻ", "Oá"}) compare(toned + cp);
    }
    CAPTURE(first_difference);
    CHECK(differ == 0);
    CHECK(checked > 100000);
  }

  TEST_CASE("the case helpers answer as ICU does on every line of the corpus, its words, and cut letters") {
    std::size_t checked = 0, differ = 0;
    std::string first_difference;
    auto compare = [&](const std::string& text) {
      ++checked;
      if (starts_with_lowercase(text) == starts_with_lowercase_by_icu(text) &&
          is_all_uppercase(text) == is_all_uppercase_by_icu(text))
        return;
      if (differ++ == 0) first_difference = text;
    };
    for (const std::string& line : cvtrack::test::fixture_lines()) {
      compare(line);
      // Every 4-byte window, as split_clauses and starts_upper ask (cutting
      // letters in the middle), and every word.
      for (std::size_t at = 0; at < line.size(); ++at) compare(line.substr(at, 4));
      for (std::size_t at = 0, next; at < line.size(); at = next + 1) {
        next = line.find(' ', at);
        if (next == std::string::npos) next = line.size();
        compare(line.substr(at, next - at));
      }
    }
    for (UChar32 c = 1; c < 0x2100; ++c) compare(utf8(c) + "a");
    CAPTURE(first_difference);
    CHECK(differ == 0);
    CHECK(checked > 10000);
  }

  TEST_CASE("fold and to_lower give what ICU's full mappings give, on the corpus and on every code point") {
    // fold() and to_lower() as they were written before the traits table
    // mapped code points one at a time: the whole text through ICU.
    auto fold_by_icu = [](const std::string& text) {
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(to_nfc(text));
      u.foldCase();
      std::string utf, out;
      u.toUTF8String(utf);
      bool space = false;
      for (char c : canonical_tone(utf)) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
          space = !out.empty();
          continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(c);
      }
      return out;
    };
    auto lower_by_icu = [](const std::string& text) {
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
      u.toLower(icu::Locale("vi"));
      std::string out;
      u.toUTF8String(out);
      return to_nfc(out);
    };
    std::size_t checked = 0, differ = 0;
    std::string first_difference;
    auto compare = [&](const std::string& text) {
      ++checked;
      if (fold(text) == fold_by_icu(text) && to_lower(text) == lower_by_icu(text)) return;
      if (differ++ == 0) first_difference = text;
    };
    for (const std::string& line : cvtrack::test::fixture_lines()) {
      compare(line);
      for (std::size_t at = 0; at < line.size(); at += 3) compare(line.substr(at, 4));
    }
    for (const char* special : {"ΟΔΟΣ ΣΑ", "Straße ẞ", "İstanbul", "ŉ ǰ ΐ", "ﬁ", "Ǆ ǅ", "K Å", "a\xFF\xC3", "x\xC0\x80"})
      compare(special);
    // Each code point alone and between letters, as far as the table reaches
    // and beyond it (traits_of asks ICU there).
    for (UChar32 c = 1; c < 0x10000; ++c) {
      if (c >= 0xD800 && c <= 0xDFFF) continue;
      compare(utf8(c));
      compare("A" + utf8(c) + "b");
    }
    CAPTURE(first_difference);
    CHECK(differ == 0);
    CHECK(checked > 130000);
    // The table's claim itself: a code point marked simple_case has single
    // code point full mappings, and most Vietnamese letters are marked.
    int simple = 0;
    for (UChar32 c : {U'À', U'Ặ', U'ặ', U'Đ', U'Ư', U'Ỹ', U'ỹ', U'Ơ'}) simple += traits_of(c).simple_case;
    CHECK(simple == 8);
    CHECK_FALSE(traits_of(0x00DF).simple_case);  // ß folds to "ss"
    CHECK_FALSE(traits_of(0x03A3).simple_case);  // Σ: σ or ς by context
    CHECK_FALSE(traits_of(0x0130).simple_case);  // İ lower-cases to i + dot above
  }

  TEST_CASE("decomposed text folds like composed text") {
    // "bệnh" typed on the Windows keyboard: e + dot below + circumflex.
    CHECK(fold("b\x65\xCC\xA3\xCC\x82nh") == fold("bệnh"));
    CHECK(to_nfc("b\x65\xCC\xA3\xCC\x82nh") == "bệnh");
  }

  TEST_CASE("ascii folding drops every diacritic and đ") {
    CHECK(fold_ascii("Đảng ủy xã Long Phụng") == "dang uy xa long phung");
  }

  TEST_CASE("invalid UTF-8 is found at its byte offset") {
    CHECK_FALSE(first_invalid_utf8("Kính gửi"));
    CHECK(first_invalid_utf8("abc\xFF") == 3u);
    CHECK(first_invalid_utf8("K\xC3") == 1u);
    CHECK(first_invalid_utf8("\xC0\x80") == 0u);  // overlong NUL
  }

  // make_source_text() skips first_invalid_utf8() and to_nfc() for a text of
  // NFC-stable code points: such a text must be valid UTF-8 and NFC.
  TEST_CASE("a text of NFC-stable code points is valid UTF-8 and NFC, on every short byte sequence") {
    auto check = [](const std::string& s) {
      if (!is_nfc_stable_text(s)) return true;
      return !first_invalid_utf8(s) && to_nfc(s) == s;
    };
    int stable = 0, failed = 0;
    std::string s;
    for (int a = 0; a < 256; ++a) {
      s.assign(1, char(a));
      failed += !check(s);
      for (int b = 0; b < 256; ++b) {
        s.assign({char(a), char(b)});
        stable += is_nfc_stable_text(s);
        failed += !check(s);
      }
    }
    // Every lead byte of a 3- or 4-byte sequence with continuation bytes at
    // and past their limits (overlongs, surrogates, past U+10FFFF, truncated).
    const int edges[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBA, 0xBB, 0xBF, 0xC0, 0xC3, 0xFF};
    for (int a = 0xE0; a < 0x100; ++a)
      for (int b : edges)
        for (int c : edges) {
          s.assign({char(a), char(b), char(c)});
          failed += !check(s) || !check(s.substr(0, 2) + "x");
          for (int d : edges) failed += !check(s + char(d));
        }
    CHECK(failed == 0);
    CHECK(stable > 128 * 129);  // ASCII pairs and the 2-byte letters are stable
    for (const auto& text : cvtrack::test::fixture_lines_and_paragraphs()) CHECK(check(text));
    CHECK(is_nfc_stable_text("Kính gửi: UBND các xã, thị trấn"));
    CHECK_FALSE(is_nfc_stable_text("ga\xCC\x80"));     // a combining grave after a: not NFC-stable
    CHECK_FALSE(is_nfc_stable_text("\xED\xA0\x80"));   // a surrogate
    CHECK_FALSE(is_nfc_stable_text("\xF4\x90\x80\x80"));  // past U+10FFFF
  }

  TEST_CASE("case helpers know Vietnamese letters") {
    CHECK(starts_with_lowercase("động và người"));
    CHECK_FALSE(starts_with_lowercase("Động"));
    CHECK(is_all_uppercase("HUYỆN ỦY XUÂN TRƯỜNG"));
    CHECK_FALSE(is_all_uppercase("Huyện ủy"));
    CHECK(capitalize_first("tăng cường") == "Tăng cường");
    CHECK(to_upper("đảng ủy") == "ĐẢNG ỦY");
  }
}
