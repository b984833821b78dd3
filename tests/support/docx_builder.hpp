// tests/support/docx_builder.hpp
//
// Builds .docx files in memory for the tests, with libzip: the parts a Word
// document needs, with the WordprocessingML the test writes, so each test
// shows the XML it feeds the reader. Also turns a text export back into a
// .docx, one w:p per paragraph, so the two can be compared.
#pragma once

#include <zip.h>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace cvtrack::test {

using ZipEntries = std::vector<std::pair<std::string, std::string>>;

// A zip archive (deflated) holding `entries`, as bytes.
inline std::string make_zip(const ZipEntries& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* memory = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(memory);
  zip_t* archive = zip_open_from_source(memory, ZIP_TRUNCATE, &error);
  if (!archive) throw std::runtime_error("zip_open_from_source failed");
  for (const auto& [name, data] : entries) {
    zip_source_t* source = zip_source_buffer_create(data.data(), data.size(), 0, &error);
    zip_int64_t index = zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) throw std::runtime_error("zip_file_add failed");
    zip_set_file_compression(archive, zip_uint64_t(index), ZIP_CM_DEFLATE, 9);
  }
  if (zip_close(archive) != 0) throw std::runtime_error("zip_close failed");
  std::string bytes;
  if (zip_source_open(memory) == 0) {
    zip_source_seek(memory, 0, SEEK_END);
    bytes.resize(std::size_t(zip_source_tell(memory)));
    zip_source_seek(memory, 0, SEEK_SET);
    zip_source_read(memory, bytes.data(), bytes.size());
    zip_source_close(memory);
  }
  zip_source_free(memory);
  zip_error_fini(&error);
  return bytes;
}

inline std::string xml_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

// word/document.xml around `body` (w:p, w:tbl … elements).
inline std::string document_xml(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
         "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>" +
         body + "<w:sectPr/></w:body></w:document>";
}

// A .docx of word/document.xml (and any other parts), with the content
// types and relationships Word writes.
inline std::string make_docx(const std::string& document, ZipEntries more = {}) {
  ZipEntries entries = {
      {"[Content_Types].xml",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" "
       "ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" "
       "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"},
      {"_rels/.rels",
       "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
       "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
       "Target=\"word/document.xml\"/></Relationships>"},
      {"word/document.xml", document}};
  for (auto& e : more) entries.push_back(std::move(e));
  return make_zip(entries);
}

// One paragraph of runs, the lines of `text` separated by w:br.
inline std::string paragraph_xml(const std::string& text) {
  std::string runs;
  std::size_t start = 0;
  for (;;) {
    std::size_t end = text.find('\n', start);
    std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (start > 0) runs += "<w:r><w:br/></w:r>";
    if (!line.empty()) runs += "<w:r><w:t xml:space=\"preserve\">" + xml_escape(line) + "</w:t></w:r>";
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return "<w:p>" + runs + "</w:p>";
}

// A text export as the .docx it came from: every blank-line-separated block a
// paragraph, its lines joined by line breaks — so the .docx's text is the
// export's, line for line.
inline std::string docx_from_text(const std::string& text) {
  std::string body;
  std::size_t start = 0;
  for (;;) {
    std::size_t end = text.find("\n\n", start);
    body += paragraph_xml(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 2;
  }
  return make_docx(document_xml(body));
}

}  // namespace cvtrack::test
