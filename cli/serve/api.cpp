#include "cli/serve/api.hpp"

#include <string_view>

#include <boost/asio/post.hpp>

namespace cvtrack::serve {

namespace {

engine::Error error(engine::ErrorCode code, std::string message) { return engine::make_error(code, std::move(message)); }

std::string_view view(boost::beast::string_view text) { return {text.data(), text.size()}; }

std::optional<std::string> bearer_token(const Request& request) {
  auto header = request[http::field::authorization];
  constexpr boost::beast::string_view prefix = "Bearer ";
  if (header.size() <= prefix.size() || !boost::beast::iequals(header.substr(0, prefix.size()), prefix))
    return std::nullopt;
  std::string token(header.substr(prefix.size()));
  while (!token.empty() && token.back() == ' ') token.pop_back();
  return token;
}

bool is_write(http::verb method) { return method == http::verb::post; }

}  // namespace

engine::Result<engine::Principal> Api::authenticate(ReadConnection& connection, const Request& request,
                                                    const std::string& peer) {
  auto token = bearer_token(request);
  if (!token) {
    auto e = error(engine::ErrorCode::unauthenticated, "no token: send \"Authorization: Bearer TOKEN\"");
    refuse(connection, request, peer, nullptr, e);
    return e;
  }
  auto who = connection.tokens.authenticate(*token);
  if (!who) {
    if (who.error().code == engine::ErrorCode::unauthenticated) refuse(connection, request, peer, nullptr, who.error());
    return who.error();
  }
  return *who;
}

Response Api::refuse(ReadConnection& connection, const Request& request, const std::string& peer,
                     const engine::Principal* who, const engine::Error& e) {
  storage::Refusal refusal;
  refusal.at = engine::to_utc_iso(ctx_.clock.now());
  if (who) {
    refusal.token_id = who->token_id;
    refusal.body = who->body;
    refusal.role = engine::role_name(who->role);
  }
  refusal.method = std::string(request.method_string());
  refusal.target = std::string(request.target());
  refusal.status = static_cast<int>(status_for(e.code));
  refusal.reason = e.message;
  refusal.peer = peer;
  // A refusal that cannot be logged is still a refusal.
  (void)connection.tokens.record_refusal(refusal);
  return error_response(e, request.version(), request.keep_alive() && !ctx_.stopping);
}

void Api::handle(const Request& request, const std::string& peer, Reply reply) {
  bool keep_alive = request.keep_alive() && !ctx_.stopping;
  auto fail = [&](const engine::Error& e) { reply(error_response(e, request.version(), keep_alive)); };

  auto target = parse_target(view(request.target()));
  if (!target) return fail(target.error());
  const auto& path = target->segments;
  if (path.size() == 2 && path[1] == "health") {
    if (request.method() != http::verb::get && request.method() != http::verb::head)
      return reply(error_response(http::status::method_not_allowed, "method_not_allowed",
                                  "GET /api/health", request.version(), keep_alive));
    return reply(json_response(http::status::ok, {{"status", ctx_.stopping ? "stopping" : "ok"}},
                               request.version(), keep_alive));
  }
  if (is_write(request.method()) && ctx_.stopping)
    return fail(error(engine::ErrorCode::unavailable, "the server is stopping; try again shortly"));

  auto lease = ctx_.reads.acquire();
  if (!lease) return fail(lease.error());
  ReadConnection& connection = **lease;
  auto who = authenticate(connection, request, peer);
  if (!who) return fail(who.error());

  Call call{request, *target, peer, *who, connection, ctx_.directories.get(), ctx_.today(), keep_alive};
  if (request.method() == http::verb::get || request.method() == http::verb::head) {
    Response response = route_read(call);
    auto status = response.result();
    if (status == http::status::forbidden || status == http::status::unauthorized) {
      // Log the refusal with the caller's identity: it is a security event.
      auto body = nlohmann::json::parse(response.body(), nullptr, false);
      std::string message = body.is_object() ? body["error"].value("message", "") : "";
      refuse(connection, request, peer, &call.who,
             error(status == http::status::forbidden ? engine::ErrorCode::forbidden
                                                     : engine::ErrorCode::unauthenticated,
                   message));
    }
    return reply(std::move(response));
  }
  if (request.method() != http::verb::post)
    return reply(error_response(http::status::method_not_allowed, "method_not_allowed",
                                std::string(request.method_string()) + " is not used here: GET reads, POST acts",
                                request.version(), keep_alive));
  // Writes answer later, from the engine strand, and so do the refusals
  // decided there (who may act is checked against the task the command is
  // decided on). A refusal is logged with a write of its own, and a lease
  // may have to wait for a read connection: done off the strand, so a flood
  // of forbidden requests does not hold up the commands behind it.
  Api* self = this;
  std::string method(request.method_string()), raw_target(request.target());
  engine::Principal caller = call.who;
  route_write(call, [self, reply, peer, caller, method, raw_target](Response response) {
    if (response.result() != http::status::forbidden) return reply(std::move(response));
    boost::asio::post(self->ctx_.io, [self, reply, peer, caller, method, raw_target,
                               response = std::move(response)]() mutable {
      if (auto lease = self->ctx_.reads.acquire()) {
        auto body = nlohmann::json::parse(response.body(), nullptr, false);
        storage::Refusal refusal;
        refusal.at = engine::to_utc_iso(self->ctx_.clock.now());
        refusal.token_id = caller.token_id;
        refusal.body = caller.body;
        refusal.role = engine::role_name(caller.role);
        refusal.method = method;
        refusal.target = raw_target;
        refusal.status = 403;
        refusal.reason = body.is_object() ? body["error"].value("message", "") : "";
        refusal.peer = peer;
        (void)(*lease)->tokens.record_refusal(refusal);
      }
      reply(std::move(response));
    });
  });
}

Response Api::route_read(Call& call) {
  const auto& p = call.target.segments;  // p[0] == "api"
  auto not_found = [&] {
    return call.fail(error(engine::ErrorCode::not_found, "no such resource: " + std::string(call.request.target())));
  };
  if (p.size() == 2 && p[1] == "me") return get_me(call);
  if (p.size() == 2 && p[1] == "documents") return get_documents(call);
  if (p.size() == 3 && p[1] == "documents") return get_document(call, p[2]);
  if (p.size() == 4 && p[1] == "documents" && p[3] == "matrix") return get_matrix(call, p[2]);
  if (p.size() == 2 && p[1] == "tasks") return get_tasks(call);
  if (p.size() == 3 && p[1] == "tasks") return get_task(call, p[2]);
  if (p.size() == 4 && p[1] == "tasks" && p[3] == "history") return get_history(call, p[2]);
  if (p.size() == 2 && p[1] == "overdue") return get_overdue(call);
  if (p.size() == 2 && p[1] == "stats") return get_stats(call);
  if (p.size() == 2 && p[1] == "engine") return get_engine(ctx_, call);
  return not_found();
}

void Api::route_write(Call& call, Reply reply) {
  const auto& p = call.target.segments;
  if (p.size() == 2 && p[1] == "documents") return post_document(ctx_, call, std::move(reply));
  if (p.size() == 4 && p[1] == "tasks") return post_task_action(ctx_, call, p[2], p[3], std::move(reply));
  reply(call.fail(error(engine::ErrorCode::not_found, "no such action: POST " + std::string(call.request.target()))));
}

std::variant<Api::StreamStart, Response> Api::start_stream(const Request& request, const std::string& peer) {
  bool keep_alive = false;
  auto target = parse_target(view(request.target()));
  if (!target) return error_response(target.error(), request.version(), keep_alive);
  if (ctx_.stopping)
    return error_response(error(engine::ErrorCode::unavailable, "the server is stopping"), request.version(), false);
  auto lease = ctx_.reads.acquire();
  if (!lease) return error_response(lease.error(), request.version(), keep_alive);
  auto who = authenticate(**lease, request, peer);
  if (!who) return error_response(who.error(), request.version(), keep_alive);

  StreamStart start;
  start.filter.principal = *who;
  start.filter.document = target->param("document");
  start.filter.body = target->param("body");
  if (start.filter.body) {
    auto directories = ctx_.directories.get();
    auto scope = engine::readable_holders(*who, directories->registry, start.filter.body);
    if (!scope) return refuse(**lease, request, peer, &*who, scope.error());
  }
  std::string after = target->param("after").value_or("");
  if (auto last = request["Last-Event-ID"]; !last.empty()) after = std::string(last);
  if (!after.empty()) {
    try {
      std::size_t used = 0;
      start.after = std::stoll(after, &used);
      if (used != after.size() || start.after < 0) throw std::invalid_argument("after");
    } catch (const std::exception&) {
      return error_response(error(engine::ErrorCode::bad_input, "after \"" + after + "\" is not an event number"),
                            request.version(), keep_alive);
    }
  }
  return start;
}

}  // namespace cvtrack::serve
