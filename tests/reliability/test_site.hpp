// tests/reliability/test_site.hpp
//
// One office's cvtrack for a reliability run: a database in a directory
// (a temporary one, or a small file system mounted for the full-disk run),
// the Sông Hinh directory recorded, a real document registered over HTTP,
// tokens for the secretariat and the units, and `cvtrack serve` as a child
// process that can be started, killed with SIGKILL and restarted. Everything
// is done through the `cvtrack` program, as an office would: the run never
// opens the database itself.
//
// Failures of the setup itself throw std::runtime_error (the run stops and
// says why); what the run checks is reported by the run.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/reliability/child_process.hpp"

namespace cvtrack::reliability {

struct TaskRef {
  std::string id;      // T1.5
  std::string holder;  // its body id
};

struct SiteOptions {
  std::string cvtrack;            // the program
  std::string source_dir;         // the repository: the directory file and the fixture
  std::filesystem::path dir;      // where the database lives
  std::filesystem::path scratch;  // logs and process output (never on a full disk)
};

class Site {
 public:
  explicit Site(SiteOptions options);
  ~Site();
  Site(const Site&) = delete;
  Site& operator=(const Site&) = delete;

  std::string db() const { return (options_.dir / "cvtrack.db").string(); }
  const SiteOptions& options() const { return options_; }

  // `cvtrack COMMAND ARGS... --db DB`, run to its end.
  Finished cli(std::vector<std::string> args) const;
  // The argv of that command, for callers that start it themselves.
  std::vector<std::string> cli_argv(std::vector<std::string> args) const;

  // `init --directory song-hinh-2021.json` and a secretariat token.
  void init();
  std::string create_token(const std::string& body, const std::string& role);
  const std::string& secretariat_token() const { return secretariat_; }
  // A unit token for `body`, created on first use.
  const std::string& unit_token(const std::string& body);

  // Starts `cvtrack serve --port 0` and waits (up to a minute) for its
  // "listening on" line.
  void start_server();
  // SIGKILL: no chance to finish anything.
  void kill_server();
  // SIGTERM: the graceful stop; returns how it ended.
  Finished stop_server();
  bool server_running() const { return server_ != nullptr; }
  unsigned short port() const { return port_; }
  std::string server_log() const;

  // POSTs song-hinh-281-CV-HU.txt as the secretariat; returns its tasks
  // whose holder the directory knows.
  std::vector<TaskRef> register_document();

  // `verify --json`: nullopt when the log verifies, else what is wrong.
  // Of this site's database, or of another (a backup).
  std::optional<std::string> verify(const std::string& other_db = "") const;
  // `history D1 --json`: every event of the document and its tasks.
  nlohmann::json history(const std::string& other_db = "") const;
  // `backup FILE`: nullopt when it succeeded, else how it ended.
  std::optional<std::string> backup(const std::string& file) const;

 private:
  SiteOptions options_;
  std::string secretariat_;
  std::map<std::string, std::string> unit_tokens_;
  std::unique_ptr<Child> server_;
  unsigned short port_ = 0;
  int starts_ = 0;
};

}  // namespace cvtrack::reliability
