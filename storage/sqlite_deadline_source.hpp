// storage/sqlite_deadline_source.hpp
//
// engine::DeadlineSource on the projections: tasks (its partial indexes of
// open tasks by deadline and of open periodic tasks by id),
// report_occurrences (unsubmitted ones by due) and deadline_marks (its
// primary key answers "is this rung recorded?"). Every question is a range
// scan that starts at an index seek; see the .cpp for what each reads.
// SQLite errors come back as values.
#pragma once

#include <cstddef>

#include "engine/deadline_source.hpp"
#include "storage/sqlite_database.hpp"

namespace cvtrack::storage {

class SqliteDeadlineSource final : public engine::DeadlineSource {
 public:
  // `database` must outlive the source; use the connection the store writes
  // with, so a pass reads what it has just written.
  //
  // `catch_up_batch`: tasks_due_by gives at most this many of the tasks (and
  // as many of the reports) that fell due before occurrence_until's day, the
  // oldest first: after a long stop the backlog is recorded in short
  // passes, each its own transaction, so commands and shutdown never wait
  // behind all of it (engine::DeadlineTimer passes again at once while a
  // pass records something). Everything due from that day on comes whole.
  explicit SqliteDeadlineSource(SqliteDatabase& database, std::size_t catch_up_batch = kCatchUpBatch)
      : database_(database), catch_up_batch_(catch_up_batch) {}
  static constexpr std::size_t kCatchUpBatch = 500;

  engine::Result<std::vector<engine::TaskView>> tasks_due_by(engine::Date deadline_until,
                                                             engine::Date occurrence_until) const override;
  engine::Result<std::optional<engine::Date>> earliest_deadline(engine::Date from) const override;
  engine::Result<std::vector<engine::DueSlot>> deadline_slots(engine::Date from, int dates) const override;
  engine::Result<std::vector<engine::DueSlot>> occurrence_slots(engine::Date from, int dates) const override;
  engine::Result<std::vector<engine::TaskView>> periodic_tasks(const std::string& after,
                                                               std::size_t limit) const override;

 private:
  SqliteDatabase& database_;
  std::size_t catch_up_batch_;
};

}  // namespace cvtrack::storage
