#include "workflows/clause_reader.hpp"

#include "workflows/body_phrases.hpp"
#include "workflows/directive_vocabulary.hpp"
#include "workflows/text_source.hpp"
#include "workflows/vietnamese_text.hpp"

namespace cvtrack::workflows {

namespace {

std::size_t skip_spaces(const std::string& s, std::size_t pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == ',')) ++pos;
  return pos;
}

std::optional<std::size_t> after_word(const PhraseText& t, std::size_t pos, std::string_view word) {
  if (!t.starts_with(word, pos)) return std::nullopt;
  return skip_spaces(t.shadow(), pos + word.size());
}

bool is_request_at(const PhraseText& t, std::size_t pos, std::size_t* after) {
  const auto& verbs = vocabulary::request_verbs();
  for (std::uint16_t i : verbs.candidates_at(t, pos)) {  // in the list's order: "giao cho" before "giao"
    if (auto next = after_word(t, pos, verbs[i])) {
      *after = *next;
      return true;
    }
  }
  return false;
}

// Moves past openers like "Nhận được Công điện này," or "Sau khi kết thúc
// đại hội," and a leading time phrase ending in ':' ("Vào các ngày thứ bảy
// và Chủ nhật: UBND các xã …").
std::size_t skip_leading(const PhraseText& t, std::size_t pos) {
  const std::string& s = t.shadow();
  std::size_t colon = s.find(':', pos);
  if (colon != std::string::npos && colon - pos < 80 && colon + 2 < s.size()) {
    std::size_t next = skip_spaces(s, colon + 1);
    if (body_starts_at(t, next) && !body_starts_at(t, pos)) pos = next;
  }
  for (int round = 0; round < 3; ++round) {
    if (!vocabulary::leading_adverbials().any_at(t, pos)) break;
    // The opener may hold commas of its own ("nếu có khó khăn, vướng mắc,"):
    // the subject starts after the first comma that a body or a request follows.
    std::size_t first = s.find(',', pos);
    if (first == std::string::npos || first - pos > 240) break;
    std::size_t chosen = first;
    for (std::size_t comma = first; comma != std::string::npos && comma - pos <= 240;
         comma = s.find(',', comma + 1)) {
      std::size_t next = skip_spaces(s, comma + 1);
      std::size_t after_request = 0;
      if (body_starts_at(t, next) || is_request_at(t, next, &after_request)) {
        chosen = comma;
        break;
      }
    }
    pos = skip_spaces(s, chosen + 1);
  }
  return pos;
}

// A list of bodies right after `pos` (after optional connectives).
std::optional<BodyList> bodies_after(const PhraseText& t, std::size_t pos,
                                     std::initializer_list<const char*> connectives) {
  pos = skip_spaces(t.shadow(), pos);
  for (int round = 0; round < 3; ++round) {
    bool moved = false;
    for (const char* c : connectives) {
      if (auto next = after_word(t, pos, c)) {
        pos = *next;
        moved = true;
        break;
      }
    }
    if (!moved) break;
  }
  return read_body_list(t, pos);
}

void find_subject(const PhraseText& t, ClauseReading& r) {
  const std::string& s = t.shadow();
  std::size_t pos = skip_leading(t, skip_spaces(s, 0));
  r.action_start = pos;  // the work begins after the openers, or after the subject
  std::size_t after = 0;
  if (is_request_at(t, pos, &after)) {
    if (auto list = read_body_list(t, after)) {
      r.subject = list->names;
      r.action_start = list->end;
    }
    return;
  }
  if (auto list = read_body_list(t, pos)) {
    std::size_t verb = skip_spaces(s, list->end);
    // "Phòng Văn hóa và Thông tin: Chủ trì, phối hợp với …": the body, a
    // colon, then its work in the same sentence.
    if (!list->ended_at_verb && verb < s.size() && s[verb] == ':' && skip_spaces(s, verb + 1) < s.size()) {
      r.subject = list->names;
      r.action_start = skip_spaces(s, verb + 1);
      return;
    }
    if (!list->ended_at_verb) {
      if (verb >= s.size() || s[verb] == ':' || s[verb] == '.') {
        r.heading = true;
        r.subject = list->names;
        r.action_start = list->end;
      }
      return;
    }
    // "Ban Thường vụ Huyện ủy yêu cầu X": the issuer asks, X acts.
    if (is_request_at(t, verb, &after)) {
      if (auto asked = read_body_list(t, after)) {
        r.subject = asked->names;
        r.action_start = asked->end;
        return;
      }
    }
    // "Văn phòng UBND tỉnh thông báo để X thực hiện": X acts.
    if (t.starts_with("thông báo", verb)) {
      if (auto told = bodies_after(t, verb + std::string_view("thông báo").size(), {"để", "cho", "tới", "đến"})) {
        r.subject = told->names;
        r.action_start = told->end;
        return;
      }
    }
    if (t.starts_with("chịu trách nhiệm trước", verb)) {
      r.skip = true;
      return;
    }
    r.subject = list->names;
    r.action_start = list->end;
    // "Cấp ủy lãnh đạo chính quyền, Mặt trận … cần tập trung …": the bodies
    // led share the duty.
    if (t.starts_with("lãnh đạo", verb)) {
      std::size_t led_at = skip_spaces(s, verb + std::string_view("lãnh đạo").size());
      if (auto led = read_body_list(t, led_at); led && led->ended_at_verb) {
        // "… các đoàn thể tại xã, phường, thị trấn": the place qualifies the
        // committee that leads them too.
        PhraseText last{led->names.back()};
        if (auto at = last.find("tại"))
          for (auto& n : r.subject)
            if (!PhraseText{n}.contains("tại")) n += " " + last.text().substr(*at);
        for (auto& n : led->names) r.subject.push_back(n);
        r.action_start = led->end;
      }
    }
    return;
  }
  // "Đối với …, thì đồng chí Bí thư Huyện ủy phải …"
  if (auto then = t.find("thì", pos)) {
    if (auto list = read_body_list(t, skip_spaces(s, *then + std::string_view("thì").size()));
        list && list->ended_at_verb) {
      r.subject = list->names;
      r.action_start = list->end;
    }
  }
}

