#include "engine/clock.hpp"

#include <cstdio>

namespace cvtrack::engine {

using namespace std::chrono;

TimePoint SystemClock::now() const { return time_point_cast<seconds>(system_clock::now()); }

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
