// Issue 7: .docx read directly. The tests write the zip and the XML
// themselves (tests/support/docx_builder.hpp): a small letter with the
// header in a two-column table, list numbering, tracked changes and a task
// table; every corpus document as a .docx parses exactly as its text export;
// broken zips, zip bombs and hostile XML are refused with a message.
#include "workflows/docx_text.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/document_json.hpp"
#include "tests/support/docx_builder.hpp"
#include "workflows/document_input.hpp"
#include "workflows/document_reader.hpp"

using namespace cvtrack;
using test::document_xml;
using test::make_docx;
using test::paragraph_xml;

namespace {

std::string run(const std::string& text) { return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>"; }

std::string cell(const std::string& paragraphs) { return "<w:tc>" + paragraphs + "</w:tc>"; }

std::string row(std::initializer_list<std::string> cells) {
  std::string out = "<w:tr>";
  for (const auto& c : cells) out += cell(c);
  return out + "</w:tr>";
}

std::string table(const std::string& rows) { return "<w:tbl>" + rows + "</w:tbl>"; }

std::string numbered(int level, const std::string& runs) {
  return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" + std::to_string(level) +
         "\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>" + runs + "</w:p>";
}

const std::string kNumbering =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:abstractNum w:abstractNumId=\"7\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%2)\"/></w:lvl>"
    "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"7\"/></w:num></w:numbering>";

// A công văn as Word lays it out: the header a borderless 2×2 table, the
// directives a numbered list, a task table, the closing a 1×2 table.
std::string small_letter() {
  std::string body =
      table(row({paragraph_xml("ỦY BAN NHÂN DÂN\nHUYỆN CÔN ĐẢO"),
                 paragraph_xml("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc")}) +
            row({paragraph_xml("Số: 2983/UBND-VP") + paragraph_xml("V/v tổ chức tuyên truyền Đại hội Thi đua"),
                 paragraph_xml("Côn Đảo, ngày 12 tháng 10 năm 2020")})) +
      "<w:p>" + run("Kính gửi:") + "<w:r><w:tab/></w:r>" + run("Phòng Văn hóa và Thông tin huyện.") + "</w:p>" +
      numbered(0, run("Phòng ") + "<w:del><w:r><w:delText>Giáo dục</w:delText></w:r></w:del>" +
                      "<w:ins><w:r><w:t>Văn hóa</w:t></w:r></w:ins>" +
                      run(" và Thông tin chủ trì tuyên truyền, hoàn thành trước ngày 30/10/2020.")) +
      numbered(1, run("Các xã, thị trấn treo băng rôn trước ngày 25/10/2020.")) +
      numbered(0, run("Đài Truyền thanh huyện đưa tin") +
                      "<w:r><w:rPr><w:vanish/></w:rPr><w:t> ẩn</w:t></w:r>" + run(".")) +
      table(row({paragraph_xml("STT"), paragraph_xml("Nội dung"), paragraph_xml("Cơ quan chủ trì"),
                 paragraph_xml("Cơ quan phối hợp"), paragraph_xml("Thời gian hoàn thành")}) +
            row({paragraph_xml("1"), paragraph_xml("Xây dựng đề cương") + paragraph_xml("tuyên truyền"),
                 paragraph_xml("Phòng Văn hóa và Thông tin"), paragraph_xml("Văn phòng HĐND và UBND"),
                 paragraph_xml("Tháng 11/2020")})) +
      table(row({paragraph_xml("Nơi nhận:\n- Như trên;\n- Lưu: VT."),
                 paragraph_xml("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH") + paragraph_xml("Nguyễn Văn A")}));
  return make_docx(document_xml(body), {{"word/numbering.xml", kNumbering}});
}

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string parse_json(const std::string& text) {
  auto parsed = workflows::read_document_text(text, "doc");
  REQUIRE(parsed);
  return engine::to_json(*parsed).dump(1);
}

}  // namespace

TEST_SUITE("workflows/docx_text") {
  TEST_CASE("issue 7: a small .docx reads as its text export: two-column header, numbering, tracked changes, tables") {
    auto text = workflows::docx_to_text(small_letter(), "cv.docx");
    REQUIRE_MESSAGE(text, (text ? "" : text.error().message));
    CHECK(*text ==
          "ỦY BAN NHÂN DÂN\nHUYỆN CÔN ĐẢO\n\n"
          "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
          "Số: 2983/UBND-VP\n\nV/v tổ chức tuyên truyền Đại hội Thi đua\n\n"
          "Côn Đảo, ngày 12 tháng 10 năm 2020\n\n"
          "Kính gửi:\tPhòng Văn hóa và Thông tin huyện.\n\n"
          "1. Phòng Văn hóa và Thông tin chủ trì tuyên truyền, hoàn thành trước ngày 30/10/2020.\n\n"
          "a) Các xã, thị trấn treo băng rôn trước ngày 25/10/2020.\n\n"
          "2. Đài Truyền thanh huyện đưa tin.\n\n"
          "| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n"
          "|---|---|---|---|---|\n"
          "| 1 | Xây dựng đề cương tuyên truyền | Phòng Văn hóa và Thông tin | Văn phòng HĐND và UBND | Tháng 11/2020 |\n\n"
          "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn A\n");

    auto input = workflows::document_input_from_bytes(small_letter(), "cv.docx", 1 << 20);
    REQUIRE(input);
    CHECK(input->format == "Word .docx");
    auto letter = workflows::read_document_text(input->text, "cv.docx");
    REQUIRE(letter);
    const auto& h = letter->document;
    CHECK(h.issuer == "Ủy ban nhân dân huyện Côn Đảo");
    CHECK(h.number == "2983/UBND-VP");
    CHECK(engine::to_iso(*h.date) == "2020-10-12");
    CHECK(h.place == "Côn Đảo");
    CHECK(h.subject == "Tổ chức tuyên truyền Đại hội Thi đua");
    CHECK(h.signer.capacity == "KT. CHỦ TỊCH");
    CHECK(h.signer.name == "Nguyễn Văn A");
    REQUIRE(letter->directives.size() >= 3);
    CHECK(letter->directives[0].number == "1");
    CHECK(letter->directives[0].tasks.at(0).assignee == "Phòng Văn hóa và Thông tin");
    CHECK(engine::to_iso(*letter->directives[0].tasks.at(0).deadline) == "2020-10-30");
    CHECK(letter->directives[1].number == "2");
    CHECK(letter->directives.back().number == "PL.1");
    CHECK(letter->directives.back().tasks.at(0).assignee == "Phòng Văn hóa và Thông tin");
  }

  TEST_CASE("issue 7: every corpus document as a .docx parses exactly as its text export") {
    for (const auto& e : std::filesystem::directory_iterator(CVTRACK_FIXTURES_DIR)) {
      if (e.path().extension() != ".txt") continue;
      CAPTURE(e.path().filename().string());
      const std::string text = slurp(e.path());
      auto input = workflows::document_input_from_bytes(test::docx_from_text(text), "doc.docx", 4 << 20);
      REQUIRE_MESSAGE(input, (input ? "" : input.error().message));
      CHECK(input->format == "Word .docx");
      CHECK(parse_json(input->text) == parse_json(text));
    }
  }

  TEST_CASE("issue 7: broken zips, zip bombs and hostile XML are refused with a message") {
    auto broken = workflows::docx_to_text(std::string("PK\x03\x04garbage that is not a zip", 30), "a.docx");
    REQUIRE_FALSE(broken);
    CHECK(broken.error().message.rfind("a.docx: not a readable .docx (the zip archive is broken: ", 0) == 0);

    auto truncated_docx = small_letter();
    truncated_docx.resize(truncated_docx.size() / 2);
    auto truncated = workflows::docx_to_text(truncated_docx, "half.docx");
    REQUIRE_FALSE(truncated);
    CHECK(truncated.error().message.rfind("half.docx: not a readable .docx", 0) == 0);

    auto no_document = workflows::docx_to_text(test::make_zip({{"hello.txt", "hi"}}), "b.docx");
    REQUIRE_FALSE(no_document);
    CHECK(no_document.error().message == "b.docx: a zip archive without word/document.xml: not a Word .docx");

    auto malformed = workflows::docx_to_text(make_docx("<w:document>\n<w:body><w:p></w:body>"), "c.docx");
    REQUIRE_FALSE(malformed);
    CHECK(malformed.error().message.rfind("c.docx: word/document.xml:2: malformed XML: ", 0) == 0);

    const std::string laughs =
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
        "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>" +
        document_xml("<w:p><w:r><w:t>&lol2;</w:t></w:r></w:p>").substr(std::string("<?xml version=\"1.0\" "
                                                                                  "encoding=\"UTF-8\" standalone=\"yes\"?>\n")
                                                                          .size());
    auto dtd = workflows::docx_to_text(make_docx(laughs), "d.docx");
    REQUIRE_FALSE(dtd);
    CHECK(dtd.error().message == "d.docx: word/document.xml: declares a DTD, which no Word document does; refused");

    // 4 MB of text that deflates to a few kilobytes.
    const std::string bomb = make_docx(document_xml(paragraph_xml(std::string(4 << 20, 'a'))));
    CHECK(bomb.size() < 64 * 1024);
    workflows::DocxLimits limits;
    limits.max_part_bytes = 1 << 20;
    auto refused = workflows::docx_to_text(bomb, "bomb.docx", limits);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message ==
          "bomb.docx: word/document.xml unpacks to more than 1048576 bytes (a zip bomb?); refused");
  }

  TEST_CASE("issue 7: a .docx file is read by read_document_file like a text file") {
    const auto path = std::filesystem::temp_directory_path() / "cvtrack-docx-text-test.docx";
    {
      std::ofstream out(path, std::ios::binary);
      out << small_letter();
    }
    auto parsed = workflows::read_document_file(path);
    std::filesystem::remove(path);
    REQUIRE_MESSAGE(parsed, (parsed ? "" : parsed.error().message));
    CHECK(parsed->document.number == "2983/UBND-VP");
  }
}
