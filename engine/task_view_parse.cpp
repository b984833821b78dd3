#include "engine/task_view_parse.hpp"

#include <charconv>
#include <optional>

#include <nlohmann/json.hpp>

#include "engine/task_state.hpp"
#include "engine/task_view_json.hpp"
#include "engine/utf8.hpp"

namespace cvtrack::engine {

namespace {

// Reads the exact layout task_view_text writes. Anything else (another key
// order, white space, an escape nlohmann never writes) sets `ok` false, and
// the caller reads the text the general way instead: this reader need only
// be right about what it accepts.
class Reader {
 public:
  explicit Reader(std::string_view text) : s_(text) {}
  // Read to the end, every part as expected.
  bool finished() const { return ok_ && i_ == s_.size(); }

  void expect(char c) {
    if (ok_ && i_ < s_.size() && s_[i_] == c)
      ++i_;
    else
      ok_ = false;
  }
  // `"name":`, after a comma unless it is the object's first key.
  void key(std::string_view name, bool first = false) {
    if (!optional_key(name, first)) ok_ = false;
  }
  // Whether the next key is `name` (after its comma, unless it is the
  // object's first); reads it if so. Compared in place: no key is built.
  bool optional_key(std::string_view name, bool first = false) {
    std::size_t at = i_ + (first ? 0 : 1);
    if (!ok_ || (!first && !next_is(',')) || at + name.size() + 3 > s_.size() || s_[at] != '"' ||
        s_.substr(at + 1, name.size()) != name || s_[at + 1 + name.size()] != '"' || s_[at + 2 + name.size()] != ':')
      return false;
    i_ = at + name.size() + 3;
    return true;
  }
  bool next_is(char c) const { return ok_ && i_ < s_.size() && s_[i_] == c; }
  bool null() {
    if (s_.substr(i_, 4) != "null") return false;
    i_ += 4;
    return true;
  }
  bool boolean() {
    if (s_.substr(i_, 4) == "true") {
      i_ += 4;
      return true;
    }
    if (s_.substr(i_, 5) == "false") {
      i_ += 5;
      return false;
    }
    ok_ = false;
    return false;
  }
  int number() {
    int n = 0;
    auto [end, ec] = std::from_chars(s_.data() + i_, s_.data() + s_.size(), n);
    if (ec != std::errc{} || end == s_.data() + i_) {
      ok_ = false;
      return 0;
    }
    i_ = std::size_t(end - s_.data());
    return n;
  }
  std::string string() {
    std::string out;
    expect('"');
    while (ok_) {
      if (i_ >= s_.size()) {
        ok_ = false;
        break;
      }
      char c = s_[i_++];
      if (c == '"') break;
      if (static_cast<unsigned char>(c) < 0x20) {
        ok_ = false;  // JSON writes control characters escaped
        break;
      }
      if (c != '\\') {
        out += c;
        continue;
      }
      if (i_ >= s_.size()) {
        ok_ = false;
        break;
      }
      switch (s_[i_++]) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          // nlohmann writes \u00XX for the other control characters only.
          if (i_ + 4 > s_.size() || s_.substr(i_, 2) != "00") {
            ok_ = false;
            break;
          }
          int value = 0;
          for (std::size_t k = i_ + 2; k < i_ + 4; ++k) {
            char h = s_[k];
            int digit = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : -1;
            if (digit < 0) ok_ = false;
            value = value * 16 + digit;
          }
          if (value < 0 || value >= 0x20) ok_ = false;
          out += char(value);
          i_ += 4;
          break;
        }
        default: ok_ = false;
      }
    }
    return out;
  }
  std::optional<std::string> string_or_null() {
    if (null()) return std::nullopt;
    return string();
  }
  Date date() {
    auto d = parse_iso_date(string());
    if (!d) ok_ = false;
    return d.value_or(Date{});
  }
  std::optional<Date> date_or_null() {
    if (null()) return std::nullopt;
    return date();
  }
  std::vector<std::string> strings() {
    std::vector<std::string> out;
    expect('[');
    while (ok_ && !next_is(']')) {
      if (!out.empty()) expect(',');
      out.push_back(string());
    }
    expect(']');
    return out;
  }
  void fail() { ok_ = false; }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
  bool ok_ = true;
};

template <typename T>
T known(Reader& r, std::optional<T> value) {
  if (!value) r.fail();
  return value.value_or(T{});
}

RelativeDeadline::Unit unit_from(Reader& r, const std::string& text) {
  if (text == "days") return RelativeDeadline::Unit::days;
  if (text == "working_days") return RelativeDeadline::Unit::working_days;
  if (text == "hours") return RelativeDeadline::Unit::hours;
  r.fail();
  return RelativeDeadline::Unit::days;
}

