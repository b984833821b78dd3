// storage/statement_cache.hpp
//
// The prepared statements of one connection, kept for its life. Preparing
// SQL costs more than running it for the one-row statements the write path
// runs (perf: sqlite3_prepare_v2 was ~13% of a command and a third of
// `rebuild`), so each SQL text is prepared once and reused.
//
// A statement is lent as a CachedStatement and reset, its bindings cleared,
// when the loan ends: a statement left mid-step would keep a read open. A
// text already on loan (a nested use) gets a statement of its own, prepared
// for that loan only. Private to storage/; used on the connection's thread.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <memory>
#include <string>
#include <unordered_map>

namespace cvtrack::storage {

class CachedStatement {
 public:
  CachedStatement(SQLite::Statement& statement, bool* on_loan) : statement_(&statement), on_loan_(on_loan) {}
  explicit CachedStatement(std::unique_ptr<SQLite::Statement> own)
      : own_(std::move(own)), statement_(own_.get()), on_loan_(nullptr) {}
  CachedStatement(const CachedStatement&) = delete;
  CachedStatement& operator=(const CachedStatement&) = delete;
  ~CachedStatement();

  SQLite::Statement& operator*() { return *statement_; }
  SQLite::Statement* operator->() { return statement_; }

 private:
  std::unique_ptr<SQLite::Statement> own_;
  SQLite::Statement* statement_;
  bool* on_loan_;  // the cache's flag, cleared when the loan ends; null for our own
};

class StatementCache {
 public:
  explicit StatementCache(SQLite::Database& db) : db_(db) {}
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;

  // The statement for `sql`, ready to bind (reset, no bindings). Throws
  // SQLite::Exception when `sql` does not prepare.
  CachedStatement get(const std::string& sql);

  // Forgets every statement, e.g. before the connection closes.
  void clear() { entries_.clear(); }

 private:
  struct Entry {
    std::unique_ptr<SQLite::Statement> statement;
    bool on_loan = false;
  };
  SQLite::Database& db_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace cvtrack::storage
