// storage/sqlite_impl.hpp
//
// Private to storage/: the SQLiteCpp handle behind SqliteDatabase's pimpl,
// and the mapping of SQLite's exceptions onto our error codes. Never
// included outside this folder.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

#include "engine/result.hpp"
#include "storage/sqlite_database.hpp"
#include "storage/statement_cache.hpp"

namespace cvtrack::storage {

struct SqliteDatabase::Impl {
  explicit Impl(const std::string& path) : db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE) {}
  SQLite::Database db;
  // Declared after `db`, so every statement is finalized before it closes.
  StatementCache statements{db};
};

// busy/locked and a full disk -> unavailable; constraint -> conflict; the
// rest -> internal.
// `what` says what we were doing ("appending to the event log").
engine::Error sqlite_error(const SQLite::Exception& e, const std::string& what);

}  // namespace cvtrack::storage
