#include "storage/sqlite_database.hpp"

#include <doctest/doctest.h>

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
}
