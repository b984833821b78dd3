#include "workflows/text_decoding.hpp"

#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>

#include "workflows/legacy_vietnamese_charsets.hpp"
#include "workflows/vietnamese_syllables.hpp"
#include "workflows/vietnamese_text.hpp"

namespace cvtrack::workflows {

using engine::ErrorCode;
using engine::make_error;

namespace {

// A legacy decoding is taken when this share of its words are syllables
// (the corpus in UTF-8 scores 0.93–0.99: names like "Đak" and typos are not),
// and leads the next candidate by this much.
constexpr double kConvincing = 0.90;
constexpr double kLead = 0.20;
// Fewer Vietnamese words than this cannot tell one table from another.
constexpr int kMinimumWords = 3;

int line_of_offset(std::string_view bytes, std::size_t offset) {
  int line = 1;
  for (std::size_t i = 0; i < offset && i < bytes.size(); ++i)
    if (bytes[i] == '\n') ++line;
  return line;
}

std::string where(std::string_view name, std::string_view bytes, std::size_t offset) {
  return std::string(name) + ":" + std::to_string(line_of_offset(bytes, offset)) + ": byte " + std::to_string(offset);
}

// NFC and LF line ends: how every decoding leaves the text.
std::string finish(std::string_view utf8) {
  std::string nfc = to_nfc(utf8);
  std::string out;
  out.reserve(nfc.size());
  for (std::size_t i = 0; i < nfc.size(); ++i) {
    if (nfc[i] == '\r') {
      out += '\n';
      if (i + 1 < nfc.size() && nfc[i + 1] == '\n') ++i;
    } else {
      out += nfc[i];
    }
  }
  return out;
}

engine::Result<DecodedText> decode_utf16(std::string_view bytes, bool little_endian, TextEncoding encoding,
                                         std::string_view name, std::size_t bom) {
  if ((bytes.size() - bom) % 2 != 0)
    return make_error(ErrorCode::bad_input, std::string(name) + ": the text looks like " + encoding_name(encoding) +
                                                " but has an odd number of bytes (" + std::to_string(bytes.size()) +
                                                "); save it again as UTF-8");
  icu::UnicodeString text;
  for (std::size_t i = bom; i < bytes.size(); i += 2) {
    auto lo = static_cast<unsigned char>(bytes[i]), hi = static_cast<unsigned char>(bytes[i + 1]);
    text.append(char16_t(little_endian ? (hi << 8 | lo) : (lo << 8 | hi)));
  }
  for (int32_t i = 0; i < text.length(); ++i) {
    const char16_t unit = text.charAt(i);
    const bool paired = U16_IS_LEAD(unit) && i + 1 < text.length() && U16_IS_TRAIL(text.charAt(i + 1));
    if (paired) {
      ++i;
    } else if (U16_IS_SURROGATE(unit)) {
      std::string utf8;
      text.tempSubString(0, i).toUTF8String(utf8);
      return make_error(ErrorCode::bad_input, std::string(name) + ":" + std::to_string(line_of_offset(utf8, utf8.size())) +
                                                  ": byte " + std::to_string(bom + std::size_t(i) * 2) +
                                                  " is a lone surrogate: not valid " + encoding_name(encoding));
    }
  }
  std::string utf8;
  text.toUTF8String(utf8);
  return DecodedText{finish(utf8), encoding};
}

// UTF-16 without a byte order mark: Vietnamese in UTF-16 is mostly ASCII
// letters and spaces and Latin-1 vowels, so one byte of most pairs is zero,
// always the same one; 8-bit text has no zero bytes at all.
std::optional<bool> utf16_without_bom(std::string_view bytes) {
  const std::size_t n = std::min<std::size_t>(bytes.size(), 8192) & ~std::size_t(1);
  if (n < 4) return std::nullopt;
  std::size_t zero_even = 0, zero_odd = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    if (bytes[i] == '\0') ++zero_even;
    if (bytes[i + 1] == '\0') ++zero_odd;
  }
  const std::size_t pairs = n / 2;
  if (zero_odd * 10 >= pairs * 3 && zero_even * 20 <= zero_odd) return true;   // little-endian
  if (zero_even * 10 >= pairs * 3 && zero_odd * 20 <= zero_even) return false;  // big-endian
  return std::nullopt;
}

// A binary file can have zero bytes at alternate places too; UTF-16 text
// decodes to letters, digits, punctuation and line ends.
bool reads_as_text(std::string_view utf8) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), int32_t(utf8.size())));
  int32_t plausible = 0, total = 0;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    const UChar32 c = text.char32At(i);
    ++total;
    if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c < 0x250) ||
        (c >= 0x300 && c < 0x370) || (c >= 0x1E00 && c < 0x1F00) || (c >= 0x2000 && c < 0x2070))
      ++plausible;
  }
  return total > 0 && plausible * 20 >= total * 19;
}

std::string decode_windows_1258(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> converter(ucnv_open("windows-1258", &status), ucnv_close);
  if (U_FAILURE(status)) return {};
  icu::UnicodeString text(bytes.data(), int32_t(bytes.size()), converter.get(), status);
  std::string utf8;
  text.toUTF8String(utf8);
  return to_nfc(utf8);
}

struct Candidate {
  TextEncoding encoding;
  std::string text;
  VietnameseScore score;
  double ratio() const { return score.scored == 0 ? 0.0 : score.ratio(); }
};

std::string describe(const Candidate& c) {
  return std::to_string(c.score.valid) + " of " + std::to_string(c.score.scored) + " words";
}

