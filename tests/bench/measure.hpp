// tests/bench/measure.hpp
//
// Timing and memory helpers for the benchmarks: a steady-clock stopwatch,
// percentiles of a sample, the machine's fdatasync latency, peak RSS.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace cvtrack::bench {

class Stopwatch {
 public:
  Stopwatch() : start_(std::chrono::steady_clock::now()) {}
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  double ms() const { return seconds() * 1e3; }

 private:
  std::chrono::steady_clock::time_point start_;
};

struct Percentiles {
  double p50 = 0, p99 = 0, mean = 0;  // in the sample's unit
};
Percentiles percentiles(std::vector<double> sample);

// Runs `f` `n` times (after one unmeasured warm-up run), in milliseconds each.
std::vector<double> sample_ms(int n, const std::function<void()>& f);

// write(4 KiB) + fdatasync `n` times on a fresh file in `dir`: latencies in ms.
std::vector<double> fdatasync_latencies_ms(const std::string& dir, int n);

// This process's peak resident set (VmHWM), in MiB.
double peak_rss_mib();

// CPU time (user + system, all threads) a process has used so far, in
// seconds; 0 is this process. From /proc/PID/stat.
double cpu_seconds(int pid = 0);

}  // namespace cvtrack::bench
