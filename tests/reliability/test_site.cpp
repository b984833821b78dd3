#include "tests/reliability/test_site.hpp"

#include <signal.h>

#include <chrono>
#include <stdexcept>
#include <thread>

#include "tests/cli/http_client.hpp"

namespace cvtrack::reliability {

namespace {

using nlohmann::json;

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
  return text;
}

[[noreturn]] void fail(const std::string& what, const Finished& f) {
  throw std::runtime_error(what + ": " + f.describe() + (f.err.empty() ? "" : "\n" + f.err));
}

}  // namespace

Site::Site(SiteOptions options) : options_(std::move(options)) {
  std::filesystem::create_directories(options_.dir);
  std::filesystem::create_directories(options_.scratch);
}

Site::~Site() {
  if (server_) kill_server();
}

std::vector<std::string> Site::cli_argv(std::vector<std::string> args) const {
  args.insert(args.begin(), options_.cvtrack);
  args.push_back("--db");
  args.push_back(db());
  return args;
}

Finished Site::cli(std::vector<std::string> args) const {
  return run_process(cli_argv(std::move(args)), options_.scratch.string());
}

void Site::init() {
  std::string directory = options_.source_dir + "/workflows/data/directories/song-hinh-2021.json";
  auto r = cli({"init", "--directory", directory});
  if (!r.ok()) fail("cvtrack init", r);
  secretariat_ = create_token("secretariat", "secretariat");
}

std::string Site::create_token(const std::string& body, const std::string& role) {
  auto r = cli({"token", "create", "--body", body, "--role", role});
  if (!r.ok()) fail("cvtrack token create --body " + body, r);
  return trimmed(r.out);
}

const std::string& Site::unit_token(const std::string& body) {
  auto it = unit_tokens_.find(body);
  if (it == unit_tokens_.end()) it = unit_tokens_.emplace(body, create_token(body, "unit")).first;
  return it->second;
}

void Site::start_server() {
  if (server_) throw std::runtime_error("the server is already running");
  std::string out = (options_.scratch / ("serve-" + std::to_string(++starts_) + ".out")).string();
  std::string log = (options_.scratch / "serve.log").string();
  server_ = std::make_unique<Child>(
      std::vector<std::string>{options_.cvtrack, "serve", "--db", db(), "--port", "0", "--threads", "2"}, out, log);
  const std::string marker = "listening on http://127.0.0.1:";
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    std::string text = read_file(out);
    if (auto at = text.find(marker); at != std::string::npos && text.find('\n', at) != std::string::npos) {
      port_ = static_cast<unsigned short>(std::stoi(text.substr(at + marker.size())));
      return;
    }
    Finished ended;
    if (server_->try_wait(ended)) {
      server_.reset();
      fail("cvtrack serve ended before listening", ended);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  server_.reset();  // kills it
  throw std::runtime_error("cvtrack serve did not say it was listening within a minute");
}

void Site::kill_server() {
  if (!server_) return;
  server_->kill_and_wait(SIGKILL);
  server_.reset();
}

Finished Site::stop_server() {
  if (!server_) throw std::runtime_error("the server is not running");
  Finished f = server_->kill_and_wait(SIGTERM);
  server_.reset();
  return f;
}

std::string Site::server_log() const { return read_file((options_.scratch / "serve.log").string()); }

std::vector<TaskRef> Site::register_document() {
  std::string path = options_.source_dir + "/tests/fixtures/song-hinh-281-CV-HU.txt";
  json upload{{"text", read_file(path)}, {"source", "song-hinh-281-CV-HU.txt"}};
  auto r = test::HttpClient(port_).post("/api/documents", secretariat_, upload);
  if (r.status != 201)
    throw std::runtime_error("registering the document: HTTP " + std::to_string(r.status) + " " + r.body);
  std::vector<TaskRef> tasks;
  json answer = r.json();
  for (const auto& t : answer["tasks"]) {
    const auto& body = t["spec"]["body"];
    if (body.is_string()) tasks.push_back({t["id"].get<std::string>(), body.get<std::string>()});
  }
  return tasks;
}

std::optional<std::string> Site::verify(const std::string& other_db) const {
  std::string path = other_db.empty() ? db() : other_db;
  auto r = run_process({options_.cvtrack, "verify", "--json", "--db", path}, options_.scratch.string());
  if (r.ok()) return std::nullopt;
  return r.describe() + (r.out.empty() ? "" : " " + r.out);
}

json Site::history(const std::string& other_db) const {
  std::string path = other_db.empty() ? db() : other_db;
  auto r = run_process({options_.cvtrack, "history", "D1", "--json", "--db", path}, options_.scratch.string());
  if (!r.ok()) fail("cvtrack history D1 --db " + path, r);
  return json::parse(r.out);
}

std::optional<std::string> Site::backup(const std::string& file) const {
  auto r = cli({"backup", file});
  if (r.ok()) return std::nullopt;
  return r.describe();
}

}  // namespace cvtrack::reliability
