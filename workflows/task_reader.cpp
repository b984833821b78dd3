#include "workflows/task_reader.hpp"

#include <algorithm>
#include <deque>

#include "workflows/body_phrases.hpp"
#include "workflows/clause_reader.hpp"
#include "workflows/date_phrases.hpp"
#include "workflows/recurrence_reader.hpp"
#include "workflows/text_source.hpp"
#include "workflows/vietnamese_text.hpp"

namespace cvtrack::workflows {

using engine::Directive;
using engine::Recurrence;
using engine::TaskKind;
using engine::TaskRole;
using engine::TaskSpec;

namespace {

// What a heading passes down to its items.
struct Inherited {
  std::vector<std::string> subject;
  bool lead = false;
  std::vector<std::string> advises;
  std::vector<Recurrence> cadences;
  engine::Schedule schedule;
  bool operative = true;
};

struct ReportDuty {
  std::vector<std::string> to;
  std::optional<std::string> via;
  std::optional<DeadlineFound> deadline;
  RecurrenceFound recurrence;
};

// The bodies of one duty within a directive, and what the text asks of them.
struct Group {
  std::vector<std::string> bodies;  // empty: the recipients
  bool lead = false;
  std::vector<std::string> coordinating;
  std::vector<std::string> advises;
  bool has_action = false;
  std::optional<DeadlineFound> deadline;
  RecurrenceFound recurrence;
  std::vector<ReportDuty> reports;
  bool opened = false;  // its first clause has been read
};

// Does the text before "báo cáo" give work of its own ("nắm tình hình …
// và kịp thời báo cáo"), rather than dates or the report's preparation
// ("tổng hợp kết quả, báo cáo …", "riêng từ ngày … báo cáo …")?
bool gives_work(const PhraseText& clause, std::size_t from, std::size_t to) {
  if (to <= from) return false;
  const std::string& whole = clause.shadow();
  PhraseText span{clause.text().substr(from, to - from)};
  static const char* verbs[] = {"tổ chức", "triển khai", "thực hiện", "xây dựng", "rà soát", "kiểm tra",
                                "giám sát", "theo dõi", "đôn đốc", "hướng dẫn", "tuyên truyền", "phối hợp",
                                "chỉ đạo", "lãnh đạo", "nắm", "xử lý", "giải quyết", "tiếp nhận", "cung cấp",
                                "bố trí", "vận động", "quán triệt", "chuẩn bị", "hoàn thiện", "cập nhật",
                                "đăng tải", "thu gom", "kích hoạt", "số hóa", "cấu hình", "niêm yết", "công bố",
                                "chủ trì", "tham mưu", "khắc phục", "bảo đảm", "đảm bảo"};
  const std::string& sh = span.shadow();
  for (const char* verb : verbs) {
    std::size_t len = std::string_view(verb).size();
    std::size_t from_at = 0;
    while (auto at = span.find(verb, from_at)) {
      from_at = *at + 1;
      // A noun, not work: "kết quả kiểm tra", "việc thực hiện", "xây dựng báo cáo".
      std::string before = sh.substr(0, *at);
      bool nominal = false;
      for (const char* noun : {"kết quả ", "việc ", "công tác ", "tình hình "})
        if (before.size() >= std::string_view(noun).size() &&
            before.compare(before.size() - std::string_view(noun).size(), std::string_view(noun).size(), noun) == 0)
          nominal = true;
      constexpr std::string_view report = " báo cáo";
      if (whole.compare(from + *at + len, report.size(), report) == 0) nominal = true;
      if (!nominal) return true;
    }
  }
  return false;
}

class DirectiveTasks {
 public:
  DirectiveTasks(const TaskReadingContext& context, std::vector<engine::Warning>& warnings)
      : context_(context), warnings_(warnings) {}

