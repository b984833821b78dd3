// cli::events_json_text writes a command's events as serve answers them,
// without building the JSON tree; it must be events_json().dump() with
// invalid text replaced, byte for byte, for every kind of event: checked on
// the whole log of every real document of tests/fixtures, registered and
// then acted on (the register's events carry each document's full text).
#include <doctest/doctest.h>

#include <set>

#include "cli/commands/output_format.hpp"
#include "engine/event_types.hpp"
#include "tests/cli/lived_fixtures.hpp"

using namespace cvtrack;
using namespace cvtrack::engine;
using cvtrack::test::day;
using nlohmann::json;

namespace {

std::string through_nlohmann(const std::vector<RecordedEvent>& events) {
  return cli::events_json(events).dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

TEST_SUITE("cli/events_json_text") {
  TEST_CASE("issue 6: every event of the real documents' log is written as events_json().dump()") {
    test::EngineHarness h;
    test::live_fixture_documents(h);

    auto log = h.store.read_all();
    REQUIRE(log);
    std::set<std::string> types;
    for (const auto& e : *log) {
      types.insert(e.event.type);
      std::vector<RecordedEvent> one{e};
      CAPTURE(e.seq);
      REQUIRE(cli::events_json_text(one) == through_nlohmann(one));
    }
    // A command's several events, and the whole log at once.
    CHECK(cli::events_json_text(*log) == through_nlohmann(*log));
    CHECK(cli::events_json_text({}) == "[]");
    // The kinds of event the log was meant to hold, so the check above saw them.
    namespace et = event_type;
    for (const char* type : {et::directory_loaded, et::document_registered, et::task_assigned, et::task_acknowledged,
                             et::progress_reported, et::completion_claimed, et::deadline_extended, et::task_cancelled,
                             et::task_delegated, et::report_submitted, et::task_overdue})
      CHECK_MESSAGE(types.count(type) == 1, type);
  }

  TEST_CASE("text that is not UTF-8 is replaced as nlohmann replaces it") {
    test::EngineHarness h;  // the sample directory and document: their events
    auto log = h.store.read_all();
    REQUIRE(log);
    REQUIRE(log->size() >= 2);
    std::vector<RecordedEvent> events(log->end() - 2, log->end());
    events.front().event.actor = "ubnd-\xff";
    events.front().event.payload["note"] = "đến \xe1\xba thôn";
    std::string text = cli::events_json_text(events);
    CHECK(text == through_nlohmann(events));
    CHECK(text.find("ubnd-\xef\xbf\xbd") != std::string::npos);  // U+FFFD
  }
}
