// engine/runtime.hpp
//
// The engine on a Boost.Asio executor. Commands are posted to one strand and
// run there one at a time; what they record is then published to the
// subscribers (reminder senders, caches, the timer scheduler), in log order.
//
// Group commit: the commands waiting when the strand gets to them run as one
// group of the store (EventStore::begin_group), each all or nothing on its
// own, and are made durable by one commit. Only then are their events
// published and their `done` called, so nobody is told "done" about a
// change a crash could still lose. Under load many commands share one
// fsync; alone, a command is its own group.
// The runtime does not own an io_context: cli/ owns it, as Beast's main does.
//
// Projections are not subscribers: they are written by the store inside the
// command's transaction, so a crash between append and projection cannot
// leave them behind the log. Subscribers see an event only after it is
// committed.
//
// All members must be called on the engine strand, except post() and
// start_ticking(), which may be called from anywhere.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <mutex>
#include <functional>
#include <memory>
#include <vector>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include "engine/command_service.hpp"

namespace cvtrack::engine {

class Runtime {
 public:
  using Work = std::function<Result<std::vector<RecordedEvent>>(CommandService&)>;
  // Given the result to keep: an answer built from it can be built off the
  // strand without copying it there.
  using Done = std::function<void(Result<std::vector<RecordedEvent>>)>;
  using Subscriber = std::function<void(const RecordedEvent&)>;

  Runtime(boost::asio::any_io_executor executor, CommandService& service);
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  void subscribe(Subscriber subscriber);

  // Runs `work` on the strand in the next group; once the group is durable,
  // publishes what it recorded, then calls `done` (on the strand) with the
  // result either way. Thread-safe.
  void post(Work work, Done done);

  // Commands committed together at most (a bound on latency under load).
  static constexpr std::size_t kMaxGroup = 256;

  struct GroupStats {
    std::uint64_t groups = 0;
    std::uint64_t commands = 0;
  };
  GroupStats group_stats() const;

  // Runs CommandService's tick over `source` every `interval`, with the
  // date `today()` gives, until stop(): the timer scheduler of a
  // long-running cvtrack. Each pass of a tick is posted as its own command
  // once the one before is durable, so commands interleave with a long tick
  // instead of waiting behind all of it. `source` must outlive the runtime.
  void start_ticking(std::chrono::steady_clock::duration interval, std::function<Date()> today,
                     const DeadlineSource& source);
  void stop();

 private:
  void arm_tick();
  void post_tick_pass(Date today, std::shared_ptr<CommandService::TickProgress> progress);
  void run_group();

  struct Pending {
    Work work;
    Done done;
  };

  boost::asio::strand<boost::asio::any_io_executor> strand_;
  mutable std::mutex queue_mutex_;
  std::deque<Pending> queue_;      // guarded by queue_mutex_
  bool group_scheduled_ = false;   // guarded by queue_mutex_
  GroupStats stats_;               // guarded by queue_mutex_
  CommandService& service_;
  std::vector<Subscriber> subscribers_;
  boost::asio::steady_timer timer_;
  std::chrono::steady_clock::duration tick_interval_{};
  std::function<Date()> today_;
  const DeadlineSource* tick_source_ = nullptr;
  bool ticking_ = false;
};

// Runs one unit of work on a private io_context, start to finish: how the
// command line drives the engine for a single command.
Result<std::vector<RecordedEvent>> run_once(CommandService& service, Runtime::Work work);

}  // namespace cvtrack::engine
