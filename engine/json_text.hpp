// engine/json_text.hpp
//
// A JSON string written as nlohmann's dump() writes it (ensure_ascii off):
// quoted; '"', '\' and the control characters escaped (\b \f \n \r \t, the
// others as \u00XX in lower-case hex); every other byte as it is, DEL and
// all of UTF-8 included. The writers that skip building a json tree (a
// task's stored view, an event's hash input, serve's answers) must give its
// exact bytes: stored views are compared with a replay's, hashes must verify
// forever, clients read the answers.
#pragma once

#include <string>
#include <string_view>

namespace cvtrack::engine {

// Appends `text` as a JSON string. Text that is not valid UTF-8 is not
// written and the answer is false: nlohmann refuses it (type_error 316) or,
// asked to, replaces it, so the caller goes through nlohmann for it.
[[nodiscard]] bool append_json_string(std::string& out, std::string_view text);

}  // namespace cvtrack::engine
