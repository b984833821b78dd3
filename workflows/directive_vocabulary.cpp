#include "workflows/directive_vocabulary.hpp"

namespace cvtrack::workflows::vocabulary {

const std::vector<BodyHead>& body_heads() {
  static const std::vector<BodyHead> heads = {
      {"ubnd", false}, {"ủy ban nhân dân", false}, {"ủy ban", false}, {"hđnd", false},
      {"hội đồng nhân dân", false}, {"hội đồng", false}, {"mttq", false}, {"mặt trận", false},
      {"ủy ban mttq", false}, {"sở", true}, {"phòng", true}, {"ban", true}, {"văn phòng", false},
      {"công an", false}, {"trung tâm", false}, {"bộ", true}, {"bộ chỉ huy", false},
      {"ban chỉ huy", false}, {"cục", true}, {"chi cục", false}, {"tổng cục", false},
      {"thường trực", false}, {"huyện ủy", false}, {"tỉnh ủy", false}, {"thành ủy", false},
      {"quận ủy", false}, {"thị ủy", false}, {"đảng ủy", false}, {"đảng bộ", false},
      {"chi bộ", false}, {"đảng đoàn", false}, {"ban cán sự đảng", false}, {"đoàn", true},
      {"đoàn thanh niên", false}, {"hội", true}, {"liên đoàn", false}, {"đài", true}, {"báo", true},
      {"bệnh viện", false}, {"trường", true}, {"kho bạc", false}, {"ngân hàng", false},
      {"viện", true}, {"chủ tịch", false}, {"phó chủ tịch", false}, {"bí thư", false},
      {"phó bí thư", false}, {"giám đốc", false}, {"phó giám đốc", false}, {"trưởng ban", false},
      {"trưởng phòng", false}, {"trưởng các", false}, {"trưởng công an", false}, {"trưởng", true},
      {"chánh văn phòng", false}, {"chánh thanh tra", false}, {"thủ trưởng", false},
      {"người đứng đầu", false}, {"ủy viên", false}, {"thành viên", false}, {"đồng chí", false},
      {"các đồng chí", false}, {"đ/c", false}, {"cấp ủy", false}, {"các cấp ủy", false},
      {"chính quyền", false}, {"lãnh đạo", true}, {"tổ công tác", false}, {"bch", false},
      {"btv", false}, {"bcđ", false}, {"vphu", false}, {"vptu", false}, {"tccsđ", false},
      {"ubkt", false}, {"cơ quan", true}, {"hiệu trưởng", false}, {"chi nhánh", false},
      {"ban thường vụ", false}, {"ban chấp hành", false}, {"ban chỉ đạo", false},
      {"ban quản lý", false}, {"ban công tác", false}, {"tổ", true}, {"lực lượng", false},
      {"quân sự", false}, {"ban chqs", false}, {"tổ kiểm tra", false}, {"tổ giúp việc", false},
      {"tổ thư ký", false}, {"thủ tướng", false}, {"phó thủ tướng", false}, {"bộ trưởng", false},
      {"thứ trưởng", false}, {"cục trưởng", false}, {"chi cục trưởng", false}, {"tổng cục trưởng", false},
      {"chính phủ", false}, {"văn phòng chính phủ", false}, {"thư viện", true}, {"trạm", true},
      {"hạt", true}, {"đội", true}, {"công ty", true}, {"nhà văn hóa", true}, {"bảo tàng", true}, {"đoàn kiểm tra", false}, {"đoàn công tác", false}, {"đoàn giám sát", false},
      {"ban tổ chức", false}, {"ban biên tập", false}, {"tiểu ban", false}, {"hội đồng thi đua", false}, {"thanh tra", true}, {"cơ quan tổ chức", false},
  };
  return heads;
}

const PhraseList& body_head_words() {
  static const PhraseList words = [] {
    std::vector<std::string_view> w;
    for (const auto& head : body_heads()) w.push_back(head.words);
    return PhraseList(w);
  }();
  return words;
}

const PhraseList& collective_nouns() {
  static const PhraseList nouns = {
      "địa phương", "cơ quan", "đơn vị", "ngành", "ban ngành", "ban", "sở", "chi bộ", "đảng bộ",
      "huyện", "xã", "phường", "thị trấn", "thị xã", "thành phố", "tổ chức", "đoàn thể", "cấp ủy",
      "đồng chí", "thành viên", "ban đảng", "tccsđ", "tổ", "phòng", "trường", "doanh nghiệp", "hội",
      "ủy viên", "bí thư", "thủ trưởng", "huyện ủy", "thành ủy", "đảng ủy", "đảng đoàn",
      "ban cán sự", "lực lượng", "cơ sở", "hợp tác xã", "thôn", "bộ", "ngân hàng", "trung tâm",
      "chủ tịch", "giám đốc", "trưởng", "ubnd", "hội đồng", "tổ chức cơ sở đảng", "đoàn viên",
      "đảng viên", "ngành chức năng", "cơ quan chức năng", "sở, ban, ngành", "cấp", "chi, đảng bộ"};
  return nouns;
}

const PhraseList& collective_phrases() {
  // Longest first: the splitter takes the first that matches.
  static const PhraseList phrases = {
      "cơ quan, ban, ngành, đoàn thể", "cơ quan, ban ngành, đoàn thể", "cơ quan, đơn vị, địa phương",
      "cơ quan, địa phương, đơn vị", "sở, ban, ngành, đoàn thể", "ban, ngành, đoàn thể",
      "cơ quan, ban, ngành", "ban, ngành, đơn vị", "sở, ban, ngành, đơn vị", "thôn, làng, tổ dân phố", "thôn, làng, tổ dân", "sở, ban, ngành",
      "cơ quan, ban ngành", "cơ quan, đơn vị", "ban, ngành", "ngành, địa phương", "địa phương, đơn vị",
      "huyện ủy, thị ủy, thành ủy, đảng ủy", "huyện ủy, thị ủy, thành ủy", "huyện ủy, thành ủy, đảng ủy",
      "huyện ủy, thành ủy", "phòng, ban, ngành", "phòng, ban, đơn vị", "phòng, ban", "đảng đoàn, ban cán sự đảng",
      "chính trị - xã hội", "thôn, tổ dân phố", "thôn, làng", "ngành, đoàn thể",
      "cơ quan, tổ chức, đơn vị", "chi, đảng bộ", "chi bộ, đảng bộ", "cơ quan, tổ chức", "tổ chức, cá nhân", "cán bộ, công chức",
  };
  return phrases;
}

const PhraseList& level_words() {
  static const PhraseList words = {
      "thị trấn", "thị xã", "thành phố", "xã", "phường", "huyện", "quận", "đặc khu", "tỉnh", "làng",
      "tổ dân phố", "thôn", "bon", "buôn", "ấp", "khu phố"};
  return words;
}

const PhraseList& subject_terminators() {
  static const PhraseList words = {
      "tiếp tục", "chủ trì", "phối hợp", "tham mưu", "thực hiện", "triển khai", "tổ chức", "chỉ đạo",
      "lãnh đạo", "xây dựng", "rà soát", "báo cáo", "theo dõi", "tăng cường", "đẩy mạnh", "đẩy nhanh",
      "quán triệt",
      "hướng dẫn", "kiểm tra", "có trách nhiệm", "chịu trách nhiệm", "khẩn trương", "tập trung",
      "chủ động", "xem xét", "giải quyết", "đăng tải", "tổng hợp", "cần", "phải", "quan tâm",
      "hoàn chỉnh", "hoàn thành", "bố trí", "vận động", "thường xuyên", "duy trì", "nắm", "nắm chắc",
      "đôn đốc", "nghiên cứu", "đề xuất", "bảo đảm", "đảm bảo", "ban hành", "trình", "gửi", "cung cấp",
      "phổ biến", "tuyên truyền", "cập nhật", "thông báo", "làm", "dự", "tham gia", "giám sát",
      "tiếp nhận", "xử lý", "trực tiếp", "kịp thời", "nghiêm túc", "sớm", "khi", "trên cơ sở", "theo",
      "căn cứ", "để", "nhằm", "trong", "trước", "sau", "từ", "đồng thời", "được", "đã", "sẽ", "đang",
      "chuẩn bị", "sử dụng", "thu gom", "mời", "đăng ký", "kích hoạt", "công bố", "niêm yết",
      "điều chỉnh", "bổ sung", "ưu tiên", "phát huy", "huy động", "nâng cao", "thống nhất", "tiếp xúc",
      "giới thiệu", "lập", "cấu hình", "số hóa", "tuân thủ", "chấp hành", "có", "là", "không",
      "thi hành", "hoàn tất", "phân công", "thẩm định", "phê duyệt", "định hướng", "ra quân", "di dời",
      "quyết liệt", "khẩn cấp", "tích cực", "đề nghị", "yêu cầu", "giao", "rút", "tạo điều kiện", "hỗ trợ",
      "nghiêm", "chỉ", "mở", "đưa", "tiến hành", "dành", "kiểm soát", "nhận", "lựa chọn", "phân bổ",
      "thẩm tra", "đánh giá", "tiếp", "kết hợp", "cùng", "với", "vận hành", "ứng phó", "di chuyển",
      "hoàn thiện", "tập huấn", "thành lập", "kiện toàn", "cử", "bàn giao", "thanh tra", "cấp phát",
      "chi trả", "lấy", "nộp", "ký", "phát động", "sơ kết", "tổng kết", "cải thiện", "khắc phục",
      "vào", "bằng", "qua", "những", "hằng", "hàng", "định kỳ", "bắt đầu", "chậm nhất", "muộn nhất", "hạn chót", "biết", "kết quả", "tình hình", "số liệu", "nội dung",
  };
  return words;
}

const PhraseList& leading_adverbials() {
  static const PhraseList words = {
      "nhận được", "sau khi", "trong quá trình", "để", "căn cứ", "đồng thời", "ngoài ra", "trên cơ sở",
      "thực hiện", "trước tình hình", "nhằm", "theo đó", "bên cạnh đó", "vào", "trong thời gian",
      "trong khi", "từ nay", "riêng", "mặt khác", "nếu", "khi", "trường hợp"};
  return words;
}

const PhraseList& request_verbs() {
  static const PhraseList words = {
      "yêu cầu", "đề nghị", "giao nhiệm vụ cho", "giao cho", "giao", "chỉ thị cho", "ủy quyền cho"};
  return words;
}

}  // namespace cvtrack::workflows::vocabulary
