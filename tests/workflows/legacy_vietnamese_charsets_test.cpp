// Issue 7: the TCVN3 and VNI tables are exact and complete — every one of the
// 134 letters round-trips, known strings from the references decode to what
// they say, and whole corpus documents come back unchanged.
#include "workflows/legacy_vietnamese_charsets.hpp"

#include <doctest/doctest.h>

#include <iconv.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "workflows/vietnamese_syllables.hpp"
#include "workflows/vietnamese_text.hpp"

using namespace cvtrack;
using workflows::TcvnCapitals;

namespace {

std::string text_of(engine::Result<std::string> r) {
  REQUIRE_MESSAGE(r, (r ? "" : r.error().message));
  return *r;
}

// glibc's own TCVN 5712 converter (TCVN5712-1, the VN1 table), an
// implementation independent of ours.
std::string glibc_tcvn(const std::string& utf8) {
  iconv_t cd = iconv_open("TCVN5712-1", "UTF-8");
  REQUIRE(cd != iconv_t(-1));
  std::string in = utf8, out(16, '\0');
  char* src = in.data();
  char* dst = out.data();
  std::size_t left = in.size(), room = out.size();
  const std::size_t done = iconv(cd, &src, &left, &dst, &room);
  iconv_close(cd);
  REQUIRE(done != std::size_t(-1));
  out.resize(out.size() - room);
  return out;
}

// VNI's scheme, from its description (shared/domain.md §5.1): the base
// letter, then one byte for the circumflex or breve with the tone; ơ and ư
// are single bytes taking a tone byte; đ, the toned i's and ỵ are single
// bytes; capitals take the capital bytes (0x20 lower). An independent
// derivation of the table, letter by letter, from the alphabet.
std::string vni_by_scheme(const std::string& letter) {
  struct Row {
    const char* forms[6];  // no tone, huyền, sắc, hỏi, ngã, nặng
    const char* base;
    std::array<unsigned char, 6> marks;
  };
  static const std::array<unsigned char, 6> kTones = {0, 0xF8, 0xF9, 0xFB, 0xF5, 0xEF};
  static const std::array<unsigned char, 6> kCircumflex = {0xE2, 0xE0, 0xE1, 0xE5, 0xE3, 0xE4};
  static const std::array<unsigned char, 6> kBreve = {0xEA, 0xE8, 0xE9, 0xFA, 0xFC, 0xEB};
  static const Row kRows[] = {
      {{"a", "à", "á", "ả", "ã", "ạ"}, "a", kTones},       {{"ă", "ằ", "ắ", "ẳ", "ẵ", "ặ"}, "a", kBreve},
      {{"â", "ầ", "ấ", "ẩ", "ẫ", "ậ"}, "a", kCircumflex},  {{"e", "è", "é", "ẻ", "ẽ", "ẹ"}, "e", kTones},
      {{"ê", "ề", "ế", "ể", "ễ", "ệ"}, "e", kCircumflex},  {{"o", "ò", "ó", "ỏ", "õ", "ọ"}, "o", kTones},
      {{"ô", "ồ", "ố", "ổ", "ỗ", "ộ"}, "o", kCircumflex},  {{"ơ", "ờ", "ớ", "ở", "ỡ", "ợ"}, "\xF4", kTones},
      {{"u", "ù", "ú", "ủ", "ũ", "ụ"}, "u", kTones},       {{"ư", "ừ", "ứ", "ử", "ữ", "ự"}, "\xF6", kTones},
      {{"y", "ỳ", "ý", "ỷ", "ỹ", "ỵ"}, "y", kTones},
  };
  static const std::map<std::string, std::string> kSingles = {
      {"đ", "\xF1"}, {"ì", "\xEC"}, {"í", "\xED"}, {"ỉ", "\xE6"}, {"ĩ", "\xF3"}, {"ị", "\xF2"}, {"ỵ", "\xEE"}};
  const std::string lower = workflows::to_lower(letter);
  std::string bytes;
  if (auto it = kSingles.find(lower); it != kSingles.end()) {
    bytes = it->second;
  } else {
    for (const auto& row : kRows)
      for (int tone = 0; tone < 6; ++tone)
        if (lower == row.forms[tone]) {
          bytes = row.base;
          if (row.marks[std::size_t(tone)]) bytes += char(row.marks[std::size_t(tone)]);
        }
  }
  if (workflows::is_all_uppercase(letter))
    for (char& c : bytes) {
      if (c >= 'a' && c <= 'z') c = char(c - 32);
      else if (static_cast<unsigned char>(c) >= 0xE0) c = char(static_cast<unsigned char>(c) - 0x20);
    }
  return bytes;
}

}  // namespace

