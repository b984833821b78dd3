// cli/serve/server.hpp
//
// `cvtrack serve` assembled: the database (one writer connection behind the
// engine Runtime, which commits concurrent commands in groups; a pool of
// reader connections), the deadline timer, the event hub, the HTTP
// listener. open() binds the port, so a test can ask port() and connect;
// run() serves until stop(), then returns once every accepted request is
// answered and every acknowledged write is committed.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <ostream>
#include <thread>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include "cli/serve/api.hpp"
#include "cli/serve/serve_options.hpp"
#include "engine/result.hpp"

namespace cvtrack::serve {

class HttpSession;

class Server {
 public:
  // `log` receives one line per notable thing (start, stop, timer errors).
  static engine::Result<std::unique_ptr<Server>> open(const ServeOptions& options, std::ostream& log);
  ~Server();

  unsigned short port() const { return port_; }
  // Serves on options.threads threads (this one included) until stop().
  void run();
  // Graceful: stop accepting, end event streams, let in-flight requests
  // finish and their writes commit. Thread-safe; a signal handler calls it.
  void stop();

  // For sessions.
  const ServeOptions& options() const { return options_; }
  Api& api() { return *api_; }
  ServeContext& context() { return *context_; }
  bool stopping() const { return stopping_; }
  void track(const std::shared_ptr<HttpSession>& session);

  struct Parts;  // the engine, storage and HTTP pieces, built by open()

 private:
  Server(const ServeOptions& options, std::ostream& log);
  void accept();

  ServeOptions options_;
  std::ostream& log_;
  boost::asio::io_context io_;
  std::unique_ptr<Parts> parts_;
  std::unique_ptr<ServeContext> context_;
  std::unique_ptr<Api> api_;
  std::optional<boost::asio::ip::tcp::acceptor> acceptor_;
  unsigned short port_ = 0;
  std::atomic<bool> stopping_{false};
  std::mutex sessions_mutex_;
  std::vector<std::weak_ptr<HttpSession>> sessions_;
};

}  // namespace cvtrack::serve
