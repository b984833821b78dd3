// Issue 7, real-world files: every corpus document, converted at test time to
// each encoding Vietnamese offices still use, is detected and reads exactly as
// its UTF-8 original; plain UTF-8 is never taken for anything else; a text no
// encoding reads is refused naming the byte and the encoding it looks like.
#include "workflows/text_decoding.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "engine/document_json.hpp"
#include "workflows/document_input.hpp"
#include "workflows/document_reader.hpp"
#include "workflows/legacy_vietnamese_charsets.hpp"
#include "workflows/vietnamese_text.hpp"

using namespace cvtrack;
using workflows::TextEncoding;

namespace {

std::vector<std::filesystem::path> corpus() {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(CVTRACK_FIXTURES_DIR))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The one character of the corpus no legacy encoding has.
std::string encodable(std::string text) {
  for (std::size_t at; (at = text.find("→")) != std::string::npos;) text.replace(at, 3, "->");
  return text;
}

std::string parse_json(const std::string& utf8_text) {
  auto parsed = workflows::read_document_text(utf8_text, "doc.txt");
  REQUIRE(parsed);
  return engine::to_json(*parsed).dump(1);
}

struct Conversion {
  const char* name;
  TextEncoding expected;
  std::function<std::string(const std::string&)> convert;
};

std::string must(engine::Result<std::string> r) {
  REQUIRE_MESSAGE(r, (r ? "" : r.error().message));
  return *r;
}

const std::vector<Conversion>& conversions() {
  static const std::vector<Conversion> all = {
      {"UTF-8 with BOM", TextEncoding::utf8_bom, [](const std::string& t) { return "\xEF\xBB\xBF" + t; }},
      {"UTF-16 LE with BOM", TextEncoding::utf16le,
       [](const std::string& t) { return workflows::encode_utf16(t, true, true); }},
      {"UTF-16 BE with BOM", TextEncoding::utf16be,
       [](const std::string& t) { return workflows::encode_utf16(t, false, true); }},
      {"UTF-16 LE without BOM", TextEncoding::utf16le,
       [](const std::string& t) { return workflows::encode_utf16(t, true, false); }},
      {"UTF-16 BE without BOM", TextEncoding::utf16be,
       [](const std::string& t) { return workflows::encode_utf16(t, false, false); }},
      {"Windows-1258", TextEncoding::windows_1258,
       [](const std::string& t) { return must(workflows::encode_windows_1258(t)); }},
      {"TCVN3, capitals with their own codes", TextEncoding::tcvn3,
       [](const std::string& t) { return must(workflows::encode_tcvn3(t)); }},
      {"TCVN3, capitals in an all-caps font", TextEncoding::tcvn3,
       [](const std::string& t) {
         return must(workflows::encode_tcvn3(t, workflows::TcvnCapitals::all_caps_font));
       }},
      {"VNI", TextEncoding::vni, [](const std::string& t) { return must(workflows::encode_vni(t)); }},
  };
  return all;
}

}  // namespace

