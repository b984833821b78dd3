// engine::append_json_string must write what nlohmann's dump() writes, byte
// for byte: event hashes are computed over it and must verify forever, and
// stored task views are compared with a replay's.
#include "engine/json_text.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

using cvtrack::engine::append_json_string;
using nlohmann::json;

TEST_SUITE("engine/json_text") {
  TEST_CASE("a string is written as dump() writes it: every ASCII byte, and UTF-8 of every length") {
    std::vector<std::string> texts{"", "Đã triển khai đến các thôn", "😀 ký tự", "\x7f", "a\"b\\c", "C:\\thôn\r\n",
                                   "\xe2\x80\xa8 U+2028 stays as it is"};
    for (int c = 0; c < 0x80; ++c) texts.push_back(std::string("x") + char(c) + "y");
    std::string controls;
    for (int c = 0; c < 0x20; ++c) controls += char(c);
    texts.push_back(controls);
    for (const auto& text : texts) {
      CAPTURE(json(text).dump());
      std::string out = "[1,";
      REQUIRE(append_json_string(out, text));
      CHECK(out == "[1," + json(text).dump());
    }
  }

  TEST_CASE("text that is not UTF-8 is not written: dump() refuses it") {
    const std::vector<std::string> invalid{"\xff", "ends mid-letter \xc3", "\xc0\xaf overlong",
                                           "\xed\xa0\x80 a surrogate", "\xf4\x90\x80\x80 past U+10FFFF",
                                           "Đã \xe1\xba"};
    for (const auto& text : invalid) {
      std::string out = "[1,";
      CHECK_FALSE(append_json_string(out, text));
      CHECK(out == "[1,");
      CHECK_THROWS_AS((void)json(text).dump(), json::type_error);
    }
  }
}
