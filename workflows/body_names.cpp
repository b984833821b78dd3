#include "workflows/body_names.hpp"

#include <set>
#include <utility>
#include <vector>

#include "workflows/vietnamese_text.hpp"

namespace cvtrack::workflows {

namespace {

// The words between white space, as reading them from a stream did.
std::vector<std::string> split_words(std::string_view text) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; };
  std::vector<std::string> words;
  for (std::size_t at = 0; at < text.size();) {
    while (at < text.size() && is_space(text[at])) ++at;
    std::size_t end = at;
    while (end < text.size() && !is_space(text[end])) ++end;
    if (end > at) words.emplace_back(text.substr(at, end - at));
    at = end;
  }
  return words;
}

// Organs whose second word is capitalised by convention, with their lower
// case (computed once, not for every name).
const std::vector<std::pair<std::string, std::string>>& fixed_capitals() {
  static const auto fixed = [] {
    std::vector<std::pair<std::string, std::string>> out;
    for (const char* name : {"Thường vụ", "Thường trực", "Chấp hành", "Chỉ đạo", "Mặt trận Tổ quốc", "Việt Nam",
                             "Chính phủ", "Quốc hội", "Trung ương"})
      out.emplace_back(name, to_lower(name));
    return out;
  }();
  return fixed;
}

// Abbreviations stay in capitals.
bool is_abbreviation(const std::string& upper_word) {
  static const std::set<std::string> abbreviations = {
      "UBND", "HĐND", "MTTQ", "BTV", "BCH", "BCĐ", "VPHU", "VPTU", "TCCSĐ", "PCTT", "TKCN",
      "CP", "TW", "TTG", "KT-XH", "CSGT", "QS", "CHQS", "BĐBP", "TP.", "TP", "TT", "VN", "TN&MT",
      "LĐTBXH", "PT-TH", "GD&ĐT", "NN&PTNT", "HTX", "CA", "CAND"};
  return abbreviations.count(upper_word) > 0;
}

}  // namespace

std::string normal_case_body_name(std::string_view upper) {
  if (!is_all_uppercase(upper)) return std::string(upper);
  const std::vector<std::string> words = split_words(upper);
  std::vector<std::string> lower;
  for (const auto& w : words) lower.push_back(to_lower(w));
  auto word = [&](std::size_t i) { return i < lower.size() ? lower[i] : std::string(); };
  auto is_committee = [&](std::size_t i) {  // "huyện ủy", "tỉnh ủy", "đảng ủy" ...
    static const std::set<std::string> before = {"huyện", "tỉnh", "thành", "quận", "thị", "đảng"};
    return (word(i) == "ủy" || word(i) == "uỷ") && i > 0 && before.count(word(i - 1));
  };
  auto is_level = [&](std::size_t i) {  // a level whose place name follows
    static const std::set<std::string> single = {"tỉnh", "huyện", "xã", "phường", "quận"};
    static const std::set<std::string> second = {"trấn", "phố", "khu"};
    if (is_committee(i + 1)) return false;
    if (single.count(word(i))) return true;
    if (second.count(word(i)) && i > 0) return true;
    return word(i) == "xã" || (word(i) == "xã" && i > 0 && word(i - 1) == "thị");
  };
  std::vector<std::string> shown(words.size());
  bool proper = false;  // inside a place name
  for (std::size_t i = 0; i < words.size(); ++i) {
    // "Sở Y tế", "Phòng Văn hóa", "Ban Tuyên giáo": the field after an organ
    // word is capitalised.
    static const std::set<std::string> organs = {"sở", "phòng", "ban", "cục", "vụ", "bộ", "viện",
                                                 "đài", "báo", "hội", "trường"};
    bool after_organ = i > 0 && organs.count(lower[i - 1]) && !(i > 1 && organs.count(lower[i - 2])) &&
                       !(i > 1 && (lower[i - 2] == "ủy" || lower[i - 2] == "uỷ")) &&
                       !is_level(i) && lower[i] != "chỉ" && lower[i] != "cán";
    if (is_abbreviation(words[i])) shown[i] = words[i];
    else if (i == 0 || proper || after_organ) shown[i] = capitalize_first(lower[i]);
    else shown[i] = lower[i];
    if (is_committee(i)) {
      // "Huyện ủy", "Tỉnh ủy": the committee is a name of its own,
      // capitalised wherever it stands ("Thường trực Tỉnh ủy").
      if (word(i - 1) != "đảng") shown[i - 1] = capitalize_first(lower[i - 1]);
      shown[i] = lower[i];
      proper = i + 1 < words.size() && !is_level(i + 1) && word(i + 1) != "thị" && word(i + 1) != "thành";
    } else if (is_level(i)) {
      proper = i + 1 < words.size();
    }
  }
  std::string out;
  for (const auto& w : shown) out += (out.empty() ? "" : " ") + w;
  for (const auto& [fixed, lower_form] : fixed_capitals()) {
    std::size_t at = out.find(lower_form);
    if (at != std::string::npos && at > 0) out.replace(at, lower_form.size(), fixed);
  }
  return out;
}

bool names_a_place(std::string_view name) {
  std::vector<std::string> words = split_words(fold(name));
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    const std::string& w = words[i];
    if (w == "tỉnh" || w == "huyện" || w == "xã" || w == "phường" || w == "quận" || w == "tp" ||
        w == "trấn" || w == "phố" || (w == "thị" && words[i + 1] == "xã") || w == "khu")
      return true;
  }
  return false;
}

bool is_generic_body_kind(std::string_view name) {
  std::string f = fold(name);
  return f == "ủy ban nhân dân" || f == "ubnd" || f == "hội đồng nhân dân" || f == "hđnd" ||
         f == "ủy ban mặt trận tổ quốc việt nam" || f == "ban chỉ đạo";
}

}  // namespace cvtrack::workflows
