// cli/commands/session.hpp
//
// What every engine command needs, wired once: the options they all take
// (--db PATH, default $CVTRACK_DB or ./cvtrack.db; --json; --as-of DATE;
// --due-soon N working days, default 3), the database, the SQLite event
// store, the clock, the working-day calendar and the CommandService over
// them, and where a query reads its tasks from.
#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "engine/clock.hpp"
#include "engine/command_service.hpp"
#include "engine/working_days.hpp"
#include "storage/projection_reader.hpp"
#include "storage/sqlite_database.hpp"
#include "storage/sqlite_event_store.hpp"

namespace cvtrack::workflows {
class WorkingDayCalendar;
}

namespace cvtrack::cli {

// The bundled Vietnamese public-service calendar, as the engine sees it.
class CalendarWorkingDays final : public engine::WorkingDays {
 public:
  explicit CalendarWorkingDays(const workflows::WorkingDayCalendar& calendar) : calendar_(calendar) {}
  bool is_working_day(engine::Date date) const override;
  int working_days_between(engine::Date from, engine::Date to) const override;

 private:
  const workflows::WorkingDayCalendar& calendar_;
};

// Options every engine command accepts, to merge with its own.
extern const std::set<std::string> kCommonValueOptions;  // --db, --as-of, --due-soon
extern const std::set<std::string> kCommonFlags;         // --json

class Session {
 public:
  // Parses `ctx.args` with the common options plus the command's own. With
  // `create`, a missing database is created (init); otherwise it must exist.
  // On failure prints "cvtrack NAME: message" to ctx.err and returns the
  // exit code instead.
  static std::variant<std::unique_ptr<Session>, int> open(CommandContext& ctx, const char* name,
                                                           std::set<std::string> value_options,
                                                           std::set<std::string> flags, bool create = false);

  const Arguments& args() const { return args_; }
  bool json() const { return args_.flag("--json"); }
  // --as-of, else today in Vietnam.
  engine::Date today() const { return today_; }
  bool has_as_of() const { return as_of_given_; }
  const std::string& db_path() const { return database_->path(); }

  engine::CommandService& service() { return *service_; }
  storage::SqliteDatabase& database() { return *database_; }
  storage::ProjectionReader& reader() { return *reader_; }
  const engine::WorkingDays& calendar() const { return calendar_; }

  // Tasks matching `query` as they stood at today(): from the projections,
  // or, when --as-of is before the newest change, from a replay of the log.
  engine::Result<std::vector<engine::TaskView>> tasks(const storage::TaskQuery& query);
  // An error when `body` (given as --body) is not in the recorded directory.
  std::optional<engine::Error> check_body_option(const std::string& body);
  // `--body B`: B and every body it directs; an error for an unknown body.
  engine::Result<std::optional<std::vector<std::string>>> body_filter();

  // Prints "cvtrack NAME: message" and returns the exit code for it.
  int fail(const engine::Error& error) const;

 private:
  Session(CommandContext& ctx, const char* name);

  CommandContext& ctx_;
  const char* name_;
  Arguments args_;
  engine::Date today_{};
  bool as_of_given_ = false;
  std::unique_ptr<storage::SqliteDatabase> database_;
  std::unique_ptr<storage::SqliteEventStore> store_;
  engine::SystemClock clock_;
  CalendarWorkingDays calendar_;
  std::unique_ptr<engine::CommandService> service_;
  std::unique_ptr<storage::ProjectionReader> reader_;
};

}  // namespace cvtrack::cli