  // Reads `d` (and its items) with what its heading passed down.
  void read(Directive& d, const Inherited& inherited) {
    std::deque<Group> groups;  // a deque: pointers stay valid as groups are added
    Inherited for_items = inherited;
    auto clauses = split_clauses(d.text);
    Group* current = nullptr;
    auto open_group = [&](std::vector<std::string> bodies) -> Group* {
      groups.push_back({});
      groups.back().bodies = std::move(bodies);
      return &groups.back();
    };
    std::optional<std::vector<std::string>> last_report_to;
    std::optional<std::string> last_via;
    for (std::size_t k = 0; k < clauses.size(); ++k) {
      const Clause& clause = clauses[k];
      PhraseText text{clause.text};
      ClauseReading r = read_clause(text, context_.recipients);
      if (r.skip) continue;
      // A section title ("II. NHIỆM VỤ TRỌNG TÂM") or a closing ':' heads its items.
      // A title: "Công tác tuyên truyền" over its items, or on a line of its
      // own above the paragraph that gives the work.
      bool first_line_title = k == 0 && clauses.size() > 1 && d.text.find('\n') != std::string::npos &&
                              clause.text.size() < 80 && d.text.substr(0, d.text.find('\n')) == clause.text;
      bool short_title = clauses.size() == 1 && clause.text.size() < 80 && !d.items.empty() &&
                         r.subject.empty() && r.reports.empty();
      bool intro = (clause.ends_with_colon && k + 1 == clauses.size() && !d.items.empty()) ||
                   (is_all_uppercase(clause.text) && !d.items.empty()) || short_title ||
                   (first_line_title && r.subject.empty() && r.reports.empty());
      if (r.heading || intro) {
        // A heading: what it names and asks passes down to the items.
        if (!r.subject.empty()) for_items.subject = r.subject;
        else if (current && !current->bodies.empty()) for_items.subject = current->bodies;
        if (r.lead) for_items.lead = true;
        if (!r.advises.empty()) for_items.advises = r.advises;
        auto rec = find_recurrence(text, false, false, year());
        if (!rec.cadences.empty()) {
          for_items.cadences = rec.cadences;
          for_items.schedule = rec.schedule;
        }
        if (d.items.empty() && r.heading) {
          current = open_group(r.subject);
          current->has_action = true;
        }
        continue;
      }
      if (!r.subject.empty()) {
        current = open_group(r.subject);
      } else if (!current) {
        current = open_group(inherited.subject);
        current->lead = inherited.lead;
        current->advises = inherited.advises;
      }
      Group& group = *current;
      if (r.lead) group.lead = true;
      for (auto& c : r.coordinating) group.coordinating.push_back(c);
      for (auto& a : r.advises) group.advises.push_back(a);
      bool report_clause = false;
      for (std::size_t m = 0; m < r.reports.size(); ++m) {
        const auto& mention = r.reports[m];
        // Each report reads its own words: "báo cáo … hằng tháng và báo cáo
        // tổng kết năm trước ngày 10/12" is two duties.
        std::size_t seg_begin = m == 0 ? 0 : mention.at;
        std::size_t seg_end = m + 1 < r.reports.size() ? r.reports[m + 1].at : clause.text.size();
        PhraseText segment{clause.text.substr(seg_begin, seg_end - seg_begin)};
        auto segment_deadline = find_deadline(segment, context_.deadlines);
        if (!mention.relayed_by.empty()) {
          Group& relay = *open_group(mention.relayed_by);
          relay.reports.push_back({mention.to, mention.via, std::nullopt, {}});
          continue;
        }
        std::vector<std::string> to = mention.to;
        if (to.empty() && last_report_to) to = *last_report_to;
        if (to.empty() && !inherited.advises.empty()) to = inherited.advises;
        auto rec = find_recurrence(segment, true, false, year());
        if (to.empty() && rec.cadences.empty() && !segment_deadline) continue;
        ReportDuty duty{to, mention.via ? mention.via : (mention.to.empty() ? last_via : std::nullopt),
                        segment_deadline, rec};
        if (!mention.to.empty()) {
          last_report_to = mention.to;
          last_via = mention.via;
        }
        // "Định kỳ hằng quý tự kiểm tra …; báo cáo kết quả …": the report keeps
        // the duty's cadence.
        const auto& own = group.recurrence.cadences;
        if (duty.recurrence.cadences.empty() && !own.empty() && own.front() != Recurrence::continuous &&
            own.front() != Recurrence::on_event) {
          duty.recurrence.cadences = own;
          duty.recurrence.schedule = group.recurrence.schedule;
        }
        if (duty.recurrence.cadences.empty() && !inherited.cadences.empty()) {
          duty.recurrence.cadences = inherited.cadences;
          duty.recurrence.schedule = inherited.schedule;
        }
        group.reports.push_back(duty);
        report_clause = true;
        // Words before "báo cáo" (past the subject) are work of their own.
        if (m == 0 && gives_work(text, r.action_start, mention.at)) group.has_action = true;
      }
      for (const auto& g : r.guided) {
        Group& guided = *open_group({g});
        guided.has_action = true;
      }
      if (!report_clause) {
        Group& g = group;
        g.has_action = true;
        if (!g.deadline) g.deadline = find_deadline(text, context_.deadlines);
        auto rec = find_recurrence(text, false, !g.opened, year());
        if (g.recurrence.cadences.empty() && !rec.cadences.empty()) g.recurrence = rec;
      }
      current->opened = true;
    }
    if (auto acting = last_acting_subject(groups); !acting.empty()) for_items.subject = std::move(acting);
    emit(d, groups, inherited);
    for (auto& item : d.items) read(item, for_items);
  }

