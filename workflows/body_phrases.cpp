#include "workflows/body_phrases.hpp"

#include <algorithm>

#include "workflows/directive_vocabulary.hpp"
#include "workflows/text_source.hpp"
#include "workflows/vietnamese_text.hpp"

namespace cvtrack::workflows {

namespace {

constexpr std::string_view kAnd = " và ";

bool starts_upper(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return false;
  std::string head(text.substr(pos, 4));
  return !starts_with_lowercase(head) && letter_or_digit_at(text, pos);
}

std::size_t next_word(const PhraseText& t, std::size_t pos) {
  const std::string& s = t.shadow();
  while (pos < s.size() && s[pos] != ' ') ++pos;
  while (pos < s.size() && s[pos] == ' ') ++pos;
  return pos;
}

bool collective_noun_at(const PhraseText& t, std::size_t pos) {
  static const PhraseList others = {"thủ trưởng", "người đứng đầu", "chính quyền", "lãnh đạo", "cấp ủy", "đơn vị",
                                    "địa phương", "ngành", "ban ngành", "cơ quan", "đoàn thể", "tổ chức"};
  return vocabulary::collective_nouns().any_at(t, pos) || others.any_at(t, pos);
}

bool level_word_at(const PhraseText& t, std::size_t pos) { return vocabulary::level_words().any_at(t, pos); }

bool terminator_at(const PhraseText& t, std::size_t pos, std::size_t list_begin) {
  if (starts_upper(t.text(), pos)) return false;  // capitals belong to a name
  // "các tổ chức …": a noun after a quantifier, not a verb.
  if (pos > list_begin) {
    std::size_t k = pos;
    while (k > list_begin && t.shadow()[k - 1] == ' ') --k;
    for (auto q : {"các", "những", "mỗi", "từng"}) {
      std::size_t len = std::string_view(q).size();
      if (k >= len && t.shadow().compare(k - len, len, q) == 0) return false;
    }
  }
  // "các cơ quan có liên quan": part of the name.
  if (t.starts_with("có liên quan", pos) || t.starts_with("liên quan", pos)) return false;
  return vocabulary::subject_terminators().any_at(t, pos);
}

std::string clean_name(std::string text) {
  text = trim(text);
  while (!text.empty() && (text.back() == ',' || text.back() == ';' || text.back() == '.')) {
    text.pop_back();
    text = trim(text);
  }
  while (!text.empty() && (text.front() == ',' || text.front() == '-')) text = trim(text.substr(1));
  return text;
}

bool head_word_at(const PhraseText& t, std::size_t pos) {
  static const PhraseList heads = {"ubnd", "hđnd", "mttq", "ủy ban", "đảng ủy", "huyện ủy", "tỉnh ủy", "thành ủy",
                                   "hội đồng nhân dân", "thường trực", "công an", "ban", "văn phòng"};
  return heads.any_at(t, pos);
}

}  // namespace

std::size_t skip_separators(const PhraseText& text, std::size_t pos) {
  const std::string& s = text.shadow();
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == ',')) ++pos;
  return pos;
}

bool body_starts_at(const PhraseText& t, std::size_t pos) {
  const std::string& text = t.text();
  for (auto q : {"các", "mỗi", "những", "từng"}) {
    if (t.starts_with(q, pos)) {
      std::size_t next = next_word(t, pos);
      return collective_noun_at(t, next) || body_starts_at(t, next);
    }
  }
  const auto& heads = vocabulary::body_heads();
  for (std::uint16_t i : vocabulary::body_head_words().candidates_at(t, pos)) {
    const auto& head = heads[i];
    if (!t.starts_with(head.words, pos)) continue;
    if (!head.needs_capital_next) return true;
    std::size_t next = pos + head.words.size();
    while (next < text.size() && text[next] == ' ') ++next;
    if (starts_upper(text, next)) return true;
    if (t.starts_with_any({"tỉnh", "huyện", "xã", "thành phố", "thị xã", "phường"}, next)) return true;
    // "Ban Chỉ đạo", "Ban chỉ huy", "Ban cán sự", "Ban công tác": organs.
    for (auto organ : {"chỉ đạo", "chỉ huy", "cán sự", "công tác", "thường vụ", "chấp hành",
                       "quản lý", "tổ chức", "tuyên giáo", "dân vận", "đảng", "văn hóa"})
      if (t.starts_with(organ, next)) return true;
  }
  return false;
}

