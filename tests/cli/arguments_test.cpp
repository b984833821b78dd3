#include "cli/arguments.hpp"

#include <doctest/doctest.h>

using namespace cvtrack::cli;

TEST_SUITE("cli/arguments") {
  TEST_CASE("positional arguments, flags and options in any order") {
    auto a = parse_arguments({"--json", "doc.txt", "--db=x.db", "--as-of", "2021-09-30"},
                             {"--db", "--as-of"}, {"--json"});
    REQUIRE(a);
    CHECK(a->positional == std::vector<std::string>{"doc.txt"});
    CHECK(a->flag("--json"));
    CHECK(a->option("--db") == "x.db");
    CHECK(a->option("--as-of") == "2021-09-30");
  }

  TEST_CASE("an unknown option or a missing value is refused, naming it") {
    auto a = parse_arguments({"--jsn"}, {}, {"--json"});
    REQUIRE_FALSE(a);
    CHECK(a.error().message == "unknown option --jsn");
    auto b = parse_arguments({"--db"}, {"--db"}, {});
    REQUIRE_FALSE(b);
    CHECK(b.error().message == "option --db needs a value");
  }
}
