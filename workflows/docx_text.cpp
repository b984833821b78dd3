#include "workflows/docx_text.hpp"

#include <zip.h>

#include <memory>
#include <optional>
#include <vector>

#include "workflows/docx_numbering.hpp"
#include "workflows/docx_xml.hpp"

namespace cvtrack::workflows {

using engine::ErrorCode;
using engine::make_error;
using namespace docx;

namespace {

using Archive = std::unique_ptr<zip_t, void (*)(zip_t*)>;

void discard(zip_t* archive) { zip_discard(archive); }

engine::Result<Archive> open_archive(std::string_view bytes, const std::string& name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!source) {
    zip_error_fini(&error);
    return make_error(ErrorCode::internal, name + ": cannot read the zip archive");
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!archive) {
    zip_source_free(source);
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    return make_error(ErrorCode::bad_input, name + ": not a readable .docx (the zip archive is broken: " + why + ")");
  }
  zip_error_fini(&error);
  return Archive(archive, discard);
}

// One part of the archive, unpacked no further than the limit whatever its
// header claims; nullopt when the archive has no such part.
engine::Result<std::optional<std::string>> read_part(zip_t* archive, const char* part, const std::string& name,
                                                     const DocxLimits& limits) {
  const zip_int64_t index = zip_name_locate(archive, part, 0);
  if (index < 0) return std::optional<std::string>();
  const std::string where = name + ": " + part;
  const std::string too_big = where + " unpacks to more than " + std::to_string(limits.max_part_bytes) +
                              " bytes (a zip bomb?); refused";
  zip_stat_t stat;
  if (zip_stat_index(archive, zip_uint64_t(index), 0, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE) &&
      stat.size > limits.max_part_bytes)
    return make_error(ErrorCode::bad_input, too_big);
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen_index(archive, zip_uint64_t(index), 0), zip_fclose);
  if (!file) return make_error(ErrorCode::bad_input, where + ": cannot be unpacked (" + zip_strerror(archive) + ")");
  std::string out;
  char buffer[64 * 1024];
  for (;;) {
    const zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
    if (n < 0)
      return make_error(ErrorCode::bad_input, where + ": cannot be unpacked (" + zip_file_strerror(file.get()) + ")");
    if (n == 0) break;
    if (out.size() + std::size_t(n) > limits.max_part_bytes) return make_error(ErrorCode::bad_input, too_big);
    out.append(buffer, std::size_t(n));
  }
  return std::optional<std::string>(std::move(out));
}

std::string node_text(const xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  std::string out = content ? reinterpret_cast<const char*>(content) : "";
  xmlFree(content);
  return out;
}

// Walks word/document.xml's body into paragraphs of text.
class BodyWriter {
 public:
  explicit BodyWriter(Numbering& numbering) : numbering_(numbering) {}

  void blocks(const xmlNode* parent, std::vector<std::string>& out) {
    for (const xmlNode* n = parent->children; n; n = n->next) {
      if (is_w(n, "p")) {
        std::vector<std::string> boxes;
        out.push_back(paragraph(n, boxes));
        out.insert(out.end(), boxes.begin(), boxes.end());
      } else if (is_w(n, "tbl")) {
        table(n, out);
      } else if (is_w(n, "sdt")) {
        if (const xmlNode* content = w_child(n, "sdtContent")) blocks(content, out);
      } else if (is_w(n, "customXml") || is_w(n, "ins") || is_w(n, "moveTo")) {
        blocks(n, out);
      }
    }
  }

 private:
  std::string paragraph(const xmlNode* p, std::vector<std::string>& boxes) {
    std::string text;
    const xmlNode* properties = w_child(p, "pPr");
    if (const xmlNode* number = w_child(properties, "numPr")) {
      const int id = std::atoi(w_attribute(w_child(number, "numId"), "val").c_str());
      const int level = std::atoi(w_attribute(w_child(number, "ilvl"), "val").c_str());
      std::string label = id > 0 ? numbering_.next_label(id, level) : "";
      if (!label.empty()) text = label + " ";
    }
    inline_content(p, text, boxes);
    return text;
  }

  void inline_content(const xmlNode* parent, std::string& text, std::vector<std::string>& boxes) {
    for (const xmlNode* n = parent->children; n; n = n->next) {
      if (is_w(n, "r")) {
        run(n, text, boxes);
      } else if (is_w(n, "del") || is_w(n, "moveFrom") || is_w(n, "pPr")) {
        continue;  // deleted in tracked changes; or properties
      } else if (is_w(n, "sdt")) {
        if (const xmlNode* content = w_child(n, "sdtContent")) inline_content(content, text, boxes);
      } else if (n->type == XML_ELEMENT_NODE) {
        inline_content(n, text, boxes);  // w:ins, w:hyperlink, w:smartTag, w:fldSimple, …
      }
    }
  }

