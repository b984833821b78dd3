#include "tests/bench/suite.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include <nlohmann/json.hpp>

#include "cli/commands/directory_bridge.hpp"
#include "cli/commands/session.hpp"
#include "tests/bench/database_files.hpp"
#include "tests/bench/figures.hpp"
#include "tests/bench/measure.hpp"
#include "workflows/body_directory.hpp"
#include "workflows/working_day_calendar.hpp"

namespace cvtrack::bench {

Engine open_engine(const std::string& path) {
  Engine e;
  auto db = storage::SqliteDatabase::open(path);
  if (!db) throw std::runtime_error(db.error().message);
  e.database = std::move(*db);
  e.store = std::make_unique<storage::SqliteEventStore>(*e.database);
  // 10:00 in Vietnam on the registration day: runs are repeatable.
  auto day = std::chrono::sys_days(*engine::parse_iso_date(Workload::kRegisteredOn));
  e.clock = std::make_unique<engine::FixedClock>(std::chrono::time_point_cast<std::chrono::seconds>(day) +
                                                 std::chrono::hours(3));
  e.calendar = std::make_unique<cli::CalendarWorkingDays>(workflows::WorkingDayCalendar::bundled());
  e.service = std::make_unique<engine::CommandService>(*e.store, *e.clock, *e.calendar);
  return e;
}

namespace {

Corpus generate(const Workload& workload, std::int64_t tasks) {
  Corpus c;
  for (int i = 0; c.expected_tasks < tasks; ++i) {
    c.documents.push_back(workload.document(i));
    c.expected_tasks += c.documents.back().expected_tasks;
    c.bytes += c.documents.back().text.size();
  }
  return c;
}

std::string cpu_model() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  return "unknown CPU";
}

std::string machine_line(const std::string& work_dir, double fdatasync_ms, storage::SqliteDatabase& db) {
  (void)db;
  return "Machine: " + std::to_string(std::thread::hardware_concurrency()) + " cores (" + cpu_model() +
         "); fdatasync of 4 KiB in the work directory: p50 " + num(fdatasync_ms) +
         " ms; SQLite " + sqlite3_libversion() + ", WAL, synchronous=FULL (cvtrack's own settings, "
         "storage/sqlite_database.cpp); work directory " + work_dir;
}

}  // namespace

void write_sample(const std::string& dir, int count, std::uint64_t seed) {
  std::filesystem::create_directories(dir);
  Workload workload(seed);
  std::ofstream(dir + "/binh-an.json") << workload.directory_json() << "\n";
  std::ofstream expected(dir + "/expected-tasks.txt");
  for (int i = 0; i < count; ++i) {
    auto doc = workload.document(i);
    std::ofstream(dir + "/" + doc.source) << doc.text;
    expected << doc.source << " " << doc.expected_tasks << "\n";
  }
}

bool SuiteOptions::runs(int figure) const {
  return only.empty() || std::find(only.begin(), only.end(), figure) != only.end();
}

