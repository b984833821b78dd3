#include "engine/clock.hpp"

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

// Built on to_iso, without snprintf: every command stamps recorded_at.
std::string to_utc_iso(TimePoint instant) {
  auto day = floor<days>(instant);
  hh_mm_ss<seconds> time{instant - day};
  std::string out = to_iso(Date{day});
  char clock[] = "T00:00:00Z";
  auto two = [](char* at, long value) {
    at[0] = char('0' + value / 10);
    at[1] = char('0' + value % 10);
  };
  two(clock + 1, long(time.hours().count()));
  two(clock + 4, long(time.minutes().count()));
  two(clock + 7, long(time.seconds().count()));
  return out.append(clock, sizeof clock - 1);
}

}  // namespace cvtrack::engine
