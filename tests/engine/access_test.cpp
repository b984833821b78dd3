// Who may read and act, over the real Sông Hinh directory and tasks shaped
// like those of its 281-CV/HU (tests/fixtures/song-hinh-281-CV-HU.txt): UBND
// huyện leads directive 8 and delegates it to communes; a Huyện ủy board holds
// another; Đảng ủy xã holds a third; "Các cơ quan, đơn vị" resolves to no body.
#include "engine/access.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <set>

#include "engine/task_decide.hpp"

using namespace cvtrack::engine;

namespace {

const BodyRegistry& song_hinh() {
  static const BodyRegistry registry = [] {
    std::ifstream in(std::string(CVTRACK_FIXTURES_DIR) + "/../../workflows/data/directories/song-hinh-2021.json");
    REQUIRE(in);
    auto loaded = BodyRegistry::from_json(nlohmann::json::parse(in).at("bodies"));
    REQUIRE(loaded.ok());
    return *loaded;
  }();
  return registry;
}

TaskView task(const char* id, std::optional<std::string> body, const char* assignee,
              TaskState state = TaskState::assigned) {
  TaskView t;
  t.id = id;
  t.version = 1;
  t.document = "D1";
  t.spec.assignee = assignee;
  t.spec.body = std::move(body);
  t.state = state;
  return t;
}

const TaskView kHuyenDuty = task("T1.8", "ubnd-huyen", "UBND huyện");
const TaskView kEaBiaPart = task("T1.8.1", "ubnd-xa-ea-bia", "UBND xã Ea Bia");
const TaskView kEaLyPart = task("T1.8.2", "ubnd-xa-ea-ly", "UBND xã Ea Ly");
const TaskView kPropaganda = task("T1.3", "ban-tuyen-giao-huyen-uy", "Ban Tuyên giáo Huyện ủy");
const TaskView kEaBiaParty = task("T1.4", "dang-uy-xa-ea-bia", "Đảng ủy xã Ea Bia");
const TaskView kUnresolved = task("T1.1", std::nullopt, "Các cơ quan, đơn vị");

const Principal kSecretariatToken{"tok1", "secretariat", Role::secretariat};
const Principal kUbndHuyen{"tok2", "ubnd-huyen", Role::unit};
const Principal kUbndEaBia{"tok3", "ubnd-xa-ea-bia", Role::unit};
const Principal kHuyenUySupervisor{"tok4", "huyen-uy", Role::supervisor};
const Principal kHuyenSupervisor{"tok5", "huyen", Role::supervisor};
const Principal kUbndHuyenSupervisor{"tok6", "ubnd-huyen", Role::supervisor};

struct Row {
  const Principal& who;
  const TaskView& task;
  bool reads;
  bool unit_commands;      // ack, progress, complete, report, delegate
  bool assigner_commands;  // approve, return, extend, cancel
};

// The policy, written out.
const std::vector<Row>& table() {
  static const std::vector<Row> rows = {
      // The secretariat: everything, even what the directory does not know.
      {kSecretariatToken, kHuyenDuty, true, true, true},
      {kSecretariatToken, kEaBiaPart, true, true, true},
      {kSecretariatToken, kUnresolved, true, true, true},
      // UBND huyện's unit: acts on its own duty, approves its communes' parts.
      {kUbndHuyen, kHuyenDuty, true, true, false},
      {kUbndHuyen, kEaBiaPart, true, false, true},
      {kUbndHuyen, kEaLyPart, true, false, true},
      {kUbndHuyen, kPropaganda, false, false, false},
      {kUbndHuyen, kEaBiaParty, false, false, false},
      {kUbndHuyen, kUnresolved, false, false, false},
      // A commune's unit: its own part only; not its neighbour's, not the
      // duty above it, not the party committee beside it.
      {kUbndEaBia, kEaBiaPart, true, true, false},
      {kUbndEaBia, kEaLyPart, false, false, false},
      {kUbndEaBia, kHuyenDuty, false, false, false},
      {kUbndEaBia, kEaBiaParty, false, false, false},
      {kUbndEaBia, kUnresolved, false, false, false},
      // Supervisors read their line and never act.
      {kHuyenUySupervisor, kPropaganda, true, false, false},
      {kHuyenUySupervisor, kEaBiaParty, true, false, false},
      {kHuyenUySupervisor, kHuyenDuty, false, false, false},
      {kHuyenUySupervisor, kEaBiaPart, false, false, false},
      {kHuyenSupervisor, kEaBiaPart, true, false, false},
      {kHuyenSupervisor, kEaBiaParty, true, false, false},
      {kHuyenSupervisor, kHuyenDuty, false, false, false},
      {kUbndHuyenSupervisor, kHuyenDuty, true, false, false},
      {kUbndHuyenSupervisor, kEaLyPart, true, false, false},
      {kUbndHuyenSupervisor, kPropaganda, false, false, false},
      {kUbndHuyenSupervisor, kUnresolved, false, false, false},
  };
  return rows;
}

const std::vector<std::string> kUnitCommands = {"ack", "progress", "complete", "report", "delegate"};
const std::vector<std::string> kAssignerCommands = {"approve", "return", "extend", "cancel"};

}  // namespace

