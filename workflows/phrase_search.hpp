// workflows/phrase_search.hpp
//
// Finding Vietnamese words and phrases inside a sentence, whatever their case
// or tone placement, while keeping byte offsets into the original text (so a
// match can be cut out and shown as written). The trick is a "shadow": the
// text lower-cased and tone-canonicalised code point by code point, which for
// Vietnamese keeps every byte offset. Needles are written in lower case with
// the tone on the first vowel of open oa/oe/uy ("ủy", "hòa").
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

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

// The lower-case shadow of `text` with identical byte offsets.
std::string lower_shadow(std::string_view text);

// Unicode-aware: is the code point ending just before `pos` (or starting at
// `pos`) a letter or digit?
bool letter_or_digit_before(std::string_view text, std::size_t pos);
bool letter_or_digit_at(std::string_view text, std::size_t pos);

}  // namespace cvtrack::workflows
