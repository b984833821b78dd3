// engine/register_decide.hpp
//
// Registering an incoming document: one entry in the register, the
// document's stream, and one stream per task, with each recurring duty's
// first occurrences. Pure, like task_decide.
#pragma once

#include <optional>
#include <vector>

#include "engine/apply.hpp"
#include "engine/document.hpp"
#include "engine/event.hpp"
#include "engine/result.hpp"
#include "engine/working_days.hpp"

namespace cvtrack::engine {

struct RegisterRequest {
  std::string key;          // document_key()
  std::string source;       // the file name, for messages and the record
  Date today{};
  std::string recorded_at;
  std::string actor = kSecretariat;
  int horizon_days = 31;    // occurrences are planned this far ahead of today
};

struct Registration {
  std::vector<StreamAppend> appends;         // empty when already registered
  StreamId document;
  std::vector<StreamId> tasks;
  bool already_registered = false;
};

// Occurrences of recurring duties start from the registration date: a duty
// is tracked from when the secretariat records it, so registering an old
// document does not invent years of missed reports.
Result<Registration> decide_register(const RegisterView& register_view, const ParsedDocument& parsed,
                                     const RegisterRequest& request, const WorkingDays& calendar);

// A directive's path in the document: its number, or "#3.2" (the ordinal
// path) when it has none or repeats an earlier one.
std::vector<std::pair<std::string, const Directive*>> directive_paths(const ParsedDocument& parsed);

}  // namespace cvtrack::engine
