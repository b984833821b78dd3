#include "engine/document_key.hpp"

#include "engine/sha256.hpp"

namespace cvtrack::engine {

std::string document_key(const DocumentHeader& header, std::string_view text) {
  if (!header.number) return "text:" + sha256_hex(text);
  return header.issuer.value_or("") + "|" + *header.number + "|" +
         (header.date ? to_iso(*header.date) : std::string());
}

}  // namespace cvtrack::engine
