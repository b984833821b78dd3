#include "cli/commands/output_format.hpp"

#include "engine/event_types.hpp"
#include "engine/json_text.hpp"
#include "engine/task_view_json.hpp"

namespace cvtrack::cli {

using nlohmann::json;
namespace et = engine::event_type;

std::string status_label(const engine::TaskStatus& s) {
  using engine::Category;
  switch (s.category) {
    case Category::in_progress_overdue:
      return "overdue " + std::to_string(s.days_overdue) + (s.days_overdue == 1 ? " day" : " days");
    case Category::in_progress_on_time:
      return s.due_soon ? "due soon: " + std::to_string(*s.working_days_left) + " working days left"
                        : "within the deadline";
    case Category::done_on_time: return "done on time";
    case Category::done_late: return "done late";
    case Category::no_deadline: return "no deadline";
    case Category::cancelled: return "cancelled";
  }
  return "";
}

std::string task_line(const engine::TaskView& t, const engine::TaskStatus& s) {
  std::string line = t.id + "  §" + t.directive + "  " + t.holder() + "  " + engine::to_string(t.spec.role) +
                     "  " + engine::to_string(t.state);
  if (t.deadline) line += "  due " + engine::to_iso(*t.deadline);
  if (t.spec.recurrence) line += "  " + std::string(engine::to_string(*t.spec.recurrence));
  if (t.progress > 0 && t.state != engine::TaskState::done) line += "  " + std::to_string(t.progress) + "%";
  return line + "  [" + status_label(s) + "]";
}

json status_json(const engine::TaskStatus& s) {
  return {{"category", engine::to_string(s.category)},
          {"label", status_label(s)},
          {"due_soon", s.due_soon},
          {"days_overdue", s.days_overdue},
          {"working_days_left", s.working_days_left ? json(*s.working_days_left) : json(nullptr)}};
}

json task_json(const engine::TaskView& t, const engine::TaskStatus& s) {
  json j = engine::to_json(t);
  j["status"] = status_json(s);
  return j;
}

namespace {

// Skips one JSON value of compact text starting at `at`; returns the index
// after it, or npos when the text ends first. Strings are skipped with
// their escapes; nothing is validated beyond the nesting.
std::size_t skip_value(std::string_view text, std::size_t at) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = at; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') {
        in_string = false;
        if (depth == 0) return i + 1;
      }
      continue;
    }
    switch (c) {
      case '"': in_string = true; break;
      case '{': case '[': ++depth; break;
      case '}': case ']':
        if (depth == 0) return i;  // the end of the enclosing object: a scalar ended
        if (--depth == 0) return i + 1;
        break;
      case ',':
        if (depth == 0) return i;
        break;
      default: break;
    }
  }
  return std::string_view::npos;
}

}  // namespace

std::optional<std::string> task_json_text(std::string_view text, const engine::TaskStatus& status) {
  constexpr std::string_view key = "status";
  if (text.size() < 2 || text.front() != '{' || text.back() != '}') return std::nullopt;
  // The first top-level key after "status" (keys are sorted bytewise), or
  // the closing brace.
  std::size_t at = 1, insert = text.size() - 1;
  bool empty = text.size() == 2;
  while (!empty) {
    if (at >= text.size() - 1 || text[at] != '"') return std::nullopt;
    std::size_t close = text.find('"', at + 1);
    if (close == std::string_view::npos || text.substr(at + 1, close - at - 1).find('\\') != std::string_view::npos)
      return std::nullopt;  // keys of the view need no escape; anything else is not ours to splice
    std::string_view name = text.substr(at + 1, close - at - 1);
    if (name == key) return std::nullopt;
    if (name > key) {
      insert = at;
      break;
    }
    if (close + 1 >= text.size() || text[close + 1] != ':') return std::nullopt;
    std::size_t end = skip_value(text, close + 2);
    if (end >= text.size()) return std::nullopt;
    if (text[end] == '}') {
      if (end != text.size() - 1) return std::nullopt;
      break;
    }
    if (text[end] != ',') return std::nullopt;
    at = end + 1;
  }
  std::string value = status_json(status).dump(-1, ' ', false, json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size() + value.size() + 12);
  out.append(text.substr(0, insert));
  bool last = insert == text.size() - 1;
  if (last && !empty) out += ',';
  out += "\"status\":";
  out += value;
  if (!last) out += ',';
  out.append(text.substr(insert));
  return out;
}

