#include "engine/runtime.hpp"

#include <doctest/doctest.h>

#include <boost/asio/io_context.hpp>

#include "tests/engine/engine_harness.hpp"

using namespace cvtrack::engine;
using cvtrack::test::day;
using cvtrack::test::EngineHarness;

TEST_SUITE("engine/runtime") {
  TEST_CASE("posted commands run on the strand and subscribers get what was recorded, in order") {
    EngineHarness h;
    boost::asio::io_context io;
    Runtime runtime(io.get_executor(), h.service);
    std::vector<std::string> seen;
    runtime.subscribe([&](const RecordedEvent& e) { seen.push_back(e.stream + " " + e.event.type); });
    int done = 0;
    runtime.post([](CommandService& s) {
      return s.execute({"T1.1", Acknowledge{}, std::nullopt, day("2021-09-08"), ""});
    }, [&](const auto& r) { done += r.ok(); });
    runtime.post([](CommandService& s) {
      return s.execute({"T1.1", Approve{""}, std::nullopt, day("2021-09-08"), ""});
    }, [&](const auto& r) { done += r.ok(); });
    io.run();
    CHECK(done == 1);
    CHECK(seen == std::vector<std::string>{"T1.1 task_acknowledged"});
  }

  TEST_CASE("run_once drives one command to completion") {
    EngineHarness h;
    auto r = run_once(h.service, [](CommandService& s) { return s.tick(day("2021-09-08")); });
    CHECK(r);
  }
}
