// GET handlers: every list is limited to what the caller may read
// (engine::readable_holders), so a unit never sees another body's task.
#include <algorithm>
#include <charconv>
#include <set>

#include "cli/commands/output_format.hpp"
#include "cli/commands/supervision_json.hpp"
#include "cli/serve/api.hpp"
#include "engine/supervision.hpp"
#include "engine/task_status.hpp"
#include "engine/task_view_json.hpp"

namespace cvtrack::serve {

namespace {

using nlohmann::json;

engine::Error bad(std::string message) { return engine::make_error(engine::ErrorCode::bad_input, std::move(message)); }

engine::StatusSettings status_settings(Call& call) {
  (void)call;
  return {call.connection.service.settings().due_soon_working_days};
}

json task_json(Call& call, const engine::TaskView& task) {
  return cli::task_json(task, engine::status_at(task, call.today, call.connection.service.calendar(),
                                                call.connection.service.settings().due_soon_working_days));
}

// ?limit=&offset=: whole numbers within bounds.
engine::Result<std::pair<std::size_t, std::size_t>> page(const Call& call, std::size_t default_limit) {
  auto number = [&](const char* name, std::size_t fallback, std::size_t max) -> engine::Result<std::size_t> {
    auto text = call.target.param(name);
    if (!text) return fallback;
    std::size_t value = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc{} || end != text->data() + text->size() || value > max)
      return bad(std::string(name) + " \"" + *text + "\" must be a whole number up to " + std::to_string(max));
    return value;
  };
  auto limit = number("limit", default_limit, 10000);
  if (!limit) return limit.error();
  auto offset = number("offset", 0, 100000000);
  if (!offset) return offset.error();
  return std::pair{*limit, *offset};
}

// The holders the caller may read, narrowed by ?body=.
engine::Result<std::optional<std::vector<std::string>>> holders(Call& call) {
  return engine::readable_holders(call.who, call.directories->registry, call.target.param("body"));
}

}  // namespace

Response get_me(Call& call) {
  json body{{"token", call.who.token_id}, {"body", call.who.body}, {"role", engine::role_name(call.who.role)},
            {"as_of", engine::to_iso(call.today)}};
  if (const auto* b = call.directories->registry.find(call.who.body))
    body["body_name"] = b->name;
  else
    body["body_name"] = call.who.body == engine::kSecretariat ? "Văn phòng (thư ký)" : call.who.body;
  return call.ok(body);
}

Response get_documents(Call& call) {
  auto docs = call.connection.reader.documents();
  if (!docs) return call.fail(docs.error());
  // A supervisor follows every document (new ones may have no task under
  // it yet); a unit sees those that gave it work.
  std::optional<std::set<std::string>> visible;
  if (call.who.role == engine::Role::unit) {
    auto scope = holders(call);
    if (!scope) return call.fail(scope.error());
    visible.emplace();
    if (*scope) {
      auto ids = call.connection.reader.document_ids(**scope);
      if (!ids) return call.fail(ids.error());
      visible->insert(ids->begin(), ids->end());
    }
  }
  json list = json::array();
  auto text = [](const std::optional<std::string>& v) { return v ? json(*v) : json(); };
  for (const auto& d : *docs) {
    if (visible && !visible->count(d.id)) continue;
    list.push_back({{"id", d.id}, {"number", text(d.number)}, {"issuer", text(d.issuer)}, {"date", text(d.date)},
                    {"kind", text(d.kind)}, {"subject", text(d.subject)}, {"source", d.source},
                    {"registered_on", d.registered_on}, {"tasks", d.task_count}});
  }
  return call.ok({{"documents", list}});
}

Response get_document(Call& call, const std::string& id) {
  auto doc = call.connection.service.document(id);
  if (!doc) return call.fail(doc.error());
  auto scope = holders(call);
  if (!scope) return call.fail(scope.error());
  auto tasks = call.connection.reader.tasks({*scope, id, std::nullopt});
  if (!tasks) return call.fail(tasks.error());
  if (call.who.role == engine::Role::unit && tasks->empty())
    return call.fail(engine::make_error(engine::ErrorCode::forbidden,
                                        id + ": no task of \"" + call.who.body + "\" in this document"));
  json body = engine::to_json(*doc);
  json list = json::array();
  for (const auto& t : *tasks) list.push_back(task_json(call, t));
  body["tasks"] = list;
  return call.ok(body);
}

Response get_matrix(Call& call, const std::string& id) {
  if (auto allowed = engine::may_supervise(call.who, "the matrix of " + id); !allowed) return call.fail(allowed.error());
  auto paths = call.connection.reader.directive_paths(id);
  if (!paths) return call.fail(paths.error());
  if (paths->empty()) return call.fail(engine::make_error(engine::ErrorCode::not_found, id + ": no such document"));
  auto scope = holders(call);
  if (!scope) return call.fail(scope.error());
  auto tasks = call.connection.reader.tasks({*scope, id, std::nullopt});
  if (!tasks) return call.fail(tasks.error());
  auto matrix = engine::build_matrix(*paths, *tasks, call.today, call.connection.service.calendar(),
                                     status_settings(call));
  return call.ok(cli::matrix_json(id, call.today, matrix));
}

