// tests/reliability/child_process.hpp
//
// The reliability runs drive real `cvtrack` processes: a server they kill
// with SIGKILL, and command-line writers racing it. posix_spawn, so it is
// safe from a program with client threads running.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace cvtrack::reliability {

// How a finished process ended.
struct Finished {
  int exit_code = -1;  // -1 when killed by a signal
  int signal = 0;      // the signal that ended it, else 0
  std::string out;
  std::string err;
  bool ok() const { return exit_code == 0; }
  std::string describe() const;  // "exit 1: cvtrack ack: …" or "killed by signal 6"
};

// A process that runs in the background, its stdout and stderr sent to
// files. Not copyable; the destructor kills (SIGKILL) and reaps it if it is
// still running.
class Child {
 public:
  Child(const std::vector<std::string>& argv, const std::string& out_file, const std::string& err_file);
  ~Child();
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  Child(Child&& other) noexcept;

  pid_t pid() const { return pid_; }
  bool running() const { return pid_ > 0; }

  // Sends `signal` and waits for the process to end.
  Finished kill_and_wait(int signal);
  // Waits for it to end (no timeout: the caller bounds it).
  Finished wait();
  // True and the result once it has ended; false while it still runs.
  bool try_wait(Finished& finished);

 private:
  Finished reap(int status);
  pid_t pid_ = -1;
  std::string out_file_, err_file_;
};

// Runs `argv` to the end and returns its exit and output. `scratch` is a
// directory for the output files.
Finished run_process(const std::vector<std::string>& argv, const std::string& scratch);

std::string read_file(const std::string& path);

}  // namespace cvtrack::reliability
