#include "engine/task_decide.hpp"

#include <doctest/doctest.h>

#include <map>
#include <set>

#include "engine/event_types.hpp"
#include "tests/engine/engine_harness.hpp"

using namespace cvtrack::engine;
using cvtrack::test::day;
using cvtrack::test::EngineHarness;

namespace {

// How to bring T1.1 into each state.
const std::map<TaskState, std::vector<TaskCommand>>& paths() {
  static const std::map<TaskState, std::vector<TaskCommand>> p = {
      {TaskState::assigned, {}},
      {TaskState::acknowledged, {Acknowledge{}}},
      {TaskState::in_progress, {Acknowledge{}, ReportProgress{40, "đang rà soát"}}},
      {TaskState::submitted, {Acknowledge{}, ClaimCompletion{"đã xong"}}},
      {TaskState::returned, {Acknowledge{}, ClaimCompletion{"đã xong"}, ReturnCompletion{"thiếu số liệu"}}},
      {TaskState::done, {Acknowledge{}, ClaimCompletion{"đã xong"}, Approve{""}}},
      {TaskState::cancelled, {CancelTask{"trùng nhiệm vụ"}}},
  };
  return p;
}

struct Row {
  TaskCommand command;
  std::set<TaskState> allowed;
};

// The state machine, written out: every command against every state.
const std::vector<Row>& table() {
  using S = TaskState;
  static const std::vector<Row> rows = {
      {Acknowledge{}, {S::assigned}},
      {ReportProgress{50, "nửa chặng"}, {S::acknowledged, S::in_progress, S::returned}},
      {ClaimCompletion{"xong"}, {S::acknowledged, S::in_progress, S::returned}},
      {Approve{""}, {S::submitted}},
      {ReturnCompletion{"chưa đạt"}, {S::submitted}},
      {ExtendDeadline{day("2021-10-15"), "chờ số liệu"},
       {S::assigned, S::acknowledged, S::in_progress, S::submitted, S::returned}},
      {CancelTask{"không còn cần"}, {S::assigned, S::acknowledged, S::in_progress, S::submitted, S::returned}},
      {Delegate{{"phong-yte"}, std::nullopt, ""}, {S::assigned, S::acknowledged, S::in_progress, S::returned}},
  };
  return rows;
}

}  // namespace

