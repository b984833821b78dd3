// `cvtrack tick` and serve's tick read the tasks to tick from the
// projections (CommandService::tick with a DeadlineSource), where tick once
// replayed the whole log. On every real document of tests/fixtures (daily,
// weekly and monthly reports, dated and relative deadlines), with batches
// small enough that every kind of pass comes round several times, both
// record the same events.
#include <doctest/doctest.h>

#include <map>

#include "engine/command_service.hpp"
#include "engine/event_types.hpp"
#include "storage/log_maintenance.hpp"
#include "storage/sqlite_deadline_source.hpp"
#include "storage/sqlite_event_store.hpp"
#include "tests/cli/fixture_documents.hpp"
#include "tests/engine/event_contents.hpp"

using namespace cvtrack;
using namespace cvtrack::engine;

namespace {

TimePoint noon(Date d) { return vietnam_noon(d); }

// Every fixture document, registered on 2/2/2026 (after the newest).
struct Site {
  explicit Site(EngineSettings settings) : service(store, clock, calendar, settings) {
    auto documents = test::fixture_documents();
    REQUIRE(service.register_documents(documents, *parse_iso_date("2026-02-02")));
  }
  std::unique_ptr<storage::SqliteDatabase> db = storage::SqliteDatabase::open(":memory:").value();
  storage::SqliteEventStore store{*db};
  FixedClock clock{noon(*parse_iso_date("2026-02-02"))};
  WeekdaysOnly calendar;
  CommandService service;
};

}  // namespace

TEST_SUITE("cli/tick_real_documents") {
  TEST_CASE("tick from the projections, in small passes, records what tick by replay records") {
    EngineSettings small;
    small.tick_batch = 2;
    Site by_replay{EngineSettings{}}, by_passes{small};
    // Three tasks of a backlog a pass, so the rung passes come round too.
    storage::SqliteDeadlineSource source(*by_passes.db, 3);
    std::map<std::string, int> recorded;
    for (const char* on : {"2026-02-03", "2026-02-16", "2026-03-31", "2026-03-31", "2026-09-30"}) {
      Date today = *parse_iso_date(on);
      by_replay.clock.set(noon(today));
      by_passes.clock.set(noon(today));
      auto replayed = by_replay.service.tick(today);
      auto passed = by_passes.service.tick(today, source);
      REQUIRE(replayed);
      REQUIRE(passed);
      INFO(on);
      CHECK(passed->size() == replayed->size());
      for (const auto& e : *passed) ++recorded[e.event.type];
    }
    // Not vacuous: reports planned for several periodic duties, deadlines
    // passed, reminders given.
    CHECK(recorded[event_type::occurrence_scheduled] > 50);
    CHECK(recorded[event_type::task_overdue] > 10);
    CHECK(test::event_contents(by_passes.store) == test::event_contents(by_replay.store));
    auto verified = storage::verify_log(*by_passes.db);
    REQUIRE(verified);
    INFO(verified->problem);
    CHECK(verified->ok);
  }
}
