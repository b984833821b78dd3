// (8) Side by side with Redmine (Debian's `redmine` + `redmine-sqlite`, Rails'
// own server on loopback: tests/bench/redmine/setup.sh), driven through its
// REST API with the same workload cvtrack's HTTP API gets, one client, one
// kept-alive connection each, sequential requests:
//
//  create  cvtrack: POST /api/documents with the text of the benchmark's
//          documents (read, resolved and registered by the server) until
//          `issues` tasks exist; Redmine: POST /issues.json, one issue per
//          task cvtrack created, with its start and due dates, assigned to a
//          group named after the task's holder (issue assignment to groups
//          enabled). Compared per task created: cvtrack creates a
//          document's tasks in one request, Redmine one issue a request.
//  close   every third task, to a state that leaves the overdue list:
//          cvtrack POST /api/tasks/T/complete then …/approve (two requests:
//          a claimed completion stays open, and overdue, until approved;
//          after an unmeasured ack, since a task is acknowledged before its
//          completion is claimed); Redmine one PUT /issues/N.json to a
//          closed status. Per task closed.
//  overdue the first page (50) of what is overdue, oldest due first:
//          cvtrack GET /api/overdue?limit=50; Redmine
//          GET /issues.json?due_date=<=TODAY&status_id=open&sort=due_date.
//
// Both sides use their all-powerful credential (cvtrack's secretariat
// token, Redmine's admin API key). Any answer Redmine or cvtrack gives
// other than success stops the figure with its status and body: no number
// is printed for work that was refused.
#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "tests/bench/database_files.hpp"
#include "tests/bench/figures.hpp"
#include "tests/bench/measure.hpp"

namespace cvtrack::bench {

namespace {

using nlohmann::json;

struct Peer {
  KeepAliveClient client;
  std::map<std::string, std::string> headers;
  std::string name;

