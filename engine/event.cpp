#include "engine/event.hpp"

#include "engine/sha256.hpp"

namespace cvtrack::engine {

std::string hash_input(const RecordedEvent& e) {
  // A JSON array gives an unambiguous encoding of the fields (no separator
  // can be forged inside a value); dump() sorts object keys, so it is stable.
  nlohmann::json fields = {e.seq,           e.stream,         e.version,
                           e.event.type,    e.event.payload,  e.event.actor,
                           e.event.recorded_at, to_iso(e.event.effective_on), e.prev_hash};
  return fields.dump();
}

std::string compute_hash(const RecordedEvent& event) { return sha256_hex(hash_input(event)); }

}  // namespace cvtrack::engine
