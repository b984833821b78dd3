// Issue 7, hostile input over HTTP: a real `cvtrack serve` on a loopback
// port is sent what a careless or malicious client sends — oversized and
// malformed requests, JSON of the wrong shape, slow and idle connections,
// tokens of another body or revoked, path tricks, HTTP/1.0, pipelining.
// Each is refused with its status (401 and 403 written to the security
// log), nothing is written to the event log, and the server still answers
// /api/health afterwards.
#include <doctest/doctest.h>

#include <chrono>
#include <functional>
#include <fstream>
#include <sstream>
#include <thread>

#include "storage/sqlite_database.hpp"
#include "storage/token_store.hpp"
#include "tests/cli/cli_harness.hpp"
#include "tests/cli/http_client.hpp"
#include "tests/cli/running_server.hpp"

using namespace cvtrack;
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using nlohmann::json;
using namespace std::string_literals;

namespace {

const std::string kDirectory = std::string(CVTRACK_SOURCE_DIR) + "/workflows/data/directories/song-hinh-2021.json";
const std::string kDocument = std::string(CVTRACK_FIXTURES_DIR) + "/song-hinh-281-CV-HU.txt";

std::string token(test::Cli& cli, const std::string& body, const std::string& role) {
  auto r = cli.run("token", {"create", "--body", body, "--role", role});
  REQUIRE_MESSAGE(r.code == 0, (r.err));
  return r.out.substr(0, r.out.find('\n'));
}

// One connection, written and read step by step.
class Connection {
 public:
  explicit Connection(unsigned short port) : stream_(io_) {
    stream_.expires_after(std::chrono::seconds(30));
    stream_.connect({asio::ip::make_address("127.0.0.1"), port});
  }
  bool send(std::string_view bytes) {
    beast::error_code ec;
    asio::write(stream_, asio::buffer(bytes.data(), bytes.size()), ec);
    return !ec;
  }
  // The next response; status 0 and the error in `body` when the server
  // closed the connection (or our 30 s ran out) first.
  test::HttpResult read() {
    http::response_parser<http::string_body> parser;
    parser.body_limit(64u << 20);
    beast::error_code ec;
    http::read(stream_, buffer_, parser, ec);
    last_error_ = ec;
    if (ec) return {0, ec.message(), {}};
    test::HttpResult out;
    out.status = static_cast<int>(parser.get().result_int());
    out.body = parser.get().body();
    version_ = parser.get().version();
    return out;
  }
  // True when the server hung up (end of stream or reset), false when our
  // own 30 s deadline ran out first: the server was still waiting.
  bool closed_by_server() {
    if (!last_error_) read();
    return last_error_ && last_error_ != beast::error::timeout;
  }
  unsigned version() const { return version_; }

 private:
  asio::io_context io_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  beast::error_code last_error_;
  unsigned version_ = 0;
};

struct Fixture {
  test::Cli cli;
  std::string secretariat, ea_ba, y_te, revoked;
  std::string task;  // assigned, held by xa-ea-ba
  engine::FixedClock clock{engine::vietnam_noon(*engine::parse_iso_date("2021-09-08"))};

  Fixture() {
    REQUIRE(cli.run("init", {"--directory", kDirectory, "--as-of", "2021-09-06"}).code == 0);
    REQUIRE(cli.run("ingest", {kDocument, "--as-of", "2021-09-07"}).code == 0);
    secretariat = token(cli, "secretariat", "secretariat");
    ea_ba = token(cli, "xa-ea-ba", "unit");
    y_te = token(cli, "phong-y-te", "unit");
    revoked = token(cli, "xa-son-giang", "unit");
    REQUIRE(cli.run("token", {"revoke", "tok4"}).code == 0);
    auto mine = cli.run("tasks", {"--body", "xa-ea-ba", "--json"});
    REQUIRE(mine.code == 0);
    REQUIRE(mine.json().size() > 0);
    task = mine.json()[0]["id"];
  }

