#include "workflows/date_phrases.hpp"

#include <algorithm>
#include <regex>
#include <string>

#include "workflows/date_scanners.hpp"
#include "workflows/phrase_search.hpp"

namespace cvtrack::workflows {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Digits a scanner matched (at most four): their value.
int to_int(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

int to_year(std::string_view digits) {
  int y = to_int(digits);
  return digits.size() == 2 ? 2000 + y : y;
}

}  // namespace

int roman_value(std::string_view text) {
  static const char* numerals[] = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
                                   "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii",
                                   "xix", "xx"};
  std::string lower;
  for (char c : text) lower += char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (int i = 0; i < 20; ++i)
    if (lower == numerals[i]) return i + 1;
  return 0;
}

namespace {

// The patterns run on the lower-case shadow, whose byte offsets are the text's.
std::vector<DateMention> dates_in_shadow(const std::string& shadow) {
  std::vector<DateMention> out;
  // "ngày 15 tháng 7 năm 2021", "15 tháng 7 năm 2021", "ngày 15 tháng 7".
  const bool has_month = shadow.find("tháng") != std::string::npos;
  for (const ScannedDate& m : has_month ? scan_spelled_dates(shadow) : std::vector<ScannedDate>{}) {
    std::size_t b = m.begin;
    if (b > 0 && is_digit(shadow[b - 1])) continue;
    DateMention d{b, m.end, to_int(m.day), to_int(m.month),
                  m.year.empty() ? std::nullopt : std::optional<int>(to_int(m.year)), true};
    if (d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31) out.push_back(d);
  }
  // "15/7/2021", "17-11-2008", "05.9.2021", "20/9".
  for (const ScannedDate& m : scan_numeric_dates(shadow)) {
    std::size_t b = m.begin, e = m.end;
    if (b > 0 && (is_digit(shadow[b - 1]) || shadow[b - 1] == '/' || shadow[b - 1] == '-' ||
                  shadow[b - 1] == '.'))
      continue;
    if (e < shadow.size() && (is_digit(shadow[e]) || shadow[e] == '/' ||
                              (shadow[e] == '-' && e + 1 < shadow.size() && !is_digit(shadow[e + 1]) &&
                               shadow[e + 1] != ' ')))
      continue;
    // "1- Bí thư": a list marker, not a date; "2 - 9" (Quốc khánh) neither.
    if (m.separator != '/' && m.year.empty()) continue;
    DateMention d{b, e, to_int(m.day), to_int(m.month),
                  m.year.empty() ? std::nullopt : std::optional<int>(to_year(m.year)), false};
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) continue;
    bool inside_spelled = false;
    for (const auto& s : out)
      if (b >= s.begin && b < s.end) inside_spelled = true;
    if (!inside_spelled) out.push_back(d);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace

std::optional<engine::Date> resolve(const DateMention& mention, std::optional<int> default_year) {
  auto year = mention.year ? mention.year : default_year;
  if (!year) return std::nullopt;
  return engine::make_date(*year, mention.month, mention.day);
}

namespace {

std::vector<PeriodMention> periods_in_shadow(const std::string& shadow) {
  std::vector<PeriodMention> out;
  // The month and year patterns need a digit, the quarter pattern the word quý.
  const bool digits = std::any_of(shadow.begin(), shadow.end(), [](char c) { return is_digit(c); });
  // "tháng 9/2021", "tháng 6 năm 2022", "tháng 12" — but not "15 tháng 7" (a day).
  const bool months = digits && shadow.find("tháng") != std::string::npos;
  for (const ScannedDate& m : months ? scan_month_periods(shadow) : std::vector<ScannedDate>{}) {
    std::size_t b = m.begin, e = m.end;
    // Preceded by a day number ("15 tháng 7"): a date, not a month.
    std::size_t k = b;
    while (k > 0 && shadow[k - 1] == ' ') --k;
    if (k > 0 && is_digit(shadow[k - 1])) continue;
    if (e < shadow.size() && is_digit(shadow[e])) continue;
    int number = to_int(m.month);
    if (number < 1 || number > 12) continue;
    out.push_back({b, e, PeriodMention::Kind::month, number,
                   m.year.empty() ? std::nullopt : std::optional<int>(to_int(m.year))});
  }
  static const std::regex quarter(R"(quý\s+([ivx]+|\d)(?:\s*(?:/|-|năm)\s*(\d{4}))?)");
  for (auto it = shadow.find("quý") != std::string::npos ? std::sregex_iterator(shadow.begin(), shadow.end(), quarter)
                                                           : std::sregex_iterator();
       it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    int number = is_digit(m.str(1)[0]) ? std::stoi(m[1]) : roman_value(m.str(1));
    if (number < 1 || number > 4) continue;
    std::size_t b = std::size_t(m.position(0));
    out.push_back({b, b + std::size_t(m.length(0)), PeriodMention::Kind::quarter, number,
                   m[2].matched ? std::optional<int>(std::stoi(m[2])) : std::nullopt});
  }
  const bool years = digits && shadow.find("năm") != std::string::npos;
  for (const ScannedDate& m : years ? scan_year_periods(shadow) : std::vector<ScannedDate>{}) {
    std::size_t b = m.begin;
    // "tháng 6 năm 2022" is a month; "ngày .. năm 2021" a day.
    std::string before = shadow.substr(b >= 12 ? b - 12 : 0, b >= 12 ? 12 : b);
    if (before.find("tháng") != std::string::npos || (!before.empty() && is_digit(before.back())))
      continue;
    bool in_other = false;
    for (const auto& p : out)
      if (b >= p.begin && b < p.end_pos) in_other = true;
    if (in_other) continue;
    out.push_back({b, m.end, PeriodMention::Kind::year, 0, to_int(m.year)});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace

std::vector<DateMention> find_dates(std::string_view text) { return dates_in_shadow(lower_shadow(text)); }

std::vector<DateMention> find_dates(const PhraseText& text) { return dates_in_shadow(text.shadow()); }

std::vector<PeriodMention> find_periods(std::string_view text) { return periods_in_shadow(lower_shadow(text)); }

std::vector<PeriodMention> find_periods(const PhraseText& text) { return periods_in_shadow(text.shadow()); }

std::optional<engine::Date> period_end(const PeriodMention& p, std::optional<int> default_year) {
  auto year = p.year ? p.year : default_year;
  if (!year) return std::nullopt;
  switch (p.kind) {
    case PeriodMention::Kind::month: return engine::last_day_of_month(*year, p.number);
    case PeriodMention::Kind::quarter: return engine::last_day_of_month(*year, p.number * 3);
    case PeriodMention::Kind::half_year: return engine::last_day_of_month(*year, p.number * 6);
    case PeriodMention::Kind::year: return engine::make_date(*year, 12, 31);
  }
  return std::nullopt;
}

}  // namespace cvtrack::workflows
