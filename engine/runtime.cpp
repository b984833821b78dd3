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
  asio::post(strand_, [this, work = std::move(work), done = std::move(done)] {
    auto result = work(service_);
    if (result)
      for (const auto& event : *result)
        for (const auto& subscriber : subscribers_) subscriber(event);
    if (done) done(result);
  });
}

void Runtime::start_ticking(std::chrono::steady_clock::duration interval, std::function<Date()> today) {
  asio::post(strand_, [this, interval, today = std::move(today)] {
    tick_interval_ = interval;
    today_ = today;
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
    post([this](CommandService& s) { return s.tick(today_()); }, nullptr);
    arm_tick();
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