void find_coordination(const PhraseText& t, ClauseReading& r) {
  const std::string& s = t.shadow();
  std::size_t start = r.action_start;
  if (auto lead = t.find("chủ trì", start); lead && *lead - start < 8) r.lead = true;
  for (const char* cue : {"phối hợp với", "phối hợp cùng", "phối hợp chặt chẽ với"}) {
    if (auto at = t.find(cue, start)) {
      if (auto list = read_body_list(t, skip_spaces(s, *at + std::string_view(cue).size()))) {
        r.coordinating = list->names;
        return;
      }
    }
  }
}

std::optional<std::string> via_after(const PhraseText& t, std::size_t from, std::size_t to) {
  std::optional<std::size_t> open = t.find("(qua", from);
  if (std::size_t glued = t.shadow().find("(qua ", from); !open && glued != std::string::npos) open = glued;
  if (!open || *open > to + 4) return std::nullopt;
  std::size_t close = t.shadow().find(')', *open);
  if (close == std::string::npos) return std::nullopt;
  return trim(t.substr(*open + std::string_view("(qua").size(), close));
}

void find_reports(const PhraseText& t, ClauseReading& r) {
  const std::string& s = t.shadow();
  std::size_t from = r.action_start;
  // "tham mưu X", "trình X": the body advised or submitted to.
  std::optional<std::size_t> advise_end;
  for (const char* cue : {"tham mưu cho", "tham mưu", "trình"}) {
    auto at = t.find(cue, from);
    if (!at) continue;
    if (auto list = read_body_list(t, skip_spaces(s, *at + std::string_view(cue).size()))) {
      for (auto& n : list->names) r.advises.push_back(n);
      advise_end = list->end;
      break;
    }
  }
  std::size_t cursor = from;
  while (auto at = t.find("báo cáo", cursor)) {
    cursor = *at + std::string_view("báo cáo").size();
    // After "tham mưu X", "báo cáo Y" is X's report to its own superior.
    if (advise_end && *at >= *advise_end && *at - *advise_end < 4) continue;
    ReportMention mention;
    mention.at = *at;
    // The addressee: right after "báo cáo" (past a few words such as "kết
    // quả", "ngay") or after "về", "cho", "lên", "gửi về".
    std::size_t limit = std::min(s.size(), cursor + 160);
    std::optional<BodyList> target;
    for (std::size_t q = cursor; q < limit; ++q) {
      if (s[q] == ';' || s[q] == '.' || s[q] == '\n') break;
      if (q != cursor && s[q - 1] != ' ') continue;
      if (t.starts_with("để", q) || t.starts_with("khi", q) || t.starts_with("nếu", q)) break;
      if (body_starts_at(t, q)) {
        target = read_body_list(t, q);
        break;
      }
    }
    // "để tổng hợp báo cáo về Y": relayed through the body sent to.
    std::size_t k = *at;
    std::string before = s.substr(k > 24 ? k - 24 : 0, k > 24 ? 24 : k);
    bool relay = before.find("để tổng hợp") != std::string::npos || before.find("để báo cáo") != std::string::npos;
    if (target) {
      mention.to = target->names;
      mention.via = via_after(t, target->end, target->end + 2);
      cursor = target->end;
    }
    if (relay && !r.reports.empty() && !r.reports.back().to.empty()) {
      mention.relayed_by = r.reports.back().to;
    }
    r.reports.push_back(mention);
  }
  // "… gửi về X" with no "báo cáo" before: a submission to X.
  if (r.reports.empty()) {
    for (const char* cue : {"gửi về", "gửi cho", "gửi đến"}) {
      if (auto at = t.find(cue, from)) {
        if (auto list = read_body_list(t, skip_spaces(s, *at + std::string_view(cue).size()))) {
          ReportMention m;
          m.at = *at;
          m.to = list->names;
          r.reports.push_back(m);
        }
      }
    }
  } else {
    // "hoàn chỉnh báo cáo … gửi về X": the report goes to X.
    ReportMention& first = r.reports.front();
    if (first.to.empty()) {
      if (auto at = t.find("gửi về", first.at)) {
        if (auto list = read_body_list(t, skip_spaces(s, *at + std::string_view("gửi về").size()))) {
          first.to = list->names;
          if (r.reports.size() > 1 && r.reports[1].relayed_by.empty()) r.reports[1].relayed_by = list->names;
        }
      }
    }
  }
}

