#include "cli/serve/http_session.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>

#include "cli/serve/server.hpp"
#include "cli/serve/static_files.hpp"

namespace cvtrack::serve {

namespace asio = boost::asio;
namespace beast = boost::beast;

HttpSession::HttpSession(asio::ip::tcp::socket&& socket, Server& server)
    : stream_(std::move(socket)), server_(server) {
  beast::error_code ec;
  auto endpoint = stream_.socket().remote_endpoint(ec);
  if (!ec) peer_ = endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
}

void HttpSession::start() {
  asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read_request(); });
}

void HttpSession::stop() {
  asio::post(stream_.get_executor(), [self = shared_from_this()] {
    if (self->streaming_) return;  // the hub's close_all ends streams
    // A request being received or answered finishes first.
    bool receiving = self->parser_ && self->parser_->got_some();
    if (!self->handling_ && !receiving) self->close();
  });
}

void HttpSession::read_request() {
  if (closed_) return;
  if (server_.stopping()) return close();
  parser_.emplace();
  parser_->body_limit(server_.options().max_body);
  parser_->header_limit(static_cast<std::uint32_t>(server_.options().max_header));
  // The whole request, headers and body, must arrive within the timeout:
  // a client trickling bytes (slowloris) or idling is cut off.
  stream_.expires_after(server_.options().request_timeout);
  http::async_read(stream_, buffer_, *parser_,
                   [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
}

void HttpSession::on_read(beast::error_code ec) {
  if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted ||
      ec == asio::error::connection_reset || ec == asio::error::eof)
    return close();
  if (ec) {
    // The request cannot be read to its end: answer why, then hang up.
    http::status status = http::status::bad_request;
    std::string code = "bad_request", message = "malformed HTTP request: " + ec.message();
    if (ec == http::error::body_limit) {
      status = http::status::payload_too_large;
      code = "too_large";
      message = "the request body is over " + std::to_string(server_.options().max_body) + " bytes";
    } else if (ec == http::error::header_limit) {
      status = http::status::request_header_fields_too_large;
      code = "headers_too_large";
      message = "the request headers are over " + std::to_string(server_.options().max_header) + " bytes";
    }
    handling_ = true;
    auto res = error_response(status, code, message, 11, false);
    return answer(std::move(res));
  }
  handling_ = true;
  request_ = parser_->release();
  std::string_view target(request_.target().data(), request_.target().size());
  bool events = target == "/api/events" || target.starts_with("/api/events?");
  if (events && request_.method() == http::verb::get) return start_stream();
  if (target.starts_with("/api/") || target == "/api") {
    auto self = shared_from_this();
    server_.api().handle(request_, peer_, [self](Response response) {
      asio::post(self->stream_.get_executor(),
                 [self, response = std::move(response)]() mutable { self->answer(std::move(response)); });
    });
    return;
  }
  bool keep_alive = request_.keep_alive() && !server_.stopping();
  answer(static_file(request_, keep_alive));
}

void HttpSession::answer(Response response) {
  if (server_.stopping()) response.keep_alive(false);
  response_ = std::make_shared<Response>(std::move(response));
  bool keep_alive = response_->keep_alive();
  stream_.expires_after(server_.options().request_timeout);
  http::async_write(stream_, *response_, [self = shared_from_this(), keep_alive](beast::error_code ec, std::size_t) {
    self->on_written(keep_alive, ec);
  });
}

void HttpSession::on_written(bool keep_alive, beast::error_code ec) {
  handling_ = false;
  response_.reset();
  if (ec || !keep_alive || server_.stopping()) return close();
  read_request();
}

void HttpSession::close() {
  if (closed_) return;
  closed_ = true;
  subscription_.reset();
  if (heartbeat_) heartbeat_->cancel();
  beast::error_code ignored;
  stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  stream_.close();
}

// The event stream: a response with no length, ended by closing. Frames
// are queued and written one at a time; a heartbeat comment every few
// seconds keeps proxies from timing it out and finds dead clients.
void HttpSession::start_stream() {
  auto started = server_.api().start_stream(request_, peer_);
  if (auto* refusal = std::get_if<Response>(&started)) return answer(std::move(*refusal));
  auto& start = std::get<Api::StreamStart>(started);
  streaming_ = true;
  last_seq_ = start.after;
  stream_.expires_never();
  frames_.push_back(
      "HTTP/1.1 200 OK\r\nServer: cvtrack\r\nContent-Type: text/event-stream; charset=utf-8\r\n"
      "Cache-Control: no-store\r\nConnection: close\r\nX-Accel-Buffering: no\r\n\r\n"
      "retry: 2000\n\n");
  auto self = shared_from_this();
  // Subscribe before reading the backlog: what commits meanwhile is
  // delivered after it (posted to this strand) and skipped if already sent.
  subscription_ = server_.context().hub.open(start.filter, [self](std::int64_t seq, std::string frame) {
    asio::post(self->stream_.get_executor(),
               [self, seq, frame = std::move(frame)]() mutable { self->push_frame(seq, std::move(frame)); });
  });
  if (start.after > 0) {
    auto lease = server_.context().reads.acquire();
    if (lease) {
      auto backlog = (*lease)->store.read_all(start.after);
      auto directories = server_.context().directories.get();
      if (backlog) {
        for (const auto& event : *backlog) {
          EventScope scope{document_of(event.stream), std::nullopt};
          if (!event.stream.empty() && event.stream[0] == 'T')
            if (auto task = (*lease)->service.task(event.stream)) scope.holder = task->holder();
          if (stream_wants(start.filter, scope, directories->registry)) frames_.push_back(sse_frame(event, scope));
          last_seq_ = event.seq;
        }
      }
    }
  }
  heartbeat_.emplace(stream_.get_executor());
  arm_heartbeat();
  write_next_frame();
}

void HttpSession::push_frame(std::int64_t seq, std::string frame) {
  if (closed_) return;
  if (seq < 0) {  // the server is stopping
    end_after_frames_ = true;
    if (!writing_frame_) write_next_frame();
    return;
  }
  if (seq <= last_seq_) return;
  last_seq_ = seq;
  frames_.push_back(std::move(frame));
  if (!writing_frame_) write_next_frame();
}

void HttpSession::write_next_frame() {
  if (closed_) return;
  if (frames_.empty()) {
    if (end_after_frames_) close();
    return;
  }
  writing_frame_ = true;
  asio::async_write(stream_, asio::buffer(frames_.front()), [self = shared_from_this()](beast::error_code ec, std::size_t) {
    self->writing_frame_ = false;
    if (ec) return self->close();
    self->frames_.pop_front();
    self->write_next_frame();
  });
}

void HttpSession::arm_heartbeat() {
  heartbeat_->expires_after(server_.options().heartbeat);
  heartbeat_->async_wait([self = shared_from_this()](beast::error_code ec) {
    if (ec || self->closed_) return;
    self->frames_.push_back(": keep-alive\n\n");
    if (!self->writing_frame_) self->write_next_frame();
    self->arm_heartbeat();
  });
}

}  // namespace cvtrack::serve
