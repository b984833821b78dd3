// workflows/deadline_reader.hpp
//
// By when: the deadline a clause sets, read the way the Civil Code counts
// (Bộ luật Dân sự 2015, Điều 144–148; see README.md#deadlines):
//  - explicit dates after a cue ("trước ngày 30/9/2021", "chậm nhất ngày
//    15/10", "xong trước 14 giờ ngày 17-11-2008") stay as written, even on a
//    Saturday; the hour is kept;
//  - periods ("hoàn thành trong tháng 6 năm 2022", "trong quý III") end on
//    their last day;
//  - counted periods ("trong thời hạn 05 ngày làm việc kể từ ngày ký") start
//    the day after the document's date and roll to the next working day;
//    counted from an event the text cannot date ("kể từ ngày nhận được đơn")
//    they stay a rule (amount, unit, from) with no date.
// Dates that are not deadlines stay out: a start ("kể từ ngày", "bắt đầu
// từ ngày"), a period's bounds, the dates of cited documents, a meeting's day.
#pragma once

#include <optional>
#include <string>

#include "engine/document.hpp"
#include "workflows/phrase_search.hpp"

namespace cvtrack::workflows {

class WorkingDayCalendar;

struct DeadlineContext {
  std::optional<engine::Date> document_date;
  std::optional<engine::Date> effective_date;  // "có hiệu lực kể từ ngày ký" -> document date
  const WorkingDayCalendar* calendar = nullptr;
  bool before_means_day_before = false;
};

struct DeadlineFound {
  std::optional<engine::Date> date;
  std::optional<std::string> time;                     // "14:00"
  std::string text;                                    // the words, as written
  std::optional<engine::RelativeDeadline> relative;    // counted from an undated event
  std::size_t begin = 0;
};

std::optional<DeadlineFound> find_deadline(const PhraseText& clause, const DeadlineContext& context);

// A deadline cell of a task table: "Tháng 12/2025", "Quý I/2026", "Trước ngày 15/12".
std::optional<DeadlineFound> deadline_from_cell(const std::string& cell, const DeadlineContext& context);

// "16 giờ", "16 giờ 00", "16h30" right at `pos`: "16:00".
std::optional<std::string> time_at(const std::string& shadow, std::size_t pos, std::size_t* end = nullptr);

}  // namespace cvtrack::workflows
