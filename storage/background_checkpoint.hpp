// storage/background_checkpoint.hpp
//
// Copies the write-ahead log back into the database file from a thread and
// a connection of its own. By itself SQLite does it (wal_autocheckpoint)
// inside the commit that takes the log past 1,000 pages: in `cvtrack serve`
// that commit runs on the engine strand, which then waits for the database
// file's writes and fsync while every command behind it waits too (perf at
// 64 clients: 7% of serve's CPU, and the wait). While this object lives the
// writer only notes the log's size after each commit (sqlite3_wal_hook) and
// wakes the thread once it passes the threshold; the thread runs a PASSIVE
// checkpoint, which never blocks the writer or a reader and copies only what
// is committed. Crash safety is SQLite's own: the log stays the record until
// its pages are in the database file.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "storage/sqlite_database.hpp"

struct sqlite3;  // sqlite3.h, kept out of the header

namespace cvtrack::storage {

class BackgroundCheckpoint {
 public:
  // SQLite's own threshold (SQLITE_DEFAULT_WAL_AUTOCHECKPOINT): the default
  // here, and the writer's again once this object is gone.
  static constexpr int kAutocheckpointPages = 1000;
  // The log's hard limit, in thresholds. SQLite starts the log over only at
  // a write that finds all of it copied, and a background checkpoint copies
  // what was there when it began: under commits that never pause (serve at
  // 64 clients, the start-up catch-up) the writer has always committed more
  // by then, and the log grew without bound (1.1 GB during the 1M
  // province's catch-up). Past the limit the writer checkpoints once itself,
  // between two commits: it copies the little the thread has not reached,
  // nothing is committed meanwhile, and the next write starts the log over.
  static constexpr int kHardLimitFactor = 8;

  // `writer` must outlive this object and must not be in use while it is
  // constructed or destroyed (the hook is installed and removed there).
  explicit BackgroundCheckpoint(SqliteDatabase& writer, int threshold_pages = kAutocheckpointPages);
  // Gives the checkpoints back to the writer (its autocheckpoint restored)
  // and stops the thread.
  ~BackgroundCheckpoint();
  BackgroundCheckpoint(const BackgroundCheckpoint&) = delete;
  BackgroundCheckpoint& operator=(const BackgroundCheckpoint&) = delete;

  // Checkpoints run that copied pages into the database file.
  std::uint64_t checkpoints() const { return checkpoints_; }
  // The log's size past which the writer checkpoints itself.
  int hard_limit_pages() const { return hard_limit_; }

 private:
  static int on_commit(void* self, ::sqlite3* db, const char* name, int log_pages);
  void run(std::string path);

  SqliteDatabase& writer_;
  const int threshold_;
  const int hard_limit_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool due_ = false;       // guarded by mutex_
  bool stopping_ = false;  // guarded by mutex_
  std::atomic<std::uint64_t> checkpoints_{0};
  std::thread thread_;
};

}  // namespace cvtrack::storage
