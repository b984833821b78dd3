// workflows/clause_reader.hpp
//
// One clause of a directive (a sentence, or a part between semicolons) read
// for who and to whom: the bodies in subject position ("UBND huyện chủ trì
// …", "Yêu cầu các địa phương …", "… thì đồng chí Bí thư Huyện ủy phải …"),
// whether they lead ("chủ trì"), who coordinates ("phối hợp với Y, Z"), and
// the reporting duties ("báo cáo … về X", "tham mưu X", "trình X", "gửi về
// X … để tổng hợp báo cáo Y").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "workflows/phrase_search.hpp"

namespace cvtrack::workflows {

struct ReportMention {
  std::vector<std::string> to;     // empty: the text names no one (same as before)
  std::optional<std::string> via;  // "(qua Văn phòng Tỉnh ủy)"
  std::size_t at = 0;              // where "báo cáo" stands
  // "gửi về X … để tổng hợp báo cáo về Y": X then reports on to Y.
  std::vector<std::string> relayed_by;
};

struct ClauseReading {
  bool skip = false;                       // says nothing to do (accountability, "này có hiệu lực")
  bool heading = false;                    // the clause is only the name of a body
  std::vector<std::string> subject;        // explicit bodies, empty when none
  std::size_t action_start = 0;            // where the work begins (after the subject)
  bool lead = false;                       // "chủ trì"
  std::vector<std::string> coordinating;   // "phối hợp với …"
  std::vector<std::string> advises;        // "tham mưu X", "trình X": the task's reports_to
  std::vector<ReportMention> reports;      // "báo cáo …"
  std::vector<std::string> guided;         // "hướng dẫn X <làm gì>" where X are recipients
};

// `recipients` are the Kính gửi entries: "hướng dẫn X" makes X assignees
// only when X is one of them.
ClauseReading read_clause(const PhraseText& clause, const std::vector<std::string>& recipients);

// Splits a directive's text into clauses at sentence ends, ';' and line breaks.
struct Clause {
  std::string text;
  bool ends_with_colon = false;
};
std::vector<Clause> split_clauses(const std::string& text);

// An unnumbered paragraph after the list gives work of its own (a directive
// with number null), rather than continuing the item before it.
bool is_operative_paragraph(const std::string& paragraph);

}  // namespace cvtrack::workflows
