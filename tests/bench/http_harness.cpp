#include "tests/bench/http_harness.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <optional>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "tests/bench/measure.hpp"

namespace cvtrack::bench {

namespace http = boost::beast::http;

int free_loopback_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

namespace {

pid_t spawn(const std::vector<std::string>& argv, const std::string& out_path, const std::string& err_path) {
  pid_t pid = ::fork();
  if (pid == 0) {
    if (!std::freopen(out_path.c_str(), "w", stdout)) ::_exit(126);
    if (!std::freopen(err_path.c_str(), err_path == out_path ? "a" : "w", stderr)) ::_exit(126);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execvp(args[0], args.data());
    ::_exit(127);
  }
  if (pid < 0) throw std::runtime_error("fork failed for " + argv[0]);
  return pid;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

bool health_ok(int port) {
  try {
    KeepAliveClient client("127.0.0.1", port);
    return client.request("GET", "/api/health").status == 200;
  } catch (const std::exception&) {
    return false;
  }
}

std::string run_capture(const std::vector<std::string>& argv) {
  char out_template[] = "/tmp/cvtrack-bench-outXXXXXX";
  char err_template[] = "/tmp/cvtrack-bench-errXXXXXX";
  int out_fd = ::mkstemp(out_template), err_fd = ::mkstemp(err_template);
  ::close(out_fd);
  ::close(err_fd);
  pid_t pid = spawn(argv, out_template, err_template);
  int status = 0;
  ::waitpid(pid, &status, 0);
  std::string out = slurp(out_template), err = slurp(err_template);
  ::unlink(out_template);
  ::unlink(err_template);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::string line;
    for (const auto& a : argv) line += (line.empty() ? "" : " ") + a;
    throw std::runtime_error(line + " failed: " + err);
  }
  return out;
}

std::string create_token(const std::string& cvtrack, const std::string& db, const std::string& body,
                         const std::string& role) {
  std::string out = run_capture({cvtrack, "token", "create", "--db", db, "--body", body, "--role", role,
                                 "--label", "cvtrack_bench"});
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  if (out.rfind("cvt_", 0) != 0) throw std::runtime_error("cvtrack token create printed no token: " + out);
  return out;
}

std::int64_t last_seq(const std::string& db) {
  SQLite::Database raw(db, SQLite::OPEN_READONLY);
  return raw.execAndGet("SELECT COALESCE(MAX(seq), 0) FROM events").getInt64();
}

ServeProcess::ServeProcess(const std::string& cvtrack, const std::string& db, const std::string& log)
    : log_(log) {
  port_ = free_loopback_port();
  pid_ = spawn({cvtrack, "serve", "--db", db, "--port", std::to_string(port_)}, log, log);
  Stopwatch w;
  while (w.seconds() < 120 && !ok_) {
    if (health_ok(port_)) ok_ = true;
    int status = 0;
    if (!ok_ && ::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;  // exited: no serve here
      return;
    }
    if (!ok_) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (!ok_) return;
  // The catch-up: wait until three looks 300 ms apart see the same log.
  std::int64_t seen = -1;
  int same = 0;
  while (w.seconds() < 300 && same < 3) {
    std::int64_t now = last_seq(db);
    same = now == seen ? same + 1 : 0;
    seen = now;
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
  }
}

ServeProcess::~ServeProcess() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  ::waitpid(pid_, nullptr, 0);
}

struct KeepAliveClient::Impl {
  std::string host;
  int port;
  boost::asio::io_context io;
  std::optional<boost::beast::tcp_stream> stream;
  boost::beast::flat_buffer buffer;
  std::chrono::steady_clock::time_point last_used;

  void connect() {
    stream.emplace(io);
    stream->connect(boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address(host),
                                                   static_cast<unsigned short>(port)));
    stream->socket().set_option(boost::asio::ip::tcp::no_delay(true));
    buffer.clear();
  }
};

KeepAliveClient::KeepAliveClient(std::string host, int port) : impl_(std::make_unique<Impl>()) {
  impl_->host = std::move(host);
  impl_->port = port;
}
KeepAliveClient::~KeepAliveClient() = default;
KeepAliveClient::KeepAliveClient(KeepAliveClient&&) noexcept = default;
KeepAliveClient& KeepAliveClient::operator=(KeepAliveClient&&) noexcept = default;

HttpAnswer KeepAliveClient::request(const std::string& method, const std::string& target,
                                    const std::map<std::string, std::string>& headers, const std::string& body) {
  http::request<http::string_body> req{http::string_to_verb(method), target, 11};
  req.set(http::field::host, impl_->host + ":" + std::to_string(impl_->port));
  req.keep_alive(true);
  for (const auto& [name, value] : headers) req.set(name, value);
  if (!body.empty() || method != "GET") {
    if (!headers.count("Content-Type")) req.set(http::field::content_type, "application/json");
    req.body() = body;
  }
  req.prepare_payload();
  // Servers close idle kept-alive connections (WEBrick after 2 s): one idle
  // for a second is replaced before sending, so a request is never sent on
  // a connection being closed. A GET that fails anyway is tried once more
  // on a fresh connection; anything else is not (it may have been done).
  if (impl_->stream && std::chrono::steady_clock::now() - impl_->last_used > std::chrono::seconds(1))
    impl_->stream.reset();
  for (int attempt = 0;; ++attempt) {
    if (!impl_->stream) impl_->connect();
    impl_->stream->expires_after(std::chrono::seconds(120));
    boost::beast::error_code ec;
    http::write(*impl_->stream, req, ec);
    http::response_parser<http::string_body> parser;
    parser.body_limit(256u << 20);
    if (!ec) http::read(*impl_->stream, impl_->buffer, parser, ec);
    impl_->last_used = std::chrono::steady_clock::now();
    if (ec) {
      impl_->stream.reset();
      if (attempt == 0 && method == "GET") continue;
      throw std::runtime_error(method + " " + target + ": " + ec.message());
    }
    HttpAnswer answer{int(parser.get().result_int()), std::move(parser.get().body())};
    if (!parser.get().keep_alive()) impl_->stream.reset();
    return answer;
  }
}

}  // namespace cvtrack::bench

namespace cvtrack::bench {

std::vector<Unit> open_units(const std::string& cvtrack, const std::string& db, int count) {
  std::vector<Unit> units;
  {
    SQLite::Database raw(db, SQLite::OPEN_READONLY);
    // A holder the directory does not know is kept as its written name
    // (with spaces): no unit token can speak for it.
    SQLite::Statement bodies(raw, "SELECT holder FROM tasks WHERE state IN ('assigned', 'acknowledged', "
                                  "'in_progress', 'returned') AND holder NOT LIKE '% %' "
                                  "GROUP BY holder ORDER BY COUNT(*) DESC, holder LIMIT ?");
    bodies.bind(1, count);
    SQLite::Statement tasks(raw, "SELECT id, state FROM tasks WHERE holder = ? AND state IN ('assigned', "
                                 "'acknowledged', 'in_progress', 'returned') ORDER BY id");
    while (bodies.executeStep()) {
      Unit unit{bodies.getColumn(0).getString(), "", {}};
      tasks.bind(1, unit.body);
      while (tasks.executeStep()) unit.tasks.push_back({tasks.getColumn(0).getString(), tasks.getColumn(1).getString()});
      tasks.reset();
      units.push_back(std::move(unit));
    }
  }
  for (auto& unit : units) unit.token = create_token(cvtrack, db, unit.body, "unit");
  return units;
}

}  // namespace cvtrack::bench
