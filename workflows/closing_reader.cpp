#include "workflows/closing_reader.hpp"

#include "workflows/phrase_search.hpp"
#include "workflows/vietnamese_text.hpp"

namespace cvtrack::workflows {

namespace {

bool is_bullet(std::string_view text) {
  return text.rfind("- ", 0) == 0 || text.rfind("+ ", 0) == 0 || text.rfind("• ", 0) == 0 ||
         text.rfind("– ", 0) == 0 || text == "-";
}

bool ends_entry(std::string_view text) {
  return !text.empty() && (text.back() == ',' || text.back() == ';');
}

// "(Đã ký)", "Đã ký", "(Ký tên, đóng dấu)": a copy without the real signature.
bool is_signed_mark(std::string_view text) {
  PhraseText p{std::string(text)};
  std::string s = p.shadow();
  while (!s.empty() && (s.front() == '(' || s.front() == '[')) s.erase(0, 1);
  return s.rfind("đã ký", 0) == 0 || s.rfind("ký tên", 0) == 0 || s.rfind("đã kí", 0) == 0 ||
         s.rfind("ký", 0) == 0 || s.rfind("(ký", 0) == 0;
}

bool starts_with_folded(std::string_view text, std::string_view needle) {
  // A shadow starts with an ASCII letter only where the text starts with it
  // in either case (lower-casing keeps every other letter beyond ASCII, and
  // tones move only between vowels), so most lines are answered here, before
  // a shadow of the whole line is made.
  const char first = needle.empty() ? 0 : needle[0];
  if (first >= 'a' && first <= 'z' && (text.empty() || (text[0] != first && text[0] != first - 'a' + 'A')))
    return false;
  PhraseText p{std::string(text)};
  return p.shadow().rfind(needle, 0) == 0;
}

}  // namespace

std::string clean_list_entry(std::string_view line) {
  std::string text = strip_markdown(line);
  while (!text.empty() && (is_bullet(text) || text[0] == '-' || text[0] == '+')) {
    if (text.rfind("• ", 0) == 0 || text.rfind("– ", 0) == 0) text = trim(text.substr(text.find(' ')));
    else text = trim(text.substr(1));
  }
  while (!text.empty() && (text.back() == ',' || text.back() == ';' || text.back() == '.' ||
                           text.back() == ':' || text.back() == ' '))
    text.pop_back();
  return to_nfc(text);
}

bool is_capacity_line(std::string_view text) {
  // Every prefix starts with T, K or Q. Stripping keeps the first byte that is
  // not a star, white space or part of a no-break space, or one of those: a
  // cell whose first other byte is none of the three is answered unstripped
  // (the signature reader asks of every cell after the body's start).
  std::size_t first = 0;
  while (first < text.size() && (text[first] == '*' || text[first] == ' ' || text[first] == '\t' ||
                                 text[first] == '\r' || text[first] == '\f' || text[first] == '\v' ||
                                 text[first] == '\xC2' || text[first] == '\xA0'))
    ++first;
  if (first == text.size() || (text[first] != 'T' && text[first] != 'K' && text[first] != 'Q')) return false;
  std::string t = strip_markdown(text);
  // The prefix first: the signature reader asks this of every cell of the body.
  for (const char* prefix : {"T/M ", "TM. ", "TM ", "K/T ", "KT. ", "KT ", "T/L ", "TL. ", "TL ",
                             "TUQ. ", "TUQ ", "Q. ", "T.M ", "K.T ", "T.L "})
    if (t.rfind(prefix, 0) == 0) return is_all_uppercase(t);
  return false;
}

std::optional<std::size_t> find_recipients_line(const SourceText& source, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to && i < source.lines.size(); ++i) {
    const std::string& t = source.lines[i].text;
    std::string stripped = t;
    while (!stripped.empty() && (stripped[0] == '-' || stripped[0] == ' ')) stripped.erase(0, 1);
    if (starts_with_folded(stripped, "kính gửi")) return i;
    // A công điện: "THỦ TƯỚNG CHÍNH PHỦ điện:" then the list.
    PhraseText p{stripped};
    constexpr std::string_view telegram = "điện:";
    if (p.shadow().size() >= telegram.size() &&
        p.shadow().compare(p.shadow().size() - telegram.size(), telegram.size(), telegram) == 0 &&
        stripped.size() < 120)
      return i;
  }
  return std::nullopt;
}

namespace {

// "Các phòng, ban, ngành huyện; UBND các xã, thị trấn": ';' ends an entry
// even when the typist kept two on one line.
void add_entries(std::vector<std::string>& entries, const std::string& line) {
  std::size_t start = 0;
  while (start <= line.size()) {
    std::size_t semicolon = line.find("; ", start);
    std::string part = clean_list_entry(line.substr(start, semicolon == std::string::npos ? std::string::npos
                                                                                           : semicolon - start));
    if (!part.empty()) entries.push_back(part);
    if (semicolon == std::string::npos) break;
    start = semicolon + 2;
  }
}

}  // namespace

