// cli/serve/command_body.hpp
//
// The JSON bodies of the API's POSTs turned into engine commands, with
// nothing else involved (no connection, no engine): pure functions, so the
// parsing of what any client may send is unit-tested and fuzzed
// (tests/fuzz/api_request_fuzzer.cpp) on its own. Every refusal is a
// bad_input Error naming the field; an unknown action is not_found.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "engine/date.hpp"
#include "engine/result.hpp"
#include "engine/task_commands.hpp"

namespace cvtrack::serve {

// The request body as a JSON object; an empty body is {}.
engine::Result<nlohmann::json> body_object(std::string_view body);

// A text field, NFC; absent or null → "" unless `required`, which also
// refuses "".
engine::Result<std::string> text_field(const nlohmann::json& body, const char* name, bool required);

// A required YYYY-MM-DD field naming a day that exists.
engine::Result<engine::Date> date_field(const nlohmann::json& body, const char* name);

// POST /api/tasks/ID/ACTION's body as the command for ACTION (README.md#http-api).
engine::Result<engine::TaskCommand> task_command(const std::string& action, const nlohmann::json& body);

}  // namespace cvtrack::serve
