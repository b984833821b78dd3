// tests/cli/running_server.hpp
//
// A `cvtrack serve` on its own threads for the length of a test: a free
// loopback port, an injected clock, and the limits a test wants small.
#pragma once

#include <memory>
#include <sstream>
#include <string>
#include <thread>

#include <doctest/doctest.h>

#include "cli/serve/server.hpp"

namespace cvtrack::test {

class RunningServer {
 public:
  // `options.db_path` and `options.clock` must be set; the port is chosen.
  explicit RunningServer(serve::ServeOptions options) : options_(std::move(options)) {
    options_.port = 0;
    auto opened = serve::Server::open(options_, log_);
    REQUIRE_MESSAGE(bool(opened), (opened ? std::string() : opened.error().message));
    server_ = std::move(*opened);
    thread_ = std::thread([this] { server_->run(); });
  }
  RunningServer(const RunningServer&) = delete;
  RunningServer& operator=(const RunningServer&) = delete;
  ~RunningServer() { stop(); }

  void stop() {
    if (!thread_.joinable()) return;
    server_->stop();
    thread_.join();
  }
  unsigned short port() const { return server_->port(); }

 private:
  serve::ServeOptions options_;
  std::ostringstream log_;
  std::unique_ptr<serve::Server> server_;
  std::thread thread_;
};

}  // namespace cvtrack::test
