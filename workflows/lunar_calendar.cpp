#include "workflows/lunar_calendar.hpp"

#include <cassert>
#include <chrono>
#include <cmath>
#include <numbers>

namespace cvtrack::workflows {
namespace {

// Days are handled as Julian Day Numbers (JDN): the integer JD at noon UT of a
// civil day, so consecutive days are consecutive integers.
constexpr long kJdnOfUnixEpoch = 2440588;  // 1970-01-01
constexpr double kJ2000 = 2451545.0;
constexpr double kMeanSynodicMonth = 29.530588861;
constexpr double kSecondsPerDay = 86400.0;

double sin_deg(double degrees) { return std::sin(degrees * std::numbers::pi / 180.0); }

long to_jdn(engine::Date date) {
  return long(std::chrono::sys_days{date}.time_since_epoch().count()) + kJdnOfUnixEpoch;
}

engine::Date from_jdn(long jdn) {
  return engine::Date{std::chrono::sys_days{std::chrono::days{jdn - kJdnOfUnixEpoch}}};
}

// ΔT = TT − UT in seconds. Ephemeris formulas run on TT; civil days on UT.
// Espenak & Meeus polynomials (NASA Five Millennium Canon); an error of a few
// seconds only matters for a new moon within seconds of midnight.
double delta_t_seconds(double year) {
  if (year >= 1860 && year < 1900) {
    double t = year - 1860;
    return 7.62 + 0.5737 * t - 0.251754 * t * t + 0.01680668 * t * t * t -
           0.0004473624 * std::pow(t, 4) + std::pow(t, 5) / 233174;
  }
  if (year >= 1900 && year < 1920) {
    double t = year - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t * t * t -
           0.000197 * std::pow(t, 4);
  }
  if (year >= 1920 && year < 1941) {
    double t = year - 1920;
    return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t * t * t;
  }
  if (year >= 1941 && year < 1961) {
    double t = year - 1950;
    return 29.07 + 0.407 * t - t * t / 233 + t * t * t / 2547;
  }
  if (year >= 1961 && year < 1986) {
    double t = year - 1975;
    return 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718;
  }
  if (year >= 1986 && year < 2005) {
    double t = year - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t +
           0.000651814 * std::pow(t, 4) + 0.00002373599 * std::pow(t, 5);
  }
  if (year >= 2005 && year < 2050) {
    double t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t * t;
  }
  double u = (year - 1820) / 100;
  if (year >= 2050 && year < 2150) return -20 + 32 * u * u - 0.5628 * (2150 - year);
  return -20 + 32 * u * u;
}

double delta_t_days(double jd) { return delta_t_seconds(2000.0 + (jd - kJ2000) / 365.25) / kSecondsPerDay; }

// JDE (TT) of the true new moon of lunation k, k = 0 being 2000-01-06.
// Meeus ch. 49: mean phase (49.1), the periodic terms for a new moon, and the
// planetary "additional corrections". Good to well under a minute.
double new_moon_jde(long k_index) {
  const double k = double(k_index);
  const double t = k / 1236.85;
  const double t2 = t * t, t3 = t2 * t, t4 = t3 * t;
  const double mean = 2451550.09766 + kMeanSynodicMonth * k + 0.00015437 * t2 -
                      0.000000150 * t3 + 0.00000000073 * t4;
  const double e = 1 - 0.002516 * t - 0.0000074 * t2;
  const double m = 2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3;
  const double mp = 201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 -
                    0.000000058 * t4;
  const double f = 160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 +
                   0.000000011 * t4;
  const double omega = 124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3;

  double periodic = -0.40720 * sin_deg(mp) + 0.17241 * e * sin_deg(m) +
                    0.01608 * sin_deg(2 * mp) + 0.01039 * sin_deg(2 * f) +
                    0.00739 * e * sin_deg(mp - m) - 0.00514 * e * sin_deg(mp + m) +
                    0.00208 * e * e * sin_deg(2 * m) - 0.00111 * sin_deg(mp - 2 * f) -
                    0.00057 * sin_deg(mp + 2 * f) + 0.00056 * e * sin_deg(2 * mp + m) -
                    0.00042 * sin_deg(3 * mp) + 0.00042 * e * sin_deg(m + 2 * f) +
                    0.00038 * e * sin_deg(m - 2 * f) - 0.00024 * e * sin_deg(2 * mp - m) -
                    0.00017 * sin_deg(omega) - 0.00007 * sin_deg(mp + 2 * m) +
                    0.00004 * sin_deg(2 * mp - 2 * f) + 0.00004 * sin_deg(3 * m) +
                    0.00003 * sin_deg(mp + m - 2 * f) + 0.00003 * sin_deg(2 * mp + 2 * f) -
                    0.00003 * sin_deg(mp + m + 2 * f) + 0.00003 * sin_deg(mp - m + 2 * f) -
                    0.00002 * sin_deg(mp - m - 2 * f) - 0.00002 * sin_deg(3 * mp + m) +
                    0.00002 * sin_deg(4 * mp);

  struct Term { double amplitude, phase, rate; };
  static constexpr Term kPlanetary[] = {
      {0.000325, 299.77, 0.107408}, {0.000165, 251.88, 0.016321},
      {0.000164, 251.83, 26.651886}, {0.000126, 349.42, 36.412478},
      {0.000110, 84.66, 18.206239},  {0.000062, 141.74, 53.303771},
      {0.000060, 207.14, 2.453732},  {0.000056, 154.84, 7.306860},
      {0.000047, 34.52, 27.261239},  {0.000042, 207.19, 0.121824},
      {0.000040, 291.34, 1.844379},  {0.000037, 161.72, 24.198154},
      {0.000035, 239.56, 25.513099}, {0.000023, 331.55, 3.592518},
  };
  double planetary = 0;
  for (const Term& term : kPlanetary) {
    double argument = term.phase + term.rate * k;
    if (&term == &kPlanetary[0]) argument -= 0.009173 * t2;  // A1 alone has a T² term
    planetary += term.amplitude * sin_deg(argument);
  }
  return mean + periodic + planetary;
}

// The local civil day (JDN) containing the new moon of lunation k.
long new_moon_day(long k, double tz_hours) {
  const double jde = new_moon_jde(k);
  const double jd_ut = jde - delta_t_days(jde);
  return long(std::floor(jd_ut + 0.5 + tz_hours / 24));
}

// The sun's apparent longitude in degrees, [0, 360). Meeus ch. 25 low
// accuracy (about 0.01°, i.e. a solar term is placed within ~15 minutes).
double sun_longitude(double jde) {
  const double t = (jde - kJ2000) / 36525;
  const double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  const double m = 357.52911 + 35999.05029 * t - 0.0001537 * t * t;
  const double center = (1.914602 - 0.004817 * t - 0.000014 * t * t) * sin_deg(m) +
                        (0.019993 - 0.000101 * t) * sin_deg(2 * m) + 0.000289 * sin_deg(3 * m);
  const double omega = 125.04 - 1934.136 * t;
  const double apparent = l0 + center - 0.00569 - 0.00478 * sin_deg(omega);
  return apparent - 360 * std::floor(apparent / 360);
}

// Which 30° sector (0..11) the sun is in at the local midnight that starts
// day `jdn`. Major solar term n (trung khí) is the start of sector n, so a
// span of days contains a major term exactly when the sector changes.
int solar_sector(long jdn, double tz_hours) {
  const double jd_ut = double(jdn) - 0.5 - tz_hours / 24;
  return int(sun_longitude(jd_ut + delta_t_days(jd_ut)) / 30);
}

// The lunation whose month contains day `jdn`.
long lunation_containing(long jdn, double tz_hours) {
  long k = long(std::floor((double(jdn) - 2451550.1) / kMeanSynodicMonth));
  while (new_moon_day(k + 1, tz_hours) <= jdn) ++k;
  while (new_moon_day(k, tz_hours) > jdn) --k;
  return k;
}

// Rule 2: month 11 is the month containing the local day of the December
// solstice (the day at whose end the sun has passed 270°).
long month11_lunation(int year, double tz_hours) {
  long day = to_jdn(engine::Date{std::chrono::year{year}, std::chrono::December,
                                 std::chrono::day{17}});
  while (solar_sector(day + 1, tz_hours) < 9) ++day;
  return lunation_containing(day, tz_hours);
}

// One "sui": the months from month 11 of year − 1 up to (not including)
// month 11 of `year`. Index 0 is month 11.
struct Sui {
  long first_lunation = 0;
  int months = 12;      // 12, or 13 in a leap year
  int leap_index = 0;   // index of the leap month, 0 when there is none
};

Sui sui_ending_in(int year, double tz_hours) {
  Sui sui;
  sui.first_lunation = month11_lunation(year - 1, tz_hours);
  sui.months = int(month11_lunation(year, tz_hours) - sui.first_lunation);
  if (sui.months == 13) {
    // Rule 3. Index 0 holds the solstice, so the search starts at 1.
    for (int i = 1; i < 13 && sui.leap_index == 0; ++i) {
      long start = new_moon_day(sui.first_lunation + i, tz_hours);
      long next = new_moon_day(sui.first_lunation + i + 1, tz_hours);
      if (solar_sector(start, tz_hours) == solar_sector(next, tz_hours)) sui.leap_index = i;
    }
    // Invariant: 13 months share the 12 major terms of a year, so one lacks one.
    assert(sui.leap_index != 0);
  }
  return sui;
}

}  // namespace

LunarDate solar_to_lunar(engine::Date date, double time_zone_hours) {
  const long jdn = to_jdn(date);
  const int year = int(date.year());
  const long k = lunation_containing(jdn, time_zone_hours);
  const int sui_year = k >= month11_lunation(year, time_zone_hours) ? year + 1 : year;
  const Sui sui = sui_ending_in(sui_year, time_zone_hours);

  const int index = int(k - sui.first_lunation);
  const bool after_leap = sui.leap_index != 0 && index >= sui.leap_index;
  const int counted = after_leap ? index - 1 : index;  // the leap month repeats a number
  LunarDate lunar;
  lunar.day = int(jdn - new_moon_day(k, time_zone_hours)) + 1;
  lunar.month = (counted + 10) % 12 + 1;  // index 0 -> 11, 1 -> 12, 2 -> 1 ...
  lunar.year = lunar.month >= 11 ? sui_year - 1 : sui_year;
  lunar.leap_month = sui.leap_index != 0 && index == sui.leap_index;
  return lunar;
}

std::optional<engine::Date> lunar_to_solar(const LunarDate& lunar, double time_zone_hours) {
  if (lunar.month < 1 || lunar.month > 12 || lunar.day < 1 || lunar.day > 30) return std::nullopt;
  const int sui_year = lunar.month >= 11 ? lunar.year + 1 : lunar.year;
  const Sui sui = sui_ending_in(sui_year, time_zone_hours);

  int index = lunar.month >= 11 ? lunar.month - 11 : lunar.month + 1;
  if (lunar.leap_month) {
    if (sui.leap_index != index + 1) return std::nullopt;
    index = sui.leap_index;
  } else if (sui.leap_index != 0 && sui.leap_index <= index) {
    ++index;
  }
  const long start = new_moon_day(sui.first_lunation + index, time_zone_hours);
  const long next = new_moon_day(sui.first_lunation + index + 1, time_zone_hours);
  if (lunar.day > next - start) return std::nullopt;
  return from_jdn(start + lunar.day - 1);
}

}  // namespace cvtrack::workflows