AddressList read_recipients(const SourceText& source, std::size_t at) {
  AddressList list;
  list.first_line = at;
  const std::string& head = source.lines[at].text;
  std::size_t colon = head.find(':');
  if (colon != std::string::npos) {
    add_entries(list.entries, head.substr(colon + 1));
  }
  std::size_t i = at + 1;
  bool seen_entry = !list.entries.empty();
  bool last_ended_open = seen_entry && ends_entry(trim(head));
  const auto& lines = source.lines;
  while (i < lines.size()) {
    const std::string& t = lines[i].text;
    if (t.empty()) {
      // A blank line ends the list unless the next entry is a bullet and the
      // last entry asked for more (ended with ',' or ';'), or nothing came yet.
      std::size_t j = i;
      while (j < lines.size() && lines[j].text.empty()) ++j;
      if (j >= lines.size()) break;
      if (!seen_entry || (is_bullet(lines[j].text) && last_ended_open)) {
        i = j;
        continue;
      }
      break;
    }
    if (seen_entry && !is_bullet(t) && t.size() > 160) break;  // the body has begun
    add_entries(list.entries, t);
    seen_entry = true;
    last_ended_open = ends_entry(t) || is_bullet(t);
    if (!t.empty() && t.back() == '.') {
      ++i;
      break;
    }
    ++i;
  }
  list.end_line = i;
  return list;
}

LineColumns::LineColumns(const SourceText& source, std::size_t from) : from_(from) {
  for (std::size_t i = from; i < source.lines.size(); ++i) rows_.push_back(split_columns(source.lines[i].raw));
}

std::optional<AddressList> read_cc(const SourceText& source, const LineColumns& columns) {
  const auto& lines = source.lines;
  for (std::size_t i = columns.from(); i < lines.size(); ++i) {
    const std::vector<std::string>& cells = columns.of(i);
    if (cells.empty() || !starts_with_folded(cells[0], "nơi nhận")) continue;
    AddressList list;
    list.first_line = i;
    std::size_t colon = cells[0].find(':');
    if (colon != std::string::npos) {
      std::string rest = clean_list_entry(cells[0].substr(colon + 1));
      if (!rest.empty()) list.entries.push_back(rest);
    }
    std::size_t j = i + 1;
    for (; j < lines.size(); ++j) {
      if (lines[j].text.empty()) continue;
      const std::vector<std::string>& row = columns.of(j);
      if (row.empty()) continue;
      const std::string& left = row[0];
      bool entry_like = is_bullet(left) || (ends_entry(left) && left.size() < 100) ||
                        (left.back() == '.' && left.size() < 100 && !is_all_uppercase(left) &&
                         (is_bullet(left) || starts_with_folded(left, "lưu")));
      if (!entry_like || is_capacity_line(left)) break;
      std::string entry = clean_list_entry(left);
      if (!entry.empty()) list.entries.push_back(entry);
    }
    list.end_line = j;
    return list;
  }
  return std::nullopt;
}

SignatureBlock read_signature(const SourceText& source, const LineColumns& columns,
                              const std::optional<AddressList>& cc) {
  SignatureBlock block;
  // Collect the signature's cells in order, leaving out the Nơi nhận entries
  // (the left column when the two were flattened onto shared lines).
  struct Cell {
    std::size_t line;
    const std::string* cell;  // in `columns`
    const std::string& text() const { return *cell; }
  };
  std::vector<Cell> cells;
  const auto& lines = source.lines;
  for (std::size_t i = columns.from(); i < lines.size(); ++i) {
    const std::vector<std::string>& row = columns.of(i);
    bool in_cc = cc && i >= cc->first_line && i < cc->end_line;
    for (std::size_t k = 0; k < row.size(); ++k) {
      if (in_cc && k == 0) continue;
      cells.push_back({i, &row[k]});
    }
  }
  // The signature starts at the last capacity line group, or else at the last
  // run of capitals (a head signing in their own name: "CHỦ TỊCH").
  std::optional<std::size_t> start;
  for (std::size_t k = 0; k < cells.size(); ++k)
    if (is_capacity_line(cells[k].text()) && (!start || !is_capacity_line(cells[*start].text()) ||
                                            cells[k].line > cells[*start].line + 3))
      start = k;
  if (start) {
    // Walk back over capacity lines immediately before (TM. then KT.).
    while (*start > 0 && is_capacity_line(cells[*start - 1].text()) &&
           cells[*start - 1].line + 1 >= cells[*start].line)
      --*start;
  } else {
    // Only near the end: after the title come just the name or "(Đã ký)".
    std::size_t earliest = cells.size() > 3 ? cells.size() - 3 : 0;
    for (std::size_t k = cells.size(); k-- > earliest;) {
      const std::string& t = cells[k].text();
      if (is_all_uppercase(t) && t.size() < 80 && !starts_with_folded(t, "nơi nhận") &&
          t.back() != ':') {
        start = k;
        while (*start > 0 && is_all_uppercase(cells[*start - 1].text()) &&
               cells[*start - 1].line + 1 == cells[*start].line)
          --*start;
        break;
      }
    }
  }
  if (!start) return block;
  block.found = true;
  block.first_line = cells[*start].line;
  std::string capacity, title;
  std::size_t k = *start;
  for (; k < cells.size() && is_capacity_line(cells[k].text()); ++k)
    capacity += (capacity.empty() ? "" : " / ") + cells[k].text();
  for (; k < cells.size() && is_all_uppercase(cells[k].text()) && !is_signed_mark(cells[k].text()); ++k)
    title += (title.empty() ? "" : " ") + cells[k].text();
  if (!capacity.empty()) block.signer.capacity = capacity;
  if (!title.empty()) block.signer.title = title;
  for (; k < cells.size(); ++k) {
    const std::string& t = cells[k].text();
    if (is_signed_mark(t)) continue;
    if (is_bullet(t) || starts_with_folded(t, "nơi nhận") || is_all_uppercase(t)) break;
    block.signer.name = t;
    break;
  }
  return block;
}

}  // namespace cvtrack::workflows