engine::Result<DecodedText> decode_legacy(std::string_view bytes, std::string_view name, std::size_t first_bad) {
  std::array<Candidate, 3> candidates = {Candidate{TextEncoding::tcvn3, decode_tcvn3(bytes), {}},
                                         Candidate{TextEncoding::vni, decode_vni(bytes), {}},
                                         Candidate{TextEncoding::windows_1258, decode_windows_1258(bytes), {}}};
  for (auto& c : candidates) c.score = score_vietnamese_text(c.text);
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.ratio() != b.ratio() ? a.ratio() > b.ratio() : a.score.valid > b.score.valid;
  });
  const Candidate& best = candidates[0];
  const Candidate& next = candidates[1];
  if (best.score.valid >= kMinimumWords && best.ratio() >= kConvincing && best.ratio() - next.ratio() >= kLead)
    return DecodedText{finish(best.text), best.encoding};

  std::string message = where(name, bytes, first_bad) + " is not valid UTF-8, and no legacy encoding reads it as Vietnamese: ";
  if (best.score.valid < kMinimumWords) {
    message += "too few Vietnamese words to tell the encoding (it may be " + encoding_name(best.encoding) + ")";
  } else if (best.ratio() >= kConvincing) {
    message += "it could be " + encoding_name(best.encoding) + " (" + describe(best) + ") or " +
               encoding_name(next.encoding) + " (" + describe(next) + ")";
  } else {
    message += "it looks most like " + encoding_name(best.encoding) + ", but only " + describe(best) +
               " read as Vietnamese (first not: \"" + best.score.first_invalid_word + "\" on line " +
               std::to_string(line_of_offset(best.text, best.score.first_invalid)) + ")";
  }
  return make_error(ErrorCode::bad_input, message + "; convert the document to UTF-8");
}

}  // namespace

std::string encoding_name(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::utf8: return "UTF-8";
    case TextEncoding::utf8_bom: return "UTF-8 (with byte order mark)";
    case TextEncoding::utf16le: return "UTF-16 LE";
    case TextEncoding::utf16be: return "UTF-16 BE";
    case TextEncoding::windows_1258: return "Windows-1258";
    case TextEncoding::tcvn3: return "TCVN3 (ABC)";
    case TextEncoding::vni: return "VNI (VNI-Windows)";
  }
  return "?";
}

engine::Result<DecodedText> decode_text(std::string_view bytes, std::string_view name) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    if (auto bad = first_invalid_utf8(bytes))
      return make_error(ErrorCode::bad_input, where(name, bytes, *bad) +
                                                  " is not valid UTF-8, though the text starts with a UTF-8 byte "
                                                  "order mark; convert the document to UTF-8");
    return DecodedText{finish(bytes.substr(3)), TextEncoding::utf8_bom};
  }
  if (bytes.substr(0, 2) == "\xFF\xFE") return decode_utf16(bytes, true, TextEncoding::utf16le, name, 2);
  if (bytes.substr(0, 2) == "\xFE\xFF") return decode_utf16(bytes, false, TextEncoding::utf16be, name, 2);
  if (auto little = utf16_without_bom(bytes)) {
    auto decoded = decode_utf16(bytes, *little, *little ? TextEncoding::utf16le : TextEncoding::utf16be, name, 0);
    if (decoded && reads_as_text(decoded->text)) return decoded;
  }

  auto bad = first_invalid_utf8(bytes);
  if (!bad) return DecodedText{finish(bytes), TextEncoding::utf8};
  if (auto nul = bytes.find('\0'); nul != std::string_view::npos)
    return make_error(ErrorCode::bad_input, where(name, bytes, nul) + " is NUL: this is a binary file, not a text document");
  return decode_legacy(bytes, name, *bad);
}

engine::Result<std::string> encode_windows_1258(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString decomposed =
      nfd->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), int32_t(utf8.size()))), status);
  // The shape marks go back on their letters; the five tones stay combining.
  icu::UnicodeString text, pending_tone, base;
  auto flush = [&] {
    text += nfc->normalize(base, status);
    text += pending_tone;
    base.remove();
    pending_tone.remove();
  };
  for (int32_t i = 0; i < decomposed.length(); ++i) {
    const char16_t c = decomposed.charAt(i);
    const bool tone = c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
    const bool shape = c == 0x0302 || c == 0x0306 || c == 0x031B;
    if (tone) pending_tone += c;
    else if (shape) base += c;
    else {
      flush();
      base += c;
    }
  }
  flush();
  std::unique_ptr<UConverter, void (*)(UConverter*)> converter(ucnv_open("windows-1258", &status), ucnv_close);
  ucnv_setFromUCallBack(converter.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return make_error(ErrorCode::internal, "ICU has no Windows-1258 converter");
  std::string out(std::size_t(text.length()) * 2 + 16, '\0');
  int32_t written = ucnv_fromUChars(converter.get(), out.data(), int32_t(out.size()), text.getBuffer(), text.length(), &status);
  if (U_FAILURE(status)) return make_error(ErrorCode::bad_input, "the text has a character Windows-1258 cannot write");
  out.resize(std::size_t(written));
  return out;
}

std::string encode_utf16(std::string_view utf8, bool little_endian, bool with_bom) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), int32_t(utf8.size())));
  std::string out;
  auto put = [&](char16_t unit) {
    const char lo = char(unit & 0xFF), hi = char(unit >> 8);
    out += little_endian ? lo : hi;
    out += little_endian ? hi : lo;
  };
  if (with_bom) put(0xFEFF);
  for (int32_t i = 0; i < text.length(); ++i) put(text.charAt(i));
  return out;
}

}  // namespace cvtrack::workflows
