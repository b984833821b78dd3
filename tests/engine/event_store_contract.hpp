// tests/engine/event_store_contract.hpp
//
// What every EventStore must do, run against the in-memory store here and
// the SQLite store in tests/storage, so the fake provably behaves like the
// real thing. Call from a TEST_CASE with a function making an empty store.
#pragma once

#include <doctest/doctest.h>

#include <functional>
#include <memory>

#include "engine/event_store.hpp"
#include "tests/engine/engine_fixtures.hpp"

namespace cvtrack::test {

inline engine::NewEvent sample_event(const char* type, int n = 0) {
  return engine::NewEvent{type, {{"n", n}, {"text", "Sông Hinh"}}, "ubnd-huyen", "2026-11-22T07:00:00Z",
                          day("2021-09-07")};
}

inline void check_event_store_contract(const std::function<std::unique_ptr<engine::EventStore>()>& make) {
  using namespace engine;
  SUBCASE("appends number events globally and per stream, chained by hash") {
    auto store = make();
    auto first = store->append({{"S1", 0, {sample_event("a", 1), sample_event("b", 2)}},
                                {"S2", 0, {sample_event("c", 3)}}});
    REQUIRE(first);
    REQUIRE(first->size() == 3);
    CHECK((*first)[0].seq == 1);
    CHECK((*first)[2].seq == 3);
    CHECK((*first)[1].version == 2);
    CHECK((*first)[2].version == 1);
    CHECK((*first)[0].prev_hash == kGenesisHash);
    CHECK((*first)[1].prev_hash == (*first)[0].hash);
    CHECK((*first)[2].hash == compute_hash((*first)[2]));
    auto stream = store->read_stream("S1");
    REQUIRE(stream);
    REQUIRE(stream->size() == 2);
    CHECK((*stream)[1].event.type == "b");
    CHECK((*stream)[1].event.payload == nlohmann::json{{"n", 2}, {"text", "Sông Hinh"}});
    CHECK((*stream)[1].event.effective_on == day("2021-09-07"));
    CHECK((*stream)[1].event.actor == "ubnd-huyen");
    CHECK((*stream)[1].hash == (*first)[1].hash);
  }

  SUBCASE("a stale expected version is a conflict naming the stream, and nothing of the batch is written") {
    auto store = make();
    REQUIRE(store->append({{"S1", 0, {sample_event("a")}}}));
    auto stale = store->append({{"S2", 0, {sample_event("x")}}, {"S1", 0, {sample_event("b")}}});
    REQUIRE_FALSE(stale);
    CHECK(stale.error().code == ErrorCode::conflict);
    CHECK(stale.error().message ==
          "S1: changed by someone else meanwhile (expected version 0, found 1); nothing was written, try again");
    CHECK(store->read_all()->size() == 1);
    CHECK(store->read_stream("S2")->empty());
  }

  SUBCASE("two writers that read the same version: the second loses") {
    auto store = make();
    REQUIRE(store->append({{"S1", 0, {sample_event("assigned")}}}));
    REQUIRE(store->append({{"S1", 1, {sample_event("acknowledged by one")}}}));
    auto second = store->append({{"S1", 1, {sample_event("acknowledged by two")}}});
    REQUIRE_FALSE(second);
    CHECK(second.error().code == ErrorCode::conflict);
  }

  SUBCASE("read_all returns events after a sequence number, in order") {
    auto store = make();
    REQUIRE(store->append({{"A", 0, {sample_event("1"), sample_event("2")}}}));
    REQUIRE(store->append({{"B", 0, {sample_event("3")}}}));
    auto after = store->read_all(1);
    REQUIRE(after);
    REQUIRE(after->size() == 2);
    CHECK((*after)[0].seq == 2);
    CHECK((*after)[1].stream == "B");
    CHECK((*after)[1].prev_hash == (*after)[0].hash);
  }

  SUBCASE("an unknown stream reads as empty") {
    auto store = make();
    auto none = store->read_stream("S404");
    REQUIRE(none);
    CHECK(none->empty());
    CHECK(*store->stream_head("S404") == StreamHead{});
  }

  SUBCASE("a stream's head is the version and hash of its newest event") {
    auto store = make();
    REQUIRE(store->append({{"S1", 0, {sample_event("a"), sample_event("b")}}}));
    auto later = store->append({{"S2", 0, {sample_event("c")}}, {"S1", 2, {sample_event("d")}}});
    REQUIRE(later);
    CHECK(*store->stream_head("S1") == StreamHead{3, (*later)[1].hash});
    CHECK(*store->stream_head("S2") == StreamHead{1, (*later)[0].hash});
  }
}

}  // namespace cvtrack::test
