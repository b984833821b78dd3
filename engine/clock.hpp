// engine/clock.hpp
//
// The engine's only source of "now". Production uses SystemClock; `--as-of`
// and tests use FixedClock, so no code path reads the wall clock directly and
// no test ever sleeps.
#pragma once

#include <chrono>
#include <string>

#include "engine/date.hpp"

namespace cvtrack::engine {

using TimePoint = std::chrono::sys_time<std::chrono::seconds>;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
};

class SystemClock final : public Clock {
 public:
  TimePoint now() const override;
};

// Always answers the same instant; tests move it with set().
class FixedClock final : public Clock {
 public:
  explicit FixedClock(TimePoint at) : at_(at) {}
  TimePoint now() const override { return at_; }
  void set(TimePoint at) { at_ = at; }

 private:
  TimePoint at_;
};

// The calendar day in Asia/Ho_Chi_Minh at `instant` (UTC+7, no DST).
Date vietnam_date(TimePoint instant);

// Noon in Vietnam on `date`: the instant `--as-of DATE` stands for, far from
// either midnight so no offset arithmetic can slip a day.
TimePoint vietnam_noon(Date date);

// "2021-09-06T05:00:00Z": how recorded_at is written in the log.
std::string to_utc_iso(TimePoint instant);

}  // namespace cvtrack::engine
