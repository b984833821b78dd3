#include "storage/projection_reader.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "engine/apply.hpp"
#include "engine/task_view_json.hpp"
#include "storage/sqlite_impl.hpp"

namespace cvtrack::storage {

namespace {
std::optional<std::string> text_or_null(const SQLite::Column& c) {
  return c.isNull() ? std::nullopt : std::optional<std::string>(c.getString());
}
}  // namespace

engine::Result<std::vector<engine::TaskView>> ProjectionReader::tasks(const TaskQuery& query) const {
  std::string sql = "SELECT view FROM tasks WHERE 1";
  if (query.holders) {
    sql += " AND holder IN (";
    for (std::size_t i = 0; i < query.holders->size(); ++i) sql += i ? ", ?" : "?";
    sql += ")";
  }
  if (query.document) sql += " AND document_id = ?";
  if (query.overdue_at)
    sql += " AND state NOT IN ('done', 'cancelled') AND (deadline < ? OR EXISTS (SELECT 1 FROM "
           "report_occurrences o WHERE o.task_id = tasks.id AND o.submitted_on IS NULL AND o.due < ?))";
  sql += " ORDER BY id";
  try {
    SQLite::Statement q(database_.impl().db, sql);
    int i = 0;
    if (query.holders)
      for (const auto& h : *query.holders) q.bind(++i, h);
    if (query.document) q.bind(++i, *query.document);
    if (query.overdue_at) {
      q.bind(++i, engine::to_iso(*query.overdue_at));
      q.bind(++i, engine::to_iso(*query.overdue_at));
    }
    std::vector<engine::TaskView> out;
    while (q.executeStep()) {
      auto view = engine::task_view_from_json(nlohmann::json::parse(q.getColumn(0).getString()));
      if (!view) return view.error();
      out.push_back(std::move(*view));
    }
    std::sort(out.begin(), out.end(),
              [](const engine::TaskView& a, const engine::TaskView& b) { return engine::id_less(a.id, b.id); });
    return out;
  } catch (const SQLite::Exception& e) {
    return sqlite_error(e, database_.path() + ": reading tasks");
  } catch (const nlohmann::json::exception& e) {
    return engine::make_error(engine::ErrorCode::internal,
                              database_.path() + ": a tasks row is damaged (" + e.what() + "); run `cvtrack rebuild`");
  }
}

namespace {

// An overdue item's place in the list, before its task is loaded.
struct OverdueKey {
  std::string due;  // ISO: sorts as the date does
  std::string task;
  std::optional<std::string> period;
  bool operator<(const OverdueKey& o) const { return std::tie(due, task, period) < std::tie(o.due, o.task, o.period); }
};

std::string holder_filter(const std::optional<std::vector<std::string>>& holders, const char* column) {
  if (!holders) return "";
  std::string sql = std::string(" AND ") + column + " IN (";
  for (std::size_t i = 0; i < holders->size(); ++i) sql += i ? ", ?" : "?";
  return sql + ")";
}

// The first `count` keys of one source, in list order; `sql` takes the
// holders, then the date, then the count.
void first_keys(SQLite::Database& db, const std::string& sql, const std::optional<std::vector<std::string>>& holders,
                const std::string& as_of, std::size_t count, bool with_period, std::vector<OverdueKey>& out) {
  SQLite::Statement q(db, sql);
  int i = 0;
  if (holders)
    for (const auto& h : *holders) q.bind(++i, h);
  q.bind(++i, as_of);
  q.bind(++i, static_cast<std::int64_t>(count));
  while (q.executeStep()) {
    OverdueKey k{q.getColumn(0).getString(), q.getColumn(1).getString(), std::nullopt};
    if (with_period) k.period = q.getColumn(2).getString();
    out.push_back(std::move(k));
  }
}

}  // namespace

engine::Result<std::vector<engine::OverdueItem>> ProjectionReader::overdue_page(
    const std::optional<std::vector<std::string>>& holders, engine::Date as_of, std::size_t limit,
    std::size_t offset) const {
  std::size_t wanted = offset + limit;
  std::string date = engine::to_iso(as_of);
  try {
    SQLite::Database& db = database_.impl().db;
    std::vector<OverdueKey> keys;
    // Each source in its own ORDER BY ... LIMIT, so SQLite walks a partial
    // index in the list's order and stops; the lists are merged here. For
    // some holders, one walk per holder of open_tasks_by_holder (holder,
    // deadline, id): several holders in one IN would need a sort of all
    // their overdue tasks.
    if (!holders) {
      first_keys(db,
                 "SELECT deadline, id FROM tasks WHERE state NOT IN ('done', 'cancelled') AND deadline < ? "
                 "ORDER BY deadline, id LIMIT ?",
                 std::nullopt, date, wanted, false, keys);
    } else {
      SQLite::Statement q(db,
                          "SELECT deadline, id FROM tasks WHERE state NOT IN ('done', 'cancelled') AND holder = ? "
                          "AND deadline < ? ORDER BY deadline, id LIMIT ?");
      for (const auto& holder : *holders) {
        q.bind(1, holder);
        q.bind(2, date);
        q.bind(3, static_cast<std::int64_t>(wanted));
        while (q.executeStep()) keys.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), std::nullopt});
        q.reset();
      }
    }
    first_keys(db,
               "SELECT o.due, o.task_id, o.period FROM report_occurrences o JOIN tasks t ON t.id = o.task_id "
               "WHERE o.submitted_on IS NULL AND t.state NOT IN ('done', 'cancelled')" +
                   holder_filter(holders, "t.holder") + " AND o.due < ? ORDER BY o.due, o.task_id, o.period LIMIT ?",
               holders, date, wanted, true, keys);
    std::sort(keys.begin(), keys.end());
    if (offset >= keys.size()) return std::vector<engine::OverdueItem>{};
    keys.erase(keys.begin(), keys.begin() + std::ptrdiff_t(offset));
    if (keys.size() > limit) keys.resize(limit);
    // Load only the page's tasks.
    std::map<std::string, engine::TaskView> views;
    SQLite::Statement q(db, "SELECT view FROM tasks WHERE id = ?");
    for (const auto& k : keys) {
      if (views.count(k.task)) continue;
      q.bind(1, k.task);
      if (q.executeStep()) {
        auto view = engine::task_view_from_json(nlohmann::json::parse(q.getColumn(0).getString()));
        if (!view) return view.error();
        views.emplace(k.task, std::move(*view));
      }
      q.reset();
    }
    std::vector<engine::OverdueItem> out;
    for (const auto& k : keys) {
      auto it = views.find(k.task);
      if (it == views.end()) continue;
      const engine::TaskView& t = it->second;
      engine::Date due = *engine::parse_iso_date(k.due);
      out.push_back({t.id, t.holder(), t.document, t.directive, k.period, due, engine::days_between(due, as_of)});
    }
    return out;
  } catch (const SQLite::Exception& e) {
    return sqlite_error(e, database_.path() + ": reading the overdue list");
  } catch (const nlohmann::json::exception& e) {
    return engine::make_error(engine::ErrorCode::internal,
                              database_.path() + ": a tasks row is damaged (" + e.what() + "); run `cvtrack rebuild`");
  }
}