std::optional<BodyList> read_body_list(const PhraseText& t, std::size_t pos) {
  const std::string& s = t.shadow();
  if (!body_starts_at(t, pos)) return std::nullopt;
  BodyList list;
  list.begin = pos;
  // The words of the head itself ("Tổ kiểm tra", "Ban Chỉ đạo") never end it.
  std::size_t head_end = pos;
  const auto& head_words = vocabulary::body_head_words();
  for (std::uint16_t i : head_words.candidates_at(t, pos))
    if (t.starts_with(head_words[i], pos)) head_end = std::max(head_end, pos + head_words[i].size());
  std::size_t q = pos;
  std::size_t end = s.size();
  while (q < s.size()) {
    char c = s[q];
    if (c == '.' || c == ';' || c == ':' || c == '(' || c == '\n' || c == '"' ||
        s.compare(q, 3, "“") == 0) {
      // "VP. Ban chỉ huy": an abbreviation's dot is part of the name.
      if (c == '.' && q + 1 < s.size() && s[q + 1] == ' ' && q > 0 && s[q - 1] != ' ' &&
          q + 2 < s.size() && starts_upper(t.text(), q + 2) && q - pos < 6) {
        ++q;
        continue;
      }
      end = q;
      break;
    }
    if (c == ',') {
      std::size_t next = skip_separators(t, q);
      if (t.starts_with("chống", next)) {  // "phòng, chống dịch": one word pair
        q = next;
        continue;
      }
      if (next >= s.size() || !(body_starts_at(t, next) || collective_noun_at(t, next) ||
                                level_word_at(t, next) || t.starts_with("các", next))) {
        end = q;
        break;
      }
      q = next;
      continue;
    }
    if (c == ' ') {
      ++q;
      continue;
    }
    bool word_start = q == pos || s[q - 1] == ' ';
    if (word_start && q > pos) {
      if (t.starts_with("và", q) || t.starts_with("cùng", q)) {
        std::size_t next = next_word(t, q);
        // "Sở Giáo dục và Đào tạo": a capital after "và" continues a name.
        if (!(body_starts_at(t, next) || t.starts_with("các", next) || starts_upper(t.text(), next))) {
          // "… và <not a body>": what follows "và" is the work, so the list ended at a verb.
          end = q;
          list.ended_at_verb = true;
          break;
        }
        q = next;
        continue;
      }
      if (q >= head_end && terminator_at(t, q, pos)) {
        end = q;
        list.ended_at_verb = true;
        break;
      }
    }
    ++q;
  }
  list.end = end;
  std::string phrase = t.substr(pos, end);
  list.names = split_body_list(phrase);
  if (list.names.empty()) return std::nullopt;
  return list;
}

