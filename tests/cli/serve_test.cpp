// `cvtrack serve` end to end, in-process: a server on a free loopback
// port over a database made by the command line, a real document
// registered over HTTP, two units and a supervisor acting through the API,
// every refusal with its status, the event stream, and a graceful stop.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <future>
#include <set>
#include <sstream>
#include <thread>

#include "cli/commands/output_format.hpp"
#include "cli/commands/session.hpp"
#include "cli/serve/server.hpp"
#include "engine/supervision.hpp"
#include "engine/task_view_json.hpp"
#include "storage/projection_reader.hpp"
#include "tests/cli/cli_harness.hpp"
#include "tests/cli/http_client.hpp"
#include "tests/cli/running_server.hpp"
#include "workflows/working_day_calendar.hpp"

using namespace cvtrack;
namespace http = boost::beast::http;
using nlohmann::json;

namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const std::string kDirectory = std::string(CVTRACK_SOURCE_DIR) + "/workflows/data/directories/song-hinh-2021.json";
const std::string kDocument = std::string(CVTRACK_FIXTURES_DIR) + "/song-hinh-281-CV-HU.txt";

std::string token(test::Cli& cli, const std::string& body, const std::string& role) {
  auto r = cli.run("token", {"create", "--body", body, "--role", role});
  REQUIRE_MESSAGE(r.code == 0, (r.err));
  std::string t = r.out;
  while (!t.empty() && (t.back() == '\n' || t.back() == '\r')) t.pop_back();
  return t;
}


void ok(test::Cli& cli, const std::string& command, std::vector<std::string> args) {
  auto r = cli.run(command, args);
  INFO(command << ": " << r.err);
  REQUIRE(r.code == 0);
}

// Sông Hinh 281-CV/HU ingested with UBND huyện's directive-8 duty delegated
// to three communes due 30/9/2021, then lived: one child done on time, one
// done late after a return, one extended to 15/10 and done that day, one
// task cancelled, one left open with a deadline of 15/10.
// Returns the delegated duty's id.
std::string lived_song_hinh(test::Cli& cli) {
  ok(cli, "init", {"--directory", kDirectory, "--as-of", "2021-09-06"});
  ok(cli, "ingest", {kDocument, "--as-of", "2021-09-07"});
  auto mine = cli.run("tasks", {"--body", "ubnd-huyen", "--json"});
  REQUIRE(mine.code == 0);
  std::string duty, other, open;
  for (const auto& t : mine.json()) {
    bool eight = t["directive"].get<std::string>().find('8') != std::string::npos;
    if (duty.empty() && eight && t["spec"]["role"] == "lead")
      duty = t["id"].get<std::string>();
    else if (other.empty() && !eight)
      other = t["id"].get<std::string>();
    else if (open.empty() && !eight)
      open = t["id"].get<std::string>();
  }
  REQUIRE_FALSE(duty.empty());
  REQUIRE_FALSE(other.empty());
  REQUIRE_FALSE(open.empty());
  // Left open with a deadline: on time, due soon, then overdue as the dates pass.
  ok(cli, "extend", {open, "2021-10-15", "--reason", "giao hạn", "--as-of", "2021-10-07"});
  ok(cli, "delegate", {duty, "--to", "ubnd-xa-ea-bia,ubnd-xa-ea-ly,ubnd-xa-song-hinh", "--deadline", "2021-09-30",
                       "--as", "ubnd-huyen", "--as-of", "2021-09-08"});
  ok(cli, "ack", {duty + ".1", "--as", "ubnd-xa-ea-bia", "--as-of", "2021-09-09"});
  ok(cli, "complete", {duty + ".1", "--note", "xong", "--as", "ubnd-xa-ea-bia", "--as-of", "2021-09-28"});
  ok(cli, "approve", {duty + ".1", "--as-of", "2021-09-29"});
  ok(cli, "ack", {duty + ".2", "--as", "ubnd-xa-ea-ly", "--as-of", "2021-09-09"});
  ok(cli, "complete", {duty + ".2", "--note", "xong", "--as", "ubnd-xa-ea-ly", "--as-of", "2021-09-29"});
  ok(cli, "return", {duty + ".2", "--reason", "thiếu phương án", "--as-of", "2021-09-30"});
  ok(cli, "complete", {duty + ".2", "--note", "đã bổ sung", "--as", "ubnd-xa-ea-ly", "--as-of", "2021-10-04"});
  ok(cli, "approve", {duty + ".2", "--as", "ubnd-huyen", "--as-of", "2021-10-05"});
  ok(cli, "ack", {duty + ".3", "--as", "ubnd-xa-song-hinh", "--as-of", "2021-09-10"});
  ok(cli, "extend", {duty + ".3", "2021-10-15", "--reason", "xã đang phong tỏa", "--as-of", "2021-09-27"});
  // Claimed on the extended deadline's own day: done on time, not late.
  ok(cli, "complete", {duty + ".3", "--note", "xong", "--as", "ubnd-xa-song-hinh", "--as-of", "2021-10-15"});
  ok(cli, "approve", {duty + ".3", "--as-of", "2021-10-18"});
  ok(cli, "cancel", {other, "--reason", "không còn phù hợp", "--as-of", "2021-10-06"});
  return duty;
}
}  // namespace

