#include "cli/serve/command_body.hpp"

#include <cstdint>

#include "workflows/vietnamese_text.hpp"

namespace cvtrack::serve {

using nlohmann::json;

namespace {

engine::Error bad(std::string message) { return engine::make_error(engine::ErrorCode::bad_input, std::move(message)); }

}  // namespace

engine::Result<json> body_object(std::string_view text) {
  if (text.empty()) return json::object();
  json body = json::parse(text, nullptr, false);
  if (body.is_discarded()) return bad("the request body is not valid JSON");
  if (!body.is_object()) return bad("the request body must be a JSON object");
  return body;
}

engine::Result<std::string> text_field(const json& body, const char* name, bool required) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) {
    if (required) return bad(std::string("\"") + name + "\" is required");
    return std::string();
  }
  if (!it->is_string()) return bad(std::string("\"") + name + "\" must be a string");
  std::string value = workflows::to_nfc(it->get<std::string>());
  if (required && value.empty()) return bad(std::string("\"") + name + "\" must not be empty");
  return value;
}

engine::Result<engine::Date> date_field(const json& body, const char* name) {
  auto text = text_field(body, name, true);
  if (!text) return text.error();
  auto date = engine::parse_iso_date(*text);
  if (!date) return bad(std::string("\"") + name + "\": \"" + *text + "\" " + engine::why_not_iso_date(*text));
  return *date;
}

engine::Result<engine::TaskCommand> task_command(const std::string& action, const json& body) {
  using engine::TaskCommand;
  if (action == "ack") return TaskCommand{engine::Acknowledge{}};
  if (action == "progress") {
    auto it = body.find("percent");
    if (it == body.end() || !it->is_number_integer()) return bad("\"percent\" is required, a whole number 0-100");
    // Checked as JSON's number, before get<int>() could wrap 4294967346 to 50.
    bool in_range = it->is_number_unsigned() ? it->get<std::uint64_t>() <= 100
                                              : it->get<std::int64_t>() >= 0 && it->get<std::int64_t>() <= 100;
    if (!in_range) return bad("\"percent\" must be 0 to 100, not " + it->dump());
    auto note = text_field(body, "note", false);
    if (!note) return note.error();
    return TaskCommand{engine::ReportProgress{it->get<int>(), *note}};
  }
  if (action == "complete") {
    auto note = text_field(body, "note", true);
    if (!note) return note.error();
    return TaskCommand{engine::ClaimCompletion{*note}};
  }
  if (action == "report") {
    auto period = text_field(body, "period", false);
    if (!period) return period.error();
    auto note = text_field(body, "note", false);
    if (!note) return note.error();
    return TaskCommand{engine::SubmitReport{period->empty() ? std::nullopt : std::optional(*period), *note}};
  }
  if (action == "delegate") {
    auto it = body.find("to");
    if (it == body.end() || !it->is_array() || it->empty())
      return bad("\"to\" is required: a list of body ids, e.g. [\"ubnd-xa-ea-ba\"]");
    engine::Delegate d;
    for (const auto& b : *it) {
      if (!b.is_string()) return bad("\"to\" must list body ids as strings");
      d.bodies.push_back(b.get<std::string>());
    }
    if (body.contains("deadline") && !body["deadline"].is_null()) {
      auto date = date_field(body, "deadline");
      if (!date) return date.error();
      d.deadline = *date;
    }
    auto note = text_field(body, "note", false);
    if (!note) return note.error();
    d.note = *note;
    return TaskCommand{std::move(d)};
  }
  if (action == "approve") {
    auto note = text_field(body, "note", false);
    if (!note) return note.error();
    return TaskCommand{engine::Approve{*note}};
  }
  if (action == "return" || action == "cancel") {
    auto reason = text_field(body, "reason", true);
    if (!reason) return reason.error();
    if (action == "return") return TaskCommand{engine::ReturnCompletion{*reason}};
    return TaskCommand{engine::CancelTask{*reason}};
  }
  if (action == "extend") {
    auto date = date_field(body, "deadline");
    if (!date) return date.error();
    auto reason = text_field(body, "reason", true);
    if (!reason) return reason.error();
    return TaskCommand{engine::ExtendDeadline{*date, *reason}};
  }
  return engine::make_error(engine::ErrorCode::not_found,
                            "no action \"" + action +
                                "\": ack, progress, complete, report, delegate, approve, return, extend, cancel");
}

}  // namespace cvtrack::serve