engine::Result<std::size_t> ProjectionReader::overdue_count(const std::optional<std::vector<std::string>>& holders,
                                                           engine::Date as_of) const {
  std::string date = engine::to_iso(as_of);
  auto count = [&](const std::string& sql) {
    SQLite::Statement q(database_.impl().db, sql);
    int i = 0;
    if (holders)
      for (const auto& h : *holders) q.bind(++i, h);
    q.bind(++i, date);
    q.executeStep();
    return std::size_t(q.getColumn(0).getInt64());
  };
  try {
    // Counted in the indexes alone: open_tasks_by_deadline (or by holder)
    // and unsubmitted_reports_by_due, never a task's view.
    return count("SELECT count(*) FROM tasks WHERE state NOT IN ('done', 'cancelled')" +
                 holder_filter(holders, "holder") + " AND deadline < ?") +
           count("SELECT count(*) FROM report_occurrences o JOIN tasks t ON t.id = o.task_id "
                 "WHERE o.submitted_on IS NULL AND t.state NOT IN ('done', 'cancelled')" +
                 holder_filter(holders, "t.holder") + " AND o.due < ?");
  } catch (const SQLite::Exception& e) {
    return sqlite_error(e, database_.path() + ": counting the overdue list");
  }
}

engine::Result<TaskPage> ProjectionReader::task_page(const TaskPageQuery& query, std::size_t limit,
                                                     std::size_t offset) const {
  std::string sql = "SELECT id FROM tasks WHERE 1" + holder_filter(query.holders, "holder");
  if (query.document) sql += " AND document_id = ?";
  if (query.state) sql += " AND state = ?";
  if (query.overdue_at)
    sql += " AND state NOT IN ('done', 'cancelled') AND (deadline < ? OR EXISTS (SELECT 1 FROM "
           "report_occurrences o WHERE o.task_id = tasks.id AND o.submitted_on IS NULL AND o.due < ?))";
  try {
    SQLite::Database& db = database_.impl().db;
    SQLite::Statement q(db, sql);
    int i = 0;
    if (query.holders)
      for (const auto& h : *query.holders) q.bind(++i, h);
    if (query.document) q.bind(++i, *query.document);
    if (query.state) q.bind(++i, *query.state);
    if (query.overdue_at) {
      q.bind(++i, engine::to_iso(*query.overdue_at));
      q.bind(++i, engine::to_iso(*query.overdue_at));
    }
    // Ids only: SQL orders them as text (T1.10 before T1.2), so they are
    // put in task id order here, where a whole list of ids costs little.
    std::vector<std::string> ids;
    while (q.executeStep()) ids.push_back(q.getColumn(0).getString());
    TaskPage page;
    page.total = ids.size();
    if (offset >= ids.size()) return page;
    std::size_t end = std::min(ids.size(), offset + limit);
    std::partial_sort(ids.begin(), ids.begin() + std::ptrdiff_t(end), ids.end(), engine::id_less);
    SQLite::Statement view(db, "SELECT view FROM tasks WHERE id = ?");
    for (std::size_t k = offset; k < end; ++k) {
      view.bind(1, ids[k]);
      if (view.executeStep()) {
        auto task = engine::task_view_from_json(nlohmann::json::parse(view.getColumn(0).getString()));
        if (!task) return task.error();
        page.tasks.push_back(std::move(*task));
      }
      view.reset();
    }
    return page;
  } catch (const SQLite::Exception& e) {
    return sqlite_error(e, database_.path() + ": reading tasks");
  } catch (const nlohmann::json::exception& e) {
    return engine::make_error(engine::ErrorCode::internal,
                              database_.path() + ": a tasks row is damaged (" + e.what() + "); run `cvtrack rebuild`");
  }
}

