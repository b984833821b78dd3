#include "workflows/header_reader.hpp"

#include <array>

#include "workflows/body_names.hpp"
#include "workflows/closing_reader.hpp"
#include "workflows/date_phrases.hpp"
#include "workflows/phrase_search.hpp"
#include "workflows/vietnamese_text.hpp"

namespace cvtrack::workflows {

namespace {

using engine::Warning;

struct KindName {
  const char* abbreviation;  // in a symbol
  const char* title;         // folded title words
  const char* kind;          // as cvtrack shows it
};

// Type abbreviations of NĐ 30/2020 Phụ lục III and HD 36-HD/VPTW.
constexpr std::array<KindName, 24> kKinds = {{
    {"CV", "công văn", "công văn"},       {"CĐ", "công điện", "công điện"},
    {"CT", "chỉ thị", "chỉ thị"},         {"KL", "kết luận", "kết luận"},
    {"KH", "kế hoạch", "kế hoạch"},       {"TB", "thông báo", "thông báo"},
    {"NQ", "nghị quyết", "nghị quyết"},   {"QĐ", "quyết định", "quyết định"},
    {"QĐi", "quy định", "quy định"},      {"QyĐ", "quy định", "quy định"},
    {"HD", "hướng dẫn", "hướng dẫn"},     {"BC", "báo cáo", "báo cáo"},
    {"TTr", "tờ trình", "tờ trình"},      {"CTr", "chương trình", "chương trình"},
    {"QC", "quy chế", "quy chế"},         {"TT", "thông tri", "thông tri"},
    {"ĐA", "đề án", "đề án"},             {"PA", "phương án", "phương án"},
    {"GM", "giấy mời", "giấy mời"},       {"NĐ", "nghị định", "nghị định"},
    {"TC", "thông cáo", "thông cáo"},     {"BB", "biên bản", "biên bản"},
    {"", "thông tư", "thông tư"},         {"", "lệnh", "lệnh"},
}};

std::vector<std::string> split_symbol(std::string_view symbol) {
  std::vector<std::string> parts;
  std::string cur;
  for (char c : symbol) {
    if (c == '/' || c == '-') {
      parts.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  parts.push_back(cur);
  return parts;
}

bool is_number_token(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// Cuts the national motto and the party header out of a cell, wherever the
// conversion put them.
std::vector<std::string> remove_fixed_headers(const std::string& cell) {
  static const std::array<const char*, 6> marks = {
      "cộng hòa xã hội chủ nghĩa việt nam", "độc lập - tự do - hạnh phúc", "độc lập – tự do – hạnh phúc",
      "độc lập-tự do-hạnh phúc", "đảng cộng sản việt nam", "đảng công sản việt nam"};
  PhraseText p{cell};
  for (const char* mark : marks) {
    if (auto at = p.find(mark)) {
      std::vector<std::string> out;
      for (auto& part : {trim(cell.substr(0, *at)), trim(cell.substr(*at + std::string(mark).size()))})
        if (!part.empty())
          for (auto& more : remove_fixed_headers(part)) out.push_back(more);
      return out;
    }
  }
  return {cell};
}

std::optional<std::string> urgency_of(const std::string& cell) {
  if (!is_all_uppercase(cell)) return std::nullopt;
  PhraseText p{cell};
  if (p.contains("hỏa tốc hẹn giờ")) return "hỏa tốc hẹn giờ";
  if (p.contains("hỏa tốc")) return "hỏa tốc";
  if (p.contains("thượng khẩn")) return "thượng khẩn";
  if (p.contains("khẩn")) return "khẩn";
  return std::nullopt;
}

int urgency_rank(const std::optional<std::string>& u) {
  if (!u) return 0;
  if (*u == "khẩn") return 1;
  if (*u == "thượng khẩn") return 2;
  if (*u == "hỏa tốc") return 3;
  return 4;
}

bool is_subject_start(const std::string& cell) {
  PhraseText p{cell};
  return p.shadow().rfind("v/v", 0) == 0 || p.shadow().rfind("về việc", 0) == 0;
}

std::string strip_subject_lead(std::string text) {
  PhraseText p{text};
  for (const char* lead : {"v/v:", "v/v", "về việc:", "về việc", "về:", "về"}) {
    if (p.shadow().rfind(lead, 0) == 0) {
      text = trim(text.substr(std::string(lead).size()));
      break;
    }
  }
  // Quotes around a newspaper's heading: “V/v phòng chống bão số 10”.
  while (!text.empty() && (text.rfind("“", 0) == 0 || text.rfind("\"", 0) == 0))
    text = trim(text.substr(text.rfind("“", 0) == 0 ? 3 : 1));
  while (text.size() >= 3 && text.compare(text.size() - 3, 3, "”") == 0) text = trim(text.substr(0, text.size() - 3));
  while (!text.empty() && text.back() == '"') text.pop_back();
  return capitalize_first(trim(text));
}

bool looks_like_body_start(const SourceLine& line) {
  const std::string& t = line.text;
  if (t.empty()) return false;
  PhraseText p{t};
  if (p.starts_with_any({"căn cứ", "thực hiện", "để", "trước tình hình", "theo", "xét", "nhằm",
                         "điều 1", "quyết định:", "chỉ thị:"}))
    return true;
  if (t.size() > 150 && !is_all_uppercase(t)) return true;
  // "1. ..." "I. ..." a numbered item.
  if (t.size() > 2 && t[0] >= '0' && t[0] <= '9' && (t[1] == '.' || t[1] == '-' || t[1] == ')'))
    return true;
  return false;
}

}  // namespace

std::optional<std::string> kind_from_title(std::string_view title) {
  PhraseText p{std::string(title)};
  for (const auto& k : kKinds)
    if (p.starts_with(k.title)) return std::string(k.kind);
  return std::nullopt;
}

std::optional<std::string> kind_from_symbol(std::string_view number_and_symbol) {
  auto parts = split_symbol(number_and_symbol);
  // Skip the number and a normative document's year ("09/2019/NĐ-CP").
  std::size_t i = 0;
  while (i < parts.size() && (is_number_token(parts[i]) || parts[i].empty())) ++i;
  if (i >= parts.size()) return std::nullopt;
  const std::string& type = parts[i];
  for (const auto& k : kKinds) {
    if (type == k.abbreviation && *k.abbreviation) return std::string(k.kind);
  }
  // A state công văn has no type: number/ISSUER-UNIT.
  if (number_and_symbol.find('/') != std::string_view::npos) return std::string("công văn");
  return std::nullopt;
}

DocumentFrame read_frame(const SourceText& source) {
  DocumentFrame frame;
  auto& h = frame.header;
  const auto& lines = source.lines;

  // The header ends at "Kính gửi" or where the body visibly starts.
  std::size_t header_end = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (looks_like_body_start(lines[i])) {
      header_end = i;
      break;
    }
  }
  auto kinh_gui = find_recipients_line(source, 0, header_end + 1);
  if (kinh_gui && *kinh_gui < header_end) header_end = *kinh_gui;

  std::vector<std::string> issuer_lines;
  bool issuer_closed = false;
  std::optional<std::size_t> title_line;
  std::string subject;
  bool in_subject = false;
  std::optional<std::string> cd_issuer;

  for (std::size_t i = 0; i < header_end; ++i) {
    const SourceLine& line = lines[i];
    if (line.text.empty()) {
      if (in_subject && !subject.empty()) in_subject = false;
      if (!issuer_lines.empty()) issuer_closed = true;
      continue;
    }
    std::vector<std::string> raw_cells = split_columns(line.raw);
    // "Số:        /UBND-KTN": a blank number is spaces, not a column break.
    for (std::size_t k = 0; k + 1 < raw_cells.size(); ++k) {
      std::string f = PhraseText{raw_cells[k]}.shadow();
      if (f == "số:" || f == "số") {
        raw_cells[k] += " " + raw_cells[k + 1];
        raw_cells.erase(raw_cells.begin() + std::ptrdiff_t(k) + 1);
      }
    }
    std::vector<std::string> cells;
    for (auto& cell : raw_cells)
      for (auto& part : remove_fixed_headers(cell)) cells.push_back(part);
    if (cells.empty()) {
      if (!issuer_lines.empty()) issuer_closed = true;
      continue;
    }
    for (const std::string& cell : cells) {
      PhraseText p{cell};
      const std::string& s = p.shadow();
      if (auto u = urgency_of(cell); u && (is_all_uppercase(cell) && cell.size() < 40)) {
        if (urgency_rank(u) > urgency_rank(h.urgency)) h.urgency = u;
        if (!kind_from_title(cell)) continue;
      }
      if ((s.rfind("số", 0) == 0) && cell.find('/') != std::string::npos) {
        std::string rest = cell.substr(std::string("số").size());
        std::string compact;
        for (char c : rest)
          if (c != ' ' && c != ':' && c != '.' && c != '_') compact += c;
        while (compact.rfind("…", 0) == 0) compact = compact.substr(3);
        frame.number_line = i;
        if (!compact.empty() && compact[0] >= '0' && compact[0] <= '9') {
          h.number = compact;
        } else {
          h.symbol = compact;
          frame.warnings.push_back({line.number, "the document number is left blank (\"" + cell + "\")"});
        }
        issuer_closed = true;
        in_subject = false;
        continue;
      }
      if (s.find(", ngày") != std::string::npos || s.find(",ngày") != std::string::npos ||
          (s.rfind("ngày", 0) == 0 && s.find("tháng") != std::string::npos) ||
          (cell.find(',') != std::string::npos && !find_dates(cell).empty() && cell.size() < 60)) {
        std::size_t comma = cell.find(',');
        std::string place = comma == std::string::npos ? "" : trim(cell.substr(0, comma));
        if (!place.empty() && place.size() < 60) h.place = place;
        auto dates = find_dates(cell);
        if (!dates.empty() && dates[0].year) {
          h.date = resolve(dates[0], std::nullopt);
          if (!h.date)
            frame.warnings.push_back({line.number, "the date \"" + cell + "\" is not a real day"});
        } else {
          frame.warnings.push_back({line.number, "the date is not filled in (\"" + cell + "\")"});
        }
        issuer_closed = true;
        in_subject = false;
        continue;
      }
      if (is_subject_start(cell) && !title_line) {
        in_subject = true;
        subject = cell;
        issuer_closed = true;
        continue;
      }
      if (auto kind = kind_from_title(cell); kind && (is_all_uppercase(cell) || i == 0 || !title_line)) {
        // "CÔNG ĐIỆN KHẨN", "QUYẾT ĐỊNH", or a newspaper's "Thông báo “V/v ...”".
        bool upper = is_all_uppercase(cell);
        PhraseText words{cell};
        if (upper || words.find("v/v") || cell.size() < 40) {
          h.kind = *kind;
          title_line = i;
          issuer_closed = true;
          if (auto u = urgency_of(cell); urgency_rank(u) > urgency_rank(h.urgency)) h.urgency = u;
          if (auto vv = words.find("v/v"); vv && !upper) {
            subject = cell.substr(*vv);
            in_subject = true;
          }
          continue;
        }
      }
      if (title_line && s.rfind("của ", 0) == 0 && is_all_uppercase(cell)) {
        cd_issuer = normal_case_body_name(trim(cell.substr(std::string("của").size())));
        continue;
      }
      // The line right under the title is the subject: "KẾ HOẠCH" then
      // "Triển khai công tác chuyển đổi số năm 2023" (often "Về …").
      if (title_line && subject.empty() && !is_all_uppercase(cell) &&
          (s.rfind("về", 0) == 0 || (*title_line + 1 == i && s.rfind("của ", 0) != 0))) {
        subject = cell;
        in_subject = true;
        continue;
      }
      if (in_subject && !is_all_uppercase(cell)) {
        subject += " " + cell;
        continue;
      }
      if (is_all_uppercase(cell) && !title_line && !issuer_closed) {
        issuer_lines.push_back(cell);
        continue;
      }
    }
  }

  if (!subject.empty()) h.subject = strip_subject_lead(subject);
  if (!h.kind && h.number) h.kind = kind_from_symbol(*h.number);
  if (!h.kind && h.symbol) h.kind = kind_from_symbol("0" + *h.symbol);
  if (!h.kind && h.subject) h.kind = "công văn";  // "V/v" is the công văn's trích yếu

  // Issuer and the body above it.
  if (issuer_lines.size() >= 2 && is_generic_body_kind(issuer_lines[0])) {
    std::string joined;
    for (auto& l : issuer_lines) joined += (joined.empty() ? "" : " ") + l;
    h.issuer = normal_case_body_name(joined);
  } else if (issuer_lines.size() >= 2) {
    std::string parent = normal_case_body_name(issuer_lines[0]);
    std::string issuer = normal_case_body_name(issuer_lines[1]);
    for (std::size_t k = 2; k < issuer_lines.size(); ++k) issuer += " " + normal_case_body_name(issuer_lines[k]);
    if (!names_a_place(issuer)) {
      // "Văn phòng UBND tỉnh Lạng Sơn", "Ban Tuyên giáo Tỉnh ủy Quảng Ninh";
      // but a department of the committee: "Sở Y tế tỉnh Quảng Nam".
      PhraseText under{parent}, self{issuer};
      std::string suffix = parent;
      for (const char* committee : {"ubnd", "ủy ban nhân dân"})
        if (under.starts_with(committee) && !self.starts_with("văn phòng"))
          suffix = trim(parent.substr(std::string_view(committee).size()));
      issuer += " " + suffix;
    }
    h.parent = parent;
    h.issuer = issuer;
  } else if (issuer_lines.size() == 1) {
    h.issuer = normal_case_body_name(issuer_lines[0]);
  } else if (cd_issuer) {
    h.issuer = cd_issuer;
  }

  // Kính gửi.
  std::size_t body_begin = header_end;
  if (kinh_gui) {
    AddressList recipients = read_recipients(source, *kinh_gui);
    h.recipients = recipients.entries;
    body_begin = std::max(body_begin, recipients.end_line);
  }
  frame.body_begin = body_begin;

  // The end: Nơi nhận, the signature.
  const LineColumns columns(source, body_begin);
  auto cc = read_cc(source, columns);
  if (cc) h.cc = cc->entries;
  std::size_t body_end = lines.size();
  if (cc) body_end = cc->first_line;
  SignatureBlock signature = read_signature(source, columns, cc);
  if (signature.found) {
    h.signer = signature.signer;
    body_end = std::min(body_end, signature.first_line);
  }
  frame.body_end = std::max(body_end, body_begin);

  // No issuer block (a newspaper's copy): the collective in "TM. ỦY BAN NHÂN
  // DÂN TỈNH" is the issuer, completed with the place when it names none.
  if (!h.issuer && h.signer.capacity) {
    std::string cap = *h.signer.capacity;
    std::string first = cap.substr(0, cap.find(" / "));
    for (const char* prefix : {"T/M ", "TM. ", "TM "})
      if (first.rfind(prefix, 0) == 0) {
        std::string body = normal_case_body_name(trim(first.substr(std::string(prefix).size())));
        if (!names_a_place(body) && h.place) body += " " + *h.place;
        h.issuer = body;
      }
  }

  if (!h.number && !h.symbol)
    frame.warnings.push_back({0, "no document number (\"Số ...\") was found in the header"});
  if (!h.date && !h.symbol) {
    bool warned = false;
    for (auto& w : frame.warnings)
      if (w.message.find("date") != std::string::npos) warned = true;
    if (!warned) frame.warnings.push_back({0, "no date (\"..., ngày .. tháng .. năm ....\") was found in the header"});
  }
  if (!h.issuer) frame.warnings.push_back({0, "the issuing body was not found"});
  return frame;
}

}  // namespace cvtrack::workflows
