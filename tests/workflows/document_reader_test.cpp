#include "workflows/document_reader.hpp"

#include <doctest/doctest.h>

#include "tests/support/doctest_printers.hpp"

#include <filesystem>
#include <fstream>

#include "engine/document_json.hpp"
#include "tests/workflows/fixture_text.hpp"
#include "workflows/clause_reader.hpp"
#include "workflows/closing_reader.hpp"
#include "workflows/header_reader.hpp"
#include "workflows/text_source.hpp"
#include "workflows/vietnamese_text.hpp"

using namespace cvtrack;
using engine::ParsedDocument;
using workflows::read_document_text;

namespace {

ParsedDocument parse(const std::string& text) {
  auto parsed = read_document_text(text, "test.txt");
  REQUIRE_MESSAGE(parsed.ok(), (parsed.ok() ? "" : parsed.error().message));
  return *parsed;
}

const engine::Directive* find_directive(const std::vector<engine::Directive>& ds, const std::string& number) {
  for (const auto& d : ds) {
    if (d.number == number) return &d;
    if (auto inner = find_directive(d.items, number)) return inner;
  }
  return nullptr;
}

const std::string kPartyHeader = R"(**ĐẢNG BỘ TỈNH NAM ĐỊNH
HUYỆN ỦY XUÂN TRƯỜNG**

*

Số 288 - CV/HU

*V/v tăng cường lãnh đạo, chỉ đạo công
tác phòng, chống dịch Covid-19*

ĐẢNG CỘNG SẢN VIỆT NAM

Xuân Trường, ngày 15 tháng 7 năm 2021

Kính gửi:

- Các chi bộ trực thuộc,
- UBND các xã, thị trấn.

)";

const std::string kPartySignature = R"(
Nơi nhận:
- Như trên,
- Lưu VP Huyện ủy.

**T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ THƯỜNG TRỰC**



Phạm Minh Tuấn
)";

std::string party_document(const std::string& body) { return kPartyHeader + body + kPartySignature; }

}  // namespace

