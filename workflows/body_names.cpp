#include "workflows/body_names.hpp"

#include <set>
#include <sstream>
#include <vector>

#include "workflows/vietnamese_text.hpp"

namespace cvtrack::workflows {

namespace {

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::istringstream in{std::string(text)};
  std::string w;
  while (in >> w) words.push_back(w);
  return words;
}

// Administrative levels: what follows one of them is a place name.
const std::set<std::string>& level_words() {
  static const std::set<std::string> words = {"tỉnh", "huyện", "xã", "phường", "quận", "thị", "thành",
                                              "tp", "tp.", "khu", "trấn", "xã,"};
  return words;
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
  std::vector<std::string> words = split_words(upper);
  std::string out;
  bool proper = false;  // inside a place name
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    std::string lower = to_lower(word);
    std::string shown;
    bool party_committee = lower == "ủy" || lower == "uỷ";
    if (is_abbreviation(word)) {
      shown = word;
    } else if (i == 0 || proper) {
      shown = capitalize_first(lower);
    } else if (party_committee && i > 0) {
      // "Huyện ủy", "Tỉnh ủy": the committee is a name of its own, capitalised
      // wherever it stands ("Thường trực Tỉnh ủy").
      std::string prev = to_lower(words[i - 1]);
      if (prev == "huyện" || prev == "tỉnh" || prev == "thành" || prev == "quận" || prev == "thị") {
        std::size_t at = out.rfind(' ', out.size() - 1);
        std::size_t start = at == std::string::npos ? 0 : at + 1;
        out = out.substr(0, start) + capitalize_first(out.substr(start));
      }
      shown = lower;
    } else {
      shown = lower;
    }
    if (!out.empty()) out += ' ';
    out += shown;
    if (party_committee) {
      proper = true;  // "Huyện ủy Xuân Trường", "Đảng ủy" then "xã" resets below
    }
    if (level_words().count(lower)) {
      // "thị trấn", "thị xã", "thành phố", "đặc khu": the level is two words.
      bool first_of_pair = (lower == "thị" || lower == "thành" || lower == "khu") && i + 1 < words.size();
      proper = !first_of_pair;
      if (lower == "thị" && i + 1 < words.size() && to_lower(words[i + 1]) == "ủy") proper = false;
    } else if (lower == "trấn" || lower == "phố") {
      proper = true;
    }
    if (party_committee && i + 1 < words.size() && level_words().count(to_lower(words[i + 1])))
      proper = false;
  }
  // Two organs whose second word is capitalised by convention.
  for (const char* fixed : {"Thường vụ", "Thường trực", "Chấp hành", "Chỉ đạo", "Mặt trận Tổ quốc"}) {
    std::string lower_form = to_lower(fixed);
    std::size_t at = out.find(lower_form);
    if (at != std::string::npos && at > 0) out.replace(at, lower_form.size(), fixed);
  }
  std::size_t vn = out.find("việt nam");
  if (vn != std::string::npos) out.replace(vn, std::string("việt nam").size(), "Việt Nam");
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
