// (5) What a supervisor looks at, at the current size, as cvtrack computes
// it (storage::ProjectionReader + engine/supervision.hpp, what the command
// line and the server call), against the bare SQL that fetches the same
// rows from the same indexes. p50 and p99; the p99s make the growth curve.
#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "engine/supervision.hpp"
#include "storage/projection_reader.hpp"
#include "tests/bench/figures.hpp"
#include "tests/bench/measure.hpp"

namespace cvtrack::bench {

namespace {

constexpr std::size_t kPage = 50;

// `repeats` runs, fewer when one run is slow (at least 5, about 4 s in all).
std::vector<double> timed(int repeats, const std::function<void()>& f) {
  Stopwatch first;
  f();
  double one = std::max(first.ms(), 0.001);
  int n = std::max(5, std::min(repeats, int(4000.0 / one)));
  return sample_ms(n, f);
}

template <class T>
T value_or_throw(engine::Result<T> r) {
  if (!r) throw std::runtime_error(r.error().message);
  return std::move(*r);
}

void step_all(SQLite::Statement& q) {
  std::size_t bytes = 0;
  while (q.executeStep()) bytes += q.getColumn(0).getString().size();
  q.reset();
  if (bytes == std::size_t(-1)) std::abort();  // keeps the reads
}

}  // namespace

void figure_queries(Engine& engine, std::int64_t tasks, int repeats, Report& report, Curve& curve) {
  storage::ProjectionReader reader(*engine.database);
  SQLite::Database bare(engine.database->path(), SQLite::OPEN_READONLY);
  engine::Date today = *engine::parse_iso_date(Workload::kQueryDate);
  engine::StatusSettings settings{3};
  Workload names(0);
  std::string unit = names.sample_commune_unit();
  auto docs = value_or_throw(reader.documents());
  std::string doc = docs[docs.size() / 2].id;
  std::string size = num(double(tasks)) + " tasks";
  std::size_t unit_tasks = 0, doc_tasks = 0;
  // How many are overdue, for the row's label (what GET /api/overdue counts).
  std::size_t overdue_total = value_or_throw(reader.overdue_count(std::nullopt, today));
  engine::Date soon = engine::due_soon_before(today, *engine.calendar, settings);
  // The counts in SQL must be those of the rule in C++ (engine::status_at
  // on every task): checked here at the small sizes, outside the timing.
  if (tasks <= 20000) {
    auto by_rule = engine::build_stats(value_or_throw(reader.tasks({})), today, *engine.calendar, settings);
    auto by_sql = value_or_throw(reader.stats(std::nullopt, today, soon));
    if (by_rule.total != by_sql.total || by_rule.by_body != by_sql.by_body)
      throw std::runtime_error("stats: the SQL counts differ from engine::build_stats");
  }

  struct Query {
    std::string name;
    std::function<void()> cvtrack;
    std::string bare_sql;
    std::function<void(SQLite::Statement&)> bind;
  };
  std::vector<Query> queries = {
      {"overdue, first page (50)",
       [&] {
         auto page = value_or_throw(reader.overdue_page(std::nullopt, today, kPage));
         if (page.size() != std::min(kPage, overdue_total)) throw std::runtime_error("overdue: a short first page");
       },
       "SELECT id FROM tasks WHERE is_open = 1 AND deadline < ? ORDER BY deadline, id LIMIT 50",
       [&](SQLite::Statement& q) { q.bind(1, engine::to_iso(today)); }},
      // As the web board asks for it (GET /api/tasks?body=B&limit=50): the
      // first page and the total.
      {"a unit's task list, first page (50) (" + unit + ")",
       [&] {
         auto page = value_or_throw(reader.task_page({std::vector<std::string>{unit}, {}, {}, {}}, kPage));
         unit_tasks = page.total;
       },
       "SELECT view FROM tasks WHERE holder = ? LIMIT 50", [&](SQLite::Statement& q) { q.bind(1, unit); }},
      {"one document's matrix (" + doc + ")",
       [&] {
         auto paths = value_or_throw(reader.directive_paths(doc));
         auto list = value_or_throw(reader.tasks({std::nullopt, doc, std::nullopt}));
         doc_tasks = list.size();
         auto m = engine::build_matrix(paths, list, today, *engine.calendar, settings);
         if (m.directives.empty()) throw std::runtime_error(doc + ": an empty matrix");
       },
       "SELECT view FROM tasks WHERE document_id = ?", [&](SQLite::Statement& q) { q.bind(1, doc); }},
      {"stats per body (whole province)",
       [&] {
         auto s = value_or_throw(reader.stats(std::nullopt, today, soon));
         if (s.total.total == 0) throw std::runtime_error("stats: no tasks");
       },
       "SELECT holder, state, count(*) FROM tasks GROUP BY holder, state", [](SQLite::Statement&) {}},
  };
  for (auto& q : queries) {
    Percentiles ours = percentiles(timed(repeats, q.cvtrack));
    SQLite::Statement stmt(bare, q.bare_sql);
    Percentiles base = percentiles(timed(repeats, [&] {
      q.bind(stmt);
      step_all(stmt);
    }));
    std::string detail = q.name.rfind("overdue", 0) == 0 ? " of " + num(double(overdue_total))
                         : q.name.rfind("a unit", 0) == 0 ? " of " + num(double(unit_tasks)) + " tasks"
                         : q.name.rfind("one doc", 0) == 0 ? ", " + num(double(doc_tasks)) + " tasks"
                                                           : "";
    report.add({"(5) " + q.name + detail + " @ " + size, "p50 " + num(ours.p50) + " ms, p99 " + num(ours.p99) + " ms",
                "bare SQL: p50 " + num(base.p50) + " ms, p99 " + num(base.p99) + " ms", ratio(ours.p99, base.p99)});
    curve.p99_ms[q.name.substr(0, q.name.find(" ("))].push_back({tasks, ours.p99});
  }
}

std::string curve_section(const Curve& curve, const std::string& work_dir) {
  std::ostringstream text, dat;
  text << "Growth of the p99 (ms) with the number of tasks:\n\n| query |";
  std::vector<std::int64_t> sizes;
  for (const auto& [tasks, ms] : curve.p99_ms.begin()->second) sizes.push_back(tasks);
  for (auto s : sizes) text << " " << num(double(s)) << " |";
  text << "\n|---|";
  for (std::size_t i = 0; i < sizes.size(); ++i) text << "---|";
  text << "\n";
  dat << "# tasks";
  for (const auto& [name, points] : curve.p99_ms) dat << "\t\"" << name << "\"";
  dat << "\n";
  for (const auto& [name, points] : curve.p99_ms) {
    text << "| " << name << " |";
    for (const auto& [tasks, ms] : points) text << " " << num(ms) << " |";
    text << "\n";
  }
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    dat << sizes[i];
    for (const auto& [name, points] : curve.p99_ms) dat << "\t" << points[i].second;
    dat << "\n";
  }
  std::string dat_path = work_dir + "/queries.dat";
  std::ofstream(dat_path) << dat.str();
  std::string png = work_dir + "/queries.png";
  std::string plot = "set terminal png size 900,600; set output '" + png +
                     "'; set logscale xy; set key left top; set xlabel 'tasks'; set ylabel 'p99 ms';"
                     " plot for [i=2:" + std::to_string(curve.p99_ms.size() + 1) + "] '" + dat_path +
                     "' using 1:i with linespoints title columnhead(i)";
  if (std::system("command -v gnuplot >/dev/null 2>&1") == 0 &&
      std::system(("gnuplot -e \"" + plot + "\" 2>/dev/null").c_str()) == 0)
    text << "\nPlot: " << png << "\n";
  else
    text << "\n(no gnuplot: the points are in " << dat_path << ")\n";
  return text.str();
}

}  // namespace cvtrack::bench
