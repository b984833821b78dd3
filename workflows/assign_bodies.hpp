// workflows/assign_bodies.hpp
//
// Gives every task of a parsed document the directory body that holds it, so
// each body (each commune, each ban) tracks its own progress. Runs after the
// document reader, when the user passes `--directory FILE`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/document.hpp"
#include "workflows/body_directory.hpp"
#include "workflows/body_resolver.hpp"

namespace cvtrack::workflows {

// Walks every directive and item of `doc`:
//  - a task whose assignee names one body gets `body` = its id;
//  - a group ("các xã, thị trấn", "UBND các xã, thị trấn") becomes one copy
//    of the task per member body, each with its `body`, `assignee` as written;
//  - a list ("Đảng ủy - UBND các xã, thị trấn", "HĐND, UBND, Ủy ban MTTQ Việt
//    Nam huyện"; the Kính gửi lines of default tasks) is split with the task
//    reader's split_body_list() (or, where that leaves more names unknown, by
//    the runs the directory knows), the shared tail given to each head, and
//    becomes one task per body; a default line's copies for one body are
//    kept once per directive;
//  - a name the directory lacks keeps `body` null and adds one warning per
//    name per directive: `directive 8: "NAME" is not in the directory`.
// Bodies are resolved as of the document's date when it has one. A task that
// already has a `body` is left alone (a second run adds no tasks, though it
// warns again about the names still unknown). `reports_to` stays text.
void resolve_assignees(engine::ParsedDocument& doc, const BodyDirectory& dir);

// One piece of an assignee phrase and the bodies it resolved to (empty: not
// in the directory).
struct AssigneePart {
  std::string text;
  Resolution resolution;
};

// The phrase resolved whole when the directory knows it, else split into a
// list as described above. Never empty for a non-empty phrase.
std::vector<AssigneePart> resolve_assignee(std::string_view phrase, const BodyResolver& resolver);

}  // namespace cvtrack::workflows
