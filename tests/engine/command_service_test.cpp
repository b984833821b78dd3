#include "engine/command_service.hpp"

#include <doctest/doctest.h>

#include "engine/apply.hpp"
#include "engine/event_types.hpp"
#include "engine/task_decide.hpp"
#include "tests/engine/engine_harness.hpp"

using namespace cvtrack::engine;
using cvtrack::test::day;
using cvtrack::test::EngineHarness;
using cvtrack::test::sample_document;

namespace {

// LevelDB's ErrorEnv idea: a store whose appends fail once armed, as a full
// disk or a busy database would.
class FailingEventStore final : public EventStore {
 public:
  explicit FailingEventStore(EventStore& inner) : inner_(inner) {}
  bool fail = false;
  Result<std::vector<RecordedEvent>> append(const std::vector<StreamAppend>& batches) override {
    if (fail) return make_error(ErrorCode::unavailable, "disk full");
    return inner_.append(batches);
  }
  Result<std::vector<RecordedEvent>> read_stream(const StreamId& s) const override { return inner_.read_stream(s); }
  Result<std::vector<RecordedEvent>> read_all(std::int64_t after) const override { return inner_.read_all(after); }

 private:
  EventStore& inner_;
};

// A store that keeps tasks, as one with projections does: it offers the
// fold of a task's stream, marked so that its use shows, and counts the
// reads of the task's events and what each append is handed.
class KeepingEventStore final : public EventStore {
 public:
  explicit KeepingEventStore(EventStore& inner) : inner_(inner) {}
  bool keep = true;
  mutable int task_reads = 0;
  mutable int kept_reads = 0;
  std::vector<StreamAppend> appended;
  Result<std::vector<RecordedEvent>> append(const std::vector<StreamAppend>& batches) override {
    appended = batches;
    return inner_.append(batches);
  }
  Result<std::vector<RecordedEvent>> read_stream(const StreamId& s) const override {
    if (is_task_stream(s)) ++task_reads;
    return inner_.read_stream(s);
  }
  Result<std::vector<RecordedEvent>> read_all(std::int64_t after) const override { return inner_.read_all(after); }
  Result<StreamHead> stream_head(const StreamId& s) const override { return inner_.stream_head(s); }
  Result<std::optional<KeptTask>> kept_task(const StreamId& s) const override {
    ++kept_reads;
    if (!keep || !is_task_stream(s)) return std::optional<KeptTask>();
    auto events = inner_.read_stream(s);
    if (!events || events->empty()) return std::optional<KeptTask>();
    KeptTask kept{fold_task(*events), {events->back().version, events->back().hash}};
    kept.task.note = "kept";
    return std::optional<KeptTask>(std::move(kept));
  }

 private:
  EventStore& inner_;
};

}  // namespace

