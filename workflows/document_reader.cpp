#include "workflows/document_reader.hpp"

#include <algorithm>
#include <ostream>
#include <set>

#include "workflows/clause_reader.hpp"
#include "workflows/directive_reader.hpp"
#include "workflows/document_input.hpp"
#include "workflows/header_reader.hpp"
#include "workflows/phrase_search.hpp"
#include "workflows/reference_reader.hpp"
#include "workflows/task_reader.hpp"
#include "workflows/text_source.hpp"

namespace cvtrack::workflows {

using engine::ParsedDocument;

namespace {

std::vector<engine::Reference> collect_references(const SourceText& source, const DocumentFrame& frame) {
  std::vector<engine::Reference> out;
  std::set<std::string> seen;
  if (frame.header.number) seen.insert(*frame.header.number);
  for (std::size_t i = 0; i < source.lines.size(); ++i) {
    if (frame.number_line && *frame.number_line == i) continue;
    // Nơi nhận and the signature cite nothing.
    if (i >= frame.body_end && frame.body_end > frame.body_begin) break;
    for (auto& mention : find_references(source.lines[i].text)) {
      mention.reference.line = source.lines[i].number;
      if (seen.insert(mention.reference.number).second) {
        out.push_back(mention.reference);
        continue;
      }
      // Cited first without its date (in the subject, say), then with it.
      for (auto& r : out)
        if (r.number == mention.reference.number && !r.date) r.date = mention.reference.date;
    }
  }
  return out;
}

// Without a Kính gửi list, the Nơi nhận entries sent to act: not "Như trên",
// not the archive ("Lưu"), not those sent to be informed ("(b/c)", "để biết").
std::vector<std::string> acting_recipients(const engine::DocumentHeader& h) {
  if (!h.recipients.empty()) return h.recipients;
  std::vector<std::string> out;
  for (const auto& entry : h.cc) {
    PhraseText p{entry};
    if (p.starts_with_any({"như", "lưu"}) || p.contains("b/c") || p.contains("để biết") ||
        p.contains("báo cáo") || p.contains("đưa tin") || p.contains("để báo cáo"))
      continue;
    out.push_back(entry);
  }
  return out;
}

void collect_named(const engine::Directive& d, std::vector<std::string>& out) {
  for (const auto& t : d.tasks)
    if (!t.is_default && t.role != engine::TaskRole::coordinate &&
        std::find(out.begin(), out.end(), t.assignee) == out.end())
      out.push_back(t.assignee);
  for (const auto& i : d.items) collect_named(i, out);
}

void replace_blank_defaults(engine::Directive& d, const std::vector<std::string>& holders) {
  std::vector<engine::TaskSpec> tasks;
  for (const auto& t : d.tasks) {
    if (!(t.is_default && t.assignee.empty())) {
      tasks.push_back(t);
      continue;
    }
    for (const auto& h : holders) {
      engine::TaskSpec copy = t;
      copy.assignee = h;
      tasks.push_back(copy);
    }
  }
  d.tasks = std::move(tasks);
  for (auto& i : d.items) replace_blank_defaults(i, holders);
}

// A decision sent "Như Điều 3" has no Kính gửi: its recipients are the bodies
// the execution article names ("… chịu trách nhiệm thi hành Quyết định này").
void give_defaults_to_named_article(ParsedDocument& parsed) {
  if (!parsed.document.recipients.empty()) return;
  for (const auto& entry : parsed.document.cc) {
    PhraseText p{entry};
    if (!p.starts_with("như điều")) continue;
    std::string number = trim(entry.substr(entry.find_last_of(' ') + 1));
    std::vector<std::string> holders;
    for (const auto& d : parsed.directives)
      if (d.number == number) collect_named(d, holders);
    if (holders.empty()) return;
    for (auto& d : parsed.directives) replace_blank_defaults(d, holders);
    auto& w = parsed.warnings;
    w.erase(std::remove_if(w.begin(), w.end(),
                           [](const engine::Warning& x) {
                             return x.message.find("has no Kính gửi list") != std::string::npos;
                           }),
            w.end());
    return;
  }
}

int count_directives(const std::vector<engine::Directive>& ds) {
  int n = 0;
  for (const auto& d : ds) n += 1 + count_directives(d.items);
  return n;
}

}  // namespace

engine::Result<ParsedDocument> read_document_text(std::string_view bytes, std::string_view source_name,
                                                  const ReadOptions& options) {
  auto source = make_source_text(bytes, source_name, options.max_bytes);
  if (!source) return source.error();
  DocumentFrame frame = read_frame(*source);

  ParsedDocument parsed;
  parsed.document = frame.header;
  parsed.warnings = frame.warnings;
  parsed.document.references = collect_references(*source, frame);

  auto paragraphs = join_paragraphs(*source, frame.body_begin, frame.body_end);
  DirectiveTree tree = read_directives(paragraphs, is_operative_paragraph);
  parsed.directives = std::move(tree.directives);

  TaskReadingContext context;
  context.deadlines.document_date = parsed.document.date;
  context.deadlines.effective_date = effective_date_in(parsed.directives, parsed.document.date);
  context.deadlines.calendar = options.calendar;
  context.deadlines.before_means_day_before = options.before_means_day_before;
  context.recipients = parsed.document.recipients;
  context.default_holders = acting_recipients(parsed.document);
  context.operative_sections = tree.operative_sections;
  context.table_rows = tree.table_rows;
  read_tasks(parsed.directives, context, parsed.warnings);
  give_defaults_to_named_article(parsed);

  if (parsed.directives.empty())
    parsed.warnings.push_back({frame.body_begin < source->lines.size() ? source->lines[frame.body_begin].number : 0,
                               "no directives were found in the body of the document"});
  return parsed;
}

engine::Result<ParsedDocument> read_document_file(const std::filesystem::path& path, const ReadOptions& options) {
  auto input = read_document_input(path, options.max_bytes);
  if (!input) return input.error();
  return read_document_text(input->text, path.string(), options);
}

namespace {

void print_directive(const engine::Directive& d, std::ostream& out, int depth) {
  std::string indent(std::size_t(depth) * 2, ' ');
  std::string text = d.text.substr(0, d.text.find('\n'));
  if (text.size() > 90) {
    std::size_t cut = 90;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut) + "…";
  }
  out << indent << (d.number ? *d.number : "•") << "  (line " << d.line << ") " << text << "\n";
  for (const auto& t : d.tasks) {
    out << indent << "    → " << (t.is_default ? "[recipient] " : "") << (t.assignee.empty() ? "?" : t.assignee);
    if (t.body) out << " {" << *t.body << "}";
    if (t.role != engine::TaskRole::assignee) out << " (" << engine::to_string(t.role) << ")";
    if (t.kind == engine::TaskKind::report) out << " report";
    if (!t.reports_to.empty()) {
      out << " to ";
      for (std::size_t k = 0; k < t.reports_to.size(); ++k) out << (k ? ", " : "") << t.reports_to[k];
    }
    if (t.deadline) out << " by " << engine::to_iso(*t.deadline) << (t.deadline_time ? " " + *t.deadline_time : "");
    if (t.relative_deadline)
      out << " within " << t.relative_deadline->amount << " " << engine::to_string(t.relative_deadline->unit)
          << " of " << t.relative_deadline->from;
    if (t.recurrence) out << " [" << engine::to_string(*t.recurrence) << "]";
    out << "\n";
  }
  for (const auto& item : d.items) print_directive(item, out, depth + 1);
}

}  // namespace

