#include "engine/task_view_text.hpp"

#include <charconv>
#include <string_view>

#include "engine/json_text.hpp"
#include "engine/task_view_json.hpp"

namespace cvtrack::engine {

namespace {

class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}
  bool ok() const { return ok_; }

  // Writes the next key of the object being written.
  Writer& key(std::string_view name) {
    if (!first_) out_ += ',';
    first_ = false;
    out_ += '"';
    out_ += name;  // our keys need no escape
    out_ += "\":";
    return *this;
  }
  void open(char bracket) {
    out_ += bracket;
    first_ = true;
  }
  void close(char bracket) {
    out_ += bracket;
    first_ = false;
  }
  // Between two elements of an array.
  void separator() { out_ += ','; }
  void null() { out_ += "null"; }
  void boolean(bool b) { out_ += b ? "true" : "false"; }
  void number(long long n) {
    char digits[24];
    auto [end, ec] = std::to_chars(digits, digits + sizeof digits, n);
    (void)ec;
    out_.append(digits, end);
  }
  void date(const Date& d) {
    out_ += '"';
    out_ += to_iso(d);
    out_ += '"';
  }
  void date(const std::optional<Date>& d) { d ? date(*d) : null(); }
  void string(std::string_view s) {
    if (!append_json_string(out_, s)) ok_ = false;
  }
  void string_or_null(const std::optional<std::string>& s) { s ? string(*s) : null(); }
  void strings(const std::vector<std::string>& list) {
    out_ += '[';
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (i) out_ += ',';
      string(list[i]);
    }
    out_ += ']';
  }

 private:
  std::string& out_;
  bool first_ = true;
  bool ok_ = true;
};

// to_json(TaskSpec) (document_json.cpp), keys sorted.
void write_spec(Writer& w, const TaskSpec& t) {
  w.open('{');
  w.key("assignee").string(t.assignee);
  w.key("body").string_or_null(t.body);
  w.key("deadline").date(t.deadline);
  if (t.relative_deadline) {
    w.key("deadline_relative").open('{');
    w.key("amount").number(t.relative_deadline->amount);
    w.key("from").string(t.relative_deadline->from);
    w.key("unit").string(to_string(t.relative_deadline->unit));
    w.close('}');
  }
  w.key("deadline_text").string_or_null(t.deadline_text);
  if (t.deadline_time) w.key("deadline_time").string(*t.deadline_time);
  w.key("default").boolean(t.is_default);
  w.key("kind").string(to_string(t.kind));
  if (t.recurrence)
    w.key("recurrence").string(to_string(*t.recurrence));
  else
    w.key("recurrence").null();
  w.key("reports_to").strings(t.reports_to);
  if (t.reports_via) w.key("reports_via").string(*t.reports_via);
  w.key("role").string(to_string(t.role));
  const Schedule& s = t.schedule;
  if (!s.weekdays.empty() || s.day_of_month || s.time || s.from || s.until) {
    w.key("schedule").open('{');
    if (s.day_of_month) w.key("day_of_month").number(*s.day_of_month);
    if (s.from) w.key("from").date(*s.from);
    if (s.time) w.key("time").string(*s.time);
    if (s.until) w.key("until").date(*s.until);
    if (!s.weekdays.empty()) {
      w.key("weekdays").open('[');
      bool first = true;
      for (int day : s.weekdays) {
        if (!first) w.separator();
        first = false;
        w.number(day);
      }
      w.close(']');
    }
    w.close('}');
  }
  w.close('}');
}

// to_json(Occurrence) (task_view_json.cpp), keys sorted.
void write_occurrence(Writer& w, const Occurrence& o) {
  w.open('{');
  w.key("due").date(o.due);
  w.key("late").boolean(o.late);
  w.key("overdue_recorded").boolean(o.overdue_recorded);
  w.key("period").string(o.period);
  w.key("submitted_on").date(o.submitted_on);
  w.close('}');
}

}  // namespace

std::string task_view_text(const TaskView& t) {
  std::string out;
  out.reserve(640);
  Writer w(out);
  w.open('{');
  w.key("approved_on").date(t.approved_on);
  w.key("assigned_on").date(t.assigned_on);
  w.key("cancelled_on").date(t.cancelled_on);
  w.key("children").strings(t.children);
  w.key("deadline").date(t.deadline);
  w.key("directive").string(t.directive);
  w.key("document").string(t.document);
  w.key("done_on").date(t.done_on);
  w.key("id").string(t.id);
  w.key("last_change_on").date(t.last_change_on);
  w.key("note").string(t.note);
  w.key("occurrences").open('[');
  bool first = true;
  for (const auto& [period, o] : t.occurrences) {
    if (!first) w.separator();
    first = false;
    write_occurrence(w, o);
  }
  w.close(']');
  w.key("overdue_recorded_for").date(t.overdue_recorded_for);
  w.key("parent").string_or_null(t.parent);
  w.key("progress").number(t.progress);
  w.key("reminder_recorded_for").date(t.reminder_recorded_for);
  w.key("spec");
  write_spec(w, t.spec);
  w.key("state").string(to_string(t.state));
  w.key("submitted_on").date(t.submitted_on);
  w.key("version").number(t.version);
  w.close('}');
  // Not UTF-8: nlohmann refuses it, and so must we, the same way.
  if (!w.ok()) return to_json(t).dump();
  return out;
}

}  // namespace cvtrack::engine
