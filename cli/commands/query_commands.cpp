// `cvtrack tasks`, `show`, `history`: what a unit (or anyone) reads about
// tasks, at today's date or `--as-of`.
#include <algorithm>
#include <ostream>
#include <set>

#include "cli/commands.hpp"
#include "cli/commands/output_format.hpp"
#include "cli/commands/session.hpp"
#include "engine/apply.hpp"
#include "engine/task_status.hpp"

namespace cvtrack::cli {

namespace {

engine::TaskStatus status_of(Session& s, const engine::TaskView& t) {
  return engine::status_at(t, s.today(), s.calendar(), s.service().settings().due_soon_working_days);
}

}  // namespace

int run_tasks(CommandContext& ctx) {
  auto opened = Session::open(ctx, "tasks", {"--body", "--document"}, {});
  if (auto* code = std::get_if<int>(&opened)) return *code;
  Session& s = *std::get<std::unique_ptr<Session>>(opened);
  if (!s.args().positional.empty()) {
    ctx.err << "usage: cvtrack tasks [--body BODY] [--document DOC] [--as-of DATE] [--json]\n";
    return 2;
  }
  storage::TaskQuery query;
  // `tasks --body B` is B's own list, not its subordinates' (that is stats).
  if (auto body = s.args().option("--body")) {
    if (auto unknown = s.check_body_option(*body)) return s.fail(*unknown);
    query.holders = std::vector<std::string>{*body};
  }
  query.document = s.args().option("--document");
  auto tasks = s.tasks(query);
  if (!tasks) return s.fail(tasks.error());
  if (s.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& t : *tasks) list.push_back(task_json(t, status_of(s, t)));
    ctx.out << list.dump(2) << "\n";
    return 0;
  }
  if (tasks->empty()) ctx.out << "no tasks\n";
  for (const auto& t : *tasks) ctx.out << task_line(t, status_of(s, t)) << "\n";
  return 0;
}

int run_show(CommandContext& ctx) {
  auto opened = Session::open(ctx, "show", {}, {});
  if (auto* code = std::get_if<int>(&opened)) return *code;
  Session& s = *std::get<std::unique_ptr<Session>>(opened);
  if (s.args().positional.size() != 1) {
    ctx.err << "usage: cvtrack show TASK [--as-of DATE] [--json]\n";
    return 2;
  }
  const std::string& id = s.args().positional[0];
  auto snapshot = s.service().snapshot(s.today());
  if (!snapshot) return s.fail(snapshot.error());
  auto it = snapshot->tasks.find(id);
  if (it == snapshot->tasks.end())
    return s.fail(engine::make_error(engine::ErrorCode::not_found, id + ": no such task (on " + engine::to_iso(s.today()) + ")"));
  const engine::TaskView& t = it->second;
  std::vector<const engine::TaskView*> children;
  for (const auto& c : t.children)
    if (snapshot->tasks.count(c)) children.push_back(&snapshot->tasks.at(c));
  if (s.json()) {
    nlohmann::json j = task_json(t, status_of(s, t));
    j["children_status"] = nlohmann::json::array();
    for (const auto* c : children) j["children_status"].push_back(task_json(*c, status_of(s, *c)));
    ctx.out << j.dump(2) << "\n";
    return 0;
  }
  ctx.out << task_line(t, status_of(s, t)) << "\n"
          << "  document " << t.document << ", directive " << t.directive << "\n"
          << "  assignee as written: " << t.spec.assignee << "\n";
  if (t.spec.deadline_text) ctx.out << "  deadline as written: " << *t.spec.deadline_text << "\n";
  if (t.deadline != t.spec.deadline)
    ctx.out << "  deadline extended from " << (t.spec.deadline ? engine::to_iso(*t.spec.deadline) : "none") << "\n";
  if (!t.spec.reports_to.empty()) {
    ctx.out << "  reports to:";
    for (const auto& r : t.spec.reports_to) ctx.out << " " << r << ";";
    ctx.out << "\n";
  }
  if (t.parent) ctx.out << "  delegated from " << *t.parent << "\n";
  if (!t.note.empty()) ctx.out << "  last note: " << t.note << "\n";
  if (!children.empty()) {
    int done = 0;
    for (const auto* c : children) done += c->state == engine::TaskState::done;
    ctx.out << "  delegated to " << children.size() << " bodies, " << done << " done:\n";
    for (const auto* c : children) ctx.out << "    " << task_line(*c, status_of(s, *c)) << "\n";
  }
  for (const auto& [period, o] : t.occurrences)
    ctx.out << "  report " << period << " due " << engine::to_iso(o.due) << ": "
            << (o.submitted_on ? "submitted " + engine::to_iso(*o.submitted_on) + (o.late ? " (late)" : "")
                               : engine::days_between(o.due, s.today()) > 0 ? "missing" : "not yet")
            << "\n";
  return 0;
}

int run_history(CommandContext& ctx) {
  auto opened = Session::open(ctx, "history", {}, {});
  if (auto* code = std::get_if<int>(&opened)) return *code;
  Session& s = *std::get<std::unique_ptr<Session>>(opened);
  if (s.args().positional.size() != 1) {
    ctx.err << "usage: cvtrack history TASK|DOC [--json]\n";
    return 2;
  }
  const std::string& id = s.args().positional[0];
  auto snapshot = s.service().snapshot();
  if (!snapshot) return s.fail(snapshot.error());
  // A document's history is its own stream and every task it gave, the
  // delegated ones included; a task's is its stream and its children's.
  std::set<std::string> streams{id};
  bool is_document = snapshot->documents.count(id) > 0;
  if (!is_document && !snapshot->tasks.count(id))
    return s.fail(engine::make_error(engine::ErrorCode::not_found, id + ": no such task or document"));
  for (const auto& [tid, t] : snapshot->tasks)
    if ((is_document && t.document == id) || (!is_document && tid.rfind(id + ".", 0) == 0)) streams.insert(tid);
  auto log = s.service().log();
  if (!log) return s.fail(log.error());
  if (s.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& e : *log)
      if (streams.count(e.stream)) list.push_back(event_json(e));
    ctx.out << list.dump(2) << "\n";
    return 0;
  }
  for (const auto& e : *log)
    if (streams.count(e.stream)) ctx.out << history_line(e) << "\n";
  return 0;
}

}  // namespace cvtrack::cli
