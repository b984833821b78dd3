#include "storage/sqlite_event_store.hpp"

#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "engine/command_service.hpp"
#include "storage/log_maintenance.hpp"
#include "storage/projection_reader.hpp"
#include "storage/sqlite_impl.hpp"
#include "tests/engine/event_store_contract.hpp"
#include "tests/storage/temp_database.hpp"

using namespace cvtrack;
using namespace cvtrack::engine;
using cvtrack::test::day;

namespace {

// A store that owns its database, so the contract can make fresh ones.
class OwningStore final : public EventStore {
 public:
  explicit OwningStore(const std::string& path)
      : database_(storage::SqliteDatabase::open(path).value()), store_(*database_) {}
  Result<std::vector<RecordedEvent>> append(const std::vector<StreamAppend>& b) override { return store_.append(b); }
  Result<std::vector<RecordedEvent>> read_stream(const StreamId& s) const override { return store_.read_stream(s); }
  Result<std::vector<RecordedEvent>> read_all(std::int64_t after) const override { return store_.read_all(after); }
  Result<StreamHead> stream_head(const StreamId& s) const override { return store_.stream_head(s); }

 private:
  std::unique_ptr<storage::SqliteDatabase> database_;
  storage::SqliteEventStore store_;
};

}  // namespace

TEST_SUITE("storage/sqlite_event_store") {
  TEST_CASE("the SQLite store keeps the EventStore contract, in memory") {
    test::check_event_store_contract([] { return std::make_unique<OwningStore>(":memory:"); });
  }

  TEST_CASE("the SQLite store keeps the EventStore contract, on disk") {
    test::TempDirectory dir;
    int n = 0;
    test::check_event_store_contract(
        [&] { return std::make_unique<OwningStore>(dir.file("log" + std::to_string(++n) + ".db").string()); });
  }

  TEST_CASE("two connections racing on one stream: the second append conflicts and writes nothing") {
    test::TempDirectory dir;
    std::string path = dir.file("race.db").string();
    auto a = storage::SqliteDatabase::open(path);
    auto b = storage::SqliteDatabase::open(path);
    REQUIRE(a);
    REQUIRE(b);
    storage::SqliteEventStore one(**a), two(**b);
    REQUIRE(one.append({{"S1", 0, {test::sample_event("task_assigned")}}}));
    // Both read version 1, both decide; one writes first.
    REQUIRE(one.append({{"S1", 1, {test::sample_event("task_acknowledged")}}}));
    auto lost = two.append({{"S1", 1, {test::sample_event("task_cancelled")}}});
    REQUIRE_FALSE(lost);
    CHECK(lost.error().code == ErrorCode::conflict);
    CHECK(lost.error().message.rfind("S1: changed by someone else meanwhile", 0) == 0);
    CHECK(two.read_all()->size() == 2);
  }

  TEST_CASE("a directory another connection loads is seen by this connection's next command") {
    test::TempDirectory dir;
    std::string path = dir.file("directory.db").string();
    auto a = storage::SqliteDatabase::open(path);
    auto b = storage::SqliteDatabase::open(path);
    REQUIRE(a);
    REQUIRE(b);
    storage::SqliteEventStore one(**a), two(**b);
    FixedClock clock(vietnam_noon(day("2021-09-07")));
    WeekdaysOnly calendar;
    CommandService here(one, clock, calendar), there(two, clock, calendar);
    REQUIRE(here.load_directory(test::sample_bodies(), "sample.json", day("2021-09-07")));
    REQUIRE(here.register_document(test::sample_document(), test::kSampleText, "sample.txt", day("2021-09-07")));
    TaskRequest ack{"T1.2", Acknowledge{}, std::string("phong-moi"), day("2021-09-08"), ""};
    REQUIRE_FALSE(here.execute(ack));  // and `here` keeps the directory it folded
    nlohmann::json bodies = test::sample_bodies().to_json();
    bodies.push_back({{"id", "phong-moi"}, {"name", "Phòng mới"}, {"parent", nullptr}, {"kind", "government-office"}});
    for (auto& body : bodies)
      if (body["id"] == "phong-yte") body["parent"] = "phong-moi";
    REQUIRE(there.load_directory(*BodyRegistry::from_json(bodies), "new.json", day("2021-09-08")));
    CHECK(here.execute(ack));
    // Registrations too: `here` kept the register at D1 and must see D2.
    ParsedDocument second = test::sample_document();
    second.document.number = "13/UBND-VP";
    REQUIRE(there.register_document(second, "b", "b.txt", day("2021-09-08")));
    ParsedDocument third = test::sample_document();
    third.document.number = "14/UBND-VP";
    auto registered = here.register_document(third, "c", "c.txt", day("2021-09-08"));
    REQUIRE(registered);
    CHECK(registered->document == "D3");
  }

  TEST_CASE("the log refuses UPDATE and DELETE") {
    auto db = storage::SqliteDatabase::open(":memory:");
    REQUIRE(db);
    storage::SqliteEventStore store(**db);
    REQUIRE(store.append({{"S1", 0, {test::sample_event("a")}}}));
    auto& raw = (*db)->impl().db;
    CHECK_THROWS_WITH_AS(raw.exec("UPDATE events SET actor = 'x'"), "the event log is append-only", SQLite::Exception);
    CHECK_THROWS_WITH_AS(raw.exec("DELETE FROM events"), "the event log is append-only", SQLite::Exception);
  }

  TEST_CASE("an event the projections cannot read rolls the whole append back") {
    auto db = storage::SqliteDatabase::open(":memory:");
    REQUIRE(db);
    storage::SqliteEventStore store(**db);
    auto r = store.append({{"S1", 0, {test::sample_event("a")}},
                           {"T1.1", 0, {test::sample_event("task_assigned")}}});  // no "spec"
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::internal);
    CHECK(r.error().message.find("projecting appended events") != std::string::npos);
    CHECK(store.read_all()->empty());
  }

  TEST_CASE("in a write group, an append that fails after writing takes back only its own rows") {
    test::TempDirectory dir;
    std::string path = dir.file("group.db").string();
    auto db = storage::SqliteDatabase::open(path);
    REQUIRE(db);
    storage::SqliteEventStore store(**db);
    REQUIRE(store.begin_group());
    REQUIRE(store.append({{"S1", 0, {test::sample_event("a")}}}));
    // S2's event is written, then the projection of T1.1 fails: both go.
    auto failed = store.append({{"S2", 0, {test::sample_event("b")}},
                                {"T1.1", 0, {test::sample_event("task_assigned")}}});  // no "spec"
    REQUIRE_FALSE(failed);
    CHECK(failed.error().code == ErrorCode::internal);
    auto after = store.append({{"S3", 0, {test::sample_event("c")}}});
    REQUIRE(after);
    CHECK(after->front().seq == 2);  // numbered after S1's: nothing of the failed append is left
    REQUIRE(store.commit_group());
    auto other = storage::SqliteDatabase::open(path);
    REQUIRE(other);
    auto log = storage::SqliteEventStore(**other).read_all();
    REQUIRE(log);
    REQUIRE(log->size() == 2);
    CHECK((*log)[0].stream == "S1");
    CHECK((*log)[1].stream == "S3");
    CHECK((*log)[1].prev_hash == (*log)[0].hash);
  }
}
