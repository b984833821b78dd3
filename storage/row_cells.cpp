#include "storage/row_cells.hpp"

namespace cvtrack::storage {

void bind_cell(SQLite::Statement& statement, int index, const Cell& cell) {
  if (const auto* number = std::get_if<std::int64_t>(&cell))
    statement.bind(index, *number);
  else if (const auto* text = std::get_if<std::string>(&cell))
    statement.bind(index, *text);
  else
    statement.bind(index);  // NULL
}

std::string insert_sql(const char* table, std::span<const char* const> columns) {
  std::string names, marks;
  for (const char* column : columns) {
    if (!names.empty()) {
      names += ", ";
      marks += ", ";
    }
    names += column;
    marks += '?';
  }
  return std::string("INSERT OR REPLACE INTO ") + table + " (" + names + ") VALUES (" + marks + ")";
}

void insert_row(StatementCache& statements, const std::string& sql, const Cells& cells) {
  auto cached = statements.get(sql);
  for (std::size_t i = 0; i < cells.size(); ++i) bind_cell(*cached, int(i) + 1, cells[i]);
  cached->exec();
}

int update_changed(StatementCache& statements, const char* table, std::span<const char* const> columns,
                   std::size_t keys, const Cells& before, const Cells& after) {
  std::vector<std::size_t> changed;
  for (std::size_t i = keys; i < columns.size(); ++i)
    if (before[i] != after[i]) changed.push_back(i);
  if (changed.empty()) return 0;
  // One statement text per set of changed columns; commands change few
  // sets (ack: state; progress: progress, state), so the cache stays small.
  std::string sql = std::string("UPDATE ") + table + " SET ";
  for (std::size_t n = 0; n < changed.size(); ++n) sql += std::string(n ? ", " : "") + columns[changed[n]] + " = ?";
  sql += " WHERE ";
  for (std::size_t k = 0; k < keys; ++k) sql += std::string(k ? " AND " : "") + columns[k] + " = ?";
  auto cached = statements.get(sql);
  int index = 0;
  for (std::size_t i : changed) bind_cell(*cached, ++index, after[i]);
  for (std::size_t k = 0; k < keys; ++k) bind_cell(*cached, ++index, after[k]);
  return cached->exec();
}

}  // namespace cvtrack::storage