 private:
  // The bodies of the last group that was given work: items inherit them.
  static std::vector<std::string> last_acting_subject(const std::deque<Group>& groups) {
    for (auto it = groups.rbegin(); it != groups.rend(); ++it)
      if (!it->bodies.empty() && it->has_action) return it->bodies;
    return {};
  }

  std::optional<int> year() const {
    if (context_.deadlines.document_date) return int(context_.deadlines.document_date->year());
    return std::nullopt;
  }

  void emit(Directive& d, const std::deque<Group>& groups, const Inherited& inherited) {
    for (const Group& g : groups) {
      bool is_default = g.bodies.empty();
      if (is_default && !inherited.operative) continue;
      std::vector<std::string> holders = is_default ? context_.default_holders : g.bodies;
      if (is_default && holders.empty()) {
        holders.push_back("");
        warnings_.push_back({d.line, "directive " + d.number.value_or("(unnumbered)") +
                                         " names no body and the document has no Kính gửi list"});
      }
      if (g.has_action || g.reports.empty()) {
        RecurrenceFound rec = g.recurrence;
        if (rec.cadences.empty() && !inherited.cadences.empty()) {
          rec.cadences = inherited.cadences;
          rec.schedule = inherited.schedule;
        }
        for (const auto& holder : holders) {
          TaskSpec t = base(holder, is_default, TaskKind::action, g.deadline, rec);
          t.role = g.lead ? TaskRole::lead : TaskRole::assignee;
          t.reports_to = g.advises;
          push(d, std::move(t), rec);
        }
        for (const auto& c : g.coordinating) {
          TaskSpec t = base(c, false, TaskKind::action, g.deadline, rec);
          t.role = TaskRole::coordinate;
          push(d, std::move(t), rec);
        }
      }
      for (const ReportDuty& r : g.reports) {
        for (const auto& holder : holders) {
          TaskSpec t = base(holder, is_default, TaskKind::report, r.deadline, r.recurrence);
          t.reports_to = r.to;
          t.reports_via = r.via;
          push(d, std::move(t), r.recurrence);
        }
      }
    }
  }

  static TaskSpec base(const std::string& holder, bool is_default, TaskKind kind,
                       const std::optional<DeadlineFound>& deadline, const RecurrenceFound& rec) {
    TaskSpec t;
    t.assignee = holder;
    t.is_default = is_default;
    t.kind = kind;
    if (deadline) {
      t.deadline = deadline->date;
      t.deadline_time = deadline->time;
      t.deadline_text = deadline->text;
      t.relative_deadline = deadline->relative;
    }
    t.schedule = rec.schedule;
    return t;
  }

