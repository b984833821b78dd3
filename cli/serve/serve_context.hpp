// cli/serve/serve_context.hpp
//
// What the API handlers share, wired once by Server: the options, the
// injected clock and the working-day calendar, the read connections, the
// engine runtime every write goes through, the directory, the event hub.
#pragma once

#include <atomic>

#include <boost/asio/any_io_executor.hpp>

#include "cli/serve/directory_cache.hpp"
#include "cli/serve/event_hub.hpp"
#include "cli/serve/read_pool.hpp"
#include "cli/serve/serve_options.hpp"
#include "engine/clock.hpp"
#include "engine/runtime.hpp"
#include "engine/working_days.hpp"

namespace cvtrack::serve {

struct ServeContext {
  const ServeOptions& options;
  const engine::Clock& clock;
  const engine::WorkingDays& calendar;
  engine::EngineSettings settings;
  ReadPool& reads;
  engine::Runtime& runtime;
  DirectoryCache& directories;
  EventHub& hub;
  std::atomic<bool>& stopping;
  // The server's threads, off the engine strand: where what follows a
  // command's answer but must not hold up the next command runs.
  boost::asio::any_io_executor io;

  // Today in Vietnam, on the injected clock.
  engine::Date today() const { return engine::vietnam_date(clock.now()); }
};

}  // namespace cvtrack::serve
