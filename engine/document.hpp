// engine/document.hpp
//
// What a directive document says, as values: the header a clerk records, the
// tree of numbered directives, and the tasks each directive gives to bodies.
// workflows/ reads these out of a document's text; the engine turns them into
// tracked tasks. All text is UTF-8 NFC.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/date.hpp"

namespace cvtrack::engine {

struct Signer {
  std::optional<std::string> capacity;  // "T/M BAN THƯỜNG VỤ", "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH"
  std::optional<std::string> title;     // "PHÓ BÍ THƯ"
  std::optional<std::string> name;      // null when the copy prints "(Đã ký)"
};

// A document the text cites ("Kết luận số 125-KL/TU, ngày 05/9/2021").
struct Reference {
  std::string number;  // "125-KL/TU"
  std::optional<Date> date;
  int line = 0;
};

struct DocumentHeader {
  std::optional<std::string> kind;     // "công văn", "chỉ thị", "công điện", ...
  std::optional<std::string> issuer;   // "Huyện ủy Xuân Trường"
  std::optional<std::string> parent;   // "Đảng bộ tỉnh Nam Định"
  std::optional<std::string> number;   // "288-CV/HU", null when left blank
  std::optional<std::string> symbol;   // "/UBND-KTN" when the number itself is blank
  std::optional<Date> date;
  std::optional<std::string> place;
  std::optional<std::string> subject;  // trích yếu, without "V/v"
  std::optional<std::string> urgency;  // "khẩn" < "thượng khẩn" < "hỏa tốc" < "hỏa tốc hẹn giờ"
  std::vector<std::string> recipients; // Kính gửi
  std::vector<std::string> cc;         // Nơi nhận
  Signer signer;
  std::vector<Reference> references;
};

enum class TaskRole { lead, coordinate, assignee };
enum class TaskKind { action, report };
enum class Recurrence {
  continuous, daily, weekly, monthly, quarterly, half_yearly, yearly, on_event
};

const char* to_string(TaskRole role);
const char* to_string(TaskKind kind);
const char* to_string(Recurrence recurrence);
std::optional<TaskRole> task_role_from_string(const std::string& text);
std::optional<TaskKind> task_kind_from_string(const std::string& text);
std::optional<Recurrence> recurrence_from_string(const std::string& text);

// A deadline counted from an event whose date the text cannot give
// ("trong thời hạn 07 ngày làm việc kể từ ngày nhận được đơn"): the engine
// applies it when that event is recorded.
struct RelativeDeadline {
  enum class Unit { days, working_days, hours };
  int amount = 0;
  Unit unit = Unit::days;
  std::string from;  // the words naming the starting event
};
const char* to_string(RelativeDeadline::Unit unit);

// When a recurring duty falls due inside its period.
struct Schedule {
  std::vector<int> weekdays;          // ISO 1..7 ("thứ Sáu hằng tuần" -> 5)
  std::optional<int> day_of_month;    // "trước ngày 20 hằng tháng" -> 20
  std::optional<std::string> time;    // "16:00"
  std::optional<Date> from;           // "bắt đầu từ ngày 15-01-2026"
  std::optional<Date> until;          // "đến hết ngày 16-3-2026"
};

struct TaskSpec {
  std::string assignee;               // as the text names the body
  std::optional<std::string> body;    // directory id, when a directory resolved it
  TaskRole role = TaskRole::assignee;
  bool is_default = false;            // the directive names no body: one per recipient
  TaskKind kind = TaskKind::action;
  std::optional<Date> deadline;
  std::optional<std::string> deadline_time;  // "14:00" when the text gives the hour
  std::optional<std::string> deadline_text;  // the words, always kept
  std::optional<RelativeDeadline> relative_deadline;
  // One cadence per task: "báo cáo sơ kết 6 tháng, tổng kết năm" is two
  // reports with their own due dates, so it becomes two tasks.
  std::optional<Recurrence> recurrence;
  Schedule schedule;
  std::vector<std::string> reports_to;
  std::optional<std::string> reports_via;    // "(qua Văn phòng Tỉnh ủy)"
};

struct Directive {
  std::optional<std::string> number;  // path: "1", "8.1", "III.2", "PL.3"; null if unnumbered
  std::string text;
  int line = 0;                       // 1-based line where the directive starts
  std::vector<TaskSpec> tasks;
  std::vector<Directive> items;
};

struct Warning {
  int line = 0;  // 0 when the warning is about the whole document
  std::string message;
};

struct ParsedDocument {
  DocumentHeader document;
  std::vector<Directive> directives;
  std::vector<Warning> warnings;
};

}  // namespace cvtrack::engine
