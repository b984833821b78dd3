#include "engine/register_decide.hpp"

#include <set>

#include "engine/document_json.hpp"
#include "engine/event_types.hpp"
#include "engine/reporting_schedule.hpp"

namespace cvtrack::engine {

using nlohmann::json;
namespace et = event_type;

namespace {

void collect_paths(const std::vector<Directive>& directives, const std::string& ordinal_prefix,
                   std::set<std::string>& used,
                   std::vector<std::pair<std::string, const Directive*>>& out) {
  int ordinal = 0;
  for (const auto& d : directives) {
    std::string ordinal_path = ordinal_prefix + std::to_string(++ordinal);
    std::string path = d.number && !used.count(*d.number) ? *d.number : "#" + ordinal_path;
    used.insert(path);
    out.emplace_back(path, &d);
    collect_paths(d.items, ordinal_path + ".", used, out);
  }
}

NewEvent event(const RegisterRequest& r, const char* type, json payload) {
  return NewEvent{type, std::move(payload), r.actor, r.recorded_at, r.today};
}

}  // namespace

std::vector<std::pair<std::string, const Directive*>> directive_paths(const ParsedDocument& parsed) {
  std::vector<std::pair<std::string, const Directive*>> out;
  std::set<std::string> used;
  collect_paths(parsed.directives, "", used, out);
  return out;
}

Result<Registration> decide_register(const RegisterView& register_view, const ParsedDocument& parsed,
                                     const RegisterRequest& request, const WorkingDays& calendar) {
  Registration result;
  if (const StreamId* existing = register_view.find(request.key)) {
    result.document = *existing;
    result.already_registered = true;
    return result;
  }
  const auto& date = parsed.document.date;
  if (date && days_between(*date, request.today) < 0)
    return make_error(ErrorCode::bad_input, request.source + ": the document is dated " + to_iso(*date) +
                                                ", after the registration date " + to_iso(request.today));
  int number = int(register_view.entries().size()) + 1;
  result.document = "D" + std::to_string(number);

  json directives = json::array();
  int task_number = 0;
  Date horizon = add_days(request.today, request.horizon_days);
  for (const auto& [path, directive] : directive_paths(parsed)) {
    directives.push_back({{"path", path},
                          {"number", directive->number ? json(*directive->number) : json(nullptr)},
                          {"text", directive->text},
                          {"line", directive->line}});
    for (const auto& spec : directive->tasks) {
      StreamId task = "T" + std::to_string(number) + "." + std::to_string(++task_number);
      StreamAppend stream{task, 0, {}};
      stream.events.push_back(event(request, et::task_assigned,
                                    {{"document", result.document},
                                     {"directive", path},
                                     {"parent", nullptr},
                                     {"spec", to_json(spec)},
                                     {"deadline", spec.deadline ? json(to_iso(*spec.deadline)) : json(nullptr)}}));
      for (const auto& o : plan_occurrences(spec, request.today, horizon, calendar))
        stream.events.push_back(event(request, et::occurrence_scheduled, {{"period", o.period}, {"due", to_iso(o.due)}}));
      result.tasks.push_back(task);
      result.appends.push_back(std::move(stream));
    }
  }
  StreamAppend doc{result.document, 0, {event(request, et::document_registered,
                                              {{"key", request.key},
                                               {"source", request.source},
                                               {"document", to_json(parsed.document)},
                                               {"directives", directives},
                                               {"tasks", result.tasks}})}};
  StreamAppend entry{kRegisterStream, register_view.version,
                     {event(request, et::document_entered,
                            {{"document", result.document}, {"number_in", number}, {"key", request.key}})}};
  // The register first: two racing registrations conflict on it before
  // anything else is compared.
  result.appends.insert(result.appends.begin(), {std::move(entry), std::move(doc)});
  return result;
}

}  // namespace cvtrack::engine
