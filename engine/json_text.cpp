#include "engine/json_text.hpp"

#include "engine/utf8.hpp"

namespace cvtrack::engine {

bool append_json_string(std::string& out, std::string_view text) {
  if (!is_valid_utf8(text)) return false;
  out += '"';
  // Runs of bytes that need no escape are appended at once.
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text, run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        static constexpr char hex[] = "0123456789abcdef";
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 0xF];
      }
    }
  }
  out.append(text, run, text.size() - run);
  out += '"';
  return true;
}

}  // namespace cvtrack::engine
