// The full-disk run: the database on a tmpfs of 32 MiB, mounted for the
// run. The server takes acknowledgements, then a ballast file fills the
// file system and progress reports with long notes are sent until the
// server refuses them. Checked: every refusal is HTTP 503 naming the full
// disk; the server stays up and answers reads; the command line refuses
// with exit 1 and the same words; a backup onto the full disk is refused
// and leaves no file; once the ballast is gone writes go through again;
// `verify` passes; everything acknowledged is in the log and nothing
// refused is.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <ostream>

#include "tests/cli/http_client.hpp"
#include "tests/reliability/acknowledged_log.hpp"
#include "tests/reliability/problems.hpp"
#include "tests/reliability/runs.hpp"
#include "tests/reliability/test_site.hpp"

namespace cvtrack::reliability {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kDiskSize = "32m";
constexpr const char* kFullWords = "disk is full";

// A tmpfs mounted for the run and unmounted after it (after the Site that
// uses it has killed its server: declare this first).
class SmallDisk {
 public:
  SmallDisk(fs::path at, std::string scratch) : at_(std::move(at)), scratch_(std::move(scratch)) {
    fs::create_directories(at_);
    result_ = run_process({"/bin/mount", "-t", "tmpfs", "-o", std::string("size=") + kDiskSize, "tmpfs", at_.string()},
                          scratch_);
  }
  ~SmallDisk() {
    if (mounted()) (void)run_process({"/bin/umount", at_.string()}, scratch_);
  }
  SmallDisk(const SmallDisk&) = delete;
  SmallDisk& operator=(const SmallDisk&) = delete;
  bool mounted() const { return result_.ok(); }
  const Finished& result() const { return result_; }

 private:
  fs::path at_;
  std::string scratch_;
  Finished result_;
};

// Writes zeros to `path` until the file system refuses: 1 MiB at a time,
// then 4 KiB, so that not a page is left. Returns the bytes written.
std::size_t fill(const fs::path& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) throw std::runtime_error(path.string() + ": cannot create the ballast file");
  std::string zeros(1 << 20, '\0');
  std::size_t total = 0;
  for (std::size_t chunk : {std::size_t(1) << 20, std::size_t(4096), std::size_t(512)}) {
    for (;;) {
      ssize_t n = ::write(fd, zeros.data(), chunk);
      if (n <= 0) break;
      total += std::size_t(n);
    }
  }
  ::fsync(fd);
  ::close(fd);
  return total;
}

bool says_disk_full(const std::string& text) { return text.find(kFullWords) != std::string::npos; }

// A note of about 32 KiB, unique by `n`: a few commands fill what is left.
std::string long_note(const std::string& label, int n) {
  std::string note = label + " " + std::to_string(n) + ": ";
  while (note.size() < 32 * 1024) note += "Báo cáo tiến độ thực hiện nhiệm vụ được giao. ";
  return note;
}

}  // namespace

