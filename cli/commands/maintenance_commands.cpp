// `cvtrack init`, `bodies`, `tick`, `verify`, `rebuild`: setting up and
// looking after the database.
#include <fstream>
#include <optional>
#include <ostream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/commands/directory_bridge.hpp"
#include "cli/commands/output_format.hpp"
#include "cli/commands/session.hpp"
#include "engine/runtime.hpp"
#include "storage/log_maintenance.hpp"
#include "storage/sqlite_deadline_source.hpp"

namespace cvtrack::cli {

namespace {

engine::Result<nlohmann::json> read_json_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return engine::make_error(engine::ErrorCode::not_found, path + ": cannot open the file");
  try {
    return nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    return engine::make_error(engine::ErrorCode::bad_input, path + ": " + e.what());
  }
}

// Before a Session exists: "cvtrack init: message", the error's exit code.
int refuse(CommandContext& ctx, const engine::Error& error) {
  ctx.err << "cvtrack init: " << error.message << "\n";
  return exit_code_for(int(error.code));
}

int usage(CommandContext& ctx, const char* line) {
  ctx.err << "usage: cvtrack " << line << "\n";
  return 2;
}

}  // namespace

int run_init(CommandContext& ctx) {
  // The directory is read and checked before the database is opened, so a
  // refused init leaves no database file behind (bad arguments are reported
  // by Session::open below, which parses them the same way).
  std::optional<workflows::BodyDirectory> directory;
  std::optional<nlohmann::json> original;
  std::set<std::string> value_options = kCommonValueOptions;
  value_options.insert("--directory");
  if (auto args = parse_arguments(ctx.args, value_options, kCommonFlags)) {
    if (!args->positional.empty()) return usage(ctx, "init [--directory FILE] [--db PATH]");
    if (auto file = args->option("--directory")) {
      // Validate with the reader's own loader, so ingest can trust what we keep.
      auto loaded = workflows::BodyDirectory::load(*file);
      if (!loaded) return refuse(ctx, loaded.error());
      auto json = read_json_file(*file);
      if (!json) return refuse(ctx, json.error());
      directory = std::move(*loaded);
      original = std::move(*json);
    }
  }
  auto opened = Session::open(ctx, "init", {"--directory"}, {}, /*create=*/true);
  if (auto* code = std::get_if<int>(&opened)) return *code;
  Session& s = *std::get<std::unique_ptr<Session>>(opened);
  ctx.out << "database " << s.db_path() << " ready (schema " << s.database().schema_version() << ")\n";
  if (!directory) return 0;
  const std::string file = *s.args().option("--directory");
  auto registry = to_registry(*directory);
  auto written = engine::run_once(s.service(), [&](engine::CommandService& service) {
    return service.load_directory(registry, file, s.today(), *original);
  });
  if (!written) return s.fail(written.error());
  ctx.out << "directory " << directory->jurisdiction().full_name << ": " << registry.bodies().size()
          << " bodies, from " << file << "\n";
  return 0;
}

int run_bodies(CommandContext& ctx) {
  auto opened = Session::open(ctx, "bodies", {}, {});
  if (auto* code = std::get_if<int>(&opened)) return *code;
  Session& s = *std::get<std::unique_ptr<Session>>(opened);
  auto bodies = s.reader().bodies();
  if (!bodies) return s.fail(bodies.error());
  if (s.json()) {
    ctx.out << engine::BodyRegistry(*bodies).to_json().dump(2) << "\n";
    return 0;
  }
  if (bodies->empty()) ctx.out << "no directory loaded (cvtrack init --directory FILE)\n";
  for (const auto& b : *bodies)
    ctx.out << b.id << "  " << b.kind << "  " << (b.parent ? "under " + *b.parent : "top") << "  " << b.name << "\n";
  return 0;
}

int run_tick(CommandContext& ctx) {
  auto opened = Session::open(ctx, "tick", {}, {});
  if (auto* code = std::get_if<int>(&opened)) return *code;
  Session& s = *std::get<std::unique_ptr<Session>>(opened);
  // From the projections (no replay of the log), every pass in one group:
  // one transaction, all or nothing.
  storage::SqliteDeadlineSource source(s.database());
  auto written = engine::run_once(s.service(),
                                  [&](engine::CommandService& service) { return service.tick(s.today(), source); });
  if (!written) return s.fail(written.error());
  if (s.json()) {
    ctx.out << events_json(*written).dump(2) << "\n";
    return 0;
  }
  ctx.out << "tick " << engine::to_iso(s.today()) << ": " << written->size() << " new events\n";
  for (const auto& e : *written) ctx.out << "  " << history_line(e) << "\n";
  return 0;
}

int run_verify(CommandContext& ctx) {
  auto opened = Session::open(ctx, "verify", {}, {});
  if (auto* code = std::get_if<int>(&opened)) return *code;
  Session& s = *std::get<std::unique_ptr<Session>>(opened);
  auto report = storage::verify_log(s.database());
  if (!report) return s.fail(report.error());
  if (s.json())
    ctx.out << nlohmann::json{{"ok", report->ok}, {"events", report->events}, {"problem", report->problem}}.dump(2)
            << "\n";
  if (!report->ok) {
    ctx.err << "cvtrack verify: " << s.db_path() << ": " << report->problem << "\n";
    return 1;
  }
  if (!s.json())
    ctx.out << s.db_path() << ": " << report->events
            << " events, hash chain intact, projections equal a replay of the log\n";
  return 0;
}

int run_rebuild(CommandContext& ctx) {
  auto opened = Session::open(ctx, "rebuild", {}, {});
  if (auto* code = std::get_if<int>(&opened)) return *code;
  Session& s = *std::get<std::unique_ptr<Session>>(opened);
  auto replayed = storage::rebuild_projections(s.database());
  if (!replayed) return s.fail(replayed.error());
  ctx.out << s.db_path() << ": projections rebuilt from " << *replayed << " events\n";
  return 0;
}

}  // namespace cvtrack::cli
