#include "workflows/date_scanners.hpp"

namespace cvtrack::workflows {

namespace {

// std::regex's \d and \s in the "C" locale.
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

bool digits_at(std::string_view s, std::size_t at, std::size_t count) {
  if (at + count > s.size()) return false;
  for (std::size_t k = at; k < at + count; ++k)
    if (!is_digit(s[k])) return false;
  return true;
}

std::size_t skip_spaces(std::string_view s, std::size_t at) {
  while (at < s.size() && is_space(s[at])) ++at;
  return at;
}

bool word_at(std::string_view s, std::size_t at, std::string_view word) {
  return s.substr(at, word.size()) == word;
}

// A greedy \d{1,2} at `at`: how many digits it takes, trying two before one
// as the regex does; the caller's next step decides whether that path holds.
// Neither pattern can succeed with one digit where two digits failed and the
// next character is a digit too, so only the greedy length is tried.
std::size_t one_or_two_digits(std::string_view s, std::size_t at) {
  return digits_at(s, at, 2) ? 2 : digits_at(s, at, 1) ? 1 : 0;
}

// (\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:,\s*)?n+ăm\s+(\d{4}))? at `at`.
std::optional<ScannedDate> spelled_from_day(std::string_view s, std::size_t at, std::size_t begin) {
  constexpr std::string_view month_word = "tháng", year_word = "ăm";
  std::size_t day_len = one_or_two_digits(s, at);
  if (day_len == 0) return std::nullopt;
  std::size_t q = at + day_len;
  std::size_t after_space = skip_spaces(s, q);
  if (after_space == q || !word_at(s, after_space, month_word)) return std::nullopt;
  q = after_space + month_word.size();
  after_space = skip_spaces(s, q);
  if (after_space == q) return std::nullopt;
  std::size_t month_len = one_or_two_digits(s, after_space);
  if (month_len == 0) return std::nullopt;
  ScannedDate found;
  found.begin = begin;
  found.day = s.substr(at, day_len);
  found.month = s.substr(after_space, month_len);
  found.end = after_space + month_len;
  // The optional year: all or nothing, and every step of it is forced.
  std::size_t y = skip_spaces(s, found.end);
  if (y < s.size() && s[y] == ',') y = skip_spaces(s, y + 1);
  if (y >= s.size() || s[y] != 'n') return found;
  while (y < s.size() && s[y] == 'n') ++y;
  if (!word_at(s, y, year_word)) return found;
  y += year_word.size();
  std::size_t digits = skip_spaces(s, y);
  if (digits == y || !digits_at(s, digits, 4)) return found;
  found.year = s.substr(digits, 4);
  found.end = digits + 4;
  return found;
}

std::optional<ScannedDate> spelled_at(std::string_view s, std::size_t at) {
  constexpr std::string_view day_word = "ngày";
  if (word_at(s, at, day_word))
    if (auto found = spelled_from_day(s, skip_spaces(s, at + day_word.size()), at)) return found;
  return spelled_from_day(s, at, at);
}

std::optional<ScannedDate> numeric_at(std::string_view s, std::size_t at) {
  std::size_t day_len = one_or_two_digits(s, at);
  if (day_len == 0) return std::nullopt;
  std::size_t q = at + day_len;
  // \s? then the separator: one space is taken first, then none.
  for (std::size_t space : {1, 0}) {
    if (space == 1 && !(q < s.size() && is_space(s[q]))) continue;
    std::size_t sep = q + space;
    if (sep >= s.size() || (s[sep] != '/' && s[sep] != '.' && s[sep] != '-')) continue;
    for (std::size_t space2 : {1, 0}) {
      std::size_t m = sep + 1;
      if (space2 == 1 && !(m < s.size() && is_space(s[m]))) continue;
      m += space2;
      std::size_t month_len = one_or_two_digits(s, m);
      if (month_len == 0) continue;
      ScannedDate found;
      found.begin = at;
      found.day = s.substr(at, day_len);
      found.separator = s[sep];
      found.month = s.substr(m, month_len);
      found.end = m + month_len;
      // (?:\2(\d{4}|\d{2}))?: the same separator, then four digits or two.
      if (found.end < s.size() && s[found.end] == s[sep]) {
        for (std::size_t year_len : {4, 2}) {
          if (digits_at(s, found.end + 1, year_len)) {
            found.year = s.substr(found.end + 1, year_len);
            found.end += 1 + year_len;
            break;
          }
        }
      }
      return found;
    }
  }
  return std::nullopt;
}

// What std::sregex_iterator does: the leftmost match, then the next search
// from where it ended.
template <typename MatchAt>
std::vector<ScannedDate> scan_all(std::string_view s, MatchAt match_at) {
  std::vector<ScannedDate> out;
  for (std::size_t at = 0; at < s.size();) {
    if (auto found = match_at(s, at)) {
      out.push_back(*found);
      at = found->end;
    } else {
      ++at;
    }
  }
  return out;
}

}  // namespace

std::vector<ScannedDate> scan_spelled_dates(std::string_view shadow) {
  return scan_all(shadow, [](std::string_view s, std::size_t at) {
    return is_digit(s[at]) || s[at] == 'n' ? spelled_at(s, at) : std::nullopt;
  });
}

namespace {

// A digit, a separator (/ . -) and a digit, with at most one space on either
// side of the separator: what the numeric pattern needs before it can match.
// Most clauses have none, and one pass over them says so before any digit
// is tried as a start.
bool may_hold_numeric_date(std::string_view s) {
  for (std::size_t i = 1; i + 1 < s.size(); ++i) {
    if (s[i] != '/' && s[i] != '.' && s[i] != '-') continue;
    bool before = is_digit(s[i - 1]) || (i >= 2 && is_space(s[i - 1]) && is_digit(s[i - 2]));
    bool after = is_digit(s[i + 1]) || (i + 2 < s.size() && is_space(s[i + 1]) && is_digit(s[i + 2]));
    if (before && after) return true;
  }
  return false;
}

// tháng\s+(\d{1,2})(?:\s*(?:/|-|năm)\s*(\d{4}))? at `at`. Every step is
// forced: with two digits taken the match holds whether or not the year
// follows, and giving one back leaves a digit where a space or separator
// would have to be.
std::optional<ScannedDate> month_period_at(std::string_view s, std::size_t at) {
  constexpr std::string_view month_word = "tháng", year_word = "năm";
  if (!word_at(s, at, month_word)) return std::nullopt;
  std::size_t q = at + month_word.size();
  std::size_t digits = skip_spaces(s, q);
  std::size_t month_len = digits == q ? 0 : one_or_two_digits(s, digits);
  if (month_len == 0) return std::nullopt;
  ScannedDate found;
  found.begin = at;
  found.month = s.substr(digits, month_len);
  found.end = digits + month_len;
  std::size_t sep = skip_spaces(s, found.end);
  std::size_t after_sep;
  if (sep < s.size() && (s[sep] == '/' || s[sep] == '-')) after_sep = sep + 1;
  else if (word_at(s, sep, year_word)) after_sep = sep + year_word.size();
  else return found;
  std::size_t year = skip_spaces(s, after_sep);
  if (digits_at(s, year, 4)) {
    found.year = s.substr(year, 4);
    found.end = year + 4;
  }
  return found;
}

// năm\s+(\d{4}) at `at`.
std::optional<ScannedDate> year_period_at(std::string_view s, std::size_t at) {
  constexpr std::string_view year_word = "năm";
  if (!word_at(s, at, year_word)) return std::nullopt;
  std::size_t q = at + year_word.size();
  std::size_t digits = skip_spaces(s, q);
  if (digits == q || !digits_at(s, digits, 4)) return std::nullopt;
  ScannedDate found;
  found.begin = at;
  found.year = s.substr(digits, 4);
  found.end = digits + 4;
  return found;
}

}  // namespace

std::vector<ScannedDate> scan_month_periods(std::string_view shadow) {
  return scan_all(shadow, [](std::string_view s, std::size_t at) {
    return s[at] == 't' ? month_period_at(s, at) : std::nullopt;
  });
}

std::vector<ScannedDate> scan_year_periods(std::string_view shadow) {
  return scan_all(shadow, [](std::string_view s, std::size_t at) {
    return s[at] == 'n' ? year_period_at(s, at) : std::nullopt;
  });
}

std::vector<ScannedDate> scan_numeric_dates(std::string_view shadow) {
  if (!may_hold_numeric_date(shadow)) return {};
  return scan_all(shadow, [](std::string_view s, std::size_t at) {
    return is_digit(s[at]) ? numeric_at(s, at) : std::nullopt;
  });
}

}  // namespace cvtrack::workflows
