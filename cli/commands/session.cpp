#include "cli/commands/session.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <ostream>

#include "workflows/working_day_calendar.hpp"

namespace cvtrack::cli {

const std::set<std::string> kCommonValueOptions = {"--db", "--as-of", "--due-soon"};
const std::set<std::string> kCommonFlags = {"--json"};

bool CalendarWorkingDays::is_working_day(engine::Date date) const { return calendar_.is_working_day(date); }

// The calendar counts with its index; it answers negative counts, the engine wants 0.
int CalendarWorkingDays::working_days_between(engine::Date from, engine::Date to) const {
  return std::max(0, calendar_.working_days_between(from, to));
}

Session::Session(CommandContext& ctx, const char* name)
    : ctx_(ctx), name_(name), calendar_(workflows::WorkingDayCalendar::bundled()) {}

int Session::fail(const engine::Error& error) const {
  ctx_.err << "cvtrack " << name_ << ": " << error.message << "\n";
  return exit_code_for(int(error.code));
}

namespace {
std::string default_db_path() {
  const char* env = std::getenv("CVTRACK_DB");
  return env && *env ? env : "./cvtrack.db";
}
}  // namespace

std::variant<std::unique_ptr<Session>, int> Session::open(CommandContext& ctx, const char* name,
                                                           std::set<std::string> value_options,
                                                           std::set<std::string> flags, bool create) {
  std::unique_ptr<Session> s(new Session(ctx, name));
  value_options.insert(kCommonValueOptions.begin(), kCommonValueOptions.end());
  flags.insert(kCommonFlags.begin(), kCommonFlags.end());
  auto args = parse_arguments(ctx.args, value_options, flags);
  if (!args) return s->fail(args.error());
  s->args_ = std::move(*args);
  if (auto as_of = s->args_.option("--as-of")) {
    auto date = engine::parse_iso_date(*as_of);
    if (!date)
      return s->fail(engine::make_error(engine::ErrorCode::bad_input,
                                        "--as-of \"" + *as_of + "\" " + engine::why_not_iso_date(*as_of)));
    s->today_ = *date;
    s->as_of_given_ = true;
  } else {
    s->today_ = engine::vietnam_date(engine::SystemClock().now());
  }
  engine::EngineSettings settings;
  if (auto days = s->args_.option("--due-soon")) {
    int n = -1;
    auto [end, ec] = std::from_chars(days->data(), days->data() + days->size(), n);
    if (ec != std::errc{} || end != days->data() + days->size() || n < 0 || n > 60)
      return s->fail(engine::make_error(engine::ErrorCode::bad_input,
                                        "--due-soon \"" + *days + "\" is not a number of working days (0 to 60)"));
    settings.due_soon_working_days = n;
  }
  std::string path = s->args_.option("--db").value_or(default_db_path());
  if (!create && path != ":memory:" && !std::filesystem::exists(path))
    return s->fail(engine::make_error(engine::ErrorCode::not_found,
                                      path + ": no database here (create one with `cvtrack init --db " + path + "`)"));
  auto db = storage::SqliteDatabase::open(path);
  if (!db) return s->fail(db.error());
  s->database_ = std::move(*db);
  s->store_ = std::make_unique<storage::SqliteEventStore>(*s->database_);
  s->service_ = std::make_unique<engine::CommandService>(*s->store_, s->clock_, s->calendar_, settings);
  s->reader_ = std::make_unique<storage::ProjectionReader>(*s->database_);
  return s;
}

engine::Result<std::vector<engine::TaskView>> Session::tasks(const storage::TaskQuery& query) {
  auto latest = reader_->latest_effective_on();
  if (!latest) return latest.error();
  if (!*latest || engine::days_between(**latest, today_) >= 0) return reader_->tasks(query);
  // --as-of before the newest change: the projections hold the present, so
  // fold the log up to that day and filter the same way.
  auto snapshot = service_->snapshot(today_);
  if (!snapshot) return snapshot.error();
  std::vector<engine::TaskView> out;
  for (const auto& t : snapshot->task_list()) {
    if (query.holders && std::find(query.holders->begin(), query.holders->end(), t.holder()) == query.holders->end())
      continue;
    if (query.document && t.document != *query.document) continue;
    out.push_back(t);
  }
  return out;
}

std::optional<engine::Error> Session::check_body_option(const std::string& body) {
  auto registry = service_->bodies();
  if (!registry) return registry.error();
  if (registry->find(body)) return std::nullopt;
  return engine::Error{engine::ErrorCode::not_found,
                       "--body \"" + body + "\" is not in the directory (see `cvtrack bodies`)"};
}

engine::Result<std::optional<std::vector<std::string>>> Session::body_filter() {
  auto body = args_.option("--body");
  if (!body) return std::optional<std::vector<std::string>>{};
  if (auto unknown = check_body_option(*body)) return *unknown;
  auto registry = service_->bodies();
  if (!registry) return registry.error();
  std::vector<std::string> holders{*body};
  for (const auto& b : registry->bodies())
    if (registry->is_subordinate(b.id, *body)) holders.push_back(b.id);
  return std::optional<std::vector<std::string>>(holders);
}

}  // namespace cvtrack::cli
