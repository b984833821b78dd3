// tests/reliability/server_gate.hpp
//
// Lets client threads through while the server is up and parks them while
// it is down (killed, being checked, restarting). The run knows every
// client has logged the answers it got once all of them are parked: only
// then does it read the log back.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace cvtrack::reliability {

class ServerGate {
 public:
  // The server's port; blocks while it is down; 0 once the run is over.
  unsigned short wait_up() {
    std::unique_lock lock(mutex_);
    if (!up_ && !finished_) {
      ++parked_;
      changed_.notify_all();
      changed_.wait(lock, [&] { return up_ || finished_; });
      --parked_;
    }
    return finished_ ? 0 : port_;
  }

  void down() {
    std::lock_guard lock(mutex_);
    up_ = false;
  }

  void up(unsigned short port) {
    std::lock_guard lock(mutex_);
    up_ = true;
    port_ = port;
    changed_.notify_all();
  }

  void finish() {
    std::lock_guard lock(mutex_);
    finished_ = true;
    changed_.notify_all();
  }

  // After down(): true once `clients` threads are parked, false on timeout.
  bool wait_parked(int clients, std::chrono::seconds timeout) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return parked_ == clients; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool up_ = false;
  bool finished_ = false;
  unsigned short port_ = 0;
  int parked_ = 0;
};

}  // namespace cvtrack::reliability