TEST_SUITE("engine/access") {
  TEST_CASE("every principal against every task: read, unit commands, assigner commands") {
    for (const auto& row : table()) {
      CAPTURE(row.who.body);
      CAPTURE(role_name(row.who.role));
      CAPTURE(row.task.id);
      Status read = may_read_task(row.who, row.task, song_hinh());
      CHECK(read.ok() == row.reads);
      if (!read) CHECK(read.error().code == ErrorCode::forbidden);
      for (const auto& command : kUnitCommands) {
        CAPTURE(command);
        Status s = may_run(row.who, row.task, command, song_hinh());
        CHECK(s.ok() == row.unit_commands);
        if (!s) CHECK(s.error().code == ErrorCode::forbidden);
      }
      for (const auto& command : kAssignerCommands) {
        CAPTURE(command);
        Status s = may_run(row.who, row.task, command, song_hinh());
        CHECK(s.ok() == row.assigner_commands);
        if (!s) CHECK(s.error().code == ErrorCode::forbidden);
      }
    }
  }

  TEST_CASE("whoever may act may also read") {
    for (const auto& row : table()) {
      CAPTURE(row.who.body);
      CAPTURE(row.task.id);
      if (row.unit_commands || row.assigner_commands) CHECK(row.reads);
    }
  }

  TEST_CASE("what the policy allows, the engine's own --as check accepts with as_body()") {
    // ack from assigned and cancel from an open task: the state never stands
    // in the way, so any refusal would be the engine's authority check.
    for (const auto& row : table()) {
      CAPTURE(row.who.body);
      CAPTURE(row.task.id);
      std::optional<std::string> as = as_body(row.who);
      CHECK(as.has_value() == (row.who.role != Role::secretariat));
      if (row.unit_commands) CHECK(decide(row.task, {row.task.id, Acknowledge{}, as, {}, ""}, song_hinh()).ok());
      if (row.assigner_commands)
        CHECK(decide(row.task, {row.task.id, CancelTask{"trùng"}, as, {}, ""}, song_hinh()).ok());
      // The engine refuses a body approving where it is not above the
      // holder; so does the policy.
      if (row.who.role == Role::unit && !row.assigner_commands)
        CHECK_FALSE(decide(row.task, {row.task.id, CancelTask{"trùng"}, as, {}, ""}, song_hinh()).ok());
    }
  }

  TEST_CASE("refusals name the task, the token's body and role, and why") {
    CHECK(may_read_task(kUbndEaBia, kEaLyPart, song_hinh()).error().message ==
          "T1.8.2: ubnd-xa-ea-bia (unit token) may not read it: it is held by ubnd-xa-ea-ly, which is neither "
          "ubnd-xa-ea-bia nor a body it directs");
    CHECK(may_read_task(kHuyenSupervisor, kUnresolved, song_hinh()).error().message ==
          "T1.1: huyen (supervisor token) may not read it: it is held by \"Các cơ quan, đơn vị\", which the "
          "directory does not know; only the secretariat reads such tasks");
    CHECK(may_run(kHuyenUySupervisor, kPropaganda, "ack", song_hinh()).error().message ==
          "T1.3: huyen-uy (supervisor token) may not ack it: a supervisor token only reads");
    CHECK(may_run(kUbndHuyen, kEaBiaPart, "complete", song_hinh()).error().message ==
          "T1.8.1: ubnd-huyen (unit token) may not complete it: it is held by ubnd-xa-ea-bia; only the holder's "
          "unit or the secretariat may complete it");
    CHECK(may_run(kUbndEaBia, kEaBiaPart, "approve", song_hinh()).error().message ==
          "T1.8.1: ubnd-xa-ea-bia (unit token) may not approve it: it holds the task, and a holder may not "
          "approve its own task; the secretariat or a body above it may");
    CHECK(may_run(kUbndEaBia, kEaLyPart, "return", song_hinh()).error().message ==
          "T1.8.2: ubnd-xa-ea-bia (unit token) may not return it: it is not above the holder ubnd-xa-ea-ly; only "
          "the secretariat or a body above ubnd-xa-ea-ly may");
    Status unknown = may_run(kSecretariatToken, kHuyenDuty, "delete", song_hinh());
    CHECK(unknown.error().code == ErrorCode::bad_input);
    CHECK(unknown.error().message == "T1.8: \"delete\" is not a task command");
  }

  TEST_CASE("documents are registered by the secretariat — matrices and stats are for supervisors") {
    CHECK(may_register_documents(kSecretariatToken).ok());
    for (const Principal* p : {&kUbndHuyen, &kHuyenUySupervisor}) {
      Status s = may_register_documents(*p);
      REQUIRE_FALSE(s.ok());
      CHECK(s.error().code == ErrorCode::forbidden);
    }
    CHECK(may_register_documents(kUbndHuyen).error().message ==
          "ubnd-huyen (unit token) may not register documents: only a secretariat token may");
    CHECK(may_supervise(kSecretariatToken, "stats").ok());
    CHECK(may_supervise(kHuyenSupervisor, "the matrix of D1").ok());
    CHECK(may_supervise(kUbndEaBia, "the matrix of D1").error().message ==
          "ubnd-xa-ea-bia (unit token) may not see the matrix of D1: only supervisor and secretariat tokens may");
  }

  TEST_CASE("a query's holders are the caller's scope, narrowed by ?body=") {
    using Holders = std::set<std::string>;
    auto holders = [](const Principal& who, std::optional<std::string> filter = {}) {
      auto r = readable_holders(who, song_hinh(), filter);
      REQUIRE(r.ok());
      REQUIRE(r->has_value());
      return Holders((*r)->begin(), (*r)->end());
    };
    CHECK_FALSE(readable_holders(kSecretariatToken, song_hinh())->has_value());
    CHECK(holders(kUbndEaBia) == Holders{"ubnd-xa-ea-bia"});
    Holders huyen = holders(kHuyenSupervisor);
    CHECK(huyen.count("huyen"));
    CHECK(huyen.count("ubnd-xa-ea-ly"));
    CHECK(huyen.count("dang-uy-thi-tran-hai-rieng"));
    CHECK_FALSE(huyen.count("ubnd-huyen"));
    CHECK_FALSE(huyen.count("huyen-uy"));
    Holders ubnd = holders(kUbndHuyen);
    CHECK(ubnd.count("phong-y-te"));
    CHECK(ubnd.count("ubnd-xa-ea-bia"));
    CHECK_FALSE(ubnd.count("dang-uy-xa-ea-bia"));
    CHECK(holders(kHuyenSupervisor, "xa-ea-ly") == Holders{"xa-ea-ly", "dang-uy-xa-ea-ly", "ubnd-xa-ea-ly"});
    CHECK(holders(kSecretariatToken, "ubnd-xa-ea-ly") == Holders{"ubnd-xa-ea-ly"});
    // Every holder in a scope is one the principal may read a task of.
    for (const auto& id : ubnd) CHECK(may_read_task(kUbndHuyen, task("T9.1", id, id.c_str()), song_hinh()).ok());

    auto outside = readable_holders(kUbndEaBia, song_hinh(), std::string("ubnd-huyen"));
    REQUIRE_FALSE(outside.ok());
    CHECK(outside.error().code == ErrorCode::forbidden);
    CHECK(outside.error().message ==
          "ubnd-xa-ea-bia (unit token) may not read the tasks of ubnd-huyen: it is neither ubnd-xa-ea-bia nor a "
          "body it directs");
    auto unknown = readable_holders(kSecretariatToken, song_hinh(), std::string("ubnd-xa-tan-lap"));
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == ErrorCode::bad_input);
    CHECK(unknown.error().message == "body \"ubnd-xa-tan-lap\" is not in the directory");
  }

  TEST_CASE("roles are parsed exactly as typed") {
    for (Role r : {Role::unit, Role::supervisor, Role::secretariat}) CHECK(*parse_role(role_name(r)) == r);
    auto bad = parse_role("admin");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == ErrorCode::bad_input);
    CHECK(bad.error().message == "role \"admin\" is not one of unit, supervisor, secretariat");
    CHECK_FALSE(parse_role("Unit").ok());
  }
}
