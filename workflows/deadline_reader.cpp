#include "workflows/deadline_reader.hpp"

#include <algorithm>
#include <regex>

#include "workflows/date_phrases.hpp"
#include "workflows/lunar_calendar.hpp"
#include "workflows/reference_reader.hpp"
#include "workflows/text_source.hpp"
#include "workflows/working_day_calendar.hpp"

namespace cvtrack::workflows {

namespace {

const WorkingDayCalendar& calendar_of(const DeadlineContext& c) {
  return c.calendar ? *c.calendar : WorkingDayCalendar::bundled();
}

// A date without a year belongs to the document's year, or the next one when
// that would put it well before the document ("trước 15/01" in December).
std::optional<engine::Date> date_in_context(const DateMention& d, const DeadlineContext& c) {
  std::optional<int> year;
  if (c.document_date) year = int(c.document_date->year());
  auto date = resolve(d, year);
  if (date && !d.year && c.document_date && engine::days_between(*c.document_date, *date) < -60)
    date = resolve(d, *year + 1);
  return date;
}

bool has_digit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Words between a cue and its date that do not change the meaning.
std::string strip_filler_backwards(std::string before, std::optional<std::string>& time) {
  for (int round = 0; round < 8; ++round) {
    before = trim(before);
    bool changed = false;
    for (const char* filler : {"ngày", "vào", "là", "sáng", "chiều", "trưa", "tối", "hết", ","}) {
      std::string f = filler;
      if (before.size() >= f.size() && before.compare(before.size() - f.size(), f.size(), f) == 0 &&
          (before.size() == f.size() || before[before.size() - f.size() - 1] == ' ' || f == ",")) {
        before.erase(before.size() - f.size());
        changed = true;
      }
    }
    // "16 giờ 00", "11 giờ", "16h00": the hour of the deadline.
    static const std::regex hour(R"((\d{1,2})\s*(?:giờ|h)\s*(\d{2})?\s*(?:phút)?\s*$)");
    std::smatch m;
    // The hour needs a digit; most words before a date have none.
    if (has_digit(before) && std::regex_search(before, m, hour)) {
      time = (m[1].length() == 1 ? "0" : "") + m[1].str() + ":" + (m[2].matched ? m[2].str() : "00");
      before.erase(std::size_t(m.position(0)));
      changed = true;
    }
    if (!changed) break;
  }
  return trim(before);
}

bool ends_with_word(const std::string& text, const std::string& word) {
  if (text.size() < word.size() || text.compare(text.size() - word.size(), word.size(), word) != 0) return false;
  return text.size() == word.size() || text[text.size() - word.size() - 1] == ' ';
}

std::optional<DeadlineFound> explicit_date(const PhraseText& clause, const DeadlineContext& c) {
  const std::string& s = clause.shadow();
  auto refs = find_references(clause.text());
  for (const auto& d : find_dates(clause)) {
    bool in_reference = false;
    for (const auto& r : refs)
      if (d.begin >= r.begin && d.begin < r.end) in_reference = true;
    if (in_reference) continue;
    std::size_t from = d.begin > 48 ? d.begin - 48 : 0;
    std::optional<std::string> time;
    std::string before = strip_filler_backwards(s.substr(from, d.begin - from), time);
    bool cue = false;
    std::string cue_word;
    for (const char* w : {"trước", "chậm nhất", "hạn chót", "không quá", "muộn nhất", "xong", "hạn"}) {
      if (ends_with_word(before, w)) {
        cue = true;
        cue_word = w;
        break;
      }
    }
    if (!cue) continue;
    auto date = date_in_context(d, c);
    if (!date) continue;
    if (cue_word == "trước" && c.before_means_day_before) date = engine::add_days(*date, -1);
    DeadlineFound found;
    found.date = date;
    found.time = time;
    std::size_t cue_at = from + before.size() - cue_word.size();
    // Keep the verb that carries the deadline in the words shown to the clerk.
    for (const char* verb : {"hoàn thành ", "xong ", "thực hiện "}) {
      std::string v = verb;
      if (cue_at >= v.size() && s.compare(cue_at - v.size(), v.size(), v) == 0) cue_at -= v.size();
    }
    found.begin = cue_at;
    found.text = trim(clause.substr(cue_at, d.end));
    return found;
  }
  return std::nullopt;
}

std::optional<DeadlineFound> period_deadline(const PhraseText& clause, const DeadlineContext& c) {
  const std::string& s = clause.shadow();
  for (const auto& p : find_periods(clause)) {
    std::string before = trim(s.substr(p.begin >= 24 ? p.begin - 24 : 0, p.begin >= 24 ? 24 : p.begin));
    if (!ends_with_word(before, "trong") && !ends_with_word(before, "cuối") &&
        !ends_with_word(before, "chậm nhất") && !ends_with_word(before, "trước"))
      continue;
    if (ends_with_word(before, "trước") && p.kind == PeriodMention::Kind::month) continue;
    std::optional<int> year;
    if (c.document_date) year = int(c.document_date->year());
    auto end = period_end(p, year);
    if (!end) continue;
    DeadlineFound found;
    found.date = end;
    std::size_t cue = s.rfind(' ', p.begin >= 2 ? p.begin - 2 : 0);
    cue = cue == std::string::npos ? 0 : cue + 1;
    for (const char* verb : {"hoàn thành ", "xong "}) {
      std::string v = verb;
      if (cue >= v.size() && s.compare(cue - v.size(), v.size(), v) == 0) cue -= v.size();
    }
    found.begin = cue;
    found.text = trim(clause.substr(cue, p.end_pos));
    return found;
  }
  return std::nullopt;
}

std::optional<DeadlineFound> counted_deadline(const PhraseText& clause, const DeadlineContext& c) {
  const std::string& s = clause.shadow();
  static const std::regex counted(
      R"(trong\s+(?:thời hạn\s+|vòng\s+|thời gian\s+)?(?:không quá\s+)?(\d{1,3})\s+(ngày làm việc|ngày|giờ|tuần|tháng)((?:\s*,)?\s*(?:kể\s+)?từ\s+(?:ngày|khi|thời điểm)?[^,;.]*)?)");
  if (!has_digit(s)) return std::nullopt;
  // Every match starts with the literal "trong", so the leftmost one is the
  // first "trong" the pattern matches at: trying only there (no anchors or
  // \b in the pattern, so the start changes nothing else) spares std::regex
  // the attempt at every byte of the clause, which was its cost.
  std::smatch m;
  std::size_t trong_at = s.find("trong");
  for (; trong_at != std::string::npos; trong_at = s.find("trong", trong_at + 1)) {
    auto flags = std::regex_constants::match_continuous;
    if (trong_at > 0) flags |= std::regex_constants::match_prev_avail;
    if (std::regex_search(s.begin() + std::ptrdiff_t(trong_at), s.end(), m, counted, flags)) break;
  }
  if (trong_at == std::string::npos) return std::nullopt;
  DeadlineFound found;
  found.begin = trong_at + std::size_t(m.position(0));  // position() counts from `trong_at`
  std::size_t end = found.begin + std::size_t(m.length(0));
  // Stop the "from" words before a purpose clause ("… để xem xét").
  std::string from_words = m[3].matched ? trim(m[3].str()) : "";
  if (auto at = from_words.find(" để "); at != std::string::npos) {
    end -= from_words.size() - at;
    from_words = from_words.substr(0, at);
  }
  found.text = trim(clause.substr(found.begin, end));
  int amount = std::stoi(m[1]);
  std::string unit = m[2];
  engine::RelativeDeadline rule;
  rule.amount = amount;
  rule.unit = unit == "ngày làm việc" ? engine::RelativeDeadline::Unit::working_days
              : unit == "giờ"         ? engine::RelativeDeadline::Unit::hours
                                      : engine::RelativeDeadline::Unit::days;
  if (unit == "tuần") rule.amount = amount * 7;
  if (unit == "tháng") rule.amount = amount * 30;  // BLDS Điều 146: a month is 30 days
  PhraseText from{from_words};
  std::optional<engine::Date> start;
  // "Khi phát hiện ổ dịch, báo cáo … trong vòng 24 giờ": counted from the
  // event the clause names, not from the document.
  std::optional<std::string> event;
  if (from_words.empty()) {
    for (const char* cue : {"khi ", "ngay sau khi ", "sau khi ", "nếu "}) {
      std::size_t at = s.find(cue);
      if (at != std::string::npos && (at == 0 || s[at - 1] == ' ')) {
        std::size_t stop = s.find_first_of(",;.", at);
        event = trim(clause.substr(at, stop == std::string::npos ? s.size() : stop));
        break;
      }
    }
  }
  bool document_event = (from_words.empty() && !event && rule.unit != engine::RelativeDeadline::Unit::hours) ||
                        from.contains("ký") || from.contains("ban hành") ||
                        (from.contains("nhận được") && from.contains("này"));
  if (from.contains("có hiệu lực")) {
    start = c.effective_date ? c.effective_date : c.document_date;
  } else if (document_event) {
    start = c.document_date;
  }
  if (start && rule.unit != engine::RelativeDeadline::Unit::hours) {
    const auto& cal = calendar_of(c);
    found.date = rule.unit == engine::RelativeDeadline::Unit::working_days
                     ? cal.add_working_days(*start, rule.amount)
                     : cal.add_calendar_days(*start, rule.amount);
  } else {
    std::string what = from_words;
    for (const char* lead : {"kể từ ", "từ "})
      if (what.rfind(lead, 0) == 0) {
        what = what.substr(std::string(lead).size());
        break;
      }
    rule.from = event ? *event : what.empty() ? "ngày ban hành văn bản" : trim(what);
    found.relative = rule;
  }
  return found;
}

// "trước Tết Nguyên đán": by the last day of the lunar year, the first Tết
// after the document.
std::optional<DeadlineFound> before_tet(const PhraseText& clause, const DeadlineContext& c) {
  if (!c.document_date) return std::nullopt;
  std::optional<std::size_t> at;
  for (const char* cue : {"trước tết nguyên đán", "trước tết âm lịch", "trước tết"})
    if ((at = clause.find(cue))) break;
  if (!at) return std::nullopt;
  int year = int(c.document_date->year());
  for (int y : {year, year + 1}) {
    auto tet = lunar_to_solar(LunarDate{1, 1, y, false});
    if (!tet || engine::days_between(*c.document_date, *tet) <= 0) continue;
    DeadlineFound found;
    found.date = engine::add_days(*tet, -1);
    found.begin = *at;
    std::size_t end = *at + std::string_view("trước tết").size();
    for (const char* tail : {" nguyên đán", " âm lịch"})
      if (clause.shadow().compare(end, std::string_view(tail).size(), tail) == 0) end += std::string_view(tail).size();
    found.text = clause.substr(*at, end);
    return found;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> time_at(const std::string& shadow, std::size_t pos, std::size_t* end) {
  static const std::regex hour(R"(^(\d{1,2})\s*(?:giờ|h)\s*(\d{2})?)");
  std::smatch m;
  std::string rest = shadow.substr(pos);
  if (!std::regex_search(rest, m, hour)) return std::nullopt;
  int h = std::stoi(m[1]);
  if (h > 24) return std::nullopt;
  if (end) *end = pos + std::size_t(m.length(0));
  return (m[1].length() == 1 ? "0" : "") + m[1].str() + ":" + (m[2].matched ? m[2].str() : "00");
}

std::optional<DeadlineFound> find_deadline(const PhraseText& clause, const DeadlineContext& context) {
  std::optional<DeadlineFound> best;
  for (auto found : {explicit_date(clause, context), counted_deadline(clause, context),
                     period_deadline(clause, context), before_tet(clause, context)}) {
    if (found && (!best || found->begin < best->begin)) best = found;
  }
  return best;
}

std::optional<DeadlineFound> deadline_from_cell(const std::string& cell, const DeadlineContext& context) {
  PhraseText text{cell};
  if (auto found = find_deadline(text, context)) return found;
  std::optional<int> year;
  if (context.document_date) year = int(context.document_date->year());
  for (const auto& d : find_dates(text)) {
    DeadlineFound found;
    found.date = resolve(d, year);
    found.text = cell;
    if (found.date) return found;
  }
  for (const auto& p : find_periods(text)) {
    DeadlineFound found;
    found.date = period_end(p, year);
    found.text = cell;
    if (found.date) return found;
  }
  return std::nullopt;
}

}  // namespace cvtrack::workflows
