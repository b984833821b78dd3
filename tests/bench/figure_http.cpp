// (6) HTTP with `wrk` (Debian package) on loopback against the running
// `cvtrack serve`: requests/s and p99 for a unit's task list
// (GET /api/tasks?body=B with B's unit token) and for a task action
// (POST /api/tasks/T/progress, a Lua script walking the open tasks of many
// units, each request with its holder's token: every one a real transition
// recorded durably in the log — progress is valid again and again on a task
// acknowledged or in progress, see engine/task_decide.cpp), against
// GET /api/health in the same run (no token, no database: what the HTTP
// layer costs alone). wrk and the server share the machine's cores.
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <regex>

#include "tests/bench/figures.hpp"
#include "tests/bench/measure.hpp"

namespace cvtrack::bench {

namespace {

bool on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    std::size_t end = dirs.find(':', start);
    std::string dir = dirs.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!dir.empty() && ::access((dir + "/" + program).c_str(), X_OK) == 0) return true;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return false;
}

struct WrkResult {
  double requests_per_s = 0, p50_ms = 0, p99_ms = 0;
  long requests = 0, non_2xx = 0;
  std::string socket_errors;  // wrk's line, when it printed one
};

double to_ms(double value, const std::string& unit) {
  if (unit == "us") return value / 1e3;
  if (unit == "s") return value * 1e3;
  if (unit == "m") return value * 60e3;
  return value;  // ms
}

WrkResult parse_wrk(const std::string& out, const std::string& what) {
  WrkResult r;
  std::smatch m;
  if (!std::regex_search(out, m, std::regex(R"(Requests/sec:\s+([0-9.]+))")))
    throw std::runtime_error("wrk (" + what + ") printed no Requests/sec:\n" + out);
  r.requests_per_s = std::stod(m[1]);
  if (std::regex_search(out, m, std::regex(R"(\n\s+50%\s+([0-9.]+)(us|ms|s|m))")))
    r.p50_ms = to_ms(std::stod(m[1]), m[2]);
  if (std::regex_search(out, m, std::regex(R"(\n\s+99%\s+([0-9.]+)(us|ms|s|m))")))
    r.p99_ms = to_ms(std::stod(m[1]), m[2]);
  if (std::regex_search(out, m, std::regex(R"((\d+) requests in)"))) r.requests = std::stol(m[1]);
  if (std::regex_search(out, m, std::regex(R"(Non-2xx or 3xx responses: (\d+))"))) r.non_2xx = std::stol(m[1]);
  if (std::regex_search(out, m, std::regex(R"(Socket errors: ([^\n]+))"))) r.socket_errors = m[1];
  return r;
}

// wrk -t2 -c16 for `seconds`; a POST or any non-2xx answer is a failure
// (the figure must not count refusals as work done).
WrkResult wrk(const std::string& url, const std::vector<std::string>& extra, double seconds, const std::string& what,
              const std::string& work_dir) {
  std::vector<std::string> argv{"wrk", "-t2", "-c16", "-d" + std::to_string(std::max(1, int(seconds + 0.5))) + "s",
                                "--latency", "--timeout", "10s"};
  argv.insert(argv.end(), extra.begin(), extra.end());
  argv.push_back(url);
  std::string out = run_capture(argv);
  std::ofstream(work_dir + "/wrk-" + what + ".txt") << out;
  WrkResult r = parse_wrk(out, what);
  if (r.non_2xx > 0)
    throw std::runtime_error("(6) wrk " + what + ": " + std::to_string(r.non_2xx) + " of " +
                             std::to_string(r.requests) + " answers were not 2xx (see " + work_dir + "/wrk-" + what +
                             ".txt and the server's log)");
  return r;
}

