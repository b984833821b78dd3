#include "cli/commands.hpp"

#include "engine/result.hpp"

namespace cvtrack::cli {

const std::vector<CommandInfo>& all_commands() {
  static const std::vector<CommandInfo> commands = {
      {"parse", "parse FILE [--json] [--directory FILE] [--before-rule end-of-day|day-before]",
       "read a directive document and show its header, directives and tasks", run_parse},
      // The secretariat.
      {"init", "init [--directory FILE]", "create the database; record the directory of bodies", run_init},
      {"bodies", "bodies", "list the bodies of the recorded directory", run_bodies},
      {"ingest", "ingest FILE... [--directory FILE]",
       "register documents and the tasks they assign (one transaction; the same document twice changes nothing)",
       run_ingest},
      {"documents", "documents", "list the registered documents", run_documents},
      {"approve", "approve TASK [--note TEXT] [--as BODY]", "accept a claimed completion: the task is done",
       run_approve},
      {"return", "return TASK --reason TEXT [--as BODY]", "send a claimed completion back to the unit", run_return},
      {"extend", "extend TASK NEW_DEADLINE --reason TEXT [--as BODY]", "move a deadline later (both kept)",
       run_extend},
      {"cancel", "cancel TASK --reason TEXT [--as BODY]", "cancel an open task", run_cancel},
      // Units.
      {"tasks", "tasks [--body BODY] [--document DOC]", "list tasks and where each stands", run_tasks},
      {"show", "show TASK", "one task: its deadline, notes, delegated parts, reports", run_show},
      {"ack", "ack TASK [--as BODY]", "acknowledge an assigned task", run_ack},
      {"progress", "progress TASK PERCENT [--note TEXT] [--as BODY]", "report progress", run_progress},
      {"report", "report TASK [--period PERIOD] [--note TEXT] [--as BODY]",
       "submit a recurring report (the oldest one due, or PERIOD)", run_report},
      {"complete", "complete TASK --note TEXT [--as BODY]", "claim completion, for the secretariat to approve",
       run_complete},
      {"delegate", "delegate TASK --to BODY[,BODY...] [--deadline DATE] [--as BODY]",
       "pass a task down to bodies under its holder", run_delegate},
      // Supervisors.
      {"overdue", "overdue [--body BODY]", "tasks and reports past due, oldest first", run_overdue},
      {"matrix", "matrix DOC", "a document's directives x bodies, one status symbol per cell", run_matrix},
      {"stats", "stats [--body BODY]", "counts per status category per body", run_stats},
      {"history", "history TASK|DOC", "the events of a task or document, readable", run_history},
      // Maintenance.
      {"tick", "tick", "record the overdue and reminder events that have come due (idempotent)", run_tick},
      {"verify", "verify", "check the hash chain and that the projections equal a replay", run_verify},
      {"rebuild", "rebuild", "recreate the projections from the event log", run_rebuild},
      {"backup", "backup FILE [--force]", "a consistent, verified copy of the database, even while it is served",
       run_backup},
      // The engine live.
      {"serve", "serve [--bind 127.0.0.1] [--port 8080] [--threads N] [--reminders 3,1] [--max-body BYTES]",
       "serve the HTTP API, the event stream and the web board; deadlines act on their own", run_serve},
      {"token", "token create --body BODY --role unit|supervisor|secretariat [--label TEXT] | token list | token revoke ID",
       "the bearer tokens `serve` accepts: create one (printed once; only its SHA-256 is kept), list, revoke",
       run_token},
  };
  return commands;
}

int exit_code_for(int error_code) {
  switch (engine::ErrorCode(error_code)) {
    case engine::ErrorCode::bad_input:
    case engine::ErrorCode::not_found:
    case engine::ErrorCode::unauthenticated:  // like a refused --as: who is asking is the input at fault
    case engine::ErrorCode::forbidden:
      return 2;
    default:
      return 1;
  }
}

}  // namespace cvtrack::cli
