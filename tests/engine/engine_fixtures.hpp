// tests/engine/engine_fixtures.hpp
//
// A small hand-made document and directory for the engine's tests, so they
// do not wait on the reader: the shapes are those `cvtrack parse --json`
// prints (engine/document_json.hpp).
#pragma once

#include <nlohmann/json.hpp>

#include "engine/body_registry.hpp"
#include "engine/date.hpp"
#include "engine/document.hpp"
#include "engine/document_json.hpp"

namespace cvtrack::test {

inline engine::Date day(const char* iso) { return *engine::parse_iso_date(iso); }

// Shaped like the bundled directories: UBND huyện at the top (no parent)
// -> its phòng; Huyện -> Xã A -> UBND xã A; Huyện -> Xã B -> UBND xã B.
inline engine::BodyRegistry sample_bodies() {
  return *engine::BodyRegistry::from_json(nlohmann::json::parse(R"([
    {"id": "huyen", "name": "Huyện Mẫu", "parent": null, "kind": "district"},
    {"id": "ubnd-huyen", "name": "UBND huyện Mẫu", "parent": null, "kind": "people-committee"},
    {"id": "phong-yte", "name": "Phòng Y tế huyện Mẫu", "parent": "ubnd-huyen", "kind": "government-office"},
    {"id": "phong-tckh", "name": "Phòng Tài chính - Kế hoạch", "parent": "ubnd-huyen", "kind": "government-office"},
    {"id": "xa-a", "name": "Xã A", "parent": "huyen", "kind": "commune"},
    {"id": "ubnd-xa-a", "name": "UBND xã A", "parent": "xa-a", "kind": "people-committee"},
    {"id": "xa-b", "name": "Xã B", "parent": "huyen", "kind": "commune"},
    {"id": "ubnd-xa-b", "name": "UBND xã B", "parent": "xa-b", "kind": "people-committee"}
  ])"));
}

// Three directives: a lead task with a deadline and a coordinating body; a
// monthly report due on the 20th; a continuous duty for each commune.
inline nlohmann::json sample_document_json() {
  return nlohmann::json::parse(R"({
    "document": {"kind": "công văn", "issuer": "UBND huyện Mẫu", "number": "12/UBND-VP",
                 "date": "2021-09-06", "subject": "Phòng, chống dịch",
                 "recipients": ["Phòng Y tế", "UBND các xã"]},
    "directives": [
      {"number": "1", "text": "UBND huyện chủ trì, phối hợp với Phòng Y tế rà soát phương án, xong trước 30/9/2021.",
       "line": 12, "items": [], "tasks": [
        {"assignee": "UBND huyện", "body": "ubnd-huyen", "role": "lead", "kind": "action",
         "deadline": "2021-09-30", "deadline_text": "trước 30/9/2021", "recurrence": null, "reports_to": []},
        {"assignee": "Phòng Y tế", "body": "phong-yte", "role": "coordinate", "kind": "action",
         "deadline": "2021-09-30", "deadline_text": "trước 30/9/2021", "recurrence": null, "reports_to": []}]},
      {"number": "2", "text": "Phòng Y tế báo cáo kết quả về UBND huyện trước ngày 20 hằng tháng.",
       "line": 14, "items": [], "tasks": [
        {"assignee": "Phòng Y tế", "body": "phong-yte", "role": "assignee", "kind": "report",
         "deadline": null, "deadline_text": "trước ngày 20 hằng tháng", "recurrence": "monthly",
         "schedule": {"day_of_month": 20}, "reports_to": ["UBND huyện"]}]},
      {"number": "3", "text": "Các xã tiếp tục thường xuyên rà soát.", "line": 16, "items": [], "tasks": [
        {"assignee": "UBND xã A", "body": "ubnd-xa-a", "role": "assignee", "kind": "action",
         "deadline": null, "recurrence": "continuous", "reports_to": []},
        {"assignee": "Các đơn vị", "body": null, "role": "assignee", "kind": "action",
         "deadline": null, "recurrence": null, "reports_to": []}]}
    ],
    "warnings": []
  })");
}

inline engine::ParsedDocument sample_document() {
  return *engine::parsed_document_from_json(sample_document_json());
}

inline const char* kSampleText = "UBND HUYỆN MẪU ... Số: 12/UBND-VP";

}  // namespace cvtrack::test