TEST_SUITE("workflows/document_reader: header") {
  TEST_CASE("a party công văn: issuer, parent, number, date, place, subject, kind, signer") {
    auto p = parse(party_document("1. Các chi bộ trực thuộc tiếp tục quán triệt nghị quyết.\n"));
    const auto& h = p.document;
    CHECK(h.issuer == "Huyện ủy Xuân Trường");
    CHECK(h.parent == "Đảng bộ tỉnh Nam Định");
    CHECK(h.number == "288-CV/HU");
    CHECK(engine::to_iso(*h.date) == "2021-07-15");
    CHECK(h.place == "Xuân Trường");
    CHECK(h.subject == "Tăng cường lãnh đạo, chỉ đạo công tác phòng, chống dịch Covid-19");
    CHECK(h.kind == "công văn");
    CHECK(h.signer.capacity == "T/M BAN THƯỜNG VỤ");
    CHECK(h.signer.title == "PHÓ BÍ THƯ THƯỜNG TRỰC");
    CHECK(h.signer.name == "Phạm Minh Tuấn");
    CHECK(h.recipients == std::vector<std::string>{"Các chi bộ trực thuộc", "UBND các xã, thị trấn"});
    CHECK(h.cc == std::vector<std::string>{"Như trên", "Lưu VP Huyện ủy"});
  }

  TEST_CASE("a state document with the two header columns flattened onto shared lines") {
    auto p = parse(R"(ỦY BAN NHÂN DÂN         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH KON TUM            Độc lập - Tự do - Hạnh phúc

Số: 2847/UBND-KGVX      Kon Tum, ngày 29 tháng 8 năm 2022
V/v tổ chức Lễ khai giảng năm học 2022-2023

Kính gửi: Sở Giáo dục và Đào tạo.

1. Sở Giáo dục và Đào tạo tổng hợp kết quả, báo cáo UBND tỉnh trước ngày 15/9/2022./.

Nơi nhận:                        KT. CHỦ TỊCH
- Như trên;                      PHÓ CHỦ TỊCH
- Lưu: VT, KGVX.

                                 Nguyễn Văn A
)");
    const auto& h = p.document;
    CHECK(h.issuer == "Ủy ban nhân dân tỉnh Kon Tum");
    CHECK_FALSE(h.parent);
    CHECK(h.number == "2847/UBND-KGVX");
    CHECK(engine::to_iso(*h.date) == "2022-08-29");
    CHECK(h.place == "Kon Tum");
    CHECK(h.subject == "Tổ chức Lễ khai giảng năm học 2022-2023");
    CHECK(h.recipients == std::vector<std::string>{"Sở Giáo dục và Đào tạo"});
    CHECK(h.cc == std::vector<std::string>{"Như trên", "Lưu: VT, KGVX"});
    CHECK(h.signer.capacity == "KT. CHỦ TỊCH");
    CHECK(h.signer.title == "PHÓ CHỦ TỊCH");
    CHECK(h.signer.name == "Nguyễn Văn A");
  }

  TEST_CASE("a party letter flattened into two columns, signature beside the Nơi nhận list") {
    auto p = parse(R"(HUYỆN ỦY ĐỨC TRỌNG                      ĐẢNG CỘNG SẢN VIỆT NAM
         *
   Số 720-CV/HU                   Đức Trọng, ngày 05 tháng 5 năm 2022
V/v chuẩn bị tổng kết 10 năm thực hiện
Chỉ thị 05-CT/TW của Bộ Chính trị

              Kính gửi:  - Các chi, đảng bộ cơ sở,
                         - Các ban xây dựng Đảng Huyện ủy.

Để chuẩn bị tổng kết 10 năm thực hiện Chỉ thị 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị, Ban Thường vụ Huyện ủy yêu cầu:

1. Các chi, đảng bộ cơ sở xây dựng báo cáo tổng kết theo đề cương gửi kèm, gửi về Huyện ủy (qua Ban Tuyên giáo) chậm nhất ngày 10/6/2022.

2. Ban Tuyên giáo Huyện ủy chủ trì, phối hợp với Văn phòng Huyện ủy tham mưu Ban Thường vụ Huyện ủy xây dựng báo cáo tổng kết của huyện, trình Thường trực Huyện ủy trước ngày 25/6/2022; tham mưu tổ chức hội nghị tổng kết trong tháng 7/2022.

3. Đề nghị Ủy ban MTTQ và các đoàn thể chính trị - xã hội huyện chỉ đạo hệ thống hội cơ sở tham gia tổng kết, báo cáo kết quả về Ban Tuyên giáo Huyện ủy.

                                                 T/M BAN THƯỜNG VỤ
Nơi nhận:                                          PHÓ BÍ THƯ
- Như trên,
- Ban Tuyên giáo Tỉnh ủy (b/c),
- Lưu Văn phòng Huyện ủy.                     Nguyễn Văn K
)");
    const auto& h = p.document;
    CHECK(h.issuer == "Huyện ủy Đức Trọng");
    CHECK(h.number == "720-CV/HU");
    CHECK(engine::to_iso(*h.date) == "2022-05-05");
    CHECK(h.subject == "Chuẩn bị tổng kết 10 năm thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị");
    CHECK(h.recipients == std::vector<std::string>{"Các chi, đảng bộ cơ sở", "Các ban xây dựng Đảng Huyện ủy"});
    CHECK(h.cc == std::vector<std::string>{"Như trên", "Ban Tuyên giáo Tỉnh ủy (b/c)", "Lưu Văn phòng Huyện ủy"});
    CHECK(h.signer.capacity == "T/M BAN THƯỜNG VỤ");
    CHECK(h.signer.title == "PHÓ BÍ THƯ");
    CHECK(h.signer.name == "Nguyễn Văn K");
    REQUIRE(h.references.size() == 1);
    CHECK(engine::to_iso(*h.references[0].date) == "2016-05-15");  // dated where the body cites it
    REQUIRE(p.directives.size() == 3);
    const auto& first = p.directives[0].tasks.at(0);
    CHECK(first.assignee == "Các chi, đảng bộ cơ sở");
    CHECK(first.reports_to == std::vector<std::string>{"Huyện ủy"});
    CHECK(first.reports_via == "Ban Tuyên giáo");
    CHECK(engine::to_iso(*first.deadline) == "2022-06-10");
  }

  TEST_CASE("kind comes from the title, else from the symbol") {
    auto title = parse("ỦY BAN NHÂN DÂN\nXÃ ĐAK ĐOA\n\nSố: 215/QĐ-UBND\n\nQUYẾT ĐỊNH\nVề việc giao nhiệm vụ\n\n"
                       "Điều 1. Phòng Kinh tế rà soát hồ sơ.\n");
    CHECK(title.document.kind == "quyết định");
    CHECK(title.document.subject == "Giao nhiệm vụ");
    CHECK(title.document.issuer == "Ủy ban nhân dân xã Đak Đoa");
    CHECK(workflows::kind_from_symbol("15-CT/TU") == "chỉ thị");
    CHECK(workflows::kind_from_symbol("125-KL/TU") == "kết luận");
    CHECK(workflows::kind_from_symbol("130/KH-UBND") == "kế hoạch");
    CHECK(workflows::kind_from_symbol("2983/UBND-VP") == "công văn");
    CHECK(workflows::kind_from_symbol("09/2019/NĐ-CP") == "nghị định");
  }

  TEST_CASE("a công điện: issuer from 'CỦA …', urgency the highest mark printed") {
    auto p = parse("**CÔNG ĐIỆN KHẨN\nCỦA THƯỜNG TRỰC TỈNH ỦY**\n\nVề tăng cường phòng, chống dịch\n\n"
                   "HỎA TỐC →\n\n- Kính gửi:*\n- Các huyện ủy, thành ủy.\n\n1. Tập trung chỉ đạo.\n");
    CHECK(p.document.kind == "công điện");
    CHECK(p.document.issuer == "Thường trực Tỉnh ủy");
    CHECK(p.document.urgency == "hỏa tốc");
    CHECK(p.document.subject == "Tăng cường phòng, chống dịch");
    CHECK_FALSE(p.document.number);
    CHECK_FALSE(p.document.date);
    bool warned_number = false, warned_date = false;
    for (const auto& w : p.warnings) {
      if (w.message.find("number") != std::string::npos) warned_number = true;
      if (w.message.find("date") != std::string::npos) warned_date = true;
    }
    CHECK(warned_number);
    CHECK(warned_date);
  }

  TEST_CASE("a công điện's 'điện:' list is its recipients — offices of the Government are bodies") {
    auto p = parse("THỦ TƯỚNG CHÍNH PHỦ\nSố: 87/CĐ-TTg\nHà Nội, ngày 11 tháng 9 năm 2024\n\nCÔNG ĐIỆN\n"
                   "Về việc khắc phục hậu quả bão số 3\n\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n"
                   "- Chủ tịch Ủy ban nhân dân các tỉnh: Quảng Ninh, Hải Phòng;\n- Các Bộ: Quốc phòng, Công an.\n\n"
                   "1. Giao Phó Thủ tướng Trần Hồng Hà trực tiếp chỉ đạo công tác khắc phục hậu quả.\n\n"
                   "2. Văn phòng Chính phủ theo dõi; báo cáo Thủ tướng Chính phủ những vấn đề phát sinh./.\n");
    CHECK(p.document.kind == "công điện");
    CHECK(p.document.issuer == "Thủ tướng Chính phủ");
    CHECK(p.document.recipients ==
          std::vector<std::string>{"Chủ tịch Ủy ban nhân dân các tỉnh: Quảng Ninh, Hải Phòng", "Các Bộ: Quốc phòng, Công an"});
    CHECK(p.directives.at(0).tasks.at(0).assignee == "Phó Thủ tướng Trần Hồng Hà");
    const auto& report = p.directives.at(1).tasks.at(1);
    CHECK(report.reports_to == std::vector<std::string>{"Thủ tướng Chính phủ"});
    CHECK(report.recurrence == engine::Recurrence::on_event);
  }

  TEST_CASE("a blank number keeps the symbol and warns with its line") {
    auto p = parse("ỦY BAN NHÂN DÂN\nTỈNH ĐẮK NÔNG\n\nSố:        /UBND-KTN\n\nV/v ứng phó bão số 6\n\n"
                   "Đắk Nông, ngày 09 tháng 11 năm 2019\n\nKính gửi: Các sở, ban, ngành.\n\n1. Theo dõi chặt chẽ.\n");
    CHECK_FALSE(p.document.number);
    CHECK(p.document.symbol == "/UBND-KTN");
    CHECK(p.document.kind == "công văn");
    REQUIRE_FALSE(p.warnings.empty());
    CHECK(p.warnings[0].line == 4);
  }

  TEST_CASE("old tone placement in the header reads the same") {
    auto p = parse("ĐẢNG BỘ TỈNH THÁI NGUYÊN\nHUYỆN UỶ ĐỊNH HOÁ\n\nSố 12-CV/HU\n\nĐịnh Hoá, ngày 3/2/2020\n\n"
                   "Kính gửi: Các chi bộ.\n\n1. Các chi bộ tiếp tục thực hiện.\n");
    CHECK(p.document.issuer == "Huyện uỷ Định Hoá");
    CHECK(engine::to_iso(*p.document.date) == "2020-02-03");
    CHECK(p.document.place == "Định Hoá");
  }

  TEST_CASE("cited documents with their dates, not the document's own number") {
    auto p = parse(party_document(
        "Thực hiện Kết luận số 125-KL/TU, ngày 05/9/2021 và Nghị quyết 68/NQ-CP ngày 01/7/2021, Chỉ thị "
        "15/CT-TTg, Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025:\n\n1. Các chi bộ thực hiện.\n"));
    const auto& refs = p.document.references;
    REQUIRE(refs.size() == 4);
    CHECK(refs[0].number == "125-KL/TU");
    CHECK(engine::to_iso(*refs[0].date) == "2021-09-05");
    CHECK(refs[1].number == "68/NQ-CP");
    CHECK(engine::to_iso(*refs[1].date) == "2021-07-01");
    CHECK(refs[2].number == "15/CT-TTg");
    CHECK_FALSE(refs[2].date);
    CHECK(refs[3].number == "118/2025/NĐ-CP");
    CHECK(engine::to_iso(*refs[3].date) == "2025-06-09");
  }

  TEST_CASE("no issuer block: the collective of a TM. signature is the issuer") {
    auto p = parse("**Thông báo “V/v phòng chống bão số 10”**\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                   "*Bến Tre, ngày 16 tháng 11 năm 2008*\n\nKính gửi:\n - Sở Giáo dục;\n - UBND các huyện, thị.\n\n"
                   "1- Các huyện tổ chức di dời dân.\n\n**TM. ỦY BAN NHÂN DÂN TỈNH\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH**\n\n"
                   "Nguyễn Văn Hiếu\n");
    CHECK(p.document.kind == "thông báo");
    CHECK(p.document.subject == "Phòng chống bão số 10");
    CHECK(p.document.issuer == "Ủy ban nhân dân tỉnh Bến Tre");
    CHECK(p.document.signer.capacity == "TM. ỦY BAN NHÂN DÂN TỈNH / KT. CHỦ TỊCH");
    CHECK(p.document.signer.name == "Nguyễn Văn Hiếu");
  }
}

