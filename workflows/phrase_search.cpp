#include "workflows/phrase_search.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "workflows/code_point_traits.hpp"
#include "workflows/vietnamese_text.hpp"

namespace cvtrack::workflows {

namespace {

UChar32 decode_at(std::string_view s, std::size_t pos) {
  int32_t i = int32_t(pos);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, int32_t(s.size()), c);
  return c;
}

UChar32 decode_before(std::string_view s, std::size_t pos) {
  int32_t i = int32_t(pos);
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, i, c);
  return c;
}

}  // namespace

std::string lower_shadow(std::string_view text) {
  std::string out;
  out.resize(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = 0, n = int32_t(text.size());
  // canonical_tone() can change the shadow only when it is not plain NFC or
  // tone_may_move() finds an open oa/oe/uy ("hoà", "uỷ"); most clauses have
  // neither. An o/u before a letter beyond ASCII ("quản", "đoàn") is where
  // tone_may_move() looks, so the shadow is searched only from the first one.
  bool nfc_stable = true;
  std::size_t first_cluster = std::string::npos;  // the first o/u before a byte beyond ASCII
  while (i < n) {
    if (bytes[i] < 0x80) {  // ASCII, most bytes of a document
      char c = char(bytes[i]);
      out[std::size_t(i)] = c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
      ++i;
      continue;
    }
    int32_t start = i;
    // The byte before one beyond ASCII was read as ASCII: is it an o or a u?
    if (first_cluster == std::string::npos && start > 0) {
      const char before = char(bytes[start - 1]);
      if (before == 'o' || before == 'O' || before == 'u' || before == 'U') first_cluster = std::size_t(start - 1);
    }
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    const CodePointTraits traits = traits_of(c);
    UChar32 lower = traits.lower;
    // Already lower case (most letters beyond ASCII in a document): its own
    // bytes are what encoding `lower` would write. An ill-formed sequence
    // (negative, kept as is) takes this way too.
    if (lower == c) {
      std::copy(text.data() + start, text.data() + i, out.begin() + start);
      if (!traits.nfc_stable) nfc_stable = false;
      continue;
    }
    char buffer[4];
    int32_t len = 0;
    bool error = false;
    if (lower >= 0) U8_APPEND(reinterpret_cast<uint8_t*>(buffer), len, 4, lower, error);
    // A lower case of another length would move the offsets: keep the original.
    const bool kept = lower < 0 || error || len != i - start;
    const char* from = kept ? text.data() + start : buffer;
    std::copy(from, from + (i - start), out.begin() + start);
    if (!is_nfc_stable(kept ? c : lower)) nfc_stable = false;
  }
  // tone_may_move() asks only about clusters and the byte before each (the q
  // of qu), so its scan starts one byte before the first cluster.
  if (nfc_stable && (first_cluster == std::string::npos ||
                     !tone_may_move(std::string_view(out).substr(first_cluster > 0 ? first_cluster - 1 : 0))))
    return out;
  std::string toned = canonical_tone(out);
  return toned.size() == out.size() ? toned : out;
}

bool letter_or_digit_before(std::string_view text, std::size_t pos) {
  if (pos == 0) return false;
  return traits_of(decode_before(text, pos)).word_char;
}

bool letter_or_digit_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return false;
  return traits_of(decode_at(text, pos)).word_char;
}

PhraseText::PhraseText(std::string text) : text_(std::move(text)), shadow_(lower_shadow(text_)) {}

bool PhraseText::word_bounded(std::size_t at, std::size_t len) const {
  return !letter_or_digit_before(shadow_, at) && !letter_or_digit_at(shadow_, at + len);
}

