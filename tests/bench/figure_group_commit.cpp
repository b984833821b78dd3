// (3) Group commit through the server: durable commands/s with 1, 16 and
// 64 concurrent clients against the running `cvtrack serve`, each client a
// thread with one kept-alive HTTP connection and a unit token, posting
// `ack` then `progress` on tasks of its own (disjoint: no client waits on
// another's task), one request at a time; the answer comes once the group
// holding the command is durable. p50/p99 of each request's latency.
//
// Baseline: raw SQLite single-row INSERT commits (WAL, synchronous=FULL,
// rows the size of the events the commands wrote) measured here, in the
// same run, the rate figure (2) compares against; (2)'s own rate (cvtrack,
// one command a transaction, in process) is printed beside it. The target
// is group commit well above the raw single-commit rate.
//
// Commands a commit: the server's own count, `GET /api/engine` (groups
// committed and the commands they held) read before and after each level
// with a secretariat token.
#include <SQLiteCpp/SQLiteCpp.h>

#include <atomic>
#include <filesystem>
#include <mutex>

#include <nlohmann/json.hpp>
#include <thread>

#include "tests/bench/figures.hpp"
#include "tests/bench/measure.hpp"

namespace cvtrack::bench {

namespace {

struct Assignment {
  const Unit* unit;
  UnitTask* task;
};

struct Level {
  int clients = 0;
  std::size_t commands = 0;
  double seconds = 0;
  Percentiles latency;
  double commands_a_group = 0;  // as the server counted them
  double server_cpu_ms = 0, client_cpu_ms = 0;  // a command
  double rate() const { return seconds > 0 ? double(commands) / seconds : 0; }
};

// `clients` threads for `seconds`, each walking its own tasks: `ack` on a
// task still assigned, `progress` on one acknowledged or in progress (valid
// again and again: each is a real transition recorded in the log).
Level run_level(int port, std::vector<Assignment>& pool, int clients, double seconds) {
  std::vector<std::vector<Assignment*>> mine{std::size_t(clients)};
  for (std::size_t i = 0; i < pool.size(); ++i) mine[i % std::size_t(clients)].push_back(&pool[i]);
  std::vector<std::vector<double>> latencies{std::size_t(clients)};
  std::mutex failure_mutex;
  std::string failure;
  std::atomic<bool> stop{false};
  std::vector<std::thread> threads;
  Stopwatch wall;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      try {
        KeepAliveClient client("127.0.0.1", port);
        auto& tasks = mine[std::size_t(c)];
        for (std::size_t i = 0; !stop; ++i) {
          Assignment& a = *tasks[i % tasks.size()];
          bool ack = a.task->state == "assigned";
          std::string target = "/api/tasks/" + a.task->id + (ack ? "/ack" : "/progress");
          std::string body = ack ? "{}" : R"({"percent":)" + std::to_string(10 + int(i % 90)) +
                                              R"(,"note":"Đã triển khai đến các thôn"})";
          Stopwatch w;
          HttpAnswer answer = client.request("POST", target, {{"Authorization", "Bearer " + a.unit->token}}, body);
          latencies[std::size_t(c)].push_back(w.ms());
          if (answer.status != 200)
            throw std::runtime_error("POST " + target + " answered " + std::to_string(answer.status) + ": " +
                                     answer.body);
          a.task->state = ack ? "acknowledged" : "in_progress";
          if (wall.seconds() >= seconds) stop = true;
        }
      } catch (const std::exception& e) {
        std::lock_guard lock(failure_mutex);
        if (failure.empty()) failure = e.what();
        stop = true;
      }
    });
  }
  for (auto& t : threads) t.join();
  Level level;
  level.clients = clients;
  level.seconds = wall.seconds();
  if (!failure.empty()) throw std::runtime_error("(3) group commit, " + std::to_string(clients) + " clients: " + failure);
  std::vector<double> all;
  for (auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  level.commands = all.size();
  level.latency = percentiles(all);
  return level;
}

