// Group commit: the engine Runtime runs the commands waiting for it as one
// group of the SQLite store — a savepoint each, one COMMIT for all — and
// answers only once the group is durable.
#include <doctest/doctest.h>

#include <boost/asio/io_context.hpp>

#include "engine/command_service.hpp"
#include "engine/runtime.hpp"
#include "storage/sqlite_event_store.hpp"
#include "tests/engine/event_store_contract.hpp"
#include "tests/storage/temp_database.hpp"

using namespace cvtrack;
using namespace cvtrack::engine;

namespace {

Runtime::Work append_to(const std::string& stream, int expected_version) {
  return [stream, expected_version](CommandService& service) {
    return service.store().append({{stream, expected_version, {test::sample_event("task_assigned")}}});
  };
}

}  // namespace

TEST_SUITE("storage/group_commit") {
  TEST_CASE("commands waiting together commit as one group — a refused one fails alone — answers come after COMMIT") {
    test::TempDirectory dir;
    std::string path = dir.file("group.db").string();
    auto writer = storage::SqliteDatabase::open(path);
    auto observer = storage::SqliteDatabase::open(path);
    REQUIRE(writer);
    REQUIRE(observer);
    storage::SqliteEventStore store(**writer), other_connection(**observer);
    FixedClock clock(vietnam_noon(test::day("2026-03-02")));
    WeekdaysOnly calendar;
    CommandService service(store, clock, calendar);
    boost::asio::io_context io;
    Runtime runtime(io.get_executor(), service);
    std::vector<std::string> published;
    runtime.subscribe([&](const RecordedEvent& e) { published.push_back(e.stream); });

    // Five commands arrive before the engine gets to them. The second reads
    // what the first wrote in the same group; the third expects a version
    // S1 does not have and is refused.
    std::vector<std::optional<bool>> outcome(5);
    std::vector<std::size_t> visible_to_others(5, 0);
    auto done = [&](int i) {
      return [&, i](const Result<std::vector<RecordedEvent>>& r) {
        outcome[i] = bool(r);
        // Answered only after COMMIT: another connection already sees it.
        visible_to_others[i] = other_connection.read_all()->size();
      };
    };
    runtime.post(append_to("S1", 0), done(0));
    runtime.post(append_to("S1", 1), done(1));
    runtime.post(append_to("S1", 0), done(2));
    runtime.post(append_to("S2", 0), done(3));
    runtime.post(append_to("S3", 0), done(4));
    io.run();

    CHECK(runtime.group_stats().groups == 1);
    CHECK(runtime.group_stats().commands == 5);
    CHECK(outcome == std::vector<std::optional<bool>>{true, true, false, true, true});
    auto log = other_connection.read_all();
    REQUIRE(log);
    CHECK(log->size() == 4);
    for (int i = 0; i < 5; ++i) CHECK(visible_to_others[i] == 4);
    CHECK(published == std::vector<std::string>{"S1", "S1", "S2", "S3"});
    // The chain is whole: seq 1..4, each linked to the one before.
    for (std::size_t i = 0; i < log->size(); ++i) {
      CHECK((*log)[i].seq == std::int64_t(i + 1));
      CHECK((*log)[i].hash == compute_hash((*log)[i]));
      if (i > 0) CHECK((*log)[i].prev_hash == (*log)[i - 1].hash);
    }
  }

  TEST_CASE("a command alone is its own group, and the store outside a group commits each append at once") {
    test::TempDirectory dir;
    auto db = storage::SqliteDatabase::open(dir.file("alone.db").string());
    REQUIRE(db);
    storage::SqliteEventStore store(**db);
    REQUIRE(store.append({{"S1", 0, {test::sample_event("task_assigned")}}}));
    CHECK_FALSE(store.commit_group());  // no group open: refused, not ignored
    REQUIRE(store.begin_group());
    CHECK_FALSE(store.begin_group());   // no nesting
    REQUIRE(store.append({{"S1", 1, {test::sample_event("task_acknowledged")}}}));
    store.abandon_group();
    auto log = store.read_all();
    REQUIRE(log);
    CHECK(log->size() == 1);  // the abandoned group left nothing
    REQUIRE(store.append({{"S1", 1, {test::sample_event("task_acknowledged")}}}));
    CHECK(store.read_all()->size() == 2);
  }

  TEST_CASE("a directory loaded in an abandoned group is forgotten by the next command") {
    test::TempDirectory dir;
    auto db = storage::SqliteDatabase::open(dir.file("abandoned.db").string());
    REQUIRE(db);
    storage::SqliteEventStore store(**db);
    FixedClock clock(vietnam_noon(test::day("2021-09-07")));
    WeekdaysOnly calendar;
    CommandService service(store, clock, calendar);
    REQUIRE(service.load_directory(test::sample_bodies(), "sample.json", test::day("2021-09-07")));
    REQUIRE(service.register_document(test::sample_document(), test::kSampleText, "sample.txt", test::day("2021-09-07")));
    nlohmann::json bodies = test::sample_bodies().to_json();
    bodies.push_back({{"id", "phong-moi"}, {"name", "Phòng mới"}, {"parent", nullptr}, {"kind", "government-office"}});
    TaskRequest ack{"T1.2", Acknowledge{}, std::string("phong-moi"), test::day("2021-09-08"), ""};
    for (auto& body : bodies)
      if (body["id"] == "phong-yte") body["parent"] = "phong-moi";
    REQUIRE(store.begin_group());
    REQUIRE(service.load_directory(*BodyRegistry::from_json(bodies), "new.json", test::day("2021-09-08")));
    REQUIRE(service.execute(ack));  // the group sees its own directory
    store.abandon_group();
    auto refused = service.execute(ack);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.find("--as names unknown body \"phong-moi\"") != std::string::npos);
  }
}