TaskSpec read_spec(Reader& r) {
  TaskSpec t;
  r.expect('{');
  r.key("assignee", true);
  t.assignee = r.string();
  r.key("body");
  t.body = r.string_or_null();
  r.key("deadline");
  t.deadline = r.date_or_null();
  if (r.optional_key("deadline_relative")) {
    RelativeDeadline rel;
    r.expect('{');
    r.key("amount", true);
    rel.amount = r.number();
    r.key("from");
    rel.from = r.string();
    r.key("unit");
    rel.unit = unit_from(r, r.string());
    r.expect('}');
    t.relative_deadline = rel;
  }
  r.key("deadline_text");
  t.deadline_text = r.string_or_null();
  if (r.optional_key("deadline_time")) t.deadline_time = r.string();
  r.key("default");
  t.is_default = r.boolean();
  r.key("kind");
  t.kind = known(r, task_kind_from_string(r.string()));
  r.key("recurrence");
  if (auto recurrence = r.string_or_null()) t.recurrence = known(r, recurrence_from_string(*recurrence));
  r.key("reports_to");
  t.reports_to = r.strings();
  if (r.optional_key("reports_via")) t.reports_via = r.string();
  r.key("role");
  t.role = known(r, task_role_from_string(r.string()));
  if (r.optional_key("schedule")) {
    // Written only when it holds something; every key is optional, in
    // this order.
    Schedule& s = t.schedule;
    r.expect('{');
    bool first = true;
    if (r.optional_key("day_of_month", first)) {
      s.day_of_month = r.number();
      first = false;
    }
    if (r.optional_key("from", first)) {
      s.from = r.date();
      first = false;
    }
    if (r.optional_key("time", first)) {
      s.time = r.string();
      first = false;
    }
    if (r.optional_key("until", first)) {
      s.until = r.date();
      first = false;
    }
    if (r.optional_key("weekdays", first)) {
      first = false;
      r.expect('[');
      do s.weekdays.push_back(r.number());
      while (r.next_is(',') && (r.expect(','), true));
      r.expect(']');
    }
    if (first) r.fail();
    r.expect('}');
  }
  r.expect('}');
  return t;
}

Occurrence read_occurrence(Reader& r) {
  Occurrence o;
  r.expect('{');
  r.key("due", true);
  o.due = r.date();
  r.key("late");
  o.late = r.boolean();
  r.key("overdue_recorded");
  o.overdue_recorded = r.boolean();
  r.key("period");
  o.period = r.string();
  r.key("submitted_on");
  o.submitted_on = r.date_or_null();
  r.expect('}');
  return o;
}

}  // namespace

std::optional<TaskView> read_task_view_text(std::string_view text) {
  Reader r(text);
  TaskView t;
  r.expect('{');
  r.key("approved_on", true);
  t.approved_on = r.date_or_null();
  r.key("assigned_on");
  t.assigned_on = r.date();
  r.key("cancelled_on");
  t.cancelled_on = r.date_or_null();
  r.key("children");
  t.children = r.strings();
  r.key("deadline");
  t.deadline = r.date_or_null();
  r.key("directive");
  t.directive = r.string();
  r.key("document");
  t.document = r.string();
  r.key("done_on");
  t.done_on = r.date_or_null();
  r.key("id");
  t.id = r.string();
  r.key("last_change_on");
  t.last_change_on = r.date();
  r.key("note");
  t.note = r.string();
  r.key("occurrences");
  r.expect('[');
  while (r.next_is('{') || r.next_is(',')) {
    if (!t.occurrences.empty()) r.expect(',');
    Occurrence o = read_occurrence(r);
    std::string period = o.period;
    if (!t.occurrences.emplace(std::move(period), std::move(o)).second) r.fail();  // a period twice
  }
  r.expect(']');
  r.key("overdue_recorded_for");
  t.overdue_recorded_for = r.date_or_null();
  r.key("parent");
  t.parent = r.string_or_null();
  r.key("progress");
  t.progress = r.number();
  r.key("reminder_recorded_for");
  t.reminder_recorded_for = r.date_or_null();
  r.key("spec");
  t.spec = read_spec(r);
  r.key("state");
  t.state = known(r, task_state_from_string(r.string()));
  r.key("submitted_on");
  t.submitted_on = r.date_or_null();
  r.key("version");
  t.version = r.number();
  r.expect('}');
  // Not UTF-8: nlohmann refuses it, and so must this reader.
  if (!r.finished() || !is_valid_utf8(text)) return std::nullopt;
  return t;
}

Result<TaskView> task_view_from_text(std::string_view text) {
  if (auto t = read_task_view_text(text)) return std::move(*t);
  try {
    return task_view_from_json(nlohmann::json::parse(text.begin(), text.end()));
  } catch (const nlohmann::json::exception& e) {
    return make_error(ErrorCode::internal, std::string("task view is not JSON: ") + e.what());
  }
}

}  // namespace cvtrack::engine