std::string lua_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// Walks (token, task) pairs round-robin, a different task each request.
std::string progress_script(const std::vector<std::pair<std::string, std::string>>& pairs) {
  std::string lua = "local pairs_ = {\n";
  for (const auto& [token, task] : pairs) lua += "  {" + lua_string(token) + ", " + lua_string(task) + "},\n";
  lua += R"(}
local i = 0
local thread_count = 0
function setup(thread)
  thread:set("offset", thread_count * 7919)
  thread_count = thread_count + 1
end
function request()
  i = i + 1
  local p = pairs_[((offset or 0) + i) % #pairs_ + 1]
  local body = '{"percent":' .. (10 + i % 90) .. ',"note":"Đã triển khai"}'
  return wrk.format("POST", "/api/tasks/" .. p[2] .. "/progress",
                    {["Authorization"] = "Bearer " .. p[1], ["Content-Type"] = "application/json"}, body)
end
)";
  return lua;
}

std::string row_value(const WrkResult& r) {
  std::string v = num(r.requests_per_s) + " req/s (p50 " + num(r.p50_ms) + " ms, p99 " + num(r.p99_ms) + " ms)";
  if (!r.socket_errors.empty()) v += " [socket errors: " + r.socket_errors + "]";
  return v;
}

}  // namespace

void figure_http(const ServeProcess& serve, std::vector<Unit>& units, double seconds, const std::string& work_dir,
                 Report& report) {
  const std::string list_row = "(6) wrk: a unit's task list, GET /api/tasks?body=B (2 threads, 16 connections)";
  const std::string action_row = "(6) wrk: a task action, POST /api/tasks/T/progress (2 threads, 16 connections)";
  auto skip = [&](const std::string& why) {
    report.add({list_row, "not measured", why, "-"});
    report.add({action_row, "not measured", why, "-"});
  };
  if (!on_path("wrk")) return skip("wrk not installed (Debian package `wrk`; .ci/bench installs it)");
  if (!serve.ok()) return skip("`cvtrack serve` did not answer (see " + serve.log() + ")");
  if (units.empty()) return skip("no open tasks held by known units");

  // The tasks the POSTs walk must be acknowledged: those (3) left so, and
  // at least 200 in all (an unmeasured ack for those still assigned).
  KeepAliveClient client("127.0.0.1", serve.port());
  std::vector<std::pair<std::string, std::string>> pairs;
  for (auto& unit : units)
    for (auto& task : unit.tasks)
      if (task.state != "assigned" && pairs.size() < 2000) pairs.emplace_back(unit.token, task.id);
  for (auto& unit : units)
    for (auto& task : unit.tasks) {
      if (pairs.size() >= 200) break;
      if (task.state == "assigned") {
        HttpAnswer a = client.request("POST", "/api/tasks/" + task.id + "/ack",
                                      {{"Authorization", "Bearer " + unit.token}}, "{}");
        if (a.status != 200)
          throw std::runtime_error("(6) ack " + task.id + " answered " + std::to_string(a.status) + ": " + a.body);
        task.state = "acknowledged";
        pairs.emplace_back(unit.token, task.id);
      }
    }
  std::string script = work_dir + "/wrk-progress.lua";
  std::ofstream(script) << progress_script(pairs);

  const Unit& reader = units.front();
  WrkResult health = wrk(serve.url() + "/api/health", {}, seconds, "health", work_dir);
  WrkResult list = wrk(serve.url() + "/api/tasks?body=" + reader.body,
                       {"-H", "Authorization: Bearer " + reader.token}, seconds, "tasks", work_dir);
  WrkResult action = wrk(serve.url(), {"-s", script}, seconds, "progress", work_dir);
  std::string baseline = "GET /api/health: " + row_value(health);
  report.add({list_row + " (" + reader.body + ", " + std::to_string(reader.tasks.size()) + "+ tasks)",
              row_value(list), baseline, ratio(list.requests_per_s, health.requests_per_s)});
  report.add({action_row + " (" + std::to_string(pairs.size()) + " tasks of " + std::to_string(units.size()) +
                  " units)",
              row_value(action), baseline, ratio(action.requests_per_s, health.requests_per_s)});
}

}  // namespace cvtrack::bench