  // One task per cadence: "sơ kết 6 tháng, tổng kết năm" is two reports.
  static void push(Directive& d, TaskSpec t, const RecurrenceFound& rec) {
    // A duty counted from an event that recurs (each complaint received) is
    // on-event; a cadence's own day ("trước ngày 20 hằng tháng") is no deadline.
    std::vector<Recurrence> cadences = rec.cadences;
    if (t.relative_deadline && cadences.empty()) cadences.push_back(Recurrence::on_event);
    if (!cadences.empty() && cadences.front() != Recurrence::continuous &&
        cadences.front() != Recurrence::on_event && t.deadline && rec.schedule.day_of_month) {
      t.deadline.reset();
      t.deadline_text.reset();
    }
    if (cadences.empty()) {
      d.tasks.push_back(std::move(t));
      return;
    }
    for (Recurrence r : cadences) {
      TaskSpec copy = t;
      copy.recurrence = r;
      d.tasks.push_back(std::move(copy));
    }
  }

  const TaskReadingContext& context_;
  std::vector<engine::Warning>& warnings_;
};

void read_table_row(Directive& d, const TableRow& row, const TaskReadingContext& context) {
  auto deadline = deadline_from_cell(row.deadline, context.deadlines);
  PhraseText content{row.content};
  std::optional<int> year;
  if (context.deadlines.document_date) year = int(context.deadlines.document_date->year());
  auto rec = find_recurrence(content, false, true, year);
  auto make = [&](const std::string& name, TaskRole role) {
    TaskSpec t;
    t.assignee = name;
    t.role = role;
    if (deadline) {
      t.deadline = deadline->date;
      t.deadline_time = deadline->time;
    }
    if (!row.deadline.empty()) t.deadline_text = row.deadline;
    if (!rec.cadences.empty()) t.recurrence = rec.cadences.front();
    t.schedule = rec.schedule;
    d.tasks.push_back(t);
  };
  for (const auto& name : split_body_list(row.lead)) make(name, TaskRole::lead);
  for (const auto& name : split_body_list(row.coordinate)) make(name, TaskRole::coordinate);
  if (d.tasks.empty()) {
    for (const auto& r : context.recipients) {
      make(r, TaskRole::assignee);
      d.tasks.back().is_default = true;
    }
  }
}

// Can the shadow of `text` hold "lực"? Its "lự" comes from an l or L before
// an ự or Ự, or from a combining horn or dot below that the shadow's
// normalisation composes with a u (tones move only between plain vowels,
// never onto a ư). Nearly every directive holds an ự ("thực hiện") but few
// hold "lực", and their shadow need not be made to look for "có hiệu lực".
bool may_hold_luc(std::string_view text) {
  for (std::string_view mark : {"l\u1EF1", "L\u1EF1", "l\u1EF0", "L\u1EF0", "\u031B", "\u0323"})
    if (text.find(mark) != std::string_view::npos) return true;
  return false;
}

}  // namespace

std::optional<engine::Date> effective_date_in(const std::vector<Directive>& directives,
                                              std::optional<engine::Date> document_date) {
  for (const auto& d : directives) {
    std::optional<std::size_t> at;
    std::optional<PhraseText> t;
    if (may_hold_luc(d.text)) at = t.emplace(d.text).find("có hiệu lực");
    if (at) {
      std::string rest = t->text().substr(*at);
      PhraseText r{rest};
      auto dates = find_dates(rest);
      if (!dates.empty() && dates[0].begin < 40) {
        std::optional<int> year;
        if (document_date) year = int(document_date->year());
        return resolve(dates[0], year);
      }
      if (r.contains("ngày ký") || r.contains("ngày ban hành")) return document_date;
    }
    if (auto inner = effective_date_in(d.items, document_date)) return inner;
  }
  return std::nullopt;
}

void read_tasks(std::vector<Directive>& directives, const TaskReadingContext& context,
                std::vector<engine::Warning>& warnings) {
  DirectiveTasks reader(context, warnings);
  for (auto& d : directives) {
    if (d.number && d.number->rfind("PL.", 0) == 0) {
      for (const auto& row : context.table_rows)
        if ("PL." + row.number == *d.number && row.line == d.line) read_table_row(d, row, context);
      continue;
    }
    Inherited top;
    if (!context.operative_sections.empty() && d.number) {
      std::string section = d.number ? d.number->substr(0, d.number->find('.')) : "";
      top.operative = std::find(context.operative_sections.begin(), context.operative_sections.end(),
                                section) != context.operative_sections.end();
    }
    reader.read(d, top);
  }
}

}  // namespace cvtrack::workflows
