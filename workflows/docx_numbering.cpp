#include "workflows/docx_numbering.hpp"

#include <charconv>

namespace cvtrack::workflows::docx {

namespace {

int to_int(const std::string& text, int fallback) {
  int value = fallback;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() ? value : fallback;
}

std::string roman(int n, bool upper) {
  static constexpr std::pair<int, const char*> kDigits[] = {{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"},
                                                            {100, "C"},  {90, "XC"},  {50, "L"},  {40, "XL"},
                                                            {10, "X"},   {9, "IX"},   {5, "V"},   {4, "IV"},
                                                            {1, "I"}};
  std::string out;
  for (auto [value, digits] : kDigits)
    for (; n >= value; n -= value) out += digits;
  if (!upper)
    for (char& c : out) c = char(c - 'A' + 'a');
  return out;
}

// Word's letter numbering: a … z, then aa … zz, aaa …
std::string letters(int n, bool upper) {
  if (n < 1) return std::to_string(n);
  const char letter = char((upper ? 'A' : 'a') + (n - 1) % 26);
  return std::string(std::size_t((n - 1) / 26 + 1), letter);
}

std::string format_number(int n, const std::string& format) {
  if (format == "upperRoman") return roman(n, true);
  if (format == "lowerRoman") return roman(n, false);
  if (format == "upperLetter") return letters(n, true);
  if (format == "lowerLetter") return letters(n, false);
  if (format == "decimalZero") return (n < 10 ? "0" : "") + std::to_string(n);
  return std::to_string(n);
}

}  // namespace

Numbering::Numbering(const xmlDoc* numbering) {
  const xmlNode* root = xmlDocGetRootElement(const_cast<xmlDoc*>(numbering));
  std::map<int, std::vector<Level>> abstract;
  for (const xmlNode* n = root ? root->children : nullptr; n; n = n->next) {
    if (!is_w(n, "abstractNum")) continue;
    std::vector<Level>& levels = abstract[to_int(w_attribute(n, "abstractNumId"), -1)];
    for (const xmlNode* lvl = n->children; lvl; lvl = lvl->next) {
      if (!is_w(lvl, "lvl")) continue;
      const int ilvl = to_int(w_attribute(lvl, "ilvl"), -1);
      if (ilvl < 0 || ilvl > 8) continue;
      if (levels.size() <= std::size_t(ilvl)) levels.resize(std::size_t(ilvl) + 1);
      Level& level = levels[std::size_t(ilvl)];
      level.start = to_int(w_attribute(w_child(lvl, "start"), "val"), 1);
      if (auto* format = w_child(lvl, "numFmt")) level.format = w_attribute(format, "val");
      level.pattern = w_attribute(w_child(lvl, "lvlText"), "val");
    }
  }
  for (const xmlNode* n = root ? root->children : nullptr; n; n = n->next) {
    if (!is_w(n, "num")) continue;
    List list;
    list.levels = abstract[to_int(w_attribute(w_child(n, "abstractNumId"), "val"), -1)];
    for (const xmlNode* o = n->children; o; o = o->next) {
      if (!is_w(o, "lvlOverride")) continue;
      const int ilvl = to_int(w_attribute(o, "ilvl"), -1);
      if (const xmlNode* start = w_child(o, "startOverride"); start && ilvl >= 0 && std::size_t(ilvl) < list.levels.size())
        list.levels[std::size_t(ilvl)].start = to_int(w_attribute(start, "val"), 1);
    }
    list.counters.assign(list.levels.size(), -1);
    lists_[to_int(w_attribute(n, "numId"), -1)] = std::move(list);
  }
}

std::string Numbering::next_label(int num_id, int level) {
  auto it = lists_.find(num_id);
  if (it == lists_.end() || level < 0 || std::size_t(level) >= it->second.levels.size()) return {};
  List& list = it->second;
  const auto at = std::size_t(level);
  list.counters[at] = list.counters[at] < 0 ? list.levels[at].start : list.counters[at] + 1;
  for (std::size_t deeper = at + 1; deeper < list.counters.size(); ++deeper) list.counters[deeper] = -1;
  const Level& own = list.levels[at];
  if (own.format == "bullet" || own.format == "none") return own.format == "bullet" ? "-" : "";
  std::string label;
  for (std::size_t i = 0; i < own.pattern.size(); ++i) {
    const char c = own.pattern[i];
    if (c == '%' && i + 1 < own.pattern.size() && own.pattern[i + 1] >= '1' && own.pattern[i + 1] <= '9') {
      const auto ref = std::size_t(own.pattern[++i] - '1');
      if (ref < list.levels.size()) {
        const int value = list.counters[ref] < 0 ? list.levels[ref].start : list.counters[ref];
        label += format_number(value, list.levels[ref].format);
      }
    } else {
      label += c;
    }
  }
  return label;
}

}  // namespace cvtrack::workflows::docx
