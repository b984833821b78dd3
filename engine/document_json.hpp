// engine/document_json.hpp
//
// The JSON form of a parsed document: exactly the format `cvtrack parse --json`
// prints (see README.md#parse-output). The engine stores the same form in the
// payload of a DocumentRegistered event, so it round-trips.
#pragma once

#include <nlohmann/json.hpp>

#include "engine/document.hpp"
#include "engine/result.hpp"

namespace cvtrack::engine {

nlohmann::json to_json(const ParsedDocument& parsed);
nlohmann::json to_json(const DocumentHeader& header);
nlohmann::json to_json(const Directive& directive);
nlohmann::json to_json(const TaskSpec& task);

Result<ParsedDocument> parsed_document_from_json(const nlohmann::json& json);

// One task in the same form (the engine keeps it in task_assigned events).
Result<TaskSpec> task_spec_from_json(const nlohmann::json& json);

}  // namespace cvtrack::engine
