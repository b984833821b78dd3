// cli/serve/serve_options.hpp
//
// What `cvtrack serve` is started with. Tests build these directly, with a
// port of 0 (any free one) and an accelerated clock.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include "engine/clock.hpp"

namespace cvtrack::serve {

struct ServeOptions {
  std::string bind = "127.0.0.1";
  unsigned short port = 8080;              // 0: any free port (see Server::port())
  std::string db_path = "cvtrack.db";
  int threads = 2;                         // I/O threads; writes go through one strand
  std::vector<int> reminders{3, 1};        // working days before a deadline
  std::size_t max_body = 4u << 20;         // bytes: 413 beyond
  std::size_t max_header = 16u << 10;      // bytes: 431 beyond
  // A request must arrive whole within this, and a kept-alive connection
  // may sit idle this long: slow and idle clients cannot hold sockets.
  std::chrono::milliseconds request_timeout{std::chrono::seconds(30)};
  std::chrono::milliseconds heartbeat{std::chrono::seconds(15)};  // event stream keep-alive
  const engine::Clock* clock = nullptr;    // null: the system clock
};

}  // namespace cvtrack::serve
