// cli/commands.hpp
//
// Every `cvtrack` subcommand, as a function tests can call without a process.
// Each reads its arguments, writes its output to `out` and its diagnostics to
// `err`, and returns the process exit code: 0 success, 1 failure, 2 bad input
// or usage.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace cvtrack::cli {

struct CommandContext {
  std::vector<std::string> args;  // after the subcommand name
  std::ostream& out;
  std::ostream& err;
};

using CommandFunction = std::function<int(CommandContext&)>;

struct CommandInfo {
  const char* name;
  const char* usage;    // "parse FILE [--json] [--directory FILE]"
  const char* summary;  // one line for `cvtrack help`
  CommandFunction run;
};

// The table `cvtrack` dispatches on, in the order `help` lists them.
const std::vector<CommandInfo>& all_commands();

int run_parse(CommandContext& ctx);

// The engine's commands (cli/commands/*_commands.cpp). All take --db PATH
// (default $CVTRACK_DB, else ./cvtrack.db), --json and --as-of DATE.
int run_init(CommandContext& ctx);
int run_bodies(CommandContext& ctx);
int run_ingest(CommandContext& ctx);
int run_documents(CommandContext& ctx);
int run_tasks(CommandContext& ctx);
int run_show(CommandContext& ctx);
int run_ack(CommandContext& ctx);
int run_progress(CommandContext& ctx);
int run_report(CommandContext& ctx);
int run_complete(CommandContext& ctx);
int run_delegate(CommandContext& ctx);
int run_approve(CommandContext& ctx);
int run_return(CommandContext& ctx);
int run_extend(CommandContext& ctx);
int run_cancel(CommandContext& ctx);
int run_overdue(CommandContext& ctx);
int run_matrix(CommandContext& ctx);
int run_stats(CommandContext& ctx);
int run_history(CommandContext& ctx);
int run_tick(CommandContext& ctx);
int run_verify(CommandContext& ctx);
int run_rebuild(CommandContext& ctx);
int run_backup(CommandContext& ctx);  // cli/commands/backup_command.cpp
// `token create|list|revoke` (cli/commands/token_commands.cpp): access for `serve`.
int run_token(CommandContext& ctx);
int run_serve(CommandContext& ctx);

// Maps an error code to the exit status, in one place.
int exit_code_for(int error_code);

}  // namespace cvtrack::cli
