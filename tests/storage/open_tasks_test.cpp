// Open tasks in the projection (storage/schema.hpp v7): `is_open` follows
// the task's state (0 once done or cancelled), the partial indexes of open
// tasks select by it, so a state change that leaves a task open (ack,
// progress) does not rewrite them, and a schema 6 database gets the same
// rows by migration.
#include <doctest/doctest.h>

#include <set>

#include "tests/storage/sample_site.hpp"
#include "tests/storage/temp_database.hpp"

using namespace cvtrack;
using namespace cvtrack::engine;

namespace {

// The ids in an open-task index, read through it (INDEXED BY fails when the
// index cannot answer the query).
std::set<std::string> open_ids(SQLite::Database& db, const char* index) {
  SQLite::Statement q(db, std::string("SELECT id FROM tasks INDEXED BY ") + index + " WHERE is_open = 1");
  std::set<std::string> out;
  while (q.executeStep()) out.insert(q.getColumn(0).getString());
  return out;
}

std::set<std::string> ids_where(SQLite::Database& db, const char* condition) {
  SQLite::Statement q(db, std::string("SELECT id FROM tasks WHERE ") + condition);
  std::set<std::string> out;
  while (q.executeStep()) out.insert(q.getColumn(0).getString());
  return out;
}

// The root pages of the B-trees an UPDATE opens for writing: the table and
// every index SQLite maintains for it.
std::set<int> written_btrees(SQLite::Database& db, const std::string& update) {
  SQLite::Statement q(db, "EXPLAIN " + update);
  std::set<int> out;
  while (q.executeStep())
    if (q.getColumn("opcode").getString() == "OpenWrite") out.insert(q.getColumn("p2").getInt());
  return out;
}

int root_page(SQLite::Database& db, const char* index) {
  SQLite::Statement q(db, "SELECT rootpage FROM sqlite_schema WHERE name = ?");
  q.bind(1, index);
  REQUIRE(q.executeStep());
  return q.getColumn(0).getInt();
}

struct SiteFile {
  test::TempDirectory dir;
  std::string path = dir.file("cvtrack.db").string();
};
struct Site : SiteFile, test::SampleSite {
  Site() : test::SampleSite(path) {}
};

}  // namespace

