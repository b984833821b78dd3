#include "engine/event.hpp"

#include <doctest/doctest.h>

#include <string>

#include "engine/sha256.hpp"
#include "tests/engine/engine_fixtures.hpp"

using namespace cvtrack::engine;
using nlohmann::json;

namespace {

// How the hash input was first built (and so what every existing log was
// hashed with): the fields in a json array, dumped. Kept here as the
// reference the faster encoding must equal byte for byte.
std::string array_encoding(const RecordedEvent& e) {
  json fields = {e.seq,           e.stream,         e.version,
                 e.event.type,    e.event.payload,  e.event.actor,
                 e.event.recorded_at, to_iso(e.event.effective_on), e.prev_hash};
  return fields.dump();
}

RecordedEvent event_with(json payload) {
  RecordedEvent e;
  e.seq = 4711;
  e.stream = "T12.3.1";
  e.version = 7;
  e.event = NewEvent{"progress_reported", std::move(payload), "ubnd-xa-ea-ba", "2026-11-22T07:50:59Z",
                     cvtrack::test::day("2026-01-05")};
  e.prev_hash = std::string(64, 'a');
  return e;
}

}  // namespace

TEST_SUITE("engine/event") {
  TEST_CASE("the hash input is the json array encoding, byte for byte, whatever the payload holds") {
    const json payloads[] = {
        json::object(),
        json(nullptr),
        {{"percent", 50}, {"note", "Đã triển khai đến các thôn"}},
        // Keys out of order, nesting, arrays, negative and large numbers.
        {{"z", {{"b", 1}, {"a", json::array({1, -2, "x"})}}}, {"a", 9007199254740993LL}, {"m", false}},
        // What escaping must agree on: quotes, backslashes, control characters.
        {{"note", "a \"quoted\" \\ back\nslash\t\x01 end"}},
    };
    for (const auto& payload : payloads) {
      RecordedEvent e = event_with(payload);
      CAPTURE(payload.dump());
      CHECK(hash_input(e) == array_encoding(e));
      CHECK(hash_input(e, payload.dump()) == array_encoding(e));
      CHECK(compute_hash(e, payload.dump()) == sha256_hex(array_encoding(e)));
    }
    // The other fields are escaped as strings too.
    RecordedEvent odd = event_with(json::object());
    odd.stream = "T\"1";
    odd.event.actor = "Sông \\ Hinh";
    CHECK(hash_input(odd) == array_encoding(odd));
    for (int c = 1; c < 0x20; ++c) odd.event.recorded_at += char(c);
    odd.event.recorded_at += "\x7f 😀";
    CHECK(hash_input(odd) == array_encoding(odd));
    // Text that is not UTF-8 is refused, as it always was.
    odd.event.actor = "ubnd-\xff";
    CHECK_THROWS_AS((void)hash_input(odd), json::type_error);
  }

  TEST_CASE("an event's hash is the one logs were written with") {
    // Recorded from the array encoding when the faster one replaced it (and
    // the same from Python's json.dumps(sort_keys, no spaces) + hashlib): an
    // existing database verifies only while this digest stays the same.
    RecordedEvent e = event_with({{"percent", 50}, {"note", "Đã triển khai đến các thôn"}});
    CHECK(compute_hash(e) == "6eeafabaf06318c8556fdc5160263039e3490aea1f23cb6312776a23d7f1c06d");
    CHECK(compute_hash(e, e.event.payload.dump()) == compute_hash(e));
  }
}
