// tests/bench/report.hpp
//
// The table the suite prints: figure | value | baseline (measured in the
// same run) | ratio, after the machine line. Rows are printed as they are
// measured too (to stderr), so a long run shows progress.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace cvtrack::bench {

struct Row {
  std::string figure;
  std::string value;     // "1234 docs/s"
  std::string baseline;  // "raw SQLite INSERT commits: 456/s"
  std::string ratio;     // "0.52"
};

class Report {
 public:
  void machine(std::string line) { machine_ = std::move(line); }
  void add(Row row);
  // A note under the table (what a figure could not measure, and why).
  void note(std::string text) { notes_.push_back(std::move(text)); }
  // A free-form section after the table (the growth curve).
  void section(std::string text) { sections_.push_back(std::move(text)); }
  void print(std::ostream& out) const;  // a Markdown table

 private:
  std::string machine_;
  std::vector<Row> rows_;
  std::vector<std::string> notes_, sections_;
};

// "12345", "12.3", "0.123": three significant digits, thousands kept whole.
std::string num(double x);
// value / baseline as "0.52x" ("-" when the baseline is zero).
std::string ratio(double value, double baseline);

}  // namespace cvtrack::bench
