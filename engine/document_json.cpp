#include "engine/document_json.hpp"

#include <stdexcept>

namespace cvtrack::engine {

using nlohmann::json;

namespace {

template <typename T>
json or_null(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

json or_null(const std::optional<Date>& date) {
  return date ? json(to_iso(*date)) : json(nullptr);
}

std::optional<std::string> opt_string(const json& j, const char* key) {
  if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
  return j.at(key).get<std::string>();
}

std::optional<Date> opt_date(const json& j, const char* key) {
  auto text = opt_string(j, key);
  if (!text) return std::nullopt;
  auto date = parse_iso_date(*text);
  if (!date) throw std::invalid_argument(std::string(key) + " is not a date: " + *text);
  return date;
}

std::vector<std::string> strings(const json& j, const char* key) {
  if (!j.contains(key) || j.at(key).is_null()) return {};
  return j.at(key).get<std::vector<std::string>>();
}

TaskSpec task_from_json(const json& j) {
  TaskSpec t;
  t.assignee = j.at("assignee").get<std::string>();
  t.body = opt_string(j, "body");
  t.role = task_role_from_string(j.value("role", "assignee")).value_or(TaskRole::assignee);
  t.is_default = j.value("default", false);
  t.kind = task_kind_from_string(j.value("kind", "action")).value_or(TaskKind::action);
  t.deadline = opt_date(j, "deadline");
  t.deadline_time = opt_string(j, "deadline_time");
  t.deadline_text = opt_string(j, "deadline_text");
  if (auto r = opt_string(j, "recurrence")) t.recurrence = recurrence_from_string(*r);
  t.reports_to = strings(j, "reports_to");
  t.reports_via = opt_string(j, "reports_via");
  if (j.contains("deadline_relative") && !j["deadline_relative"].is_null()) {
    const json& r = j["deadline_relative"];
    RelativeDeadline rel;
    rel.amount = r.at("amount").get<int>();
    std::string unit = r.at("unit").get<std::string>();
    rel.unit = unit == "working_days" ? RelativeDeadline::Unit::working_days
               : unit == "hours"      ? RelativeDeadline::Unit::hours
                                      : RelativeDeadline::Unit::days;
    rel.from = r.value("from", "");
    t.relative_deadline = rel;
  }
  if (j.contains("schedule") && !j["schedule"].is_null()) {
    const json& s = j["schedule"];
    if (s.contains("weekdays")) t.schedule.weekdays = s["weekdays"].get<std::vector<int>>();
    if (s.contains("day_of_month") && !s["day_of_month"].is_null())
      t.schedule.day_of_month = s["day_of_month"].get<int>();
    t.schedule.time = opt_string(s, "time");
    t.schedule.from = opt_date(s, "from");
    t.schedule.until = opt_date(s, "until");
  }
  return t;
}

Directive directive_from_json(const json& j) {
  Directive d;
  d.number = opt_string(j, "number");
  d.text = j.value("text", "");
  d.line = j.value("line", 0);
  for (const auto& t : j.value("tasks", json::array())) d.tasks.push_back(task_from_json(t));
  for (const auto& i : j.value("items", json::array())) d.items.push_back(directive_from_json(i));
  return d;
}

}  // namespace

json to_json(const TaskSpec& t) {
  json j = {{"assignee", t.assignee},
            {"body", or_null(t.body)},
            {"role", to_string(t.role)},
            {"default", t.is_default},
            {"kind", to_string(t.kind)},
            {"deadline", or_null(t.deadline)},
            {"deadline_text", or_null(t.deadline_text)},
            {"recurrence", t.recurrence ? json(to_string(*t.recurrence)) : json(nullptr)},
            {"reports_to", t.reports_to}};
  if (t.deadline_time) j["deadline_time"] = *t.deadline_time;
  if (t.reports_via) j["reports_via"] = *t.reports_via;
  if (t.relative_deadline) {
    j["deadline_relative"] = {{"amount", t.relative_deadline->amount},
                              {"unit", to_string(t.relative_deadline->unit)},
                              {"from", t.relative_deadline->from}};
  }
  const Schedule& s = t.schedule;
  if (!s.weekdays.empty() || s.day_of_month || s.time || s.from || s.until) {
    json sj = json::object();
    if (!s.weekdays.empty()) sj["weekdays"] = s.weekdays;
    if (s.day_of_month) sj["day_of_month"] = *s.day_of_month;
    if (s.time) sj["time"] = *s.time;
    if (s.from) sj["from"] = to_iso(*s.from);
    if (s.until) sj["until"] = to_iso(*s.until);
    j["schedule"] = sj;
  }
  return j;
}

json to_json(const Directive& d) {
  json tasks = json::array(), items = json::array();
  for (const auto& t : d.tasks) tasks.push_back(to_json(t));
  for (const auto& i : d.items) items.push_back(to_json(i));
  return {{"number", or_null(d.number)}, {"text", d.text}, {"line", d.line},
          {"tasks", tasks}, {"items", items}};
}

json to_json(const DocumentHeader& h) {
  json refs = json::array();
  for (const auto& r : h.references)
    refs.push_back({{"number", r.number}, {"date", or_null(r.date)}});
  json j = {{"kind", or_null(h.kind)},
            {"issuer", or_null(h.issuer)},
            {"parent", or_null(h.parent)},
            {"number", or_null(h.number)},
            {"date", or_null(h.date)},
            {"place", or_null(h.place)},
            {"subject", or_null(h.subject)},
            {"urgency", or_null(h.urgency)},
            {"recipients", h.recipients},
            {"cc", h.cc},
            {"signer", {{"capacity", or_null(h.signer.capacity)},
                        {"title", or_null(h.signer.title)},
                        {"name", or_null(h.signer.name)}}},
            {"references", refs}};
  if (h.symbol) j["symbol"] = *h.symbol;
  return j;
}

json to_json(const ParsedDocument& parsed) {
  json directives = json::array(), warnings = json::array();
  for (const auto& d : parsed.directives) directives.push_back(to_json(d));
  for (const auto& w : parsed.warnings)
    warnings.push_back({{"line", w.line}, {"message", w.message}});
  return {{"document", to_json(parsed.document)},
          {"directives", directives},
          {"warnings", warnings}};
}

Result<TaskSpec> task_spec_from_json(const json& j) {
  try {
    return task_from_json(j);
  } catch (const std::exception& e) {
    return make_error(ErrorCode::bad_input, std::string("task JSON has the wrong shape: ") + e.what());
  }
}

Result<ParsedDocument> parsed_document_from_json(const json& j) {
  try {
    ParsedDocument p;
    const json& h = j.at("document");
    DocumentHeader& d = p.document;
    d.kind = opt_string(h, "kind");
    d.issuer = opt_string(h, "issuer");
    d.parent = opt_string(h, "parent");
    d.number = opt_string(h, "number");
    d.symbol = opt_string(h, "symbol");
    d.date = opt_date(h, "date");
    d.place = opt_string(h, "place");
    d.subject = opt_string(h, "subject");
    d.urgency = opt_string(h, "urgency");
    d.recipients = strings(h, "recipients");
    d.cc = strings(h, "cc");
    if (h.contains("signer")) {
      d.signer.capacity = opt_string(h["signer"], "capacity");
      d.signer.title = opt_string(h["signer"], "title");
      d.signer.name = opt_string(h["signer"], "name");
    }
    for (const auto& r : h.value("references", json::array()))
      d.references.push_back({r.at("number").get<std::string>(), opt_date(r, "date"), 0});
    for (const auto& dj : j.value("directives", json::array()))
      p.directives.push_back(directive_from_json(dj));
    for (const auto& w : j.value("warnings", json::array()))
      p.warnings.push_back({w.value("line", 0), w.value("message", "")});
    return p;
  } catch (const std::exception& e) {
    return make_error(ErrorCode::bad_input, std::string("document JSON has the wrong shape: ") + e.what());
  }
}

}  // namespace cvtrack::engine
