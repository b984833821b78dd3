#include "workflows/body_resolver.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "workflows/data_paths.hpp"

using cvtrack::workflows::BodyDirectory;
using cvtrack::workflows::BodyResolver;
using cvtrack::workflows::data_dir;
using Ids = std::vector<std::string>;

namespace {

const BodyDirectory& directory(const char* file) {
  static std::map<std::string, BodyDirectory> cache;
  auto it = cache.find(file);
  if (it == cache.end()) {
    auto loaded = BodyDirectory::load(data_dir() / "directories" / file);
    REQUIRE_MESSAGE(loaded.ok(), (loaded.ok() ? "" : loaded.error().message));
    it = cache.emplace(file, std::move(loaded).value()).first;
  }
  return it->second;
}

const BodyDirectory& xuan_truong() { return directory("xuan-truong-2021.json"); }
const BodyDirectory& song_hinh() { return directory("song-hinh-2021.json"); }
const BodyDirectory& dak_nong() { return directory("dak-nong-2021.json"); }

Ids resolve(const BodyDirectory& dir, const std::string& phrase) {
  return BodyResolver(dir).resolve(phrase).body_ids;
}

bool all_start_with(const Ids& ids, const std::string& prefix) {
  return std::all_of(ids.begin(), ids.end(), [&](const std::string& id) { return id.starts_with(prefix); });
}

}  // namespace

