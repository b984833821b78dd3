// `cvtrack serve` end to end, in-process: a server on a free loopback
// port over a database made by the command line, a real document
// registered over HTTP, two units and a supervisor acting through the API,
// every refusal with its status, the event stream, and a graceful stop.
#include <doctest/doctest.h>

#include <fstream>
#include <future>
#include <sstream>
#include <thread>

#include "cli/serve/server.hpp"
#include "tests/cli/cli_harness.hpp"
#include "tests/cli/http_client.hpp"
#include "tests/cli/running_server.hpp"

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

}  // namespace

TEST_SUITE("cli/serve") {
  TEST_CASE("a document registered over HTTP, worked on by two units, watched by a supervisor; every refusal") {
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
}
