// tests/reliability/problems.hpp
//
// What a reliability run found wrong, from any thread. Each is a sentence
// naming what and where; the run fails if there is one.
#pragma once

#include <mutex>
#include <ostream>
#include <string>
#include <vector>

namespace cvtrack::reliability {

class Problems {
 public:
  void add(std::string problem) {
    std::lock_guard lock(mutex_);
    ++count_;
    if (list_.size() < kKept) list_.push_back(std::move(problem));
  }

  bool empty() const {
    std::lock_guard lock(mutex_);
    return count_ == 0;
  }

  // Prints them (or that there were none); returns the exit status.
  int report(std::ostream& out, const std::string& run) const {
    std::lock_guard lock(mutex_);
    if (count_ == 0) {
      out << run << ": PASSED, every check held" << std::endl;
      return 0;
    }
    for (const auto& p : list_) out << run << ": FAILED: " << p << "\n";
    if (count_ > list_.size()) out << run << ": … and " << count_ - list_.size() << " more\n";
    out << std::flush;
    return 1;
  }

 private:
  static constexpr std::size_t kKept = 30;
  mutable std::mutex mutex_;
  std::vector<std::string> list_;
  std::size_t count_ = 0;
};

}  // namespace cvtrack::reliability
