// engine/apply.hpp
//
// Folding a stream into its current state. apply() trusts the log: every
// event in it was accepted by decide(), so apply() only copies the new values
// the payload carries and never refuses anything. Pure: no I/O, no clock.
#pragma once

#include <unordered_map>
#include <vector>

#include "engine/body_registry.hpp"
#include "engine/event.hpp"
#include "engine/task_view.hpp"

namespace cvtrack::engine {

TaskView apply(TaskView task, const RecordedEvent& event);
DocumentView apply(DocumentView document, const RecordedEvent& event);

TaskView fold_task(const std::vector<RecordedEvent>& stream);
DocumentView fold_document(const std::vector<RecordedEvent>& stream);

// The bodies of the newest directory_loaded event in the "directory" stream.
BodyRegistry fold_directory(const std::vector<RecordedEvent>& stream);

// The "register" stream: which key became which document.
class RegisterView {
 public:
  int version = 0;
  const std::vector<std::pair<std::string, StreamId>>& entries() const { return entries_; }  // key, document, in order
  const StreamId* find(const std::string& key) const;  // by key, without a scan
  void add(std::string key, StreamId document);

 private:
  std::vector<std::pair<std::string, StreamId>> entries_;
  std::unordered_map<std::string, std::size_t> by_key_;  // the first entry of each key
};
RegisterView fold_register(const std::vector<RecordedEvent>& stream);

inline const StreamId kRegisterStream = "register";
inline const StreamId kDirectoryStream = "directory";

// Which kind of stream an id names, from its first letter.
bool is_task_stream(const StreamId& stream);      // "T3.5"
bool is_document_stream(const StreamId& stream);  // "D3"

// Reading order for ids: T1.2 < T1.10 < T2.1 (numbers compared as numbers).
bool id_less(const StreamId& a, const StreamId& b);

}  // namespace cvtrack::engine
