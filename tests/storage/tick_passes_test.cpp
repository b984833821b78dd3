// Tick over the projections (CommandService::tick with a DeadlineSource):
// the same events as tick by replay of the log, in passes of
// EngineSettings::tick_batch periodic tasks, and the runtime's tick timer
// posting each pass as its own command.
#include <doctest/doctest.h>

#include <set>

#include <boost/asio/io_context.hpp>

#include "engine/event_types.hpp"
#include "engine/reporting_schedule.hpp"
#include "engine/runtime.hpp"
#include "storage/schema.hpp"
#include "storage/sqlite_deadline_source.hpp"
#include "tests/engine/event_contents.hpp"
#include "tests/storage/sample_site.hpp"

using namespace cvtrack;
using namespace cvtrack::engine;
using cvtrack::test::day;
using cvtrack::test::SampleSite;

namespace {

// The SQLite source, counting the questions a tick pass asks: one pass
// asks one of these two.
struct CountingSource final : DeadlineSource {
  explicit CountingSource(const DeadlineSource& real) : real(real) {}
  Result<std::vector<TaskView>> tasks_due_by(Date deadline_until, Date occurrence_until) const override {
    ++due_by;
    return real.tasks_due_by(deadline_until, occurrence_until);
  }
  Result<std::optional<Date>> earliest_deadline(Date from) const override { return real.earliest_deadline(from); }
  Result<std::vector<DueSlot>> deadline_slots(Date from, int dates) const override {
    return real.deadline_slots(from, dates);
  }
  Result<std::vector<DueSlot>> occurrence_slots(Date from, int dates) const override {
    return real.occurrence_slots(from, dates);
  }
  Result<std::vector<TaskView>> periodic_tasks(const std::string& after, std::size_t limit) const override {
    ++periodic;
    afters.insert(after);
    return real.periodic_tasks(after, limit);
  }
  const DeadlineSource& real;
  mutable int due_by = 0, periodic = 0;
  mutable std::set<std::string> afters;
};

int count(const std::vector<RecordedEvent>& events, const char* type) {
  int n = 0;
  for (const auto& e : events) n += e.event.type == type;
  return n;
}

}  // namespace

TEST_SUITE("storage/tick_passes") {
  TEST_CASE("tick over the projections records what tick by replay records, a task a pass") {
    SampleSite by_replay, by_passes;
    EngineSettings one_a_pass;
    one_a_pass.tick_batch = 1;
    CommandService passes{by_passes.store, by_passes.clock, by_passes.calendar, one_a_pass};
    storage::SqliteDeadlineSource source(*by_passes.db);
    // A month on, the monthly report is planned and its first occurrence is
    // missed; a year on, a backlog of both.
    int occurrences = 0, overdue = 0;
    for (const char* on : {"2021-09-08", "2021-09-27", "2021-10-05", "2021-10-05", "2022-09-30"}) {
      by_replay.clock.set(test::noon(on));
      by_passes.clock.set(test::noon(on));
      auto replayed = by_replay.service.tick(day(on));
      auto passed = passes.tick(day(on), source);
      REQUIRE(replayed);
      REQUIRE(passed);
      CHECK(passed->size() == replayed->size());
      occurrences += count(*passed, event_type::occurrence_scheduled);
      overdue += count(*passed, event_type::task_overdue);
    }
    CHECK(occurrences > 12);
    CHECK(overdue == 2);
    CHECK(test::event_contents(by_passes.store) == test::event_contents(by_replay.store));
    by_passes.check_projections();
  }

  TEST_CASE("the open periodic tasks' index holds exactly the cadences that have occurrences") {
    // Its WHERE lists the cadences in SQL; is_periodic is the engine's word.
    for (auto r : {Recurrence::continuous, Recurrence::daily, Recurrence::weekly, Recurrence::monthly,
                   Recurrence::quarterly, Recurrence::half_yearly, Recurrence::yearly, Recurrence::on_event}) {
      bool listed = std::string(storage::kOpenPeriodicTasksV8).find(std::string("'") + to_string(r) + "'") !=
                    std::string::npos;
      INFO(to_string(r));
      CHECK(listed == is_periodic(r));
    }
  }

  TEST_CASE("the runtime's tick timer posts each pass on its own until the tick is over, until stopped") {
    SampleSite s;
    EngineSettings one_a_pass;
    one_a_pass.tick_batch = 1;
    CommandService service{s.store, s.clock, s.calendar, one_a_pass};
    storage::SqliteDeadlineSource sqlite(*s.db);
    CountingSource source(sqlite);
    boost::asio::io_context io;
    Runtime runtime(io.get_executor(), service);
    int overdue = 0, occurrences = 0;
    runtime.subscribe([&](const RecordedEvent& e) {
      overdue += e.event.type == event_type::task_overdue;
      occurrences += e.event.type == event_type::occurrence_scheduled;
    });
    runtime.start_ticking(std::chrono::milliseconds(1), [] { return day("2021-10-05"); }, source);
    io.run_for(std::chrono::milliseconds(30));
    runtime.stop();
    io.run_for(std::chrono::milliseconds(5));
    CHECK(overdue == 2);      // T1.1 and T1.2, once each however often tick ran
    CHECK(occurrences == 1);  // the monthly report's October (registration planned September)
    // One periodic task a pass (the monthly report, T1.3), then the one
    // after it (none), then the rungs: every pass was a command of its own.
    CHECK(source.afters == std::set<std::string>{"", "T1.3"});
    CHECK(source.due_by > 0);
    CHECK(runtime.group_stats().commands == std::uint64_t(source.periodic + source.due_by));
  }
}
