// tests/engine/engine_harness.hpp
//
// A CommandService over the in-memory store, with the sample directory
// loaded and the sample document registered on 2021-09-07 (so T1.1 is UBND
// huyện's lead task due 2021-09-30, T1.2 Phòng Y tế's, T1.3 the monthly
// report, T1.4 xã A's continuous duty, T1.5 an unresolved body's).
#pragma once

#include <optional>
#include <string>

#include "engine/clock.hpp"
#include "engine/command_service.hpp"
#include "engine/memory_event_store.hpp"
#include "tests/engine/engine_fixtures.hpp"

namespace cvtrack::test {

struct EngineHarness {
  engine::MemoryEventStore store;
  engine::FixedClock clock{engine::vietnam_noon(day("2021-09-07"))};
  engine::WeekdaysOnly calendar;
  engine::CommandService service{store, clock, calendar};

  explicit EngineHarness(bool register_sample = true) {
    (void)service.load_directory(sample_bodies(), "sample.json", day("2021-09-07"));
    if (register_sample)
      (void)service.register_document(sample_document(), kSampleText, "sample.txt", day("2021-09-07"));
  }

  engine::Result<std::vector<engine::RecordedEvent>> run(
      const std::string& task, engine::TaskCommand command, std::optional<std::string> as = std::nullopt,
      const char* today = "2021-09-10") {
    return service.execute({task, std::move(command), std::move(as), day(today), ""});
  }

  engine::TaskView task(const std::string& id) { return *service.task(id); }
};

}  // namespace cvtrack::test
