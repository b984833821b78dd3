// cvtrack_bench: the benchmark suite of issue 6 (README.md#benchmarks).
//
//   cvtrack_bench suite --tasks N --work DIR [--checkpoints A,B,...] [--commands N] [--repeats N]
//                       [--http-seconds S] [--redmine URL --redmine-key KEY [--redmine-issues N]]
//                       [--only 1,5,...]   the figures to run (default: all)
//                       [--reuse]          the province already in DIR/cvtrack.db (suite.hpp)
//   cvtrack_bench sample --out DIR [--count N]     the directory and N documents, as files
//
// `.ci/bench quick|full` is the documented way to run it.
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/bench/suite.hpp"

namespace {

std::vector<std::int64_t> numbers(const std::string& list) {
  std::vector<std::int64_t> out;
  std::stringstream in(list);
  std::string item;
  while (std::getline(in, item, ',')) out.push_back(std::stoll(item));
  return out;
}

int usage() {
  std::cerr << "usage: cvtrack_bench suite --tasks N --work DIR [--checkpoints A,B,...] [--commands N] "
               "[--repeats N] [--cvtrack PATH]\n"
               "         [--http-seconds S] [--redmine URL --redmine-key KEY [--redmine-issues N]] [--only 1,5,...]\n"
               "       cvtrack_bench sample --out DIR [--count N]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage();
  auto option = [&](const std::string& name) -> const std::string* {
    for (std::size_t i = 1; i + 1 < args.size(); ++i)
      if (args[i] == name) return &args[i + 1];
    return nullptr;
  };
  try {
    if (args[0] == "sample") {
      const std::string* out = option("--out");
      if (!out) return usage();
      cvtrack::bench::write_sample(*out, option("--count") ? std::stoi(*option("--count")) : 20, 20251001);
      return 0;
    }
    if (args[0] != "suite" || !option("--tasks") || !option("--work")) return usage();
    cvtrack::bench::SuiteOptions o;
    o.tasks = std::stoll(*option("--tasks"));
    o.work_dir = *option("--work");
    if (auto* c = option("--checkpoints")) o.checkpoints = numbers(*c);
    if (auto* c = option("--commands")) o.durable_commands = std::stoi(*c);
    if (auto* c = option("--repeats")) o.query_repeats = std::stoi(*c);
    o.cvtrack = option("--cvtrack") ? *option("--cvtrack") : CVTRACK_BINARY;
    if (auto* c = option("--http-seconds")) o.http_seconds = std::stod(*c);
    if (auto* c = option("--redmine")) o.redmine_url = *c;
    if (auto* c = option("--redmine-key")) o.redmine_key = *c;
    if (auto* c = option("--redmine-issues")) o.redmine_issues = std::stoi(*c);
    if (auto* c = option("--only")) o.only = numbers(*c);
    o.reuse = std::find(args.begin(), args.end(), "--reuse") != args.end();
    cvtrack::bench::run_suite(o);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "cvtrack_bench: " << e.what() << "\n";
    return 1;
  }
}