TEST_SUITE("engine/task_decide") {
  TEST_CASE("every command against every state: allowed ones record, the rest are refused and write nothing") {
    for (const auto& row : table()) {
      for (const auto& [state, path] : paths()) {
        CAPTURE(command_name(row.command));
        CAPTURE(to_string(state));
        EngineHarness h;
        for (const auto& step : path) REQUIRE(h.run("T1.1", step));
        REQUIRE(h.task("T1.1").state == state);
        std::size_t before = h.store.size();
        auto result = h.run("T1.1", row.command);
        if (row.allowed.count(state)) {
          CHECK(result);
          CHECK(h.store.size() > before);
        } else {
          REQUIRE_FALSE(result);
          CHECK(result.error().code == ErrorCode::conflict);
          std::string expected = std::string("T1.1: cannot ") + command_name(row.command) + ": the task is " +
                                 to_string(state) + "; " + command_name(row.command) + " applies only to ";
          CHECK(result.error().message.rfind(expected, 0) == 0);
          CHECK(h.store.size() == before);
          CHECK(h.task("T1.1").state == state);
        }
      }
    }
  }

  TEST_CASE("a refused transition names the state and what the command needs") {
    EngineHarness h;
    auto r = h.run("T1.1", Approve{""});
    REQUIRE_FALSE(r);
    CHECK(r.error().message == "T1.1: cannot approve: the task is assigned; approve applies only to a task that is submitted");
  }

  TEST_CASE("the lifecycle with a return: the payload keeps old and new state") {
    EngineHarness h;
    REQUIRE(h.run("T1.1", Acknowledge{}, "ubnd-huyen"));
    REQUIRE(h.run("T1.1", ReportProgress{60, "đã rà soát 6/11 xã"}, "ubnd-huyen"));
    REQUIRE(h.run("T1.1", ClaimCompletion{"đã ban hành phương án"}, "ubnd-huyen", "2021-09-20"));
    auto returned = h.run("T1.1", ReturnCompletion{"thiếu phương án cho xã vùng cao"}, std::nullopt, "2021-09-21");
    REQUIRE(returned);
    CHECK(returned->front().event.type == event_type::completion_returned);
    CHECK(returned->front().event.payload["state"] == nlohmann::json{{"old", "submitted"}, {"new", "returned"}});
    CHECK(returned->front().event.actor == kSecretariat);
    REQUIRE(h.run("T1.1", ClaimCompletion{"đã bổ sung"}, "ubnd-huyen", "2021-10-04"));
    REQUIRE(h.run("T1.1", Approve{"đạt"}, std::nullopt, "2021-10-05"));
    TaskView t = h.task("T1.1");
    CHECK(t.state == TaskState::done);
    CHECK(t.done_on == day("2021-10-04"));
    CHECK(t.approved_on == day("2021-10-05"));
    CHECK(t.progress == 100);
  }

  TEST_CASE("an extension keeps both dates in the log") {
    EngineHarness h;
    auto r = h.run("T1.1", ExtendDeadline{day("2021-10-15"), "chờ hướng dẫn của tỉnh"});
    REQUIRE(r);
    CHECK(r->front().event.payload["deadline"] == nlohmann::json{{"old", "2021-09-30"}, {"new", "2021-10-15"}});
    CHECK(h.task("T1.1").deadline == day("2021-10-15"));
    CHECK(h.task("T1.1").spec.deadline == day("2021-09-30"));
  }

  TEST_CASE("an extension must move the deadline later and give a reason") {
    EngineHarness h;
    std::size_t before = h.store.size();
    auto earlier = h.run("T1.1", ExtendDeadline{day("2021-09-29"), "x"});
    REQUIRE_FALSE(earlier);
    CHECK(earlier.error().message ==
          "T1.1: cannot extend: the new deadline 2021-09-29 is not after the current one, 2021-09-30");
    auto no_reason = h.run("T1.1", ExtendDeadline{day("2021-10-29"), "  "});
    REQUIRE_FALSE(no_reason);
    CHECK(no_reason.error().message == "T1.1: cannot extend: a reason is required");
    CHECK(h.store.size() == before);
  }

  TEST_CASE("issue 7: a task without a deadline cannot be given one before it was assigned") {
    EngineHarness h;
    REQUIRE_FALSE(h.task("T1.4").deadline);
    std::size_t before = h.store.size();
    auto before_document = h.run("T1.4", ExtendDeadline{day("2021-09-01"), "x"});
    REQUIRE_FALSE(before_document);
    CHECK(before_document.error().message ==
          "T1.4: cannot extend: the new deadline 2021-09-01 is before the task was assigned, on 2021-09-07");
    CHECK(h.store.size() == before);
    CHECK(h.run("T1.4", ExtendDeadline{day("2021-09-07"), "x"}));
  }

  TEST_CASE("--as: the holder and bodies above it may act, others are refused and nothing is written") {
    EngineHarness h;
    std::size_t before = h.store.size();
    SUBCASE("a sibling commune") {
      auto r = h.run("T1.2", Acknowledge{}, "ubnd-xa-a");
      REQUIRE_FALSE(r);
      CHECK(r.error().code == ErrorCode::bad_input);
      CHECK(r.error().message ==
            "T1.2: cannot ack: \"ubnd-xa-a\" neither holds the task (held by \"phong-yte\") nor is above its holder");
    }
    SUBCASE("a body below the holder") {
      auto r = h.run("T1.1", Acknowledge{}, "phong-yte");
      REQUIRE_FALSE(r);
      CHECK(r.error().message.find("neither holds the task") != std::string::npos);
    }
    SUBCASE("an unknown body") {
      auto r = h.run("T1.1", Acknowledge{}, "ubnd-tinh");
      REQUIRE_FALSE(r);
      CHECK(r.error().message == "T1.1: cannot ack: --as names unknown body \"ubnd-tinh\"");
    }
    SUBCASE("any body on a task whose holder the directory lacks") {
      auto r = h.run("T1.5", Acknowledge{}, "huyen");
      REQUIRE_FALSE(r);
      CHECK(r.error().message.find("which the directory does not know") != std::string::npos);
    }
    SUBCASE("the holder approving its own claim") {
      REQUIRE(h.run("T1.2", Acknowledge{}, "phong-yte"));
      REQUIRE(h.run("T1.2", ClaimCompletion{"xong"}, "phong-yte"));
      before = h.store.size();
      auto r = h.run("T1.2", Approve{""}, "phong-yte");
      REQUIRE_FALSE(r);
      CHECK(r.error().message == "T1.2: cannot approve: \"phong-yte\" is not above the task's holder \"phong-yte\"");
    }
    CHECK(h.store.size() == before);
    // ... while the holder, and a body above it, may.
    CHECK(h.run("T1.2", CancelTask{"thôi"}, "ubnd-huyen"));
  }

  TEST_CASE("an --as-of before the task's last change is refused") {
    EngineHarness h;
    REQUIRE(h.run("T1.1", Acknowledge{}, std::nullopt, "2021-09-15"));
    auto r = h.run("T1.1", ReportProgress{10, ""}, std::nullopt, "2021-09-14");
    REQUIRE_FALSE(r);
    CHECK(r.error().message ==
          "T1.1: cannot progress: --as-of 2021-09-14 is before the task's last change, on 2021-09-15");
  }

  TEST_CASE("progress outside 0..100 is refused") {
    EngineHarness h;
    REQUIRE(h.run("T1.1", Acknowledge{}));
    auto r = h.run("T1.1", ReportProgress{120, ""});
    REQUIRE_FALSE(r);
    CHECK(r.error().message == "T1.1: cannot progress: progress must be 0 to 100 percent, not 120");
  }

  TEST_CASE("a task that does not exist is not found") {
    EngineHarness h;
    auto r = h.run("T9.9", Acknowledge{});
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::not_found);
    CHECK(r.error().message == "T9.9: no such task");
  }
}

