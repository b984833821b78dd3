// `cvtrack overdue`, `matrix`, `stats`: what a supervisor looks at first.
#include <algorithm>
#include <iomanip>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/commands/output_format.hpp"
#include "cli/commands/session.hpp"
#include "cli/commands/supervision_json.hpp"
#include "engine/supervision.hpp"

namespace cvtrack::cli {

namespace {

engine::StatusSettings settings_of(Session& s) {
  return {s.service().settings().due_soon_working_days};
}

void print_counts(std::ostream& out, const std::string& name, const engine::CategoryCounts& c) {
  out << pad_column(name, 36) << std::right << std::setw(6) << c.total << std::setw(9)
      << c.in_progress_on_time << std::setw(9) << c.in_progress_overdue << std::setw(9) << c.done_on_time
      << std::setw(9) << c.done_late << std::setw(9) << c.due_soon << std::setw(9) << c.no_deadline << std::setw(9)
      << c.cancelled << "\n";
}

}  // namespace

int run_overdue(CommandContext& ctx) {
  auto opened = Session::open(ctx, "overdue", {"--body"}, {});
  if (auto* code = std::get_if<int>(&opened)) return *code;
  Session& s = *std::get<std::unique_ptr<Session>>(opened);
  if (!s.args().positional.empty()) {
    ctx.err << "usage: cvtrack overdue [--body BODY] [--as-of DATE] [--json]\n";
    return 2;
  }
  auto holders = s.body_filter();
  if (!holders) return s.fail(holders.error());
  auto tasks = s.tasks({*holders, std::nullopt, s.today()});
  if (!tasks) return s.fail(tasks.error());
  auto items = engine::overdue_items(*tasks, s.today(), s.calendar(), settings_of(s));
  if (s.json()) {
    ctx.out << overdue_json(items).dump(2) << "\n";
    return 0;
  }
  ctx.out << "overdue on " << engine::to_iso(s.today()) << ": " << items.size() << "\n";
  for (const auto& i : items)
    ctx.out << std::right << std::setw(5) << i.days_overdue << " days  " << i.task << "  " << i.holder << "  "
            << (i.period ? "report " + *i.period + " " : std::string("task ")) << "due " << engine::to_iso(i.due)
            << "  (" << i.document << " §" << i.directive << ")\n";
  return 0;
}

int run_matrix(CommandContext& ctx) {
  auto opened = Session::open(ctx, "matrix", {}, {});
  if (auto* code = std::get_if<int>(&opened)) return *code;
  Session& s = *std::get<std::unique_ptr<Session>>(opened);
  if (s.args().positional.size() != 1) {
    ctx.err << "usage: cvtrack matrix DOC [--as-of DATE] [--json]\n";
    return 2;
  }
  const std::string& doc = s.args().positional[0];
  auto paths = s.reader().directive_paths(doc);
  if (!paths) return s.fail(paths.error());
  if (paths->empty()) return s.fail(engine::make_error(engine::ErrorCode::not_found, doc + ": no such document"));
  auto tasks = s.tasks({std::nullopt, doc, std::nullopt});
  if (!tasks) return s.fail(tasks.error());
  engine::Matrix m = engine::build_matrix(*paths, *tasks, s.today(), s.calendar(), settings_of(s));
  if (s.json()) {
    ctx.out << matrix_json(doc, s.today(), m).dump(2) << "\n";
    return 0;
  }
  // Bodies down the side, directives across: a document has a handful of
  // directives and can have dozens of bodies.
  std::size_t width = 4;
  for (const auto& d : m.directives) width = std::max(width, d.size() + 1);
  ctx.out << doc << " on " << engine::to_iso(s.today()) << "\n" << std::left << std::setw(36) << "body \\ directive";
  for (const auto& d : m.directives) ctx.out << std::setw(int(width)) << d;
  ctx.out << "\n";
  for (const auto& body : m.bodies) {
    ctx.out << pad_column(body, 36);
    for (const auto& d : m.directives) {
      auto it = m.cells.find({d, body});
      ctx.out << std::setw(int(width)) << (it == m.cells.end() ? "." : it->second);
    }
    ctx.out << "\n";
  }
  ctx.out << engine::matrix_legend() << "\n";
  return 0;
}

int run_stats(CommandContext& ctx) {
  auto opened = Session::open(ctx, "stats", {"--body"}, {});
  if (auto* code = std::get_if<int>(&opened)) return *code;
  Session& s = *std::get<std::unique_ptr<Session>>(opened);
  if (!s.args().positional.empty()) {
    ctx.err << "usage: cvtrack stats [--body BODY] [--as-of DATE] [--json]\n";
    return 2;
  }
  auto holders = s.body_filter();
  if (!holders) return s.fail(holders.error());
  auto tasks = s.tasks({*holders, std::nullopt, std::nullopt});
  if (!tasks) return s.fail(tasks.error());
  engine::Stats stats = engine::build_stats(*tasks, s.today(), s.calendar(), settings_of(s));
  if (s.json()) {
    ctx.out << stats_json(s.today(), stats).dump(2) << "\n";
    return 0;
  }
  ctx.out << "tasks on " << engine::to_iso(s.today()) << "\n"
          << std::left << std::setw(36) << "body" << std::right << std::setw(6) << "total" << std::setw(9)
          << "in time" << std::setw(9) << "overdue" << std::setw(9) << "done ok" << std::setw(9) << "done lt"
          << std::setw(9) << "due soon" << std::setw(9) << "no dl" << std::setw(9) << "cancel" << "\n";
  for (const auto& [body, c] : stats.by_body) print_counts(ctx.out, body, c);
  print_counts(ctx.out, "TOTAL", stats.total);
  return 0;
}

}  // namespace cvtrack::cli
