#include "workflows/item_markers.hpp"

#include "workflows/date_phrases.hpp"
#include "workflows/phrase_search.hpp"
#include "workflows/text_source.hpp"

namespace cvtrack::workflows {

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

bool is_mark_end(char c) { return c == '.' || c == '-' || c == ')' || c == ':'; }

std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (i < s.size() && s[i] == ' ') ++i;
  return i;
}

// "–" (en dash) and "—" (em dash) serve as hyphens in many documents.
std::size_t dash_length(std::string_view s, std::size_t i) {
  if (i < s.size() && s[i] == '-') return 1;
  if (s.compare(i, 3, "–") == 0 || s.compare(i, 3, "—") == 0) return 3;
  return 0;
}

}  // namespace

bool is_bullet_style(MarkerStyle style) {
  return style == MarkerStyle::dash || style == MarkerStyle::plus || style == MarkerStyle::dot;
}

std::optional<ItemMarker> marker_at_start(std::string_view s) {
  if (s.empty()) return std::nullopt;
  // Bullets.
  if (std::size_t d = dash_length(s, 0); d && s.size() > d && s[d] == ' ')
    return ItemMarker{MarkerStyle::dash, "", skip_spaces(s, d)};
  if (s[0] == '+' && s.size() > 1 && s[1] == ' ') return ItemMarker{MarkerStyle::plus, "", skip_spaces(s, 1)};
  if (s.compare(0, 3, "•") == 0 || s.compare(0, 2, "·") == 0) {
    std::size_t len = s.compare(0, 3, "•") == 0 ? 3 : 2;
    return ItemMarker{MarkerStyle::dot, "", skip_spaces(s, len)};
  }
  // "Điều 1." articles. Only Đ or đ lower-cases to the đ the shadow must
  // start with, and most paragraphs start otherwise: the shadow is made only
  // for those that can.
  const bool starts_with_d = s.compare(0, 2, "Đ") == 0 || s.compare(0, 2, "đ") == 0;
  if (starts_with_d && PhraseText{std::string(s.substr(0, std::min<std::size_t>(s.size(), 24)))}.starts_with("điều")) {
    std::size_t i = skip_spaces(s, std::string("điều").size());
    std::size_t b = i;
    while (i < s.size() && digit(s[i])) ++i;
    if (i > b) {
      std::string label(s.substr(b, i - b));
      if (i < s.size() && (s[i] == '.' || s[i] == ':')) ++i;
      return ItemMarker{MarkerStyle::article, label, skip_spaces(s, i)};
    }
  }
  // "(1)" parenthesised numbers.
  if (s[0] == '(') {
    std::size_t i = 1;
    while (i < s.size() && digit(s[i])) ++i;
    if (i > 1 && i < s.size() && s[i] == ')' && i - 1 <= 2)
      return ItemMarker{MarkerStyle::paren, std::string(s.substr(1, i - 1)), skip_spaces(s, i + 1)};
  }
  // "1." "1-" "1)" and "1.2." numbers.
  if (digit(s[0])) {
    std::size_t i = 0;
    while (i < s.size() && digit(s[i])) ++i;
    if (i > 3) return std::nullopt;
    std::size_t end = i;
    bool multi = false;
    while (end + 1 < s.size() && s[end] == '.' && digit(s[end + 1])) {
      std::size_t k = end + 1;
      while (k < s.size() && digit(s[k])) ++k;
      end = k;
      multi = true;
    }
    std::string label(s.substr(0, end));
    std::size_t after = end;
    if (after < s.size() && (is_mark_end(s[after]) || dash_length(s, after))) {
      after += dash_length(s, after) ? dash_length(s, after) : 1;
    } else if (!multi) {
      return std::nullopt;
    }
    // A date or a quantity ("15/7", "100%", "2 - 9") is not a mark.
    if (after < s.size() && (digit(s[after]) || s[after] == '/' || s[after] == '%')) return std::nullopt;
    if (after < s.size() && s[after] != ' ' && !multi) return std::nullopt;
    return ItemMarker{multi ? MarkerStyle::sub_number : MarkerStyle::number, label, skip_spaces(s, after)};
  }
  // "I." "II-" "IV." sections (capitals only).
  {
    std::size_t i = 0;
    while (i < s.size() && (s[i] == 'I' || s[i] == 'V' || s[i] == 'X')) ++i;
    if (i > 0 && i < s.size() && (s[i] == '.' || s[i] == ')' || dash_length(s, i)) && roman_value(s.substr(0, i))) {
      std::size_t after = i + (dash_length(s, i) ? dash_length(s, i) : 1);
      if (after >= s.size() || s[after] == ' ')
        return ItemMarker{MarkerStyle::section, std::string(s.substr(0, i)), skip_spaces(s, after)};
    }
  }
  // "a)" "b." letters; đ as in the Vietnamese alphabet.
  {
    std::size_t len = 0;
    if (s[0] >= 'a' && s[0] <= 'z') len = 1;
    else if (s.compare(0, 2, "đ") == 0) len = 2;
    if (len && s.size() > len + 1 && (s[len] == ')') && s[len + 1] == ' ')
      return ItemMarker{MarkerStyle::letter, std::string(s.substr(0, len)), skip_spaces(s, len + 1)};
  }
  return std::nullopt;
}

std::optional<InlineSplit> split_inline_items(std::string_view s) {
  // Find "(1)" then "(2)" ... in order, each at a word boundary.
  for (MarkerStyle style : {MarkerStyle::paren, MarkerStyle::letter}) {
    std::vector<std::size_t> starts;
    std::vector<std::size_t> mark_len;
    std::vector<std::string> labels;
    std::size_t from = 0;
    for (int k = 1;; ++k) {
      std::string mark = style == MarkerStyle::paren ? "(" + std::to_string(k) + ")"
                                                      : std::string(1, char('a' + k - 1)) + ")";
      std::size_t at = s.find(mark, from);
      while (at != std::string_view::npos && at > 0 && s[at - 1] != ' ' && s[at - 1] != ':' && s[at - 1] != ';')
        at = s.find(mark, at + 1);
      if (at == std::string_view::npos) break;
      starts.push_back(at);
      mark_len.push_back(mark.size());
      labels.push_back(style == MarkerStyle::paren ? std::to_string(k) : std::string(1, char('a' + k - 1)));
      from = at + mark.size();
    }
    if (starts.size() < 2) continue;
    InlineSplit split;
    split.style = style;
    split.lead = trim(s.substr(0, starts[0]));
    for (std::size_t k = 0; k < starts.size(); ++k) {
      std::size_t b = starts[k] + mark_len[k];
      std::size_t e = k + 1 < starts.size() ? starts[k + 1] : s.size();
      std::string text = trim(s.substr(b, e - b));
      while (!text.empty() && (text.back() == ';' || text.back() == ',')) text.pop_back();
      split.items.push_back({labels[k], text});
    }
    return split;
  }
  return std::nullopt;
}

}  // namespace cvtrack::workflows
