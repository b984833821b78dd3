// workflows/task_reader.hpp
//
// Who does what, by when, reporting to whom: fills the `tasks` of every
// directive. A directive that names no body falls to the recipients (one
// task per Kính gửi entry, `is_default`); an item inherits the body its
// heading names ("8- UBND huyện" then "- Tham mưu …"); "X chủ trì, phối hợp
// với Y, Z" gives X the lead and Y, Z coordinating tasks; "báo cáo … X"
// gives a `report` task with `reports_to`; deadlines and cadences come from
// deadline_reader and recurrence_reader.
#pragma once

#include <string>
#include <vector>

#include "engine/document.hpp"
#include "workflows/deadline_reader.hpp"
#include "workflows/directive_reader.hpp"

namespace cvtrack::workflows {

struct TaskReadingContext {
  DeadlineContext deadlines;
  std::vector<std::string> recipients;
  // Who a directive that names no body falls to: the Kính gửi entries, or,
  // when there are none, the Nơi nhận entries that receive it to act.
  std::vector<std::string> default_holders;
  std::vector<std::string> operative_sections;  // empty: the whole document is operative
  std::vector<TableRow> table_rows;
};

void read_tasks(std::vector<engine::Directive>& directives, const TaskReadingContext& context,
                std::vector<engine::Warning>& warnings);

// "Quyết định này có hiệu lực kể từ ngày ký" -> the document's date;
// "… có hiệu lực từ ngày 01/12/2025" -> that date.
std::optional<engine::Date> effective_date_in(const std::vector<engine::Directive>& directives,
                                              std::optional<engine::Date> document_date);

}  // namespace cvtrack::workflows
