#include "cli/serve/request_target.hpp"

namespace cvtrack::serve {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

engine::Result<std::string> decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+' && plus_is_space) {
      out += ' ';
    } else if (c == '%') {
      int hi = i + 1 < text.size() ? hex_value(text[i + 1]) : -1;
      int lo = i + 2 < text.size() ? hex_value(text[i + 2]) : -1;
      if (hi < 0 || lo < 0)
        return engine::make_error(engine::ErrorCode::bad_input,
                                  "malformed percent-encoding in \"" + std::string(text) + "\"");
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += c;
    }
  }
  if (out.find('\0') != std::string::npos)
    return engine::make_error(engine::ErrorCode::bad_input, "a NUL byte in the request target");
  return out;
}

}  // namespace

engine::Result<RequestTarget> parse_target(std::string_view target) {
  RequestTarget out;
  auto question = target.find('?');
  std::string_view path = target.substr(0, question);
  if (path.empty() || path[0] != '/')
    return engine::make_error(engine::ErrorCode::bad_input, "the request target must start with '/'");
  std::size_t start = 1;
  while (start <= path.size()) {
    auto slash = path.find('/', start);
    std::string_view raw = path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (!raw.empty()) {
      auto segment = decode(raw, false);
      if (!segment) return segment.error();
      if (*segment == "." || *segment == ".." || segment->find('/') != std::string::npos ||
          segment->find('\\') != std::string::npos)
        return engine::make_error(engine::ErrorCode::bad_input,
                                  "path segment \"" + std::string(raw) + "\" is not allowed");
      out.segments.push_back(std::move(*segment));
    }
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  if (question == std::string_view::npos) return out;
  std::string_view query = target.substr(question + 1);
  while (!query.empty()) {
    auto amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    if (!pair.empty()) {
      auto eq = pair.find('=');
      auto key = decode(pair.substr(0, eq), true);
      if (!key) return key.error();
      auto value = decode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1), true);
      if (!value) return value.error();
      out.query[*key] = *value;
    }
    if (amp == std::string_view::npos) break;
    query = query.substr(amp + 1);
  }
  return out;
}

}  // namespace cvtrack::serve