  void run(const xmlNode* r, std::string& text, std::vector<std::string>& boxes) {
    if (w_flag(w_child(r, "rPr"), "vanish")) return;  // hidden text
    for (const xmlNode* n = r->children; n; n = n->next) {
      if (is_w(n, "t")) text += node_text(n);
      else if (is_w(n, "tab")) text += '\t';
      else if (is_w(n, "br") || is_w(n, "cr")) text += '\n';
      else if (is_w(n, "noBreakHyphen")) text += '-';
      else if (is_w(n, "drawing") || is_w(n, "pict") || is_mc(n, "AlternateContent")) text_boxes(n, boxes);
    }
  }

  // A text box's paragraphs follow the paragraph that anchors it. Of
  // mc:AlternateContent only the first choice is read: the fallback repeats it.
  void text_boxes(const xmlNode* parent, std::vector<std::string>& boxes) {
    for (const xmlNode* n = parent->children; n; n = n->next) {
      if (is_mc(n, "Fallback")) continue;
      if (is_w(n, "txbxContent")) {
        blocks(n, boxes);
        continue;
      }
      if (n->type == XML_ELEMENT_NODE) text_boxes(n, boxes);
      if (is_mc(n, "Choice")) break;
    }
  }

  std::vector<const xmlNode*> cells_of(const xmlNode* row) {
    std::vector<const xmlNode*> cells;
    for (const xmlNode* c = row->children; c; c = c->next) {
      if (is_w(c, "tc")) cells.push_back(c);
      else if (is_w(c, "sdt"))
        if (const xmlNode* content = w_child(c, "sdtContent"))
          for (const xmlNode* inner = content->children; inner; inner = inner->next)
            if (is_w(inner, "tc")) cells.push_back(inner);
    }
    return cells;
  }

  void table(const xmlNode* tbl, std::vector<std::string>& out) {
    std::vector<std::vector<const xmlNode*>> rows;
    std::size_t columns = 0;
    for (const xmlNode* r = tbl->children; r; r = r->next) {
      if (!is_w(r, "tr")) continue;
      rows.push_back(cells_of(r));
      columns = std::max(columns, rows.back().size());
    }
    if (columns >= 3) {
      out.push_back(pipe_rows(rows));
      return;
    }
    for (const auto& row : rows)
      for (const xmlNode* cell : row) blocks(cell, out);
  }

  // "| 1 | Xây dựng đề cương | Ban Tuyên giáo | … |", a cell's paragraphs
  // joined by spaces; "|---|…" under the header row.
  std::string pipe_rows(const std::vector<std::vector<const xmlNode*>>& rows) {
    std::string out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
      std::string line = "|";
      for (const xmlNode* cell : rows[r]) {
        std::vector<std::string> paragraphs;
        blocks(cell, paragraphs);
        std::string joined;
        for (const auto& p : paragraphs) {
          if (p.empty()) continue;
          if (!joined.empty()) joined += ' ';
          joined += p;
        }
        for (char& c : joined)
          if (c == '\n' || c == '\t') c = ' ';
          else if (c == '|') c = '/';
        line += " " + joined + " |";
      }
      if (!out.empty()) out += '\n';
      out += line;
      if (r == 0) {
        out += "\n|";
        for (std::size_t k = 0; k < rows[r].size(); ++k) out += "---|";
      }
    }
    return out;
  }

  Numbering& numbering_;
};

}  // namespace

bool looks_like_zip(std::string_view bytes) { return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4); }

engine::Result<std::string> docx_to_text(std::string_view bytes, std::string_view name_view, const DocxLimits& limits) {
  const std::string name(name_view);
  auto archive = open_archive(bytes, name);
  if (!archive) return archive.error();
  auto document_xml = read_part(archive->get(), "word/document.xml", name, limits);
  if (!document_xml) return document_xml.error();
  if (!*document_xml)
    return make_error(ErrorCode::bad_input, name + ": a zip archive without word/document.xml: not a Word .docx");
  auto numbering_xml = read_part(archive->get(), "word/numbering.xml", name, limits);
  if (!numbering_xml) return numbering_xml.error();

  Numbering numbering;
  if (*numbering_xml) {
    auto parsed = parse_part(**numbering_xml, name + ": word/numbering.xml");
    if (!parsed) return parsed.error();
    numbering = Numbering(parsed->get());
  }
  auto document = parse_part(**document_xml, name + ": word/document.xml");
  if (!document) return document.error();
  const xmlNode* root = xmlDocGetRootElement(document->get());
  const xmlNode* body = is_w(root, "document") ? w_child(root, "body") : nullptr;
  if (!body) return make_error(ErrorCode::bad_input, name + ": word/document.xml has no w:document/w:body");

  std::vector<std::string> paragraphs;
  BodyWriter(numbering).blocks(body, paragraphs);
  std::string text;
  for (std::size_t i = 0; i < paragraphs.size(); ++i) text += (i ? "\n\n" : "") + paragraphs[i];
  return text + "\n";
}

}  // namespace cvtrack::workflows