TEST_SUITE("cli/serve") {
  TEST_CASE("a document registered over HTTP, worked on by two units, watched by a supervisor — every refusal") {
    test::Cli cli;
    REQUIRE(cli.run("init", {"--directory", kDirectory}).code == 0);
    std::string secretariat = token(cli, "secretariat", "secretariat");
    std::string ea_ba = token(cli, "xa-ea-ba", "unit");
    std::string y_te = token(cli, "phong-y-te", "unit");
    // The district: its communes and their bodies are under it.
    std::string huyen = token(cli, "huyen", "supervisor");
    std::string revoked = token(cli, "xa-son-giang", "unit");
    {
      auto list = cli.run("token", {"list", "--json"});
      REQUIRE(list.code == 0);
      std::string id;
      for (const auto& t : list.json())
        if (t.value("body", "") == "xa-son-giang") id = t.value("id", "");
      REQUIRE(cli.run("token", {"revoke", id}).code == 0);
    }

    engine::FixedClock clock(engine::vietnam_noon(*engine::parse_iso_date("2021-09-08")));
    serve::ServeOptions options;
    options.db_path = cli.db();
    options.threads = 2;
    options.clock = &clock;
    options.max_body = 256u << 10;
    options.heartbeat = std::chrono::milliseconds(200);
    test::RunningServer running(options);
    test::HttpClient client(running.port());

    // Health needs no token; everything else does.
    CHECK(client.get("/api/health").status == 200);
    CHECK(client.get("/api/tasks").status == 401);
    CHECK(client.get("/api/tasks", "cvt_not-a-token").status == 401);
    CHECK(client.get("/api/tasks", revoked).status == 401);

    // Registering is the secretariat's: a unit is refused, bad JSON is 400.
    json upload{{"text", read_text(kDocument)}, {"source", "song-hinh-281-CV-HU.txt"}};
    CHECK(client.post("/api/documents", ea_ba, upload).status == 403);
    CHECK(client.request(http::verb::post, "/api/documents", secretariat, "{\"text\": ").status == 400);
    CHECK(client.post("/api/documents", secretariat, json{{"source", "x.txt"}}).status == 400);
    auto registered = client.post("/api/documents", secretariat, upload);
    REQUIRE(registered.status == 201);
    CHECK(registered.json()["document"] == "D1");
    CHECK(registered.json()["tasks"].size() == 299);
    auto again = client.post("/api/documents", secretariat, upload);
    CHECK(again.status == 200);
    CHECK(again.json()["already_registered"] == true);

    // A unit sees its own tasks only.
    // (Xã Ea Bá reads its own and those of the bodies it directs, its
    // Đảng ủy among them, as the directory has it.)
    auto mine = client.get("/api/tasks", ea_ba);
    REQUIRE(mine.status == 200);
    json my_tasks = mine.json()["tasks"];
    REQUIRE(my_tasks.size() > 0);
    std::string task;
    for (const auto& t : my_tasks) {
      std::string holder = t["spec"]["body"];
      CHECK(holder.find("xa-ea-ba") != std::string::npos);
      if (task.empty() && holder == "xa-ea-ba" && t["state"] == "assigned") task = t["id"];
    }
    REQUIRE_FALSE(task.empty());
    json their_tasks = client.get("/api/tasks", y_te).json()["tasks"];
    REQUIRE(their_tasks.size() > 0);
    for (const auto& t : their_tasks) CHECK(t["spec"]["body"] == "phong-y-te");
    CHECK(client.get("/api/tasks?body=phong-y-te", ea_ba).status == 403);
    CHECK(client.get("/api/tasks/" + task, y_te).status == 403);
    CHECK(client.get("/api/tasks/T1.9999", ea_ba).status == 404);
    CHECK(client.get("/api/no-such-thing", ea_ba).status == 404);
    CHECK(client.request(http::verb::put, "/api/tasks/" + task, ea_ba).status == 405);

    // The supervisor follows the stream of the document while the unit works.
    std::promise<std::string> seen;
    std::thread watcher([&] {
      boost::asio::io_context io;
      boost::beast::tcp_stream stream(io);
      stream.expires_after(std::chrono::seconds(20));
      stream.connect({boost::asio::ip::make_address("127.0.0.1"), running.port()});
      std::string req = "GET /api/events?document=D1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + huyen + "\r\n\r\n";
      boost::asio::write(stream, boost::asio::buffer(req));
      std::string got;
      char chunk[4096];
      boost::beast::error_code ec;
      while (got.find("completion_claimed") == std::string::npos) {
        std::size_t n = stream.read_some(boost::asio::buffer(chunk), ec);
        if (ec) break;
        got.append(chunk, n);
      }
      seen.set_value(got);
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // let the stream open before acting

    // Another unit may not act on it; its holder may; twice is a conflict.
    CHECK(client.post("/api/tasks/" + task + "/ack", y_te, json::object()).status == 403);
    auto acked = client.post("/api/tasks/" + task + "/ack", ea_ba, json::object());
    REQUIRE(acked.status == 200);
    CHECK(acked.json()["task"]["state"] == "acknowledged");
    CHECK(client.post("/api/tasks/" + task + "/ack", ea_ba, json::object()).status == 409);
    CHECK(client.post("/api/tasks/" + task + "/progress", ea_ba, json{{"percent", "half"}}).status == 400);
    CHECK(client.post("/api/tasks/" + task + "/fly", ea_ba, json::object()).status == 404);
    auto claimed = client.post("/api/tasks/" + task + "/complete", ea_ba, json{{"note", "Đã triển khai đến các thôn"}});
    REQUIRE(claimed.status == 200);
    CHECK(claimed.json()["task"]["state"] == "submitted");

    auto frames = seen.get_future();
    watcher.join();  // ends at the completion's frame, or after 20 s
    std::string stream_text = frames.get();
    CHECK(stream_text.find("event: completion_claimed") != std::string::npos);
    CHECK(stream_text.find("text/event-stream") != std::string::npos);
    CHECK(stream_text.find("event: task_acknowledged") != std::string::npos);
    CHECK(stream_text.find("\"stream\":\"" + task + "\"") != std::string::npos);

    // The supervisor reads it, sees the counts, may not approve; the
    // secretariat approves.
    auto watched = client.get("/api/tasks/" + task, huyen);
    REQUIRE(watched.status == 200);
    CHECK(watched.json()["state"] == "submitted");
    CHECK(client.get("/api/stats", huyen).status == 200);
    CHECK(client.get("/api/stats", ea_ba).status == 403);
    CHECK(client.get("/api/documents/D1/matrix", huyen).status == 200);
    CHECK(client.post("/api/tasks/" + task + "/approve", huyen, json::object()).status == 403);
    auto approved = client.post("/api/tasks/" + task + "/approve", secretariat, json{{"note", "Đạt"}});
    REQUIRE(approved.status == 200);
    CHECK(approved.json()["task"]["state"] == "done");

    // How the engine has committed so far (ack, progress, complete, approve
    // and more went through it): groups, and the commands they held.
    auto committed = client.get("/api/engine", secretariat);
    REQUIRE(committed.status == 200);
    CHECK(committed.json()["groups"].get<int>() >= 1);
    CHECK(committed.json()["commands"].get<int>() >= 4);
    CHECK(committed.json()["commands"].get<int>() >= committed.json()["groups"].get<int>());
    CHECK(client.get("/api/engine", huyen).status == 200);
    CHECK(client.get("/api/engine", ea_ba).status == 403);

    // Limits: a body over --max-body, headers over the limit, garbage.
    CHECK(client.request(http::verb::post, "/api/documents", secretariat, std::string(300u << 10, 'x')).status == 413);
    CHECK(client.request(http::verb::get, "/api/tasks", ea_ba, "", {{"X-Padding", std::string(20u << 10, 'p')}}).status ==
          431);
    CHECK(client.raw("NOT HTTP AT ALL\r\n\r\n").status == 400);
    CHECK(client.get("/api/tasks/..%2F..%2Fetc", ea_ba).status == 400);

    running.stop();
    // Everything acknowledged is in the log, and the log verifies.
    auto verified = cli.run("verify", {});
    CHECK_MESSAGE(verified.code == 0, (verified.out + verified.err));
    auto history = cli.run("history", {task, "--json"});
    REQUIRE(history.code == 0);
    CHECK(history.out.find("completion_approved") != std::string::npos);
  }
  TEST_CASE("issue 6: stats counted in SQL are engine::build_stats' counts on the lived Sông Hinh document") {
    test::Cli cli;
    lived_song_hinh(cli);
    auto db = storage::SqliteDatabase::open(cli.db());
    REQUIRE(db);
    storage::ProjectionReader reader(**db);
    cli::CalendarWorkingDays calendar(workflows::WorkingDayCalendar::bundled());
    auto tasks = reader.tasks({});
    REQUIRE(tasks);
    REQUIRE(tasks->size() > 290);
    std::set<std::string> categories_seen;
    for (const char* date : {"2021-09-07", "2021-09-24", "2021-09-27", "2021-09-30", "2021-10-01", "2021-10-12",
                             "2021-10-15", "2021-10-16", "2021-10-20", "2022-02-01"})
      for (int due_soon : {0, 1, 3, 5}) {
        CAPTURE(date);
        CAPTURE(due_soon);
        engine::Date as_of = *engine::parse_iso_date(date);
        engine::StatusSettings settings{due_soon};
        auto by_rule = engine::build_stats(*tasks, as_of, calendar, settings);
        auto by_sql = reader.stats(std::nullopt, as_of, engine::due_soon_before(as_of, calendar, settings));
        REQUIRE(by_sql);
        CHECK(by_sql->total == by_rule.total);
        CHECK(by_sql->by_body == by_rule.by_body);
        const auto& t = by_sql->total;
        if (t.in_progress_overdue) categories_seen.insert("overdue");
        if (t.due_soon) categories_seen.insert("due soon");
        if (t.done_late) categories_seen.insert("done late");
        if (t.done_on_time) categories_seen.insert("done on time");
        if (t.cancelled) categories_seen.insert("cancelled");
        if (t.no_deadline) categories_seen.insert("no deadline");
        if (t.in_progress_on_time > t.due_soon) categories_seen.insert("on time, not soon");
        // For some bodies only, as a supervisor's scope asks.
        std::vector<std::string> some = {"ubnd-xa-ea-bia", "ubnd-xa-ea-ly", "ubnd-huyen", "no-such-body"};
        auto scoped = reader.stats(some, as_of, engine::due_soon_before(as_of, calendar, settings));
        REQUIRE(scoped);
        std::vector<engine::TaskView> theirs;
        for (const auto& task : *tasks)
          if (std::find(some.begin(), some.end(), task.holder()) != some.end()) theirs.push_back(task);
        CHECK(scoped->by_body == engine::build_stats(theirs, as_of, calendar, settings).by_body);
      }
    // The dates and settings above reach every category.
    std::string seen;
    for (const auto& c : categories_seen) seen += c + "; ";
    CAPTURE(seen);
    CHECK(categories_seen.size() == 7);
  }

  TEST_CASE("issue 6: GET /api/overdue pages through the overdue list with its exact total — /api/stats and "
            "/api/tasks as the command line counts them") {
    test::Cli cli;
    std::string duty = lived_song_hinh(cli);
    std::string secretariat = token(cli, "secretariat", "secretariat");
    std::string huyen = token(cli, "huyen", "supervisor");
    // Seven more tasks given deadlines, three sharing one (ties by id): on
    // 2022-02-01 every open task with a deadline is overdue.
    auto listed_before = cli.run("tasks", {"--json"});
    REQUIRE(listed_before.code == 0);
    int extended = 0;
    for (const auto& t : listed_before.json()) {
      if (extended == 7) break;
      std::string id = t["id"];
      if (t["state"] != "assigned" || id.rfind(duty, 0) == 0) continue;
      std::string deadline = extended < 3 ? "2021-11-30" : "2021-11-0" + std::to_string(extended);
      ok(cli, "extend", {id, deadline, "--reason", "giao hạn", "--as-of", "2021-10-07"});
      ++extended;
    }
    REQUIRE(extended == 7);
    const std::string today = "2022-02-01";
    engine::FixedClock clock(engine::vietnam_noon(*engine::parse_iso_date(today)));
    auto expected = cli.run("overdue", {"--json", "--as-of", today});
    REQUIRE(expected.code == 0);
    json full = expected.json();
    REQUIRE(full.size() >= 7);
    auto expected_stats = cli.run("stats", {"--json", "--as-of", today});
    REQUIRE(expected_stats.code == 0);

    serve::ServeOptions options;
    options.db_path = cli.db();
    options.threads = 2;
    options.clock = &clock;
    test::RunningServer running(options);
    test::HttpClient client(running.port());

    auto whole = client.get("/api/overdue?limit=10000", secretariat);
    REQUIRE(whole.status == 200);
    CHECK(whole.json()["as_of"] == today);
    CHECK(whole.json()["total"] == full.size());
    CHECK(whole.json()["items"] == full);
    for (std::size_t limit : {1u, 2u, 3u}) {
      json pages = json::array();
      for (std::size_t offset = 0; offset <= full.size(); offset += limit) {
        auto got = client.get("/api/overdue?limit=" + std::to_string(limit) + "&offset=" + std::to_string(offset),
                              secretariat);
        REQUIRE(got.status == 200);
        json body = got.json();
        CHECK(body["total"] == full.size());
        CHECK(body["items"].size() == std::min(limit, full.size() - offset));
        for (const auto& item : body["items"]) pages.push_back(item);
      }
      CHECK(pages == full);
    }
    // A supervisor's scope: the district's bodies, not the whole list.
    // One body's list (?body=), as a scope narrows it.
    std::string body = full[1]["holder"];
    json of_body = json::array();
    for (const auto& item : full)
      if (item["holder"] == body) of_body.push_back(item);
    auto theirs = client.get("/api/overdue?body=" + body, secretariat);
    REQUIRE(theirs.status == 200);
    CHECK(theirs.json()["items"] == of_body);
    CHECK(theirs.json()["total"] == of_body.size());

    auto stats = client.get("/api/stats", secretariat);
    REQUIRE(stats.status == 200);
    json counted = stats.json();
    counted.erase("names");
    CHECK(counted == expected_stats.json());

    // The task list: pages in task id order, the total, the state filter.
    auto listed = cli.run("tasks", {"--json"});
    REQUIRE(listed.code == 0);
    json all_tasks = listed.json();
    auto first = client.get("/api/tasks?limit=7&offset=5", secretariat);
    REQUIRE(first.status == 200);
    CHECK(first.json()["total"] == all_tasks.size());
    REQUIRE(first.json()["tasks"].size() == 7);
    for (std::size_t i = 0; i < 7; ++i) CHECK(first.json()["tasks"][i]["id"] == all_tasks[5 + i]["id"]);
    auto done = client.get("/api/tasks?state=done&body=ubnd-xa-ea-bia", huyen);
    REQUIRE(done.status == 200);
    CHECK(done.json()["total"] == 1);
    CHECK(done.json()["tasks"][0]["id"] == duty + ".1");
  }

  TEST_CASE("issue 6: a task's stored view with its status spliced in is byte for byte the parsed and dumped "
            "task_json, on every task of the lived Sông Hinh document — GET /api/tasks answers with it") {
    test::Cli cli;
    std::string duty = lived_song_hinh(cli);
    std::string secretariat = token(cli, "secretariat", "secretariat");
    std::string unit = token(cli, "ubnd-huyen", "unit");
    cli::CalendarWorkingDays calendar(workflows::WorkingDayCalendar::bundled());
    auto dump = [](const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); };
    {
      auto db = storage::SqliteDatabase::open(cli.db());
      REQUIRE(db);
      storage::ProjectionReader reader(**db);
      auto rows = reader.task_rows({}, 10000);
      REQUIRE(rows);
      REQUIRE(rows->rows.size() > 290);
      std::set<std::string> categories;
      for (const char* date : {"2021-09-07", "2021-09-27", "2021-10-15", "2021-10-16", "2022-02-01"})
        for (const auto& row : rows->rows) {
          engine::Date as_of = *engine::parse_iso_date(date);
          auto view = engine::task_view_from_json(json::parse(row.view_json));
          REQUIRE(view);
          CAPTURE(view->id);
          CAPTURE(date);
          engine::TaskStatus status = engine::status_at(row.state, row.deadline, row.done_on, as_of, calendar, 3);
          engine::TaskStatus by_view = engine::status_at(*view, as_of, calendar, 3);
          std::string expected = dump(cli::task_json(*view, by_view));
          auto spliced = cli::task_json_text(row.view_json, status);
          REQUIRE(spliced);
          CHECK(*spliced == expected);
          categories.insert(engine::to_string(status.category));
        }
      CHECK(categories.size() == 6);  // every category, due soon or not, went through the splice
    }
    // Text that is not a view in the stored form is refused, not spliced.
    engine::TaskStatus none;
    std::string status = dump(cli::status_json(none));
    CHECK(cli::task_json_text("{}", none) == "{\"status\":" + status + "}");
    CHECK(cli::task_json_text(R"({"a":1,"sz":[{"status":2}]})", none) ==
          R"({"a":1,"status":)" + status + R"(,"sz":[{"status":2}]})");
    CHECK(cli::task_json_text(R"({"note":"x\",\"status\":{","state":"done"})", none) ==
          R"({"note":"x\",\"status\":{","state":"done","status":)" + status + "}");
    CHECK_FALSE(cli::task_json_text(R"({"status":1})", none));
    CHECK_FALSE(cli::task_json_text(R"({"a":1)", none));
    CHECK_FALSE(cli::task_json_text(R"({"a":{"b":1})", none));
    CHECK_FALSE(cli::task_json_text(R"({"a":1,})", none));
    CHECK_FALSE(cli::task_json_text("[1]", none));

    // The answers over HTTP, byte for byte, as parse and dump would write them.
    const std::string today = "2021-10-16";
    engine::Date as_of = *engine::parse_iso_date(today);
    engine::FixedClock clock(engine::vietnam_noon(as_of));
    serve::ServeOptions options;
    options.db_path = cli.db();
    options.threads = 2;
    options.clock = &clock;
    test::RunningServer running(options);
    test::HttpClient client(running.port());
    // The deadline timer records what fell due by `today` when the server
    // starts: wait until two whole lists agree.
    std::string settled;
    for (int i = 0; i < 50; ++i) {
      auto now = client.get("/api/tasks?limit=10000", secretariat);
      REQUIRE(now.status == 200);
      if (now.body == settled) break;
      settled = now.body;
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    auto db = storage::SqliteDatabase::open(cli.db());
    REQUIRE(db);
    storage::ProjectionReader reader(**db);
    auto views = reader.tasks({});
    REQUIRE(views);
    std::map<std::string, engine::TaskView> by_id;
    for (const auto& t : *views) by_id.emplace(t.id, t);
    for (const std::string& target : {std::string("/api/tasks"), std::string("/api/tasks?limit=7&offset=250"),
                                      std::string("/api/tasks?body=ubnd-huyen&limit=4&offset=2")}) {
      CAPTURE(target);
      auto got = client.get(target, target.find("ubnd-huyen") != std::string::npos ? unit : secretariat);
      REQUIRE(got.status == 200);
      json answer = got.json();
      CHECK(got.body == dump(answer));  // nlohmann's own form: sorted keys, no spaces
      CHECK(answer["as_of"] == today);
      REQUIRE_FALSE(answer["tasks"].empty());
      for (const auto& t : answer["tasks"]) {
        auto view = by_id.find(t["id"].get<std::string>());
        REQUIRE(view != by_id.end());
        CHECK(dump(t) == dump(cli::task_json(view->second, engine::status_at(view->second, as_of, calendar, 3))));
      }
    }
    auto whole = reader.task_page({std::nullopt, {}, {}, {}}, 7, 250);
    REQUIRE(whole);
    auto seven = client.get("/api/tasks?limit=7&offset=250", secretariat).json();
    CHECK(seven["total"] == whole->total);
    for (std::size_t i = 0; i < whole->tasks.size(); ++i) CHECK(seven["tasks"][i]["id"] == whole->tasks[i].id);
    auto delegated = client.get("/api/tasks?body=ubnd-xa-ea-ly", secretariat);
    REQUIRE(delegated.status == 200);
    CAPTURE(delegated.body);
    int seen = 0;
    json delegated_list = delegated.json();
    for (const auto& t : delegated_list["tasks"])
      if (t["id"] == duty + ".2") {
        ++seen;
        CHECK(t["status"]["category"] == "done_late");
      }
    CHECK(seen == 1);
  }
}
