// The engine commands through the real `cvtrack` program: exit codes,
// CVTRACK_DB, and that the process leaves a database another process reads.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/storage/temp_database.hpp"
#include "workflows/data_paths.hpp"

namespace {

struct Run {
  int code;
  std::string out;
  std::string err;
};

Run run_cvtrack(const cvtrack::test::TempDirectory& dir, const std::string& args, const std::string& env = "") {
  std::string out = dir.file("out.txt").string(), err = dir.file("err.txt").string();
  std::string command = env + " " + CVTRACK_BINARY + " " + args + " >" + out + " 2>" + err;
  int status = std::system(command.c_str());
  auto slurp = [](const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  };
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
}

}  // namespace

TEST_SUITE("cli/engine_binary") {
  TEST_CASE("init, ingest, ack, overdue and verify through the real binary, with CVTRACK_DB") {
    cvtrack::test::TempDirectory dir;
    std::string env = "CVTRACK_DB='" + dir.file("env.db").string() + "'";
    std::string directory = (cvtrack::workflows::data_dir() / "directories" / "song-hinh-2021.json").string();
    std::string document = std::string(CVTRACK_FIXTURES_DIR) + "/song-hinh-281-CV-HU.txt";
    Run init = run_cvtrack(dir, "init --directory '" + directory + "'", env);
    INFO(init.err);
    REQUIRE(init.code == 0);
    CHECK(init.out.find("directory Huyện Sông Hinh, tỉnh Phú Yên:") != std::string::npos);
    Run ingest = run_cvtrack(dir, "ingest '" + document + "' --as-of 2021-09-07", env);
    INFO(ingest.err);
    REQUIRE(ingest.code == 0);
    CHECK(ingest.out.rfind("D1  281-CV/HU  Huyện ủy Sông Hinh  2021-09-06", 0) == 0);
    Run ack = run_cvtrack(dir, "ack T1.1 --as-of 2021-09-08", env);
    INFO(ack.err);
    CHECK(ack.code == 0);
    CHECK(ack.out == "T1.1: acknowledged (assigned -> acknowledged)  (2021-09-08, by secretariat)\n");
    Run again = run_cvtrack(dir, "ack T1.1 --as-of 2021-09-08", env);
    CHECK(again.code == 1);
    CHECK(again.err ==
          "cvtrack ack: T1.1: cannot ack: the task is acknowledged; ack applies only to a task that is assigned\n");
    Run overdue = run_cvtrack(dir, "overdue --as-of 2021-10-01", env);
    CHECK(overdue.code == 0);
    CHECK(overdue.out == "overdue on 2021-10-01: 0\n");
    Run verify = run_cvtrack(dir, "verify", env);
    INFO(verify.err);
    CHECK(verify.code == 0);
    CHECK(verify.out.find("hash chain intact, projections equal a replay of the log") != std::string::npos);
  }

  TEST_CASE("a refused command exits non-zero with the message on stderr") {
    cvtrack::test::TempDirectory dir;
    Run r = run_cvtrack(dir, "tasks --db '" + dir.file("none.db").string() + "'");
    CHECK(r.code == 2);
    CHECK(r.err.find("no database here") != std::string::npos);
    CHECK(r.out.empty());
  }

  TEST_CASE("COMMAND --help and help COMMAND print the command's usage and run nothing") {
    cvtrack::test::TempDirectory dir;
    std::string db = dir.file("cvtrack.db").string();
    Run serve = run_cvtrack(dir, "serve --help --db '" + db + "'");
    CHECK(serve.code == 0);
    CHECK(serve.out.find("usage: cvtrack serve [--bind") == 0);
    CHECK(serve.err.empty());
    Run init = run_cvtrack(dir, "help init");
    CHECK(init.code == 0);
    CHECK(init.out.find("usage: cvtrack init") == 0);
    Run tasks = run_cvtrack(dir, "tasks --body ubnd-huyen -h");
    CHECK(tasks.code == 0);
    CHECK(tasks.out.find("usage: cvtrack tasks") == 0);
    CHECK_FALSE(std::filesystem::exists(db));
    Run unknown = run_cvtrack(dir, "help frobnicate");
    CHECK(unknown.code == 2);
    CHECK(unknown.err.find("unknown command 'frobnicate'") != std::string::npos);
  }
}