namespace {

std::string text(const json& p, const char* key) {
  return p.contains(key) && p[key].is_string() ? p[key].get<std::string>() : std::string();
}
std::string with_note(std::string what, const std::string& note) {
  return note.empty() ? what : what + ": " + note;
}
std::string state_change(const json& p) {
  return " (" + text(p["state"], "old") + " -> " + text(p["state"], "new") + ")";
}

std::string describe_task_event(const std::string& type, const json& p) {
  if (type == et::task_assigned) {
    std::string holder = p["spec"].value("body", json(nullptr)).is_string() ? text(p["spec"], "body")
                                                                            : text(p["spec"], "assignee");
    std::string deadline = p["deadline"].is_string() ? ", due " + text(p, "deadline") : ", no deadline";
    std::string parent = p["parent"].is_string() ? ", delegated from " + text(p, "parent") : "";
    return "assigned to " + holder + " (" + text(p["spec"], "role") + ")" + deadline + parent;
  }
  if (type == et::task_acknowledged) return "acknowledged" + state_change(p);
  if (type == et::progress_reported)
    return with_note("progress " + std::to_string(p["progress"].value("old", 0)) + "% -> " +
                         std::to_string(p["progress"].value("new", 0)) + "%",
                     text(p, "note"));
  if (type == et::completion_claimed) return with_note("completion claimed" + state_change(p), text(p, "note"));
  if (type == et::completion_approved)
    return with_note("approved: done (claimed " + text(p, "submitted_on") + ")", text(p, "note"));
  if (type == et::completion_returned) return with_note("returned" + state_change(p), text(p, "reason"));
  if (type == et::deadline_extended) {
    std::string old = p["deadline"]["old"].is_string() ? text(p["deadline"], "old") : "none";
    return with_note("deadline extended " + old + " -> " + text(p["deadline"], "new"), text(p, "reason"));
  }
  if (type == et::task_delegated) {
    std::string list;
    for (std::size_t i = 0; i < p["children"].size(); ++i)
      list += (i ? ", " : "") + p["bodies"][i].get<std::string>() + " (" + p["children"][i].get<std::string>() + ")";
    return "delegated to " + list;
  }
  if (type == et::task_cancelled) return with_note("cancelled" + state_change(p), text(p, "reason"));
  if (type == et::occurrence_scheduled) return "report " + text(p, "period") + " scheduled, due " + text(p, "due");
  if (type == et::report_submitted)
    return with_note("report " + text(p, "period") + " submitted" + (p.value("late", false) ? " late" : " on time") +
                         " (due " + text(p, "due") + ")",
                     text(p, "note"));
  if (type == et::task_overdue)
    return "deadline " + text(p, "deadline") + " passed (" + std::to_string(p.value("days_overdue", 0)) +
           " days overdue)";
  if (type == et::occurrence_overdue) return "report " + text(p, "period") + " missed its due date " + text(p, "due");
  if (type == et::deadline_reminder)
    return "deadline " + text(p, "deadline") + " in " + std::to_string(p.value("working_days_left", 0)) +
           " working days";
  return type;
}

}  // namespace

std::string describe_event(const engine::RecordedEvent& e) {
  const std::string& type = e.event.type;
  const json& p = e.event.payload;
  if (type == et::document_registered)
    return "registered " + (p["document"]["number"].is_string() ? text(p["document"], "number") : "(no number)") +
           " from " + text(p, "source") + " with " + std::to_string(p["tasks"].size()) + " tasks";
  if (type == et::document_entered) return "entered in the register as " + text(p, "document");
  if (type == et::directory_loaded)
    return "directory loaded from " + text(p, "source") + " (" + std::to_string(p["bodies"].size()) + " bodies)";
  return describe_task_event(type, p);
}

std::string history_line(const engine::RecordedEvent& e) {
  return "#" + std::to_string(e.seq) + "  " + engine::to_iso(e.event.effective_on) + "  " + e.stream + " v" +
         std::to_string(e.version) + "  by " + e.event.actor + ": " + describe_event(e);
}

json event_json(const engine::RecordedEvent& e) {
  return {{"seq", e.seq},
          {"stream", e.stream},
          {"version", e.version},
          {"type", e.event.type},
          {"payload", e.event.payload},
          {"actor", e.event.actor},
          {"recorded_at", e.event.recorded_at},
          {"effective_on", engine::to_iso(e.event.effective_on)},
          {"prev_hash", e.prev_hash},
          {"hash", e.hash},
          {"description", describe_event(e)}};
}

std::string pad_column(const std::string& text, std::size_t columns) {
  auto is_lead = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; };
  std::size_t count = 0;
  for (char c : text) count += is_lead(c);
  if (count < columns) return text + std::string(columns - count, ' ');
  // Cut before the character that would fill the column, leaving room for "…".
  std::string out;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_lead(text[i]) && ++kept > columns - 2) break;
    out += text[i];
  }
  return out + "… ";
}

nlohmann::json events_json(const std::vector<engine::RecordedEvent>& events) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& e : events) list.push_back(event_json(e));
  return list;
}

std::string events_json_text(const std::vector<engine::RecordedEvent>& events) {
  std::string out;
  out.reserve(events.size() * 640 + 2);
  bool valid = true;
  auto text = [&](std::string_view key, std::string_view value) {
    out += key;
    valid = engine::append_json_string(out, value) && valid;
  };
  auto number = [&](std::string_view key, std::int64_t value) {
    out += key;
    out += std::to_string(value);
  };
  out += '[';
  for (std::size_t i = 0; i < events.size(); ++i) {
    const engine::RecordedEvent& e = events[i];
    if (i) out += ',';
    // event_json()'s keys, in the order nlohmann sorts them.
    text("{\"actor\":", e.event.actor);
    text(",\"description\":", describe_event(e));
    text(",\"effective_on\":", engine::to_iso(e.event.effective_on));
    text(",\"hash\":", e.hash);
    out += ",\"payload\":";
    out += e.event.payload.dump(-1, ' ', false, json::error_handler_t::replace);
    text(",\"prev_hash\":", e.prev_hash);
    text(",\"recorded_at\":", e.event.recorded_at);
    number(",\"seq\":", e.seq);
    text(",\"stream\":", e.stream);
    text(",\"type\":", e.event.type);
    number(",\"version\":", e.version);
    out += '}';
  }
  out += ']';
  if (!valid) return events_json(events).dump(-1, ' ', false, json::error_handler_t::replace);
  return out;
}

}  // namespace cvtrack::cli
