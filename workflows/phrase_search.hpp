// workflows/phrase_search.hpp
//
// Finding Vietnamese words and phrases inside a sentence, whatever their case
// or tone placement, while keeping byte offsets into the original text (so a
// match can be cut out and shown as written). The trick is a "shadow": the
// text lower-cased and tone-canonicalised code point by code point, which for
// Vietnamese keeps every byte offset. Needles are written in lower case with
// the tone on the first vowel of open oa/oe/uy ("ủy", "hòa").
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cvtrack::workflows {

class PhraseText {
 public:
  explicit PhraseText(std::string text);

  const std::string& text() const { return text_; }
  const std::string& shadow() const { return shadow_; }
  std::size_t size() const { return text_.size(); }

  // First occurrence of `needle` as whole words at or after `from`.
  std::optional<std::size_t> find(std::string_view needle, std::size_t from = 0) const;
  // Last occurrence starting before `before`.
  std::optional<std::size_t> rfind(std::string_view needle, std::size_t before = std::string::npos) const;
  bool contains(std::string_view needle) const { return find(needle).has_value(); }
  // Does the text (after `at`) start with the needle as whole words?
  bool starts_with(std::string_view needle, std::size_t at = 0) const;
  bool starts_with_any(std::initializer_list<std::string_view> needles, std::size_t at = 0) const;

  std::string substr(std::size_t from, std::size_t to) const;

 private:
  bool word_bounded(std::size_t at, std::size_t len) const;
  std::string text_;
  std::string shadow_;
};

// A vocabulary list asked about one position of a sentence ("does a verb
// start here?"). Entries are kept by their first byte, so only those that
// can match are compared: the reader asks at every word of a body list, and
// comparing a list of 190 verbs entry by entry was most of reading one.
// Entries are lower case with canonical tone (see above), none empty.
class PhraseList {
 public:
  // The entries are views: string literals, or text that outlives the list.
  PhraseList(std::initializer_list<std::string_view> entries);
  explicit PhraseList(std::vector<std::string_view> entries);

  std::size_t size() const { return entries_.size(); }
  std::string_view operator[](std::size_t i) const { return entries_[i]; }
  auto begin() const { return entries_.begin(); }
  auto end() const { return entries_.end(); }

  // The entries that could start at `at` (their first byte is the shadow's
  // there), as indices in list order.
  const std::vector<std::uint16_t>& candidates_at(const PhraseText& text, std::size_t at) const;
  // The first entry of the list that text.starts_with() at `at`.
  std::optional<std::size_t> first_at(const PhraseText& text, std::size_t at) const;
  bool any_at(const PhraseText& text, std::size_t at) const { return first_at(text, at).has_value(); }

 private:
  std::vector<std::string_view> entries_;
  std::array<std::vector<std::uint16_t>, 256> by_first_byte_;
};

// The lower-case shadow of `text` with identical byte offsets.
std::string lower_shadow(std::string_view text);

// Unicode-aware: is the code point ending just before `pos` (or starting at
// `pos`) a letter or digit?
bool letter_or_digit_before(std::string_view text, std::size_t pos);
bool letter_or_digit_at(std::string_view text, std::size_t pos);

}  // namespace cvtrack::workflows
