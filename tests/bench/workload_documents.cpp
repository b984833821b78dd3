// The documents of the benchmark's province: UBND tỉnh's công văn, from the
// patterns of the corpus. Each directive template says how many tasks it
// means to give; the suite checks that the reader agrees (figure 1).
#include <string>
#include <vector>

#include "engine/date.hpp"
#include "tests/bench/workload.hpp"

namespace cvtrack::bench {

namespace {

const std::vector<std::string> kActions = {
    "rà soát, cập nhật danh mục thủ tục hành chính thuộc thẩm quyền giải quyết",
    "tổ chức kiểm tra công tác phòng, chống thiên tai và tìm kiếm cứu nạn trên địa bàn",
    "triển khai kế hoạch chuyển đổi số năm 2026 theo đúng lộ trình đã phê duyệt",
    "đẩy nhanh tiến độ giải ngân vốn đầu tư công, xử lý dứt điểm các vướng mắc về giải phóng mặt bằng",
    "tăng cường công tác quản lý đất đai, khoáng sản, kiên quyết xử lý các trường hợp vi phạm",
    "chuẩn bị đầy đủ cơ sở vật chất, phương tiện phục vụ nhân dân đón Tết Nguyên đán an toàn, tiết kiệm",
    "thực hiện nghiêm các biện pháp phòng, chống dịch bệnh trên gia súc, gia cầm",
    "rà soát, tổng hợp nhu cầu kinh phí thực hiện chính sách hỗ trợ người có công với cách mạng",
    "kiểm tra, đánh giá kết quả thực hiện chương trình mục tiêu quốc gia xây dựng nông thôn mới",
    "tuyên truyền, phổ biến các quy định mới về an toàn giao thông đến từng thôn, tổ dân phố"};
const std::vector<std::string> kSubjects = {
    "triển khai thực hiện Kết luận của Ban Thường vụ Tỉnh ủy", "tăng cường công tác quản lý nhà nước",
    "thực hiện các nhiệm vụ trọng tâm quý I năm 2026", "chấn chỉnh kỷ luật, kỷ cương hành chính",
    "phòng, chống thiên tai mùa mưa bão", "đẩy nhanh tiến độ giải ngân vốn đầu tư công"};
const std::vector<std::string> kDepartmentsShort = {"KGVX", "KT", "NC", "TH", "XD"};

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string vn_date(engine::Date d) {  // 15/12/2025
  return two(int(unsigned(d.day()))) + "/" + two(int(unsigned(d.month()))) + "/" + std::to_string(int(d.year()));
}

struct Written {
  std::string text;
  int tasks = 0;
};

// One directive, numbered `n`: one of the patterns of the corpus.
Written directive(Dice& dice, int n, engine::Date date) {
  std::string num = std::to_string(n) + ". ";
  const std::string& action = dice.pick(kActions);
  engine::Date due = engine::add_days(date, 10 + dice.below(80));
  int district = dice.below(Workload::kDistricts);
  switch (dice.below(10)) {
    case 0:
    case 1:
    case 2: {  // chủ trì, phối hợp: one lead, two coordinating bodies
      std::string lead = dice.pick(department_names()), other = dice.pick(department_names());
      while (other == lead) other = dice.pick(department_names());
      return {num + lead + " chủ trì, phối hợp với " + other + ", UBND huyện " + district_names()[std::size_t(district)] +
                  " " + action + ", hoàn thành trước ngày " + vn_date(due) + ".",
              3};
    }
    case 3:
    case 4:  // every district's UBND, reporting monthly
      return {num + "UBND các huyện, thị xã, thành phố " + action + "; định kỳ hằng tháng báo cáo kết quả về UBND "
                  "tỉnh (qua " + dice.pick(department_names()) + ") trước ngày 20 hằng tháng.",
              20};  // ten districts: the work and the monthly report each
    case 5:
    case 6:  // one district's communes, counted in working days
      return {num + "UBND các xã thuộc huyện " + district_names()[std::size_t(district)] + " " + action +
                  ", hoàn thành trong thời hạn 05 ngày làm việc kể từ ngày ký công văn này.",
              15};
    case 7:  // one commune
      return {num + "UBND xã " + commune_name(district, dice.below(Workload::kCommunesPerDistrict)) + " " + action + ", hoàn thành trước ngày " + vn_date(due) + ".",
              1};
    case 8:  // a department, with its report
      return {num + dice.pick(department_names()) + " " + action + ", báo cáo UBND tỉnh trước ngày " + vn_date(due) + ".",
              2};  // the work, and the report with the date
    default:  // follow-up with a quarterly report
      return {num + "Giao " + dice.pick(department_names()) +
                  " theo dõi, đôn đốc, kiểm tra việc thực hiện; định kỳ hằng quý tổng hợp, báo cáo UBND tỉnh.",
              2};  // the follow-up, and the quarterly report
  }
}

}  // namespace

GeneratedDocument Workload::document(int index) const {
  Dice dice(seed_ ^ (std::uint64_t(index) * 0x9E3779B97F4A7C15ull));
  engine::Date date = engine::add_days(*engine::make_date(2025, 10, 1), dice.below(92));
  std::string number = std::to_string(index + 1) + "/UBND-" + dice.pick(kDepartmentsShort);
  GeneratedDocument doc;
  doc.source = "binh-an-" + std::to_string(100000 + index).substr(1) + ".txt";
  std::string& t = doc.text;
  t += "ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\n\n";
  t += "Số: " + number + "\n\n";
  t += "V/v " + dice.pick(kSubjects) + "\n\n";
  t += "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n";
  t += "Bình An, ngày " + std::to_string(unsigned(date.day())) + " tháng " + std::to_string(unsigned(date.month())) +
       " năm " + std::to_string(int(date.year())) + "\n\n";
  t += "Kính gửi:\n\n- Các sở, ban, ngành tỉnh;\n- UBND các huyện, thị xã, thành phố.\n\n";
  t += "Thực hiện chỉ đạo của Tỉnh ủy, Ủy ban nhân dân tỉnh yêu cầu các cơ quan, đơn vị thực hiện tốt các nội "
       "dung sau:\n\n";
  int count = 4 + dice.below(5);
  for (int n = 1; n <= count; ++n) {
    Written w = directive(dice, n, date);
    t += w.text + "\n\n";
    doc.expected_tasks += w.tasks;
  }
  t += "Nơi nhận:\n\n- Như trên;\n- TT Tỉnh ủy, TT HĐND tỉnh (b/c);\n- CT, các PCT UBND tỉnh;\n- Lưu: VT, " +
       kDepartmentsShort[0] + ".\n\n";
  t += "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\n\nNguyễn Văn An\n";
  return doc;
}

}  // namespace cvtrack::bench
