#include "engine/supervision.hpp"

#include <doctest/doctest.h>

#include "engine/apply.hpp"
#include "tests/engine/engine_harness.hpp"

using namespace cvtrack::engine;
using cvtrack::test::day;
using cvtrack::test::EngineHarness;

namespace {
std::vector<TaskView> tasks_of(EngineHarness& h) { return h.service.snapshot()->task_list(); }
}  // namespace

TEST_SUITE("engine/supervision") {
  TEST_CASE("overdue lists late tasks and missed reports, oldest first, with days overdue") {
    EngineHarness h;
    REQUIRE(h.run("T1.2", Acknowledge{}, "phong-yte"));
    REQUIRE(h.run("T1.2", ClaimCompletion{"xong"}, "phong-yte", "2021-09-28"));
    REQUIRE(h.run("T1.2", Approve{""}, std::nullopt, "2021-09-29"));
    auto items = overdue_items(tasks_of(h), day("2021-10-05"), h.calendar, {});
    REQUIRE(items.size() == 2);
    CHECK(items[0].task == "T1.3");
    CHECK(items[0].period == "2021-09");
    CHECK(items[0].days_overdue == 15);
    CHECK(items[1].task == "T1.1");
    CHECK_FALSE(items[1].period);
    CHECK(items[1].days_overdue == 5);
    CHECK(items[1].holder == "ubnd-huyen");
  }

  TEST_CASE("the matrix shows one symbol per directive and body") {
    EngineHarness h;
    REQUIRE(h.run("T1.2", CancelTask{"trùng"}, std::nullopt, "2021-09-08"));
    Matrix m = build_matrix({"1", "2", "3"}, tasks_of(h), day("2021-10-01"), h.calendar, {});
    CHECK(m.directives == std::vector<std::string>{"1", "2", "3"});
    CHECK(m.bodies == std::vector<std::string>{"ubnd-huyen", "phong-yte", "ubnd-xa-a", "Các đơn vị"});
    CHECK(m.cells.at({"1", "ubnd-huyen"}) == "!");
    CHECK(m.cells.at({"1", "phong-yte"}) == "x");
    CHECK(m.cells.at({"2", "phong-yte"}) == "-");
    CHECK(m.cells.count({"2", "ubnd-huyen"}) == 0);
  }

  TEST_CASE("stats count every category per body and in total") {
    EngineHarness h;
    REQUIRE(h.run("T1.1", Acknowledge{}, "ubnd-huyen"));
    REQUIRE(h.run("T1.1", ClaimCompletion{"xong"}, "ubnd-huyen", "2021-10-01"));
    REQUIRE(h.run("T1.1", Approve{""}, std::nullopt, "2021-10-02"));
    Stats s = build_stats(tasks_of(h), day("2021-09-28"), h.calendar, {});
    CHECK(s.by_body.at("ubnd-huyen").done_late == 1);
    CHECK(s.by_body.at("phong-yte").in_progress_on_time == 1);
    CHECK(s.by_body.at("phong-yte").due_soon == 1);
    CHECK(s.by_body.at("phong-yte").no_deadline == 1);
    CHECK(s.total.total == 5);
    CHECK(s.total.no_deadline == 3);
  }

  TEST_CASE("ids sort in reading order, numbers as numbers") {
    CHECK(id_less("T1.2", "T1.10"));
    CHECK_FALSE(id_less("T1.10", "T1.2"));
    CHECK(id_less("T1.9", "T2.1"));
    CHECK(id_less("T1.2", "T1.2.1"));
    CHECK(id_less("D2", "D10"));
    CHECK_FALSE(id_less("T1.2", "T1.2"));
  }
}
