// engine::task_view_text writes a task's view without building the JSON
// tree; what it writes must be to_json(task).dump(), byte for byte: the
// tasks projection stores it, queries splice it, and a projection rebuilt by
// replay (which verify compares) must come out the same. Checked on every
// task of every real document of tests/fixtures, through commands that set
// every field, and on the escapes nlohmann writes.
#include <doctest/doctest.h>

#include "engine/task_view_json.hpp"
#include "engine/task_view_parse.hpp"
#include "engine/task_view_text.hpp"
#include "tests/cli/lived_fixtures.hpp"

using namespace cvtrack;
using namespace cvtrack::engine;
using cvtrack::test::day;
using cvtrack::test::awkward_note;

TEST_SUITE("cli/task_view_text") {
  TEST_CASE("issue 6: every task of every real document, through its commands, is written as to_json().dump()") {
    test::EngineHarness h;  // the sample document and its directory, for delegation
    test::live_fixture_documents(h);

    auto snapshot = h.service.snapshot();
    REQUIRE(snapshot);
    auto tasks = snapshot->task_list();
    bool parent = false, children = false, occurrences = false, escapes = false, relative = false, schedule = false;
    for (const auto& t : tasks) {
      INFO(t.id);
      std::string text = task_view_text(t);
      CHECK(text == to_json(t).dump());
      // Read back directly, every field: written again, the same bytes.
      auto back = read_task_view_text(text);
      REQUIRE(back);
      CHECK(task_view_text(*back) == text);
      parent = parent || t.parent;
      children = children || !t.children.empty();
      occurrences = occurrences || !t.occurrences.empty();
      escapes = escapes || t.note.find('\x01') != std::string::npos;
      relative = relative || t.spec.relative_deadline;
      schedule = schedule || t.spec.schedule.day_of_month || !t.spec.schedule.weekdays.empty();
    }
    // What the comparison covered, so that it cannot pass on empty fields.
    CHECK(tasks.size() > 100);
    CHECK(parent);
    CHECK(children);
    CHECK(occurrences);
    CHECK(escapes);
    CHECK(relative);
    CHECK(schedule);
  }

  TEST_CASE("issue 6: every optional part of a spec, and text that is not UTF-8, as nlohmann has them") {
    TaskView t;
    t.id = "T9.1";
    t.version = 12;
    t.document = "D9";
    t.directive = "III.2";
    t.parent = "T9.0";
    t.spec.assignee = "UBND các xã, thị trấn";
    t.spec.body = "ubnd-xa";
    t.spec.deadline = day("2026-03-16");
    t.spec.deadline_time = "16:00";
    t.spec.deadline_text = "trước 16 giờ 00 ngày 16/3/2026";
    t.spec.relative_deadline = RelativeDeadline{10, RelativeDeadline::Unit::working_days, "ngày nhận văn bản"};
    t.spec.recurrence = Recurrence::weekly;
    t.spec.schedule = {{1, 5}, 20, "08:30", day("2026-01-15"), day("2026-03-16")};
    t.spec.reports_to = {"Văn phòng Huyện ủy", "Ban Tuyên giáo"};
    t.spec.reports_via = "(qua Văn phòng UBND huyện)";
    t.spec.is_default = true;
    t.spec.kind = TaskKind::report;
    t.note = awkward_note(7);
    t.children = {"T9.2", "T9.3"};
    t.occurrences["2026-W03"] = {"2026-W03", day("2026-01-16"), day("2026-01-17"), true, true};
    t.occurrences["2026-W04"] = {"2026-W04", day("2026-01-23"), std::nullopt, false, false};
    t.assigned_on = day("2026-01-10");
    t.last_change_on = day("2026-01-23");
    t.overdue_recorded_for = day("2026-01-24");
    std::string text = task_view_text(t);
    CHECK(text == to_json(t).dump());
    auto back = read_task_view_text(text);
    REQUIRE(back);
    CHECK(task_view_text(*back) == text);
    CHECK(back->spec.schedule.weekdays == std::vector<int>{1, 5});
    CHECK(back->note == t.note);

    // Laid out otherwise, it is not read directly, and the general reader
    // gets the same task; what is not the view's JSON is an error.
    auto general = [&](const std::string& other) {
      INFO(other);
      CHECK_FALSE(read_task_view_text(other));
      auto read = task_view_from_text(other);
      REQUIRE(read);
      CHECK(task_view_text(*read) == text);
    };
    general(nlohmann::json::parse(text).dump(1));  // white space
    general(" " + text);
    std::string escaped = text;
    escaped.replace(escaped.find("\"T9.1\""), 6, "\"\\u0054\\u0039.1\"");  // escapes nlohmann never writes
    general(escaped);
    CHECK_FALSE(read_task_view_text(text + "x"));
    CHECK_FALSE(task_view_from_text(text + "x"));
    CHECK_FALSE(task_view_from_text(R"({"id":"T9.1"})"));

    t.spec.schedule = {};
    t.spec.relative_deadline.reset();
    t.spec.recurrence.reset();
    t.parent.reset();
    CHECK(task_view_text(t) == to_json(t).dump());

    std::string plain = task_view_text(t);
    REQUIRE(read_task_view_text(plain));
    CHECK(task_view_text(*read_task_view_text(plain)) == plain);

    t.note = "Đã\xC3";  // cut short in the middle of a character
    CHECK_THROWS_AS(task_view_text(t), nlohmann::json::type_error);
    std::string broken = plain;
    broken.replace(broken.find("\"note\":\"") + 8, 0, "\xC3");
    CHECK_FALSE(read_task_view_text(broken));
    CHECK_FALSE(task_view_from_text(broken));
    t.note = "\xED\xA0\x80";  // a surrogate, which UTF-8 may not hold
    CHECK_THROWS_AS(task_view_text(t), nlohmann::json::type_error);
  }
}
