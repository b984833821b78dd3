#include "engine/clock.hpp"

#include <cstdio>

namespace cvtrack::engine {

using namespace std::chrono;

TimePoint SystemClock::now() const { return time_point_cast<seconds>(system_clock::now()); }

steady_clock::duration Clock::real_wait_until(TimePoint instant) const {
  auto wait = instant - now();
  return wait > seconds{0} ? duration_cast<steady_clock::duration>(wait) : steady_clock::duration{0};
}

ScaledClock::ScaledClock(TimePoint start, double speed)
    : start_(start), speed_(speed > 0 ? speed : 1), real_start_(steady_clock::now()) {}

duration<double> ScaledClock::elapsed() const {
  return duration<double>(steady_clock::now() - real_start_) * speed_ + duration<double>(offset_);
}

TimePoint ScaledClock::now() const {
  return start_ + duration_cast<seconds>(elapsed());
}

steady_clock::duration ScaledClock::real_wait_until(TimePoint instant) const {
  duration<double> ahead = duration<double>(instant - start_) - elapsed();
  if (ahead.count() <= 0) return steady_clock::duration{0};
  // Rounded up: waking a hair early would only find the clock short of
  // `instant` and arm again.
  return ceil<steady_clock::duration>(ahead / speed_);
}

Date vietnam_date(TimePoint instant) {
  return Date{floor<days>(instant + kVietnamUtcOffset)};
}

TimePoint vietnam_noon(Date date) {
  return TimePoint{sys_days{date} + hours{12} - kVietnamUtcOffset};
}

std::string to_utc_iso(TimePoint instant) {
  auto day = floor<days>(instant);
  Date date{day};
  hh_mm_ss<seconds> time{instant - day};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02dZ", to_iso(date).c_str(),
                int(time.hours().count()), int(time.minutes().count()),
                int(time.seconds().count()));
  return buffer;
}

}  // namespace cvtrack::engine
