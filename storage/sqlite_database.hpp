// storage/sqlite_database.hpp
//
// Opens (creating if needed) cvtrack's SQLite database with the settings every
// connection needs: WAL, a busy timeout, foreign keys, synchronous=FULL, and
// the schema migrated to the newest version. SQLiteCpp stays behind the pimpl
// so other folders never see it.
#pragma once

#include <memory>
#include <string>

#include "engine/result.hpp"

namespace cvtrack::storage {

class SqliteDatabase {
 public:
  // The schema version this build writes (PRAGMA user_version).
  static constexpr int kSchemaVersion = 9;

  static engine::Result<std::unique_ptr<SqliteDatabase>> open(const std::string& path);
  ~SqliteDatabase();
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;

  int schema_version() const;
  const std::string& path() const { return path_; }

  struct Impl;
  Impl& impl() { return *impl_; }

 private:
  SqliteDatabase(std::string path, std::unique_ptr<Impl> impl);
  std::string path_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cvtrack::storage
