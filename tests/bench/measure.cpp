#include "tests/bench/measure.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <numeric>
#include <sstream>
#include <stdexcept>

namespace cvtrack::bench {

Percentiles percentiles(std::vector<double> sample) {
  Percentiles p;
  if (sample.empty()) return p;
  std::sort(sample.begin(), sample.end());
  auto at = [&](double q) { return sample[std::min(sample.size() - 1, std::size_t(q * double(sample.size())))]; };
  p.p50 = at(0.50);
  p.p99 = at(0.99);
  p.mean = std::accumulate(sample.begin(), sample.end(), 0.0) / double(sample.size());
  return p;
}

std::vector<double> sample_ms(int n, const std::function<void()>& f) {
  f();  // warm the caches, as a server that has run a while has them
  std::vector<double> out;
  for (int i = 0; i < n; ++i) {
    Stopwatch w;
    f();
    out.push_back(w.ms());
  }
  return out;
}

std::vector<double> fdatasync_latencies_ms(const std::string& dir, int n) {
  std::string path = dir + "/fdatasync.probe";
  int fd = ::open(path.c_str(), O_CREAT | O_TRUNC | O_WRONLY, 0644);
  if (fd < 0) throw std::runtime_error(path + ": cannot create the fdatasync probe");
  std::vector<char> block(4096, 'x');
  std::vector<double> out;
  for (int i = 0; i < n; ++i) {
    Stopwatch w;
    if (::write(fd, block.data(), block.size()) != ssize_t(block.size()) || ::fdatasync(fd) != 0) {
      ::close(fd);
      throw std::runtime_error(path + ": write or fdatasync failed");
    }
    out.push_back(w.ms());
  }
  ::close(fd);
  ::unlink(path.c_str());
  return out;
}

double peak_rss_mib() {
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    if (key == "VmHWM:") {
      double kib = 0;
      status >> kib;
      return kib / 1024.0;
    }
    status.ignore(1 << 12, '\n');
  }
  return 0;
}

double cpu_seconds(int pid) {
  std::ifstream in(pid ? "/proc/" + std::to_string(pid) + "/stat" : std::string("/proc/self/stat"));
  std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // Fields after the command name (which may hold spaces), from field 3:
  // utime and stime are fields 14 and 15, in clock ticks.
  auto close = stat.rfind(')');
  if (close == std::string::npos) return 0;
  std::istringstream fields(stat.substr(close + 2));
  std::string field;
  double ticks = 0;
  for (int n = 3; n <= 15 && fields >> field; ++n)
    if (n == 14 || n == 15) ticks += std::stod(field);
  return ticks / double(sysconf(_SC_CLK_TCK));
}

}  // namespace cvtrack::bench
