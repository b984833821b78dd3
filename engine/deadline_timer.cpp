#include "engine/deadline_timer.hpp"

#include <algorithm>
#include <atomic>
#include <string_view>

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include "engine/deadline_schedule.hpp"
#include "engine/event_types.hpp"

namespace cvtrack::engine {

namespace asio = boost::asio;

namespace {

// Events after which something may be due before the moment armed for.
bool may_bring_a_deadline_nearer(std::string_view type) {
  namespace et = event_type;
  return type == et::task_assigned || type == et::deadline_extended || type == et::completion_returned ||
         type == et::occurrence_scheduled;
}

// Tries a pass this many times when someone else wrote to the same tasks
// meanwhile (each retry reads afresh, so it sees what they recorded).
constexpr int kAttempts = 3;

}  // namespace

// Lives as long as a handler needs it: the timer's own members are touched
// on `strand` only; `running` is also read on the Runtime's strand.
struct DeadlineTimer::State : std::enable_shared_from_this<State> {
  State(asio::any_io_executor executor, Runtime& runtime, const WorkingDays& calendar, const Clock& clock,
        const DeadlineSource& source, std::vector<int> reminders, Observer observer)
      : strand(asio::make_strand(executor)),
        timer(strand),
        runtime(runtime),
        calendar(calendar),
        clock(clock),
        source(source),
        reminders(normalized_reminders(std::move(reminders))),
        observer(std::move(observer)) {}

  asio::strand<asio::any_io_executor> strand;
  asio::steady_timer timer;
  Runtime& runtime;
  const WorkingDays& calendar;
  const Clock& clock;
  const DeadlineSource& source;
  const std::vector<int> reminders;
  Observer observer;
  std::atomic<bool> running{false};
  bool pass_in_flight = false;
  bool pass_again = false;  // an event came while a pass was in flight

  void queue_pass();
  void finish_pass(const PassReport& report);
  void arm(asio::steady_timer::duration wait);
  // On the Runtime's strand: record what is due now, find the next moment.
  Result<std::vector<RecordedEvent>> pass(CommandService& service, PassReport& report) const;
};

Result<std::vector<RecordedEvent>> DeadlineTimer::State::pass(CommandService& service, PassReport& report) const {
  if (!running) return std::vector<RecordedEvent>{};
  TimePoint now = clock.now();
  Result<std::vector<RecordedEvent>> written = std::vector<RecordedEvent>{};
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    auto due = tasks_due_at(source, now, reminders, calendar);
    if (!due) return due.error();
    written = service.record_deadline_marks(*due, now, reminders);
    if (written || written.error().code != ErrorCode::conflict) break;
  }
  if (!written) return written;
  auto next = next_due_moment(source, now, reminders, calendar);
  if (!next) return next.error();
  report.next = *next;
  report.recorded = written->size();
  return written;
}

void DeadlineTimer::State::queue_pass() {
  if (!running) return;
  if (pass_in_flight) {
    pass_again = true;
    return;
  }
  pass_in_flight = true;
  pass_again = false;
  auto report = std::make_shared<PassReport>();
  runtime.post([self = shared_from_this(), report](CommandService& service) { return self->pass(service, *report); },
               [self = shared_from_this(), report](const Result<std::vector<RecordedEvent>>& result) {
                 if (!result) report->error = result.error();
                 asio::post(self->strand, [self, report] { self->finish_pass(*report); });
               });
}

void DeadlineTimer::State::finish_pass(const PassReport& report) {
  pass_in_flight = false;
  if (!running) return;
  if (observer) observer(report);
  if (pass_again) return queue_pass();
  if (report.error) return arm(kRetryAfter);
  // A pass that recorded something may have left more behind: a source
  // gives a backlog (after days without a server) in batches. Each pass is
  // its own group, so commands queued meanwhile commit between them.
  if (report.recorded > 0) return queue_pass();
  if (!report.next) return arm(kMaxWait);
  arm(std::min<asio::steady_timer::duration>(clock.real_wait_until(*report.next), kMaxWait));
}

void DeadlineTimer::State::arm(asio::steady_timer::duration wait) {
  timer.expires_after(wait);
  timer.async_wait(asio::bind_executor(strand, [self = shared_from_this()](const boost::system::error_code& ec) {
    // operation_aborted: stop(), or re-armed by an event; not an error.
    if (ec) return;
    // A wake at kMaxWait before anything is due finds nothing, cheaply.
    self->queue_pass();
  }));
}

DeadlineTimer::DeadlineTimer(asio::any_io_executor executor, Runtime& runtime, CommandService& service,
                             const Clock& clock, const DeadlineSource& source, std::vector<int> reminders,
                             Observer observer)
    : state_(std::make_shared<State>(std::move(executor), runtime, service.calendar(), clock, source,
                                     std::move(reminders), std::move(observer))) {
  std::weak_ptr<State> weak = state_;
  runtime.subscribe([weak](const RecordedEvent& e) {
    if (!may_bring_a_deadline_nearer(e.event.type)) return;
    if (auto state = weak.lock()) asio::post(state->strand, [state] { state->queue_pass(); });
  });
}

DeadlineTimer::~DeadlineTimer() { stop(); }

void DeadlineTimer::start() {
  asio::post(state_->strand, [state = state_] {
    if (state->running.exchange(true)) return;
    state->queue_pass();
  });
}

void DeadlineTimer::stop() {
  state_->running = false;
  asio::post(state_->strand, [state = state_] { state->timer.cancel(); });
}

}  // namespace cvtrack::engine