TEST_SUITE("workflows/legacy_vietnamese_charsets") {
  TEST_CASE("the tables hold the 134 Vietnamese letters beyond ASCII, 67 in each case") {
    auto letters = workflows::vietnamese_non_ascii_letters();
    CHECK(letters.size() == 134);
    CHECK(std::set<std::string>(letters.begin(), letters.end()).size() == 134);
    int upper = 0;
    for (const auto& l : letters) {
      CHECK(workflows::to_nfc(l) == l);
      if (workflows::is_all_uppercase(l)) ++upper;
    }
    CHECK(upper == 67);
  }

  TEST_CASE("every letter has the code glibc's TCVN5712-1 gives it, and the bytes VNI's scheme gives it") {
    for (const auto& letter : workflows::vietnamese_non_ascii_letters()) {
      CAPTURE(letter);
      CHECK(text_of(workflows::encode_tcvn3(letter)) == glibc_tcvn(letter));
      const std::string vni = vni_by_scheme(letter);
      REQUIRE_FALSE(vni.empty());
      CHECK(text_of(workflows::encode_vni(letter)) == vni);
    }
  }

  TEST_CASE("every letter round-trips through TCVN3 (both ways of writing capitals) and VNI") {
    for (const auto& letter : workflows::vietnamese_non_ascii_letters()) {
      CAPTURE(letter);
      const bool capital = workflows::is_all_uppercase(letter);
      // In a word of its own case, as letters stand in a text.
      const std::string word = capital ? "H" + letter + "N" : "h" + letter + "n";
      CHECK(workflows::decode_tcvn3(text_of(workflows::encode_tcvn3(word))) == word);
      CHECK(workflows::decode_tcvn3(text_of(workflows::encode_tcvn3(word, TcvnCapitals::all_caps_font))) == word);
      CHECK(workflows::decode_vni(text_of(workflows::encode_vni(word))) == word);
      CHECK(workflows::decode_vni(text_of(workflows::encode_vni(letter))) == letter);
    }
  }

  TEST_CASE("strings from the references decode to what they say") {
    // glibc's TCVN5712-1, shared/domain.md §5.2.
    CHECK(workflows::decode_tcvn3("Ti\xD5ng Vi\xD6t r\xCAt hay") == "Tiếng Việt rất hay");
    // Real mojibake of a TCVN3 letterhead read as Latin-1: the old-style "Uỷ".
    CHECK(workflows::decode_tcvn3("U\xFB ban nh\xA9n d\xA9n") == "Uỷ ban nhân dân");
    CHECK(workflows::decode_vni("Xin cha\xF8o ca\xF9\x63 ba\xEFn") == "Xin chào các bạn");
    CHECK(workflows::decode_vni("Tie\xE1ng Vie\xE4t") == "Tiếng Việt");
    CHECK(workflows::decode_vni("\xD1\xC6NG C\xD4\xDB") == "ĐỈNG CỞ");
    CHECK(workflows::decode_vni("Vi\xC6u") == "ViỈu");  // the case of a single-byte letter is its own
  }

  TEST_CASE("TCVN3 capitals typed in an all-caps font come back as capitals, title case stays") {
    // .VnTimeH documents: the toned capitals are the lower-case codes.
    CHECK(workflows::decode_tcvn3("\xF1Y BAN NH\xA2N D\xA2N T\xD8NH") == "ỦY BAN NHÂN DÂN TỈNH");
    CHECK(workflows::decode_tcvn3("X\xB7 \xA7OA") == "XÃ ĐOA");
    CHECK(workflows::decode_tcvn3("U\xFB BAN NH\xA2N D\xA2N") == "UỶ BAN NHÂN DÂN");
    CHECK(workflows::decode_tcvn3("S\xE8: 281-CV/HU") == "Số: 281-CV/HU");
    CHECK(workflows::decode_tcvn3("U\xFB ban nh\xA9n d\xA9n") == "Uỷ ban nhân dân");
  }

  TEST_CASE("TCVN3's capitals that share bytes with Windows quotes and dashes are told by context") {
    CHECK(workflows::decode_tcvn3("H\x96\x43 T\x97I") == "HỌC TỘI");       // inside capital words
    CHECK(workflows::decode_tcvn3("C\x95 \x93V\xEFng xanh\x94") == "CÓ “Vùng xanh”");
    CHECK(workflows::decode_tcvn3("\x93\x43OVID\x94 \x96 \x85") == "“COVID” – …");
  }

  TEST_CASE("a corpus document to TCVN3 and VNI and back is the same text") {
    for (const auto& e : std::filesystem::directory_iterator(CVTRACK_FIXTURES_DIR)) {
      if (e.path().extension() != ".txt") continue;
      CAPTURE(e.path().filename().string());
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream s;
      s << in.rdbuf();
      std::string text = workflows::to_nfc(s.str());
      for (std::size_t at; (at = text.find("→")) != std::string::npos;) text.replace(at, 3, "->");
      CHECK(workflows::decode_tcvn3(text_of(workflows::encode_tcvn3(text))) == text);
      CHECK(workflows::decode_vni(text_of(workflows::encode_vni(text))) == text);
    }
  }

  TEST_CASE("a character the encoding lacks is an error naming it") {
    auto arrow = workflows::encode_tcvn3("HỎA TỐC →");
    REQUIRE_FALSE(arrow);
    CHECK(arrow.error().message == "byte 12: \"→\" (U+2192) cannot be written in TCVN3");
    auto euro = workflows::encode_vni("5 €");
    CHECK(euro);  // Windows-1252 has it at 0x80, and VNI fonts keep it
  }
}

TEST_SUITE("workflows/vietnamese_syllables") {
  TEST_CASE("syllables and non-syllables") {
    for (const char* word : {"nghiêng", "Uỷ", "ủy", "quốc", "gì", "giếng", "HUYỆN", "thuyền", "khuya", "được", "ước",
                             "anh", "oan", "Đoàn", "chỉ", "ngoẵng"})
      CHECK_MESSAGE(workflows::is_vietnamese_syllable(word), word);
    for (const char* word : {"Vieọt", "ủaùi", "tiơng", "TiÕng", "nh©n", "Uû", "cák", "Covid", "bạc̀"})
      CHECK_MESSAGE(!workflows::is_vietnamese_syllable(word), word);
  }

  TEST_CASE("a text's score counts words beyond ASCII, leaving acronyms and numbers out") {
    auto score = workflows::score_vietnamese_text("Kính gửi: UBND, HĐND các xã (Covid-19); “vùng xanh” nh©n.");
    CHECK(score.scored == 6);
    CHECK(score.valid == 5);
    CHECK(score.first_invalid_word == "nh©n");
  }
}
