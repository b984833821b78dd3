// engine/access.hpp
//
// Who may do what through `cvtrack serve`: pure policy over the body
// directory, no SQL, no HTTP. The server authenticates a bearer token into a
// Principal (storage/token_store.hpp), then asks these functions before it
// reads or acts; each refusal comes back as an Error whose message names the
// token's body and role, the task or what was asked, and why, ready to be
// shown to the caller and written to the security log.
//
// The roles (README.md#http-api):
//  - unit: acts on the tasks its body holds (ack, progress, complete, report,
//    delegate), and approves, returns, extends or cancels the tasks of bodies
//    it directs, never its own. It reads what it may act on: its own tasks and
//    those of the bodies it directs (a body that delegated must see what it
//    will approve).
//  - supervisor: reads the tasks of its body and of every body it directs,
//    sees matrices and stats; never acts.
//  - secretariat: reads everything, registers documents, may run every
//    command (recorded as the secretariat, as the CLI does without --as).
//
// "Directs" is BodyRegistry::holds_or_is_above / is_subordinate, the same
// relation the engine's `--as` uses, so the server never allows what
// decide() would refuse for that body. A task whose holder the directory
// does not know (spec.body null) is the secretariat's alone.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/body_registry.hpp"
#include "engine/result.hpp"
#include "engine/task_commands.hpp"
#include "engine/task_view.hpp"

namespace cvtrack::engine {

enum class Role { unit, supervisor, secretariat };

// "unit", "supervisor", "secretariat": as stored and as typed.
const char* role_name(Role role);
// bad_input naming the text and the three roles when it is none of them.
Result<Role> parse_role(std::string_view text);

// Who a request acts as, once its token is authenticated.
struct Principal {
  std::string token_id;  // "tok3": the public id, for the security log
  std::string body;      // a directory body id, or "secretariat"
  Role role = Role::unit;
};

// Refusals below are ErrorCode::forbidden unless said otherwise.

// The principal may read this task (GET /api/tasks/T, its history, the task
// in a document's listing, an event about it).
Status may_read_task(const Principal& who, const TaskView& task, const BodyRegistry& bodies);

// The principal may run `command` ("ack", "progress", "complete", "report",
// "delegate", "approve", "return", "extend", "cancel") on this task. An
// unknown command name is bad_input. decide() still checks the state and the
// values; this only decides whether the caller may ask at all.
Status may_run(const Principal& who, const TaskView& task, std::string_view command,
               const BodyRegistry& bodies);
inline Status may_run(const Principal& who, const TaskView& task, const TaskCommand& command,
                      const BodyRegistry& bodies) {
  return may_run(who, task, command_name(command), bodies);
}

// The body to hand the engine as TaskRequest::as_body for a command the
// principal may run: null for the secretariat (recorded as "secretariat"),
// the token's body otherwise. REQUIRES: may_run() said Ok.
std::optional<std::string> as_body(const Principal& who);

// POST /api/documents: the secretariat only.
Status may_register_documents(const Principal& who);

// GET /api/documents/D/matrix and GET /api/stats: supervisors and the
// secretariat. `what` names the request in the message ("the matrix of D1",
// "stats").
Status may_supervise(const Principal& who, std::string_view what);

// The holders a task query should be limited to for this principal: null
// means every task (the secretariat). Without `body_filter`, all the bodies
// it may read; with `?body=B`, B and the bodies B directs, within that scope.
// B outside the scope is forbidden; B not in the directory is bad_input.
Result<std::optional<std::vector<std::string>>> readable_holders(const Principal& who, const BodyRegistry& bodies,
                                                                 const std::optional<std::string>& body_filter = {});

}  // namespace cvtrack::engine
