#include "workflows/vietnamese_text.hpp"

#include <doctest/doctest.h>

using namespace cvtrack::workflows;

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

  TEST_CASE("case helpers know Vietnamese letters") {
    CHECK(starts_with_lowercase("động và người"));
    CHECK_FALSE(starts_with_lowercase("Động"));
    CHECK(is_all_uppercase("HUYỆN ỦY XUÂN TRƯỜNG"));
    CHECK_FALSE(is_all_uppercase("Huyện ủy"));
    CHECK(capitalize_first("tăng cường") == "Tăng cường");
    CHECK(to_upper("đảng ủy") == "ĐẢNG ỦY");
  }
}
