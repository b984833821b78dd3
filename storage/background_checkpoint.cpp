#include "storage/background_checkpoint.hpp"

#include <sqlite3.h>

#include <limits>

#include "storage/sqlite_impl.hpp"

namespace cvtrack::storage {

namespace {

// kHardLimitFactor thresholds; a threshold too large to multiply has none.
int hard_limit_for(int threshold_pages) {
  constexpr int kMost = std::numeric_limits<int>::max();
  return threshold_pages > kMost / BackgroundCheckpoint::kHardLimitFactor
             ? kMost
             : threshold_pages * BackgroundCheckpoint::kHardLimitFactor;
}

}  // namespace

BackgroundCheckpoint::BackgroundCheckpoint(SqliteDatabase& writer, int threshold_pages)
    : writer_(writer), threshold_(threshold_pages), hard_limit_(hard_limit_for(threshold_pages)) {
  thread_ = std::thread([this, path = writer.path()] { run(path); });
  // Replaces the hook that runs the automatic checkpoint: from here on the
  // writer never checkpoints inside a commit.
  sqlite3_wal_hook(writer_.impl().db.getHandle(), &BackgroundCheckpoint::on_commit, this);
}

BackgroundCheckpoint::~BackgroundCheckpoint() {
  sqlite3_wal_autocheckpoint(writer_.impl().db.getHandle(), kAutocheckpointPages);
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

int BackgroundCheckpoint::on_commit(void* self, sqlite3* db, const char*, int log_pages) {
  auto* me = static_cast<BackgroundCheckpoint*>(self);
  if (log_pages >= me->hard_limit_) {
    // See kHardLimitFactor. PASSIVE: it waits for no reader; SQLITE_BUSY
    // (the thread's checkpoint is running) leaves it to the next commit.
    int log = 0, copied = 0;
    sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, &log, &copied);
    return SQLITE_OK;
  }
  if (log_pages >= me->threshold_) {
    {
      std::lock_guard lock(me->mutex_);
      me->due_ = true;
    }
    me->wake_.notify_one();
  }
  return SQLITE_OK;
}

void BackgroundCheckpoint::run(std::string path) {
  sqlite3* db = nullptr;
  // Its own connection: a checkpoint must not share the writer's.
  // A connection knows the database is in WAL mode only once it has read
  // it: before that a checkpoint does nothing (and says so with -1).
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK ||
      sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    db = nullptr;  // nothing checkpoints until the writer closes; the log only grows meanwhile
  }
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return due_ || stopping_; });
      if (stopping_) break;
      due_ = false;
    }
    int log_pages = 0, copied = 0;
    // SQLITE_BUSY (another checkpoint running) or an I/O error: the log
    // stays the record and the next commit past the threshold tries again.
    if (db && sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, &log_pages, &copied) == SQLITE_OK &&
        copied > 0)
      ++checkpoints_;
  }
  sqlite3_close(db);
}

}  // namespace cvtrack::storage
