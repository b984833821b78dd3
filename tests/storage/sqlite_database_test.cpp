#include "storage/sqlite_database.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

using namespace cvtrack::storage;

TEST_SUITE("storage/sqlite_database") {
  TEST_CASE("a new database is migrated to the newest schema") {
    auto db = SqliteDatabase::open(":memory:");
    REQUIRE(db);
    CHECK((*db)->schema_version() == SqliteDatabase::kSchemaVersion);
  }

  TEST_CASE("a path that cannot be opened is an error naming the path") {
    auto db = SqliteDatabase::open("/nonexistent-dir/x.db");
    REQUIRE_FALSE(db);
    CHECK(db.error().message.find("/nonexistent-dir/x.db") != std::string::npos);
  }

  // ctest runs each case in a process of its own, so this open is the
  // process's first use of SQLite, as `cvtrack serve`'s is.
  TEST_CASE("opening a database turns off SQLite's process-wide memory statistics") {
    auto db = SqliteDatabase::open(":memory:");
    REQUIRE(db);
    // With statistics on, the connection and its migrated schema hold
    // hundreds of kilobytes by SQLite's count; off, nothing is counted.
    CHECK(sqlite3_memory_used() == 0);
    CHECK(sqlite3_memory_highwater(0) == 0);
  }
}
