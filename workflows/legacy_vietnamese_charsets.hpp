// workflows/legacy_vietnamese_charsets.hpp
//
// The two 8-bit "fonts as encodings" Vietnamese offices typed in before
// Unicode (TCVN 6909:2001 became mandatory only in 2003, and archives were
// never all converted), as exact tables of the 134 letters beyond ASCII
// (67 lower-case, 67 capitals; see shared/domain.md §5):
//
// - TCVN3 (ABC, fonts .VnTime/.VnArial): TCVN 5712:1993. Every letter is one
//   byte; the 67 lower-case letters and the capitals Ă Â Ê Ô Ơ Ư Đ sit at
//   0xA1–0xFE; VN1 (glibc's TCVN5712-1) adds the toned capitals at 0x01–0x17,
//   0x80–0x9F and in gaps of the upper half. ABC documents write toned capitals
//   with the lower-case codes and an all-caps font (.VnTimeH), so the decoder
//   restores the case of such letters inside all-caps words.
// - VNI (VNI-Windows, fonts VNI-Times): a base ASCII letter, then one byte for
//   the diacritics (circumflex or breve and tone combined): "Vieät" = Việt;
//   ơ ư đ ì í ỉ ĩ ị ỵ (and capitals) are single bytes.
//
// Bytes that are not letters keep their Windows-1252 meaning (the fonts are
// Windows fonts: “ ” – … sit at 0x80–0x9F).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/result.hpp"

namespace cvtrack::workflows {

// Never fails: every byte means something. The result is UTF-8, NFC.
std::string decode_tcvn3(std::string_view bytes);
std::string decode_vni(std::string_view bytes);

// How an encoder writes toned capitals in TCVN3: with their own codes (the
// standard's VN1 table; exact round trip), or — in words of capitals — with
// the lower-case codes, as ABC documents set such words in an all-caps
// .VnTimeH font (a capital starting a lower-case word keeps its code: the
// lower-case font has no toned capitals, so that case cannot be recovered).
enum class TcvnCapitals { own_codes, all_caps_font };

// `utf8` must be valid UTF-8. A character the encoding cannot write is an
// Error naming it and its byte offset.
engine::Result<std::string> encode_tcvn3(std::string_view utf8,
                                         TcvnCapitals capitals = TcvnCapitals::own_codes);
engine::Result<std::string> encode_vni(std::string_view utf8);

// The 134 letters the tables cover (UTF-8, NFC), lower-case then capital of
// each, in alphabetical order: "à", "À", "á", "Á", …
std::vector<std::string> vietnamese_non_ascii_letters();

}  // namespace cvtrack::workflows
