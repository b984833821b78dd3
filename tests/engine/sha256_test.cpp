#include "engine/sha256.hpp"

#include <doctest/doctest.h>

#include <string>

using cvtrack::engine::sha256_hex;

TEST_SUITE("engine/sha256") {
  TEST_CASE("digests match the FIPS 180-4 examples") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  }

  TEST_CASE("a million 'a' crosses many blocks") {
    CHECK(sha256_hex(std::string(1000000, 'a')) ==
          "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  }

  TEST_CASE("messages of 55, 56 and 64 bytes pad into the right number of blocks") {
    // Digests from Python's hashlib; 55/56 are the one-or-two-block edge.
    CHECK(sha256_hex(std::string(55, 'x')) == "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072");
    CHECK(sha256_hex(std::string(56, 'x')) == "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e");
    CHECK(sha256_hex(std::string(64, 'x')) == "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c");
  }

  TEST_CASE("UTF-8 text is hashed as its bytes") {
    CHECK(sha256_hex("Sông Hinh") == "67781e2306317e1e398cd08561247fe32ef6bd40000d9aad6ad00499fd73f05a");
  }
}