void print_summary(const ParsedDocument& parsed, std::ostream& out) {
  const auto& h = parsed.document;
  auto field = [&](const char* name, const std::optional<std::string>& value) {
    out << name << (value ? *value : "—") << "\n";
  };
  field("Loại văn bản (kind):   ", h.kind);
  field("Cơ quan ban hành:      ", h.issuer);
  field("Cơ quan cấp trên:      ", h.parent);
  field("Số, ký hiệu:           ", h.number);
  out << "Ngày:                  " << (h.date ? engine::to_iso(*h.date) : "—") << "\n";
  field("Địa danh:              ", h.place);
  field("Trích yếu:             ", h.subject);
  field("Độ khẩn:               ", h.urgency);
  out << "Kính gửi:\n";
  for (const auto& r : h.recipients) out << "  - " << r << "\n";
  out << "Nơi nhận:\n";
  for (const auto& r : h.cc) out << "  - " << r << "\n";
  out << "Người ký:              " << h.signer.capacity.value_or("") << (h.signer.capacity ? " / " : "")
      << h.signer.title.value_or("") << " — " << h.signer.name.value_or("(không có tên)") << "\n";
  out << "Văn bản dẫn chiếu:\n";
  for (const auto& r : h.references)
    out << "  - " << r.number << (r.date ? " (" + engine::to_iso(*r.date) + ")" : "") << "\n";
  out << "\nDirectives (" << count_directives(parsed.directives) << "):\n";
  for (const auto& d : parsed.directives) print_directive(d, out, 1);
}

}  // namespace cvtrack::workflows
