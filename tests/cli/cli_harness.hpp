// tests/cli/cli_harness.hpp
//
// Runs cvtrack commands in-process, through the same table main() uses,
// against a database in a fresh temporary directory.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "tests/storage/temp_database.hpp"

namespace cvtrack::test {

struct CliResult {
  int code = -1;
  std::string out;
  std::string err;
  nlohmann::json json() const { return nlohmann::json::parse(out); }
};

class Cli {
 public:
  std::string db() const { return dir_.file("cvtrack.db").string(); }
  std::string path(const std::string& name) const { return dir_.file(name).string(); }

  // `args` after the command name; --db is added.
  CliResult run(const std::string& command, std::vector<std::string> args) {
    args.push_back("--db");
    args.push_back(db());
    std::ostringstream out, err;
    cli::CommandContext ctx{args, out, err};
    for (const auto& c : cli::all_commands())
      if (command == c.name) return {c.run(ctx), out.str(), err.str()};
    return {127, "", "no such command " + command};
  }

  // How many events the log holds, from `verify --json`.
  long long events() {
    auto r = run("verify", {"--json"});
    return r.json().at("events").get<long long>();
  }

 private:
  TempDirectory dir_;
};

}  // namespace cvtrack::test
