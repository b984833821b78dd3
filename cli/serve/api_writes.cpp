// POST handlers. What can be refused without the engine (a malformed body,
// an unknown action) is refused here; the rest goes to the engine runtime,
// which checks who may act and decides against the task's current state,
// and the answer is sent once the write group holding it is durable.
#include <memory>

#include <boost/asio/post.hpp>

#include "cli/commands/output_format.hpp"
#include "cli/serve/api.hpp"
#include "cli/serve/command_body.hpp"
#include "engine/task_status.hpp"
#include "engine/task_view_text.hpp"
#include "workflows/assign_bodies.hpp"
#include "workflows/document_reader.hpp"

namespace cvtrack::serve {

using nlohmann::json;

namespace {

// What an answer sent after the write group commits needs of the request and
// the server, captured by value when the command is posted: the Call does not
// outlive the handler.
struct Answer {
  engine::Date today;
  unsigned version;
  bool keep_alive;
  const engine::WorkingDays* calendar;
  int due_soon;

  Answer(ServeContext& ctx, const Call& call)
      : today(call.today),
        version(call.request.version()),
        keep_alive(call.keep_alive),
        calendar(&ctx.calendar),
        due_soon(ctx.settings.due_soon_working_days) {}

  json task(const engine::TaskView& view) const {
    return cli::task_json(view, engine::status_at(view, today, *calendar, due_soon));
  }
  // The same as task(view).dump(), written as text (engine/task_view_text.hpp).
  std::string task_text(const engine::TaskView& view) const {
    if (auto text = cli::task_json_text(engine::task_view_text(view),
                                        engine::status_at(view, today, *calendar, due_soon)))
      return std::move(*text);
    return task(view).dump(-1, ' ', false, json::error_handler_t::replace);
  }
  Response error(const engine::Error& e) const { return error_response(e, version, keep_alive); }
  Response ok(http::status status, const json& body) const {
    return json_response(status, body, version, keep_alive);
  }
};

}  // namespace

void post_task_action(ServeContext& ctx, Call& call, const std::string& id, const std::string& action, Reply reply) {
  auto body = body_object(call.request.body());
  auto command = body ? task_command(action, *body) : engine::Result<engine::TaskCommand>(body.error());
  if (!command && command.error().code == engine::ErrorCode::not_found) return reply(call.fail(command.error()));
  // Who may act is checked before what is malformed: a stranger learns
  // nothing about a task by sending it bad bodies. A well-formed command is
  // checked on the engine strand, against the task it is decided on (see
  // CommandService::execute): checking here first cost a second read and
  // fold of the task's stream (perf: a sixth of serve's CPU at 64 clients)
  // and could be outdated by a command decided in between.
  engine::CommandService::Precondition may_act = [who = call.who, directories = call.directories,
                                                  action](const engine::TaskView& task) -> engine::Status {
    if (auto allowed = engine::may_read_task(who, task, directories->registry); !allowed) return allowed;
    return engine::may_run(who, task, action, directories->registry);
  };
  if (!command) {
    // Nothing to decide or write: checked against the task as last
    // committed, here, without taking the engine strand's time.
    auto task = call.connection.service.task(id);
    if (!task) return reply(call.fail(task.error()));
    if (auto allowed = may_act(*task); !allowed) return reply(call.fail(allowed.error()));
    return reply(call.fail(command.error()));
  }

  engine::TaskRequest request{id, std::move(*command), engine::as_body(call.who), call.today,
                              engine::to_utc_iso(ctx.clock.now())};
  // The task as last committed, read here on this connection's thread: the
  // strand then only checks that its stream has not moved since (perf at 64
  // clients: reading and parsing the stored task was a quarter of the
  // strand's time). Whatever this read saw, the strand decides on the
  // stream's current head: a task that moved in between is read again there.
  std::optional<engine::KeptTask> read_earlier;
  if (auto kept = call.connection.store.kept_task(id); kept && *kept) read_earlier = std::move(*kept);
  auto after = std::make_shared<std::optional<engine::TaskView>>();
  ctx.runtime.post(
      [request = std::move(request), may_act = std::move(may_act), read_earlier = std::move(read_earlier),
       after](engine::CommandService& service) mutable -> engine::Result<std::vector<engine::RecordedEvent>> {
        // The task as the command left it, folded from what it read and
        // wrote: reading it back on the strand held up every later command.
        engine::TaskView view;
        auto written = service.execute(request, &view, may_act, std::move(read_earlier));
        if (written) *after = std::move(view);
        return written;
      },
      [reply, after, answer = Answer(ctx, call), io = ctx.io](engine::Result<std::vector<engine::RecordedEvent>> written) {
        // The answer is built on the server's threads: its JSON (the
        // events, the task and its status) built on the strand held up
        // every later command (perf: ~10% of the strand at 64 clients).
        boost::asio::post(io, [reply, after, answer, written = std::move(written)] {
          if (!written) return reply(answer.error(written.error()));
          // {"events":[…],"task":{…}}: keys in the order nlohmann sorts them.
          std::string body = "{\"events\":";
          body += cli::events_json_text(*written);
          if (*after) body += ",\"task\":" + answer.task_text(**after);
          body += '}';
          reply(json_text_response(http::status::ok, std::move(body), answer.version, answer.keep_alive));
        });
      });
}

void post_document(ServeContext& ctx, Call& call, Reply reply) {
  if (auto allowed = engine::may_register_documents(call.who); !allowed) return reply(call.fail(allowed.error()));
  std::string text, source;
  auto content_type = call.request[http::field::content_type];
  if (content_type.starts_with("text/plain")) {
    text = call.request.body();
    source = call.target.param("source").value_or("upload.txt");
  } else {
    auto body = body_object(call.request.body());
    if (!body) return reply(call.fail(body.error()));
    auto t = text_field(*body, "text", true);
    if (!t) return reply(call.fail(t.error()));
    auto s = text_field(*body, "source", false);
    if (!s) return reply(call.fail(s.error()));
    text = std::move(*t);
    source = s->empty() ? "upload.txt" : *s;
  }
  // Read and resolve here, on this connection's thread: the engine strand
  // only records.
  auto parsed = workflows::read_document_text(text, source);
  if (!parsed) return reply(call.fail(parsed.error()));
  if (call.directories->directory) workflows::resolve_assignees(*parsed, *call.directories->directory);
  json warnings = json::array();
  for (const auto& w : parsed->warnings) warnings.push_back({{"line", w.line}, {"message", w.message}});

  auto registration = std::make_shared<std::optional<engine::Registration>>();
  auto views = std::make_shared<json>(json::array());
  Answer answer(ctx, call);
  ctx.runtime.post(
      [parsed = std::move(*parsed), text = std::move(text), source, answer, registration,
       views](engine::CommandService& service) -> engine::Result<std::vector<engine::RecordedEvent>> {
        std::vector<engine::RecordedEvent> recorded;
        auto r = service.register_document(parsed, text, source, answer.today, &recorded);
        if (!r) return r.error();
        for (const auto& id : r->tasks)
          if (auto t = service.task(id)) views->push_back(answer.task(*t));
        *registration = std::move(*r);
        return recorded;
      },
      [reply, registration, views, warnings, source, answer](
          const engine::Result<std::vector<engine::RecordedEvent>>& written) {
        if (!written) return reply(answer.error(written.error()));
        const auto& r = **registration;
        json body{{"document", r.document}, {"source", source}, {"already_registered", r.already_registered},
                  {"tasks", *views}, {"warnings", warnings}};
        reply(answer.ok(r.already_registered ? http::status::ok : http::status::created, body));
      });
}

}  // namespace cvtrack::serve
