#include "workflows/recurrence_reader.hpp"

#include <algorithm>
#include <string>

#include "workflows/date_phrases.hpp"
#include "workflows/deadline_reader.hpp"
#include "workflows/recurrence_scanners.hpp"

namespace cvtrack::workflows {

using engine::Recurrence;

namespace {

bool any_of(const PhraseText& t, std::initializer_list<const char*> words) {
  for (const char* w : words)
    if (t.contains(w)) return true;
  return false;
}

// The same, for phrases that all hold `word` as a word: a clause without it
// holds none of them, and one search says so instead of one per phrase.
bool any_with(const PhraseText& t, const char* word, std::initializer_list<const char*> phrases) {
  return t.contains(word) && any_of(t, phrases);
}

void add(std::vector<Recurrence>& out, Recurrence r) {
  if (std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
}

std::vector<int> weekdays_in(const PhraseText& t) {
  struct Day {
    const char* words;
    int iso;
  };
  static const Day days[] = {{"thứ hai", 1}, {"thứ 2", 1}, {"thứ ba", 2}, {"thứ 3", 2}, {"thứ tư", 3},
                             {"thứ 4", 3},   {"thứ năm", 4}, {"thứ 5", 4}, {"thứ sáu", 5}, {"thứ 6", 5},
                             {"thứ bảy", 6}, {"thứ 7", 6},   {"chủ nhật", 7}};
  std::vector<int> out;
  // All but "chủ nhật" hold the word "thứ": a clause without it names at most Sunday.
  const bool has_weekday_word = t.contains("thứ");
  for (const auto& d : days) {
    if (!has_weekday_word && d.iso != 7) continue;
    if (t.contains(d.words) && std::find(out.begin(), out.end(), d.iso) == out.end()) out.push_back(d.iso);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

RecurrenceFound find_recurrence(const PhraseText& t, bool report_clause, bool opening_clause,
                                std::optional<int> document_year) {
  RecurrenceFound found;
  auto& c = found.cadences;
  const std::string& s = t.shadow();

  if (any_with(t, "ngày", {"hằng ngày", "hàng ngày", "mỗi ngày"})) {
    // "chất thải sinh hoạt hàng ngày" is not a cadence; "báo cáo trước
    // 16 giờ hằng ngày" is.
    std::size_t at = t.find("hằng ngày").value_or(t.find("hàng ngày").value_or(t.find("mỗi ngày").value_or(0)));
    bool hour_before = s.substr(at > 24 ? at - 24 : 0, at > 24 ? 24 : at).find("giờ") != std::string::npos;
    if (report_clause || hour_before) add(c, Recurrence::daily);
  }
  if (any_with(t, "tuần", {"hằng tuần", "hàng tuần", "mỗi tuần", "định kỳ tuần", "theo tuần"})) add(c, Recurrence::weekly);
  if (any_with(t, "tháng", {"hằng tháng", "hàng tháng", "mỗi tháng", "định kỳ tháng", "theo tháng"}))
    add(c, Recurrence::monthly);
  if (any_with(t, "quý", {"hằng quý", "hàng quý", "mỗi quý", "định kỳ quý", "theo quý"})) add(c, Recurrence::quarterly);
  // Each pattern with "tháng" runs only on a text that has the word.
  const bool has_month = s.find("tháng") != std::string::npos;
  if (std::size_t at = has_month ? find_half_year(s) : std::string::npos; at != std::string::npos) {
    std::string before = s.substr(at > 16 ? at - 16 : 0, at > 16 ? 16 : at);
    bool duration = before.find("trong") != std::string::npos || before.find("sau") != std::string::npos ||
                    before.find("vòng") != std::string::npos;
    if (!duration && (report_clause || any_of(t, {"sơ kết", "định kỳ"}))) add(c, Recurrence::half_yearly);
  }
  if (any_with(t, "năm", {"hằng năm", "hàng năm", "mỗi năm", "tổng kết năm", "báo cáo năm", "định kỳ năm"}) ||
      (has_month && has_half_year_and_year(s)))
    add(c, Recurrence::yearly);
  if (any_with(t, "báo cáo", {"kịp thời báo cáo", "báo cáo kịp thời", "báo cáo ngay", "báo cáo nhanh khi"}) ||
      any_with(t, "khi", {"khi có phát sinh", "khi phát sinh", "khi có vụ việc", "khi phát hiện", "khi xảy ra",
                          "khi có khó khăn", "ngay khi"}) ||
      any_of(t, {"đột xuất", "nếu có khó khăn"}))
    add(c, Recurrence::on_event);
  // "báo cáo … những vấn đề phát sinh": as they arise — unless reported
  // "thường xuyên", which is continuous.
  if (c.empty() && report_clause && any_with(t, "phát sinh", {"vấn đề phát sinh", "vướng mắc phát sinh", "tình huống phát sinh"}) &&
      !any_of(t, {"thường xuyên", "tiếp tục", "duy trì", "liên tục"}))
    add(c, Recurrence::on_event);
  if (c.empty() && (opening_clause || report_clause) &&
      any_of(t, {"tiếp tục", "thường xuyên", "duy trì", "liên tục"}))
    add(c, Recurrence::continuous);

  // The schedule inside each period.
  found.schedule.weekdays = weekdays_in(t);
  if (auto day = has_month ? find_day_of_month(s) : std::nullopt)
    found.schedule.day_of_month = std::stoi(std::string(*day));
  // Only a daily or weekly cadence has an hour: the pattern runs on those alone.
  if (std::find(c.begin(), c.end(), Recurrence::daily) != c.end() ||
      std::find(c.begin(), c.end(), Recurrence::weekly) != c.end())
    if (std::size_t at = find_hour(s); at != std::string::npos) found.schedule.time = time_at(s, at);
  // "bắt đầu từ ngày 15-01-2026", "từ ngày 13-3-2026 đến hết ngày 16-3-2026".
  // Dates bound a cadence only: a clause without one is not searched for them.
  if (c.empty()) return found;
  for (const auto& d : find_dates(t)) {
    std::string before = s.substr(d.begin > 20 ? d.begin - 20 : 0, d.begin > 20 ? 20 : d.begin);
    auto date = resolve(d, document_year);
    if (!date) continue;
    if (before.find("từ") != std::string::npos && before.find("đến") == std::string::npos)
      found.schedule.from = date;
    else if (before.find("đến") != std::string::npos)
      found.schedule.until = date;
  }
  return found;
}

}  // namespace cvtrack::workflows
