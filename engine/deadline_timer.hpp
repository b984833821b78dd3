// engine/deadline_timer.hpp
//
// Deadlines acting on time in a long-running cvtrack (`serve`): records the
// deadline rungs (deadline_schedule.hpp) as they fall due, through the
// Runtime, so the marker events go through the same strand and writer as
// every command and reach the same subscribers.
//
// One Asio timer, armed for the nearest due moment the DeadlineSource knows
// of, not one per task. start() first records everything that came due while
// nobody was running, in as many passes as the source's batches need (a
// pass that recorded something is followed at once by another); each firing
// records what is due at the clock's now and re-arms. New tasks, extended deadlines, returned claims and newly planned
// reports (committed through the Runtime) can bring a moment nearer or into
// the past, so they start a pass at once. Waits are computed through the
// injected Clock (Clock::real_wait_until), so a ScaledClock runs the timer
// fast; a wait is never longer than kMaxWait, which also picks up what other
// processes wrote to the same database.
//
// Exactly once: each (task, due key, rung) is one row of deadline_marks,
// written in the marker event's transaction; a second timer (another
// process, a restart race) finds the mark, or fails its append on the key
// and records nothing, and its next pass sees the mark.
//
//   engine::DeadlineTimer timer(io.get_executor(), runtime, service, clock, source, {3, 1});
//   timer.start();  ...  timer.stop();
//
// Construct it before the io_context runs (it subscribes to the Runtime,
// whose subscribe() is not thread-safe). start() and stop() may be called
// from any thread. The references must outlive the io_context's handlers.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include <boost/asio/any_io_executor.hpp>

#include "engine/clock.hpp"
#include "engine/deadline_source.hpp"
#include "engine/runtime.hpp"

namespace cvtrack::engine {

class DeadlineTimer {
 public:
  static constexpr std::chrono::minutes kMaxWait{5};
  // After a failed pass (the database busy, say), the next try, real time.
  static constexpr std::chrono::seconds kRetryAfter{1};

  struct PassReport {
    std::optional<Error> error;        // the pass failed: retried after kRetryAfter
    std::size_t recorded = 0;          // marker events written
    std::optional<TimePoint> next;     // the moment armed for, nullopt: none pending
  };
  // Called on the timer's strand after every pass: for a server's log.
  using Observer = std::function<void(const PassReport&)>;

  // `reminders`: working days before a deadline, e.g. {3, 1}.
  DeadlineTimer(boost::asio::any_io_executor executor, Runtime& runtime, CommandService& service,
                const Clock& clock, const DeadlineSource& source, std::vector<int> reminders = {3, 1},
                Observer observer = nullptr);
  ~DeadlineTimer();  // stop()
  DeadlineTimer(const DeadlineTimer&) = delete;
  DeadlineTimer& operator=(const DeadlineTimer&) = delete;

  void start();
  // Cancels the wait; a pass already handed to the Runtime finishes, but
  // nothing is armed or started after it.
  void stop();

 private:
  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace cvtrack::engine
