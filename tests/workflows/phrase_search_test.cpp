// PhraseList answers what a walk through its entries in order answers, on
// every position of every line of the corpus, for the reader's vocabulary.
#include "workflows/phrase_search.hpp"

#include <doctest/doctest.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "tests/workflows/fixture_text.hpp"
#include "workflows/directive_vocabulary.hpp"
#include "workflows/vietnamese_text.hpp"

using namespace cvtrack::workflows;

namespace {

std::optional<std::size_t> first_by_walking(const PhraseList& list, const PhraseText& text, std::size_t at) {
  for (std::size_t i = 0; i < list.size(); ++i)
    if (text.starts_with(list[i], at)) return i;
  return std::nullopt;
}

// The shadow by its definition, without lower_shadow()'s shortcuts: each
// well-formed code point's ICU lower case where it has the same length in
// UTF-8, then canonical_tone() on the whole unless that changes its length.
std::string shadow_by_definition(const std::string& text) {
  std::string out = text;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = int32_t(text.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    if (c < 0) continue;
    uint8_t buffer[4];
    int32_t length = 0;
    UBool error = false;
    U8_APPEND(buffer, length, 4, u_tolower(c), error);
    if (!error && length == i - start) std::copy(buffer, buffer + length, out.begin() + start);
  }
  std::string toned = canonical_tone(out);
  return toned.size() == out.size() ? toned : out;
}

std::string utf8(UChar32 c) {
  std::string out;
  icu::UnicodeString(c).toUTF8String(out);
  return out;
}

}  // namespace

