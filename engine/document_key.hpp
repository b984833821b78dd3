// engine/document_key.hpp
//
// What makes two registrations the same document: the same issuer, number
// and date (Party numbers restart each term and state numbers each year, so
// the number alone is not a key, shared/domain.md §0.2), or, for a document
// with no number, the same text.
#pragma once

#include <string>
#include <string_view>

#include "engine/document.hpp"

namespace cvtrack::engine {

// "issuer|number|date", or "text:<sha256 of the text>" when the number is
// missing. Issuer and number are compared as printed (NFC).
std::string document_key(const DocumentHeader& header, std::string_view text);

}  // namespace cvtrack::engine
