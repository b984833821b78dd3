#include "workflows/recurrence_scanners.hpp"

namespace cvtrack::workflows {

namespace {

// std::regex's \d and \s in the "C" locale.
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

bool word_at(std::string_view s, std::size_t at, std::string_view word) { return s.substr(at, word.size()) == word; }

std::size_t skip_spaces(std::string_view s, std::size_t at) {
  while (at < s.size() && is_space(s[at])) ++at;
  return at;
}

// \s+ at `at`: where it ends, or npos when there is no space.
std::size_t one_or_more_spaces(std::string_view s, std::size_t at) {
  std::size_t end = skip_spaces(s, at);
  return end == at ? std::string_view::npos : end;
}

// (?:6|sáu) tháng at `at`.
bool half_year_at(std::string_view s, std::size_t at) {
  // Tried at every byte of a clause with "tháng": its first byte decides most.
  if (at >= s.size() || (s[at] != '6' && s[at] != 's')) return false;
  return word_at(s, at, "6 tháng") || word_at(s, at, "sáu tháng");
}

// ngày\s+(\d{1,2})\s+(?:hằng|hàng|mỗi)\s+tháng at `at`. No step can give
// back what it took and still match: after the spaces comes a digit, after
// the digits a space, after the last spaces a letter. A run of three digits
// fails both ways \d{1,2} can take it.
std::optional<std::string_view> day_of_month_at(std::string_view s, std::size_t at) {
  constexpr std::string_view day_word = "ngày";
  if (!word_at(s, at, day_word)) return std::nullopt;
  std::size_t q = one_or_more_spaces(s, at + day_word.size());
  if (q == std::string_view::npos) return std::nullopt;
  std::size_t digits = 0;
  while (q + digits < s.size() && is_digit(s[q + digits])) ++digits;
  if (digits < 1 || digits > 2) return std::nullopt;
  std::size_t r = one_or_more_spaces(s, q + digits);
  if (r == std::string_view::npos) return std::nullopt;
  std::size_t word_end = std::string_view::npos;
  for (std::string_view every : {"hằng", "hàng", "mỗi"})
    if (word_at(s, r, every)) word_end = r + every.size();
  if (word_end == std::string_view::npos) return std::nullopt;
  std::size_t month = one_or_more_spaces(s, word_end);
  if (month == std::string_view::npos || !word_at(s, month, "tháng")) return std::nullopt;
  return s.substr(q, digits);
}

// (\d{1,2})\s*(?:giờ|h) at `at`; the optional minutes cannot change whether
// or where it matches. Two digits are tried before one, as the regex does;
// with one, a digit follows, which is neither a space nor giờ/h.
bool hour_at(std::string_view s, std::size_t at) {
  for (std::size_t digits : {2, 1}) {
    if (at + digits > s.size() || !is_digit(s[at]) || (digits == 2 && !is_digit(s[at + 1]))) continue;
    std::size_t q = skip_spaces(s, at + digits);
    if (word_at(s, q, "giờ") || (q < s.size() && s[q] == 'h')) return true;
  }
  return false;
}

}  // namespace

std::size_t find_half_year(std::string_view s) {
  if (half_year_at(s, 0)) return 0;  // ^
  for (std::size_t at = 0; at < s.size(); ++at)
    if (!is_digit(s[at]) && half_year_at(s, at + 1)) return at;  // [^\d]
  return std::string_view::npos;
}

bool has_half_year_and_year(std::string_view s) {
  for (std::string_view phrase : {"6 tháng, năm", "6 tháng và năm", "sáu tháng, năm", "sáu tháng và năm"})
    if (s.find(phrase) != std::string_view::npos) return true;
  return false;
}

std::optional<std::string_view> find_day_of_month(std::string_view s) {
  for (std::size_t at = s.find("ngày"); at != std::string_view::npos; at = s.find("ngày", at + 1))
    if (auto day = day_of_month_at(s, at)) return day;
  return std::nullopt;
}

std::size_t find_hour(std::string_view s) {
  for (std::size_t at = 0; at < s.size(); ++at)
    if (is_digit(s[at]) && hour_at(s, at)) return at;
  return std::string_view::npos;
}

}  // namespace cvtrack::workflows
