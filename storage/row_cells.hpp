// storage/row_cells.hpp
//
// A projection row as values, column by column, so a row can be compared
// with what it was and only the columns that changed written back. An
// UPDATE in SQLite rewrites every index holding a column it sets (or whose
// WHERE reads one); rewriting a task's whole row touched all seven indexes
// of `tasks` on every command, ~12 pages a commit where an `ack` changes
// three. Private to storage/.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "storage/statement_cache.hpp"

namespace cvtrack::storage {

// NULL, an integer or text: what the projection tables hold.
using Cell = std::variant<std::monostate, std::int64_t, std::string>;
using Cells = std::vector<Cell>;

inline Cell text_or_null(const std::optional<std::string>& text) { return text ? Cell(*text) : Cell(); }

void bind_cell(SQLite::Statement& statement, int index, const Cell& cell);

// "INSERT OR REPLACE INTO table (c1, ...) VALUES (?, ...)", made once per table.
std::string insert_sql(const char* table, std::span<const char* const> columns);

// Runs `sql` (from insert_sql) with `cells` in column order.
void insert_row(StatementCache& statements, const std::string& sql, const Cells& cells);

// Sets, in the row whose first `keys` columns equal `after`'s, each other
// column whose cell differs between `before` and `after`. Returns the rows
// changed: 0 when no row has the key, or when nothing differs (no
// statement is run then).
int update_changed(StatementCache& statements, const char* table, std::span<const char* const> columns,
                   std::size_t keys, const Cells& before, const Cells& after);

}  // namespace cvtrack::storage
