// tests/bench/http_harness.hpp
//
// What the HTTP figures (3), (6) and (8) share: the real `cvtrack serve`
// program started on a database (as a user starts it), tokens made with
// `cvtrack token create`, and a keep-alive HTTP/1.1 client (one connection,
// many requests, as a browser or a busy unit's client does; the test
// client in tests/cli opens a connection per request, which would measure
// the TCP handshake instead).
#pragma once

#include <sys/types.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace cvtrack::bench {

// `cvtrack serve --db DB --port P` until destroyed (SIGTERM, then waited
// for). Ready once /api/health answers and the log has stopped growing:
// on start the deadline timer records what came due meanwhile, and the
// figures should not measure that catch-up.
class ServeProcess {
 public:
  ServeProcess(const std::string& cvtrack, const std::string& db, const std::string& log);
  ~ServeProcess();
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  bool ok() const { return ok_; }
  int port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  const std::string& log() const { return log_; }
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  bool ok_ = false;
  std::string log_;
};

// Runs a program and returns its stdout; throws (with its stderr) when it
// exits non-zero.
std::string run_capture(const std::vector<std::string>& argv);

// `cvtrack token create --db DB --body BODY --role ROLE`: the token.
std::string create_token(const std::string& cvtrack, const std::string& db, const std::string& body,
                         const std::string& role);

// The highest seq in the log (read-only, beside a running server).
std::int64_t last_seq(const std::string& db);

struct HttpAnswer {
  int status = 0;
  std::string body;
};

// One kept-alive connection to HOST:PORT; a fresh one after a second idle
// (servers close idle ones). Not thread-safe: one per client thread.
class KeepAliveClient {
 public:
  KeepAliveClient(std::string host, int port);
  ~KeepAliveClient();
  KeepAliveClient(KeepAliveClient&&) noexcept;
  KeepAliveClient& operator=(KeepAliveClient&&) noexcept;

  // Throws when the connection fails (not on an HTTP error status).
  HttpAnswer request(const std::string& method, const std::string& target,
                     const std::map<std::string, std::string>& headers = {}, const std::string& body = "");

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A unit and the open tasks it holds, as the figures last left them.
struct UnitTask {
  std::string id;
  std::string state;  // "assigned", "acknowledged", "in_progress", "returned"
};
struct Unit {
  std::string body, token;
  std::vector<UnitTask> tasks;
};
// The (at most `count`) bodies of the directory holding the most open tasks,
// each with a unit token from `cvtrack token create`. Run before `serve`
// starts (token create writes the database).
std::vector<Unit> open_units(const std::string& cvtrack, const std::string& db, int count);

// A free loopback port (bound, read, closed).
int free_loopback_port();

// Does a server on this loopback port answer GET /api/health with 200?
bool health_ok(int port);

}  // namespace cvtrack::bench
