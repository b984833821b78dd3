#include "workflows/text_source.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>

#include "workflows/vietnamese_text.hpp"

namespace cvtrack::workflows {

using engine::ErrorCode;
using engine::make_error;

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

int line_of_offset(std::string_view bytes, std::size_t offset) {
  int line = 1;
  for (std::size_t i = 0; i < offset && i < bytes.size(); ++i)
    if (bytes[i] == '\n') ++line;
  return line;
}

}  // namespace

std::string trim(std::string_view text) {
  std::size_t b = 0, e = text.size();
  while (b < e && is_space(text[b])) ++b;
  while (e > b && is_space(text[e - 1])) --e;
  // Non-breaking spaces (U+00A0) from office converters count as space too.
  while (e - b >= 2 && text.substr(b, 2) == "\xC2\xA0") b += 2;
  while (e - b >= 2 && text.substr(e - 2, 2) == "\xC2\xA0") e -= 2;
  return std::string(text.substr(b, e - b));
}

std::string strip_markdown(std::string_view line) {
  // Most lines have neither: they are only trimmed.
  if (std::none_of(line.begin(), line.end(), [](char c) { return c == '*' || c == '\t'; })) return trim(line);
  std::string out(line.size(), ' ');
  std::size_t n = 0;
  for (char c : line) {
    if (c == '*') continue;  // bold, italic and stray stars alike
    out[n++] = c == '\t' ? ' ' : c;
  }
  out.resize(n);
  return trim(out);
}

std::vector<std::string> split_columns(const std::string& raw) {
  std::vector<std::string> cells;
  auto push = [&](std::size_t b, std::size_t e) {
    std::string cell = strip_markdown(std::string_view(raw).substr(b, e - b));
    if (!cell.empty()) cells.push_back(std::move(cell));
  };
  std::size_t start = 0, i = 0;
  while (i < raw.size()) {
    // Three spaces, compared in place (a compare() call at every space of the
    // body was a fifth of what splitting cost).
    if (raw[i] == '\t' || (raw[i] == ' ' && i + 2 < raw.size() && raw[i + 1] == ' ' && raw[i + 2] == ' ')) {
      push(start, i);
      while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t')) ++i;
      start = i;
    } else {
      ++i;
    }
  }
  push(start, raw.size());
  return cells;
}

engine::Result<std::string> read_file_bytes(const std::filesystem::path& path, std::size_t max_bytes) {
  const std::string name = path.string();
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status))
    return make_error(ErrorCode::not_found, name + ": no such file");
  if (std::filesystem::is_directory(status))
    return make_error(ErrorCode::bad_input, name + ": is a directory, not a document");
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > max_bytes)
    return make_error(ErrorCode::bad_input, name + ": the document is " + std::to_string(size) +
                                                " bytes, more than the limit of " +
                                                std::to_string(max_bytes));
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCode::bad_input, name + ": cannot be read (permission denied?)");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return make_error(ErrorCode::bad_input, name + ": read error");
  return buffer.str();
}

engine::Result<SourceText> make_source_text(std::string_view bytes, std::string_view name,
                                            std::size_t max_bytes) {
  const std::string where(name);
  if (bytes.size() > max_bytes)
    return make_error(ErrorCode::bad_input, where + ": the document is " + std::to_string(bytes.size()) +
                                                " bytes, more than the limit of " +
                                                std::to_string(max_bytes));
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF"))
    return make_error(ErrorCode::bad_input,
                      where + ": the text is UTF-16 (byte order mark); save it as UTF-8");
  if (auto nul = bytes.find('\0'); nul != std::string_view::npos)
    return make_error(ErrorCode::bad_input, where + ":" + std::to_string(line_of_offset(bytes, nul)) +
                                                ": byte " + std::to_string(nul) +
                                                " is NUL: this is a binary file, not a text document");
  // Nearly every document is made of NFC-stable code points only: one pass
  // says it is valid UTF-8 and NFC already, and its bytes are the text.
  const bool nfc_already = is_nfc_stable_text(bytes);
  if (auto bad = nfc_already ? std::nullopt : first_invalid_utf8(bytes))
    return make_error(ErrorCode::bad_input,
                      where + ":" + std::to_string(line_of_offset(bytes, *bad)) + ": byte " +
                          std::to_string(*bad) + " is not valid UTF-8 (a legacy encoding such as "
                          "Windows-1258, TCVN3 or VNI?); convert the document to UTF-8");
  const bool blank = std::all_of(bytes.begin(), bytes.end(), [](char c) { return is_space(c) || c == '\n'; });
  if (blank) return make_error(ErrorCode::bad_input, where + ": the document is empty");

  SourceText source;
  source.name = where;
  std::string normalized;
  std::string_view nfc = bytes;
  if (!nfc_already) nfc = normalized = to_nfc(bytes);
  // One line a '\n' and one more: growing the list line by line moved every
  // line already read each time it doubled.
  std::size_t line_count = 1;
  for (std::size_t at = nfc.find('\n'); at != std::string_view::npos; at = nfc.find('\n', at + 1)) ++line_count;
  source.lines.reserve(line_count);
  std::size_t start = 0;
  int number = 0;
  while (start <= nfc.size()) {
    std::size_t end = nfc.find('\n', start);
    if (end == std::string::npos) end = nfc.size();
    std::string raw(nfc.substr(start, end - start));
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    SourceLine line;
    line.number = ++number;
    int indent = 0;
    for (char c : raw) {
      if (c == ' ') indent += 1;
      else if (c == '\t') indent += 4;
      else break;
    }
    line.indent = indent;
    line.text = strip_markdown(raw);
    line.raw = std::move(raw);
    source.lines.push_back(std::move(line));
    if (end == nfc.size()) break;
    start = end + 1;
  }
  return source;
}

}  // namespace cvtrack::workflows
