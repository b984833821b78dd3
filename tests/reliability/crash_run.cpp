// The crash run: client threads work through their tasks over HTTP (ack,
// three progress reports, claim completion, the secretariat returns it,
// progress again …), each command with a note of its own, and log what was
// acknowledged. The server is killed with SIGKILL a random moment after a
// few acknowledgements, the clients park, and the log is read back through
// the command line: `verify` must pass, and every acknowledged command must
// be there, the same event it was acknowledged as.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <memory>
#include <ostream>
#include <random>
#include <thread>

#include "tests/cli/http_client.hpp"
#include "tests/reliability/acknowledged_log.hpp"
#include "tests/reliability/problems.hpp"
#include "tests/reliability/runs.hpp"
#include "tests/reliability/server_gate.hpp"
#include "tests/reliability/test_site.hpp"

namespace cvtrack::reliability {

namespace {

using nlohmann::json;
using SteadyClock = std::chrono::steady_clock;

struct ClientTask {
  TaskRef ref;
  std::string token;  // the holder's unit token
  std::string state = "assigned";
  int reports = 0;       // progress reports since the last completion
  bool unknown = false;  // a command's outcome was lost with the server: read the state again
};

struct Command {
  std::string action;  // empty: nothing left to do on the task
  json body;
  std::string text;
  bool by_secretariat = false;
};

// The task's next step in an endless, legal cycle.
Command next_command(const ClientTask& t, const std::string& text) {
  if (t.state == "assigned") return {"ack", json::object(), "", false};
  if (t.state == "acknowledged" || t.state == "in_progress" || t.state == "returned") {
    if (t.reports < 3) return {"progress", {{"percent", 25 * (t.reports + 1)}, {"note", text}}, text, false};
    return {"complete", {{"note", text}}, text, false};
  }
  if (t.state == "submitted") return {"return", {{"reason", text}}, text, true};
  return {};
}

struct Shared {
  std::string secretariat;
  ServerGate gate;
  AcknowledgedLog log;
  Problems problems;
  std::atomic<std::size_t> acks_this_round{0};
  std::atomic<std::size_t> in_flight_lost{0};  // no answer: the server died under the request
  std::atomic<std::size_t> conflicts{0};
};

void client(Shared& s, int index, std::vector<ClientTask> tasks) {
  int sent = 0;
  for (std::size_t turn = 0;; ++turn) {
    unsigned short port = s.gate.wait_up();
    if (port == 0) return;
    test::HttpClient http(port);
    ClientTask& t = tasks[turn % tasks.size()];
    if (t.unknown) {
      auto r = http.get("/api/tasks/" + t.ref.id, s.secretariat);
      if (r.status != 200) {
        if (r.status != 0) s.problems.add("GET " + t.ref.id + ": HTTP " + std::to_string(r.status) + " " + r.body);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        continue;
      }
      t.state = r.json()["state"].get<std::string>();
      t.unknown = false;
    }
    std::string text =
        "Báo cáo lần " + std::to_string(++sent) + " của luồng " + std::to_string(index) + " (" + t.ref.id + ")";
    Command c = next_command(t, text);
    if (c.action.empty()) continue;
    auto r = http.post("/api/tasks/" + t.ref.id + "/" + c.action, c.by_secretariat ? s.secretariat : t.token, c.body);
    if (r.status == 200) {
      json answer = r.json();
      s.log.add(t.ref.id, c.action, c.text, answer["events"]);
      t.state = answer["task"]["state"].get<std::string>();
      t.reports = c.action == "progress" ? t.reports + 1 : c.action == "complete" ? 0 : t.reports;
      ++s.acks_this_round;
    } else if (r.status == 0) {
      ++s.in_flight_lost;
      t.unknown = true;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    } else if (r.status == 409) {
      ++s.conflicts;
      t.unknown = true;
    } else {
      s.problems.add("POST " + t.ref.id + "/" + c.action + ": HTTP " + std::to_string(r.status) + " " + r.body);
      t.unknown = true;
    }
  }
}

// Spread over the document: different holders, different directives.
std::vector<std::vector<ClientTask>> deal_tasks(Site& site, const std::vector<TaskRef>& tasks, const CrashOptions& o) {
  std::size_t wanted = std::size_t(o.clients * o.tasks_per_client);
  if (tasks.size() < wanted) throw std::runtime_error("the document has too few tasks for this run");
  std::vector<std::vector<ClientTask>> dealt(std::size_t(o.clients));
  std::size_t step = tasks.size() / wanted;
  for (std::size_t i = 0; i < wanted; ++i) {
    const TaskRef& ref = tasks[i * step];
    dealt[i % dealt.size()].push_back({ref, site.unit_token(ref.holder)});
  }
  return dealt;
}

// After a kill, with the clients parked: the log read back must hold
// everything acknowledged so far.
bool check_log(Site& site, Shared& s, std::size_t& found, std::ostream& out, const std::string& when) {
  if (auto problem = site.verify()) {
    s.problems.add(when + ": cvtrack verify failed: " + *problem);
    return false;
  }
  json history = site.history();
  LogCheck check = s.log.check(history);
  found = check.found;
  for (const auto& p : check.problems) s.problems.add(when + ": " + p);
  for (const auto& p : check_versions(history)) s.problems.add(when + ": " + p);
  out << when << ": verify passed; " << check.found << " of " << check.acknowledged
      << " acknowledged commands found in the log" << std::endl;
  return s.problems.empty();
}

// A consistent copy holds the log up to one event: the same events, and
// none missing before its last one.
std::optional<std::string> not_a_prefix(const json& copy, const json& live) {
  std::map<std::int64_t, std::string> live_hashes;
  for (const auto& e : live) live_hashes[e["seq"].get<std::int64_t>()] = e["hash"].get<std::string>();
  std::int64_t last = 0;
  for (const auto& e : copy) {
    std::int64_t seq = e["seq"].get<std::int64_t>();
    last = std::max(last, seq);
    if (live_hashes[seq] != e["hash"].get<std::string>())
      return "event " + std::to_string(seq) + " of the copy is not the log's event " + std::to_string(seq);
  }
  auto before_last =
      std::count_if(live_hashes.begin(), live_hashes.end(), [&](const auto& kv) { return kv.first <= last; });
  if (std::size_t(before_last) != copy.size())
    return "the copy has " + std::to_string(copy.size()) + " of the " + std::to_string(before_last) +
           " events up to its last one";
  return std::nullopt;
}

// Each backup taken while serving, restored (copied into place as the
// database of a new office): it verifies and is a prefix of the final log.
void check_backups(Site& site, const std::vector<std::string>& backups, const std::filesystem::path& work,
                   Problems& problems) {
  json live = site.history();
  std::string restored = (work / "restored.db").string();
  for (const auto& backup : backups) {
    std::filesystem::copy_file(backup, restored, std::filesystem::copy_options::overwrite_existing);
    if (auto problem = site.verify(restored)) problems.add(backup + " restored: verify failed: " + *problem);
    if (auto problem = not_a_prefix(site.history(restored), live)) problems.add(backup + ": " + *problem);
  }
}

}  // namespace

int run_crash(const Environment& env, const CrashOptions& o, std::ostream& out) {
  Site site({env.cvtrack, env.source_dir, env.work / "db", env.work / "scratch"});
  site.init();
  site.start_server();
  auto tasks = site.register_document();
  auto dealt = deal_tasks(site, tasks, o);
  // A graceful restart: the registration is checkpointed into the database
  // file, so what the kills put at risk is only what the clients do.
  if (Finished stopped = site.stop_server(); !stopped.ok())
    throw std::runtime_error("SIGTERM after registering: cvtrack serve " + stopped.describe());
  site.start_server();

  Shared s;
  s.secretariat = site.secretariat_token();
  s.gate.up(site.port());
  std::vector<std::thread> clients;
  for (int i = 0; i < o.clients; ++i) clients.emplace_back(client, std::ref(s), i, dealt[std::size_t(i)]);

  std::mt19937 random(env.seed);
  std::uniform_int_distribution<int> delay_ms(0, o.max_delay_ms);
  int kills = 0;
  std::size_t found = 0;
  std::vector<std::string> backups;
  // Whatever goes wrong in a round, the clients are stopped and joined.
  try {
    for (int round = 1; round <= o.kills && s.problems.empty(); ++round) {
      auto deadline = SteadyClock::now() + std::chrono::minutes(2);
      while (s.acks_this_round < std::size_t(o.min_acks_per_round) && SteadyClock::now() < deadline &&
             s.problems.empty())
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      if (s.acks_this_round < std::size_t(o.min_acks_per_round)) {
        s.problems.add("round " + std::to_string(round) + ": the server acknowledged " +
                       std::to_string(s.acks_this_round.load()) + " commands in two minutes");
        break;
      }
      // A backup while the clients write (cvtrack backup, SQLite's online
      // backup): checked against the final log at the end.
      std::string backup = (env.work / ("backup-" + std::to_string(round) + ".db")).string();
      if (auto failed = site.backup(backup))
        s.problems.add("round " + std::to_string(round) + ": cvtrack backup while serving: " + *failed);
      else
        backups.push_back(backup);
      int delay = delay_ms(random);
      std::this_thread::sleep_for(std::chrono::milliseconds(delay));
      s.gate.down();
      site.kill_server();
      ++kills;
      std::size_t round_acks = s.acks_this_round.exchange(0);
      if (!s.gate.wait_parked(o.clients, std::chrono::seconds(120))) {
        s.problems.add("kill " + std::to_string(kills) + ": the clients did not stop within two minutes");
        break;
      }
      if (o.drop_wal)
        for (const char* suffix : {"-wal", "-shm"}) std::filesystem::remove(site.db() + suffix);
      // The crashed database as the next program finds it, then as the
      // restarted server has it.
      if (auto problem = site.verify())
        s.problems.add("kill " + std::to_string(kills) + ", before the restart: " + *problem);
      site.start_server();
      std::string when = "kill " + std::to_string(kills) + "/" + std::to_string(o.kills) + " (" +
                         std::to_string(round_acks) + " acknowledged in the round, SIGKILL +" + std::to_string(delay) +
                         " ms)";
      if (!check_log(site, s, found, out, when)) break;
      s.gate.up(site.port());
    }
  } catch (const std::exception& e) {
    s.problems.add(std::string("after ") + std::to_string(kills) + " kills: " + e.what());
  }
  s.gate.finish();
  for (auto& c : clients) c.join();

  // The end: a graceful stop must also keep everything.
  if (site.server_running()) {
    Finished stopped = site.stop_server();
    if (!stopped.ok()) s.problems.add("SIGTERM: cvtrack serve " + stopped.describe());
  }
  if (s.problems.empty()) check_log(site, s, found, out, "after SIGTERM");
  if (s.problems.empty()) check_backups(site, backups, env.work, s.problems);

  out << "crash: " << kills << " kills survived (SIGKILL at random moments, seed " << env.seed << ")\n"
      << "crash: " << s.log.size() << " commands acknowledged, " << found << " found in the log after the kills; "
      << s.in_flight_lost << " requests lost in flight (never acknowledged), " << s.conflicts << " conflicts seen"
      << "\ncrash: " << backups.size()
      << " backups taken while serving; each restored verifies and is the log up to one event" << std::endl;
  return s.problems.report(out, "crash");
}

}  // namespace cvtrack::reliability
