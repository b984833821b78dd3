// (7) The cvtrack program itself on the finished database: `rebuild` (the
// projections recreated from the whole log) against a bare scan of the log,
// and `serve`: time from exec to answering /api/health, and its peak RSS
// with every deadline pending, against the same on an empty database.
#include <SQLiteCpp/SQLiteCpp.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <thread>

#include "tests/bench/database_files.hpp"
#include "tests/bench/figures.hpp"
#include "tests/bench/measure.hpp"

namespace cvtrack::bench {

namespace {

pid_t spawn(const std::vector<std::string>& argv, const std::string& log) {
  pid_t pid = ::fork();
  if (pid == 0) {
    std::FILE* out = std::freopen(log.c_str(), "w", stdout);
    if (out) ::dup2(::fileno(stdout), 2);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  return pid;
}

struct Finished {
  int status = 0;
  double seconds = 0, peak_mib = 0;
};

Finished run(const std::vector<std::string>& argv, const std::string& log) {
  Stopwatch w;
  pid_t pid = spawn(argv, log);
  Finished f;
  struct rusage usage {};
  ::wait4(pid, &f.status, 0, &usage);
  f.seconds = w.seconds();
  f.peak_mib = double(usage.ru_maxrss) / 1024.0;
  return f;
}

double vm_hwm_mib(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string key;
  while (status >> key) {
    if (key == "VmHWM:") {
      double kib = 0;
      status >> kib;
      return kib / 1024.0;
    }
    status.ignore(1 << 12, '\n');
  }
  return 0;
}

struct Served {
  bool ok = false;
  double seconds = 0, peak_mib = 0;
  double stop_seconds = 0;  // SIGTERM to exit, while the deadlines missed meanwhile are being recorded
};

// Starts `cvtrack serve`, waits (up to 120 s) for /api/health, reads its
// peak RSS, stops it with SIGTERM.
Served serve_once(const std::string& cvtrack, const std::string& db, const std::string& log) {
  int port = free_loopback_port();
  Stopwatch w;
  pid_t pid = spawn({cvtrack, "serve", "--db", db, "--port", std::to_string(port)}, log);
  Served s;
  while (w.seconds() < 120) {
    if (health_ok(port)) {
      s.ok = true;
      s.seconds = w.seconds();
      break;
    }
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) return s;  // exited: no serve here
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // let the timers load
  s.peak_mib = vm_hwm_mib(pid);
  Stopwatch stopping;
  ::kill(pid, SIGTERM);
  ::waitpid(pid, nullptr, 0);
  s.stop_seconds = stopping.seconds();
  return s;
}

double scan_log_seconds(const std::string& db) {
  SQLite::Database raw(db, SQLite::OPEN_READONLY);
  Stopwatch w;
  SQLite::Statement q(raw, "SELECT seq, stream, version, type, payload, actor, recorded_at, effective_on, "
                           "prev_hash, hash FROM events ORDER BY seq");
  std::size_t bytes = 0;
  while (q.executeStep())
    for (int i = 0; i < 10; ++i) bytes += q.getColumn(i).getString().size();
  return bytes ? w.seconds() : 0;
}

}  // namespace

void figure_process(const std::string& cvtrack, const std::string& db, std::int64_t tasks,
                    const std::string& work_dir, Report& report) {
  std::string size = num(double(tasks)) + " tasks";
  Finished rebuild = run({cvtrack, "rebuild", "--db", db}, work_dir + "/rebuild.log");
  if (!WIFEXITED(rebuild.status) || WEXITSTATUS(rebuild.status) != 0)
    throw std::runtime_error("cvtrack rebuild failed: see " + work_dir + "/rebuild.log");
  double scan = scan_log_seconds(db);
  report.add({"(7) `cvtrack rebuild` @ " + size, num(rebuild.seconds) + " s (peak RSS " + num(rebuild.peak_mib) + " MiB)",
              "bare scan of the log: " + num(scan) + " s", ratio(rebuild.seconds, scan)});

  std::string empty = work_dir + "/empty.db";
  remove_database(empty);
  run({cvtrack, "init", "--db", empty}, work_dir + "/init-empty.log");
  Served base = serve_once(cvtrack, empty, work_dir + "/serve-empty.log");
  if (!base.ok) {
    report.add({"(7) start-up to serving @ " + size, "not measured", "`cvtrack serve` did not answer", "-"});
    report.add({"(7) serve peak RSS, every deadline pending @ " + size, "not measured", "`cvtrack serve` did not answer", "-"});
    report.note("(7) start-up and RSS need `cvtrack serve` answering GET /api/health; see " + work_dir +
                "/serve-empty.log.");
    return;
  }
  // On a copy: stopped mid-way, this server has recorded some of the
  // deadlines missed since the database was made, and the catch-up figure
  // after it must find every one of them still to record (on a fast disk
  // it found a tenth: 524 of 5,024, and timed mostly the server's start).
  std::string copy = work_dir + "/serve-start.db";
  copy_database(db, copy);
  Served full = serve_once(cvtrack, copy, work_dir + "/serve.log");
  remove_database(copy);
  report.add({"(7) start-up to serving @ " + size + " (target: a couple of seconds)",
              full.ok ? num(full.seconds) + " s" : "did not answer in 120 s",
              "empty database: " + num(base.seconds) + " s", ratio(full.seconds, base.seconds)});
  report.add({"(7) serve peak RSS, every deadline pending @ " + size, num(full.peak_mib) + " MiB",
              "empty database: " + num(base.peak_mib) + " MiB", ratio(full.peak_mib, base.peak_mib)});
  // Stopped 0.3 s after it answered, while it records the deadlines that
  // passed since the database was made: a stop waits for the pass in hand.
  report.add({"(7) serve stop (SIGTERM to exit) during the start-up catch-up @ " + size,
              num(full.stop_seconds) + " s", "empty database: " + num(base.stop_seconds) + " s",
              ratio(full.stop_seconds, base.stop_seconds)});
}

}  // namespace cvtrack::bench
