// tests/storage/sample_site.hpp
//
// The sample document (tests/engine/engine_fixtures.hpp) registered on
// 7/9/2021 in a SQLite database, with the service over it: what the storage
// tests that follow a task through commands start from.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include <doctest/doctest.h>

#include "engine/command_service.hpp"
#include "storage/log_maintenance.hpp"
#include "storage/sqlite_event_store.hpp"
#include "storage/sqlite_impl.hpp"
#include "tests/engine/engine_fixtures.hpp"

namespace cvtrack::test {

// 12:00 in Vietnam on `date`.
inline engine::TimePoint noon(const char* date) {
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::sys_days(day(date))) + std::chrono::hours(5);
}

// Schema 9's change taken back (storage/schema.hpp): the two holder
// indexes it merged.
inline constexpr const char* kSchema9Undone = R"sql(
  DROP INDEX tasks_in_id_order;
  CREATE INDEX tasks_in_id_order ON tasks (holder, CAST(substr(id, 2, instr(id, '.') - 2) AS INTEGER), id);
  CREATE INDEX tasks_by_holder ON tasks (holder, state, deadline, done_on, id);
)sql";

// Where the migration test of schema 8 starts.
inline const std::string kBackToSchema8 = std::string(kSchema9Undone) + "PRAGMA user_version = 8;";

// Schema 9's, 8's and 7's changes taken back: where the migration tests of
// schema 6 and older start.
inline const std::string kBackToSchema6 = std::string(kSchema9Undone) + R"sql(
  DROP INDEX open_periodic_tasks;
  DROP INDEX open_tasks_by_deadline;
  DROP INDEX open_tasks_by_holder;
  ALTER TABLE tasks DROP COLUMN is_open;
  CREATE INDEX open_tasks_by_deadline ON tasks (deadline, id) WHERE state NOT IN ('done', 'cancelled');
  CREATE INDEX open_tasks_by_holder ON tasks (holder, deadline, id) WHERE state NOT IN ('done', 'cancelled');
  PRAGMA user_version = 6;
)sql";

struct SampleSite {
  // ":memory:", or a file when another connection must open it too.
  explicit SampleSite(const std::string& path = ":memory:") : db(storage::SqliteDatabase::open(path).value()) {
    REQUIRE(service.load_directory(sample_bodies(), "sample.json", day("2021-09-07")));
    REQUIRE(service.register_document(sample_document(), kSampleText, "s.txt", day("2021-09-07")));
  }
  SQLite::Database& raw() { return db->impl().db; }

  // As the holder (a unit's moves) or, with `as` null, the secretariat.
  void run(const char* task, engine::TaskCommand command, const char* on, std::optional<std::string> as = std::nullopt) {
    auto done = service.execute({task, std::move(command), std::move(as), day(on), ""});
    INFO((done ? std::string() : done.error().message));
    REQUIRE(done);
  }

  // The projections equal a replay of the log.
  void check_projections() {
    auto report = storage::verify_log(*db);
    REQUIRE(report);
    INFO(report->problem);
    CHECK(report->ok);
  }

  std::unique_ptr<storage::SqliteDatabase> db;
  storage::SqliteEventStore store{*db};
  engine::FixedClock clock{noon("2021-09-07")};
  engine::WeekdaysOnly calendar;
  engine::CommandService service{store, clock, calendar};
};

}  // namespace cvtrack::test
