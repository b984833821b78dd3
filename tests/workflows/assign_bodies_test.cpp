#include "workflows/assign_bodies.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "workflows/body_phrases.hpp"
#include "workflows/data_paths.hpp"

using namespace cvtrack;
using workflows::BodyDirectory;
using workflows::BodyResolver;

namespace {

BodyDirectory shipped(const char* file) {
  auto loaded = BodyDirectory::load(workflows::data_dir() / "directories" / file);
  REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? "" : loaded.error().message));
  return std::move(loaded).value();
}

engine::TaskSpec task(const std::string& assignee, engine::TaskRole role = engine::TaskRole::assignee,
                      bool is_default = false) {
  engine::TaskSpec t;
  t.assignee = assignee;
  t.role = role;
  t.is_default = is_default;
  return t;
}

// The fixture's expected reading, as the document reader will produce it:
// one default task per Kính gửi line where a directive names no body.
engine::ParsedDocument fixture_document(const std::string& name) {
  std::ifstream in(std::string(CVTRACK_FIXTURES_DIR) + "/" + name + ".expected.json");
  REQUIRE(in);
  const auto expected = nlohmann::json::parse(in);
  engine::ParsedDocument doc;
  if (const auto& date = expected["document"]["date"]; date.is_string())
    doc.document.date = engine::parse_iso_date(date.get<std::string>());
  doc.document.recipients = expected["document"]["recipients"].get<std::vector<std::string>>();
  int line = 0;
  for (const auto& d : expected["directives"]) {
    engine::Directive directive;
    if (d["number"].is_string()) directive.number = d["number"].get<std::string>();
    directive.line = ++line;
    for (const auto& t : d["tasks"]) {
      if (t.value("assignees_default", false)) {
        for (const auto& r : doc.document.recipients)
          directive.tasks.push_back(task(r, engine::TaskRole::assignee, true));
      }
      for (const auto& a : t["assignees"]) directive.tasks.push_back(task(a.get<std::string>()));
      if (t["lead"].is_string()) directive.tasks.push_back(task(t["lead"], engine::TaskRole::lead));
      for (const auto& c : t["coordinating"]) directive.tasks.push_back(task(c, engine::TaskRole::coordinate));
    }
    doc.directives.push_back(std::move(directive));
  }
  return doc;
}

std::multiset<std::string> bodies_of(const engine::Directive& directive) {
  std::multiset<std::string> out;
  for (const auto& t : directive.tasks) out.insert(t.body.value_or("<null>"));
  return out;
}

std::size_t count_prefix(const std::multiset<std::string>& bodies, const std::string& prefix) {
  return std::count_if(bodies.begin(), bodies.end(), [&](const auto& b) { return b.starts_with(prefix); });
}

bool has_warning(const engine::ParsedDocument& doc, const std::string& message) {
  return std::any_of(doc.warnings.begin(), doc.warnings.end(),
                     [&](const auto& w) { return w.message == message; });
}

}  // namespace