engine::Result<engine::Stats> ProjectionReader::stats(const std::optional<std::vector<std::string>>& holders,
                                                      engine::Date as_of, engine::Date due_soon_before) const {
  // engine::status_at as SQL: dates are ISO text, so they compare as dates.
  // Done is late when done_on is after the deadline; a task not closed is
  // overdue from the day after its deadline and due soon before
  // `due_soon_before`.
  std::string sql = R"sql(
    SELECT holder, count(*),
      count(*) FILTER (WHERE state NOT IN ('done', 'cancelled') AND deadline >= :as_of),
      count(*) FILTER (WHERE state NOT IN ('done', 'cancelled') AND deadline < :as_of),
      count(*) FILTER (WHERE state = 'done' AND (deadline IS NULL OR done_on IS NULL OR done_on <= deadline)),
      count(*) FILTER (WHERE state = 'done' AND done_on > deadline),
      count(*) FILTER (WHERE state NOT IN ('done', 'cancelled') AND deadline IS NULL),
      count(*) FILTER (WHERE state = 'cancelled'),
      count(*) FILTER (WHERE state NOT IN ('done', 'cancelled') AND deadline >= :as_of AND deadline < :soon)
    FROM tasks WHERE 1)sql";
  if (holders) {
    sql += " AND holder IN (";
    for (std::size_t i = 0; i < holders->size(); ++i) sql += i ? ", :h" + std::to_string(i) : ":h0";
    sql += ")";
  }
  sql += " GROUP BY holder ORDER BY holder";
  try {
    SQLite::Statement q(database_.impl().db, sql);
    q.bind(":as_of", engine::to_iso(as_of));
    q.bind(":soon", engine::to_iso(due_soon_before));
    if (holders)
      for (std::size_t i = 0; i < holders->size(); ++i) q.bind(":h" + std::to_string(i), (*holders)[i]);
    engine::Stats stats;
    auto add = [](engine::CategoryCounts& to, const engine::CategoryCounts& c) {
      to.total += c.total;
      to.in_progress_on_time += c.in_progress_on_time;
      to.in_progress_overdue += c.in_progress_overdue;
      to.done_on_time += c.done_on_time;
      to.done_late += c.done_late;
      to.no_deadline += c.no_deadline;
      to.cancelled += c.cancelled;
      to.due_soon += c.due_soon;
    };
    while (q.executeStep()) {
      engine::CategoryCounts c;
      c.total = q.getColumn(1).getInt();
      c.in_progress_on_time = q.getColumn(2).getInt();
      c.in_progress_overdue = q.getColumn(3).getInt();
      c.done_on_time = q.getColumn(4).getInt();
      c.done_late = q.getColumn(5).getInt();
      c.no_deadline = q.getColumn(6).getInt();
      c.cancelled = q.getColumn(7).getInt();
      c.due_soon = q.getColumn(8).getInt();
      add(stats.total, c);
      stats.by_body[q.getColumn(0).getString()] = c;
    }
    return stats;
  } catch (const SQLite::Exception& e) {
    return sqlite_error(e, database_.path() + ": counting tasks per body");
  }
}