std::vector<std::string> split_body_list(std::string_view list_text) {
  PhraseText t{clean_name(std::string(list_text))};
  const std::string& s = t.shadow();
  // Ranges the splitter must not cut: collective phrases. Searched for only
  // when a cut is otherwise due: most lists have none ("UBND các huyện, thị
  // xã, thành phố" has only commas before level words), and the search is a
  // pass over the list for each of the phrases.
  std::optional<std::vector<std::pair<std::size_t, std::size_t>>> protected_ranges;
  auto is_protected = [&](std::size_t p) {
    if (!protected_ranges) {
      protected_ranges.emplace();
      for (auto phrase : vocabulary::collective_phrases()) {
        std::size_t from = 0;
        while (auto at = t.find(phrase, from)) {
          protected_ranges->push_back({*at, *at + phrase.size()});
          from = *at + 1;
        }
      }
    }
    return std::any_of(protected_ranges->begin(), protected_ranges->end(),
                       [&](auto r) { return p > r.first && p < r.second; });
  };
  std::vector<std::size_t> cuts;       // split positions
  std::vector<std::size_t> cut_len;    // separator length
  for (std::size_t p = 0; p < s.size(); ++p) {
    // Each condition only reads the list, so is_protected() is asked last.
    if (s[p] == ',') {
      std::size_t next = skip_separators(t, p);
      if (next >= s.size()) continue;
      if (level_word_at(t, next)) continue;
      if ((starts_upper(t.text(), next) || body_starts_at(t, next) || collective_noun_at(t, next) ||
           t.starts_with("các", next) || t.starts_with("mỗi", next)) &&
          !is_protected(p)) {
        cuts.push_back(p);
        cut_len.push_back(next - p);
      }
    } else if (s.compare(p, kAnd.size(), kAnd) == 0) {
      std::size_t next = p + kAnd.size();
      // "Văn phòng HĐND và UBND xã" is one office.
      constexpr std::string_view council = "hđnd";
      bool office = p >= council.size() && s.compare(p - council.size(), council.size(), council) == 0 &&
                    t.starts_with("ubnd", next);
      if (!office && (t.starts_with("các", next) || (body_starts_at(t, next) && starts_upper(t.text(), next)) ||
                      t.starts_with("mỗi", next)) &&
          !is_protected(p)) {
        cuts.push_back(p);
        cut_len.push_back(kAnd.size());
      }
    }
  }
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t k = 0; k < cuts.size(); ++k) {
    parts.push_back(clean_name(t.substr(start, cuts[k])));
    start = cuts[k] + cut_len[k];
  }
  parts.push_back(clean_name(t.substr(start, s.size())));

  // "Đảng ủy - UBND các xã, thị trấn": bodies joined by " - " share the tail.
  std::vector<std::string> out;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    PhraseText pt{part};
    std::vector<std::string> pieces;
    std::size_t from = 0;
    std::size_t p = 0;
    while ((p = pt.shadow().find(" - ", p)) != std::string::npos) {
      if (head_word_at(pt, p + 3) && (p == 0 || from < p)) {
        std::string left = trim(pt.substr(from, p));
        PhraseText lt{left};
        bool left_is_head = false;
        for (auto w : {"đảng ủy", "huyện ủy", "tỉnh ủy", "ubnd", "hđnd", "mttq", "ủy ban nhân dân",
                       "thường trực huyện ủy", "thường trực tỉnh ủy", "thường trực"})
          if (lt.starts_with(w)) left_is_head = true;
        if (left_is_head && left.size() < 40) {
          pieces.push_back(left);
          from = p + 3;
        }
      }
      p += 3;
    }
    if (pieces.empty()) {
      out.push_back(part);
      continue;
    }
    std::string last = trim(pt.substr(from, pt.size()));
    pieces.push_back(last);
    // The tail of the last piece (after its head word) goes to pieces without a place.
    PhraseText last_text{last};
    std::string tail;
    for (auto head : {"ubnd", "hđnd", "mttq", "ủy ban nhân dân", "đảng ủy", "huyện ủy", "tỉnh ủy"}) {
      if (last_text.starts_with(head)) {
        tail = trim(last.substr(std::string_view(head).size()));
        break;
      }
    }
    for (std::size_t k = 0; k + 1 < pieces.size(); ++k) {
      PhraseText piece{pieces[k]};
      bool has_place = piece.contains("huyện") || piece.contains("tỉnh") || piece.contains("xã") ||
                       piece.shadow().find("huyện ủy") != std::string::npos;
      if (!tail.empty() && !has_place) pieces[k] += " " + tail;
    }
    for (auto& piece : pieces) out.push_back(piece);
  }
  return out;
}

}  // namespace cvtrack::workflows
