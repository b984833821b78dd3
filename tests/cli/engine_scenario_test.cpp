// The life of song-hinh-281-CV-HU.txt (issue 4, "Done when"): ingest with
// its directory, units acknowledge and complete, one completion is
// returned, one deadline extended, one duty delegated to communes; then, at
// later --as-of dates, overdue, matrix and stats show exactly what happened.
#include "cli/commands.hpp"

#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <set>

#include "tests/cli/cli_harness.hpp"
#include "workflows/data_paths.hpp"

using cvtrack::test::Cli;
using cvtrack::test::CliResult;
using nlohmann::json;

namespace {

const std::string kDocument = std::string(CVTRACK_FIXTURES_DIR) + "/song-hinh-281-CV-HU.txt";
const std::string kDirectory = (cvtrack::workflows::data_dir() / "directories" / "song-hinh-2021.json").string();
const std::vector<std::string> kCommunes = {"ubnd-xa-ea-bia", "ubnd-xa-ea-ly", "ubnd-xa-song-hinh"};

// Ingested, with UBND huyện's directive-8 duty delegated to three communes
// due 30/9/2021. Returns the delegated task's id; children are ID.1 .. ID.3.
std::string ingest_and_delegate(Cli& cli) {
  REQUIRE(cli.run("init", {"--directory", kDirectory, "--as-of", "2021-09-06"}).code == 0);
  CliResult ingest = cli.run("ingest", {kDocument, "--as-of", "2021-09-07"});
  INFO(ingest.err);
  REQUIRE(ingest.code == 0);
  CliResult mine = cli.run("tasks", {"--body", "ubnd-huyen", "--json"});
  REQUIRE(mine.code == 0);
  std::string duty;
  for (const auto& t : mine.json())
    if (t["directive"].get<std::string>().find('8') != std::string::npos && t["spec"]["role"] == "lead") {
      duty = t["id"].get<std::string>();
      break;
    }
  INFO(mine.out);
  REQUIRE_FALSE(duty.empty());
  CliResult d = cli.run("delegate", {duty, "--to", "ubnd-xa-ea-bia,ubnd-xa-ea-ly,ubnd-xa-song-hinh", "--deadline",
                                     "2021-09-30", "--as", "ubnd-huyen", "--as-of", "2021-09-08"});
  INFO(d.err);
  REQUIRE(d.code == 0);
  return duty;
}

void ok(Cli& cli, const std::string& command, std::vector<std::string> args) {
  CliResult r = cli.run(command, args);
  INFO(command << ": " << r.err);
  REQUIRE(r.code == 0);
}

}  // namespace

