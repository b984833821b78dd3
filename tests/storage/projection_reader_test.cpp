#include "storage/projection_reader.hpp"

#include <doctest/doctest.h>

#include "engine/clock.hpp"
#include "engine/command_service.hpp"
#include "engine/supervision.hpp"
#include "engine/task_view_json.hpp"
#include "storage/sqlite_event_store.hpp"
#include "storage/sqlite_impl.hpp"
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

  TEST_CASE("issue 6: pages read in index order are the pages of the whole list, ids past 9 and delegated "
            "tasks included") {
    OverdueScenario s;
    // A thirteenth document with eleven tasks (T13.10, T13.11), and T1.1 and
    // T10.1 delegated (T1.1.1, T1.1.2 come between T1.1 and T1.2).
    auto json = test::sample_document_json();
    json["document"]["number"] = "200/UBND-VP";
    auto& third = json["directives"][2]["tasks"];
    for (const char* body : {"phong-yte", "phong-tckh", "ubnd-xa-b", "phong-yte", "ubnd-xa-a", "phong-yte"})
      third.push_back({{"assignee", body}, {"body", body}, {"role", "assignee"}, {"kind", "action"},
                       {"deadline", nullptr}, {"recurrence", nullptr}, {"reports_to", nlohmann::json::array()}});
    REQUIRE(s.service.register_document(*engine::parsed_document_from_json(json), "text 13", "doc.txt",
                                        day("2021-09-07")));
    for (const char* task : {"T1.1", "T10.1"})
      REQUIRE(s.service.execute({task, engine::Delegate{{"phong-yte", "phong-tckh"}, day("2021-09-20"), ""},
                                  std::string("ubnd-huyen"), day("2021-09-08"), ""}));
    using Holders = std::optional<std::vector<std::string>>;
    for (const auto& holders : {Holders{}, Holders{{"phong-yte"}}, Holders{{"phong-yte", "phong-tckh", "ubnd-xa-b"}},
                                Holders{{"ubnd-huyen", "no-such-body", "phong-tckh"}}, Holders{{"no-such-body"}}}) {
      auto all = s.reader.tasks({holders, std::nullopt, std::nullopt});
      REQUIRE(all);
      CAPTURE(all->size());
      for (std::size_t limit : {0u, 1u, 3u, 7u, 100u})
        for (std::size_t offset = 0; offset <= all->size() + 1; offset += (limit ? limit : 1)) {
          CAPTURE(limit);
          CAPTURE(offset);
          auto rows = s.reader.task_rows({holders, {}, {}, {}}, limit, offset);
          REQUIRE(rows);
          CHECK(rows->total == all->size());
          std::size_t expected = offset >= all->size() ? 0 : std::min(limit, all->size() - offset);
          REQUIRE(rows->rows.size() == expected);
          for (std::size_t i = 0; i < expected; ++i) {
            // The row is the stored view and its status columns.
            const auto& want = (*all)[offset + i];
            const auto& row = rows->rows[i];
            auto view = engine::task_view_from_json(nlohmann::json::parse(row.view_json));
            REQUIRE(view);
            CHECK(view->id == want.id);
            CHECK(row.state == want.state);
            CHECK(row.deadline == want.deadline);
            CHECK(row.done_on == want.done_on);
          }
        }
    }
    auto t1 = s.reader.task_page({std::vector<std::string>{"phong-yte"}, {}, {}, {}}, 3);
    REQUIRE(t1);
    REQUIRE(t1->tasks.size() == 3);
    CHECK(t1->tasks[0].id == "T1.1.1");
    CHECK(t1->tasks[1].id == "T1.2");
    CHECK(t1->tasks[2].id == "T1.3");
  }

  TEST_CASE("issue 6: a holder's task page walks tasks_in_id_order and stops, sorting nothing") {
    OverdueScenario s;
    // The queries holders_ids runs (projection_reader.cpp) must use the index
    // schema.hpp creates, with the same expression, or SQLite would read and
    // sort every task of the holders. (For several holders SQLite sorts what
    // it reads, but stops each holder's walk after LIMIT + OFFSET entries.)
    const std::string number = "CAST(substr(id, 2, instr(id, '.') - 2) AS INTEGER)";
    for (const std::string holders : {"?", "?, ?"})
      for (const std::string& sql : {"SELECT " + number + " FROM tasks WHERE 1 AND holder IN (" + holders +
                                         ") ORDER BY " + number + " LIMIT 1 OFFSET ?",
                                     "SELECT id FROM tasks WHERE 1 AND holder IN (" + holders + ") AND " + number +
                                         " <= ?"}) {
        CAPTURE(sql);
        SQLite::Statement plan(s.database->impl().db, "EXPLAIN QUERY PLAN " + sql);
        std::string steps;
        while (plan.executeStep()) steps += plan.getColumn(3).getString() + "; ";
        CAPTURE(steps);
        CHECK(steps.find("USING COVERING INDEX tasks_in_id_order (holder=?") != std::string::npos);
        if (holders == "?") CHECK(steps.find("TEMP B-TREE") == std::string::npos);
      }
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
