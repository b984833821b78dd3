#include "storage/backup.hpp"

#include <SQLiteCpp/Backup.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <thread>

#include "storage/log_maintenance.hpp"
#include "storage/sqlite_impl.hpp"

namespace cvtrack::storage {

namespace {

namespace fs = std::filesystem;

engine::Error error(engine::ErrorCode code, std::string message) {
  return engine::make_error(code, std::move(message));
}

// The temporary copy and whatever SQLite may have put beside it.
void remove_partial(const fs::path& partial) {
  std::error_code ignored;
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(partial.string() + suffix, ignored);
}

// fsync a file, or a directory so that a rename in it is durable.
engine::Status sync(const fs::path& path, bool directory) {
  int fd = ::open(path.c_str(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
  if (fd < 0) return error(engine::ErrorCode::unavailable, path.string() + ": " + std::strerror(errno));
  int rc = ::fsync(fd);
  int saved = errno;
  ::close(fd);
  if (rc != 0) return error(engine::ErrorCode::unavailable, path.string() + ": syncing: " + std::strerror(saved));
  return engine::Ok{};
}

// Every page in one step: the copy is one snapshot of the source. A step
// refused because another connection of this process is mid-write (BUSY,
// LOCKED) is tried again; other processes' writers never block it (WAL).
engine::Result<int> copy_pages(SQLite::Database& source, const fs::path& partial) {
  constexpr int kAttempts = 200;  // 50 ms apart: ten seconds
  SQLite::Database copy(partial.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  SQLite::Backup backup(copy, source);
  for (int attempt = 1;; ++attempt) {
    int rc = backup.executeStep(-1);
    if (rc == SQLITE_DONE) return backup.getTotalPageCount();
    if (attempt == kAttempts)
      return error(engine::ErrorCode::unavailable, "the source database stayed busy for ten seconds; try again");
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

// The copy as one self-contained file: a rollback journal, not WAL, so it
// can be moved or mailed alone. cvtrack turns WAL back on when it opens it.
void make_single_file(const fs::path& partial) {
  SQLite::Database copy(partial.string(), SQLite::OPEN_READWRITE);
  copy.exec("PRAGMA journal_mode = DELETE");
}

engine::Result<BackupReport> write_verified_copy(SqliteDatabase& source, const fs::path& partial,
                                                 const std::string& target) {
  BackupReport report;
  report.target = target;
  auto pages = copy_pages(source.impl().db, partial);
  if (!pages) return pages.error();
  report.pages = *pages;
  {
    auto copy = SqliteDatabase::open(partial.string());
    if (!copy) return copy.error();
    auto verified = verify_log(**copy);
    if (!verified) return verified.error();
    if (!verified->ok)
      return error(engine::ErrorCode::internal, "the copy does not verify: " + verified->problem);
    report.events = verified->events;
  }
  make_single_file(partial);
  if (auto synced = sync(partial, false); !synced) return synced.error();
  return report;
}

}  // namespace

engine::Result<BackupReport> backup_database(SqliteDatabase& source, const std::string& target, bool overwrite) {
  const fs::path to(target);
  std::error_code ec;
  if (fs::exists(to, ec)) {
    if (fs::equivalent(to, source.path(), ec))
      return error(engine::ErrorCode::bad_input, target + ": that is the database being backed up");
    if (fs::is_directory(to, ec))
      return error(engine::ErrorCode::bad_input, target + ": is a directory; give the backup's file name");
    if (!overwrite) return error(engine::ErrorCode::bad_input, target + ": already exists; give --force to replace it");
  }
  fs::path directory = to.parent_path().empty() ? fs::path(".") : to.parent_path();
  if (!fs::is_directory(directory, ec))
    return error(engine::ErrorCode::not_found, target + ": no directory " + directory.string());

  // Same directory as the target, so the final rename cannot cross file
  // systems; the process id keeps two backups at once apart.
  fs::path partial = directory / (to.filename().string() + ".partial-" + std::to_string(::getpid()));
  remove_partial(partial);
  try {
    auto report = write_verified_copy(source, partial, target);
    if (!report) {
      remove_partial(partial);
      return error(report.error().code, target + ": " + report.error().message);
    }
    fs::rename(partial, to);
    if (auto synced = sync(directory, true); !synced) return synced.error();
    return report;
  } catch (const SQLite::Exception& e) {
    remove_partial(partial);
    return sqlite_error(e, target + ": writing the backup");
  } catch (const fs::filesystem_error& e) {
    remove_partial(partial);
    return error(engine::ErrorCode::unavailable, target + ": " + e.what());
  }
}

}  // namespace cvtrack::storage