TEST_SUITE("workflows/assign_bodies") {
  TEST_CASE("Xuân Trường: every Kính gửi line resolves and the communes each get a task") {
    auto dir = shipped("xuan-truong-2021.json");
    auto doc = fixture_document("xuan-truong-288-CV-HU");
    workflows::resolve_assignees(doc, dir);
    const auto bodies = bodies_of(doc.directives[0]);
    CHECK(bodies.count("<null>") == 0);
    CHECK(bodies.count("thuong-truc-huyen-uy") == 1);
    CHECK(bodies.count("hdnd-huyen") == 1);
    CHECK(bodies.count("ubnd-huyen") == 1);
    CHECK(bodies.count("bcd-covid-huyen") == 1);
    CHECK(bodies.count("btv-huyen-uy") == 1);
    CHECK(bodies.count("huyen-uy") == 1);
    CHECK(count_prefix(bodies, "dang-uy-") == 20);
    CHECK(count_prefix(bodies, "ubnd-xa-") + count_prefix(bodies, "ubnd-thi-tran-") == 20);
    CHECK(bodies.size() == 6 + 21 + 40);
    for (const auto& t : doc.directives[0].tasks) CHECK(t.is_default);
    // The group's copies keep the line as written.
    auto commune = std::find_if(doc.directives[0].tasks.begin(), doc.directives[0].tasks.end(),
                                [](const auto& t) { return t.body == "ubnd-xa-xuan-hong"; });
    REQUIRE(commune != doc.directives[0].tasks.end());
    CHECK(commune->assignee == "Đảng ủy - UBND các xã, thị trấn");
  }

  TEST_CASE("Sông Hinh: directive 8 resolves its lead and partners and names the unknown one") {
    auto dir = shipped("song-hinh-2021.json");
    auto doc = fixture_document("song-hinh-281-CV-HU");
    workflows::resolve_assignees(doc, dir);
    const auto& eight = doc.directives.back();
    REQUIRE(eight.number == "8");
    const auto bodies = bodies_of(eight);
    CHECK(bodies.count("ubnd-huyen") == 3);  // two tasks and the lead
    CHECK(bodies.count("mttq-huyen") == 1);
    CHECK(bodies.count("ban-dan-van-huyen-uy") == 1);
    CHECK(bodies.count("<null>") == 1);
    CHECK(has_warning(doc, "directive 8: \"các cơ quan, đơn vị liên quan\" is not in the directory"));
    // Directive 1: "Bí thư Đảng ủy các xã, thị trấn" -> the 11 Đảng ủy.
    CHECK(count_prefix(bodies_of(doc.directives[0]), "dang-uy-") == 11);
    // The default lines: 3 + 5 + 11 + 22 + 11, less the Ủy ban MTTQ, which
    // the first line and the "đoàn thể huyện" line both address.
    const auto defaults = bodies_of(doc.directives[2]);
    CHECK(defaults.size() == 51);
    CHECK(defaults.count("mttq-huyen") == 1);
    CHECK(defaults.count("<null>") == 0);
  }

  TEST_CASE("Đắk Nông: the five Kính gửi lines resolve without a warning") {
    auto dir = shipped("dak-nong-2021.json");
    auto doc = fixture_document("dak-nong-cong-dien-khan");
    workflows::resolve_assignees(doc, dir);
    const auto bodies = bodies_of(doc.directives[0]);
    CHECK(bodies.size() == 1 + 6 + 3 + 6 + 12);
    CHECK(bodies.count("<null>") == 0);
    for (const auto& w : doc.warnings) CHECK(w.message.find("directive 1:") == std::string::npos);
  }

  TEST_CASE("an unknown name keeps body null and is warned about once per directive") {
    auto dir = shipped("xuan-truong-2021.json");
    engine::ParsedDocument doc;
    engine::Directive d;
    d.number = "3";
    d.line = 17;
    d.tasks = {task("Phòng Ngoại vụ"), task("Phòng Ngoại vụ", engine::TaskRole::coordinate),
               task("UBND huyện")};
    doc.directives.push_back(d);
    workflows::resolve_assignees(doc, dir);
    const auto& tasks = doc.directives[0].tasks;
    REQUIRE(tasks.size() == 3);
    CHECK_FALSE(tasks[0].body);
    CHECK(tasks[0].assignee == "Phòng Ngoại vụ");
    CHECK(tasks[2].body == "ubnd-huyen");
    REQUIRE(doc.warnings.size() == 1);
    CHECK(doc.warnings[0].line == 17);
    CHECK(doc.warnings[0].message == "directive 3: \"Phòng Ngoại vụ\" is not in the directory");
  }

  TEST_CASE("a list splits on its separators and names only the piece it lacks") {
    auto dir = shipped("xuan-truong-2021.json");
    BodyResolver resolver(dir);
    auto parts = workflows::resolve_assignee("Thường trực Huyện ủy - HĐND - UBND huyện", resolver);
    REQUIRE(parts.size() == 3);
    CHECK(parts[1].resolution.body_ids == std::vector<std::string>{"hdnd-huyen"});
    parts = workflows::resolve_assignee("HĐND, UBND, Ủy ban MTTQ Việt Nam huyện", resolver);
    REQUIRE(parts.size() == 3);
    CHECK(parts[0].text == "HĐND");
    CHECK(parts[0].resolution.body_ids == std::vector<std::string>{"hdnd-huyen"});
    CHECK(parts[1].resolution.body_ids == std::vector<std::string>{"ubnd-huyen"});
    parts = workflows::resolve_assignee("Phòng Tài chính - Kế hoạch, Phòng Ngoại vụ", resolver);
    REQUIRE(parts.size() == 2);
    CHECK(parts[0].resolution.body_ids == std::vector<std::string>{"phong-tai-chinh-ke-hoach"});
    CHECK(parts[1].text == "Phòng Ngoại vụ");
    CHECK(parts[1].resolution.empty());
  }

  TEST_CASE("a run of pieces the directory knows as one name stays whole") {
    auto dir = shipped("xuan-truong-2021.json");
    BodyResolver resolver(dir);
    // The commas inside the office's name would cut it in three.
    auto parts = workflows::resolve_assignee("Phòng Lao động, Thương binh và Xã hội, Phòng Y tế", resolver);
    REQUIRE(parts.size() == 2);
    CHECK(parts[0].resolution.body_ids == std::vector<std::string>{"phong-lao-dong-thuong-binh-xa-hoi"});
    CHECK(parts[1].resolution.body_ids == std::vector<std::string>{"phong-y-te"});
  }

  TEST_CASE("items are walked and resolved tasks are left alone on a second run") {
    auto dir = shipped("song-hinh-2021.json");
    engine::ParsedDocument doc;
    engine::Directive d;
    d.number = "8";
    engine::Directive item;
    item.number = "8.1";
    item.tasks = {task("UBND các xã, thị trấn")};
    d.items.push_back(item);
    doc.directives.push_back(d);
    workflows::resolve_assignees(doc, dir);
    CHECK(doc.directives[0].items[0].tasks.size() == 11);
    workflows::resolve_assignees(doc, dir);
    CHECK(doc.directives[0].items[0].tasks.size() == 11);
    CHECK(doc.warnings.empty());
  }

  TEST_CASE("a list splits at commas and 'và' before bodies, never inside a collective phrase") {
    using List = std::vector<std::string>;
    // Collective phrases hold commas that a body could follow: kept whole.
    CHECK(workflows::split_body_list("Các sở, ban, ngành, đoàn thể tỉnh") == List{"Các sở, ban, ngành, đoàn thể tỉnh"});
    CHECK(workflows::split_body_list("các cơ quan, đơn vị, địa phương") == List{"các cơ quan, đơn vị, địa phương"});
    CHECK(workflows::split_body_list("Các cơ quan, tổ chức, đơn vị và UBND các huyện") ==
          List{"Các cơ quan, tổ chức, đơn vị", "UBND các huyện"});
    // Commas before level words are not cuts; those before bodies are.
    CHECK(workflows::split_body_list("UBND các huyện, thị xã, thành phố") == List{"UBND các huyện, thị xã, thành phố"});
    CHECK(workflows::split_body_list("Sở Tài chính, Sở Xây dựng và Sở Công Thương") ==
          List{"Sở Tài chính", "Sở Xây dựng", "Sở Công Thương"});
    CHECK(workflows::split_body_list("Văn phòng HĐND và UBND huyện, Phòng Nội vụ") ==
          List{"Văn phòng HĐND và UBND huyện", "Phòng Nội vụ"});
  }
}