TEST_SUITE("cli/engine_scenario") {
  TEST_CASE("issue 4: the life of Sông Hinh 281-CV/HU, seen by supervisors at later dates") {
    Cli cli;
    std::string duty = ingest_and_delegate(cli);
    std::string ea_bia = duty + ".1", ea_ly = duty + ".2", song_hinh = duty + ".3";
    long long all_tasks = cli.run("tasks", {"--json"}).json().size();

    // Ea Bia: acknowledged, completed before the deadline, approved.
    ok(cli, "ack", {ea_bia, "--as", "ubnd-xa-ea-bia", "--as-of", "2021-09-09"});
    ok(cli, "progress", {ea_bia, "50", "--note", "đã rà soát 5/10 thôn", "--as", "ubnd-xa-ea-bia", "--as-of", "2021-09-20"});
    ok(cli, "complete", {ea_bia, "--note", "đã xây dựng phương án", "--as", "ubnd-xa-ea-bia", "--as-of", "2021-09-28"});
    ok(cli, "approve", {ea_bia, "--as-of", "2021-09-29"});
    // Ea Ly: completed, returned with a reason, completed again late, approved.
    ok(cli, "ack", {ea_ly, "--as", "ubnd-xa-ea-ly", "--as-of", "2021-09-09"});
    ok(cli, "complete", {ea_ly, "--note", "xong", "--as", "ubnd-xa-ea-ly", "--as-of", "2021-09-29"});
    ok(cli, "return", {ea_ly, "--reason", "thiếu phương án cho vùng đồng bào dân tộc", "--as-of", "2021-09-30"});
    ok(cli, "complete", {ea_ly, "--note", "đã bổ sung", "--as", "ubnd-xa-ea-ly", "--as-of", "2021-10-04"});
    ok(cli, "approve", {ea_ly, "--as", "ubnd-huyen", "--as-of", "2021-10-05"});
    // xã Sông Hinh: acknowledged; its deadline extended to 15/10.
    ok(cli, "ack", {song_hinh, "--as", "ubnd-xa-song-hinh", "--as-of", "2021-09-10"});
    ok(cli, "extend", {song_hinh, "2021-10-15", "--reason", "xã đang phong tỏa", "--as-of", "2021-09-27"});

    SUBCASE("on 1/10: only Ea Ly, returned and past its deadline, is overdue") {
      CliResult r = cli.run("overdue", {"--as-of", "2021-10-01", "--json"});
      REQUIRE(r.code == 0);
      json items = r.json();
      REQUIRE(items.size() == 1);
      CHECK(items[0]["task"] == ea_ly);
      CHECK(items[0]["holder"] == "ubnd-xa-ea-ly");
      CHECK(items[0]["days_overdue"] == 1);
    }

    SUBCASE("on 20/10: xã Sông Hinh is 5 days past its extended deadline") {
      CliResult r = cli.run("overdue", {"--as-of", "2021-10-20", "--json"});
      REQUIRE(r.code == 0);
      json items = r.json();
      REQUIRE(items.size() == 1);
      CHECK(items[0]["task"] == song_hinh);
      CHECK(items[0]["due"] == "2021-10-15");
      CHECK(items[0]["days_overdue"] == 5);
      CliResult text = cli.run("overdue", {"--as-of", "2021-10-20"});
      CHECK(text.out.find("    5 days  " + song_hinh + "  ubnd-xa-song-hinh  task due 2021-10-15") != std::string::npos);
    }

    SUBCASE("the matrix on 20/10 shows done on time, done late and overdue for the three communes") {
      CliResult r = cli.run("matrix", {"D1", "--as-of", "2021-10-20", "--json"});
      REQUIRE(r.code == 0);
      json m = r.json();
      std::string directive = cli.run("show", {duty, "--json"}).json()["directive"];
      CHECK(directive == "8.2");  // the second bullet under "8- UBND huyện"
      CHECK(m["cells"]["ubnd-xa-ea-bia"][directive] == "D");
      CHECK(m["cells"]["ubnd-xa-ea-ly"][directive] == "L");
      CHECK(m["cells"]["ubnd-xa-song-hinh"][directive] == "!");
      CHECK(m["cells"]["ubnd-huyen"][directive] == "-");  // the document gave UBND huyện no deadline
      // Every other cell: the document's own duties, none with a deadline.
      int others = 0;
      for (const auto& [body, row] : m["cells"].items())
        for (const auto& [d, symbol] : row.items())
          if (std::find(kCommunes.begin(), kCommunes.end(), body) == kCommunes.end() || d != directive) {
            CHECK(symbol == "-");
            ++others;
          }
      CHECK(others > 0);
    }

    SUBCASE("stats on 20/10 count exactly the three delegated tasks outside 'no deadline'") {
      CliResult r = cli.run("stats", {"--as-of", "2021-10-20", "--json"});
      REQUIRE(r.code == 0);
      json s = r.json();
      CHECK(s["total"]["total"] == all_tasks);
      CHECK(s["total"]["done_on_time"] == 1);
      CHECK(s["total"]["done_late"] == 1);
      CHECK(s["total"]["in_progress_overdue"] == 1);
      CHECK(s["total"]["in_progress_on_time"] == 0);
      CHECK(s["total"]["cancelled"] == 0);
      CHECK(s["total"]["no_deadline"] == all_tasks - 3);
      CHECK(s["by_body"]["ubnd-xa-ea-ly"]["done_late"] == 1);
      CHECK(s["by_body"]["ubnd-xa-song-hinh"]["in_progress_overdue"] == 1);
      // --body ubnd-huyen: UBND huyện and the bodies it directs.
      json mine = cli.run("stats", {"--as-of", "2021-10-20", "--body", "ubnd-huyen", "--json"}).json();
      CHECK(mine["by_body"].contains("ubnd-xa-ea-bia"));
      CHECK_FALSE(mine["by_body"].contains("huyen-uy"));
      CHECK(mine["total"]["done_on_time"] == 1);
    }

    SUBCASE("as of 28/9, before the completions, the same tasks were all within the deadline") {
      json s = cli.run("stats", {"--as-of", "2021-09-28", "--json"}).json();
      CHECK(s["total"]["in_progress_on_time"] == 3);
      CHECK(s["total"]["due_soon"] == 2);  // 30/9 is 2 working days away; Sông Hinh's is 15/10
      json narrow = cli.run("stats", {"--as-of", "2021-09-28", "--due-soon", "1", "--json"}).json();
      CHECK(narrow["total"]["due_soon"] == 0);
      CHECK(cli.run("stats", {"--due-soon", "many"}).err ==
            "cvtrack stats: --due-soon \"many\" is not a number of working days (0 to 60)\n");
    }

    SUBCASE("history tells the story in words; show gives the parent its children's progress") {
      CliResult h = cli.run("history", {ea_ly});
      REQUIRE(h.code == 0);
      CHECK(h.out.find("returned (submitted -> returned): thiếu phương án cho vùng đồng bào dân tộc") != std::string::npos);
      CliResult e = cli.run("history", {song_hinh});
      CHECK(e.out.find("deadline extended 2021-09-30 -> 2021-10-15: xã đang phong tỏa") != std::string::npos);
      CliResult parent = cli.run("show", {duty, "--as-of", "2021-10-20"});
      REQUIRE(parent.code == 0);
      CHECK(parent.out.find("delegated to 3 bodies, 2 done:") != std::string::npos);
    }

    SUBCASE("tick records what has come due once; a second tick records nothing") {
      CliResult first = cli.run("tick", {"--as-of", "2021-10-20", "--json"});
      REQUIRE(first.code == 0);
      std::set<std::string> streams;
      for (const auto& e : first.json()) streams.insert(e["stream"].get<std::string>());
      CHECK(streams == std::set<std::string>{song_hinh});
      CliResult second = cli.run("tick", {"--as-of", "2021-10-20", "--json"});
      CHECK(second.json().empty());
    }

    SUBCASE("verify passes after the scenario, and names the event when a row of the log is altered by hand") {
      CliResult good = cli.run("verify", {});
      INFO(good.err);
      CHECK(good.code == 0);
      {
        SQLite::Database raw(cli.db(), SQLite::OPEN_READWRITE);
        raw.exec("DROP TRIGGER events_are_never_updated");
        raw.exec("UPDATE events SET payload = replace(payload, 'xã đang phong tỏa', 'xã xin thêm thời gian') "
                 "WHERE type = 'deadline_extended'");
      }
      long long seq = SQLite::Database(cli.db()).execAndGet("SELECT seq FROM events WHERE type = 'deadline_extended'").getInt64();
      CliResult bad = cli.run("verify", {});
      CHECK(bad.code == 1);
      CHECK(bad.err == "cvtrack verify: " + cli.db() + ": event " + std::to_string(seq) + " (" + song_hinh +
                           " v3, deadline_extended): its contents do not match its hash (altered)\n");
    }
  }

  TEST_CASE("ingesting the same document twice changes nothing and says so") {
    Cli cli;
    REQUIRE(cli.run("init", {"--directory", kDirectory}).code == 0);
    REQUIRE(cli.run("ingest", {kDocument, "--as-of", "2021-09-07"}).code == 0);
    long long before = cli.events();
    CliResult again = cli.run("ingest", {kDocument, "--as-of", "2021-09-08"});
    CHECK(again.code == 0);
    CHECK(again.out == kDocument + ": already registered as D1; nothing changed\n");
    CHECK(cli.events() == before);
  }

  TEST_CASE("every illegal transition on the command line is refused, names state and command, writes nothing") {
    Cli cli;
    std::string duty = ingest_and_delegate(cli);
    std::string child = duty + ".1";
    long long before = cli.events();
    struct Case {
      std::string command;
      std::vector<std::string> args;
      std::string message;
    };
    std::vector<Case> cases = {
        {"approve", {child}, child + ": cannot approve: the task is assigned; approve applies only to a task that is submitted"},
        {"return", {child, "--reason", "x"}, child + ": cannot return: the task is assigned; return applies only to a task that is submitted"},
        {"complete", {child, "--note", "x"}, child + ": cannot complete: the task is assigned; complete applies only to a task that is acknowledged or in_progress or returned"},
        {"progress", {child, "10"}, child + ": cannot progress: the task is assigned; progress applies only to a task that is acknowledged or in_progress or returned"},
        {"report", {child}, child + ": cannot report: it has no scheduled reports (not a recurring reporting duty, or none due yet: run `cvtrack tick`)"},
    };
    for (const auto& c : cases) {
      CliResult r = cli.run(c.command, c.args);
      CAPTURE(c.command);
      CHECK(r.code == 1);
      CHECK(r.err == "cvtrack " + c.command + ": " + c.message + "\n");
    }
    ok(cli, "cancel", {child, "--reason", "trùng", "--as-of", "2021-09-09"});
    before = cli.events();
    for (const char* command : {"ack", "cancel", "extend", "delegate"}) {
      std::vector<std::string> args{child};
      if (std::string(command) == "cancel") args = {child, "--reason", "x"};
      if (std::string(command) == "extend") args = {child, "2021-12-31", "--reason", "x"};
      if (std::string(command) == "delegate") args = {child, "--to", "ubnd-xa-ea-bia"};
      CliResult r = cli.run(command, args);
      CAPTURE(command);
      CHECK(r.code == 1);
      CHECK(r.err.find(child + ": cannot " + command + ": the task is cancelled") != std::string::npos);
    }
    CHECK(cli.events() == before);
  }

  TEST_CASE("every refused --as is refused with the reason and writes nothing") {
    Cli cli;
    std::string duty = ingest_and_delegate(cli);
    std::string ea_bia = duty + ".1";
    long long before = cli.events();
    struct Case {
      std::string command;
      std::vector<std::string> args;
      std::string message;
    };
    std::vector<Case> cases = {
        {"ack", {ea_bia, "--as", "ubnd-xa-ea-ly"},
         ea_bia + ": cannot ack: \"ubnd-xa-ea-ly\" neither holds the task (held by \"ubnd-xa-ea-bia\") nor is above its holder"},
        {"ack", {ea_bia, "--as", "phong-y-te"},
         ea_bia + ": cannot ack: \"phong-y-te\" neither holds the task (held by \"ubnd-xa-ea-bia\") nor is above its holder"},
        {"ack", {ea_bia, "--as", "ubnd-tinh-phu-yen"}, ea_bia + ": cannot ack: --as names unknown body \"ubnd-tinh-phu-yen\""},
        {"cancel", {ea_bia, "--reason", "x", "--as", "ubnd-xa-ea-bia"},
         ea_bia + ": cannot cancel: \"ubnd-xa-ea-bia\" is not above the task's holder \"ubnd-xa-ea-bia\""},
        {"delegate", {duty, "--to", "huyen-uy", "--as", "ubnd-huyen"},
         duty + ": cannot delegate: \"huyen-uy\" is not under the holder \"ubnd-huyen\""},
        {"delegate", {ea_bia, "--to", "xa-ea-bia", "--as", "ubnd-xa-ea-ly"},
         ea_bia + ": cannot delegate: \"ubnd-xa-ea-ly\" neither holds the task (held by \"ubnd-xa-ea-bia\") nor is above its holder"},
    };
    for (const auto& c : cases) {
      CliResult r = cli.run(c.command, c.args);
      CAPTURE(c.command);
      CHECK(r.code == 2);
      CHECK(r.err == "cvtrack " + c.command + ": " + c.message + "\n");
    }
    CHECK(cli.events() == before);
  }

  TEST_CASE("bad input names what is wrong and writes nothing") {
    Cli cli;
    REQUIRE(cli.run("init", {"--directory", kDirectory}).code == 0);
    long long before = cli.events();
    CHECK(cli.run("ingest", {kDocument, "--as-of", "2021-13-01"}).err ==
          "cvtrack ingest: --as-of \"2021-13-01\" is not a day of the calendar: there is no month 13\n");
    CliResult missing = cli.run("ingest", {kDocument, cli.path("nope.txt"), "--as-of", "2021-09-07"});
    CHECK(missing.code == 2);
    CHECK(missing.err.find(cli.path("nope.txt")) != std::string::npos);
    CliResult early = cli.run("ingest", {kDocument, "--as-of", "2021-09-01"});
    CHECK(early.code == 2);
    CHECK(early.err.find("the document is dated 2021-09-06, after the registration date 2021-09-01") != std::string::npos);
    CHECK(cli.run("show", {"T9.9"}).code == 2);
    CHECK(cli.run("ack", {"T9.9"}).err == "cvtrack ack: T9.9: no such task\n");
    CHECK(cli.run("progress", {"T1.1", "lots"}).err == "cvtrack progress: PERCENT \"lots\" is not a whole number\n");
    CHECK(cli.run("tasks", {"--bogus"}).err == "cvtrack tasks: unknown option --bogus\n");
    CHECK(cli.events() == before);
  }

  TEST_CASE("a command on a database that does not exist says how to create one") {
    Cli cli;
    CliResult r = cli.run("tasks", {});
    CHECK(r.code == 2);
    CHECK(r.err == "cvtrack tasks: " + cli.db() + ": no database here (create one with `cvtrack init --db " + cli.db() + "`)\n");
  }
}
