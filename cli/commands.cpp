#include "cli/commands.hpp"

#include "engine/result.hpp"

namespace cvtrack::cli {

const std::vector<CommandInfo>& all_commands() {
  static const std::vector<CommandInfo> commands = {
      {"parse", "parse FILE [--json] [--directory FILE]",
       "read a directive document and show its header, directives and tasks", run_parse},
  };
  return commands;
}

int exit_code_for(int error_code) {
  switch (engine::ErrorCode(error_code)) {
    case engine::ErrorCode::bad_input:
    case engine::ErrorCode::not_found:
      return 2;
    default:
      return 1;
  }
}

}  // namespace cvtrack::cli