// The server's group counters (GET /api/engine).
std::pair<std::uint64_t, std::uint64_t> groups_and_commands(int port, const std::string& token) {
  KeepAliveClient client("127.0.0.1", port);
  HttpAnswer answer = client.request("GET", "/api/engine", {{"Authorization", "Bearer " + token}});
  if (answer.status != 200)
    throw std::runtime_error("GET /api/engine answered " + std::to_string(answer.status) + ": " + answer.body);
  auto body = nlohmann::json::parse(answer.body);
  return {body.at("groups").get<std::uint64_t>(), body.at("commands").get<std::uint64_t>()};
}

}  // namespace

void figure_group_commit(const ServeProcess& serve, std::vector<Unit>& units, const std::string& secretariat,
                         const std::string& db, double durable_rate, double seconds, const std::string& work_dir,
                         Report& report) {
  const std::vector<int> levels{1, 16, 64};
  auto skip = [&](const std::string& why) {
    for (int c : levels)
      report.add({"(3) group commit, " + std::to_string(c) + (c == 1 ? " client" : " clients"), "not measured", why, "-"});
  };
  if (!serve.ok()) return skip("`cvtrack serve` did not answer (see " + serve.log() + ")");
  std::vector<Assignment> pool;
  for (auto& unit : units)
    for (auto& task : unit.tasks) pool.push_back({&unit, &task});
  if (pool.size() < std::size_t(levels.back()))
    return skip("only " + std::to_string(pool.size()) + " open tasks held by known units");

  std::int64_t before = last_seq(db);
  std::vector<Level> measured;
  for (int c : levels) {
    auto [groups_before, commands_before] = groups_and_commands(serve.port(), secretariat);
    double server_cpu = cpu_seconds(serve.pid()), client_cpu = cpu_seconds();
    Level level = run_level(serve.port(), pool, c, seconds);
    server_cpu = cpu_seconds(serve.pid()) - server_cpu;
    client_cpu = cpu_seconds() - client_cpu;
    auto [groups_after, commands_after] = groups_and_commands(serve.port(), secretariat);
    if (groups_after > groups_before)
      level.commands_a_group = double(commands_after - commands_before) / double(groups_after - groups_before);
    if (level.commands > 0) {
      level.server_cpu_ms = server_cpu * 1e3 / double(level.commands);
      level.client_cpu_ms = client_cpu * 1e3 / double(level.commands);
    }
    measured.push_back(level);
  }
  std::size_t row_bytes = mean_event_row_bytes(db, before);
  Percentiles raw = percentiles(raw_single_commits_ms(work_dir + "/raw-single-3.db", row_bytes, 20, std::min(seconds, 3.0)));
  double raw_rate = raw.mean > 0 ? 1e3 / raw.mean : 0;
  std::string baseline = "raw single-row INSERT commits of " + std::to_string(row_bytes) + " B: " + num(raw_rate) +
                         "/s; (2) one at a time: " + num(durable_rate) + "/s";
  double one = measured.front().rate();
  for (const auto& level : measured) {
    std::string value = num(level.rate()) + " commands/s (p50 " + num(level.latency.p50) + " ms, p99 " +
                        num(level.latency.p99) + " ms; " + std::to_string(level.commands) + " in " +
                        num(level.seconds) + " s";
    if (level.clients > 1) value += "; " + num(level.rate() / one) + "x one client";
    value += "; " + num(level.commands_a_group) + " commands a commit; CPU a command: server " +
             num(level.server_cpu_ms) + " ms, clients " + num(level.client_cpu_ms) + " ms";
    value += ")";
    report.add({"(3) group commit, " + std::to_string(level.clients) +
                    (level.clients == 1 ? " client" : " clients") + " (HTTP ack/progress; target well above 1x)",
                value, baseline, ratio(level.rate(), raw_rate)});
  }
}

}  // namespace cvtrack::bench
