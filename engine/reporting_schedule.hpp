// engine/reporting_schedule.hpp
//
// Recurring reporting duties ("báo cáo hằng tháng trước ngày 20") become
// occurrences, one per period, each with its own due date. The due date is
// the schedule's day when the text gives one; otherwise NĐ 09/2019's
// regime (shared/domain.md §2): the period's data are cut off on the 14th of
// its last month and the report is due one working day after the cut-off.
// Weekly reports default to Friday, daily ones are due the same day.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/date.hpp"
#include "engine/document.hpp"
#include "engine/working_days.hpp"

namespace cvtrack::engine {

struct PlannedOccurrence {
  std::string period;  // "2021-09-07", "2021-W36", "2021-09", "2021-Q3", "2021-H2", "2021"
  Date due;
  bool operator==(const PlannedOccurrence&) const = default;
};

// True for the cadences that produce occurrences (daily ... yearly);
// continuous and on-event duties have none.
bool is_periodic(const std::optional<Recurrence>& recurrence);

// Every occurrence of `spec` whose due date lies in [start, until] and inside
// the schedule's own from/until, in due order. Callers drop the periods they
// already have, which is what makes generation "never twice".
std::vector<PlannedOccurrence> plan_occurrences(const TaskSpec& spec, Date start, Date until,
                                                const WorkingDays& calendar);

// The period a date falls in, in the given cadence's key form.
std::string period_key(Recurrence recurrence, Date date);

}  // namespace cvtrack::engine
