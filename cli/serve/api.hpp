// cli/serve/api.hpp
//
// The JSON API (README.md#http-api): authenticate the bearer token, check
// what the caller may do (engine/access.hpp), read from a pooled
// connection or post the command to the engine runtime, and answer. A
// write is answered once its group is durable; the answer is built off the
// engine strand.
// Every refusal (401, 403) is written to the security log.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <variant>

#include "cli/serve/event_hub.hpp"
#include "cli/serve/http_reply.hpp"
#include "cli/serve/request_target.hpp"
#include "cli/serve/serve_context.hpp"

namespace cvtrack::serve {

using Reply = std::function<void(Response)>;

// One request being answered: who asks, what, over which connection.
struct Call {
  const Request& request;
  const RequestTarget& target;
  const std::string& peer;
  engine::Principal who;
  ReadConnection& connection;
  std::shared_ptr<const Directories> directories;
  engine::Date today;
  bool keep_alive;

  Response ok(const nlohmann::json& body, http::status status = http::status::ok) const {
    return json_response(status, body, request.version(), keep_alive);
  }
  Response fail(const engine::Error& error) const { return error_response(error, request.version(), keep_alive); }
};

class Api {
 public:
  explicit Api(ServeContext& context) : ctx_(context) {}

  // Answers a request under /api/: `reply` is called exactly once, maybe
  // later and from another of the server's threads.
  void handle(const Request& request, const std::string& peer, Reply reply);

  // GET /api/events: the caller's filter and where to resume, or the
  // refusal to send instead.
  struct StreamStart {
    StreamFilter filter;
    std::int64_t after = 0;
  };
  std::variant<StreamStart, Response> start_stream(const Request& request, const std::string& peer);

  ServeContext& context() { return ctx_; }

 private:
  // The principal behind the Authorization header, or a 401 (logged).
  engine::Result<engine::Principal> authenticate(ReadConnection& connection, const Request& request,
                                                 const std::string& peer);
  Response refuse(ReadConnection& connection, const Request& request, const std::string& peer,
                  const engine::Principal* who, const engine::Error& error);

  Response route_read(Call& call);
  void route_write(Call& call, Reply reply);

  ServeContext& ctx_;
};

// Handlers, by resource (api_reads.cpp, api_writes.cpp).
Response get_me(Call& call);
Response get_documents(Call& call);
Response get_document(Call& call, const std::string& id);
Response get_matrix(Call& call, const std::string& id);
Response get_tasks(Call& call);
Response get_task(Call& call, const std::string& id);
Response get_history(Call& call, const std::string& id);
Response get_overdue(Call& call);
Response get_stats(Call& call);
Response get_engine(const ServeContext& ctx, Call& call);
void post_document(ServeContext& ctx, Call& call, Reply reply);
void post_task_action(ServeContext& ctx, Call& call, const std::string& id, const std::string& action, Reply reply);

}  // namespace cvtrack::serve
