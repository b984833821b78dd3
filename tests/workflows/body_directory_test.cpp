#include "workflows/body_directory.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "workflows/data_paths.hpp"

using cvtrack::workflows::BodyDirectory;
using cvtrack::workflows::data_dir;
using cvtrack::workflows::name_key;

namespace {

BodyDirectory shipped(const char* file) {
  auto loaded = BodyDirectory::load(data_dir() / "directories" / file);
  REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? "" : loaded.error().message));
  return std::move(loaded).value();
}

std::vector<std::string> ids(const std::vector<const cvtrack::workflows::Body*>& bodies) {
  std::vector<std::string> out;
  for (const auto* b : bodies) out.push_back(b->id);
  return out;
}

// A small valid directory; each refusal test breaks one thing in it.
std::string directory_with(const std::string& groups, const std::string& bodies) {
  return R"({"format": "cvtrack-body-directory", "version": 1,
             "jurisdiction": {"name": "Xuân Trường", "level": "huyện"},
             "groups": [)" + groups + R"(], "bodies": [)" + bodies + "]}";
}

const std::string kGroup = R"({"id": "cac-xa", "name": "các xã", "phrases": ["các xã"]})";
const std::string kHuyen = R"({"id": "huyen", "name": "Huyện Xuân Trường", "kind": "district"})";
const std::string kXa =
    R"({"id": "xa-xuan-hong", "name": "Xã Xuân Hồng", "kind": "commune", "parent": "huyen",
        "aliases": ["Xuân Hồng"], "groups": ["cac-xa"]})";

// What composed_bodies() indexes, composed the way it was before the index:
// each member in order, each of its names in order, looked up by key.
std::vector<BodyDirectory::ComposedBody> composed_by_lookup(const BodyDirectory& dir, std::size_t group,
                                                            const std::string& head) {
  std::vector<BodyDirectory::ComposedBody> out;
  for (std::size_t member : dir.member_indices(group)) {
    for (std::size_t n = 0; n < dir.name_keys(member).size(); ++n) {
      if (const auto* body = dir.find_by_key(head + " " + dir.name_keys(member)[n]))
        out.push_back({member, n, std::size_t(body - dir.bodies().data())});
    }
  }
  return out;
}

std::string refusal(const std::string& json) {
  auto loaded = BodyDirectory::from_json(json, "bad.json");
  REQUIRE_FALSE(loaded.ok());
  return loaded.error().message;
}

}  // namespace