bool in_list(const std::string& name, const std::vector<std::string>& list) {
  std::string f = fold(name);
  for (const auto& l : list) {
    std::string g = fold(l);
    if (g == f || g.find(f) != std::string::npos || f.find(g) != std::string::npos) return true;
  }
  return false;
}

void find_guided(const PhraseText& t, const std::vector<std::string>& recipients, ClauseReading& r) {
  const std::string& s = t.shadow();
  auto at = t.find("hướng dẫn", r.action_start);
  if (!at) return;
  auto list = read_body_list(t, skip_spaces(s, *at + std::string_view("hướng dẫn").size()));
  if (!list || !list->ended_at_verb) return;
  for (const auto& n : list->names)
    if (in_list(n, recipients)) r.guided.push_back(n);
}

}  // namespace

std::vector<Clause> split_clauses(const std::string& text) {
  std::vector<Clause> out;
  // The clause being read is text[begin, i]: every byte but the splitting
  // '\n' and ';' belongs to one (appending them one by one to a string was
  // most of what splitting cost).
  std::size_t begin = 0;
  auto push = [&](std::size_t end, bool colon) {
    std::string c = trim(std::string_view(text).substr(begin, end - begin));
    while (!c.empty() && (c.back() == '/' || c.back() == '.')) c.pop_back();
    if (!c.empty()) out.push_back({std::move(c), colon});
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    if (ch == '\n' || ch == ';') {
      push(i, false);
      begin = i + 1;
      continue;
    }
    if (ch == '.' && (i + 1 >= text.size() || text[i + 1] == ' ' || text[i + 1] == '/')) {
      // Not after an abbreviation ("TP.", "VP.", "TT.").
      std::size_t w = i;
      while (w > begin && text[w - 1] != ' ') --w;
      std::string_view word = std::string_view(text).substr(w, i - w);
      bool abbreviation = !word.empty() && word.size() <= 3 && is_all_uppercase(word);
      std::size_t next = i + 1;
      while (next < text.size() && (text[next] == ' ' || text[next] == '/' || text[next] == '.')) ++next;
      bool capital_next = next >= text.size() || !starts_with_lowercase(std::string_view(text).substr(next, 4));
      if (!abbreviation && capital_next) {
        push(i + 1, false);
        begin = i + 1;
      }
    }
  }
  const std::string last = trim(std::string_view(text).substr(begin));
  push(text.size(), !last.empty() && last.back() == ':');
  return out;
}

ClauseReading read_clause(const PhraseText& t, const std::vector<std::string>& recipients) {
  ClauseReading r;
  std::size_t start = skip_spaces(t.shadow(), 0);
  for (const char* self : {"quyết định này", "công văn này", "chỉ thị này", "kế hoạch này", "văn bản này",
                           "thông báo này", "nghị quyết này", "công điện này", "hướng dẫn này"})
    if (t.starts_with(self, start)) {
      r.skip = true;
      return r;
    }
  find_subject(t, r);
  if (r.skip) return r;
  if (r.subject.empty() && t.contains("chịu trách nhiệm trước")) {
    r.skip = true;
    return r;
  }
  find_coordination(t, r);
  find_reports(t, r);
  find_guided(t, recipients, r);
  return r;
}

bool is_operative_paragraph(const std::string& paragraph) {
  std::string text = trim(paragraph);
  if (text.empty() || text.back() == ':' || text[0] == '(') return false;
  PhraseText p{text};
  if (p.starts_with_any({"đối với", "trường hợp", "nếu", "riêng"})) return false;
  for (const auto& clause : split_clauses(text)) {
    PhraseText c{clause.text};
    ClauseReading r = read_clause(c, {});
    if (r.skip || r.heading) continue;
    if (!r.subject.empty()) return true;
    for (const auto& report : r.reports)
      if (!report.to.empty()) return true;
  }
  return false;
}

}  // namespace cvtrack::workflows
