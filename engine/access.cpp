#include "engine/access.hpp"

#include <algorithm>
#include <array>

namespace cvtrack::engine {

namespace {

constexpr std::array<std::string_view, 5> kUnitCommands = {"ack", "progress", "complete", "report", "delegate"};
constexpr std::array<std::string_view, 4> kAssignerCommands = {"approve", "return", "extend", "cancel"};

bool contains(const auto& list, std::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

// "ubnd-xa-ea-ly (unit token)": who was refused, as every message says it.
std::string who_text(const Principal& who) { return who.body + " (" + role_name(who.role) + " token)"; }

Error forbid(std::string message) { return make_error(ErrorCode::forbidden, std::move(message)); }

// The body reads tasks held by `holder`: it holds them or directs the holder.
bool reads_holder(const Principal& who, const std::string& holder, const BodyRegistry& bodies) {
  return who.role == Role::secretariat || bodies.holds_or_is_above(who.body, holder);
}

}  // namespace

const char* role_name(Role role) {
  switch (role) {
    case Role::unit: return "unit";
    case Role::supervisor: return "supervisor";
    case Role::secretariat: return "secretariat";
  }
  return "unit";  // unreachable: every enumerator is handled above
}

Result<Role> parse_role(std::string_view text) {
  for (Role r : {Role::unit, Role::supervisor, Role::secretariat})
    if (text == role_name(r)) return r;
  return make_error(ErrorCode::bad_input,
                    "role \"" + std::string(text) + "\" is not one of unit, supervisor, secretariat");
}

Status may_read_task(const Principal& who, const TaskView& task, const BodyRegistry& bodies) {
  if (who.role == Role::secretariat) return Ok{};
  if (!task.spec.body)
    return forbid(task.id + ": " + who_text(who) + " may not read it: it is held by \"" + task.holder() +
                  "\", which the directory does not know; only the secretariat reads such tasks");
  if (reads_holder(who, *task.spec.body, bodies)) return Ok{};
  return forbid(task.id + ": " + who_text(who) + " may not read it: it is held by " + *task.spec.body +
                ", which is neither " + who.body + " nor a body it directs");
}

Status may_run(const Principal& who, const TaskView& task, std::string_view command, const BodyRegistry& bodies) {
  bool unit_command = contains(kUnitCommands, command);
  if (!unit_command && !contains(kAssignerCommands, command))
    return make_error(ErrorCode::bad_input, task.id + ": \"" + std::string(command) + "\" is not a task command");
  std::string cannot = task.id + ": " + who_text(who) + " may not " + std::string(command) + " it: ";
  if (who.role == Role::secretariat) return Ok{};
  if (who.role == Role::supervisor) return forbid(cannot + "a supervisor token only reads");
  if (!task.spec.body)
    return forbid(cannot + "it is held by \"" + task.holder() +
                  "\", which the directory does not know; only the secretariat acts on such tasks");
  const std::string& holder = *task.spec.body;
  if (unit_command) {
    if (who.body == holder) return Ok{};
    return forbid(cannot + "it is held by " + holder + "; only the holder's unit or the secretariat may " +
                  std::string(command) + " it");
  }
  // Approving and the like belong to whoever assigned the work: the
  // secretariat or a body above the holder, never the holder itself (as the
  // engine's check for `--as` on these commands).
  if (bodies.is_subordinate(holder, who.body)) return Ok{};
  if (who.body == holder)
    return forbid(cannot + "it holds the task, and a holder may not " + std::string(command) +
                  " its own task; the secretariat or a body above it may");
  return forbid(cannot + "it is not above the holder " + holder + "; only the secretariat or a body above " +
                holder + " may");
}

std::optional<std::string> as_body(const Principal& who) {
  if (who.role == Role::secretariat) return std::nullopt;
  return who.body;
}

Status may_register_documents(const Principal& who) {
  if (who.role == Role::secretariat) return Ok{};
  return forbid(who_text(who) + " may not register documents: only a secretariat token may");
}

Status may_supervise(const Principal& who, std::string_view what) {
  if (who.role != Role::unit) return Ok{};
  return forbid(who_text(who) + " may not see " + std::string(what) +
                ": only supervisor and secretariat tokens may");
}

Result<std::optional<std::vector<std::string>>> readable_holders(const Principal& who, const BodyRegistry& bodies,
                                                                 const std::optional<std::string>& body_filter) {
  using Holders = std::optional<std::vector<std::string>>;
  if (body_filter && !bodies.find(*body_filter))
    return make_error(ErrorCode::bad_input, "body \"" + *body_filter + "\" is not in the directory");
  if (!body_filter && who.role == Role::secretariat) return Holders{};
  if (body_filter && !reads_holder(who, *body_filter, bodies))
    return forbid(who_text(who) + " may not read the tasks of " + *body_filter + ": it is neither " + who.body +
                  " nor a body it directs");
  // Invariant: `top` is readable, so who.body holds or directs it.
  const std::string& top = body_filter ? *body_filter : who.body;
  std::vector<std::string> holders{top};
  for (const auto& b : bodies.bodies())
    if (b.id != top && bodies.is_subordinate(b.id, top) && reads_holder(who, b.id, bodies)) holders.push_back(b.id);
  return Holders(std::move(holders));
}

}  // namespace cvtrack::engine
