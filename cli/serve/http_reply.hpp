// cli/serve/http_reply.hpp
//
// The HTTP messages of the API, and how an engine Error becomes a status:
// bad input 400, no or bad token 401, not yours 403, not found 404,
// illegal transition or write conflict 409, busy or stopping 503.
#pragma once

#include <string>

#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include "engine/result.hpp"

namespace cvtrack::serve {

namespace http = boost::beast::http;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

http::status status_for(engine::ErrorCode code);
const char* code_name(engine::ErrorCode code);

Response json_response(http::status status, const nlohmann::json& body, unsigned version, bool keep_alive);
// The same for a body that is JSON text already (a list spliced from the
// stored views, cli::task_json_text).
Response json_text_response(http::status status, std::string body, unsigned version, bool keep_alive);
// {"error":{"status":409,"code":"conflict","message":"…"}}
Response error_response(http::status status, const std::string& code, const std::string& message,
                        unsigned version, bool keep_alive);
Response error_response(const engine::Error& error, unsigned version, bool keep_alive);

}  // namespace cvtrack::serve
