// engine/runtime.hpp
//
// The engine on a Boost.Asio executor. Commands are posted to one strand and
// run there one at a time; what they record is then published to the
// subscribers (reminder senders, caches, the timer scheduler), in log order.
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
  using Done = std::function<void(const Result<std::vector<RecordedEvent>>&)>;
  using Subscriber = std::function<void(const RecordedEvent&)>;

  Runtime(boost::asio::any_io_executor executor, CommandService& service);
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  void subscribe(Subscriber subscriber);

  // Runs `work` on the strand; on success publishes what it recorded, then
  // calls `done` (on the strand) with the result either way.
  void post(Work work, Done done);

  // Runs CommandService::tick every `interval`, with the date `today()`
  // gives, until stop(). The timer scheduler of a long-running cvtrack.
  void start_ticking(std::chrono::steady_clock::duration interval, std::function<Date()> today);
  void stop();

 private:
  void arm_tick();

  boost::asio::strand<boost::asio::any_io_executor> strand_;
  CommandService& service_;
  std::vector<Subscriber> subscribers_;
  boost::asio::steady_timer timer_;
  std::chrono::steady_clock::duration tick_interval_{};
  std::function<Date()> today_;
  bool ticking_ = false;
};

// Runs one unit of work on a private io_context, start to finish: how the
// command line drives the engine for a single command.
Result<std::vector<RecordedEvent>> run_once(CommandService& service, Runtime::Work work);

}  // namespace cvtrack::engine
