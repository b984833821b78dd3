#include "engine/event.hpp"

#include "engine/json_text.hpp"
#include "engine/sha256.hpp"

namespace cvtrack::engine {

namespace {

// One element of the array, written as dump() writes it (escapes
// included), without copying the text into a json value first. Text that
// is not UTF-8 goes through nlohmann, which refuses it as it always has.
void append_string(std::string& out, const std::string& text) {
  if (!append_json_string(out, text)) out += nlohmann::json(text).dump();
}

}  // namespace

std::string hash_input(const RecordedEvent& e, std::string_view payload_json) {
  // A JSON array gives an unambiguous encoding of the fields (no separator
  // can be forged inside a value); dump() sorts object keys, so the payload
  // text is stable. Byte for byte what dumping the array itself gives
  // (tests/engine/event_hash_test.cpp holds both to a recorded digest).
  std::string out;
  out.reserve(payload_json.size() + e.stream.size() + e.event.type.size() + e.event.actor.size() + 160);
  out += '[';
  out += std::to_string(e.seq);
  out += ',';
  append_string(out, e.stream);
  out += ',';
  out += std::to_string(e.version);
  out += ',';
  append_string(out, e.event.type);
  out += ',';
  out += payload_json;
  out += ',';
  append_string(out, e.event.actor);
  out += ',';
  append_string(out, e.event.recorded_at);
  out += ',';
  append_string(out, to_iso(e.event.effective_on));
  out += ',';
  append_string(out, e.prev_hash);
  out += ']';
  return out;
}

std::string hash_input(const RecordedEvent& e) { return hash_input(e, e.event.payload.dump()); }

std::string compute_hash(const RecordedEvent& event) { return sha256_hex(hash_input(event)); }

std::string compute_hash(const RecordedEvent& event, std::string_view payload_json) {
  return sha256_hex(hash_input(event, payload_json));
}

}  // namespace cvtrack::engine
