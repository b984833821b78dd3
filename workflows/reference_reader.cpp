#include "workflows/reference_reader.hpp"

#include "workflows/date_phrases.hpp"
#include "workflows/phrase_search.hpp"
#include "workflows/text_source.hpp"

namespace cvtrack::workflows {

namespace {

bool digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool ascii_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool ascii_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }

// Length of a symbol letter at i: ASCII letters, Đ and đ.
std::size_t symbol_letter(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (ascii_upper(c) || ascii_lower(c)) return 1;
  if (s.compare(i, 2, "Đ") == 0 || s.compare(i, 2, "đ") == 0) return 2;
  if (c == '&') return 1;  // "TN&MT"
  return 0;
}

bool symbol_upper_at(std::string_view s, std::size_t i) {
  return ascii_upper(static_cast<unsigned char>(s[i])) || s.compare(i, 2, "Đ") == 0;
}

// Parses a symbol after the separator: letter groups joined by '-' or '/'
// ("KL/TU", "NQ-CP", "CT-TTg", "NĐ-CP", "PCTT"). Returns its length.
std::size_t symbol_length(std::string_view s, std::size_t i) {
  std::size_t start = i, letters = 0;
  while (i < s.size()) {
    if (!symbol_upper_at(s, i)) break;  // each group starts with a capital
    std::size_t group = 0;
    while (std::size_t len = symbol_letter(s, i)) {
      i += len;
      ++group;
    }
    while (i < s.size() && digit(static_cast<unsigned char>(s[i]))) ++i;  // "QĐ-UBND2"? rare
    letters += group;
    if (i + 1 < s.size() && (s[i] == '-' || s[i] == '/') && symbol_upper_at(s, i + 1)) {
      ++i;
      continue;
    }
    break;
  }
  if (letters < 2) return 0;
  return i - start;
}

}  // namespace

std::vector<ReferenceMention> find_references(std::string_view text) {
  std::vector<ReferenceMention> out;
  // Only a text that cites something needs its dates.
  std::optional<std::vector<DateMention>> dates;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!digit(static_cast<unsigned char>(text[i])) || (i > 0 && (digit(static_cast<unsigned char>(text[i - 1])) ||
                                                                 symbol_letter(text, i - 1) || text[i - 1] == '/' ||
                                                                 text[i - 1] == '-'))) {
      ++i;
      continue;
    }
    std::size_t b = i;
    while (i < text.size() && digit(static_cast<unsigned char>(text[i]))) ++i;
    // A normative document's year: "118/2025/NĐ-CP".
    if (i + 5 < text.size() && text[i] == '/' && digit(static_cast<unsigned char>(text[i + 1])) &&
        digit(static_cast<unsigned char>(text[i + 4])) && text[i + 5] == '/')
      i += 5;
    if (i >= text.size() || (text[i] != '-' && text[i] != '/')) continue;
    std::size_t len = symbol_length(text, i + 1);
    if (!len) continue;
    std::size_t e = i + 1 + len;
    ReferenceMention m;
    m.reference.number = std::string(text.substr(b, e - b));
    m.begin = b;
    m.end = e;
    // A date right after: ", ngày 05/9/2021", " ngày 01/7/2021", " ngày 31 tháng 10 năm 2019".
    if (!dates) dates = find_dates(text);
    for (const auto& d : *dates) {
      if (d.begin < e) continue;
      std::string between = lower_shadow(text.substr(e, d.begin - e));
      std::string stripped;
      for (char c : between)
        if (c != ' ' && c != ',') stripped += c;
      if (stripped.empty() || stripped == "ngày") {
        m.reference.date = resolve(d, std::nullopt);
        m.end = d.end;
      }
      break;
    }
    out.push_back(m);
    i = e;
  }
  return out;
}

}  // namespace cvtrack::workflows