TEST_SUITE("engine/delegation") {
  TEST_CASE("huyện -> xã: UBND huyện delegates to the UBND of its communes, one child task each") {
    EngineHarness h;
    auto r = h.run("T1.1", Delegate{{"ubnd-xa-a", "ubnd-xa-b"}, day("2021-09-24"), "các xã thực hiện"}, "ubnd-huyen");
    REQUIRE(r);
    CHECK(h.task("T1.1").children == std::vector<std::string>{"T1.1.1", "T1.1.2"});
    CHECK(h.task("T1.1.2").spec.body == "ubnd-xa-b");
    CHECK(h.task("T1.1.2").deadline == day("2021-09-24"));
    // UBND huyện directs UBND xã, so it may act on the commune's task; the
    // other commune may not.
    CHECK(h.run("T1.1.1", Acknowledge{}, "ubnd-huyen"));
    CHECK_FALSE(h.run("T1.1.2", Acknowledge{}, "ubnd-xa-a"));
  }

  TEST_CASE("delegating creates child tasks under the holder with the parent's deadline") {
    EngineHarness h;
    auto r = h.run("T1.1", Delegate{{"phong-yte", "phong-tckh"}, std::nullopt, "giao thực hiện"}, "ubnd-huyen");
    REQUIRE(r);
    TaskView parent = h.task("T1.1");
    CHECK(parent.children == std::vector<std::string>{"T1.1.1", "T1.1.2"});
    TaskView child = h.task("T1.1.2");
    CHECK(child.parent == "T1.1");
    CHECK(child.spec.body == "phong-tckh");
    CHECK(child.spec.assignee == "Phòng Tài chính - Kế hoạch");
    CHECK(child.deadline == day("2021-09-30"));
    CHECK(child.state == TaskState::assigned);
    // The child is a task of its own: its holder acts on it.
    CHECK(h.run("T1.1.2", Acknowledge{}, "phong-tckh"));
  }

  TEST_CASE("delegating refuses bodies not under the holder, a later deadline, and duplicates") {
    EngineHarness h;
    std::size_t before = h.store.size();
    auto outside = h.run("T1.1", Delegate{{"phong-yte", "xa-a"}, std::nullopt, ""});
    REQUIRE_FALSE(outside);
    CHECK(outside.error().message == "T1.1: cannot delegate: \"xa-a\" is not under the holder \"ubnd-huyen\"");
    auto later = h.run("T1.1", Delegate{{"phong-yte"}, day("2021-10-30"), ""});
    REQUIRE_FALSE(later);
    CHECK(later.error().message ==
          "T1.1: cannot delegate: the delegated deadline 2021-10-30 is after the task's own, 2021-09-30");
    auto twice = h.run("T1.1", Delegate{{"phong-yte", "phong-yte"}, std::nullopt, ""});
    REQUIRE_FALSE(twice);
    CHECK(h.store.size() == before);
  }
}
