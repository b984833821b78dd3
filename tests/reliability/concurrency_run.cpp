// The concurrency run: on each of a few tasks, command-line processes
// (`cvtrack ack|progress|complete … --as HOLDER`) and HTTP clients (the
// holder's unit token) against a running server act at the same moment, on
// the same database and the same task. Checked: exactly one ack and one
// completion win; every loser is told by the engine's own words (exit 1 or
// HTTP 409: "the task is …" or "changed by someone else"); nothing else —
// no "database is locked", no 500, no crash; the log holds every win, no
// loser, and versions without a gap.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <ostream>
#include <random>
#include <thread>

#include "tests/cli/http_client.hpp"
#include "tests/reliability/acknowledged_log.hpp"
#include "tests/reliability/problems.hpp"
#include "tests/reliability/runs.hpp"
#include "tests/reliability/test_site.hpp"

namespace cvtrack::reliability {

namespace {

using nlohmann::json;
using std::chrono::milliseconds;

struct Outcome {
  enum Kind { won, lost, wrong } kind = wrong;
  std::string who;     // "cli 2", "http 1"
  std::string detail;  // what a loser or a wrong answer said
  json events;
  std::string note;
};

// A loser must hear the engine's own words, nothing vaguer.
bool clear_conflict(const std::string& text) {
  return text.find("changed by someone else") != std::string::npos || text.find("the task is ") != std::string::npos;
}

struct Contest {
  TaskRef task;
  std::string token;
  std::string action;  // ack, progress, complete
  std::string label;   // makes every note unique
};

std::string note_for(const Contest& c, const std::string& who) {
  return c.action == "ack" ? "" : "Cập nhật " + c.label + " từ " + who;
}

Outcome from_cli(const std::string& who, const Finished& f, const std::string& note) {
  Outcome o{Outcome::wrong, who, f.describe(), nullptr, note};
  if (f.ok()) {
    o.kind = Outcome::won;
    o.events = json::parse(f.out, nullptr, false);
  } else if (f.exit_code == 1 && clear_conflict(f.err)) {
    o.kind = Outcome::lost;
  }
  return o;
}

Outcome from_http(const std::string& who, const test::HttpResult& r, const std::string& note) {
  Outcome o{Outcome::wrong, who, "HTTP " + std::to_string(r.status) + " " + r.body.substr(0, 300), nullptr, note};
  if (r.status == 200) {
    o.kind = Outcome::won;
    o.events = r.json()["events"];
  } else if (r.status == 409 && clear_conflict(r.body)) {
    o.kind = Outcome::lost;
  }
  return o;
}

// Starts the command-line contenders, then after `http_delay` (a random
// part of a command's start-up time, so both kinds reach the database
// together) lets the HTTP contenders go.
std::vector<Outcome> contest(Site& site, const Contest& c, int cli, int http_count, milliseconds http_delay) {
  std::vector<Outcome> outcomes(std::size_t(cli + http_count));
  std::mutex mutex;
  std::condition_variable opened;
  bool go = false;
  std::vector<std::thread> clients;
  for (int i = 0; i < http_count; ++i)
    clients.emplace_back([&, i] {
      std::string who = "http " + std::to_string(i + 1);
      std::string note = note_for(c, who);
      json body = c.action == "ack"        ? json::object()
                  : c.action == "progress" ? json{{"percent", 10 + i}, {"note", note}}
                                           : json{{"note", note}};
      {
        std::unique_lock lock(mutex);
        opened.wait(lock, [&] { return go; });
      }
      auto r = test::HttpClient(site.port()).post("/api/tasks/" + c.task.id + "/" + c.action, c.token, body);
      outcomes[std::size_t(cli + i)] = from_http(who, r, note);
    });
  std::vector<Child> processes;
  std::vector<std::string> notes;
  for (int i = 0; i < cli; ++i) {
    std::string who = "cli " + std::to_string(i + 1);
    notes.push_back(note_for(c, who));
    std::vector<std::string> args{c.action, c.task.id};
    if (c.action == "progress") args.push_back(std::to_string(50 + i));
    if (c.action != "ack") args.insert(args.end(), {"--note", notes.back()});
    args.insert(args.end(), {"--as", c.task.holder, "--json"});
    std::string base = (site.options().scratch / (c.label + "-cli-" + std::to_string(i + 1))).string();
    processes.emplace_back(site.cli_argv(args), base + ".out", base + ".err");
  }
  std::this_thread::sleep_for(http_delay);
  {
    std::lock_guard lock(mutex);
    go = true;
  }
  opened.notify_all();
  for (int i = 0; i < cli; ++i)
    outcomes[std::size_t(i)] =
        from_cli("cli " + std::to_string(i + 1), processes[std::size_t(i)].wait(), notes[std::size_t(i)]);
  for (auto& t : clients) t.join();
  return outcomes;
}

struct Tally {
  std::size_t processes = 0, requests = 0, wins = 0, conflicts = 0, contests = 0;
  std::size_t transitions_won_by_cli = 0, transitions_won_by_http = 0;  // who won the ack and complete races
};

// Records the contest's outcomes; `one_winner` for a transition.
void judge(const Contest& c, const std::vector<Outcome>& outcomes, bool one_winner, AcknowledgedLog& log,
           std::vector<std::string>& losing_notes, Tally& tally, Problems& problems) {
  std::size_t wins = 0;
  ++tally.contests;
  for (const auto& o : outcomes) {
    (o.who.rfind("cli", 0) == 0 ? tally.processes : tally.requests) += 1;
    if (o.kind == Outcome::won) {
      ++wins;
      if (one_winner) (o.who.rfind("cli", 0) == 0 ? tally.transitions_won_by_cli : tally.transitions_won_by_http) += 1;
      if (!o.events.is_array() || o.events.empty())
        problems.add(c.label + ": " + o.who + " won but reported no events");
      else
        log.add(c.task.id, c.action, o.note, o.events);
    } else if (o.kind == Outcome::lost) {
      ++tally.conflicts;
      if (!o.note.empty()) losing_notes.push_back(o.note);
    } else {
      problems.add(c.label + ": " + o.who + ": neither a success nor a clear conflict: " + o.detail);
    }
  }
  tally.wins += wins;
  if (one_winner && wins != 1)
    problems.add(c.label + ": " + std::to_string(wins) + " of " + std::to_string(outcomes.size()) + " " + c.action +
                 "s succeeded; exactly one may");
}

// Per task, each transition recorded once.
void check_transitions(const json& history, const std::vector<TaskRef>& tasks, Problems& problems) {
  for (const auto& t : tasks)
    for (const char* type : {"task_acknowledged", "completion_claimed"}) {
      auto n = std::count_if(history.begin(), history.end(),
                             [&](const json& e) { return e["stream"] == t.id && e["type"] == type; });
      if (n != 1) problems.add(t.id + ": " + type + " recorded " + std::to_string(n) + " times");
    }
}

}  // namespace

int run_concurrency(const Environment& env, const ConcurrencyOptions& o, std::ostream& out) {
  Site site({env.cvtrack, env.source_dir, env.work / "db", env.work / "scratch"});
  site.init();
  site.start_server();
  auto all = site.register_document();
  std::vector<TaskRef> tasks;
  for (int i = 0; i < o.tasks; ++i) tasks.push_back(all.at(std::size_t(i) * all.size() / std::size_t(o.tasks)));

  // How long a command takes to start and read the database: the window
  // the HTTP contenders are spread over.
  auto started = std::chrono::steady_clock::now();
  if (auto shown = site.cli({"show", tasks[0].id}); !shown.ok()) throw std::runtime_error("show: " + shown.describe());
  auto startup = std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - started);
  std::mt19937 random(env.seed);
  std::uniform_int_distribution<long> spread(0, std::max<long>(1, startup.count()));

