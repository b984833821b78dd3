// tests/engine/event_contents.hpp
//
// What each event of a store's log says, by stream and version, without
// where it landed in the log (seq, hashes): two runs that append the same
// events in another order (a tick in passes, a tick by replay) agree on it.
#pragma once

#include <map>
#include <string>
#include <tuple>
#include <utility>

#include <doctest/doctest.h>

#include "engine/event_store.hpp"

namespace cvtrack::test {

using EventContent = std::tuple<std::string, std::string, std::string, std::string, std::string>;

inline std::map<std::pair<engine::StreamId, int>, EventContent> event_contents(const engine::EventStore& store) {
  auto log = store.read_all();
  REQUIRE(log);
  std::map<std::pair<engine::StreamId, int>, EventContent> out;
  for (const auto& e : *log)
    out[{e.stream, e.version}] = {e.event.type, e.event.payload.dump(), e.event.actor, e.event.recorded_at,
                                  engine::to_iso(e.event.effective_on)};
  return out;
}

}  // namespace cvtrack::test
