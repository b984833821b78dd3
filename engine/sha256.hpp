// engine/sha256.hpp
//
// SHA-256 (FIPS 180-4), written here rather than taken from OpenSSL because
// the project's dependencies are fixed and the event log's hash chain and the
// document text key only need a digest of short strings. SQLite's own sha3
// lives in the shell, not the library, so it is not available to us either.
#pragma once

#include <string>
#include <string_view>

namespace cvtrack::engine {

// The digest of `data` as 64 lowercase hex digits.
std::string sha256_hex(std::string_view data);

}  // namespace cvtrack::engine
