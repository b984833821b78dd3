// storage/sqlite_deadline_source.hpp
//
// engine::DeadlineSource on the projections: tasks (its partial index of
// open tasks by deadline), report_occurrences (unsubmitted ones by due) and
// deadline_marks (its primary key answers "is this rung recorded?"). Every
// question is a range scan that starts at an index seek; see the .cpp for
// what each reads. SQLite errors come back as values.
#pragma once

#include "engine/deadline_source.hpp"
#include "storage/sqlite_database.hpp"

namespace cvtrack::storage {

class SqliteDeadlineSource final : public engine::DeadlineSource {
 public:
  // `database` must outlive the source; use the connection the store writes
  // with, so a pass reads what it has just written.
  explicit SqliteDeadlineSource(SqliteDatabase& database) : database_(database) {}

  engine::Result<std::vector<engine::TaskView>> tasks_due_by(engine::Date deadline_until,
                                                             engine::Date occurrence_until) const override;
  engine::Result<std::optional<engine::Date>> earliest_deadline(engine::Date from) const override;
  engine::Result<std::vector<engine::DueSlot>> deadline_slots(engine::Date from, int dates) const override;
  engine::Result<std::vector<engine::DueSlot>> occurrence_slots(engine::Date from, int dates) const override;

 private:
  SqliteDatabase& database_;
};

}  // namespace cvtrack::storage