TEST_SUITE("engine/command_service") {
  TEST_CASE("registering a document creates its tasks, one stream each, in one append") {
    EngineHarness h(false);
    std::size_t before = h.store.size();
    auto r = h.service.register_document(sample_document(), cvtrack::test::kSampleText, "sample.txt", day("2021-09-07"));
    REQUIRE(r);
    CHECK(r->document == "D1");
    CHECK(r->tasks == std::vector<std::string>{"T1.1", "T1.2", "T1.3", "T1.4", "T1.5"});
    CHECK_FALSE(r->already_registered);
    DocumentView doc = *h.service.document("D1");
    CHECK(doc.key == "UBND huyện Mẫu|12/UBND-VP|2021-09-06");
    CHECK(doc.directives.size() == 3);
    TaskView lead = h.task("T1.1");
    CHECK(lead.spec.role == TaskRole::lead);
    CHECK(lead.deadline == day("2021-09-30"));
    CHECK(lead.directive == "1");
    CHECK(lead.assigned_on == day("2021-09-07"));
    // register entry + document + 5 tasks + the monthly report's first occurrence (due 20/9).
    CHECK(h.store.size() - before == 8);
    CHECK(h.task("T1.3").occurrences.size() == 1);
    CHECK(h.task("T1.3").occurrences.at("2021-09").due == day("2021-09-20"));
  }

  TEST_CASE("registering the same document twice changes nothing and says so") {
    EngineHarness h;
    std::size_t before = h.store.size();
    auto again = h.service.register_document(sample_document(), "other text, same number",
                                             "copy.txt", day("2021-09-08"));
    REQUIRE(again);
    CHECK(again->already_registered);
    CHECK(again->document == "D1");
    CHECK(h.store.size() == before);
  }

  TEST_CASE("a document without a number is the same document when its text is the same") {
    EngineHarness h(false);
    ParsedDocument doc = sample_document();
    doc.document.number.reset();
    REQUIRE(h.service.register_document(doc, "văn bản A", "a.txt", day("2021-09-07")));
    auto same = h.service.register_document(doc, "văn bản A", "a-copy.txt", day("2021-09-07"));
    REQUIRE(same);
    CHECK(same->already_registered);
    auto other = h.service.register_document(doc, "văn bản B", "b.txt", day("2021-09-07"));
    REQUIRE(other);
    CHECK_FALSE(other->already_registered);
    CHECK(other->document == "D2");
    CHECK(other->tasks.front() == "T2.1");
  }

  TEST_CASE("several documents register in one append, all or none") {
    EngineHarness h(false);
    ParsedDocument second = sample_document();
    second.document.number = "13/UBND-VP";
    ParsedDocument future = sample_document();
    future.document.number = "14/UBND-VP";
    future.document.date = day("2021-12-01");
    std::size_t before = h.store.size();
    auto refused = h.service.register_documents({{sample_document(), "a", "a.txt"}, {future, "c", "c.txt"}},
                                                day("2021-09-07"));
    REQUIRE_FALSE(refused);
    CHECK(h.store.size() == before);
    auto both = h.service.register_documents(
        {{sample_document(), "a", "a.txt"}, {second, "b", "b.txt"}, {sample_document(), "a", "a-again.txt"}},
        day("2021-09-07"));
    REQUIRE(both);
    REQUIRE(both->size() == 3);
    CHECK((*both)[0].document == "D1");
    CHECK((*both)[1].document == "D2");
    CHECK((*both)[1].tasks.front() == "T2.1");
    CHECK((*both)[2].already_registered);
    CHECK((*both)[2].document == "D1");
    CHECK(h.store.read_stream("register")->size() == 2);
  }

  TEST_CASE("a document dated after the registration date is refused, naming the file") {
    EngineHarness h(false);
    std::size_t before = h.store.size();
    auto r = h.service.register_document(sample_document(), "x", "cv-12.txt", day("2021-09-01"));
    REQUIRE_FALSE(r);
    CHECK(r.error().message == "cv-12.txt: the document is dated 2021-09-06, after the registration date 2021-09-01");
    CHECK(h.store.size() == before);
  }

  TEST_CASE("a report is submitted against its occurrence, late when after its due date") {
    EngineHarness h;
    REQUIRE(h.run("T1.3", Acknowledge{}, "phong-yte"));
    auto on_time = h.run("T1.3", SubmitReport{std::nullopt, "báo cáo tháng 9"}, "phong-yte", "2021-09-20");
    REQUIRE(on_time);
    CHECK(on_time->front().event.payload["period"] == "2021-09");
    CHECK(on_time->front().event.payload["late"] == false);
    auto twice = h.run("T1.3", SubmitReport{std::string("2021-09"), ""}, "phong-yte", "2021-09-21");
    REQUIRE_FALSE(twice);
    CHECK(twice.error().message ==
          "T1.3: cannot report: the report for 2021-09 was already submitted on 2021-09-20");
    auto unknown = h.run("T1.3", SubmitReport{std::string("2021-13"), ""}, "phong-yte", "2021-09-21");
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().code == ErrorCode::not_found);
    REQUIRE(h.service.tick(day("2021-10-01")));
    auto late = h.run("T1.3", SubmitReport{std::string("2021-10"), "tháng 10"}, "phong-yte", "2021-10-22");
    REQUIRE(late);
    CHECK(late->front().event.payload["late"] == true);
  }

  TEST_CASE("tick plans occurrences up to the horizon, marks what passed, and twice records nothing new") {
    EngineHarness h;
    auto first = h.service.tick(day("2021-10-25"));
    REQUIRE(first);
    std::map<std::string, int> types;
    for (const auto& e : *first) ++types[e.event.type];
    CHECK(types[event_type::occurrence_scheduled] == 2);  // 2021-10 and 2021-11 (horizon 25/11)
    CHECK(types[event_type::occurrence_overdue] == 2);    // 2021-09 (20/9) and 2021-10 (20/10)
    CHECK(types[event_type::task_overdue] == 2);          // T1.1 and T1.2, due 30/9
    auto second = h.service.tick(day("2021-10-25"));
    REQUIRE(second);
    CHECK(second->empty());
    // An extended deadline can pass again, and is marked again.
    REQUIRE(h.run("T1.1", ExtendDeadline{day("2021-10-29"), "chờ số liệu"}, std::nullopt, "2021-10-25"));
    auto reminder = h.service.tick(day("2021-10-26"));
    REQUIRE(reminder);
    REQUIRE(reminder->size() == 1);
    CHECK(reminder->front().event.type == event_type::deadline_reminder);
    CHECK(reminder->front().event.payload["working_days_left"] == 3);
    auto passed = h.service.tick(day("2021-11-01"));
    REQUIRE(passed);
    REQUIRE(passed->size() == 1);
    CHECK(passed->front().stream == "T1.1");
    CHECK(passed->front().event.type == event_type::task_overdue);
  }

  TEST_CASE("a snapshot at an earlier date shows the state as it stood then") {
    EngineHarness h;
    REQUIRE(h.run("T1.1", Acknowledge{}, std::nullopt, "2021-09-10"));
    REQUIRE(h.run("T1.1", ClaimCompletion{"xong"}, std::nullopt, "2021-09-20"));
    auto then = h.service.snapshot(day("2021-09-15"));
    REQUIRE(then);
    CHECK(then->tasks.at("T1.1").state == TaskState::acknowledged);
    auto now = h.service.snapshot();
    CHECK(now->tasks.at("T1.1").state == TaskState::submitted);
    CHECK(now->documents.at("D1").tasks.size() == 5);
    CHECK(now->bodies.find("ubnd-xa-a"));
  }

  TEST_CASE("two services on one store: the one that decided on a stale read gets a conflict") {
    EngineHarness h;
    TaskView stale = h.task("T1.1");
    REQUIRE(h.run("T1.1", Acknowledge{}));
    TaskRequest request{"T1.1", CancelTask{"trùng"}, std::nullopt, day("2021-09-10"), ""};
    auto decision = decide(stale, request, cvtrack::test::sample_bodies());
    REQUIRE(decision);
    std::size_t before = h.store.size();
    auto written = h.store.append(*decision);
    REQUIRE_FALSE(written);
    CHECK(written.error().code == ErrorCode::conflict);
    CHECK(h.store.size() == before);
  }

  TEST_CASE("a precondition is asked about the very task the command is decided on, after an unknown task") {
    EngineHarness h;
    std::vector<TaskView> asked;
    auto refuse = [&](const TaskView& t) -> Status {
      asked.push_back(t);
      return make_error(ErrorCode::forbidden, t.id + ": not yours");
    };
    auto allow = [&](const TaskView& t) -> Status {
      asked.push_back(t);
      return Ok{};
    };
    auto progress = [](const char* task) {
      return TaskRequest{task, ReportProgress{50, ""}, std::string("phong-yte"), day("2021-09-10"), ""};
    };
    REQUIRE(h.run("T1.2", Acknowledge{}, "phong-yte"));
    std::size_t before = h.store.size();

    // Refused: its error, nothing written, `after` untouched.
    TaskView after;
    auto refused = h.service.execute(progress("T1.2"), &after, refuse);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::forbidden);
    CHECK(refused.error().message == "T1.2: not yours");
    CHECK(h.store.size() == before);
    CHECK_FALSE(after.exists());
    REQUIRE(asked.size() == 1);
    CHECK(asked[0].version == h.task("T1.2").version);
    CHECK(asked[0].state == TaskState::acknowledged);

    // A task that does not exist, or a stream that is no task's, is
    // not_found as task() says it, before the precondition is asked.
    for (const char* id : {"T1.99", "D1", "directory"}) {
      CAPTURE(id);
      auto unknown = h.service.execute(progress(id), nullptr, refuse);
      REQUIRE_FALSE(unknown);
      CHECK(unknown.error().code == ErrorCode::not_found);
      CHECK(unknown.error().message == std::string(id) + ": no such task");
    }
    CHECK(asked.size() == 1);
    CHECK(h.store.size() == before);

    // Allowed: decided and written as without a precondition.
    auto written = h.service.execute(progress("T1.2"), &after, allow);
    REQUIRE(written);
    CHECK(written->size() == 1);
    CHECK(after.state == TaskState::in_progress);
    REQUIRE(asked.size() == 2);
    CHECK(asked[1].state == TaskState::acknowledged);

    // Another service's command lands first: the precondition sees it, as
    // the command is decided on it (refused here by decide: cancelled).
    CommandService other(h.store, h.clock, h.calendar);
    REQUIRE(other.execute({"T1.2", CancelTask{"trùng"}, std::nullopt, day("2021-09-10"), ""}));
    auto late = h.service.execute(progress("T1.2"), nullptr, allow);
    REQUIRE_FALSE(late);
    REQUIRE(asked.size() == 3);
    CHECK(asked[2].state == TaskState::cancelled);
    CHECK(asked[2].version == h.task("T1.2").version);
  }

  TEST_CASE("a command after the directory changes is decided with the new directory") {
    EngineHarness h;
    // The first command keeps the directory it folded.
    auto unknown = h.run("T1.2", Acknowledge{}, "phong-moi");
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().message.find("--as names unknown body \"phong-moi\"") != std::string::npos);
    // Phòng Y tế now sits under a new office, which may act for it.
    nlohmann::json bodies = cvtrack::test::sample_bodies().to_json();
    bodies.push_back({{"id", "phong-moi"}, {"name", "Phòng mới"}, {"parent", "ubnd-huyen"}, {"kind", "government-office"}});
    for (auto& b : bodies)
      if (b["id"] == "phong-yte") b["parent"] = "phong-moi";
    REQUIRE(h.service.load_directory(*BodyRegistry::from_json(bodies), "new.json", day("2021-09-08")));
    REQUIRE(h.run("T1.2", Acknowledge{}, "phong-moi"));
    CHECK(h.service.bodies()->find("phong-moi"));
    // And back: the office is gone again.
    REQUIRE(h.service.load_directory(cvtrack::test::sample_bodies(), "sample.json", day("2021-09-09")));
    auto gone = h.run("T1.2", ReportProgress{50, ""}, "phong-moi");
    REQUIRE_FALSE(gone);
    CHECK(gone.error().message.find("--as names unknown body \"phong-moi\"") != std::string::npos);
  }

  TEST_CASE("a directory another service loads is seen by this service's next command") {
    EngineHarness h;
    CommandService other(h.store, h.clock, h.calendar);
    REQUIRE_FALSE(h.run("T1.2", Acknowledge{}, "phong-moi"));
    nlohmann::json bodies = cvtrack::test::sample_bodies().to_json();
    bodies.push_back({{"id", "phong-moi"}, {"name", "Phòng mới"}, {"parent", nullptr}, {"kind", "government-office"}});
    for (auto& b : bodies)
      if (b["id"] == "phong-yte") b["parent"] = "phong-moi";
    REQUIRE(other.load_directory(*BodyRegistry::from_json(bodies), "new.json", day("2021-09-08")));
    CHECK(h.run("T1.2", Acknowledge{}, "phong-moi"));
  }

  TEST_CASE("two services registering in turn number documents one after the other and know each other's") {
    EngineHarness h(false);
    CommandService other(h.store, h.clock, h.calendar);
    auto numbered = [](const char* number) {
      ParsedDocument doc = sample_document();
      doc.document.number = number;
      return doc;
    };
    auto first = h.service.register_document(numbered("1/UBND"), "a", "a.txt", day("2021-09-07"));
    REQUIRE(first);
    CHECK(first->document == "D1");
    auto second = other.register_document(numbered("2/UBND"), "b", "b.txt", day("2021-09-07"));
    REQUIRE(second);
    CHECK(second->document == "D2");
    // The first service kept the register as it left it; it must see D2.
    auto third = h.service.register_document(numbered("3/UBND"), "c", "c.txt", day("2021-09-07"));
    REQUIRE(third);
    CHECK(third->document == "D3");
    auto again = h.service.register_document(numbered("2/UBND"), "b", "b-copy.txt", day("2021-09-07"));
    REQUIRE(again);
    CHECK(again->already_registered);
    CHECK(again->document == "D2");
    CHECK(h.store.read_stream("register")->size() == 3);
  }

  TEST_CASE("a registration the store refuses leaves the register as it was") {
    MemoryEventStore memory;
    FailingEventStore store(memory);
    FixedClock clock(vietnam_noon(day("2021-09-07")));
    WeekdaysOnly calendar;
    CommandService service(store, clock, calendar);
    REQUIRE(service.load_directory(cvtrack::test::sample_bodies(), "sample.json", day("2021-09-07")));
    ParsedDocument second = sample_document();
    second.document.number = "13/UBND-VP";
    REQUIRE(service.register_document(second, "b", "b.txt", day("2021-09-07")));
    store.fail = true;
    REQUIRE_FALSE(service.register_document(sample_document(), "a", "a.txt", day("2021-09-07")));
    store.fail = false;
    auto retried = service.register_document(sample_document(), "a", "a.txt", day("2021-09-07"));
    REQUIRE(retried);
    CHECK_FALSE(retried->already_registered);
    CHECK(retried->document == "D2");
  }

  TEST_CASE("a store that fails to append: the command fails with the store's error and the state is unchanged") {
    MemoryEventStore memory;
    FailingEventStore store(memory);
    FixedClock clock(vietnam_noon(day("2021-09-07")));
    WeekdaysOnly calendar;
    CommandService service(store, clock, calendar);
    REQUIRE(service.load_directory(cvtrack::test::sample_bodies(), "sample.json", day("2021-09-07")));
    REQUIRE(service.register_document(sample_document(), cvtrack::test::kSampleText, "s.txt", day("2021-09-07")));
    store.fail = true;
    std::size_t before = memory.size();
    auto ack = service.execute({"T1.1", Acknowledge{}, std::nullopt, day("2021-09-08"), ""});
    REQUIRE_FALSE(ack);
    CHECK(ack.error().code == ErrorCode::unavailable);
    auto tick = service.tick(day("2021-10-30"));
    REQUIRE_FALSE(tick);
    CHECK(memory.size() == before);
    CHECK(service.task("T1.1")->state == TaskState::assigned);
  }

  TEST_CASE("issue 6: a command decides on the task its store keeps, without reading the task's events") {
    EngineHarness h;
    KeepingEventStore store(h.store);
    CommandService service(store, h.clock, h.calendar);
    auto head = h.store.stream_head("T1.1");
    REQUIRE(head);
    TaskView after;
    auto acked = service.execute({"T1.1", Acknowledge{}, "ubnd-huyen", day("2021-09-08"), ""}, &after);
    REQUIRE(acked);
    CHECK(store.task_reads == 0);
    CHECK(after.state == TaskState::acknowledged);
    CHECK(after.note == "kept");
    // Handed on to the store, with the head it was kept at.
    REQUIRE(store.appended.size() == 1);
    CHECK(store.appended[0].folded != nullptr);
    CHECK(store.appended[0].folded_at == *head);
  }

  TEST_CASE("issue 6: a store that keeps nothing: the command reads and folds the task, and hands on the fold") {
    EngineHarness h;
    KeepingEventStore store(h.store);
    store.keep = false;
    CommandService service(store, h.clock, h.calendar);
    auto head = h.store.stream_head("T1.1");
    REQUIRE(head);
    TaskView after;
    REQUIRE(service.execute({"T1.1", Acknowledge{}, "ubnd-huyen", day("2021-09-08"), ""}, &after));
    CHECK(store.task_reads == 1);
    CHECK(after.note != "kept");
    REQUIRE(store.appended.size() == 1);
    CHECK(store.appended[0].folded != nullptr);
    CHECK(store.appended[0].folded_at == *head);
    // Unknown to both: refused as before, nothing written.
    store.appended.clear();
    auto refused = service.execute({"T9.9", Acknowledge{}, "ubnd-huyen", day("2021-09-08"), ""}, nullptr,
                                   [](const TaskView&) -> Status { return Ok{}; });
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == ErrorCode::not_found);
    CHECK(store.appended.empty());
  }

  TEST_CASE("issue 6: a task read earlier is decided on while its stream has not moved, else read again") {
    EngineHarness h;
    KeepingEventStore store(h.store);
    CommandService service(store, h.clock, h.calendar);
    auto read_earlier = [&](const StreamId& id) {
      auto kept = store.kept_task(id);
      REQUIRE(kept);
      REQUIRE(*kept);
      (*kept)->task.note = "read earlier";
      return **kept;
    };

    // Nothing moved: decided on what was read, nothing read again.
    KeptTask early = read_earlier("T1.1");
    store.kept_reads = 0;
    TaskView after;
    REQUIRE(service.execute({"T1.1", Acknowledge{}, "ubnd-huyen", day("2021-09-08"), ""}, &after, {}, early));
    CHECK(store.kept_reads == 0);
    CHECK(store.task_reads == 0);
    CHECK(after.state == TaskState::acknowledged);
    CHECK(after.note == "read earlier");
    REQUIRE(store.appended.size() == 1);
    CHECK(store.appended[0].folded_at == early.head);

    // T1.2 moves on after it was read: the command reads it again and is
    // decided on its current state (on the stale read it would be a
    // conflict: the append expects the old version).
    KeptTask stale = read_earlier("T1.2");
    REQUIRE(service.execute({"T1.2", Acknowledge{}, "ubnd-huyen", day("2021-09-08"), ""}));
    store.kept_reads = 0;
    auto progressed = service.execute({"T1.2", ReportProgress{40, "Đang triển khai"}, "ubnd-huyen", day("2021-09-09"), ""},
                                      &after, {}, stale);
    REQUIRE(progressed);
    CHECK(store.kept_reads == 1);
    CHECK(after.state == TaskState::in_progress);
    CHECK(after.progress == 40);
    CHECK(after.version == stale.head.version + 2);
  }
}
