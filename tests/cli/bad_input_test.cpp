// Issue 7, "hostile and broken input": every bad input a user can give on
// the command line is refused with a message naming what is wrong and where,
// a non-zero exit status, and nothing written (the event count from
// `verify --json` and the token list unchanged). One table per situation;
// kBadInputsTried counts the rows for the README's Reliability figures.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/cli/cli_harness.hpp"
#include "workflows/data_paths.hpp"

using cvtrack::test::Cli;
using cvtrack::test::CliResult;
using nlohmann::json;
using namespace std::string_literals;

namespace {

const std::string kDocument = std::string(CVTRACK_FIXTURES_DIR) + "/song-hinh-281-CV-HU.txt";
const std::string kDirectory = (cvtrack::workflows::data_dir() / "directories" / "song-hinh-2021.json").string();

struct BadInput {
  std::string command;
  std::vector<std::string> args;
  int code;
  std::string err;  // the whole of standard error
  // Only its last line: the reader's warnings about the good files come first.
  bool after_warnings = false;
};

std::string last_line(const std::string& text) {
  auto end = text.size() > 0 && text.back() == '\n' ? text.size() - 1 : text.size();
  auto start = text.rfind('\n', end == 0 ? 0 : end - 1);
  return text.substr(start == std::string::npos ? 0 : start + 1);
}

// Runs every case, then checks that none of them wrote an event or a token.
void refuse_all(Cli& cli, const std::vector<BadInput>& cases) {
  long long events = cli.events();
  std::string tokens = cli.run("token", {"list", "--json"}).out;
  for (const auto& c : cases) {
    CliResult r = cli.run(c.command, c.args);
    std::string shown = c.command;
    for (const auto& a : c.args) shown += " " + a;
    CAPTURE(shown);
    CHECK(r.code == c.code);
    CHECK((c.after_warnings ? last_line(r.err) : r.err) == c.err);
    CHECK(r.out.find("cvt_") == std::string::npos);
  }
  CHECK(cli.events() == events);
  CHECK(cli.run("token", {"list", "--json"}).out == tokens);
}

// The Sông Hinh directory and 281-CV/HU (dated 2021-09-06), registered on
// 2021-09-07: T1.1 is held by Đảng ủy thị trấn Hai Riêng, with no deadline.
void song_hinh(Cli& cli) {
  REQUIRE(cli.run("init", {"--directory", kDirectory, "--as-of", "2021-09-06"}).code == 0);
  CliResult ingest = cli.run("ingest", {kDocument, "--as-of", "2021-09-07"});
  INFO(ingest.err);
  REQUIRE(ingest.code == 0);
  CliResult t = cli.run("show", {"T1.1", "--json"});
  REQUIRE(t.code == 0);
  REQUIRE(t.json()["spec"]["body"] == "dang-uy-thi-tran-hai-rieng");
  REQUIRE(t.json()["deadline"].is_null());
}

std::string write_file(const Cli& cli, const std::string& name, const std::string& bytes) {
  std::ofstream(cli.path(name), std::ios::binary) << bytes;
  return cli.path(name);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The bundled directory, edited by `edit`.
std::string directory_variant(const Cli& cli, const std::string& name, void (*edit)(json&)) {
  json d = json::parse(read_file(kDirectory));
  edit(d);
  return write_file(cli, name, d.dump());
}

std::string ingest_err(const std::string& message) { return "cvtrack ingest: " + message + "\n"; }

}  // namespace

TEST_SUITE("cli/bad_input") {
  TEST_CASE("issue 7: unknown bodies, tasks, dates that do not exist, illegal transitions: refused, nothing written") {
    Cli cli;
    song_hinh(cli);
    const std::string feb_2026 = " is not a day of the calendar: February 2026 has 28 days\n";
    refuse_all(cli, {
        {"ack", {"T1.1", "--as", "ubnd-xa-tan-lap"}, 2,
         "cvtrack ack: T1.1: cannot ack: --as names unknown body \"ubnd-xa-tan-lap\"\n"},
        {"delegate", {"T1.1", "--to", "chi-bo-tan-lap"}, 2,
         "cvtrack delegate: T1.1: cannot delegate: unknown body \"chi-bo-tan-lap\"\n"},
        {"token", {"create", "--body", "ubnd-xa-tan-lap", "--role", "unit"}, 2,
         "cvtrack token create: --body \"ubnd-xa-tan-lap\" is not in the directory recorded by `cvtrack init "
         "--directory` (see `cvtrack bodies`)\n"},
        {"ack", {"T9.9"}, 2, "cvtrack ack: T9.9: no such task\n"},
        {"tasks", {"--body", "ubnd-xa-tan-lap"}, 2,
         "cvtrack tasks: --body \"ubnd-xa-tan-lap\" is not in the directory (see `cvtrack bodies`)\n"},
        {"show", {"T1.999", "--as-of", "2021-09-10"}, 2, "cvtrack show: T1.999: no such task (on 2021-09-10)\n"},
        {"approve", {"T1.1"}, 1,
         "cvtrack approve: T1.1: cannot approve: the task is assigned; approve applies only to a task that is "
         "submitted\n"},
        {"complete", {"T1.1", "--note", "xong"}, 1,
         "cvtrack complete: T1.1: cannot complete: the task is assigned; complete applies only to a task that is "
         "acknowledged or in_progress or returned\n"},
        {"extend", {"T1.1", "2026-02-30", "--reason", "chờ số liệu"}, 2,
         "cvtrack extend: NEW_DEADLINE \"2026-02-30\"" + feb_2026},
        {"ack", {"T1.1", "--as-of", "2026-02-30"}, 2, "cvtrack ack: --as-of \"2026-02-30\"" + feb_2026},
        {"tasks", {"--as-of", "2021-02-29"}, 2, "cvtrack tasks: --as-of \"2021-02-29\" is not a day of the calendar: February 2021 has 28 days\n"},
        {"progress", {"T1.1", "40", "--as-of", "15/09/2021"}, 2,
         "cvtrack progress: --as-of \"15/09/2021\" is not a date (YYYY-MM-DD)\n"},
        {"delegate", {"T1.1", "--to", "chi-bo-khu-pho-1", "--deadline", "2021-09-31"}, 2,
         "cvtrack delegate: --deadline \"2021-09-31\" is not a day of the calendar: September 2021 has 30 days\n"},
        // Before the document's date (2021-09-06) and before the task was
        // registered; the task has no deadline, so nothing else refuses it.
        {"extend", {"T1.1", "2021-09-01", "--reason", "chờ số liệu"}, 2,
         "cvtrack extend: T1.1: cannot extend: the new deadline 2021-09-01 is before the task was assigned, on "
         "2021-09-07\n"},
        {"ack", {"T1.1", "--as-of", "2021-09-01"}, 2,
         "cvtrack ack: T1.1: cannot ack: --as-of 2021-09-01 is before the task's last change, on 2021-09-07\n"},
        {"progress", {"T1.1", "150", "--as", "dang-uy-thi-tran-hai-rieng"}, 1,
         "cvtrack progress: T1.1: cannot progress: the task is assigned; progress applies only to a task that is "
         "acknowledged or in_progress or returned\n"},
    });
  }

  TEST_CASE("issue 7: a directory file that cannot be read, with a cycle or a duplicate id, records nothing") {
    Cli cli;
    song_hinh(cli);
    std::string folder = cli.path("directories");
    std::filesystem::create_directory(folder);
    std::string missing = cli.path("missing.json");
    std::string broken = write_file(cli, "broken.json", "{\"format\": \"cvtrack-body-directory\",");
    std::string cycle = directory_variant(cli, "cycle.json", [](json& d) {
      d["bodies"][0]["parent"] = d["bodies"][1]["id"];
      d["bodies"][1]["parent"] = d["bodies"][0]["id"];
    });
    std::string duplicate = directory_variant(cli, "duplicate.json", [](json& d) {
      json copy = d["bodies"][1];
      copy["name"] = "Một cơ quan khác";
      copy["aliases"] = json::array();
      d["bodies"].push_back(copy);
    });
    std::string bodies_before = cli.run("bodies", {"--json"}).out;
    refuse_all(cli, {
        {"init", {"--directory", missing}, 2, "cvtrack init: " + missing + ": cannot read the directory file\n"},
        {"init", {"--directory", folder}, 2, "cvtrack init: " + folder + ": is a folder, not a file\n"},
        {"init", {"--directory", broken}, 2,
         "cvtrack init: " + broken + ": malformed JSON at byte 37: [json.exception.parse_error.101] parse error at "
         "line 1, column 37: syntax error while parsing object key - unexpected end of input; expected string "
         "literal\n"},
        {"init", {"--directory", cycle}, 2,
         "cvtrack init: " + cycle + ": body \"huyen\": parent cycle huyen -> huyen-uy -> huyen\n"},
        {"init", {"--directory", duplicate}, 2, "cvtrack init: " + duplicate + ": body \"huyen-uy\": duplicate id\n"},
        {"ingest", {kDocument, "--directory", cycle, "--as-of", "2021-09-08"}, 2,
         "cvtrack ingest: " + cycle + ": body \"huyen\": parent cycle huyen -> huyen-uy -> huyen\n"},
    });
    CHECK(cli.run("bodies", {"--json"}).out == bodies_before);
    // Where there is no database yet, a refused init does not create one.
    Cli fresh;
    for (const std::string& bad : {missing, folder, broken, cycle, duplicate}) {
      CliResult r = fresh.run("init", {"--directory", bad});
      CAPTURE(bad);
      CHECK(r.code == 2);
      CHECK(r.err.rfind("cvtrack init: " + bad + ": ", 0) == 0);
      CHECK_FALSE(std::filesystem::exists(fresh.db()));
    }
  }

  TEST_CASE("issue 7: documents that cannot be registered, and one registered twice, write nothing") {
    Cli cli;
    song_hinh(cli);
    std::string text = read_file(kDocument);
    std::string over_long = text;
    while (over_long.size() <= 4 * 1024 * 1024) over_long += text;
    std::string long_file = write_file(cli, "long.txt", over_long);
    std::string empty = write_file(cli, "empty.txt", "");
    std::string binary = write_file(cli, "binary.txt", "Kính gửi:\0\x01\x02"s);
    std::string pdf = write_file(cli, "scan.txt", "%PDF-1.4\n");
    std::string missing = cli.path("missing.txt");
    const std::string other = std::string(CVTRACK_FIXTURES_DIR) + "/xuan-truong-288-CV-HU.txt";  // 2021-07-15
    refuse_all(cli, {
        {"ingest", {long_file, "--as-of", "2021-09-08"}, 2,
         ingest_err(long_file + ": the document is " + std::to_string(over_long.size()) +
                    " bytes, more than the limit of 4194304")},
        {"ingest", {empty, "--as-of", "2021-09-08"}, 2, ingest_err(empty + ": the document is empty")},
        {"ingest", {binary, "--as-of", "2021-09-08"}, 2,
         ingest_err(binary + ":1: byte 12 is NUL: this is a binary file, not a text document")},
        {"ingest", {pdf, "--as-of", "2021-09-08"}, 2,
         ingest_err(pdf + ": a PDF; save the document as .docx or as UTF-8 text")},
        {"ingest", {missing, "--as-of", "2021-09-08"}, 2, ingest_err(missing + ": no such file")},
        // One bad file among good ones: none of them is registered.
        {"ingest", {other, empty, "--as-of", "2021-09-08"}, 2, ingest_err(empty + ": the document is empty"), true},
        {"ingest", {other, "--as-of", "2021-07-14"}, 2,
         ingest_err(other + ": the document is dated 2021-07-15, after the registration date 2021-07-14"), true},
    });
    // Twice is not an error: it says so, and writes nothing.
    long long before = cli.events();
    CliResult again = cli.run("ingest", {kDocument, "--as-of", "2021-09-08"});
    CHECK(again.code == 0);
    CHECK(again.out == kDocument + ": already registered as D1; nothing changed\n");
    CHECK(cli.events() == before);
  }
}
