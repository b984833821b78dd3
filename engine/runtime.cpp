#include "engine/runtime.hpp"

#include <optional>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>

namespace cvtrack::engine {

namespace asio = boost::asio;

Runtime::Runtime(asio::any_io_executor executor, CommandService& service)
    : strand_(asio::make_strand(executor)), service_(service), timer_(strand_) {}

void Runtime::subscribe(Subscriber subscriber) { subscribers_.push_back(std::move(subscriber)); }

void Runtime::post(Work work, Done done) {
  std::lock_guard lock(queue_mutex_);
  queue_.push_back({std::move(work), std::move(done)});
  if (group_scheduled_) return;
  group_scheduled_ = true;
  asio::post(strand_, [this] { run_group(); });
}

Runtime::GroupStats Runtime::group_stats() const {
  std::lock_guard lock(queue_mutex_);
  return stats_;
}

void Runtime::run_group() {
  std::vector<Pending> group;
  {
    std::lock_guard lock(queue_mutex_);
    while (!queue_.empty() && group.size() < kMaxGroup) {
      group.push_back(std::move(queue_.front()));
      queue_.pop_front();
    }
    // What arrives from now on waits for the next group, started here so
    // that it runs after this one on the strand.
    if (queue_.empty())
      group_scheduled_ = false;
    else
      asio::post(strand_, [this] { run_group(); });
    ++stats_.groups;
    stats_.commands += group.size();
  }

  std::vector<Result<std::vector<RecordedEvent>>> results;
  results.reserve(group.size());
  EventStore& store = service_.store();
  if (auto begun = store.begin_group(); !begun) {
    for (auto& p : group)
      if (p.done) p.done(begun.error());
    return;
  }
  for (auto& p : group) results.push_back(p.work(service_));
  if (auto committed = store.commit_group(); !committed) {
    store.abandon_group();
    // Nothing of the group is durable: every command in it failed, even
    // those whose own part went through.
    for (auto& p : group)
      if (p.done) p.done(committed.error());
    return;
  }
  for (std::size_t i = 0; i < group.size(); ++i) {
    if (results[i])
      for (const auto& event : *results[i])
        for (const auto& subscriber : subscribers_) subscriber(event);
    if (group[i].done) group[i].done(std::move(results[i]));
  }
}

void Runtime::start_ticking(std::chrono::steady_clock::duration interval, std::function<Date()> today,
                            const DeadlineSource& source) {
  asio::post(strand_, [this, interval, today = std::move(today), &source] {
    tick_interval_ = interval;
    today_ = today;
    tick_source_ = &source;
    ticking_ = true;
    arm_tick();
  });
}

void Runtime::stop() {
  asio::post(strand_, [this] {
    ticking_ = false;
    timer_.cancel();
  });
}

void Runtime::arm_tick() {
  timer_.expires_after(tick_interval_);
  timer_.async_wait([this](const boost::system::error_code& ec) {
    // operation_aborted is stop(): normal, not an error.
    if (ec || !ticking_) return;
    post_tick_pass(today_(), std::make_shared<CommandService::TickProgress>());
    arm_tick();
  });
}

void Runtime::post_tick_pass(Date today, std::shared_ptr<CommandService::TickProgress> progress) {
  post([this, today, progress](CommandService& s) { return s.tick_pass(today, *tick_source_, *progress); },
       [this, today, progress](const Result<std::vector<RecordedEvent>>& passed) {
         // A failed pass ends this tick; the next one starts over.
         if (passed && !progress->done && ticking_) post_tick_pass(today, progress);
       });
}

Result<std::vector<RecordedEvent>> run_once(CommandService& service, Runtime::Work work) {
  asio::io_context io;
  Runtime runtime(io.get_executor(), service);
  std::optional<Result<std::vector<RecordedEvent>>> outcome;
  runtime.post(std::move(work), [&](const Result<std::vector<RecordedEvent>>& r) { outcome = r; });
  io.run();
  return *outcome;
}

}  // namespace cvtrack::engine
