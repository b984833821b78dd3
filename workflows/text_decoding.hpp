// workflows/text_decoding.hpp
//
// A document's bytes, in whatever encoding a Vietnamese office saved them,
// as the UTF-8 NFC text with LF line ends the reader takes. Detection:
//
//  1. a byte order mark says UTF-8, UTF-16 LE or UTF-16 BE;
//  2. without one, zero bytes at every other position (ASCII letters and
//     spaces of UTF-16) say UTF-16 LE or BE;
//  3. bytes that are valid UTF-8 are UTF-8 — real text in an 8-bit encoding
//     is never valid UTF-8, so a UTF-8 document is never read as anything else;
//  4. otherwise each legacy encoding (TCVN3, VNI, Windows-1258) decodes the
//     bytes and is scored by the share of its words that are Vietnamese
//     syllables (vietnamese_syllables.hpp); the best is taken when it reads
//     at least 90% of the words and clearly more than the others.
//
// When no encoding convinces, the text is refused with a message naming the
// file, the first byte that is not UTF-8 and its line, and the encoding the
// text looks most like.
#pragma once

#include <string>
#include <string_view>

#include "engine/result.hpp"

namespace cvtrack::workflows {

enum class TextEncoding { utf8, utf8_bom, utf16le, utf16be, windows_1258, tcvn3, vni };

// What messages call it: "UTF-8", "TCVN3 (ABC)", "VNI (VNI-Windows)", …
std::string encoding_name(TextEncoding encoding);

struct DecodedText {
  std::string text;  // UTF-8, NFC, LF line ends
  TextEncoding encoding = TextEncoding::utf8;
};

// `name` names the document in messages ("FILE:LINE: byte N …"). Empty input
// is not an error here (the reader refuses it with its own message).
engine::Result<DecodedText> decode_text(std::string_view bytes, std::string_view name);

// Windows-1258 as Windows writes Vietnamese in it: base letters (â ê ô ă ơ ư
// đ precomposed) followed by combining tone bytes. For tests and tools.
engine::Result<std::string> encode_windows_1258(std::string_view utf8);

// UTF-16 of valid UTF-8, with or without a byte order mark.
std::string encode_utf16(std::string_view utf8, bool little_endian, bool with_bom);

}  // namespace cvtrack::workflows
