// tests/cli/lived_fixtures.hpp
//
// Every real document of tests/fixtures registered and then lived through
// the commands that set every field of a task and write every kind of
// event: for the tests that hold a writer to nlohmann's bytes on all of
// them (task_view_text_test, events_json_text_test).
#pragma once

#include <string>
#include <vector>

#include "tests/cli/fixture_documents.hpp"
#include "tests/engine/engine_harness.hpp"

namespace cvtrack::test {

// Every control character, the two JSON escapes, DEL, Vietnamese and a
// code point outside the BMP.
inline std::string awkward_note(int i) {
  std::string note = "Đã triển khai \"đợt " + std::to_string(i) + "\" \\ tại C:\\thôn\n\t";
  for (int c = 1; c < 0x20; ++c) note += char(c);
  return note + "\x7f 😀 ký tự";
}

// The fixture documents registered beside `h`'s sample, a delegation, on
// every task the commands the secretariat may run (a refusal, an illegal
// transition, leaves the task as it was), then a tick months later.
inline void live_fixture_documents(EngineHarness& h) {
  using namespace engine;
  REQUIRE(h.service.register_documents(fixture_documents(), day("2026-02-02")));
  REQUIRE(h.run("T1.1", Delegate{{"ubnd-xa-a", "ubnd-xa-b"}, day("2021-09-24"), "các xã \"thực hiện\""},
                "ubnd-huyen"));
  auto snapshot = h.service.snapshot();
  REQUIRE(snapshot);
  int i = 0;
  for (const auto& t : snapshot->task_list()) {
    if (t.document == "D1") continue;  // the sample, dated 2021
    std::vector<TaskCommand> commands{Acknowledge{}, ReportProgress{i % 100, awkward_note(i)}};
    if (t.spec.recurrence) commands.push_back(SubmitReport{std::nullopt, "Báo cáo \"tháng\""});
    if (i % 3 == 0) commands.push_back(ClaimCompletion{"Hoàn thành\r\n"});
    if (i % 3 == 1) commands.push_back(ExtendDeadline{day("2026-12-31"), "gia hạn"});
    if (i % 7 == 0) commands.push_back(CancelTask{"hủy \\ bỏ"});
    for (auto& command : commands) (void)h.service.execute({t.id, command, std::nullopt, day("2026-02-10"), ""});
    ++i;
  }
  h.clock.set(vietnam_noon(day("2026-06-01")));
  REQUIRE(h.service.tick(day("2026-06-01")));
}

}  // namespace cvtrack::test
