#include "workflows/directive_reader.hpp"

#include "workflows/item_markers.hpp"
#include "workflows/phrase_search.hpp"
#include "workflows/vietnamese_text.hpp"

namespace cvtrack::workflows {

using engine::Directive;

namespace {

bool ends_sentence(std::string_view text) {
  if (text.empty()) return true;
  char c = text.back();
  return c == '.' || c == ':' || c == ';' || c == '!' || c == '?';
}

bool is_table_line(std::string_view text) { return !text.empty() && text[0] == '|'; }

// Words that open a section which only explains (purpose, situation,
// content) versus one that assigns work.
bool is_operative_heading(std::string_view heading) {
  PhraseText p{std::string(heading)};
  for (const char* word : {"tổ chức thực hiện", "nhiệm vụ", "giải pháp", "phân công", "trách nhiệm",
                           "triển khai thực hiện", "kế hoạch thực hiện", "lộ trình", "tiến độ"})
    if (p.contains(word)) return true;
  return false;
}

std::vector<std::string> table_cells(std::string_view line) {
  std::vector<std::string> cells;
  std::size_t i = line.front() == '|' ? 1 : 0;
  while (i <= line.size()) {
    std::size_t bar = line.find('|', i);
    if (bar == std::string_view::npos) {
      std::string last = trim(line.substr(i));
      if (!last.empty()) cells.push_back(last);
      break;
    }
    cells.push_back(trim(line.substr(i, bar - i)));
    i = bar + 1;
  }
  return cells;
}

struct TableColumns {
  int number = -1, content = -1, lead = -1, coordinate = -1, deadline = -1;
};

std::optional<TableColumns> table_header(const std::vector<std::string>& cells) {
  TableColumns c;
  for (int k = 0; k < int(cells.size()); ++k) {
    PhraseText p{cells[std::size_t(k)]};
    if (p.contains("stt") || p.contains("tt") || p.contains("số tt")) c.number = k;
    else if (p.contains("chủ trì")) c.lead = k;
    else if (p.contains("phối hợp")) c.coordinate = k;
    else if (p.contains("thời gian") || p.contains("thời hạn") || p.contains("hoàn thành") || p.contains("tiến độ"))
      c.deadline = k;
    else if (p.contains("nội dung") || p.contains("nhiệm vụ") || p.contains("công việc")) c.content = k;
  }
  if (c.content < 0 || (c.lead < 0 && c.deadline < 0)) return std::nullopt;
  return c;
}

class TreeBuilder {
 public:
  // `document_has_items`: some paragraph of the body carries a mark;
  // `bullet_roots`: the marks are all bullets (no numbered item).
  TreeBuilder(DirectiveTree& tree, const OperativeTest& operative, bool document_has_items, bool bullet_roots)
      : tree_(tree), operative_(operative), document_has_items_(document_has_items), bullet_roots_(bullet_roots) {}

  // `marker` is the paragraph's own mark; `more_items_follow`: a numbered
  // item comes later in the body.
  void add(const Paragraph& p, const std::optional<ItemMarker>& marker, bool more_items_follow) {
    if (marker && is_bullet_style(marker->style) && stack_.empty() && more_items_follow &&
        tree_.directives.empty() && !bullet_roots_) {
      // Bullets before the first numbered item belong to the preamble.
      return;
    }
    if (!marker) {
      add_unmarked(p);
      return;
    }
    std::string body = p.text.substr(marker->length);
    Directive d;
    d.line = p.line;
    d.text = body;
    insert(std::move(d), *marker);
  }

 private:
  struct Level {
    MarkerStyle style;
    std::vector<Directive>* siblings;
    std::size_t index;
  };

  Directive& at(const Level& l) { return (*l.siblings)[l.index]; }

  void insert(Directive d, const ItemMarker& m) {
    if (m.style == MarkerStyle::section) stack_.clear();
    if (m.style == MarkerStyle::article) {
      while (!stack_.empty() && stack_.back().style != MarkerStyle::section) stack_.pop_back();
    }
    // A style already open: close up to it, the new item is its sibling.
    for (std::size_t k = 0; k < stack_.size(); ++k) {
      if (stack_[k].style == m.style) {
        stack_.resize(k);
        break;
      }
    }
    std::vector<Directive>* siblings = stack_.empty() ? &tree_.directives : &at(stack_.back()).items;
    std::optional<std::string> parent_number;
    bool has_parent = !stack_.empty();
    if (has_parent) parent_number = at(stack_.back()).number;
    std::string label = m.label;
    if (is_bullet_style(m.style)) label = std::to_string(siblings->size() + 1);
    if (m.style == MarkerStyle::sub_number && has_parent) label = label.substr(label.rfind('.') + 1);
    if (is_bullet_style(m.style) && !has_parent) {
      d.number = std::nullopt;  // unnumbered top-level bullets
    } else if (has_parent) {
      if (parent_number) d.number = *parent_number + "." + label;
    } else {
      d.number = label;
    }
    if (m.style == MarkerStyle::section && is_operative_heading(d.text) && d.number)
      tree_.operative_sections.push_back(*d.number);
    split_inline(d);
    siblings->push_back(std::move(d));
    stack_.push_back({m.style, siblings, siblings->size() - 1});
  }

  // "(1) … (2) …" inside the paragraph become items of the directive.
  static void split_inline(Directive& d) {
    auto split = split_inline_items(d.text);
    if (!split) return;
    d.text = split->lead;
    for (const auto& item : split->items) {
      Directive child;
      child.line = d.line;
      child.text = item.text;
      if (d.number) child.number = *d.number + "." + item.label;
      d.items.push_back(std::move(child));
    }
  }