int run_full_disk(const Environment& env, std::ostream& out) {
  fs::path scratch = env.work / "scratch";
  fs::create_directories(scratch);
  SmallDisk disk(env.work / "small-disk", scratch.string());
  if (!disk.mounted()) {
    out << "full-disk: SKIPPED: cannot mount a tmpfs here (" << disk.result().describe()
        << "); the run needs root (or CAP_SYS_ADMIN)" << std::endl;
    return 77;
  }
  Problems problems;
  AcknowledgedLog log;
  std::vector<std::string> refused_notes;
  Site site({env.cvtrack, env.source_dir, env.work / "small-disk", scratch});
  site.init();
  site.start_server();
  auto tasks = site.register_document();
  const TaskRef& task = tasks.at(0);
  const std::string unit = site.unit_token(task.holder);
  test::HttpClient http(site.port());
  auto ack = http.post("/api/tasks/" + task.id + "/ack", unit, json::object());
  if (ack.status != 200) throw std::runtime_error("ack before the disk fills: HTTP " + std::to_string(ack.status));
  log.add(task.id, "ack", "", ack.json()["events"]);

  std::size_t ballast = fill(site.options().dir / "ballast");
  int accepted_while_filling = 0, refused = 0;
  for (int n = 1; n <= 2000 && refused < 5; ++n) {
    std::string note = long_note("khi đầy đĩa", n);
    auto r = http.post("/api/tasks/" + task.id + "/progress", unit, {{"percent", n % 100}, {"note", note}});
    if (r.status == 200) {
      log.add(task.id, "progress", note, r.json()["events"]);
      ++accepted_while_filling;
    } else if (r.status == 503 && says_disk_full(r.body)) {
      if (refused == 0) out << "full-disk: the server answered HTTP 503: " << r.json()["error"]["message"] << "\n";
      refused_notes.push_back(note);
      ++refused;
    } else {
      problems.add("a write on the full disk: HTTP " + std::to_string(r.status) + " " + r.body.substr(0, 300));
      break;
    }
  }
  if (refused == 0) problems.add("the disk never filled: every write was accepted");
  if (http.get("/api/health").status != 200) problems.add("the server stopped answering on the full disk");
  if (auto read = http.get("/api/tasks/" + task.id, unit); read.status != 200)
    problems.add("a read on the full disk: HTTP " + std::to_string(read.status) + " " + read.body.substr(0, 300));

  std::string cli_note = "dòng lệnh khi đầy đĩa";
  auto cli = site.cli({"progress", task.id, "60", "--note", cli_note, "--as", task.holder});
  refused_notes.push_back(cli_note);
  out << "full-disk: cvtrack progress: " << cli.describe() << "\n";
  if (cli.exit_code != 1 || !says_disk_full(cli.err))
    problems.add("cvtrack progress on the full disk: " + cli.describe() + " (wanted exit 1 naming the full disk)");

  fs::path backup = site.options().dir / "backup.db";
  auto copied = site.cli({"backup", backup.string()});
  if (copied.ok() || !says_disk_full(copied.err))
    problems.add("cvtrack backup onto the full disk: " + copied.describe() +
                 " (wanted a refusal naming the full disk)");
  out << "full-disk: cvtrack backup: " << copied.describe() << "\n";
  for (const auto& entry : fs::directory_iterator(site.options().dir))
    if (entry.path().filename().string().rfind("backup.db", 0) == 0)
      problems.add("a refused backup left " + entry.path().string() + " behind");

  // Space back: writes go through again, on the same server.
  fs::remove(site.options().dir / "ballast");
  std::string after_note = "sau khi giải phóng đĩa";
  auto again = http.post("/api/tasks/" + task.id + "/progress", unit, {{"percent", 80}, {"note", after_note}});
  if (again.status == 200)
    log.add(task.id, "progress", after_note, again.json()["events"]);
  else
    problems.add("a write once space was back: HTTP " + std::to_string(again.status) + " " + again.body.substr(0, 300));
  auto cli_again = site.cli({"progress", task.id, "90", "--note", "dòng lệnh sau khi giải phóng", "--as", task.holder});
  if (!cli_again.ok()) problems.add("cvtrack progress once space was back: " + cli_again.describe());

  Finished stopped = site.stop_server();
  if (!stopped.ok()) problems.add("SIGTERM after the full disk: cvtrack serve " + stopped.describe());
  auto verify_problem = site.verify();
  if (verify_problem) problems.add("verify after the full disk: " + *verify_problem);
  json history = site.history();
  LogCheck check = log.check(history);
  for (const auto& p : check.problems) problems.add(p);
  for (const auto& p : check_versions(history)) problems.add(p);
  std::size_t refused_found = 0;
  for (const auto& note : refused_notes)
    if (history_mentions(history, note)) ++refused_found;
  if (refused_found) problems.add(std::to_string(refused_found) + " refused writes are in the log all the same");

  out << "full-disk: tmpfs of " << kDiskSize << " filled (" << ballast / 1024 << " KiB of ballast); "
      << accepted_while_filling << " writes still fitted, then " << refused << " refused with HTTP 503 \"" << kFullWords
      << "\"; the command line and backup refused likewise; writes accepted again once space was back"
      << "\nfull-disk: verify " << (verify_problem ? "FAILED" : "passed") << "; " << check.found << " of "
      << check.acknowledged << " acknowledged commands found, " << refused_found << " of " << refused_notes.size()
      << " refused writes in the log" << std::endl;
  if (!problems.empty()) {
    std::string server_log = site.server_log();
    out << "full-disk: the server's log ends:\n"
        << server_log.substr(server_log.size() - std::min<std::size_t>(server_log.size(), 4000)) << "\n";
  }
  return problems.report(out, "full-disk");
}

}  // namespace cvtrack::reliability
