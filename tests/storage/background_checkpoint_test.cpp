// `cvtrack serve`'s writer does not checkpoint inside its commits (on the
// engine strand): BackgroundCheckpoint copies the log into the database file
// from its own thread once the log passes its threshold, and gives the
// checkpoints back to the writer when it goes. Who checkpoints shows in the
// log's size: a log nobody checkpoints only grows.
#include "storage/background_checkpoint.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "storage/sqlite_impl.hpp"
#include "tests/storage/temp_database.hpp"

using namespace cvtrack::storage;

namespace {

constexpr std::uintmax_t kPage = 4096;

// Frames in the log now, from a connection of its own; the PASSIVE
// checkpoint this runs copies what it can, which is what the count is after.
int log_frames(const std::string& path) {
  SQLite::Database other(path, SQLite::OPEN_READWRITE);
  SQLite::Statement q(other, "PRAGMA wal_checkpoint(PASSIVE)");
  REQUIRE(q.executeStep());
  return q.getColumn(1).getInt();
}

// A writer on a new database with one table the tests fill a page a row.
struct BulkDatabase {
  cvtrack::test::TempDirectory dir;
  std::string path = dir.file("cvtrack.db").string();
  std::unique_ptr<SqliteDatabase> writer = SqliteDatabase::open(path).value();
  BulkDatabase() { db().exec("CREATE TABLE bulk (x BLOB)"); }
  SQLite::Database& db() { return writer->impl().db; }
};

void write_pages(SQLite::Database& db, int commits) {
  for (int i = 0; i < commits; ++i) db.exec("INSERT INTO bulk VALUES (randomblob(3000))");
}

}  // namespace

TEST_SUITE("storage/background_checkpoint") {
  TEST_CASE("issue 6: while it lives the writer never checkpoints — once it goes, the writer does again") {
    BulkDatabase bulk;
    {
      // A threshold the log never reaches: nobody checkpoints.
      BackgroundCheckpoint checkpoint(*bulk.writer, 1 << 30);
      write_pages(bulk.db(), 1500);  // ~1,500 pages, past SQLite's own 1,000
      CHECK(std::filesystem::file_size(bulk.path + "-wal") > 1400 * kPage);
      CHECK(checkpoint.checkpoints() == 0);
    }
    // The writer's autocheckpoint is back: the log restarts, so the frames
    // in it after 1,500 more pages stay near the 1,000 that trigger it.
    write_pages(bulk.db(), 1500);
    CHECK(log_frames(bulk.path) < 1200);
    SQLite::Database reader(bulk.path, SQLite::OPEN_READONLY);
    CHECK(reader.execAndGet("SELECT count(*) FROM bulk").getInt() == 3000);
  }

  TEST_CASE("issue 6: past the threshold the log is checkpointed from the background thread, nothing lost") {
    BulkDatabase bulk;
    BackgroundCheckpoint checkpoint(*bulk.writer, 50);
    write_pages(bulk.db(), 400);
    // Waits for the thread, not for a speed: up to 20 s on a loaded machine.
    for (int i = 0; i < 2000 && checkpoint.checkpoints() == 0; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    CHECK(checkpoint.checkpoints() > 0);
    SQLite::Database reader(bulk.path, SQLite::OPEN_READONLY);
    CHECK(reader.execAndGet("SELECT count(*) FROM bulk").getInt() == 400);
  }

  TEST_CASE("issue 6: under commits that never pause, the log still starts over: its file stays bounded") {
    // SQLite starts the log over only at a write that finds all of it copied;
    // a background checkpoint copies what was there when it began, and the
    // writer has committed more by then. Without the writer's own checkpoint
    // past the hard limit the log grew by every commit (1.1 GB during the 1M
    // province's catch-up in serve).
    BulkDatabase bulk;
    BackgroundCheckpoint checkpoint(*bulk.writer, 20);
    write_pages(bulk.db(), 3000);
    int limit = checkpoint.hard_limit_pages();
    CHECK(limit == 20 * BackgroundCheckpoint::kHardLimitFactor);
    // The log's file keeps the size of its longest run (SQLite overwrites it
    // from the start): a restart every ~limit pages keeps it near the limit,
    // where 3,000 commits without one leave ~3,000 pages.
    CHECK(std::filesystem::file_size(bulk.path + "-wal") < std::uintmax_t(2 * limit) * (kPage + 24));
    SQLite::Database reader(bulk.path, SQLite::OPEN_READONLY);
    CHECK(reader.execAndGet("SELECT count(*) FROM bulk").getInt() == 3000);
  }
}
