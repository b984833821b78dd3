#include "tests/reliability/child_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace cvtrack::reliability {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Finished::describe() const {
  if (signal != 0) return "killed by signal " + std::to_string(signal) + " (" + strsignal(signal) + ")";
  std::string first_line = err.substr(0, err.find('\n'));
  return "exit " + std::to_string(exit_code) + (first_line.empty() ? "" : ": " + first_line);
}

Child::Child(const std::vector<std::string>& argv, const std::string& out_file, const std::string& err_file)
    : out_file_(out_file), err_file_(err_file) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  // stderr appends: a server's log runs on across restarts.
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, argv[0].c_str(), &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " + argv[0] + ": " + std::strerror(rc));
  pid_ = pid;
}

Child::Child(Child&& other) noexcept
    : pid_(other.pid_), out_file_(std::move(other.out_file_)), err_file_(std::move(other.err_file_)) {
  other.pid_ = -1;
}

Child::~Child() {
  if (pid_ > 0) kill_and_wait(SIGKILL);
}

Finished Child::reap(int status) {
  pid_ = -1;
  Finished f;
  if (WIFEXITED(status)) f.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) f.signal = WTERMSIG(status);
  f.out = read_file(out_file_);
  f.err = read_file(err_file_);
  return f;
}

Finished Child::kill_and_wait(int signal) {
  ::kill(pid_, signal);
  return wait();
}

Finished Child::wait() {
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  return reap(status);
}

bool Child::try_wait(Finished& finished) {
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) != pid_) return false;
  finished = reap(status);
  return true;
}

Finished run_process(const std::vector<std::string>& argv, const std::string& scratch) {
  static std::atomic<unsigned> counter{0};
  std::string base = scratch + "/run-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
  Finished f;
  {
    Child child(argv, base + ".out", base + ".err");
    f = child.wait();
  }
  std::error_code ignored;
  std::filesystem::remove(base + ".out", ignored);
  std::filesystem::remove(base + ".err", ignored);
  return f;
}

}  // namespace cvtrack::reliability
