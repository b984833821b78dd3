#include "cli/serve/server.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>

#include "cli/commands/session.hpp"
#include "cli/serve/http_session.hpp"
#include "engine/deadline_timer.hpp"
#include "engine/event_types.hpp"
#include "storage/background_checkpoint.hpp"
#include "storage/sqlite_deadline_source.hpp"
#include "storage/sqlite_event_store.hpp"
#include "workflows/working_day_calendar.hpp"

namespace cvtrack::serve {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

struct Server::Parts {
  engine::SystemClock system_clock;
  const engine::Clock* clock = nullptr;
  cli::CalendarWorkingDays calendar{workflows::WorkingDayCalendar::bundled()};
  engine::EngineSettings settings;
  std::unique_ptr<storage::SqliteDatabase> writer_db;
  std::unique_ptr<storage::BackgroundCheckpoint> checkpoint;  // before writer_db closes
  std::unique_ptr<storage::SqliteEventStore> store;
  std::unique_ptr<engine::CommandService> service;
  std::unique_ptr<engine::Runtime> runtime;
  std::unique_ptr<storage::SqliteDeadlineSource> deadlines;
  std::unique_ptr<engine::DeadlineTimer> timer;
  std::unique_ptr<ReadPool> reads;
  DirectoryCache directories;
  std::unique_ptr<EventHub> hub;
};

Server::Server(const ServeOptions& options, std::ostream& log) : options_(options), log_(log) {}

Server::~Server() = default;

engine::Result<std::unique_ptr<Server>> Server::open(const ServeOptions& options, std::ostream& log) {
  if (options.threads < 1 || options.threads > 64)
    return engine::make_error(engine::ErrorCode::bad_input, "--threads must be between 1 and 64");
  std::unique_ptr<Server> server(new Server(options, log));
  auto& p = *(server->parts_ = std::make_unique<Parts>());
  p.clock = options.clock ? options.clock : &p.system_clock;
  p.settings.due_soon_working_days = options.reminders.empty() ? 3 : options.reminders.front();

  auto db = storage::SqliteDatabase::open(options.db_path);
  if (!db) return db.error();
  p.writer_db = std::move(*db);
  // The log is copied back into the database file off the engine strand.
  p.checkpoint = std::make_unique<storage::BackgroundCheckpoint>(*p.writer_db);
  p.store = std::make_unique<storage::SqliteEventStore>(*p.writer_db);
  p.service = std::make_unique<engine::CommandService>(*p.store, *p.clock, p.calendar, p.settings);
  p.runtime = std::make_unique<engine::Runtime>(server->io_.get_executor(), *p.service);
  p.reads = std::make_unique<ReadPool>(options.db_path, *p.clock, p.calendar, p.settings);
  if (auto loaded = p.directories.reload(*p.service); !loaded) return loaded.error();
  p.hub = std::make_unique<EventHub>(p.directories);

  // Subscribers run on the engine strand after each group commit.
  Parts* parts = &p;
  p.runtime->subscribe([parts](const engine::RecordedEvent& event) {
    if (event.event.type == engine::event_type::directory_loaded) (void)parts->directories.reload(*parts->service);
    parts->hub->publish(event, [parts](const engine::StreamId& task) -> std::optional<std::string> {
      auto view = parts->service->task(task);
      if (!view) return std::nullopt;
      return view->holder();
    });
  });
  p.deadlines = std::make_unique<storage::SqliteDeadlineSource>(*p.writer_db);
  std::ostream* log_to = &log;
  p.timer = std::make_unique<engine::DeadlineTimer>(
      server->io_.get_executor(), *p.runtime, *p.service, *p.clock, *p.deadlines, options.reminders,
      [log_to](const engine::DeadlineTimer::PassReport& report) {
        if (report.error) *log_to << "cvtrack serve: deadline timer: " << report.error->message << std::endl;
      });

  server->context_ = std::make_unique<ServeContext>(ServeContext{server->options_, *p.clock, p.calendar, p.settings,
                                                                 *p.reads, *p.runtime, p.directories, *p.hub,
                                                                 server->stopping_, server->io_.get_executor()});
  server->api_ = std::make_unique<Api>(*server->context_);

  boost::system::error_code ec;
  auto address = asio::ip::make_address(options.bind, ec);
  if (ec) return engine::make_error(engine::ErrorCode::bad_input, "--bind \"" + options.bind + "\" is not an IP address");
  tcp::endpoint endpoint(address, options.port);
  server->acceptor_.emplace(server->io_);
  server->acceptor_->open(endpoint.protocol(), ec);
  if (!ec) server->acceptor_->set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) server->acceptor_->bind(endpoint, ec);
  if (!ec) server->acceptor_->listen(asio::socket_base::max_listen_connections, ec);
  if (ec)
    return engine::make_error(engine::ErrorCode::unavailable, "cannot listen on " + options.bind + ":" +
                                                                  std::to_string(options.port) + ": " + ec.message());
  server->port_ = server->acceptor_->local_endpoint().port();
  return server;
}

void Server::run() {
  parts_->timer->start();
  // The timer records what passes; planning the next report occurrences
  // of recurring duties is tick's: it reads every open periodic task, in
  // batches, so a few times a day is enough.
  const engine::Clock* clock = parts_->clock;
  parts_->runtime->start_ticking(std::chrono::hours(6), [clock] { return engine::vietnam_date(clock->now()); },
                                 *parts_->deadlines);
  accept();
  std::vector<std::thread> threads;
  for (int i = 1; i < options_.threads; ++i) threads.emplace_back([this] { io_.run(); });
  io_.run();
  for (auto& t : threads) t.join();
}

void Server::accept() {
  acceptor_->async_accept(asio::make_strand(io_), [this](boost::system::error_code ec, tcp::socket socket) {
    if (ec) {
      if (ec == asio::error::operation_aborted || stopping_) return;
      log_ << "cvtrack serve: accept: " << ec.message() << std::endl;
    } else if (!stopping_) {
      auto session = std::make_shared<HttpSession>(std::move(socket), *this);
      track(session);
      session->start();
    }
    if (!stopping_) accept();
  });
}

void Server::track(const std::shared_ptr<HttpSession>& session) {
  std::lock_guard lock(sessions_mutex_);
  std::erase_if(sessions_, [](const auto& weak) { return weak.expired(); });
  sessions_.push_back(session);
}

void Server::stop() {
  asio::post(io_, [this] {
    if (stopping_.exchange(true)) return;
    log_ << "cvtrack serve: stopping: finishing requests in flight" << std::endl;
    boost::system::error_code ignored;
    acceptor_->close(ignored);
    parts_->timer->stop();
    parts_->runtime->stop();
    parts_->hub->close_all();
    std::vector<std::shared_ptr<HttpSession>> live;
    {
      std::lock_guard lock(sessions_mutex_);
      for (const auto& weak : sessions_)
        if (auto s = weak.lock()) live.push_back(std::move(s));
    }
    for (const auto& s : live) s->stop();
  });
}

}  // namespace cvtrack::serve