Response get_tasks(Call& call) {
  auto scope = holders(call);
  if (!scope) return call.fail(scope.error());
  auto paging = page(call, 500);
  if (!paging) return call.fail(paging.error());
  std::optional<engine::Date> overdue_at;
  if (auto o = call.target.param("overdue"); o && (*o == "1" || *o == "true")) overdue_at = call.today;
  auto [limit, offset] = *paging;
  // Filtered, counted and paged in SQL; only the page's rows are read.
  auto found = call.connection.reader.task_rows(
      {*scope, call.target.param("document"), call.target.param("state"), overdue_at}, limit, offset);
  if (!found) return call.fail(found.error());
  // The answer is written as text, {"as_of","tasks","total"} in the order
  // nlohmann sorts keys: each task is its stored view with "status" (from
  // the row's columns) spliced in, never parsed and dumped again.
  std::string body = "{\"as_of\":\"" + engine::to_iso(call.today) + "\",\"tasks\":[";
  for (std::size_t i = 0; i < found->rows.size(); ++i) {
    const auto& row = found->rows[i];
    engine::TaskStatus status = engine::status_at(row.state, row.deadline, row.done_on, call.today,
                                                  call.connection.service.calendar(),
                                                  call.connection.service.settings().due_soon_working_days);
    if (i) body += ',';
    if (auto text = cli::task_json_text(row.view_json, status)) {
      body += *text;
      continue;
    }
    // Not in the stored form: parsed, as GET /api/tasks/T answers it.
    auto task = call.connection.reader.task_of(row);
    if (!task) return call.fail(task.error());
    body += cli::task_json(*task, status).dump(-1, ' ', false, json::error_handler_t::replace);
  }
  body += "],\"total\":" + std::to_string(found->total) + "}";
  return json_text_response(http::status::ok, std::move(body), call.request.version(), call.keep_alive);
}

Response get_task(Call& call, const std::string& id) {
  auto task = call.connection.service.task(id);
  if (!task) return call.fail(task.error());
  if (auto allowed = engine::may_read_task(call.who, *task, call.directories->registry); !allowed)
    return call.fail(allowed.error());
  return call.ok(task_json(call, *task));
}

Response get_history(Call& call, const std::string& id) {
  auto task = call.connection.service.task(id);
  if (!task) return call.fail(task.error());
  if (auto allowed = engine::may_read_task(call.who, *task, call.directories->registry); !allowed)
    return call.fail(allowed.error());
  auto events = call.connection.store.read_stream(id);
  if (!events) return call.fail(events.error());
  return call.ok({{"task", id}, {"events", cli::events_json(*events)}});
}

Response get_overdue(Call& call) {
  auto scope = holders(call);
  if (!scope) return call.fail(scope.error());
  auto paging = page(call, 50);
  if (!paging) return call.fail(paging.error());
  auto [limit, offset] = *paging;
  // The page read in key order from the partial indexes and the total
  // counted there: the cost grows with offset + limit, not with the list.
  auto shown = call.connection.reader.overdue_page(*scope, call.today, limit, offset);
  if (!shown) return call.fail(shown.error());
  auto total = call.connection.reader.overdue_count(*scope, call.today);
  if (!total) return call.fail(total.error());
  return call.ok({{"as_of", engine::to_iso(call.today)}, {"total", *total}, {"items", cli::overdue_json(*shown)}});
}

Response get_stats(Call& call) {
  if (auto allowed = engine::may_supervise(call.who, "stats"); !allowed) return call.fail(allowed.error());
  auto scope = holders(call);
  if (!scope) return call.fail(scope.error());
  // Counted in SQL over the tasks table's columns; no task is parsed.
  auto stats = call.connection.reader.stats(
      *scope, call.today, engine::due_soon_before(call.today, call.connection.service.calendar(), status_settings(call)));
  if (!stats) return call.fail(stats.error());
  json body = cli::stats_json(call.today, *stats);
  json names = json::object();
  for (const auto& [holder, counts] : stats->by_body)
    if (const auto* b = call.directories->registry.find(holder)) names[holder] = b->name;
  body["names"] = names;
  return call.ok(body);
}

// How the engine has been committing since the server started: the groups
// (one commit, one fsync each) and the commands they held. What an operator
// reads to see whether group commit is sharing fsyncs under load.
Response get_engine(const ServeContext& ctx, Call& call) {
  if (auto allowed = engine::may_supervise(call.who, "engine"); !allowed) return call.fail(allowed.error());
  auto stats = ctx.runtime.group_stats();
  json body{{"groups", stats.groups},
            {"commands", stats.commands},
            {"commands_a_group", stats.groups ? double(stats.commands) / double(stats.groups) : 0.0},
            {"max_group", engine::Runtime::kMaxGroup}};
  return call.ok(body);
}

}  // namespace cvtrack::serve
