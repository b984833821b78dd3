#include "tests/bench/workload.hpp"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "engine/date.hpp"

namespace cvtrack::bench {

namespace {

using nlohmann::json;

struct Department {
  const char* id;
  const char* name;
  const char* kind;
};

const std::vector<Department>& departments() {
  static const std::vector<Department> list = {
      {"so-noi-vu", "Sở Nội vụ", "government-office"},
      {"so-tai-chinh", "Sở Tài chính", "government-office"},
      {"so-ke-hoach-dau-tu", "Sở Kế hoạch và Đầu tư", "government-office"},
      {"so-y-te", "Sở Y tế", "government-office"},
      {"so-giao-duc-dao-tao", "Sở Giáo dục và Đào tạo", "government-office"},
      {"so-tai-nguyen-moi-truong", "Sở Tài nguyên và Môi trường", "government-office"},
      {"so-nong-nghiep-ptnt", "Sở Nông nghiệp và Phát triển nông thôn", "government-office"},
      {"so-cong-thuong", "Sở Công Thương", "government-office"},
      {"so-xay-dung", "Sở Xây dựng", "government-office"},
      {"so-giao-thong-van-tai", "Sở Giao thông vận tải", "government-office"},
      {"so-tu-phap", "Sở Tư pháp", "government-office"},
      {"so-thong-tin-truyen-thong", "Sở Thông tin và Truyền thông", "government-office"},
      {"cong-an-tinh", "Công an tỉnh", "police"},
      {"bchqs-tinh", "Bộ Chỉ huy Quân sự tỉnh", "military"},
  };
  return list;
}

}  // namespace

const std::vector<std::string>& department_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& d : departments()) out.push_back(d.name);
    return out;
  }();
  return names;
}

const std::vector<std::string>& district_names() {
  static const std::vector<std::string> names = {"An Phú",   "Bình Sơn",  "Đông Hưng", "Hải Lăng", "Kim Thành",
                                                 "Lạc Dương", "Minh Long", "Ngọc Hồi",  "Phú Tân",  "Quế Sơn"};
  return names;
}

std::string commune_name(int district, int commune) {
  // 15 x 10 distinct names: first syllable by commune, second by district.
  static const std::vector<std::string> first = {"Tân",   "Hòa", "Phước", "Vĩnh", "Thạnh", "Long",  "Bình", "Xuân",
                                                 "Quảng", "Đức", "Hưng",  "Mỹ",   "Thanh", "Nghĩa", "Cẩm"};
  static const std::vector<std::string> second = {"Lợi",   "Thành", "Hiệp",  "Lộc",  "Thắng",
                                                  "Trung", "Điền",  "Khánh", "Tiến", "Quang"};
  return first[std::size_t(commune)] + " " + second[std::size_t(district)];
}

namespace {

std::string two(int n) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return buf;
}

std::string district_id(int d) { return "huyen-" + two(d); }
std::string commune_id(int d, int c) { return "xa-" + two(d) + "-" + two(c); }

json body(const std::string& id, const std::string& name, const char* kind, const json& parent,
          std::vector<std::string> aliases, std::vector<std::string> groups = {}) {
  return {{"id", id}, {"name", name}, {"kind", kind}, {"parent", parent}, {"aliases", aliases}, {"groups", groups}};
}