  json call(const std::string& method, const std::string& target, const json& body, std::initializer_list<int> ok,
            double* ms = nullptr) {
    Stopwatch w;
    HttpAnswer a = client.request(method, target, headers, body.is_null() ? "" : body.dump());
    if (ms) *ms = w.ms();
    if (std::find(ok.begin(), ok.end(), a.status) == ok.end())
      throw std::runtime_error("(8) " + name + " answered " + std::to_string(a.status) + " to " + method + " " +
                               target + ": " + a.body.substr(0, 600));
    if (a.body.empty() || a.body == " ") return json::object();
    json j = json::parse(a.body, nullptr, false);
    if (j.is_discarded()) throw std::runtime_error("(8) " + name + ": " + method + " " + target + " answered no JSON");
    return j;
  }
  // The answer must hold `key` (a list, an object created): anything else
  // is an error, never an empty result.
  json call_for(const std::string& key, const std::string& method, const std::string& target, const json& body,
                std::initializer_list<int> ok) {
    json j = call(method, target, body, ok);
    if (!j.is_object() || !j.contains(key))
      throw std::runtime_error("(8) " + name + ": " + method + " " + target + " answered without \"" + key +
                               "\": " + j.dump().substr(0, 600));
    return j[key];
  }
};

std::pair<std::string, int> host_port(const std::string& url) {
  std::string rest = url.substr(url.find("://") == std::string::npos ? 0 : url.find("://") + 3);
  if (auto slash = rest.find('/'); slash != std::string::npos) rest = rest.substr(0, slash);
  auto colon = rest.rfind(':');
  if (colon == std::string::npos) return {rest, 80};
  return {rest.substr(0, colon), std::stoi(rest.substr(colon + 1))};
}

struct Created {
  std::string id, holder, start, deadline;
  std::string label;  // "D3 mục 2.1: UBND xã Tân Lợi"
};

std::string rate_row(double count, double seconds, const char* unit) {
  return num(count / seconds) + " " + unit + " (" + num(count) + " in " + num(seconds) + " s)";
}

std::string latency(const Percentiles& p) { return "p50 " + num(p.p50) + " ms, p99 " + num(p.p99) + " ms"; }

}  // namespace

void figure_redmine(const std::string& cvtrack, const Corpus& corpus, const RedmineOptions& options,
                    const std::string& work_dir, Report& report) {
  const std::string create_row = "(8) vs Redmine: create tasks with due dates assigned to bodies (tasks/s)";
  const std::string close_row =
      "(8) vs Redmine: close a task (cvtrack: POST complete + POST approve; Redmine: PUT to a closed status)";
  const std::string overdue_row = "(8) vs Redmine: overdue, first page (50; ratio of p50s, < 1: cvtrack faster)";
  if (options.url.empty()) {
    for (const auto& row : {create_row, close_row, overdue_row})
      report.add({row, "not measured", "redmine not set up (run .ci/bench full, or REDMINE=1 .ci/bench quick)", "-"});
    return;
  }

  // cvtrack: a new database with the province's directory, served.
  std::string db = work_dir + "/peer.db";
  remove_database(db);
  run_capture({cvtrack, "init", "--db", db, "--directory", work_dir + "/sample/binh-an.json"});
  std::string secretariat = create_token(cvtrack, db, "secretariat", "secretariat");
  ServeProcess serve(cvtrack, db, work_dir + "/serve-peer.log");
  if (!serve.ok()) throw std::runtime_error("(8) `cvtrack serve` did not answer: see " + serve.log());
  Peer ours{KeepAliveClient("127.0.0.1", serve.port()), {{"Authorization", "Bearer " + secretariat}}, "cvtrack"};
  auto [host, port] = host_port(options.url);
  Peer redmine{KeepAliveClient(host, port), {{"X-Redmine-API-Key", options.key}}, "Redmine"};

  // Redmine's side, set up unmeasured: a fresh project, the closed status,
  // the assignable role.
  json projects = redmine.call_for("projects", "GET", "/projects.json?limit=100", nullptr, {200});
  for (const auto& p : projects)
    if (p.value("identifier", "").rfind("cvtrack-bench", 0) == 0)
      redmine.call("DELETE", "/projects/" + p["identifier"].get<std::string>() + ".json", nullptr, {200, 204});
  json project = redmine.call("POST", "/projects.json",
                              {{"project", {{"name", "cvtrack bench"}, {"identifier", "cvtrack-bench"}}}}, {201});
  int project_id = project["project"]["id"];
  int closed_status = 0, role = 0;
  json statuses = redmine.call_for("issue_statuses", "GET", "/issue_statuses.json", nullptr, {200});
  for (const auto& s : statuses)
    if (s.value("is_closed", false) && !closed_status) closed_status = s["id"];
  json roles = redmine.call_for("roles", "GET", "/roles.json", nullptr, {200});
  for (const auto& r : roles)
    if (r.value("name", "") == "Developer") role = r["id"];
  if (!closed_status || !role)
    throw std::runtime_error("(8) Redmine has no closed status or no Developer role: " + statuses.dump() + " " +
                             roles.dump());

  // Create: cvtrack registers documents until `issues` tasks exist.
  std::vector<Created> tasks;
  Stopwatch ours_create;
  std::size_t documents = 0;
  for (const auto& doc : corpus.documents) {
    if (int(tasks.size()) >= options.issues) break;
    json r = ours.call("POST", "/api/documents", {{"text", doc.text}, {"source", doc.source}}, {201});
    ++documents;
    for (const auto& t : r["tasks"]) {
      Created c{t["id"], t["spec"]["body"].is_string() ? t["spec"]["body"].get<std::string>() : "secretariat",
                t["assigned_on"], t["deadline"].is_string() ? t["deadline"].get<std::string>() : "", ""};
      c.label = r["document"].get<std::string>() + " mục " + t["directive"].get<std::string>() + ": " +
                t["spec"]["assignee"].get<std::string>();
      tasks.push_back(std::move(c));
    }
  }
  double ours_create_s = ours_create.seconds();

  // Redmine's groups, one per holder (kept across runs), members of the project.
  std::map<std::string, int> groups;
  for (const auto& g : redmine.call_for("groups", "GET", "/groups.json?limit=100", nullptr, {200}))
    groups[g["name"]] = g["id"];
  for (int offset = 100; offset < 2000 && groups.size() >= std::size_t(offset); offset += 100)
    for (const auto& g : redmine.call_for("groups", "GET", "/groups.json?limit=100&offset=" + std::to_string(offset),
                                          nullptr, {200}))
      groups[g["name"]] = g["id"];
  std::set<std::string> holders;
  for (const auto& t : tasks) holders.insert(t.holder);
  for (const auto& h : holders) {
    if (!groups.count(h)) groups[h] = redmine.call("POST", "/groups.json", {{"group", {{"name", h}}}}, {201})["group"]["id"];
    redmine.call("POST", "/projects/" + std::to_string(project_id) + "/memberships.json",
                 {{"membership", {{"user_id", groups[h]}, {"role_ids", {role}}}}}, {201});
  }

  // Create: Redmine, one issue per task.
  std::map<std::string, int> issue_of;
  Stopwatch theirs_create;
  for (const auto& t : tasks) {
    json issue{{"project_id", project_id}, {"subject", t.label}, {"assigned_to_id", groups[t.holder]}};
    std::string start = t.start;
    if (!t.deadline.empty()) {
      issue["due_date"] = t.deadline;
      if (t.deadline < start) start = t.deadline;  // Redmine refuses a due date before the start
    }
    issue["start_date"] = start;
    issue_of[t.id] = redmine.call("POST", "/issues.json", {{"issue", issue}}, {201})["issue"]["id"];
  }
  double theirs_create_s = theirs_create.seconds();
  double ours_rate = double(tasks.size()) / ours_create_s, theirs_rate = double(tasks.size()) / theirs_create_s;
  report.add({create_row + " (cvtrack: " + std::to_string(documents) + " documents' text in one POST each; Redmine: " +
                  "one POST /issues.json a task, " + std::to_string(holders.size()) + " groups)",
              "cvtrack: " + rate_row(double(tasks.size()), ours_create_s, "tasks/s"),
              "Redmine: " + rate_row(double(tasks.size()), theirs_create_s, "issues/s"), ratio(ours_rate, theirs_rate)});

  // Close every third task.
  std::vector<double> ours_close, theirs_close;
  for (std::size_t i = 0; i < tasks.size(); i += 3) {
    ours.call("POST", "/api/tasks/" + tasks[i].id + "/ack", json::object(), {200});
    double complete_ms = 0, approve_ms = 0, ms = 0;
    ours.call("POST", "/api/tasks/" + tasks[i].id + "/complete", {{"note", "Đã hoàn thành"}}, {200}, &complete_ms);
    ours.call("POST", "/api/tasks/" + tasks[i].id + "/approve", {{"note", "Đạt yêu cầu"}}, {200}, &approve_ms);
    ours_close.push_back(complete_ms + approve_ms);
    redmine.call("PUT", "/issues/" + std::to_string(issue_of[tasks[i].id]) + ".json",
                 {{"issue", {{"status_id", closed_status}, {"notes", "Đã hoàn thành"}}}}, {200, 204}, &ms);
    theirs_close.push_back(ms);
  }
  Percentiles oc = percentiles(ours_close), tc = percentiles(theirs_close);
  report.add({close_row + " (" + std::to_string(ours_close.size()) + " of " + std::to_string(tasks.size()) + ")",
              "cvtrack: " + num(1e3 / oc.mean) + "/s (" + latency(oc) + ")",
              "Redmine: " + num(1e3 / tc.mean) + "/s (" + latency(tc) + ")", ratio(1e3 / oc.mean, 1e3 / tc.mean)});

  // Overdue, first page, as of cvtrack's today.
  json first = ours.call("GET", "/api/overdue?limit=50", nullptr, {200});
  std::string today = first["as_of"];
  std::string redmine_overdue = "/issues.json?project_id=" + std::to_string(project_id) + "&due_date=%3C%3D" + today +
                                "&status_id=open&sort=due_date&limit=50";
  json theirs_first = redmine.call("GET", redmine_overdue, nullptr, {200});
  std::vector<double> ours_list, theirs_list;
  for (int i = 0; i < options.repeats; ++i) {
    double ms = 0;
    ours.call("GET", "/api/overdue?limit=50", nullptr, {200}, &ms);
    ours_list.push_back(ms);
    redmine.call("GET", redmine_overdue, nullptr, {200}, &ms);
    theirs_list.push_back(ms);
  }
  Percentiles ol = percentiles(ours_list), tl = percentiles(theirs_list);
  report.add({overdue_row + " of " + std::to_string(first["total"].get<long>()) + " (Redmine: " +
                  std::to_string(theirs_first["total_count"].get<long>()) + ") @ " + std::to_string(tasks.size()) +
                  " tasks, as of " + today,
              "cvtrack: " + latency(ol), "Redmine: " + latency(tl), ratio(ol.p50, tl.p50)});
}

}  // namespace cvtrack::bench
