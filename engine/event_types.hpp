// engine/event_types.hpp
//
// The names of the events, as written in the log's `type` column. Names are
// part of the stored format: a released name is never renamed.
#pragma once

namespace cvtrack::engine::event_type {

// Stream "register": one per incoming document, in arrival order.
inline constexpr const char* document_entered = "document_entered";
// Stream "D<n>".
inline constexpr const char* document_registered = "document_registered";
// Stream "directory".
inline constexpr const char* directory_loaded = "directory_loaded";
// Streams "T<n>.<k>".
inline constexpr const char* task_assigned = "task_assigned";
inline constexpr const char* task_acknowledged = "task_acknowledged";
inline constexpr const char* progress_reported = "progress_reported";
inline constexpr const char* completion_claimed = "completion_claimed";
inline constexpr const char* completion_approved = "completion_approved";
inline constexpr const char* completion_returned = "completion_returned";
inline constexpr const char* deadline_extended = "deadline_extended";
inline constexpr const char* task_delegated = "task_delegated";
inline constexpr const char* task_cancelled = "task_cancelled";
inline constexpr const char* occurrence_scheduled = "occurrence_scheduled";
inline constexpr const char* report_submitted = "report_submitted";
// Recorded by `tick`: markers that change no state, so reminders and
// escalations have a dated trace, and running tick twice adds nothing.
inline constexpr const char* task_overdue = "task_overdue";
inline constexpr const char* occurrence_overdue = "occurrence_overdue";
inline constexpr const char* deadline_reminder = "deadline_reminder";

}  // namespace cvtrack::engine::event_type
