#include "cli/serve/http_reply.hpp"

namespace cvtrack::serve {

http::status status_for(engine::ErrorCode code) {
  switch (code) {
    case engine::ErrorCode::bad_input: return http::status::bad_request;
    case engine::ErrorCode::unauthenticated: return http::status::unauthorized;
    case engine::ErrorCode::forbidden: return http::status::forbidden;
    case engine::ErrorCode::not_found: return http::status::not_found;
    case engine::ErrorCode::conflict: return http::status::conflict;
    case engine::ErrorCode::unavailable: return http::status::service_unavailable;
    case engine::ErrorCode::internal: return http::status::internal_server_error;
  }
  return http::status::internal_server_error;
}

const char* code_name(engine::ErrorCode code) {
  switch (code) {
    case engine::ErrorCode::bad_input: return "bad_input";
    case engine::ErrorCode::unauthenticated: return "unauthenticated";
    case engine::ErrorCode::forbidden: return "forbidden";
    case engine::ErrorCode::not_found: return "not_found";
    case engine::ErrorCode::conflict: return "conflict";
    case engine::ErrorCode::unavailable: return "unavailable";
    case engine::ErrorCode::internal: return "internal";
  }
  return "internal";
}

Response json_response(http::status status, const nlohmann::json& body, unsigned version, bool keep_alive) {
  // Replace, not throw, on text that is not UTF-8: a response must always go.
  return json_text_response(status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), version,
                            keep_alive);
}

Response json_text_response(http::status status, std::string body, unsigned version, bool keep_alive) {
  Response res{status, version};
  res.set(http::field::server, "cvtrack");
  res.set(http::field::content_type, "application/json; charset=utf-8");
  res.set(http::field::cache_control, "no-store");
  res.keep_alive(keep_alive);
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
}

Response error_response(http::status status, const std::string& code, const std::string& message,
                        unsigned version, bool keep_alive) {
  nlohmann::json body{{"error", {{"status", static_cast<int>(status)}, {"code", code}, {"message", message}}}};
  auto res = json_response(status, body, version, keep_alive);
  if (status == http::status::unauthorized) res.set(http::field::www_authenticate, "Bearer realm=\"cvtrack\"");
  return res;
}

Response error_response(const engine::Error& error, unsigned version, bool keep_alive) {
  return error_response(status_for(error.code), code_name(error.code), error.message, version, keep_alive);
}

}  // namespace cvtrack::serve