json province_bodies() {
  json bodies = json::array();
  bodies.push_back(body("ubnd-tinh", "Ủy ban nhân dân tỉnh Bình An", "people-committee", nullptr,
                        {"UBND tỉnh", "Ủy ban nhân dân tỉnh", "UBND tỉnh Bình An"}));
  bodies.push_back(body("van-phong-ubnd-tinh", "Văn phòng UBND tỉnh Bình An", "government-office", "ubnd-tinh",
                        {"Văn phòng UBND tỉnh", "VP UBND tỉnh"}));
  for (const auto& d : departments())
    bodies.push_back(body(d.id, std::string(d.name) + " tỉnh Bình An", d.kind,
                          std::string(d.kind) == "government-office" ? json("ubnd-tinh") : json(nullptr), {d.name},
                          {"cac-so-nganh"}));
  for (int d = 0; d < Workload::kDistricts; ++d) {
    const std::string& name = district_names()[std::size_t(d)];
    std::string ubnd = "ubnd-" + district_id(d);
    bodies.push_back(body(district_id(d), "Huyện " + name, "district", nullptr, {"huyện " + name}, {"cac-huyen"}));
    bodies.push_back(body(ubnd, "Ủy ban nhân dân huyện " + name, "people-committee", district_id(d),
                          {"UBND huyện " + name, "Ủy ban nhân dân huyện " + name}));
    bodies.push_back(body("phong-tckh-" + two(d), "Phòng Tài chính - Kế hoạch huyện " + name, "government-office",
                          ubnd, {"Phòng Tài chính - Kế hoạch huyện " + name}));
    bodies.push_back(body("phong-tnmt-" + two(d), "Phòng Tài nguyên và Môi trường huyện " + name,
                          "government-office", ubnd, {"Phòng Tài nguyên và Môi trường huyện " + name}));
    bodies.push_back(body("cong-an-huyen-" + two(d), "Công an huyện " + name, "police", nullptr,
                          {"Công an huyện " + name}));
    for (int c = 0; c < Workload::kCommunesPerDistrict; ++c) {
      std::string commune = commune_name(d, c);
      bodies.push_back(body(commune_id(d, c), "Xã " + commune, "commune", district_id(d), {"xã " + commune},
                            {"cac-xa", "cac-xa-" + two(d)}));
      bodies.push_back(body("ubnd-" + commune_id(d, c), "Ủy ban nhân dân xã " + commune, "people-committee",
                            commune_id(d, c), {"UBND xã " + commune, "Ủy ban nhân dân xã " + commune}));
    }
  }
  return bodies;
}

json province_groups() {
  json groups = json::array();
  groups.push_back({{"id", "cac-so-nganh"},
                    {"name", "các sở, ban, ngành tỉnh"},
                    {"phrases", {"các sở, ban, ngành tỉnh", "các sở, ban, ngành", "các sở, ngành"}}});
  groups.push_back({{"id", "cac-huyen"},
                    {"name", "các huyện"},
                    {"phrases", {"các huyện, thị xã, thành phố", "các huyện", "các địa phương"}}});
  groups.push_back({{"id", "cac-xa"},
                    {"name", "các xã, phường, thị trấn"},
                    {"phrases", {"các xã, phường, thị trấn", "các xã, phường, thị trấn trong tỉnh"}}});
  for (int d = 0; d < Workload::kDistricts; ++d) {
    const std::string& name = district_names()[std::size_t(d)];
    groups.push_back({{"id", "cac-xa-" + two(d)},
                      {"name", "các xã thuộc huyện " + name},
                      {"phrases", {"các xã thuộc huyện " + name, "các xã, thị trấn thuộc huyện " + name}}});
  }
  return groups;
}

}  // namespace

Workload::Workload(std::uint64_t seed) : seed_(seed) {}

std::string Workload::directory_json() const {
  json dir = {{"format", "cvtrack-body-directory"},
              {"version", 1},
              {"jurisdiction", {{"name", "Bình An"}, {"level", "tỉnh"}, {"full_name", "Tỉnh Bình An"}}},
              {"as_of", "2025-10-01"},
              {"about", "A made-up province for the benchmarks (tests/bench/workload.cpp): 10 districts of 15 "
                        "communes, their UBND and offices, the province's departments."},
              {"groups", province_groups()},
              {"bodies", province_bodies()}};
  return dir.dump(1);
}

int Workload::body_count() const { return int(province_bodies().size()); }

}  // namespace cvtrack::bench