TEST_SUITE("workflows/body_directory") {
  TEST_CASE("the three shipped directories load and hold their communes") {
    auto xt = shipped("xuan-truong-2021.json");
    auto sh = shipped("song-hinh-2021.json");
    auto dn = shipped("dak-nong-2021.json");
    CHECK(xt.jurisdiction().name == "Xuân Trường");
    CHECK(dn.jurisdiction().level == "tỉnh");
    CHECK(xt.members("cac-xa-thi-tran").size() == 20);
    CHECK(sh.members("cac-xa-thi-tran").size() == 11);
    CHECK(dn.members("cac-dang-bo-truc-thuoc-tinh-uy").size() == 12);
    CHECK(dn.members("cac-huyen-thanh-pho").size() == 8);
  }

  TEST_CASE("the smallest directory the format allows loads") {
    auto loaded = BodyDirectory::from_json(directory_with(kGroup, kHuyen + "," + kXa), "ok.json");
    REQUIRE(loaded.ok());
    CHECK(loaded->members("cac-xa").size() == 1);
  }

  TEST_CASE("the Ban Chấp hành is the Huyện ủy itself, not a second body") {
    auto xt = shipped("xuan-truong-2021.json");
    REQUIRE(xt.find_by_name("BCH Đảng bộ huyện"));
    CHECK(xt.find_by_name("BCH Đảng bộ huyện")->id == "huyen-uy");
    CHECK(xt.find_by_name("Ban Chấp hành Đảng bộ huyện Xuân Trường")->id == "huyen-uy");
    for (const auto& body : xt.bodies()) CHECK(body.name.find("Ban Chấp hành") == std::string::npos);
  }

  TEST_CASE("the hierarchy answers children, ancestors and is_under") {
    auto xt = shipped("xuan-truong-2021.json");
    CHECK(ids(xt.children("xa-xuan-hong")) ==
          std::vector<std::string>{"dang-uy-xa-xuan-hong", "ubnd-xa-xuan-hong"});
    CHECK(ids(xt.ancestors("thuong-truc-huyen-uy")) ==
          std::vector<std::string>{"btv-huyen-uy", "huyen-uy"});
    CHECK(xt.is_under("ubnd-xa-xuan-hong", "huyen"));
    CHECK(xt.is_under("phong-noi-vu", "ubnd-huyen"));
    CHECK_FALSE(xt.is_under("ubnd-huyen", "phong-noi-vu"));
    CHECK_FALSE(xt.is_under("ubnd-huyen", "ubnd-huyen"));
    CHECK(xt.ancestors("no-such-body").empty());
  }

  TEST_CASE("validity dates bound a body's life") {
    auto xt = shipped("xuan-truong-2021.json");
    auto dn = shipped("dak-nong-2021.json");
    using std::chrono::year;
    CHECK(xt.is_valid_on("ubnd-huyen", year(2021) / 7 / 15));
    CHECK_FALSE(xt.is_valid_on("ubnd-huyen", year(2025) / 7 / 1));  // no districts since 1/7/2025
    CHECK(dn.is_valid_on("tp-gia-nghia", year(2019) / 12 / 31));  // the thị xã, renamed
    auto merged = BodyDirectory::from_json(
        directory_with(kGroup, kHuyen + "," + kXa + R"(, {"id": "xa-moi", "name": "Xã Mới", "kind": "commune",
            "parent": "huyen", "groups": ["cac-xa"], "valid_from": "2024-09-01"})"), "merged.json");
    REQUIRE(merged.ok());
    CHECK_FALSE(merged->is_valid_on("xa-moi", year(2024) / 8 / 31));
    CHECK(merged->is_valid_on("xa-moi", year(2024) / 9 / 1));
    CHECK(refusal(directory_with(kGroup, kHuyen + "," + R"({"id": "xa-x", "name": "Xã X", "kind": "commune",
        "groups": ["cac-xa"], "valid_from": "2024-09-01", "valid_to": "2021-01-01"})")) ==
          "bad.json: body \"xa-x\": valid_to is before valid_from");
  }

  TEST_CASE("name keys ignore case, tone placement, punctuation and abbreviations") {
    CHECK(name_key("Huyện uỷ") == name_key("HUYỆN ỦY"));
    CHECK(name_key("UBND xã Xuân Hòa") == name_key("Ủy ban nhân dân xã Xuân Hoà"));
    CHECK(name_key("TT Huyện ủy") == name_key("Thường trực Huyện ủy"));
    CHECK(name_key("TT Hai Riêng") == name_key("thị trấn Hai Riêng"));
    CHECK(name_key("Ban Chỉ đạo phòng, chống dịch") == name_key("BCĐ phòng chống dịch"));
    CHECK(name_key("Các ban đảng của Tỉnh ủy") == name_key("ban đảng Tỉnh ủy"));
    CHECK(name_key("Đắk R’lấp") == name_key("Đắk R'lấp"));
    CHECK(name_key("UBND huyện") != name_key("UBND tỉnh"));
    const std::string key = name_key("VP HĐND&UBND huyện");
    CHECK(name_key(key) == key);  // the resolver looks keys up as names
  }

  TEST_CASE("an unreadable file is refused naming the file") {
    auto loaded = BodyDirectory::load("/nonexistent/directory.json");
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().message.starts_with("/nonexistent/directory.json: "));
  }

  TEST_CASE("malformed JSON is refused with its byte position") {
    auto path = std::filesystem::temp_directory_path() / "cvtrack-bad-directory.json";
    std::ofstream(path) << R"({"format": "cvtrack-body-directory", "bodies": [)";
    auto loaded = BodyDirectory::load(path);
    std::filesystem::remove(path);
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().message.starts_with(path.string() + ": malformed JSON at byte 49: [json.exception.parse_error.101]"));
  }

  TEST_CASE("each inconsistent directory is refused naming the file and the body") {
    CHECK(refusal(directory_with(kGroup, kHuyen + "," + kXa + "," + kHuyen)) ==
          "bad.json: body \"huyen\": duplicate id");
    CHECK(refusal(directory_with(kGroup, kXa)) ==
          "bad.json: body \"xa-xuan-hong\": unknown parent \"huyen\"");
    CHECK(refusal(directory_with(kGroup, kXa + R"(, {"id": "huyen", "name": "Huyện", "kind": "district",
                                                    "parent": "xa-xuan-hong"})")) ==
          "bad.json: body \"xa-xuan-hong\": parent cycle xa-xuan-hong -> huyen -> xa-xuan-hong");
    CHECK(refusal(directory_with("", kHuyen + "," + kXa)) ==
          "bad.json: body \"xa-xuan-hong\": unknown group \"cac-xa\"");
    CHECK(refusal(directory_with(kGroup, kHuyen + "," + kXa + R"(, {"id": "xa-khac", "name": "Xã Khác",
                                        "kind": "commune", "aliases": ["xuân hồng"]})")) ==
          "bad.json: body \"xa-khac\": name or alias \"xuân hồng\" is also claimed by body \"xa-xuan-hong\"");
    CHECK(refusal(directory_with(kGroup, kHuyen + "," + R"({"id": "xa-x", "kind": "commune"})")) ==
          "bad.json: body \"xa-x\": missing \"name\"");
    CHECK(refusal(directory_with(kGroup, R"({"id": "Xã X", "name": "Xã X", "kind": "commune"})")) ==
          "bad.json: body \"Xã X\": id must be lower-case ascii letters, digits and '-'");
    CHECK(refusal(directory_with(kGroup, kHuyen)) == "bad.json: group \"cac-xa\": no body is a member");
    CHECK(refusal(directory_with(R"({"id": "cac-xa", "name": "x", "phrases": ["Xuân Hồng"]})",
                                 kHuyen + "," + kXa)) ==
          "bad.json: group \"cac-xa\": phrase \"Xuân Hồng\" is also a name of body \"xa-xuan-hong\"");
    CHECK(refusal(R"({"format": 1, "version": 1})").starts_with("bad.json: [json.exception.type_error"));
    CHECK(refusal(R"({"format": "cvtrack-body-directory", "version": 2})") ==
          "bad.json: unsupported \"version\" (this cvtrack reads version 1)");
  }

  TEST_CASE("the index of bodies composed with a group's members finds what composing each key finds") {
    // Heads: every prefix of a body's key at a space (the heads that find
    // something), a group phrase's, and heads the index must leave to the
    // composition ("tt" before a name, a leading "các", an empty head).
    std::size_t indexed = 0, composed = 0;
    for (const char* file : {"xuan-truong-2021.json", "song-hinh-2021.json", "dak-nong-2021.json"}) {
      auto dir = shipped(file);
      std::set<std::string> heads = {"", "tt", "các", "của", "ủy ban nhân dân tt", "hội đồng nhân dân", "x",
                                     "ủy ban nhân dân "};
      for (std::size_t b = 0; b < dir.bodies().size(); ++b)
        for (const std::string& key : dir.name_keys(b))
          for (std::size_t space = key.find(' '); space != std::string::npos; space = key.find(' ', space + 1))
            heads.insert(key.substr(0, space));
      for (const auto& p : dir.group_phrase_keys()) heads.insert(p.key);
      for (std::size_t g = 0; g < dir.groups().size(); ++g) {
        for (const std::string& head : heads) {
          const auto expected = composed_by_lookup(dir, g, head);
          const auto* found = dir.composed_bodies(g, head);
          if (!found) {
            ++composed;
            continue;
          }
          ++indexed;
          INFO(file, " group ", dir.groups()[g].id, " head \"", head, "\"");
          REQUIRE(found->size() == expected.size());
          for (std::size_t k = 0; k < expected.size(); ++k) {
            CHECK(found->at(k).member == expected[k].member);
            CHECK(found->at(k).name == expected[k].name);
            CHECK(found->at(k).body == expected[k].body);
          }
        }
      }
      CHECK(dir.composed_bodies(0, "tt") == nullptr);
      CHECK(dir.composed_bodies(0, "các ủy ban nhân dân") == nullptr);
      CHECK(dir.composed_bodies(0, "") == nullptr);
    }
    CHECK(indexed > 1000);
    CHECK(composed > 0);
  }
}