void run_suite(const SuiteOptions& o) {
  std::filesystem::create_directories(o.work_dir);
  Report report;
  double fdatasync_ms = measure_fdatasync(o.work_dir);
  Workload workload(o.seed);
  write_sample(o.work_dir + "/sample", 5, o.seed);
  auto directory = workflows::BodyDirectory::from_json(workload.directory_json(), "the benchmark province");
  if (!directory) throw std::runtime_error(directory.error().message);
  Corpus corpus = generate(workload, o.tasks);
  std::cerr << "bench: " << corpus.documents.size() << " documents, " << corpus.expected_tasks << " tasks meant, "
            << workload.body_count() << " bodies" << std::endl;

  if (o.runs(1)) figure_parse(corpus, *directory, report);
  bool needs_province = false;
  for (int figure : {2, 3, 4, 5, 6, 7}) needs_province = needs_province || o.runs(figure);
  if (!needs_province && !o.runs(8)) {
    std::cout << "\n";
    report.print(std::cout);
    return;
  }

  std::string db_path = o.work_dir + "/cvtrack.db";
  bool reusing = o.reuse && std::filesystem::exists(db_path);
  if (!reusing) remove_database(db_path);
  Engine engine = open_engine(db_path);
  report.machine(machine_line(o.work_dir, fdatasync_ms, *engine.database));
  Curve curve;
  std::vector<std::string> tasks;
  std::int64_t registered = 0;
  if (reusing) {
    std::cerr << "bench: reusing " << db_path << " as it is" << std::endl;
    SQLite::Database db(db_path, SQLite::OPEN_READONLY);
    // Those a command dated the registration day may still act on (the
    // earlier run's serve recorded overdue marks on many, at today's date).
    SQLite::Statement q(db, "SELECT id FROM tasks WHERE state = 'assigned' AND last_change_on <= ? ORDER BY id");
    q.bind(1, Workload::kRegisteredOn);
    while (q.executeStep()) tasks.push_back(q.getColumn(0).getString());
    registered = db.execAndGet("SELECT count(*) FROM tasks").getInt64();
  } else {
    auto loaded = engine.service->load_directory(cli::to_registry(*directory), "binh-an.json",
                                                 *engine::parse_iso_date(Workload::kRegisteredOn),
                                                 nlohmann::json::parse(workload.directory_json()));
    if (!loaded) throw std::runtime_error(loaded.error().message);
    if (needs_province) tasks = figure_ingest(
        engine, corpus, *directory, o.checkpoints,
        [&](std::int64_t size) {
          if (o.runs(5)) figure_queries(engine, size, o.query_repeats, report, curve);
        },
        o.work_dir, report);
    registered = std::int64_t(tasks.size());
  }
  if (o.runs(5)) {
    if (o.checkpoints.empty() || o.checkpoints.back() > registered)
      figure_queries(engine, registered, o.query_repeats, report, curve);
    report.section(curve_section(curve, o.work_dir));
  }

  // (3) prints (2)'s rate beside its own, so it runs (2) too.
  double durable_rate = 0;
  if (o.runs(2) || o.runs(3)) durable_rate = figure_durable(engine, tasks, o.durable_commands, o.work_dir, report);
  engine = Engine{};  // closed: the program gets the database to itself
  if (o.runs(7)) figure_process(o.cvtrack, db_path, registered, o.work_dir, report);

  // (3) and (6): one `cvtrack serve` on the finished database, unit tokens
  // made before it starts. (8) on a database of its own.
  if (o.runs(3) || o.runs(6)) {
    std::vector<Unit> units = open_units(o.cvtrack, db_path, 64);
    std::string secretariat = create_token(o.cvtrack, db_path, "secretariat", "secretariat");
    MissedDeadlines missed = missed_deadlines(db_path);
    auto started = std::chrono::steady_clock::now();
    ServeProcess serve(o.cvtrack, db_path, o.work_dir + "/serve-http.log");
    if (serve.ok()) figure_catch_up(missed, started, db_path, durable_rate, report);
    if (o.runs(3))
      figure_group_commit(serve, units, secretariat, db_path, durable_rate, o.http_seconds, o.work_dir,
                          report);
    if (o.runs(6)) figure_http(serve, units, o.http_seconds, o.work_dir, report);
  }
  if (o.runs(8)) try {
    figure_redmine(o.cvtrack, corpus, {o.redmine_url, o.redmine_key, o.redmine_issues, 30}, o.work_dir, report);
  } catch (const std::exception& e) {
    // The table so far is still worth seeing; the run fails all the same.
    report.add({"(8) vs Redmine", "FAILED", e.what(), "-"});
    std::cout << "\n";
    report.print(std::cout);
    throw;
  }

  std::cout << "\n";
  report.print(std::cout);
}

}  // namespace cvtrack::bench
