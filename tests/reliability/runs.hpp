// tests/reliability/runs.hpp
//
// The three reliability runs of issue 7. Each sets up its own Site, prints
// what it did and its figures to `out`, and returns 0 when every check held,
// 1 when one failed (each failure named), 77 when the run cannot be done on
// this machine (the full-disk run without permission to mount).
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>

namespace cvtrack::reliability {

struct Environment {
  std::string cvtrack;         // the program under test
  std::string source_dir;      // the repository (directory file, fixture)
  std::filesystem::path work;  // a fresh directory for this run
  unsigned seed = 0;
};

// Clients drive acks, progress reports, completions and returns at the
// server; the server is killed with SIGKILL at random moments and
// restarted; after each kill `verify` passes and every acknowledged command
// is in the log.
struct CrashOptions {
  int kills = 3;
  int clients = 4;
  int tasks_per_client = 4;
  int min_acks_per_round = 5;  // acknowledged since the restart before the next kill is armed
  int max_delay_ms = 300;      // then a random delay in [0, max_delay_ms] before SIGKILL
  // The test of the test: after each kill, delete the WAL (what a disk that
  // lies about fsync would do). The run must then fail, naming lost commands.
  bool drop_wal = false;
};
int run_crash(const Environment& env, const CrashOptions& options, std::ostream& out);

// The database on a small tmpfs filled up: writes are refused with a message
// naming the full disk (HTTP 503, exit 1), the server stays up, nothing is
// written or corrupted, and once space is back writes go through again.
int run_full_disk(const Environment& env, std::ostream& out);

// Command-line processes and HTTP clients race on the same tasks: one ack
// wins, one completion wins, every loser gets a clear conflict, progress
// reports all land, versions stay gapless, no "database is locked".
struct ConcurrencyOptions {
  int tasks = 3;            // tasks raced on, one after the other
  int cli = 3;              // command-line processes per race
  int http = 3;             // HTTP clients per race
  int progress_rounds = 2;  // rounds of progress reports per task, cli + http each
};
int run_concurrency(const Environment& env, const ConcurrencyOptions& options, std::ostream& out);

}  // namespace cvtrack::reliability