TEST_SUITE("workflows/document_reader: structure") {
  TEST_CASE("numbering styles 1. 1- 1) and Roman sections head the path") {
    auto p = parse(party_document("I. MỤC ĐÍCH, YÊU CẦU\n\n1. Nâng cao nhận thức.\n\nII. TỔ CHỨC THỰC HIỆN\n\n"
                                  "1- Các chi bộ tổ chức quán triệt.\n\n2) UBND các xã báo cáo kết quả.\n"));
    REQUIRE(p.directives.size() == 2);
    CHECK(p.directives[0].number == "I");
    CHECK(p.directives[1].number == "II");
    REQUIRE(p.directives[1].items.size() == 2);
    CHECK(p.directives[1].items[0].number == "II.1");
    CHECK(p.directives[1].items[1].number == "II.2");
    // Only the operative section gives default work; "I.1" names no body.
    CHECK(find_directive(p.directives, "I.1")->tasks.empty());
    CHECK_FALSE(find_directive(p.directives, "II.1")->tasks.empty());
  }

  TEST_CASE("letters, bullets under a heading body, articles") {
    auto p = parse("ỦY BAN NHÂN DÂN\nXÃ ĐAK ĐOA\n\nSố: 215/QĐ-UBND\n\nQUYẾT ĐỊNH:\n\n"
                   "Điều 1. Giao nhiệm vụ như sau:\n\n1. Văn phòng HĐND và UBND xã\n\n"
                   "a) Chủ trì rà soát thủ tục.\n\nb) Theo dõi, đôn đốc.\n\n2. Công an xã\n\n- Hướng dẫn người dân.\n\n"
                   "- Báo cáo Chủ tịch UBND xã vào thứ Sáu hằng tuần.\n\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n");
    REQUIRE(p.directives.size() == 2);
    CHECK(p.directives[0].number == "1");
    CHECK(find_directive(p.directives, "1.1.a") != nullptr);
    CHECK(find_directive(p.directives, "1.1.b") != nullptr);
    const auto* bullet = find_directive(p.directives, "1.2.2");
    REQUIRE(bullet != nullptr);
    REQUIRE_FALSE(bullet->tasks.empty());
    CHECK(bullet->tasks[0].assignee == "Công an xã");
    CHECK(bullet->tasks[0].kind == engine::TaskKind::report);
    CHECK(bullet->tasks[0].recurrence == engine::Recurrence::weekly);
    CHECK(bullet->tasks[0].schedule.weekdays == std::vector<int>{5});
    CHECK(find_directive(p.directives, "1.1.a")->tasks[0].role == engine::TaskRole::lead);
    CHECK(p.directives[1].number == "2");
  }

  TEST_CASE("a period counted from the day the decision takes effect starts on that day, not the signing") {
    auto p = parse("ỦY BAN NHÂN DÂN\nXÃ ĐAK ĐOA\n\nSố: 216/QĐ-UBND\n\nĐak Đoa, ngày 20 tháng 11 năm 2025\n\n"
                   "QUYẾT ĐỊNH:\n\nĐiều 1. Công an xã rà soát thủ tục, hoàn thành trong thời hạn 05 ngày làm việc kể từ "
                   "ngày Quyết định có hiệu lực.\n\nĐiều 2. Quyết định này có hiệu lực từ ngày 01/12/2025.\n");
    const auto& task = p.directives.at(0).tasks.at(0);
    CHECK(task.assignee == "Công an xã");
    // Monday 1 December 2025 and five working days: Monday 8 December (from
    // the signing, 20 November, it would be the 27th).
    CHECK(task.deadline == engine::make_date(2025, 12, 8));
  }

  TEST_CASE("split_clauses cuts where it did when it built each clause byte by byte, on every corpus text") {
    // split_clauses() as it was written: the clause appended to a string one
    // byte at a time.
    auto former = [](const std::string& text) {
      std::vector<workflows::Clause> out;
      std::string current;
      auto push = [&](bool colon) {
        std::string c = workflows::trim(current);
        while (!c.empty() && (c.back() == '/' || c.back() == '.')) c.pop_back();
        if (!c.empty()) out.push_back({c, colon});
        current.clear();
      };
      for (std::size_t i = 0; i < text.size(); ++i) {
        char ch = text[i];
        if (ch == '\n' || ch == ';') {
          push(false);
          continue;
        }
        current += ch;
        if (ch == '.' && (i + 1 >= text.size() || text[i + 1] == ' ' || text[i + 1] == '/')) {
          std::size_t w = current.size() - 1;
          while (w > 0 && current[w - 1] != ' ') --w;
          std::string word = current.substr(w, current.size() - 1 - w);
          bool abbreviation = !word.empty() && word.size() <= 3 && workflows::is_all_uppercase(word);
          std::size_t next = i + 1;
          while (next < text.size() && (text[next] == ' ' || text[next] == '/' || text[next] == '.')) ++next;
          bool capital_next = next >= text.size() || !workflows::starts_with_lowercase(text.substr(next, 4));
          if (!abbreviation && capital_next) push(false);
        }
      }
      bool colon = !workflows::trim(current).empty() && workflows::trim(current).back() == ':';
      push(colon);
      return out;
    };
    std::vector<std::string> texts = test::fixture_lines_and_paragraphs();
    for (const auto& entry : std::filesystem::directory_iterator(CVTRACK_FIXTURES_DIR)) {
      if (entry.path().extension() != ".txt") continue;
      std::ifstream in(entry.path());
      texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    for (const char* odd : {"", ";", ";;\n", ".", "..", "./", "x.", ". A", "TP. Hồ Chí Minh. Sở Y tế:", "UBND TP. Huế; Sở: ",
                            "a. b. C.", "VP./ Các xã.  Đ", "Kính gửi:", " : ", "tt. Ban", "A.B. Các", "x./.", "đ. Đ. đ"})
      texts.emplace_back(odd);
    std::size_t clauses = 0, differ = 0;
    std::string first_difference;
    for (const std::string& text : texts) {
      const auto expected = former(text);
      const auto got = workflows::split_clauses(text);
      clauses += expected.size();
      bool same = expected.size() == got.size();
      for (std::size_t k = 0; same && k < got.size(); ++k)
        same = got[k].text == expected[k].text && got[k].ends_with_colon == expected[k].ends_with_colon;
      if (!same && differ++ == 0) first_difference = text.substr(0, 80);
    }
    CAPTURE(first_difference);
    CHECK(differ == 0);
    CHECK(clauses > 1000);
  }

  TEST_CASE("the day a decision takes effect is read in capitals and title case too") {
    for (const char* effect : {"CÓ HIỆU LỰC", "Có Hiệu Lực", "có hiệu lỰc", "có hiệu Lực"}) {
      const std::string shown = effect;
      CAPTURE(shown);
      auto p = parse(std::string("ỦY BAN NHÂN DÂN\nXÃ ĐAK ĐOA\n\nSố: 216/QĐ-UBND\n\nĐak Đoa, ngày 20 tháng 11 năm 2025\n\n"
                                 "QUYẾT ĐỊNH:\n\nĐiều 1. Công an xã rà soát thủ tục, hoàn thành trong thời hạn 05 ngày làm "
                                 "việc kể từ ngày Quyết định có hiệu lực.\n\nĐiều 2. Quyết định này ") +
                     effect + " từ ngày 01/12/2025.\n");
      CHECK(p.directives.at(0).tasks.at(0).deadline == engine::make_date(2025, 12, 8));
    }
  }

  TEST_CASE("inline (1) (2) (3) inside one paragraph become items") {
    auto p = parse(party_document("5. Các chi bộ thực hiện tốt các nhiệm vụ: (1) rà soát danh sách; (2) tổ chức "
                                  "hội nghị; (3) báo cáo ngay Thường trực Đảng ủy khi có vụ việc phát sinh.\n"));
    const auto& d = p.directives.at(0);
    REQUIRE(d.items.size() == 3);
    CHECK(d.items[0].number == "5.1");
    CHECK(d.items[2].number == "5.3");
    CHECK(d.items[0].tasks.at(0).assignee == "Các chi bộ");
    CHECK(d.items[2].tasks.at(0).recurrence == engine::Recurrence::on_event);
    CHECK(d.items[2].tasks.at(0).reports_to == std::vector<std::string>{"Thường trực Đảng ủy"});
  }

  TEST_CASE("a paragraph cut by a page break is joined — a new sentence is not") {
    auto p = parse(party_document("1. Khẩn trương hỗ trợ người lao\n\nđộng gặp khó khăn do dịch.\n\n"
                                  "2. Các chi bộ tiếp tục thực hiện.\n\n"
                                  "Văn phòng Huyện ủy theo dõi và kịp thời báo cáo Ban Thường vụ Huyện ủy./.\n"));
    REQUIRE(p.directives.size() == 3);
    CHECK(p.directives[0].text == "Khẩn trương hỗ trợ người lao động gặp khó khăn do dịch.");
    CHECK(p.directives[0].line == 20);
    CHECK_FALSE(p.directives[2].number);
    CHECK(p.directives[2].tasks.at(0).assignee == "Văn phòng Huyện ủy");
  }

  TEST_CASE("a task table: each numbered row a directive PL.<STT>, group rows left out") {
    auto p = parse(party_document(
        "| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n"
        "|---|---|---|---|---|\n"
        "| I | Công tác tuyên truyền | | | |\n"
        "| 1 | Xây dựng đề cương | Ban Tuyên giáo Huyện ủy | Văn phòng Huyện ủy | Tháng 12/2021 |\n"
        "| 2 | Tổng kết | UBND huyện | | Quý I/2022 |\n"));
    REQUIRE(p.directives.size() == 2);
    CHECK(p.directives[0].number == "PL.1");
    const auto& tasks = p.directives[0].tasks;
    REQUIRE(tasks.size() == 2);
    CHECK(tasks[0].assignee == "Ban Tuyên giáo Huyện ủy");
    CHECK(tasks[0].role == engine::TaskRole::lead);
    CHECK(tasks[1].role == engine::TaskRole::coordinate);
    CHECK(engine::to_iso(*tasks[0].deadline) == "2021-12-31");
    CHECK(engine::to_iso(*p.directives[1].tasks[0].deadline) == "2022-03-31");
  }

  TEST_CASE("a header with no directives is still shown, with a warning") {
    auto p = parse(kPartyHeader + kPartySignature);
    CHECK(p.directives.empty());
    CHECK(p.document.number == "288-CV/HU");
    bool warned = false;
    for (const auto& w : p.warnings)
      if (w.message.find("no directives") != std::string::npos) warned = true;
    CHECK(warned);
  }

  TEST_CASE("markdown marks are read through and NFD text reads as NFC") {
    std::string nfd = "1. C\xC3\xA1\x63 chi b\x6F\xCC\xA3\xCC\x82 ti\x65\xCC\x82\xCC\x81p t\xC6\xB0\xCC\xA3\x63 th\xC6\xB0\xCC\xA3\x63 hi\x65\xCC\xA3\xCC\x82n.\n";
    auto p = parse(party_document("**" + nfd));
    REQUIRE_FALSE(p.directives.empty());
    CHECK(p.directives[0].tasks.at(0).assignee == "Các chi bộ");
  }
}

TEST_SUITE("workflows/document_reader: layout") {
  TEST_CASE("a titled item takes the paragraph under it — a section title gives no task") {
    auto p = parse(party_document("II- NỘI DUNG VÀ PHÂN CÔNG THỰC HIỆN\n1. Công tác tuyên truyền\n"
                                  "1.1. Văn phòng Đảng ủy chủ trì xây dựng đề cương, hoàn thành trước ngày 10/8/2021.\n"
                                  "2. Công tác thăm hỏi, tặng quà\n"
                                  "Ủy ban nhân dân xã chủ trì rà soát các đối tượng chính sách.\n"));
    REQUIRE(p.directives.size() == 1);
    CHECK(p.directives[0].tasks.empty());
    const auto* title = find_directive(p.directives, "II.1");
    REQUIRE(title != nullptr);
    CHECK(title->tasks.empty());
    const auto* sub = find_directive(p.directives, "II.1.1");
    REQUIRE(sub != nullptr);
    CHECK(engine::to_iso(*sub->tasks.at(0).deadline) == "2021-08-10");
    const auto* second = find_directive(p.directives, "II.2");
    REQUIRE(second != nullptr);
    REQUIRE(second->tasks.size() == 1);
    CHECK(second->tasks[0].assignee == "Ủy ban nhân dân xã");
    CHECK(second->tasks[0].role == engine::TaskRole::lead);
  }

  TEST_CASE("hard-wrapped lines of one paragraph are joined") {
    auto p = parse(party_document("1. Các chi bộ trực thuộc tổ chức quán triệt nghị quyết đến toàn thể cán\n"
                                  "bộ, đảng viên, hoàn thành trước ngày 30/9/2021.\n"
                                  "2. Ban Tuyên giáo Huyện ủy theo dõi, báo cáo Ban Thường vụ Huyện ủy.\n"));
    REQUIRE(p.directives.size() == 2);
    CHECK(p.directives[0].text ==
          "Các chi bộ trực thuộc tổ chức quán triệt nghị quyết đến toàn thể cán bộ, đảng viên, hoàn thành "
          "trước ngày 30/9/2021.");
    CHECK(engine::to_iso(*p.directives[0].tasks.at(0).deadline) == "2021-09-30");
  }

  TEST_CASE("a counted period from the document's date skips weekends and holidays") {
    // 5 working days from Wednesday 28/4/2021: 29/4, (30/4 and 3/5 off), 4/5, 5/5, 6/5, 7/5.
    std::string header = kPartyHeader;
    header.replace(header.find("ngày 15 tháng 7 năm 2021"), std::string("ngày 15 tháng 7 năm 2021").size(),
                   "ngày 28 tháng 4 năm 2021");
    auto p = parse(header + "1. Các chi bộ báo cáo Ban Thường vụ Huyện ủy trong thời hạn 05 ngày làm việc kể "
                            "từ ngày ký công văn này.\n" + kPartySignature);
    CHECK(engine::to_iso(*p.directives.at(0).tasks.at(0).deadline) == "2021-05-07");
  }

  TEST_CASE("unnumbered bullets are the directives — the courtesy closing is not a task") {
    auto p = parse(party_document("- Tổ chức tuyên truyền sâu rộng về lịch sử của Đảng.\n"
                                  "- Các cơ quan báo chí mở chuyên trang, chuyên mục tuyên truyền.\n"
                                  "- Báo cáo kết quả về Ban Tuyên giáo Tỉnh ủy trước ngày 20/8/2021 để tổng hợp, "
                                  "báo cáo Ban Thường vụ Tỉnh ủy.\n\nTrân trọng.\n"));
    REQUIRE(p.directives.size() == 3);
    CHECK_FALSE(p.directives[0].number);
    CHECK(p.directives[1].tasks.at(0).assignee == "Các cơ quan báo chí");
    const auto& tasks = p.directives[2].tasks;
    // One report per recipient line, then the office's own report upward.
    REQUIRE(tasks.size() == 3);
    CHECK(tasks[0].is_default);
    CHECK(tasks[0].kind == engine::TaskKind::report);
    CHECK(tasks[0].reports_to == std::vector<std::string>{"Ban Tuyên giáo Tỉnh ủy"});
    CHECK(engine::to_iso(*tasks[0].deadline) == "2021-08-20");
    CHECK(tasks[2].assignee == "Ban Tuyên giáo Tỉnh ủy");
    CHECK(tasks[2].reports_to == std::vector<std::string>{"Ban Thường vụ Tỉnh ủy"});
  }

  TEST_CASE("a decision sent 'Như Điều 3' falls to the bodies its execution article names") {
    auto p = parse("UBND TỈNH LÂM ĐỒNG\nSỞ NỘI VỤ\nSố: 345/QĐ-SNV\nLâm Đồng, ngày 02 tháng 10 năm 2023\n"
                   "QUYẾT ĐỊNH\nVề việc thành lập Tổ kiểm tra\nQUYẾT ĐỊNH:\n"
                   "Điều 1. Thành lập Tổ kiểm tra công tác văn thư năm 2023.\n"
                   "Điều 2. Tổ kiểm tra có nhiệm vụ:\n"
                   "1. Tổng hợp kết quả kiểm tra, báo cáo Giám đốc Sở Nội vụ trước ngày 20/12/2023.\n"
                   "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Sở, Chi cục trưởng Chi cục "
                   "Văn thư - Lưu trữ chịu trách nhiệm thi hành Quyết định này./.\n"
                   "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n\nGIÁM ĐỐC\n\nTrần Thị H\n");
    CHECK(p.document.issuer == "Sở Nội vụ tỉnh Lâm Đồng");
    const auto& first = p.directives.at(0).tasks;
    REQUIRE(first.size() == 2);
    CHECK(first[0].assignee == "Chánh Văn phòng Sở");
    CHECK(first[0].is_default);
    const auto* report = find_directive(p.directives, "2.1");
    REQUIRE(report != nullptr);
    REQUIRE(report->tasks.size() == 1);  // "Tổng hợp …, báo cáo" is one reporting duty
    CHECK(report->tasks[0].assignee == "Tổ kiểm tra");
    CHECK(report->tasks[0].kind == engine::TaskKind::report);
    CHECK(report->tasks[0].reports_to == std::vector<std::string>{"Giám đốc Sở Nội vụ"});
  }

  TEST_CASE("'Body: work' on one line — two recipients on one Kính gửi line") {
    auto p = parse("ỦY BAN NHÂN DÂN\nHUYỆN CẦN GIỜ\nSố: 210/KH-UBND\nCần Giờ, ngày 15 tháng 3 năm 2024\n\n"
                   "Kính gửi: Các phòng, ban, ngành huyện; UBND các xã, thị trấn.\n\n"
                   "1. Phòng Văn hóa và Thông tin: Chủ trì, phối hợp với Thư viện huyện triển khai Kế hoạch.\n"
                   "2. UBND các xã, thị trấn: Xây dựng kế hoạch, gửi về Phòng Văn hóa và Thông tin trước ngày "
                   "01/4/2024.\n");
    CHECK(p.document.recipients == std::vector<std::string>{"Các phòng, ban, ngành huyện", "UBND các xã, thị trấn"});
    const auto& first = p.directives.at(0).tasks;
    REQUIRE(first.size() == 2);
    CHECK(first[0].role == engine::TaskRole::lead);
    CHECK(first[1].assignee == "Thư viện huyện");
    CHECK(first[1].role == engine::TaskRole::coordinate);
    const auto& second = p.directives.at(1).tasks;
    REQUIRE_FALSE(second.empty());
    CHECK(second.back().reports_to == std::vector<std::string>{"Phòng Văn hóa và Thông tin"});
    CHECK(engine::to_iso(*second.back().deadline) == "2024-04-01");
  }

  // "đẩy nhanh" is an operative verb like "đẩy mạnh": the list of bodies ends
  // before it (the benchmark's documents read extra default tasks without it).
  TEST_CASE("'đẩy nhanh tiến độ' after the bodies ends their list") {
    auto p = parse("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 1520/UBND-KT\nQuảng Ngãi, ngày 10 tháng 10 năm 2025\n\n"
                   "Kính gửi:\n- Các sở, ban, ngành tỉnh;\n- UBND các huyện, thị xã, thành phố.\n\n"
                   "1. UBND các huyện, thị xã, thành phố đẩy nhanh tiến độ giải ngân vốn đầu tư công, xử lý "
                   "dứt điểm các vướng mắc về giải phóng mặt bằng; định kỳ hằng tháng báo cáo kết quả về UBND "
                   "tỉnh (qua Sở Tài chính) trước ngày 20 hằng tháng.\n"
                   "2. Sở Xây dựng chủ trì, phối hợp với Sở Tài chính, UBND huyện Sơn Tịnh đẩy nhanh tiến độ "
                   "các dự án trọng điểm, hoàn thành trước ngày 30/11/2025.\n");
    const auto& first = p.directives.at(0).tasks;
    REQUIRE(first.size() == 2);  // the work and the monthly report, not the Kính gửi lines
    for (const auto& t : first) {
      CHECK(t.assignee == "UBND các huyện, thị xã, thành phố");
      CHECK_FALSE(t.is_default);
    }
    CHECK(first[1].kind == engine::TaskKind::report);
    const auto& second = p.directives.at(1).tasks;
    REQUIRE(second.size() == 3);
    CHECK(second[0].assignee == "Sở Xây dựng");
    CHECK(second[0].role == engine::TaskRole::lead);
    CHECK(second[1].assignee == "Sở Tài chính");
    CHECK(second[2].assignee == "UBND huyện Sơn Tịnh");
    CHECK(second[2].role == engine::TaskRole::coordinate);
  }

  TEST_CASE("a deadline counted from an undated event stays a rule, and the duty is on-event") {
    auto p = parse(party_document("1. Ủy ban Kiểm tra Đảng ủy xã giải quyết đơn thư trong thời hạn 07 ngày làm "
                                  "việc kể từ ngày nhận được đơn.\n"));
    const auto& t = p.directives.at(0).tasks.at(0);
    CHECK_FALSE(t.deadline);
    REQUIRE(t.relative_deadline);
    CHECK(t.relative_deadline->amount == 7);
    CHECK(t.relative_deadline->unit == engine::RelativeDeadline::Unit::working_days);
    CHECK(t.relative_deadline->from == "ngày nhận được đơn");
    CHECK(t.recurrence == engine::Recurrence::on_event);
  }

  TEST_CASE("'trước Tết Nguyên đán' is the last day of the lunar year after the document") {
    // The document is dated 15/7/2021; Tết Nhâm Dần is 01/02/2022.
    auto p = parse(party_document("1. UBND các xã tổ chức thăm hỏi gia đình chính sách trước Tết Nguyên đán.\n"));
    const auto& t = p.directives.at(0).tasks.at(0);
    REQUIRE(t.deadline);
    CHECK(engine::to_iso(*t.deadline) == "2022-01-31");
    CHECK(t.deadline_text == "trước Tết Nguyên đán");
  }

  TEST_CASE("'trước ngày X' is the end of X by default, the day before on request") {
    std::string text = party_document("1. Các chi bộ hoàn thành trước ngày 20/9/2021.\n");
    auto end_of_day = parse(text);
    CHECK(engine::to_iso(*end_of_day.directives.at(0).tasks.at(0).deadline) == "2021-09-20");
    workflows::ReadOptions options;
    options.before_means_day_before = true;
    auto day_before = read_document_text(text, "test.txt", options);
    REQUIRE(day_before);
    CHECK(engine::to_iso(*day_before->directives.at(0).tasks.at(0).deadline) == "2021-09-19");
  }
}

TEST_SUITE("workflows/document_reader: bad input") {
  TEST_CASE("a missing file is named") {
    auto r = workflows::read_document_file("/nonexistent/cv-12.txt");
    REQUIRE_FALSE(r);
    CHECK(r.error().message == "/nonexistent/cv-12.txt: no such file");
  }

  TEST_CASE("bytes that are not UTF-8 are refused with their byte offset and line") {
    auto r = read_document_text("Kính gửi:\nS\xF4 288\n", "cv.txt");
    REQUIRE_FALSE(r);
    CHECK(r.error().message.rfind("cv.txt:2: byte 14 is not valid UTF-8", 0) == 0);
  }

  TEST_CASE("an empty or blank file is refused") {
    auto r = read_document_text("  \n\n", "empty.txt");
    REQUIRE_FALSE(r);
    CHECK(r.error().message == "empty.txt: the document is empty");
  }

  TEST_CASE("a binary file is refused") {
    std::string bytes("PK\x03\x04\0\0binary", 12);
    auto r = read_document_text(bytes, "doc.docx");
    REQUIRE_FALSE(r);
    CHECK(r.error().message == "doc.docx:1: byte 4 is NUL: this is a binary file, not a text document");
  }

  TEST_CASE("an over-long document is refused") {
    workflows::ReadOptions options;
    options.max_bytes = 10;
    auto r = read_document_text("Kính gửi: các chi bộ", "long.txt", options);
    REQUIRE_FALSE(r);
    CHECK(r.error().message.find("more than the limit of 10") != std::string::npos);
  }

  TEST_CASE("a UTF-8 BOM and CRLF line ends read the same as plain text") {
    auto plain = parse(party_document("1. Các chi bộ tiếp tục thực hiện.\n"));
    std::string crlf;
    for (char c : "\xEF\xBB\xBF" + party_document("1. Các chi bộ tiếp tục thực hiện.\n")) {
      if (c == '\n') crlf += '\r';
      if (c) crlf += c;
    }
    auto other = parse(crlf);
    CHECK(engine::to_json(other) == engine::to_json(plain));
  }

}

TEST_SUITE("workflows/document_reader: signature cells") {
  TEST_CASE("the signature's cell helpers answer as before their shortcuts, on every fixture line and cell") {
    // is_capacity_line() and split_columns() as they were written before the
    // first-byte check and the in-place three-space test.
    auto capacity_before = [](std::string_view text) {
      std::string t = workflows::strip_markdown(text);
      for (const char* prefix : {"T/M ", "TM. ", "TM ", "K/T ", "KT. ", "KT ", "T/L ", "TL. ", "TL ", "TUQ. ", "TUQ ",
                                 "Q. ", "T.M ", "K.T ", "T.L "})
        if (t.rfind(prefix, 0) == 0) return workflows::is_all_uppercase(t);
      return false;
    };
    auto columns_before = [](const std::string& raw) {
      std::vector<std::string> cells;
      auto push = [&](std::size_t b, std::size_t e) {
        std::string cell = workflows::strip_markdown(std::string_view(raw).substr(b, e - b));
        if (!cell.empty()) cells.push_back(cell);
      };
      std::size_t start = 0, i = 0;
      while (i < raw.size()) {
        if (raw[i] == '\t' || (raw[i] == ' ' && raw.compare(i, 3, "   ") == 0)) {
          push(start, i);
          while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t')) ++i;
          start = i;
        } else {
          ++i;
        }
      }
      push(start, raw.size());
      return cells;
    };
    std::vector<std::string> texts = cvtrack::test::fixture_lines_and_paragraphs();
    for (const char* edge : {"**TM. ỦY BAN NHÂN DÂN**", " \xC2\xA0TM. ỦY BAN", "*\tKT. CHỦ TỊCH", "\xC2\xA0 KT. CHỦ TỊCH",
                             "Q. CHÁNH VĂN PHÒNG", "TL. Chủ tịch", "T/M", "  ", "a  ", "KT.  CHỦ TỊCH   PHÓ"})
      texts.push_back(edge);
    int checked = 0, differ = 0;
    std::string first_difference;
    for (const std::string& line : texts) {
      std::vector<std::string> cells = workflows::split_columns(line);
      bool same = cells == columns_before(line) && workflows::is_capacity_line(line) == capacity_before(line);
      for (const std::string& cell : cells)
        same = same && workflows::is_capacity_line(cell) == capacity_before(cell);
      ++checked;
      if (!same && differ++ == 0) first_difference = line;
    }
    CAPTURE(first_difference);
    CHECK(differ == 0);
    CHECK(checked > 900);
    CHECK(workflows::is_capacity_line("**KT. CHỦ TỊCH**"));
    CHECK_FALSE(workflows::is_capacity_line("KT. Chủ tịch"));
  }

  TEST_CASE("the lines split once for the Nơi nhận and signature readers are each line's split_columns") {
    int checked = 0;
    for (const auto& entry : std::filesystem::directory_iterator(CVTRACK_FIXTURES_DIR)) {
      if (entry.path().extension() != ".txt") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      auto source = workflows::make_source_text(bytes, entry.path().string(), 1 << 20);
      REQUIRE(source.ok());
      const std::size_t n = source->lines.size();
      for (std::size_t from : {std::size_t(0), n / 2, n - 1, n, n + 3}) {
        const workflows::LineColumns columns(*source, from);
        CHECK(columns.from() == from);
        for (std::size_t i = from; i < n; ++i) {
          INFO(entry.path().filename().string(), " line ", i + 1, " from ", from);
          CHECK(columns.of(i) == workflows::split_columns(source->lines[i].raw));
          ++checked;
        }
      }
    }
    CHECK(checked > 1000);
  }
}