TEST_SUITE("workflows/body_resolver") {
  TEST_CASE("Xuân Trường: the bodies the 288-CV/HU names resolve") {
    const auto& xt = xuan_truong();
    CHECK(resolve(xt, "Văn phòng Huyện ủy") == Ids{"van-phong-huyen-uy"});
    CHECK(resolve(xt, "VP Huyện ủy") == Ids{"van-phong-huyen-uy"});
    CHECK(resolve(xt, "Ban Thường vụ Huyện ủy") == Ids{"btv-huyen-uy"});
    CHECK(resolve(xt, "UBND huyện") == Ids{"ubnd-huyen"});
    CHECK(resolve(xt, "Thường trực Huyện ủy") == Ids{"thuong-truc-huyen-uy"});
    CHECK(resolve(xt, "Ban Chỉ đạo phòng chống dịch Covid-19 của huyện") == Ids{"bcd-covid-huyen"});
    CHECK(resolve(xt, "Các đ/c Ủy viên BTV Huyện ủy") == Ids{"btv-huyen-uy"});
    CHECK(resolve(xt, "Ủy viên BCH Đảng bộ huyện") == Ids{"huyen-uy"});
    CHECK(resolve(xt, "Ủy viên Ban Thường vụ Huyện ủy phụ trách cụm") == Ids{"btv-huyen-uy"});
    CHECK(resolve(xt, "Ủy viên Ban Chấp hành Đảng bộ huyện phụ trách các xã, thị trấn") == Ids{"huyen-uy"});
    CHECK(resolve(xt, "Thành viên Ban Chỉ đạo phòng chống dịch Covid-19 của huyện") == Ids{"bcd-covid-huyen"});
    CHECK(resolve(xt, "Các cơ quan, ban ngành, MTTQ và đoàn thể chính trị - xã hội huyện").size() == 21);
  }

  TEST_CASE("Sông Hinh: the bodies the 281-CV/HU names resolve") {
    const auto& sh = song_hinh();
    CHECK(resolve(sh, "UBND huyện") == Ids{"ubnd-huyen"});
    CHECK(resolve(sh, "Mặt trận Tổ quốc Việt Nam huyện") == Ids{"mttq-huyen"});
    CHECK(resolve(sh, "Ủy ban MTTQ Việt Nam huyện") == Ids{"mttq-huyen"});
    CHECK(resolve(sh, "Ban Dân vận Huyện ủy") == Ids{"ban-dan-van-huyen-uy"});
    CHECK(resolve(sh, "Ban chỉ đạo PC Covid-19 huyện") == Ids{"bcd-covid-huyen"});
    CHECK(resolve(sh, "Các đ/c Huyện ủy viên") == Ids{"huyen-uy"});
    CHECK(resolve(sh, "Lưu VPHU").empty());  // a filing note, not an addressee
    CHECK(resolve(sh, "VPHU") == Ids{"van-phong-huyen-uy"});
    CHECK(resolve(sh, "Các ban đảng Huyện ủy") ==
          Ids{"van-phong-huyen-uy", "ban-to-chuc-huyen-uy", "ban-tuyen-giao-huyen-uy",
              "ban-dan-van-huyen-uy", "ubkt-huyen-uy"});
    CHECK(resolve(sh, "Các cơ quan, ban, ngành, đoàn thể huyện").size() == 22);
    CHECK(resolve(sh, "thủ trưởng các cơ quan, ban ngành").size() == 16);
  }

  TEST_CASE("a group with a head expands into that head's body in each commune") {
    const auto& sh = song_hinh();
    BodyResolver resolver(sh);
    auto ubnd = resolver.resolve("UBND các xã, thị trấn");
    CHECK(ubnd.expanded_group);
    CHECK(ubnd.body_ids.size() == 11);
    CHECK(all_start_with(ubnd.body_ids, "ubnd-"));
    CHECK(std::count(ubnd.body_ids.begin(), ubnd.body_ids.end(), "ubnd-thi-tran-hai-rieng") == 1);
    CHECK(std::count(ubnd.body_ids.begin(), ubnd.body_ids.end(), "ubnd-xa-song-hinh") == 1);

    auto bi_thu = resolver.resolve("Bí thư Đảng ủy các xã, thị trấn");
    CHECK(bi_thu.body_ids.size() == 11);
    CHECK(all_start_with(bi_thu.body_ids, "dang-uy-"));
    CHECK(resolver.resolve("Các TCCSĐ trực thuộc Huyện ủy").body_ids == bi_thu.body_ids);

    auto communes = BodyResolver(xuan_truong()).resolve("các xã, thị trấn");
    CHECK(communes.expanded_group);
    CHECK(communes.body_ids.size() == 20);
    CHECK(resolve(xuan_truong(), "Đảng ủy các xã, thị trấn").size() == 20);
    CHECK_FALSE(BodyResolver(sh).resolve("UBND huyện").expanded_group);
  }

  TEST_CASE("Đắk Nông: the bodies the Công điện khẩn names resolve") {
    const auto& dn = dak_nong();
    CHECK(resolve(dn, "Thường trực Tỉnh ủy") == Ids{"thuong-truc-tinh-uy"});
    CHECK(resolve(dn, "Ban Chỉ đạo phòng, chống dịch bệnh ở người tỉnh Đắk Nông") ==
          Ids{"bcd-phong-chong-dich-tinh"});
    CHECK(resolve(dn, "Các ban đảng của Tỉnh ủy").size() == 6);
    CHECK(resolve(dn, "Các đảng đoàn, ban cán sự đảng của tỉnh").size() == 3);
    CHECK(resolve(dn, "Mặt trận Tổ quốc và các đoàn thể tỉnh").size() == 6);
    auto party = resolve(dn, "Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy");
    CHECK(party.size() == 12);
    CHECK(std::count(party.begin(), party.end(), "thanh-uy-gia-nghia") == 1);
    CHECK(resolve(dn, "Bí thư các huyện ủy, thành ủy").size() == 8);
    CHECK(resolve(dn, "UBND tỉnh") == Ids{"ubnd-tinh"});
    CHECK(resolve(dn, "Lãnh đạo Văn phòng Tỉnh ủy") == Ids{"van-phong-tinh-uy"});
    CHECK(resolve(dn, "Đài PT-TH tỉnh") == Ids{"dai-pt-th-tinh"});
    CHECK(resolve(dn, "Huyện ủy Đắk R’lấp") == Ids{"huyen-uy-dak-rlap"});
    auto ubnd = resolve(dn, "UBND các huyện, thành phố");
    CHECK(ubnd.size() == 8);
    CHECK(all_start_with(ubnd, "ubnd-"));
  }

  TEST_CASE("old tone placement, capitals and decomposed text resolve the same") {
    const auto& xt = xuan_truong();
    CHECK(resolve(xt, "Huyện uỷ") == Ids{"huyen-uy"});
    CHECK(resolve(xt, "HUYỆN ỦY XUÂN TRƯỜNG") == Ids{"huyen-uy"});
    CHECK(resolve(xt, "Văn phòng Huyện uỷ") == Ids{"van-phong-huyen-uy"});
    CHECK(resolve(xt, "Ban Thường vụ Huyện Uỷ") == Ids{"btv-huyen-uy"});
    CHECK(resolve(xt, "UBND xã Xuân Hoà") == Ids{"ubnd-xa-xuan-hoa"});
    CHECK(resolve(xt, "Uỷ ban nhân dân xã Xuân Thuỷ") == Ids{"ubnd-xa-xuan-thuy"});
    CHECK(resolve(xt, "Đa\xCC\x89ng u\xCC\x89y xa\xCC\x83 Xuân Hồng") == Ids{"dang-uy-xa-xuan-hong"});
  }

  TEST_CASE("abbreviations and the jurisdiction suffix are understood") {
    const auto& xt = xuan_truong();
    CHECK(resolve(xt, "Ủy ban nhân dân xã Xuân Hồng") == Ids{"ubnd-xa-xuan-hong"});
    CHECK(resolve(xt, "TT Xuân Trường") == Ids{"thi-tran-xuan-truong"});
    CHECK(resolve(xt, "TT HĐND huyện") == Ids{"thuong-truc-hdnd-huyen"});
    CHECK(resolve(xt, "Hội đồng nhân dân huyện") == Ids{"hdnd-huyen"});
    CHECK(resolve(xt, "Thường trực Huyện ủy huyện") == Ids{"thuong-truc-huyen-uy"});
    CHECK(resolve(xt, "UBND huyện Xuân Trường") == Ids{"ubnd-huyen"});
    CHECK(resolve(xt, "Xuân Trường") == Ids{"huyen"});  // the bare name is the higher level
    CHECK(resolve(song_hinh(), "xã Sông Hinh") == Ids{"xa-song-hinh"});
  }

  TEST_CASE("names the directory lacks resolve to nothing") {
    CHECK(resolve(song_hinh(), "Các cơ quan, đơn vị").empty());
    CHECK(resolve(song_hinh(), "các cơ quan, đơn vị liên quan").empty());
    CHECK(resolve(xuan_truong(), "Ủy ban nhân dân xã Tân Lập").empty());
    CHECK(resolve(xuan_truong(), "").empty());
    // Which Huyện ủy, and at which level the Mặt trận, the province file cannot say.
    CHECK(resolve(dak_nong(), "Bí thư Huyện ủy").empty());
    CHECK(resolve(dak_nong(), "Mặt trận Tổ quốc").empty());
  }

  TEST_CASE("bodies outside their validity dates are absent for a document of that day") {
    using std::chrono::year;
    CHECK(BodyResolver(xuan_truong(), year(2021) / 7 / 15).resolve("UBND huyện").body_ids == Ids{"ubnd-huyen"});
    CHECK(BodyResolver(xuan_truong(), year(2025) / 8 / 1).resolve("UBND huyện").empty());
    // No district-level units (huyện, thành phố thuộc tỉnh) since 1/7/2025.
    CHECK(BodyResolver(dak_nong(), year(2025) / 6 / 30).resolve("các huyện, thành phố").body_ids.size() == 8);
    CHECK(BodyResolver(dak_nong(), year(2025) / 7 / 1).resolve("các huyện, thành phố").empty());
    CHECK(BodyResolver(dak_nong(), year(2025) / 7 / 1).resolve("UBND tỉnh").body_ids == Ids{"ubnd-tinh"});
  }

  TEST_CASE("the shared tail of a list is its group phrase or level word") {
    BodyResolver resolver(xuan_truong());
    CHECK(resolver.shared_tail("Đảng ủy - UBND các xã, thị trấn") == "xã thị trấn");
    CHECK(resolver.shared_tail("HĐND - UBND huyện") == "huyện");
    CHECK(resolver.shared_tail("Văn phòng Huyện ủy").empty());
  }
}
