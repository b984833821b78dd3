#include "engine/memory_event_store.hpp"

#include <doctest/doctest.h>

#include "tests/engine/event_store_contract.hpp"

TEST_SUITE("engine/memory_event_store") {
  TEST_CASE("the in-memory store keeps the EventStore contract") {
    cvtrack::test::check_event_store_contract(
        [] { return std::make_unique<cvtrack::engine::MemoryEventStore>(); });
  }
}