TEST_SUITE("storage/open_tasks") {
  TEST_CASE("issue 6: is_open follows the state — the open-task indexes hold exactly the open tasks") {
    test::SampleSite s;
    auto all = ids_where(s.raw(), "1");
    REQUIRE(all.size() >= 3);
    CHECK(ids_where(s.raw(), "is_open = 1") == all);

    s.run("T1.2", Acknowledge{}, "2021-09-08", "phong-yte");
    s.run("T1.2", ReportProgress{40, "đang làm"}, "2021-09-09", "phong-yte");
    CHECK(ids_where(s.raw(), "is_open = 1") == all);

    s.run("T1.4", CancelTask{"trùng nhiệm vụ"}, "2021-09-10");
    s.run("T1.2", ClaimCompletion{"xong"}, "2021-09-20", "phong-yte");
    CHECK(ids_where(s.raw(), "is_open = 0") == std::set<std::string>{"T1.4"});  // a claim awaiting approval is open
    s.run("T1.2", Approve{}, "2021-09-21");
    CHECK(ids_where(s.raw(), "is_open = 0") == std::set<std::string>{"T1.2", "T1.4"});
    CHECK(ids_where(s.raw(), "is_open = 0") == ids_where(s.raw(), "state IN ('done', 'cancelled')"));
    for (const char* index : {"open_tasks_by_deadline", "open_tasks_by_holder"}) {
      INFO(index);
      CHECK(open_ids(s.raw(), index) == ids_where(s.raw(), "is_open = 1"));
    }
    s.check_projections();
  }

  TEST_CASE("issue 6: a state change that leaves a task open rewrites no open-task index — closing it does") {
    test::SampleSite s;
    SQLite::Database& db = s.raw();
    std::set<int> open_indexes{root_page(db, "open_tasks_by_deadline"), root_page(db, "open_tasks_by_holder")};
    // What the projection sets for an ack or a progress report
    // (storage/row_cells: only the columns that changed).
    auto ack = written_btrees(db, "UPDATE tasks SET state = ?, progress = ?, last_change_on = ?, version = ?, view = ? "
                                  "WHERE id = ?");
    for (int page : open_indexes) CHECK(ack.count(page) == 0);
    // The table, the primary key's index (opened to find the row by id, its
    // entry unchanged) and the one index that holds the state (schema 9),
    // where the entry stays in place: nothing else.
    CHECK(ack == std::set<int>{root_page(db, "tasks"), root_page(db, "sqlite_autoindex_tasks_1"),
                               root_page(db, "tasks_in_id_order")});
    auto close = written_btrees(db, "UPDATE tasks SET state = ?, is_open = ?, done_on = ?, version = ?, view = ? "
                                    "WHERE id = ?");
    for (int page : open_indexes) CHECK(close.count(page) == 1);
  }

  TEST_CASE("issue 6: a schema 6 database gets is_open and the open-task indexes by migration") {
    Site s;
    s.run("T1.4", CancelTask{"trùng nhiệm vụ"}, "2021-09-10");
    s.run("T1.2", Acknowledge{}, "2021-09-08", "phong-yte");
    auto open = ids_where(s.raw(), "is_open = 1");
    auto by_deadline = open_ids(s.raw(), "open_tasks_by_deadline");
    auto by_holder = open_ids(s.raw(), "open_tasks_by_holder");
    REQUIRE(open.size() + 1 == ids_where(s.raw(), "1").size());

    // Back to schema 6: the indexes as v4 made them, the column dropped.
    s.raw().exec(test::kBackToSchema6);
    auto reopened = storage::SqliteDatabase::open(s.path);
    REQUIRE(reopened);
    CHECK((*reopened)->schema_version() == storage::SqliteDatabase::kSchemaVersion);
    SQLite::Database& raw = (*reopened)->impl().db;
    CHECK(ids_where(raw, "is_open = 1") == open);
    CHECK(open_ids(raw, "open_tasks_by_deadline") == by_deadline);
    CHECK(open_ids(raw, "open_tasks_by_holder") == by_holder);
    auto check = storage::verify_log(**reopened);
    REQUIRE(check);
    CHECK(check->ok);
  }

  TEST_CASE("issue 6: a schema 8 database gets one holder index, with the status columns, by migration") {
    Site s;
    s.run("T1.4", CancelTask{"trùng nhiệm vụ"}, "2021-09-10");
    s.run("T1.2", Acknowledge{}, "2021-09-08", "phong-yte");
    s.raw().exec(test::kBackToSchema8);
    auto reopened = storage::SqliteDatabase::open(s.path);
    REQUIRE(reopened);
    CHECK((*reopened)->schema_version() == storage::SqliteDatabase::kSchemaVersion);
    SQLite::Database& raw = (*reopened)->impl().db;
    CHECK(raw.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name = 'tasks_by_holder'").getInt() == 0);
    std::vector<std::string> columns;
    SQLite::Statement info(raw, "PRAGMA index_info(tasks_in_id_order)");
    while (info.executeStep()) columns.push_back(info.getColumn("name").isNull() ? "(expr)" : info.getColumn("name").getString());
    CHECK(columns == std::vector<std::string>{"holder", "(expr)", "id", "state", "deadline", "done_on"});
    // Every task is in it, with the state its row holds.
    CHECK(raw.execAndGet("SELECT count(*) FROM tasks INDEXED BY tasks_in_id_order WHERE holder IS NOT NULL AND state = 'cancelled'").getInt() == 1);
    auto check = storage::verify_log(**reopened);
    REQUIRE(check);
    CHECK(check->ok);
  }
}
