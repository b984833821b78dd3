// PhraseList answers what a walk through its entries in order answers, on
// every position of every line of the corpus, for the reader's vocabulary.
#include "workflows/phrase_search.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "tests/workflows/fixture_text.hpp"
#include "workflows/directive_vocabulary.hpp"

using namespace cvtrack::workflows;

namespace {

std::optional<std::size_t> first_by_walking(const PhraseList& list, const PhraseText& text, std::size_t at) {
  for (std::size_t i = 0; i < list.size(); ++i)
    if (text.starts_with(list[i], at)) return i;
  return std::nullopt;
}

}  // namespace

TEST_SUITE("workflows/phrase_search") {
  TEST_CASE("a phrase list finds the first entry a walk through it finds, everywhere in the corpus") {
    const PhraseList* lists[] = {&vocabulary::subject_terminators(), &vocabulary::body_head_words(),
                                 &vocabulary::request_verbs(),       &vocabulary::leading_adverbials(),
                                 &vocabulary::collective_nouns(),    &vocabulary::level_words()};
    std::size_t found = 0, differ = 0;
    std::string first_difference;
    for (const std::string& line : cvtrack::test::fixture_lines()) {
      const PhraseText text{line};
      for (std::size_t at = 0; at <= line.size(); ++at) {
        for (const PhraseList* list : lists) {
          auto walked = first_by_walking(*list, text, at);
          found += walked.has_value();
          if (list->first_at(text, at) == walked) continue;
          if (differ++ == 0) first_difference = line.substr(at, 40);
        }
      }
    }
    CAPTURE(first_difference);
    CHECK(differ == 0);
    CHECK(found > 1000);
  }

  TEST_CASE("a phrase list keeps its order: the first entry that matches wins") {
    const PhraseList verbs = {"giao nhiệm vụ cho", "giao cho", "giao"};
    const PhraseText text{"Giao cho UBND huyện"};
    CHECK(verbs.first_at(text, 0) == 1u);
    CHECK(verbs.first_at(text, 5) == std::nullopt);
    CHECK_FALSE(verbs.any_at(text, text.size()));
  }
}
