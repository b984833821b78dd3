#include "storage/projection_reader.hpp"

#include <doctest/doctest.h>

#include "engine/clock.hpp"
#include "engine/command_service.hpp"
#include "engine/supervision.hpp"
#include "storage/sqlite_event_store.hpp"
#include "tests/engine/engine_fixtures.hpp"

using namespace cvtrack;
using cvtrack::test::day;

namespace {

// Twelve copies of the sample document with their own numbers and
// deadlines (three deadlines, so due dates tie), each with a monthly report
// whose 2021-09-20 occurrence is past due by the date looked at.
struct OverdueScenario {
  std::unique_ptr<storage::SqliteDatabase> database = storage::SqliteDatabase::open(":memory:").value();
  storage::SqliteEventStore store{*database};
  engine::FixedClock clock{engine::vietnam_noon(day("2021-09-07"))};
  engine::WeekdaysOnly calendar;
  engine::CommandService service{store, clock, calendar};
  storage::ProjectionReader reader{*database};

  OverdueScenario() {
    REQUIRE(service.load_directory(test::sample_bodies(), "sample.json", day("2021-09-07")));
    for (int k = 1; k <= 12; ++k) {
      auto json = test::sample_document_json();
      json["document"]["number"] = std::to_string(100 + k) + "/UBND-VP";
      for (auto& task : json["directives"][0]["tasks"])
        task["deadline"] = engine::to_iso(engine::add_days(day("2021-09-30"), -7 * (k % 3)));
      auto doc = *engine::parsed_document_from_json(json);
      REQUIRE(service.register_document(doc, "text " + std::to_string(k), "doc.txt", day("2021-09-07")));
    }
  }
};

void check_pages(OverdueScenario& s, const std::optional<std::vector<std::string>>& holders, engine::Date as_of) {
  auto tasks = s.reader.tasks({holders, std::nullopt, std::nullopt});
  REQUIRE(tasks);
  auto full = engine::overdue_items(*tasks, as_of, s.calendar, {3});
  REQUIRE(full.size() > 10);
  // The total GET /api/overdue gives beside a page.
  auto total = s.reader.overdue_count(holders, as_of);
  REQUIRE(total);
  CHECK(*total == full.size());
  for (std::size_t limit : {1u, 4u, 7u, 50u}) {
    for (std::size_t offset = 0; offset <= full.size() + 1; ++offset) {
      CAPTURE(limit);
      CAPTURE(offset);
      auto page = s.reader.overdue_page(holders, as_of, limit, offset);
      REQUIRE(page);
      std::size_t expected = offset >= full.size() ? 0 : std::min(limit, full.size() - offset);
      REQUIRE(page->size() == expected);
      for (std::size_t i = 0; i < expected; ++i) {
        const auto& want = full[offset + i];
        const auto& got = (*page)[i];
        CHECK(got.task == want.task);
        CHECK(got.period == want.period);
        CHECK(got.due == want.due);
        CHECK(got.days_overdue == want.days_overdue);
        CHECK(got.holder == want.holder);
        CHECK(got.document == want.document);
        CHECK(got.directive == want.directive);
      }
    }
  }
}

}  // namespace

TEST_SUITE("storage/projection_reader") {
  TEST_CASE("issue 6: an overdue page read by key is the same page as the whole overdue list's") {
    OverdueScenario s;
    check_pages(s, std::nullopt, day("2021-10-15"));
  }

  TEST_CASE("issue 6: a page of the task list is that page of the whole list in task id order, with its total") {
    OverdueScenario s;
    for (const auto& holders : {std::optional<std::vector<std::string>>{},
                                std::optional<std::vector<std::string>>{{"phong-yte", "no-such-body"}}}) {
      auto all = s.reader.tasks({holders, std::nullopt, std::nullopt});
      REQUIRE(all);
      REQUIRE(all->size() >= 12);
      for (std::size_t offset : {0u, 1u, 5u, 9u, 30u, 100u}) {
        CAPTURE(offset);
        auto page = s.reader.task_page({holders, {}, {}, {}}, 4, offset);
        REQUIRE(page);
        CHECK(page->total == all->size());
        std::size_t expected = offset >= all->size() ? 0 : std::min<std::size_t>(4, all->size() - offset);
        REQUIRE(page->tasks.size() == expected);
        // T10.1 comes after T9.3, not after T1.3.
        for (std::size_t i = 0; i < expected; ++i) CHECK(page->tasks[i].id == (*all)[offset + i].id);
      }
    }
    // Filters: a document, a state, overdue at a date.
    auto of_d10 = s.reader.task_page({std::nullopt, std::string("D10"), {}, {}}, 50);
    REQUIRE(of_d10);
    CHECK(of_d10->total == s.reader.tasks({std::nullopt, std::string("D10"), std::nullopt})->size());
    for (const auto& t : of_d10->tasks) CHECK(t.document == "D10");
    auto assigned = s.reader.task_page({std::nullopt, {}, std::string("assigned"), {}}, 1000);
    REQUIRE(assigned);
    CHECK(assigned->total == s.reader.tasks({})->size());
    CHECK(s.reader.task_page({std::nullopt, {}, std::string("done"), {}}, 10)->total == 0);
    auto overdue = s.reader.task_page({std::nullopt, {}, {}, day("2021-10-15")}, 1000);
    REQUIRE(overdue);
    CHECK(overdue->total == s.reader.tasks({std::nullopt, std::nullopt, day("2021-10-15")})->size());
  }

  TEST_CASE("issue 6: an overdue page for some holders is the same page as their whole overdue list's") {
    OverdueScenario s;
    check_pages(s, std::vector<std::string>{"phong-yte"}, day("2021-10-15"));
  }

  TEST_CASE("issue 6: a done task leaves the overdue pages") {
    OverdueScenario s;
    auto before = s.reader.overdue_page(std::nullopt, day("2021-10-15"), 500);
    REQUIRE(before);
    REQUIRE(s.service.execute({"T1.1", engine::CancelTask{"trùng"}, std::nullopt, day("2021-09-10"), ""}));
    auto after = s.reader.overdue_page(std::nullopt, day("2021-10-15"), 500);
    REQUIRE(after);
    CHECK(after->size() == before->size() - 1);
    for (const auto& item : *after) CHECK(item.task != "T1.1");
  }
}
