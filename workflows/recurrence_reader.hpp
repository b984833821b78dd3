// workflows/recurrence_reader.hpp
//
// How often: the cadence of a duty ("hằng ngày / hằng tuần / hằng tháng /
// hằng quý / 6 tháng / hằng năm"), with the day and hour when given
// ("trước 15 giờ hằng ngày", "chiều thứ Sáu hằng tuần", "trước ngày 20 hằng
// tháng"); "thường xuyên", "tiếp tục", "duy trì" with no end are continuous;
// "kịp thời báo cáo", "báo cáo ngay khi …", "khi có phát sinh", "đột xuất"
// are on-event. A duty may have two cadences ("sơ kết 6 tháng, tổng kết năm").
#pragma once

#include <optional>
#include <vector>

#include "engine/document.hpp"
#include "workflows/phrase_search.hpp"

namespace cvtrack::workflows {

struct RecurrenceFound {
  std::vector<engine::Recurrence> cadences;  // empty: none found
  engine::Schedule schedule;
};

// `report_clause`: the clause is a reporting duty (then "hằng ngày" is a
// cadence even without an hour). `opening_clause`: the first clause of a
// duty, where "tiếp tục"/"thường xuyên"/"duy trì" make it continuous.
RecurrenceFound find_recurrence(const PhraseText& clause, bool report_clause, bool opening_clause,
                                std::optional<int> document_year);

}  // namespace cvtrack::workflows
