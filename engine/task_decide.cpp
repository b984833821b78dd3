#include "engine/task_decide.hpp"

#include <algorithm>
#include <initializer_list>

#include "engine/document_json.hpp"
#include "engine/event_types.hpp"
#include "engine/reporting_schedule.hpp"

namespace cvtrack::engine {

using nlohmann::json;
namespace et = event_type;

namespace {

template <class... F>
struct Overloaded : F... { using F::operator()...; };
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

using Decision = Result<std::vector<StreamAppend>>;

struct Context {
  const TaskView& task;
  const TaskRequest& request;
  const BodyRegistry& bodies;
  const char* command;

  NewEvent event(const char* type, json payload) const {
    return NewEvent{type, std::move(payload), request.as_body.value_or(kSecretariat),
                    request.recorded_at, request.today};
  }
  Decision on_task(std::vector<NewEvent> events) const {
    return std::vector<StreamAppend>{{task.id, task.version, std::move(events)}};
  }
  Error refuse(ErrorCode code, const std::string& why) const {
    return make_error(code, task.id + ": cannot " + command + ": " + why);
  }
};

json state_change(TaskState from, TaskState to) {
  return {{"old", to_string(from)}, {"new", to_string(to)}};
}

std::string list_states(std::initializer_list<TaskState> states) {
  std::string out;
  for (TaskState s : states) out += (out.empty() ? "" : " or ") + std::string(to_string(s));
  return out;
}

// The state machine's table: which states each command starts from.
Status require_state(const Context& c, std::initializer_list<TaskState> allowed) {
  if (std::find(allowed.begin(), allowed.end(), c.task.state) != allowed.end()) return Ok{};
  return c.refuse(ErrorCode::conflict, std::string("the task is ") + to_string(c.task.state) +
                                           "; " + c.command + " applies only to a task that is " +
                                           list_states(allowed));
}

Status require_text(const Context& c, const std::string& text, const char* what) {
  if (text.find_first_not_of(" \t\n") != std::string::npos) return Ok{};
  return c.refuse(ErrorCode::bad_input, std::string("a ") + what + " is required");
}

// Units act on their own tasks; a body above them may act for them.
Status check_unit(const Context& c) {
  if (!c.request.as_body) return Ok{};
  const std::string& as = *c.request.as_body;
  if (!c.bodies.find(as))
    return c.refuse(ErrorCode::bad_input, "--as names unknown body \"" + as + "\"");
  if (!c.task.spec.body)
    return c.refuse(ErrorCode::bad_input, "the task is held by \"" + c.task.spec.assignee +
                                              "\", which the directory does not know; only the "
                                              "secretariat (no --as) can record for it");
  if (!c.bodies.holds_or_is_above(as, *c.task.spec.body))
    return c.refuse(ErrorCode::bad_input, "\"" + as + "\" neither holds the task (held by \"" +
                                              *c.task.spec.body + "\") nor is above its holder");
  return Ok{};
}

// Approving, returning, extending and cancelling belong to whoever assigned
// the task: the secretariat, or a body above the holder, never the holder.
Status check_supervisor(const Context& c) {
  if (!c.request.as_body) return Ok{};
  const std::string& as = *c.request.as_body;
  if (!c.bodies.find(as))
    return c.refuse(ErrorCode::bad_input, "--as names unknown body \"" + as + "\"");
  if (!c.task.spec.body || !c.bodies.is_subordinate(*c.task.spec.body, as))
    return c.refuse(ErrorCode::bad_input, "\"" + as + "\" is not above the task's holder \"" +
                                              c.task.holder() + "\"");
  return Ok{};
}

Decision acknowledge(const Context& c) {
  if (auto s = require_state(c, {TaskState::assigned}); !s) return s.error();
  return c.on_task({c.event(et::task_acknowledged,
                            {{"state", state_change(c.task.state, TaskState::acknowledged)}})});
}

Decision report_progress(const Context& c, const ReportProgress& cmd) {
  if (auto s = require_state(c, {TaskState::acknowledged, TaskState::in_progress, TaskState::returned}); !s)
    return s.error();
  if (cmd.percent < 0 || cmd.percent > 100)
    return c.refuse(ErrorCode::bad_input, "progress must be 0 to 100 percent, not " + std::to_string(cmd.percent));
  return c.on_task({c.event(et::progress_reported,
                            {{"state", state_change(c.task.state, TaskState::in_progress)},
                             {"progress", {{"old", c.task.progress}, {"new", cmd.percent}}},
                             {"note", cmd.note}})});
}

Decision claim_completion(const Context& c, const ClaimCompletion& cmd) {
  if (auto s = require_state(c, {TaskState::acknowledged, TaskState::in_progress, TaskState::returned}); !s)
    return s.error();
  if (auto s = require_text(c, cmd.note, "note saying what was done"); !s) return s.error();
  return c.on_task({c.event(et::completion_claimed,
                            {{"state", state_change(c.task.state, TaskState::submitted)}, {"note", cmd.note}})});
}

Decision approve(const Context& c, const Approve& cmd) {
  if (auto s = require_state(c, {TaskState::submitted}); !s) return s.error();
  return c.on_task({c.event(et::completion_approved,
                            {{"state", state_change(c.task.state, TaskState::done)},
                             {"submitted_on", to_iso(*c.task.submitted_on)},
                             {"note", cmd.note}})});
}

Decision return_completion(const Context& c, const ReturnCompletion& cmd) {
  if (auto s = require_state(c, {TaskState::submitted}); !s) return s.error();
  if (auto s = require_text(c, cmd.reason, "reason"); !s) return s.error();
  return c.on_task({c.event(et::completion_returned,
                            {{"state", state_change(c.task.state, TaskState::returned)}, {"reason", cmd.reason}})});
}

Status require_open(const Context& c) {
  if (!is_closed(c.task.state)) return Ok{};
  return c.refuse(ErrorCode::conflict, std::string("the task is ") + to_string(c.task.state) +
                                           "; " + c.command + " applies only to an open task");
}

Decision extend(const Context& c, const ExtendDeadline& cmd) {
  if (auto s = require_open(c); !s) return s.error();
  if (auto s = require_text(c, cmd.reason, "reason"); !s) return s.error();
  if (c.task.deadline && days_between(*c.task.deadline, cmd.new_deadline) <= 0)
    return c.refuse(ErrorCode::bad_input, "the new deadline " + to_iso(cmd.new_deadline) +
                                              " is not after the current one, " + to_iso(*c.task.deadline));
  // A task without a deadline has nothing to be after; it still cannot fall
  // due before it was assigned (registration is never before the document's
  // date, so this also refuses a deadline before the document).
  if (days_between(c.task.assigned_on, cmd.new_deadline) < 0)
    return c.refuse(ErrorCode::bad_input, "the new deadline " + to_iso(cmd.new_deadline) +
                                              " is before the task was assigned, on " + to_iso(c.task.assigned_on));
  json old_deadline = c.task.deadline ? json(to_iso(*c.task.deadline)) : json(nullptr);
  return c.on_task({c.event(et::deadline_extended,
                            {{"deadline", {{"old", old_deadline}, {"new", to_iso(cmd.new_deadline)}}},
                             {"reason", cmd.reason}})});
}

Decision cancel(const Context& c, const CancelTask& cmd) {
  if (auto s = require_open(c); !s) return s.error();
  if (auto s = require_text(c, cmd.reason, "reason"); !s) return s.error();
  return c.on_task({c.event(et::task_cancelled,
                            {{"state", state_change(c.task.state, TaskState::cancelled)}, {"reason", cmd.reason}})});
}

Decision submit_report(const Context& c, const SubmitReport& cmd) {
  if (auto s = require_open(c); !s) return s.error();
  if (c.task.occurrences.empty())
    return c.refuse(ErrorCode::conflict, "it has no scheduled reports (not a recurring reporting duty, "
                                         "or none due yet: run `cvtrack tick`)");
  const Occurrence* target = nullptr;
  if (cmd.period) {
    auto it = c.task.occurrences.find(*cmd.period);
    if (it == c.task.occurrences.end())
      return c.refuse(ErrorCode::not_found, "no report is scheduled for period " + *cmd.period);
    target = &it->second;
  } else {
    for (const auto& [period, o] : c.task.occurrences)
      if (!o.submitted_on && (!target || days_between(o.due, target->due) > 0)) target = &o;
    if (!target) return c.refuse(ErrorCode::conflict, "every scheduled report is already submitted");
  }
  if (target->submitted_on)
    return c.refuse(ErrorCode::conflict, "the report for " + target->period + " was already submitted on " +
                                             to_iso(*target->submitted_on));
  bool late = days_between(target->due, c.request.today) > 0;
  return c.on_task({c.event(et::report_submitted, {{"period", target->period},
                                                   {"due", to_iso(target->due)},
                                                   {"late", late},
                                                   {"note", cmd.note}})});
}

Decision delegate(const Context& c, const Delegate& cmd) {
  if (auto s = require_state(c, {TaskState::assigned, TaskState::acknowledged, TaskState::in_progress,
                                 TaskState::returned}); !s)
    return s.error();
  if (cmd.bodies.empty()) return c.refuse(ErrorCode::bad_input, "name at least one body to delegate to");
  if (!c.task.spec.body)
    return c.refuse(ErrorCode::bad_input, "its holder \"" + c.task.spec.assignee + "\" is not in the directory");
  if (cmd.deadline && c.task.deadline && days_between(*c.task.deadline, *cmd.deadline) > 0)
    return c.refuse(ErrorCode::bad_input, "the delegated deadline " + to_iso(*cmd.deadline) +
                                              " is after the task's own, " + to_iso(*c.task.deadline));
  std::optional<Date> deadline = cmd.deadline ? cmd.deadline : c.task.deadline;
  std::vector<StreamAppend> out{{c.task.id, c.task.version, {}}};
  json children = json::array();
  int next = int(c.task.children.size());
  for (const auto& body_id : cmd.bodies) {
    const Body* body = c.bodies.find(body_id);
    if (!body) return c.refuse(ErrorCode::bad_input, "unknown body \"" + body_id + "\"");
    if (!c.bodies.is_subordinate(body_id, *c.task.spec.body))
      return c.refuse(ErrorCode::bad_input, "\"" + body_id + "\" is not under the holder \"" + *c.task.spec.body + "\"");
    if (std::count(cmd.bodies.begin(), cmd.bodies.end(), body_id) > 1)
      return c.refuse(ErrorCode::bad_input, "\"" + body_id + "\" is named twice");
    TaskSpec spec = c.task.spec;
    spec.assignee = body->name;
    spec.body = body->id;
    spec.is_default = false;
    StreamId child = c.task.id + "." + std::to_string(++next);
    children.push_back(child);
    out.push_back({child, 0, {c.event(et::task_assigned,
                                      {{"document", c.task.document},
                                       {"directive", c.task.directive},
                                       {"parent", c.task.id},
                                       {"spec", to_json(spec)},
                                       {"deadline", deadline ? json(to_iso(*deadline)) : json(nullptr)},
                                       {"note", cmd.note}})}});
  }
  out.front().events.push_back(c.event(et::task_delegated, {{"children", children}, {"bodies", cmd.bodies}}));
  return out;
}

}  // namespace

const char* command_name(const TaskCommand& command) {
  return std::visit(Overloaded{
                        [](const Acknowledge&) { return "ack"; },
                        [](const ReportProgress&) { return "progress"; },
                        [](const ClaimCompletion&) { return "complete"; },
                        [](const SubmitReport&) { return "report"; },
                        [](const Delegate&) { return "delegate"; },
                        [](const Approve&) { return "approve"; },
                        [](const ReturnCompletion&) { return "return"; },
                        [](const ExtendDeadline&) { return "extend"; },
                        [](const CancelTask&) { return "cancel"; },
                    },
                    command);
}

Decision decide(const TaskView& task, const TaskRequest& request, const BodyRegistry& bodies) {
  if (!task.exists()) return make_error(ErrorCode::not_found, request.task + ": no such task");
  Context c{task, request, bodies, command_name(request.command)};
  if (days_between(task.last_change_on, request.today) < 0)
    return c.refuse(ErrorCode::bad_input, "--as-of " + to_iso(request.today) +
                                              " is before the task's last change, on " + to_iso(task.last_change_on));
  bool supervisor = std::holds_alternative<Approve>(request.command) ||
                    std::holds_alternative<ReturnCompletion>(request.command) ||
                    std::holds_alternative<ExtendDeadline>(request.command) ||
                    std::holds_alternative<CancelTask>(request.command);
  if (auto s = supervisor ? check_supervisor(c) : check_unit(c); !s) return s.error();
  return std::visit(Overloaded{
                        [&](const Acknowledge&) { return acknowledge(c); },
                        [&](const ReportProgress& cmd) { return report_progress(c, cmd); },
                        [&](const ClaimCompletion& cmd) { return claim_completion(c, cmd); },
                        [&](const SubmitReport& cmd) { return submit_report(c, cmd); },
                        [&](const Delegate& cmd) { return delegate(c, cmd); },
                        [&](const Approve& cmd) { return approve(c, cmd); },
                        [&](const ReturnCompletion& cmd) { return return_completion(c, cmd); },
                        [&](const ExtendDeadline& cmd) { return extend(c, cmd); },
                        [&](const CancelTask& cmd) { return cancel(c, cmd); },
                    },
                    request.command);
}

}  // namespace cvtrack::engine
