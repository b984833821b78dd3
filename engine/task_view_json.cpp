#include "engine/task_view_json.hpp"

#include <stdexcept>

#include "engine/document_json.hpp"

namespace cvtrack::engine {

using nlohmann::json;

namespace {

json date_or_null(const std::optional<Date>& d) { return d ? json(to_iso(*d)) : json(nullptr); }

std::optional<Date> date_at(const json& j, const char* key) {
  if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
  auto d = parse_iso_date(j.at(key).get<std::string>());
  if (!d) throw std::invalid_argument(std::string(key) + " is not a date");
  return d;
}

Date required_date(const json& j, const char* key) {
  auto d = date_at(j, key);
  if (!d) throw std::invalid_argument(std::string(key) + " is missing");
  return *d;
}

}  // namespace

json to_json(const Occurrence& o) {
  return {{"period", o.period},
          {"due", to_iso(o.due)},
          {"submitted_on", date_or_null(o.submitted_on)},
          {"late", o.late},
          {"overdue_recorded", o.overdue_recorded}};
}

json to_json(const TaskView& t) {
  json occurrences = json::array();
  for (const auto& [period, o] : t.occurrences) occurrences.push_back(to_json(o));
  return {{"id", t.id},
          {"version", t.version},
          {"document", t.document},
          {"directive", t.directive},
          {"parent", t.parent ? json(*t.parent) : json(nullptr)},
          {"spec", to_json(t.spec)},
          {"deadline", date_or_null(t.deadline)},
          {"state", to_string(t.state)},
          {"progress", t.progress},
          {"note", t.note},
          {"assigned_on", to_iso(t.assigned_on)},
          {"last_change_on", to_iso(t.last_change_on)},
          {"submitted_on", date_or_null(t.submitted_on)},
          {"done_on", date_or_null(t.done_on)},
          {"approved_on", date_or_null(t.approved_on)},
          {"cancelled_on", date_or_null(t.cancelled_on)},
          {"children", t.children},
          {"occurrences", occurrences},
          {"overdue_recorded_for", date_or_null(t.overdue_recorded_for)},
          {"reminder_recorded_for", date_or_null(t.reminder_recorded_for)}};
}

Result<TaskView> task_view_from_json(const json& j) {
  try {
    TaskView t;
    t.id = j.at("id").get<std::string>();
    t.version = j.at("version").get<int>();
    t.document = j.at("document").get<std::string>();
    t.directive = j.at("directive").get<std::string>();
    if (!j.at("parent").is_null()) t.parent = j.at("parent").get<std::string>();
    auto spec = task_spec_from_json(j.at("spec"));
    if (!spec) return spec.error();
    t.spec = *spec;
    t.deadline = date_at(j, "deadline");
    auto state = task_state_from_string(j.at("state").get<std::string>());
    if (!state) throw std::invalid_argument("unknown state");
    t.state = *state;
    t.progress = j.at("progress").get<int>();
    t.note = j.at("note").get<std::string>();
    t.assigned_on = required_date(j, "assigned_on");
    t.last_change_on = required_date(j, "last_change_on");
    t.submitted_on = date_at(j, "submitted_on");
    t.done_on = date_at(j, "done_on");
    t.approved_on = date_at(j, "approved_on");
    t.cancelled_on = date_at(j, "cancelled_on");
    t.children = j.at("children").get<std::vector<std::string>>();
    for (const auto& oj : j.at("occurrences")) {
      Occurrence o;
      o.period = oj.at("period").get<std::string>();
      o.due = required_date(oj, "due");
      o.submitted_on = date_at(oj, "submitted_on");
      o.late = oj.at("late").get<bool>();
      o.overdue_recorded = oj.at("overdue_recorded").get<bool>();
      t.occurrences[o.period] = o;
    }
    t.overdue_recorded_for = date_at(j, "overdue_recorded_for");
    t.reminder_recorded_for = date_at(j, "reminder_recorded_for");
    return t;
  } catch (const std::exception& e) {
    return make_error(ErrorCode::internal, std::string("task view JSON has the wrong shape: ") + e.what());
  }
}

json to_json(const DocumentView& d) {
  json directives = json::array();
  for (const auto& r : d.directives)
    directives.push_back({{"path", r.path},
                          {"number", r.number ? json(*r.number) : json(nullptr)},
                          {"text", r.text},
                          {"line", r.line}});
  return {{"id", d.id},
          {"key", d.key},
          {"document", to_json(d.header)},
          {"source", d.source},
          {"directives", directives},
          {"tasks", d.tasks},
          {"registered_on", to_iso(d.registered_on)}};
}

}  // namespace cvtrack::engine
