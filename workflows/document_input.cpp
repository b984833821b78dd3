#include "workflows/document_input.hpp"

#include "workflows/docx_text.hpp"
#include "workflows/text_decoding.hpp"
#include "workflows/text_source.hpp"
#include "workflows/vietnamese_text.hpp"

namespace cvtrack::workflows {

using engine::ErrorCode;
using engine::make_error;

namespace {

constexpr std::size_t kDocxFactor = 8;

std::string too_long(std::string_view name, std::size_t size, std::size_t limit) {
  return std::string(name) + ": the document is " + std::to_string(size) + " bytes, more than the limit of " +
         std::to_string(limit);
}

}  // namespace

engine::Result<DocumentInput> document_input_from_bytes(std::string_view bytes, std::string_view name,
                                                        std::size_t max_bytes) {
  const std::string where(name);
  if (looks_like_zip(bytes)) {
    if (bytes.size() > max_bytes * kDocxFactor)
      return make_error(ErrorCode::bad_input, too_long(name, bytes.size(), max_bytes * kDocxFactor));
    DocxLimits limits;
    limits.max_part_bytes = std::max(limits.max_part_bytes, max_bytes * 16);
    auto text = docx_to_text(bytes, name, limits);
    if (!text) return text.error();
    if (first_invalid_utf8(*text))
      return make_error(ErrorCode::bad_input, where + ": word/document.xml holds text that is not UTF-8");
    return DocumentInput{to_nfc(*text), "Word .docx", true};
  }
  if (bytes.size() > max_bytes) return make_error(ErrorCode::bad_input, too_long(name, bytes.size(), max_bytes));
  if (bytes.substr(0, 4) == std::string_view("\xD0\xCF\x11\xE0", 4))
    return make_error(ErrorCode::bad_input,
                      where + ": a Word 97-2003 .doc (or another OLE file); save it as .docx or as UTF-8 text");
  if (bytes.substr(0, 5) == "%PDF-")
    return make_error(ErrorCode::bad_input, where + ": a PDF; save the document as .docx or as UTF-8 text");
  auto decoded = decode_text(bytes, name);
  if (!decoded) return decoded.error();
  const bool plain = decoded->encoding == TextEncoding::utf8;
  return DocumentInput{std::move(decoded->text), encoding_name(decoded->encoding), !plain};
}

engine::Result<DocumentInput> read_document_input(const std::filesystem::path& path, std::size_t max_bytes) {
  auto bytes = read_file_bytes(path, max_bytes * kDocxFactor);
  if (!bytes) return bytes.error();
  return document_input_from_bytes(*bytes, path.string(), max_bytes);
}

}  // namespace cvtrack::workflows
