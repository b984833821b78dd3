#include "storage/backup.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "engine/command_service.hpp"
#include "storage/log_maintenance.hpp"
#include "storage/sqlite_event_store.hpp"
#include "tests/engine/engine_fixtures.hpp"
#include "tests/storage/temp_database.hpp"

using namespace cvtrack;
using namespace cvtrack::engine;
using cvtrack::test::day;
namespace fs = std::filesystem;

namespace {

// A database file with the sample document registered and one task acked.
struct LiveDatabase {
  test::TempDirectory dir;
  std::string path = dir.file("live.db").string();
  std::unique_ptr<storage::SqliteDatabase> db = storage::SqliteDatabase::open(path).value();
  storage::SqliteEventStore store{*db};
  FixedClock clock{vietnam_noon(day("2021-09-07"))};
  WeekdaysOnly calendar;
  CommandService service{store, clock, calendar};

  LiveDatabase() {
    REQUIRE(service.load_directory(test::sample_bodies(), "sample.json", day("2021-09-07")));
    REQUIRE(service.register_document(test::sample_document(), test::kSampleText, "sample.txt", day("2021-09-07")));
    REQUIRE(service.execute({"T1.1", Acknowledge{}, "ubnd-huyen", day("2021-09-08"), ""}));
  }
  std::string file(const char* name) const { return dir.file(name).string(); }
};

std::vector<std::string> hashes(storage::SqliteDatabase& db) {
  storage::SqliteEventStore store(db);
  auto events = store.read_all();
  REQUIRE(events);
  std::vector<std::string> out;
  for (const auto& e : *events) out.push_back(e.hash);
  return out;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_SUITE("storage/backup") {
  TEST_CASE("a backup is one verified file holding every committed event, nothing beside it") {
    LiveDatabase live;
    auto report = storage::backup_database(*live.db, live.file("copy.db"), false);
    REQUIRE_MESSAGE(report, (report ? "" : report.error().message));
    CHECK(report->events == std::int64_t(hashes(*live.db).size()));
    CHECK(report->pages > 0);
    for (const char* leftover : {"copy.db-wal", "copy.db-journal", "copy.db-shm"})
      CHECK_MESSAGE(!fs::exists(live.file(leftover)), leftover);
    for (const auto& entry : fs::directory_iterator(live.dir.file("")))
      CHECK_MESSAGE(entry.path().filename().string().find(".partial-") == std::string::npos, entry.path().string());

    auto copy = storage::SqliteDatabase::open(live.file("copy.db"));
    REQUIRE(copy);
    auto verified = storage::verify_log(**copy);
    REQUIRE(verified);
    CHECK(verified->ok);
    CHECK(hashes(**copy) == hashes(*live.db));
  }

  TEST_CASE("a backup taken while another connection is mid-write holds the last commit, not the half-done write") {
    LiveDatabase live;
    auto writer_db = storage::SqliteDatabase::open(live.path).value();
    storage::SqliteEventStore writer(*writer_db);
    CommandService writing{writer, live.clock, live.calendar};
    REQUIRE(writer.begin_group());
    REQUIRE(writing.execute({"T1.1", ReportProgress{40, "half way"}, "ubnd-huyen", day("2021-09-09"), ""}));

    auto report = storage::backup_database(*live.db, live.file("copy.db"), false);
    REQUIRE_MESSAGE(report, (report ? "" : report.error().message));
    REQUIRE(writer.commit_group());

    auto copy = storage::SqliteDatabase::open(live.file("copy.db")).value();
    auto all = hashes(*live.db);
    auto copied = hashes(*copy);
    CHECK(copied.size() + 1 == all.size());
    CHECK(std::equal(copied.begin(), copied.end(), all.begin()));
    CHECK(storage::verify_log(*copy)->ok);
  }

  TEST_CASE("an existing file is refused without --force and replaced with it — the database itself never") {
    LiveDatabase live;
    { std::ofstream(live.file("copy.db")) << "yesterday's copy"; }
    auto refused = storage::backup_database(*live.db, live.file("copy.db"), false);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::bad_input);
    CHECK(refused.error().message == live.file("copy.db") + ": already exists; give --force to replace it");
    CHECK(read_text(live.file("copy.db")) == "yesterday's copy");

    REQUIRE(storage::backup_database(*live.db, live.file("copy.db"), true));
    CHECK(storage::verify_log(*storage::SqliteDatabase::open(live.file("copy.db")).value())->ok);

    auto onto_itself = storage::backup_database(*live.db, live.path, true);
    REQUIRE_FALSE(onto_itself);
    CHECK(onto_itself.error().message == live.path + ": that is the database being backed up");
  }

  TEST_CASE("a backup into a directory that does not exist fails naming it and leaves nothing") {
    LiveDatabase live;
    std::string target = live.file("no-such-folder") + "/copy.db";
    auto refused = storage::backup_database(*live.db, target, false);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::not_found);
    CHECK(refused.error().message == target + ": no directory " + live.file("no-such-folder"));
    CHECK_FALSE(fs::exists(live.file("no-such-folder")));
  }
}
