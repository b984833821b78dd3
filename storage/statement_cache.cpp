#include "storage/statement_cache.hpp"

namespace cvtrack::storage {

CachedStatement::~CachedStatement() {
  // Never throws (a destructor): tryReset reports a failed step's code
  // again, which the caller has already seen as an exception.
  (void)statement_->tryReset();
  try {
    statement_->clearBindings();
  } catch (const SQLite::Exception&) {
    // sqlite3_clear_bindings always succeeds; nothing to do.
  }
  if (on_loan_) *on_loan_ = false;
}

CachedStatement StatementCache::get(const std::string& sql) {
  auto it = entries_.find(sql);
  if (it == entries_.end()) {
    Entry entry{std::make_unique<SQLite::Statement>(db_, sql), false};
    it = entries_.emplace(sql, std::move(entry)).first;
  }
  Entry& entry = it->second;
  if (entry.on_loan) return CachedStatement(std::make_unique<SQLite::Statement>(db_, sql));
  entry.on_loan = true;
  return CachedStatement(*entry.statement, &entry.on_loan);
}

}  // namespace cvtrack::storage
