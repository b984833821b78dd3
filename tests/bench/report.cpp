#include "tests/bench/report.hpp"

#include <cmath>
#include <cstdio>
#include <iostream>

namespace cvtrack::bench {

void Report::add(Row row) {
  std::cerr << "bench: " << row.figure << ": " << row.value << " | " << row.baseline << " | " << row.ratio
            << std::endl;
  rows_.push_back(std::move(row));
}

void Report::print(std::ostream& out) const {
  out << machine_ << "\n\n";
  out << "| figure | value | baseline (same run) | ratio |\n|---|---|---|---|\n";
  for (const auto& r : rows_) out << "| " << r.figure << " | " << r.value << " | " << r.baseline << " | " << r.ratio << " |\n";
  for (const auto& n : notes_) out << "\n" << n << "\n";
  for (const auto& s : sections_) out << "\n" << s;
  out.flush();
}

std::string num(double x) {
  char buf[64];
  double a = std::fabs(x);
  if (a >= 1000) std::snprintf(buf, sizeof buf, "%.0f", x);
  else if (a >= 100) std::snprintf(buf, sizeof buf, "%.0f", x);
  else if (a >= 10) std::snprintf(buf, sizeof buf, "%.1f", x);
  else if (a >= 1) std::snprintf(buf, sizeof buf, "%.2f", x);
  else std::snprintf(buf, sizeof buf, "%.3g", x);
  return buf;
}

std::string ratio(double value, double baseline) {
  if (baseline == 0) return "-";
  return num(value / baseline) + "x";
}

}  // namespace cvtrack::bench
