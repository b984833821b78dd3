// workflows/vietnamese_text.hpp
//
// Unicode handling for Vietnamese, on ICU. Text enters cvtrack as UTF-8 and is
// normalised to NFC at the edge; names are compared through fold(), which also
// makes the old and new tone placements equal ("hoà"/"hòa", "uỷ"/"ủy",
// "thuỷ"/"thủy"), because both are valid NFC and both occur in real documents.
// Never compare Vietnamese by byte-wise lower-casing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cvtrack::workflows {

// Byte offset of the first byte that is not part of valid UTF-8, or nullopt.
std::optional<std::size_t> first_invalid_utf8(std::string_view bytes);

// True for a code point with NFC quick check "yes" and combining class 0:
// text made only of such code points is NFC (UAX #15). Ill-formed ones
// (negative) answer false.
bool is_nfc_stable(std::int32_t code_point);

// True when every code point of `text` is NFC-stable (see above): the text
// is then valid UTF-8 (first_invalid_utf8() finds nothing) and NFC already
// (to_nfc() gives it back unchanged). False for ill-formed bytes.
bool is_nfc_stable_text(std::string_view text);

// REQUIRES: valid UTF-8.
std::string to_nfc(std::string_view text);

// Moves the tone mark of open "oa", "oe", "uy" syllables to the first vowel
// ("hoà" -> "hòa", "uỷ" -> "ủy", "khoẻ" -> "khỏe"); "quý", "hoàng" unchanged.
// Input and output are NFC.
std::string canonical_tone(std::string_view text);

// True when canonical_tone() could move a tone mark in `text`: a plain o/u
// (not the u of qu) followed by an a/e/y that carries a tone mark and ends
// the word ("hoà", "uỷ", "khoẻ"). For NFC text, false means canonical_tone()
// gives the text back unchanged, so callers may skip it.
bool tone_may_move(std::string_view text);

// The comparison key for names: NFC, full case folding, canonical tone
// placement, runs of white space collapsed to one space, trimmed.
std::string fold(std::string_view text);

// fold() and then every diacritic removed, đ -> d: the loosest key, for
// matching text the conversion or a typist may have garbled.
std::string fold_ascii(std::string_view text);

std::string to_upper(std::string_view text);
std::string to_lower(std::string_view text);

// True when the first letter of `text` is a lower-case letter (any script).
bool starts_with_lowercase(std::string_view text);
// True when the text has letters and none of them is lower case ("HUYỆN ỦY").
bool is_all_uppercase(std::string_view text);

// Capitalises the first letter ("tăng cường" -> "Tăng cường").
std::string capitalize_first(std::string_view text);

}  // namespace cvtrack::workflows