TEST_SUITE("workflows/phrase_search") {
  TEST_CASE("the shadow is each code point's lower case with canonical tone, on the corpus and every code point") {
    std::size_t checked = 0, differ = 0;
    std::string first_difference;
    auto compare = [&](const std::string& text) {
      ++checked;
      if (lower_shadow(text) == shadow_by_definition(text)) return;
      if (differ++ == 0) first_difference = text;
    };
    for (const std::string& text : cvtrack::test::fixture_lines_and_paragraphs()) {
      compare(text);
      for (std::size_t at = 0; at < text.size(); at += 3) compare(text.substr(at, 5));
    }
    for (const char* special : {"HOÀ BÌNH Hoà Hòa QUÝ Quý UỶ BAN Uỷ", "KHOẺ khoẻ thuỷ THUỶ", "o\xFF\xC3", "U\xC0\x80" "a",
                                "Hoa\u0300 hoa\u0300n o\u0301a", "ΟΔΟΣ İstanbul Straße", "UỶ BAN", "Uỷ ban", "OÀ", "thuỶ"})
      compare(special);
    // Each code point alone, after an o or a u (where tones move) and
    // between letters.
    for (UChar32 c = 1; c < 0x10000; ++c) {
      if (c >= 0xD800 && c <= 0xDFFF) continue;
      const std::string cp = utf8(c);
      compare(cp);
      compare("Ho" + cp + "a");
      compare("qU" + cp);
      compare("A" + cp + "y");
    }
    CAPTURE(first_difference);
    CHECK(differ == 0);
    CHECK(checked > 250000);
  }

  TEST_CASE("a phrase list finds the first entry a walk through it finds, everywhere in the corpus") {
    const PhraseList* lists[] = {&vocabulary::subject_terminators(), &vocabulary::body_head_words(),
                                 &vocabulary::request_verbs(),       &vocabulary::leading_adverbials(),
                                 &vocabulary::collective_nouns(),    &vocabulary::level_words()};
    std::size_t found = 0, differ = 0;
    std::string first_difference;
    for (const std::string& line : cvtrack::test::fixture_lines()) {
      const PhraseText text{line};
      for (std::size_t at = 0; at <= line.size(); ++at) {
        for (const PhraseList* list : lists) {
          auto walked = first_by_walking(*list, text, at);
          found += walked.has_value();
          if (list->first_at(text, at) == walked) continue;
          if (differ++ == 0) first_difference = line.substr(at, 40);
        }
      }
    }
    CAPTURE(first_difference);
    CHECK(differ == 0);
    CHECK(found > 1000);
  }

  TEST_CASE("find() finds what a search from the needle's first byte finds, on every corpus line, from every match") {
    // find() as it was written: std::string::find from the needle's first
    // byte, then the word check, the next byte on if it fails.
    auto by_first_byte = [](const PhraseText& t, std::string_view needle, std::size_t from) -> std::optional<std::size_t> {
      const std::string& s = t.shadow();
      while (from <= s.size()) {
        std::size_t at = s.find(needle, from);
        if (at == std::string::npos) return std::nullopt;
        if (!letter_or_digit_before(s, at) && !letter_or_digit_at(s, at + needle.size())) return at;
        from = at + 1;
      }
      return std::nullopt;
    };
    std::vector<std::string> needles = {"báo cáo", "hằng ngày", "hàng tháng", "tháng", "thứ", "có hiệu lực", "phối hợp với",
                                        "ủy ban nhân dân", "n", "h", "đ", "ủy", "2", ".", " ", "", "ngày 15", "q", "ỹ",
                                        "UBND", "tại", "(qua", "gửi về", "chủ trì", "trước ngày", "và"};
    const PhraseList* lists[] = {&vocabulary::subject_terminators(), &vocabulary::body_head_words(),
                                 &vocabulary::request_verbs(),       &vocabulary::leading_adverbials(),
                                 &vocabulary::collective_nouns(),    &vocabulary::level_words(),
                                 &vocabulary::collective_phrases()};
    for (const PhraseList* list : lists)
      for (std::string_view entry : *list) needles.emplace_back(entry);
    std::size_t found = 0, differ = 0;
    std::string first_difference;
    const auto texts = cvtrack::test::fixture_lines_and_paragraphs();
    for (std::size_t k = 0; k < texts.size(); ++k) {
      const PhraseText text{texts[k]};
      std::vector<std::string> own = needles;
      // Words of the text itself (and the pair they start), found at least once.
      for (std::size_t at = 0, next; at < text.size(); at = next + 1) {
        next = std::min(text.shadow().find(' ', at), text.size());
        own.push_back(text.shadow().substr(at, next - at));
        own.push_back(text.shadow().substr(at, std::min(text.shadow().find(' ', next + 1), text.size()) - at));
      }
      for (const std::string& needle : own) {
        for (std::size_t from : {text.size(), text.size() + 1, text.size() / 2}) {
          if (text.find(needle, from) != by_first_byte(text, needle, from) && differ++ == 0)
            first_difference = needle + " in " + texts[k].substr(0, 60);
        }
        // From the start, then past every match in turn.
        std::size_t from = 0;
        for (int round = 0; round < 50; ++round) {
          auto expected = by_first_byte(text, needle, from);
          if (text.find(needle, from) != expected && differ++ == 0) first_difference = needle + " in " + texts[k].substr(0, 60);
          if (!expected) break;
          ++found;
          from = *expected + 1;
        }
      }
    }
    CAPTURE(first_difference);
    CHECK(differ == 0);
    CHECK(found > 50000);
  }

  TEST_CASE("starts_with() is the needle's bytes in the shadow as whole words, at every byte of the corpus") {
    const PhraseList* lists[] = {&vocabulary::subject_terminators(), &vocabulary::body_head_words(),
                                 &vocabulary::request_verbs(),       &vocabulary::leading_adverbials(),
                                 &vocabulary::collective_nouns(),    &vocabulary::level_words()};
    std::vector<std::string_view> needles = {"", "n", "đ", "báo cáo", "có liên quan", "ủy"};
    for (const PhraseList* list : lists)
      for (std::string_view entry : *list) needles.push_back(entry);
    std::size_t matched = 0, differ = 0;
    for (const std::string& line : cvtrack::test::fixture_lines()) {
      const PhraseText text{line};
      const std::string& s = text.shadow();
      for (std::size_t at = 0; at <= line.size(); ++at)
        for (std::string_view needle : needles) {
          // By its definition: the bytes, then nothing of a word on either side.
          const bool expected = at <= s.size() && s.compare(at, needle.size(), needle) == 0 &&
                                !letter_or_digit_before(s, at) && !letter_or_digit_at(s, at + needle.size());
          matched += expected;
          differ += text.starts_with(needle, at) != expected;
        }
    }
    CHECK(differ == 0);
    CHECK(matched > 10000);
  }

  TEST_CASE("a phrase list keeps its order: the first entry that matches wins") {
    const PhraseList verbs = {"giao nhiệm vụ cho", "giao cho", "giao"};
    const PhraseText text{"Giao cho UBND huyện"};
    CHECK(verbs.first_at(text, 0) == 1u);
    CHECK(verbs.first_at(text, 5) == std::nullopt);
    CHECK_FALSE(verbs.any_at(text, text.size()));
  }
}
