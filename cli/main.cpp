// cvtrack: the command-line program. Parses the subcommand, runs it, and maps
// anything unexpected to a message and a non-zero exit in one place.
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"

namespace {

void print_help(std::ostream& out) {
  out << "cvtrack: tracking the tasks that Vietnamese directive documents assign\n\n"
         "usage: cvtrack COMMAND [ARGS]\n\ncommands:\n";
  for (const auto& c : cvtrack::cli::all_commands())
    out << "  " << c.usage << "\n      " << c.summary << "\n";
}

bool asks_for_help(const std::vector<std::string>& args) {
  for (std::size_t i = 1; i < args.size(); ++i)
    if (args[i] == "--help" || args[i] == "-h") return true;
  return false;
}

// `cvtrack serve --help`, `cvtrack help serve`: the command's usage line and
// what it does, on stdout, nothing run (no database opened or created).
int print_command_help(const std::string& name) {
  for (const auto& c : cvtrack::cli::all_commands()) {
    if (name != c.name) continue;
    std::cout << "usage: cvtrack " << c.usage << "\n  " << c.summary << "\n";
    return 0;
  }
  std::cerr << "cvtrack: unknown command '" << name << "' (try 'cvtrack help')\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 2 && args[0] == "help") return print_command_help(args[1]);
  if (!args.empty() && args[0] != "help" && asks_for_help(args)) return print_command_help(args[0]);
  if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
    print_help(args.empty() ? std::cerr : std::cout);
    return args.empty() ? 2 : 0;
  }
  try {
    for (const auto& command : cvtrack::cli::all_commands()) {
      if (args[0] != command.name) continue;
      cvtrack::cli::CommandContext ctx{{args.begin() + 1, args.end()}, std::cout, std::cerr};
      return command.run(ctx);
    }
    std::cerr << "cvtrack: unknown command '" << args[0] << "' (try 'cvtrack help')\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "cvtrack: internal error: " << e.what() << "\n";
    return 1;
  }
}