namespace {

// The bytes most frequent in the shadow of a Vietnamese document, most
// frequent first (counted over the fixtures and the benchmark's documents:
// the space 16%, n and the lead byte of ạ…ỹ 7.5% each, h 6%, …). A byte not
// listed is rarer than every listed one.
constexpr std::string_view kFrequentBytes =
    " n\xE1h\xBB\xC3tcgi\nu\xBAy\xA1,\x91\xA0\xC4" "abvpd\xC6or\x87\xA3km\xA7" "2.";

constexpr std::array<std::uint8_t, 256> byte_frequency_ranks() {
  std::array<std::uint8_t, 256> ranks{};
  for (std::size_t i = 0; i < kFrequentBytes.size(); ++i)
    ranks[static_cast<unsigned char>(kFrequentBytes[i])] = std::uint8_t(kFrequentBytes.size() - i);
  return ranks;
}

// The position of the needle's rarest byte (the first of equals): find()
// looks for it rather than for the first byte, which is most often a common
// letter ('h', 't', 'c', 'đ') met many times in a clause before the needle.
std::size_t rarest_byte(std::string_view needle) {
  static constexpr std::array<std::uint8_t, 256> ranks = byte_frequency_ranks();
  std::size_t best = 0;
  std::uint8_t best_rank = ranks[static_cast<unsigned char>(needle[0])];
  // A byte not listed is as rare as any: the first one ends the scan.
  for (std::size_t i = 1; i < needle.size() && best_rank > 0; ++i) {
    const std::uint8_t rank = ranks[static_cast<unsigned char>(needle[i])];
    if (rank < best_rank) {
      best = i;
      best_rank = rank;
    }
  }
  return best;
}

}  // namespace

std::optional<std::size_t> PhraseText::find(std::string_view needle, std::size_t from) const {
  const std::size_t n = shadow_.size(), m = needle.size();
  if (m == 0) {  // the empty needle stands everywhere: the first word-bounded place
    for (; from <= n; ++from)
      if (word_bounded(from, 0)) return from;
    return std::nullopt;
  }
  // Each place the rarest byte stands is a candidate start, in order: the
  // first that holds the whole needle as whole words is the answer, as a
  // search from its first byte would find.
  const std::size_t k = rarest_byte(needle);
  const char* s = shadow_.data();
  while (from <= n && n - from >= m) {
    const void* hit = std::memchr(s + from + k, needle[k], n - m - from + 1);
    if (!hit) return std::nullopt;
    const std::size_t at = std::size_t(static_cast<const char*>(hit) - s) - k;
    if (std::memcmp(s + at, needle.data(), m) == 0 && word_bounded(at, m)) return at;
    from = at + 1;
  }
  return std::nullopt;
}

std::optional<std::size_t> PhraseText::rfind(std::string_view needle, std::size_t before) const {
  std::size_t limit = before == std::string::npos ? shadow_.size() : before;
  while (true) {
    if (limit == 0 && needle.size() > 0 && shadow_.compare(0, needle.size(), needle) != 0) return std::nullopt;
    std::size_t at = shadow_.rfind(needle, limit == 0 ? 0 : limit - 1);
    if (at == std::string::npos) return std::nullopt;
    if (word_bounded(at, needle.size())) return at;
    if (at == 0) return std::nullopt;
    limit = at;
  }
}

bool PhraseText::starts_with(std::string_view needle, std::size_t at) const {
  // The first byte rules out nearly every needle of a vocabulary list at once,
  // and the second most of the others without a call to compare().
  if (!needle.empty() && (at >= shadow_.size() || shadow_[at] != needle[0])) return false;
  if (needle.size() >= 2 && (at + 1 >= shadow_.size() || shadow_[at + 1] != needle[1])) return false;
  return shadow_.compare(at, needle.size(), needle) == 0 && word_bounded(at, needle.size());
}

bool PhraseText::starts_with_any(std::initializer_list<std::string_view> needles, std::size_t at) const {
  for (auto n : needles)
    if (starts_with(n, at)) return true;
  return false;
}

std::string PhraseText::substr(std::size_t from, std::size_t to) const {
  if (from > text_.size()) return {};
  return text_.substr(from, std::min(to, text_.size()) - from);
}

PhraseList::PhraseList(std::initializer_list<std::string_view> entries)
    : PhraseList(std::vector<std::string_view>(entries)) {}

PhraseList::PhraseList(std::vector<std::string_view> entries) : entries_(std::move(entries)) {
  for (std::size_t i = 0; i < entries_.size(); ++i)
    by_first_byte_[static_cast<unsigned char>(entries_[i].front())].push_back(std::uint16_t(i));
}

const std::vector<std::uint16_t>& PhraseList::candidates_at(const PhraseText& text, std::size_t at) const {
  static const std::vector<std::uint16_t> none;
  if (at >= text.shadow().size()) return none;
  return by_first_byte_[static_cast<unsigned char>(text.shadow()[at])];
}

std::optional<std::size_t> PhraseList::first_at(const PhraseText& text, std::size_t at) const {
  for (std::uint16_t i : candidates_at(text, at))
    if (text.starts_with(entries_[i], at)) return i;
  return std::nullopt;
}

}  // namespace cvtrack::workflows