TEST_SUITE("workflows/text_decoding") {
  TEST_CASE("issue 7: every corpus document in UTF-8 reads as UTF-8, unchanged") {
    for (const auto& file : corpus()) {
      CAPTURE(file.filename().string());
      const std::string bytes = slurp(file);
      auto decoded = workflows::decode_text(bytes, file.string());
      REQUIRE(decoded);
      CHECK(decoded->encoding == TextEncoding::utf8);
      CHECK(decoded->text == workflows::to_nfc(bytes));
    }
  }

  TEST_CASE("issue 7: a corpus document in any encoding parses exactly as its UTF-8 original") {
    for (const auto& file : corpus()) {
      const std::string original = encodable(slurp(file));
      const std::string expected = parse_json(original);
      for (const auto& conversion : conversions()) {
        CAPTURE(file.filename().string());
        CAPTURE(std::string(conversion.name));
        const std::string bytes = conversion.convert(original);
        auto input = workflows::document_input_from_bytes(bytes, "doc.txt", 8 * 1024 * 1024);
        REQUIRE_MESSAGE(input, (input ? "" : input.error().message));
        CHECK(input->format == workflows::encoding_name(conversion.expected));
        CHECK(input->converted);
        CHECK(parse_json(input->text) == expected);
      }
    }
  }

  TEST_CASE("issue 7: decomposed text (NFD) and CRLF line ends read as NFC and LF") {
    const std::string nfc = "Kính gửi: Ủy ban nhân dân huyện\nTiếng Việt\n";
    const std::string nfd_crlf =
        "Ki\xCC\x81nh gu\xCC\x9B\xCC\x89i: U\xCC\x89y ban nha\xCC\x82n da\xCC\x82n huye\xCC\xA3\xCC\x82n\r\n"
        "Tie\xCC\x82\xCC\x81ng Vie\xCC\xA3\xCC\x82t\r\n";
    auto decoded = workflows::decode_text(nfd_crlf, "nfd.txt");
    REQUIRE(decoded);
    CHECK(decoded->encoding == TextEncoding::utf8);
    CHECK(decoded->text == nfc);
    const std::string document = slurp(corpus().front());
    std::string crlf;
    for (char c : document) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    auto crlf_input = workflows::document_input_from_bytes(crlf, "crlf.txt", 8 * 1024 * 1024);
    REQUIRE(crlf_input);
    CHECK(parse_json(crlf_input->text) == parse_json(document));
  }

  TEST_CASE("issue 7: bytes no encoding reads convincingly are refused, naming the byte and the suspect") {
    // A TCVN3 document with every other letter beyond ASCII replaced by a
    // lone tone mark: still most like TCVN3, but no longer Vietnamese.
    std::string tcvn = must(workflows::encode_tcvn3(encodable(slurp(corpus().front()))));
    bool flip = false;
    for (char& c : tcvn)
      if (static_cast<unsigned char>(c) >= 0xA0 && (flip = !flip)) c = '\xB0';
    auto damaged = workflows::decode_text(tcvn, "damaged.txt");
    REQUIRE_FALSE(damaged);
    const std::string& message = damaged.error().message;
    INFO(message);
    CHECK(message.rfind("damaged.txt:3: byte 6 ", 0) == 0);
    CHECK(message.find(" is not valid UTF-8, and no legacy encoding reads it as Vietnamese: it looks most like "
                       "TCVN3 (ABC), but only ") != std::string::npos);
    CHECK(message.find("; convert the document to UTF-8") != std::string::npos);

    // Two accented words: TCVN3, VNI and Windows-1258 all read them.
    auto short_text = workflows::decode_text("Ban \xE1n\n", "short.txt");
    REQUIRE_FALSE(short_text);
    CHECK(short_text.error().message ==
          "short.txt:1: byte 4 is not valid UTF-8, and no legacy encoding reads it as Vietnamese: too few "
          "Vietnamese words to tell the encoding (it may be TCVN3 (ABC)); convert the document to UTF-8");
  }

  TEST_CASE("issue 7: a binary file is still refused as binary, a lone surrogate as bad UTF-16") {
    auto binary = workflows::decode_text(std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\xFF", 17), "image.txt");
    REQUIRE_FALSE(binary);
    CHECK(binary.error().message == "image.txt:3: byte 8 is NUL: this is a binary file, not a text document");
    auto surrogate = workflows::decode_text(std::string("\xFF\xFE" "A\0\x00\xD8" "B\0", 8), "u16.txt");
    REQUIRE_FALSE(surrogate);
    CHECK(surrogate.error().message == "u16.txt:1: byte 4 is a lone surrogate: not valid UTF-16 LE");
  }

  TEST_CASE("issue 7: an old .doc and a PDF are refused with what to save them as") {
    auto doc = workflows::document_input_from_bytes(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), "cv.doc", 1024);
    REQUIRE_FALSE(doc);
    CHECK(doc.error().message == "cv.doc: a Word 97-2003 .doc (or another OLE file); save it as .docx or as UTF-8 text");
    auto pdf = workflows::document_input_from_bytes("%PDF-1.4\n", "cv.pdf", 1024);
    REQUIRE_FALSE(pdf);
    CHECK(pdf.error().message == "cv.pdf: a PDF; save the document as .docx or as UTF-8 text");
  }
}