  void add_unmarked(const Paragraph& p) {
    if (stack_.empty() && tree_.directives.empty()) {
      // Before any item: the preamble, unless the document has no items at
      // all, when every operative paragraph is a directive of its own.
      if (!document_has_items_ && operative_(p.text)) add_root_paragraph(p);
      return;
    }
    bool in_article = false;
    for (const auto& l : stack_)
      if (l.style == MarkerStyle::article) in_article = true;
    // Right under a titled item ("2. Công tác thăm hỏi, tặng quà") the
    // paragraph is that item's body, whatever it says.
    Directive* open_item = stack_.empty() ? nullptr : &at(stack_.back());
    bool under_title = open_item && open_item->items.empty() &&
                       open_item->text.find('\n') == std::string::npos && open_item->text.size() < 80 &&
                       !ends_sentence(open_item->text) && !is_bullet_style(stack_.back().style);
    if (under_title) {
      open_item->text += "\n" + p.text;
      return;
    }
    if (!in_article && operative_(p.text)) {
      add_root_paragraph(p);
      return;
    }
    // Continues the item before it (an elaboration, a closing remark).
    Directive* target = stack_.empty() ? &tree_.directives.back() : &at(stack_.back());
    if (!stack_.empty() && is_bullet_style(stack_.back().style) && stack_.size() >= 2) {
      // After bullets, a plain paragraph continues the item that heads them.
      target = &at(stack_[stack_.size() - 2]);
    }
    target->text += (target->text.empty() ? "" : "\n") + p.text;
  }

  void add_root_paragraph(const Paragraph& p) {
    stack_.clear();
    Directive d;
    d.line = p.line;
    d.text = p.text;
    split_inline(d);
    tree_.directives.push_back(std::move(d));
    stack_.push_back({MarkerStyle::dot, &tree_.directives, tree_.directives.size() - 1});
  }

  DirectiveTree& tree_;
  const OperativeTest& operative_;
  const bool document_has_items_;
  const bool bullet_roots_;
  std::vector<Level> stack_;
};

}  // namespace

std::vector<Paragraph> join_paragraphs(const SourceText& source, std::size_t begin, std::size_t end) {
  std::vector<Paragraph> out;
  bool blank_before = true;
  for (std::size_t i = begin; i < end && i < source.lines.size(); ++i) {
    const SourceLine& line = source.lines[i];
    const std::string& t = line.text;
    if (t.empty()) {
      blank_before = true;
      continue;
    }
    bool marked = marker_at_start(t).has_value() || is_table_line(t);
    bool join = false;
    if (!out.empty() && !marked && !is_table_line(out.back().text)) {
      const std::string& prev = out.back().text;
      // A title line ("I- MỤC ĐÍCH, YÊU CẦU", "2. Công tác thăm hỏi") is not
      // continued by the next line unless that line starts in lower case.
      auto marker = marker_at_start(prev);
      std::string prev_body = marker ? prev.substr(marker->length) : prev;
      bool title = is_all_uppercase(prev_body) || (marker && prev_body.size() < 60);
      if (!blank_before) join = starts_with_lowercase(t) || (!ends_sentence(prev) && !title);
      else join = !ends_sentence(prev) && starts_with_lowercase(t);
    }
    if (join) {
      out.back().text += " " + t;
    } else {
      out.push_back({t, line.number, line.indent});
    }
    blank_before = false;
  }
  return out;
}

DirectiveTree read_directives(const std::vector<Paragraph>& paragraphs, const OperativeTest& operative) {
  DirectiveTree tree;
  std::vector<std::optional<ItemMarker>> markers;
  bool bullets = false;
  std::optional<std::size_t> last_numbered;
  for (std::size_t k = 0; k < paragraphs.size(); ++k) {
    markers.push_back(marker_at_start(paragraphs[k].text));
    if (!markers.back()) continue;
    if (is_bullet_style(markers.back()->style)) bullets = true;
    else last_numbered = k;
  }
  TreeBuilder builder(tree, operative, last_numbered || bullets, !last_numbered && bullets);

  std::optional<TableColumns> columns;
  for (std::size_t k = 0; k < paragraphs.size(); ++k) {
    const Paragraph& p = paragraphs[k];
    if (is_table_line(p.text)) {
      auto cells = table_cells(p.text);
      if (auto header = table_header(cells)) {
        columns = header;
        continue;
      }
      bool separator = !cells.empty() && cells[0].find("---") != std::string::npos;
      if (!columns || separator) continue;
      auto cell = [&](int idx) { return idx >= 0 && idx < int(cells.size()) ? cells[std::size_t(idx)] : std::string(); };
      TableRow row{cell(columns->number), cell(columns->content), cell(columns->lead),
                   cell(columns->coordinate), cell(columns->deadline), p.line};
      // Rows that only title a group of rows ("I", "A", or no body, no date) assign nothing.
      bool numbered_row = !row.number.empty() && row.number[0] >= '0' && row.number[0] <= '9';
      if (!numbered_row || (row.lead.empty() && row.deadline.empty() && row.coordinate.empty())) continue;
      tree.table_rows.push_back(row);
      Directive d;
      d.number = "PL." + row.number;
      d.text = row.content;
      d.line = p.line;
      tree.directives.push_back(std::move(d));
      continue;
    }
    // The courtesy closing ("Trân trọng.", "Trân trọng cảm ơn./.") asks nothing.
    if (p.text.size() < 60 && PhraseText{p.text}.starts_with_any({"trân trọng", "xin trân trọng", "xin cảm ơn"}))
      continue;
    builder.add(p, markers[k], last_numbered && k < *last_numbered);
  }
  return tree;
}

}  // namespace cvtrack::workflows