  serve::ServeOptions options(std::chrono::milliseconds request_timeout = std::chrono::seconds(30)) {
    serve::ServeOptions o;
    o.db_path = cli.db();
    o.clock = &clock;
    o.threads = 2;
    o.request_timeout = request_timeout;
    return o;
  }

  std::vector<storage::SecurityLogRow> security_log() {
    auto db = storage::SqliteDatabase::open(cli.db());
    REQUIRE(db);
    auto rows = storage::TokenStore(**db).refusals();
    REQUIRE(rows);
    return *rows;
  }
};

struct Refused {
  std::string what;
  std::function<test::HttpResult()> send;
  int status;
  std::string message;  // empty: any; else the error message exactly
};

void expect_all(test::HttpClient& client, const std::vector<Refused>& cases) {
  for (const auto& c : cases) {
    CAPTURE(c.what);
    auto r = c.send();
    CHECK(r.status == c.status);
    if (!c.message.empty()) CHECK(r.json()["error"].value("message", "") == c.message);
    CHECK(client.get("/api/health").status == 200);
  }
}

}  // namespace

TEST_SUITE("cli/serve_hostile") {
  TEST_CASE("issue 7: malformed, oversized and wrongly shaped requests are refused and nothing is written") {
    Fixture f;
    test::RunningServer running(f.options());
    test::HttpClient client(running.port());
    const std::string ack = "/api/tasks/" + f.task + "/ack";
    const std::string progress = "/api/tasks/" + f.task + "/progress";
    const std::string complete = "/api/tasks/" + f.task + "/complete";
    const std::string delegate = "/api/tasks/" + f.task + "/delegate";
    const std::string extend = "/api/tasks/" + f.task + "/extend";
    REQUIRE(client.post(ack, f.ea_ba, json::object()).status == 200);
    long long events = f.cli.events();

    auto post = [&](const std::string& target, const std::string& token, const std::string& body) {
      return [&client, target, token, body] { return client.request(http::verb::post, target, token, body); };
    };
    auto raw = [&](const std::string& bytes) { return [&client, bytes] { return client.raw(bytes); }; };
    const std::string ten_mb(10u << 20, 'x');
    const std::string object_please = "the request body must be a JSON object";
    const std::string percent = "\"percent\" is required, a whole number 0-100";
    std::vector<Refused> cases = {
        // JSON of the wrong shape.
        {"an array for an object", post(ack, f.ea_ba, "[1, 2]"), 400, object_please},
        {"null for an object", post(complete, f.ea_ba, "null"), 400, object_please},
        {"a string for an object", post(complete, f.ea_ba, "\"xong\""), 400, object_please},
        {"not JSON", post(complete, f.ea_ba, "{note: xong}"), 400, "the request body is not valid JSON"},
        {"JSON cut short", post(complete, f.ea_ba, "{\"note\": \"xo"), 400, "the request body is not valid JSON"},
        {"bytes that are not UTF-8", post(complete, f.ea_ba, "{\"note\": \"\xff\xfe\"}"), 400,
         "the request body is not valid JSON"},
        {"nested a million deep", post(complete, f.ea_ba, std::string(1'000'000, '[')), 400,
         "the request body is not valid JSON"},
        {"a string for a number", post(progress, f.ea_ba, R"({"percent": "50"})"), 400, percent},
        {"a fraction for a whole number", post(progress, f.ea_ba, R"({"percent": 50.5})"), 400, percent},
        {"a percent past int", post(progress, f.ea_ba, R"({"percent": 4294967346})"), 400,
         "\"percent\" must be 0 to 100, not 4294967346"},
        {"a percent past int64", post(progress, f.ea_ba, R"({"percent": 18446744073709551615})"), 400,
         "\"percent\" must be 0 to 100, not 18446744073709551615"},
        {"a number for a string", post(complete, f.ea_ba, R"({"note": 7})"), 400, "\"note\" must be a string"},
        {"a list for a string", post(complete, f.ea_ba, R"({"note": ["xong"]})"), 400, "\"note\" must be a string"},
        {"an object for a string", post(complete, f.ea_ba, R"({"note": {"text": "xong"}})"), 400,
         "\"note\" must be a string"},
        {"a string for a list", post(delegate, f.ea_ba, R"({"to": "thon-1"})"), 400,
         "\"to\" is required: a list of body ids, e.g. [\"ubnd-xa-ea-ba\"]"},
        {"numbers in the list", post(delegate, f.ea_ba, R"({"to": [1, 2]})"), 400,
         "\"to\" must list body ids as strings"},
        {"a number for a date", post(extend, f.secretariat, R"({"deadline": 20211001, "reason": "x"})"), 400,
         "\"deadline\" must be a string"},
        {"a date that does not exist", post(extend, f.secretariat, R"({"deadline": "2021-02-29", "reason": "x"})"),
         400, "\"deadline\": \"2021-02-29\" is not a day of the calendar: February 2021 has 28 days"},
        {"a deadline before the task was assigned",
         post(extend, f.secretariat, R"({"deadline": "2021-09-01", "reason": "x"})"), 400,
         f.task + ": cannot extend: the new deadline 2021-09-01 is before the task was assigned, on 2021-09-07"},
        {"a number for the document text", post("/api/documents", f.secretariat, R"({"text": 5})"), 400,
         "\"text\" must be a string"},
        {"an empty document", post("/api/documents", f.secretariat, R"({"text": "", "source": "x.txt"})"), 400,
         "\"text\" must not be empty"},
        {"a binary document", post("/api/documents", f.secretariat, R"({"text": "Kính gửi\u0000", "source": "x.txt"})"),
         400, "x.txt:1: byte 11 is NUL: this is a binary file, not a text document"},
        {"a 10 MB field", post(complete, f.ea_ba, "{\"note\": \"" + ten_mb + "\"}"), 413,
         "the request body is over 4194304 bytes"},
        {"a 10 MB document", post("/api/documents", f.secretariat, "{\"text\": \"" + ten_mb + "\"}"), 413, ""},
        // Malformed and oversized HTTP.
        {"headers past the limit",
         [&] { return client.request(http::verb::get, "/api/tasks", f.ea_ba, "", {{"X-Pad", std::string(32u << 10, 'p')}}); },
         431, "the request headers are over 16384 bytes"},
        {"not HTTP", raw("HELLO\r\n\r\n"), 400, ""},
        {"no version", raw("GET /api/health\r\n\r\n"), 400, ""},
        {"HTTP/2.0 on the request line", raw("GET /api/health HTTP/2.0\r\nHost: x\r\n\r\n"), 400, ""},
        {"a negative length", raw("POST " + ack + " HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"), 400, ""},
        {"two lengths", raw("POST " + ack + " HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}"),
         400, ""},
        {"a broken chunk", raw("POST " + ack + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"),
         400, ""},
        {"a NUL in the request line", raw("GET /api/health\0 HTTP/1.1\r\nHost: x\r\n\r\n"s), 400, ""},
        {"a length past the limit", raw("POST " + ack + " HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999\r\n\r\n"), 413,
         ""},
        // Path tricks.
        {"an encoded ../..", [&] { return client.get("/api/tasks/..%2F..", f.ea_ba); }, 400,
         "path segment \"..%2F..\" is not allowed"},
        {"an encoded ..", [&] { return client.get("/api/tasks/%2e%2e/T1.1", f.ea_ba); }, 400,
         "path segment \"%2e%2e\" is not allowed"},
        {"a plain ..", [&] { return client.get("/api/tasks/../../etc/passwd", f.ea_ba); }, 400,
         "path segment \"..\" is not allowed"},
        {"an encoded backslash", [&] { return client.get("/api/tasks/..%5C..", f.ea_ba); }, 400,
         "path segment \"..%5C..\" is not allowed"},
        {"an encoded NUL", [&] { return client.get("/api/tasks/" + f.task + "%00.txt", f.ea_ba); }, 400,
         "a NUL byte in the request target"},
        {"broken percent-encoding", [&] { return client.get("/api/tasks/T1%zz", f.ea_ba); }, 400,
         "malformed percent-encoding in \"T1%zz\""},
        {"doubled slashes", [&] { return client.get("//api//tasks", f.ea_ba); }, 404, "no such page: //api//tasks"},
        {"the board's files by ..", [&] { return client.get("/../../../etc/passwd"); }, 404, ""},
        {"an absolute URI", [&] { return client.get("http://evil.example/api/tasks", f.ea_ba); }, 404, ""},
        {"a method we do not use", [&] { return client.request(http::verb::delete_, "/api/tasks/" + f.task, f.ea_ba); },
         405, "DELETE is not used here: GET reads, POST acts"},
    };
    expect_all(client, cases);
    CHECK(f.cli.events() == events);
  }

  TEST_CASE("issue 7: another body's token, a revoked one, a forged one: refused and in the security log") {
    Fixture f;
    test::RunningServer running(f.options());
    test::HttpClient client(running.port());
    long long events = f.cli.events();
    std::size_t logged = f.security_log().size();
    const std::string ack = "/api/tasks/" + f.task + "/ack";
    std::vector<Refused> cases = {
        {"no token", [&] { return client.get("/api/tasks"); }, 401,
         "no token: send \"Authorization: Bearer TOKEN\""},
        {"another body's token reads", [&] { return client.get("/api/tasks/" + f.task, f.y_te); }, 403, ""},
        {"another body's token acts", [&] { return client.post(ack, f.y_te, json::object()); }, 403, ""},
        {"a revoked token", [&] { return client.post(ack, f.revoked, json::object()); }, 401, ""},
        {"a forged token", [&] { return client.get("/api/tasks", "cvt_" + std::string(43, 'A')); }, 401, ""},
        {"a 8 KiB token", [&] { return client.get("/api/tasks", std::string(8u << 10, 'k')); }, 401, ""},
        {"a token with a NUL", [&] { return client.raw("GET /api/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                                                       f.ea_ba + std::string(1, '\0') + "x\r\n\r\n"); },
         400, ""},
        {"a unit registering a document",
         [&] { return client.post("/api/documents", f.ea_ba, json{{"text", "Kính gửi: các xã"}}); }, 403, ""},
        {"a unit approving its own task", [&] { return client.post("/api/tasks/" + f.task + "/approve", f.ea_ba, json::object()); },
         403, ""},
    };
    expect_all(client, cases);
    CHECK(f.cli.events() == events);

    auto log = f.security_log();
    REQUIRE(log.size() == logged + 8);  // all but the NUL, which never reached the API
    std::vector<storage::SecurityLogRow> mine(log.begin() + long(logged), log.end());
    CHECK(mine[0].refusal.status == 401);
    CHECK_FALSE(mine[0].refusal.token_id);
    CHECK(mine[1].refusal.status == 403);
    CHECK(mine[1].refusal.token_id == "tok3");
    CHECK(mine[1].refusal.body == "phong-y-te");
    CHECK(mine[1].refusal.target == "/api/tasks/" + f.task);
    CHECK(mine[2].refusal.status == 403);
    CHECK(mine[2].refusal.method == "POST");
    CHECK(mine[2].refusal.target == ack);
    CHECK(mine[3].refusal.status == 401);
    CHECK(mine[3].refusal.reason.find("tok4") != std::string::npos);
    CHECK(mine[4].refusal.status == 401);
    CHECK(mine[4].refusal.reason.find(std::string(43, 'A')) == std::string::npos);  // the secret is not repeated
    CHECK(mine[6].refusal.target == "/api/documents");
    CHECK(mine[7].refusal.token_id == "tok2");
  }

  TEST_CASE("issue 6: who may act is refused before what is malformed, with the same answers, wherever it is checked") {
    Fixture f;
    test::RunningServer running(f.options());
    test::HttpClient client(running.port());
    auto seen = client.get("/api/tasks/" + f.task, f.ea_ba);
    REQUIRE(seen.status == 200);
    REQUIRE(seen.json()["spec"]["body"] == "xa-ea-ba");
    long long events = f.cli.events();
    std::size_t logged = f.security_log().size();
    const std::string task = "/api/tasks/" + f.task;
    const std::string stranger = f.task + ": phong-y-te (unit token) may not read it: it is held by xa-ea-ba, "
                                          "which is neither phong-y-te nor a body it directs";
    const std::string own = f.task + ": xa-ea-ba (unit token) may not approve it: it holds the task, and a holder "
                                     "may not approve its own task; the secretariat or a body above it may";
    const std::string half = "\"percent\" is required, a whole number 0-100";
    auto post = [&](const std::string& target, const std::string& token, const std::string& body) {
      return [&, target, token, body] { return client.request(http::verb::post, target, token, body); };
    };
    std::vector<Refused> cases = {
        {"a stranger acks", post(task + "/ack", f.y_te, "{}"), 403, stranger},
        {"a stranger sends progress that is no number", post(task + "/progress", f.y_te, R"({"percent":"half"})"),
         403, stranger},
        {"a stranger sends a body that is not JSON", post(task + "/ack", f.y_te, "{"), 403, stranger},
        {"a stranger sends a body that is no object", post(task + "/complete", f.y_te, "[1]"), 403, stranger},
        {"the holder approves its own task", post(task + "/approve", f.ea_ba, "{}"), 403, own},
        {"the holder approves its own task with a body that is not JSON", post(task + "/approve", f.ea_ba, "{"), 403,
         own},
        {"the holder sends progress that is no number", post(task + "/progress", f.ea_ba, R"({"percent":"half"})"),
         400, half},
        {"the holder sends a body that is not JSON", post(task + "/ack", f.ea_ba, "{"), 400,
         "the request body is not valid JSON"},
        {"a stranger, a task that does not exist", post("/api/tasks/T1.9999/ack", f.y_te, "{}"), 404,
         "T1.9999: no such task"},
        {"a stranger, a task that does not exist, a bad body", post("/api/tasks/T1.9999/progress", f.y_te, "{"), 404,
         "T1.9999: no such task"},
        {"a document's id for a task", post("/api/tasks/D1/ack", f.secretariat, "{}"), 404, "D1: no such task"},
        {"a stranger, an action that does not exist", post(task + "/fly", f.y_te, "{}"), 404,
         "no action \"fly\": ack, progress, complete, report, delegate, approve, return, extend, cancel"},
    };
    expect_all(client, cases);
    CHECK(f.cli.events() == events);
    // Every 403 is in the security log with the caller and the reason sent.
    auto log = f.security_log();
    REQUIRE(log.size() == logged + 6);
    for (std::size_t i = 0; i < 6; ++i) {
      const auto& refusal = log[logged + i].refusal;
      CAPTURE(i);
      CHECK(refusal.status == 403);
      CHECK(refusal.method == "POST");
      CHECK(refusal.token_id == (i < 4 ? "tok3" : "tok2"));
      CHECK(refusal.reason == (i < 4 ? stranger : own));
    }

    // The holder acts; the stranger is still refused, against the task as it now stands.
    auto acked = client.post(task + "/ack", f.ea_ba, json::object());
    REQUIRE(acked.status == 200);
    CHECK(acked.json()["task"]["state"] == "acknowledged");
    auto again = client.post(task + "/progress", f.y_te, json{{"percent", 50}});
    CHECK(again.status == 403);
    CHECK(again.json()["error"].value("message", "") == stranger);
    CHECK(acked.json()["events"].size() == 1);
  }

  TEST_CASE("issue 7: HTTP/1.0, pipelined requests and a bad one in the pipeline") {
    Fixture f;
    test::RunningServer running(f.options());
    test::HttpClient client(running.port());
    {
      Connection old(running.port());
      REQUIRE(old.send("GET /api/health HTTP/1.0\r\n\r\n"));
      auto r = old.read();
      CHECK(r.status == 200);
      CHECK(old.version() == 10);
      CHECK(old.closed_by_server());  // 1.0 without keep-alive: one request
    }
    {
      Connection old(running.port());
      REQUIRE(old.send("GET /api/me HTTP/1.0\r\nAuthorization: Bearer " + f.ea_ba + "\r\n\r\n"));
      auto r = old.read();
      CHECK(r.status == 200);
      CHECK(r.json()["body"] == "xa-ea-ba");
    }
    {
      Connection pipe(running.port());
      std::string auth = "Authorization: Bearer " + f.ea_ba + "\r\n";
      REQUIRE(pipe.send("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n"
                        "GET /api/me HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n"
                        "GET /api/tasks/..%2F.. HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n"
                        "GET /api/tasks/" + f.task + " HTTP/1.1\r\nHost: x\r\n\r\n"
                        "POST /api/tasks/" + f.task + "/ack HTTP/1.1\r\nHost: x\r\n" + auth +
                        "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
                        "GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
      CHECK(pipe.read().status == 200);
      auto me = pipe.read();
      CHECK(me.status == 200);
      CHECK(me.json()["body"] == "xa-ea-ba");
      CHECK(pipe.read().status == 400);
      CHECK(pipe.read().status == 401);
      auto acked = pipe.read();
      CHECK(acked.status == 200);
      CHECK(acked.json()["task"]["state"] == "acknowledged");
      CHECK(pipe.read().status == 200);
      CHECK(pipe.closed_by_server());
    }
    {
      // Garbage after a good request: the good one is answered, then the
      // connection is refused and closed.
      Connection pipe(running.port());
      REQUIRE(pipe.send("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\nNOT HTTP\r\n\r\n"));
      CHECK(pipe.read().status == 200);
      CHECK(pipe.read().status == 400);
      CHECK(pipe.closed_by_server());
    }
    CHECK(client.get("/api/health").status == 200);
  }

  TEST_CASE("issue 7: a client sending its headers a byte at a time, or nothing, is cut off by the request timeout") {
    Fixture f;
    test::RunningServer running(f.options(std::chrono::milliseconds(500)));
    test::HttpClient client(running.port());
    {
      // One byte per 100 ms: the request would take 5 s to arrive whole.
      Connection slow(running.port());
      std::string request = "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow: " + std::string(40, 's') + "\r\n\r\n";
      for (char c : request) {
        if (!slow.send(std::string_view(&c, 1))) break;  // the server has hung up
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
      // Whole at last, yet never answered: the server hung up long before.
      auto r = slow.read();
      CHECK(r.status == 0);
      CHECK(slow.closed_by_server());
    }
    {
      Connection idle(running.port());
      auto r = idle.read();
      CHECK(r.status == 0);
      CHECK(idle.closed_by_server());
    }
    {
      // A body promised and never sent.
      Connection stalled(running.port());
      REQUIRE(stalled.send("POST /api/tasks/" + f.task + "/ack HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                           f.ea_ba + "\r\nContent-Length: 100\r\n\r\n{"));
      CHECK(stalled.read().status == 0);
      CHECK(stalled.closed_by_server());
    }
    // A normal client is still served at once.
    CHECK(client.get("/api/health").status == 200);
    CHECK(client.get("/api/me", f.ea_ba).status == 200);
  }
}
