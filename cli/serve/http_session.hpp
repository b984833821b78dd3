// cli/serve/http_session.hpp
//
// One client connection: read a request (within the size and time limits),
// answer it (the API, the event stream, or a file of the web board), and
// keep the connection for the next request unless the client or a stopping
// server says otherwise. Everything of one connection runs on its own
// strand, as in Beast's advanced server example.
#pragma once

#include <deque>
#include <memory>
#include <optional>
#include <string>

#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "cli/serve/http_reply.hpp"

namespace cvtrack::serve {

class Server;

class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(boost::asio::ip::tcp::socket&& socket, Server& server);

  void start();
  // Shutdown: close now if no request is under way; otherwise after its
  // answer is written. Any thread.
  void stop();

 private:
  void read_request();
  void on_read(boost::beast::error_code ec);
  void answer(Response response);
  void on_written(bool keep_alive, boost::beast::error_code ec);
  void close();

  // The event stream (GET /api/events).
  void start_stream();
  void push_frame(std::int64_t seq, std::string frame);
  void write_next_frame();
  void arm_heartbeat();

  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  Server& server_;
  std::string peer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  Request request_;
  std::shared_ptr<Response> response_;
  bool handling_ = false;   // between a complete request and its written answer
  bool closed_ = false;

  // Event stream state.
  bool streaming_ = false;
  std::int64_t last_seq_ = 0;
  std::deque<std::string> frames_;
  bool writing_frame_ = false;
  bool end_after_frames_ = false;
  std::shared_ptr<void> subscription_;
  std::optional<boost::asio::steady_timer> heartbeat_;
};

}  // namespace cvtrack::serve
