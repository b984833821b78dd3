// tests/bench/suite.hpp
//
// The whole suite in one run, in the order that keeps it cheap: the machine
// line, generate the province, (1) reading, (4) registering it in batches
// with (5) the supervisor queries at each checkpoint, (2) durable single
// commands on the result, (7) the program on the finished database, and
// the HTTP figures (3), (6) when `cvtrack serve` answers.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace cvtrack::bench {

struct SuiteOptions {
  std::int64_t tasks = 10000;               // the province's size
  std::vector<std::int64_t> checkpoints;    // sizes the queries run at (the last is `tasks`)
  int durable_commands = 200;
  int query_repeats = 50;
  std::string work_dir;                     // databases, samples, logs, queries.dat/png
  std::string cvtrack;                      // the program, for (7)
  std::uint64_t seed = 20251001;
  double http_seconds = 5;                  // (3) each client count, (6) each wrk run
  std::string redmine_url, redmine_key;     // (8): empty, not measured (tests/bench/redmine/setup.sh)
  int redmine_issues = 300;
  // The figures to run, by number (`--only 1,5`); empty: all. (4) registers
  // the province whenever a later figure needs it, and prints its row.
  std::vector<std::int64_t> only;
  // `--reuse`: the province an earlier run left in work_dir/cvtrack.db is
  // used as it is (no ingest, no (4) row; (2) acts on its tasks still
  // assigned). For measuring one figure again at 1M tasks without the
  // minutes of registering them; the table is then not a whole run.
  bool reuse = false;
  bool runs(int figure) const;
};

// Prints the table to stdout; throws on a failure the run cannot go past.
void run_suite(const SuiteOptions& options);

// Writes the directory and the first `count` documents to `dir` (for
// looking at them, and for `cvtrack parse`).
void write_sample(const std::string& dir, int count, std::uint64_t seed);

}  // namespace cvtrack::bench
