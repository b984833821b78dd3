// engine/clock.hpp
//
// The engine's only source of "now". Production uses SystemClock; `--as-of`
// and tests use FixedClock (or ScaledClock, for timers), so no code path
// reads the wall clock directly and no test waits on real days.
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

  // How long to wait, in real (steady) time, until this clock shows
  // `instant`; zero when it already has. What a timer arms an Asio
  // steady_timer with, so a test clock that runs fast makes timers fire
  // fast. By default the clock runs at the speed of real time.
  virtual std::chrono::steady_clock::duration real_wait_until(TimePoint instant) const;
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

// A clock for tests of timers: starts at `start` and runs `speed` times
// faster than steady time (86400: a day a second), so deadlines days
// apart fire within a test's run; advance() jumps forward, as time passes
// while a server is down. Not thread-safe: one test thread.
class ScaledClock final : public Clock {
 public:
  ScaledClock(TimePoint start, double speed);
  TimePoint now() const override;
  std::chrono::steady_clock::duration real_wait_until(TimePoint instant) const override;
  void advance(std::chrono::seconds by) { offset_ += by; }

 private:
  std::chrono::duration<double> elapsed() const;  // on this clock, since start

  TimePoint start_;
  double speed_;
  std::chrono::steady_clock::time_point real_start_;
  std::chrono::seconds offset_{0};
};

// The calendar day in Asia/Ho_Chi_Minh at `instant` (UTC+7, no DST).
Date vietnam_date(TimePoint instant);

// Noon in Vietnam on `date`: the instant `--as-of DATE` stands for, far from
// either midnight so no offset arithmetic can slip a day.
TimePoint vietnam_noon(Date date);

// "2021-09-06T05:00:00Z": how recorded_at is written in the log.
std::string to_utc_iso(TimePoint instant);

}  // namespace cvtrack::engine
