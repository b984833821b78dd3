// cli/commands/output_format.hpp
//
// How tasks, statuses and events read on a terminal and in --json, shared by
// the commands so every listing says the same thing the same way.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/event.hpp"
#include "engine/task_status.hpp"
#include "engine/task_view.hpp"

namespace cvtrack::cli {

// "overdue 5 days", "due soon: 2 working days left", "done late", ...
// `text` padded with spaces (or cut, ending "…") to `columns` characters.
// Counts characters, not bytes: Vietnamese letters take two or three bytes.
std::string pad_column(const std::string& text, std::size_t columns);

std::string status_label(const engine::TaskStatus& status);

// One line: id, directive, holder, role, state, deadline, status.
std::string task_line(const engine::TaskView& task, const engine::TaskStatus& status);

// The task's JSON (engine/task_view_json.hpp) plus "status".
nlohmann::json task_json(const engine::TaskView& task, const engine::TaskStatus& status);
// {"category","label","due_soon","days_overdue","working_days_left"}: task_json's "status".
nlohmann::json status_json(const engine::TaskStatus& status);
// task_json(view, status).dump(), made from the task's JSON text as the
// projection stored it (engine::to_json(view).dump()) by writing "status"
// into it at its place among the keys, which nlohmann keeps sorted: no parse
// and no dump of the task. std::nullopt when the text is not a JSON object
// in that form or already has a "status" key: parse it instead.
std::optional<std::string> task_json_text(std::string_view view_json, const engine::TaskStatus& status);

// "acknowledged (assigned -> acknowledged)", "deadline extended 2021-09-30
// -> 2021-10-15: reason", ...: what an event did, in words.
std::string describe_event(const engine::RecordedEvent& event);
// "#12 2021-09-10 T1.1 v2 by ubnd-huyen: acknowledged ..."
std::string history_line(const engine::RecordedEvent& event);
nlohmann::json event_json(const engine::RecordedEvent& event);
// What a command recorded, as a JSON array of event_json().
nlohmann::json events_json(const std::vector<engine::RecordedEvent>& events);
// events_json(events).dump(-1, ' ', false, error_handler_t::replace), written
// without building the tree: serve answers every command with its events,
// and building and dumping them was ~6% of serve's CPU at 64 clients. Text
// that is not UTF-8 goes through nlohmann, which replaces what is invalid.
std::string events_json_text(const std::vector<engine::RecordedEvent>& events);

}  // namespace cvtrack::cli