engine::Result<std::vector<std::string>> ProjectionReader::document_ids(const std::vector<std::string>& holders) const {
  try {
    SQLite::Statement q(database_.impl().db,
                        "SELECT DISTINCT document_id FROM tasks WHERE 1" + holder_filter(holders, "holder"));
    int i = 0;
    for (const auto& h : holders) q.bind(++i, h);
    std::vector<std::string> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
  } catch (const SQLite::Exception& e) {
    return sqlite_error(e, database_.path() + ": reading the documents of some bodies");
  }
}

engine::Result<std::vector<DocumentRow>> ProjectionReader::documents() const {
  try {
    SQLite::Statement q(database_.impl().db,
                        "SELECT id, doc_key, source, registered_on, kind, issuer, number, date, subject, task_count "
                        "FROM documents ORDER BY CAST(substr(id, 2) AS INTEGER)");
    std::vector<DocumentRow> out;
    while (q.executeStep()) {
      DocumentRow r;
      r.id = q.getColumn(0).getString();
      r.key = q.getColumn(1).getString();
      r.source = q.getColumn(2).getString();
      r.registered_on = q.getColumn(3).getString();
      r.kind = text_or_null(q.getColumn(4));
      r.issuer = text_or_null(q.getColumn(5));
      r.number = text_or_null(q.getColumn(6));
      r.date = text_or_null(q.getColumn(7));
      r.subject = text_or_null(q.getColumn(8));
      r.task_count = q.getColumn(9).getInt();
      out.push_back(std::move(r));
    }
    return out;
  } catch (const SQLite::Exception& e) {
    return sqlite_error(e, database_.path() + ": reading documents");
  }
}

engine::Result<std::vector<std::string>> ProjectionReader::directive_paths(const std::string& document) const {
  try {
    SQLite::Statement q(database_.impl().db, "SELECT path FROM directives WHERE document_id = ? ORDER BY ordinal");
    q.bind(1, document);
    std::vector<std::string> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
  } catch (const SQLite::Exception& e) {
    return sqlite_error(e, database_.path() + ": reading directives");
  }
}

engine::Result<std::vector<engine::Body>> ProjectionReader::bodies() const {
  try {
    SQLite::Statement q(database_.impl().db, "SELECT id, name, parent, kind FROM bodies ORDER BY rowid");
    std::vector<engine::Body> out;
    while (q.executeStep())
      out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), text_or_null(q.getColumn(2)),
                     q.getColumn(3).getString()});
    return out;
  } catch (const SQLite::Exception& e) {
    return sqlite_error(e, database_.path() + ": reading bodies");
  }
}

engine::Result<std::optional<engine::Date>> ProjectionReader::latest_effective_on() const {
  try {
    SQLite::Statement q(database_.impl().db, "SELECT MAX(effective_on) FROM events");
    q.executeStep();
    if (q.getColumn(0).isNull()) return std::optional<engine::Date>{};
    return engine::parse_iso_date(q.getColumn(0).getString());
  } catch (const SQLite::Exception& e) {
    return sqlite_error(e, database_.path() + ": reading the event log");
  }
}

}  // namespace cvtrack::storage