  Problems problems;
  AcknowledgedLog log;
  std::vector<std::string> losing_notes;
  Tally tally;
  for (const auto& task : tasks) {
    std::string token = site.unit_token(task.holder);
    auto run = [&](const std::string& action, const std::string& label, bool one_winner) {
      Contest c{task, token, action, task.id + "-" + label};
      judge(c, contest(site, c, o.cli, o.http, milliseconds(spread(random))), one_winner, log, losing_notes, tally,
            problems);
    };
    run("ack", "ack", true);
    for (int round = 1; round <= o.progress_rounds; ++round) run("progress", "progress" + std::to_string(round), false);
    run("complete", "complete", true);
  }

  Finished stopped = site.stop_server();
  if (!stopped.ok()) problems.add("SIGTERM: cvtrack serve " + stopped.describe());
  auto verify_problem = site.verify();
  if (verify_problem) problems.add("verify: " + *verify_problem);
  json history = site.history();
  LogCheck check = log.check(history);
  for (const auto& p : check.problems) problems.add(p);
  for (const auto& p : check_versions(history)) problems.add(p);
  check_transitions(history, tasks, problems);
  std::size_t losers_found = 0;
  for (const auto& note : losing_notes) losers_found += history_mentions(history, note);
  if (losers_found) problems.add(std::to_string(losers_found) + " losing commands are in the log all the same");
  std::string server_log = site.server_log();
  for (const char* words : {"database is locked", "database is busy"})
    if (server_log.find(words) != std::string::npos)
      problems.add(std::string("the server's log says \"") + words + "\"");

  out << "concurrency: " << tally.contests << " contests on " << tasks.size() << " tasks, " << tally.processes
      << " command-line processes and " << tally.requests << " HTTP requests at once (spread over " << startup.count()
      << " ms)\n"
      << "concurrency: " << tally.wins << " commands acknowledged, " << check.found << " found in the log; "
      << tally.conflicts << " conflicts seen, every one a clear refusal, " << losers_found
      << " of them in the log; verify " << (verify_problem ? "FAILED" : "passed") << "\n"
      << "concurrency: the ack and complete races were won " << tally.transitions_won_by_cli
      << " times by a command-line process, " << tally.transitions_won_by_http << " times over HTTP" << std::endl;
  return problems.report(out, "concurrency");
}

}  // namespace cvtrack::reliability
