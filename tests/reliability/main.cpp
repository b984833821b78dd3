// cvtrack_reliability: the crash, full-disk and concurrency runs of issue 7
// against a real `cvtrack` program. CTest runs the quick forms
// (tests/reliability/CMakeLists.txt); `bash .ci/reliability full` the full.
//
//   cvtrack_reliability crash|full-disk|concurrency --cvtrack PATH --source DIR
//       [--seed N] [--keep]
//       crash:       [--kills 3] [--clients 4] [--tasks-per-client 4] [--min-acks 5] [--max-delay-ms 300]
//                    [--drop-wal: delete the WAL after each kill; the run must then fail]
//       concurrency: [--tasks 3] [--cli 3] [--http 3] [--progress-rounds 2]
//
// The run's files (database, server log) are kept in a temporary directory
// when it fails, or always with --keep.
#include <filesystem>
#include <iostream>
#include <map>
#include <random>
#include <stdexcept>
#include <string>

#include "tests/reliability/runs.hpp"

namespace fs = std::filesystem;
using namespace cvtrack::reliability;

namespace {

int usage() {
  std::cerr
      << "usage: cvtrack_reliability crash|full-disk|concurrency --cvtrack PATH --source DIR [--seed N] [--keep]\n"
         "  crash:       [--kills N] [--clients N] [--tasks-per-client N] [--min-acks N] [--max-delay-ms N]\n"
         "  concurrency: [--tasks N] [--cli N] [--http N] [--progress-rounds N]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  std::string mode = argv[1];
  std::map<std::string, std::string> options;
  bool keep = false, drop_wal = false;
  for (int i = 2; i < argc; ++i) {
    std::string word = argv[i];
    if (word == "--keep") {
      keep = true;
    } else if (word == "--drop-wal") {
      drop_wal = true;
    } else if (word.rfind("--", 0) == 0 && i + 1 < argc) {
      options[word] = argv[++i];
    } else {
      return usage();
    }
  }
  auto number = [&](const char* name, int fallback) {
    auto it = options.find(name);
    return it == options.end() ? fallback : std::stoi(it->second);
  };
  if (!options.count("--cvtrack") || !options.count("--source")) return usage();

  Environment env;
  env.cvtrack = fs::absolute(options["--cvtrack"]).string();
  env.source_dir = fs::absolute(options["--source"]).string();
  env.seed = options.count("--seed") ? unsigned(std::stoul(options["--seed"])) : std::random_device{}();
  env.work = fs::temp_directory_path() / ("cvtrack-reliability-" + mode + "-" + std::to_string(env.seed));
  fs::remove_all(env.work);
  fs::create_directories(env.work);

  int code = 0;
  try {
    if (mode == "crash") {
      CrashOptions o;
      o.kills = number("--kills", o.kills);
      o.clients = number("--clients", o.clients);
      o.tasks_per_client = number("--tasks-per-client", o.tasks_per_client);
      o.min_acks_per_round = number("--min-acks", o.min_acks_per_round);
      o.max_delay_ms = number("--max-delay-ms", o.max_delay_ms);
      o.drop_wal = drop_wal;
      code = run_crash(env, o, std::cout);
    } else if (mode == "full-disk") {
      code = run_full_disk(env, std::cout);
    } else if (mode == "concurrency") {
      ConcurrencyOptions o;
      o.tasks = number("--tasks", o.tasks);
      o.cli = number("--cli", o.cli);
      o.http = number("--http", o.http);
      o.progress_rounds = number("--progress-rounds", o.progress_rounds);
      code = run_concurrency(env, o, std::cout);
    } else {
      return usage();
    }
  } catch (const std::exception& e) {
    std::cout << mode << ": FAILED: " << e.what() << std::endl;
    code = 1;
  }
  // A --drop-wal run fails by design: nothing there to look at afterwards.
  if (!keep && (code == 0 || drop_wal)) {
    std::error_code ignored;
    fs::remove_all(env.work, ignored);
  } else {
    std::cout << mode << ": the run's files are in " << env.work.string() << std::endl;
  }
  return code;
}
