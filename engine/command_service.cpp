#include "engine/command_service.hpp"

#include "engine/apply.hpp"
#include "engine/deadline_schedule.hpp"
#include "engine/document_key.hpp"
#include "engine/event_types.hpp"
#include "engine/task_decide.hpp"
#include "engine/tick_decide.hpp"

namespace cvtrack::engine {

CommandService::CommandService(EventStore& store, const Clock& clock, const WorkingDays& calendar,
                               EngineSettings settings)
    : store_(store), clock_(clock), calendar_(calendar), settings_(settings) {}

Result<Registration> CommandService::register_document(const ParsedDocument& parsed, std::string_view text,
                                                       const std::string& source, Date today,
                                                       std::vector<RecordedEvent>* recorded) {
  auto all = register_documents({{parsed, std::string(text), source}}, today, recorded);
  if (!all) return all.error();
  return all->front();
}

namespace {

Error no_such_task(const StreamId& id) { return make_error(ErrorCode::not_found, id + ": no such task"); }

StreamHead head_of(const std::vector<RecordedEvent>& stream) {
  return stream.empty() ? StreamHead{} : StreamHead{stream.back().version, stream.back().hash};
}

}  // namespace

Result<RegisterView*> CommandService::current_register() {
  auto head = store_.stream_head(kRegisterStream);
  if (!head) return head.error();
  if (!register_ || register_->head != *head) {
    register_.reset();
    auto stream = store_.read_stream(kRegisterStream);
    if (!stream) return stream.error();
    // Kept under the head of what was read: if another writer appended
    // after stream_head, the next call sees a different head and reads again.
    register_ = KeptRegister{head_of(*stream), fold_register(*stream)};
  }
  return &register_->view;
}

Result<std::vector<Registration>> CommandService::register_documents(const std::vector<Incoming>& documents,
                                                                     Date today,
                                                                     std::vector<RecordedEvent>* recorded) {
  auto kept = current_register();
  if (!kept) return kept.error();
  RegisterView& view = **kept;
  // The kept view takes this call's entries as they are decided; unless the
  // append succeeds, it is dropped and read again next time.
  struct DropUnlessKept {
    std::optional<KeptRegister>& kept;
    bool keep = false;
    ~DropUnlessKept() {
      if (!keep) kept.reset();
    }
  } guard{register_};
  // All register entries go in one batch: a store checks each batch's
  // expected version against the log as it was before the append.
  StreamAppend entries{kRegisterStream, view.version, {}};
  std::vector<StreamAppend> rest;
  std::vector<Registration> out;
  for (const auto& doc : documents) {
    RegisterRequest request;
    request.key = document_key(doc.parsed.document, doc.text);
    request.source = doc.source;
    request.today = today;
    request.recorded_at = to_utc_iso(clock_.now());
    request.horizon_days = settings_.horizon_days;
    auto decision = decide_register(view, doc.parsed, request, calendar_);
    if (!decision) return decision.error();
    if (!decision->already_registered) {
      auto& appends = decision->appends;
      // Invariant (decide_register): the register entry comes first.
      for (auto& e : appends.front().events) entries.events.push_back(std::move(e));
      rest.insert(rest.end(), std::make_move_iterator(appends.begin() + 1), std::make_move_iterator(appends.end()));
      appends.clear();
      view.add(request.key, decision->document);
      ++view.version;
    }
    out.push_back(std::move(*decision));
  }
  if (entries.events.empty()) {
    guard.keep = true;
    return out;
  }
  rest.insert(rest.begin(), std::move(entries));
  auto written = store_.append(rest);
  if (!written) return written.error();
  for (auto it = written->rbegin(); it != written->rend(); ++it)
    if (it->stream == kRegisterStream) {
      register_->head = StreamHead{it->version, it->hash};
      guard.keep = true;
      break;
    }
  if (recorded) *recorded = std::move(*written);
  return out;
}

Result<std::vector<RecordedEvent>> CommandService::load_directory(const BodyRegistry& bodies,
                                                                  const std::string& source, Date today,
                                                                  const nlohmann::json& original) {
  auto head = store_.stream_head(kDirectoryStream);
  if (!head) return head.error();
  NewEvent e{event_type::directory_loaded,
             {{"source", source}, {"bodies", bodies.to_json()}, {"original", original}},
             kSecretariat, to_utc_iso(clock_.now()), today};
  return store_.append({{kDirectoryStream, head->version, {e}}});
}

Result<nlohmann::json> CommandService::directory_original() const {
  auto stream = store_.read_stream(kDirectoryStream);
  if (!stream) return stream.error();
  if (stream->empty()) return nlohmann::json(nullptr);
  return stream->back().event.payload.value("original", nlohmann::json(nullptr));
}

Result<std::vector<RecordedEvent>> CommandService::execute(TaskRequest request, TaskView* after,
                                                           const Precondition& may_act,
                                                           std::optional<KeptTask> read_earlier) {
  // The task as read earlier, if its stream has not moved since (the hash
  // chain makes an equal head the same history); else as the store keeps
  // it when it does (one row, however long the task's history); else
  // folded from its events.
  if (read_earlier) {
    auto now = store_.stream_head(request.task);
    if (!now) return now.error();
    if (*now != read_earlier->head) read_earlier.reset();
  }
  Result<std::optional<KeptTask>> kept =
      read_earlier ? Result<std::optional<KeptTask>>(std::move(read_earlier)) : store_.kept_task(request.task);
  if (!kept) return kept.error();
  TaskView task;
  StreamHead head;
  if (*kept) {
    task = std::move((*kept)->task);
    head = std::move((*kept)->head);
  } else {
    auto stream = store_.read_stream(request.task);
    if (!stream) return stream.error();
    task = fold_task(*stream);
    head = head_of(*stream);
  }
  auto registry = current_bodies();
  if (!registry) return registry.error();
  request.recorded_at = to_utc_iso(clock_.now());
  if (may_act) {
    // As task() says it: the caller learns the task is unknown before
    // anything about who may act on it.
    if (!is_task_stream(request.task) || !task.exists()) return no_such_task(request.task);
    if (auto allowed = may_act(task); !allowed) return allowed.error();
  }
  auto decision = decide(task, request, **registry);
  if (!decision) return decision.error();
  // The store need not read the task's events back to project it.
  for (auto& batch : *decision)
    if (batch.stream == request.task) {
      batch.folded = &task;
      batch.folded_at = head;
    }
  auto written = store_.append(*decision);
  if (written && after) {
    for (const auto& e : *written)
      if (e.stream == request.task) task = apply(std::move(task), e);
    *after = std::move(task);
  }
  return written;
}

Result<std::vector<RecordedEvent>> CommandService::tick(Date today) {
  auto state = snapshot();
  if (!state) return state.error();
  TickRequest request{today, to_utc_iso(clock_.now()), settings_.horizon_days,
                      {settings_.due_soon_working_days}};
  auto decision = decide_tick(state->task_list(), request, calendar_);
  if (decision.empty()) return std::vector<RecordedEvent>{};
  return store_.append(decision);
}

Result<std::vector<RecordedEvent>> CommandService::tick_pass(Date today, const DeadlineSource& source,
                                                             TickProgress& progress) {
  TickRequest request{today, to_utc_iso(clock_.now()), settings_.horizon_days,
                      {settings_.due_soon_working_days}};
  bool planning = !progress.planned;
  std::size_t batch = settings_.tick_batch;
  auto tasks = planning ? source.periodic_tasks(progress.after, batch)
                        : tasks_due_at(source, request.now(), request.reminders, calendar_);
  if (!tasks) return tasks.error();
  if (planning) {
    if (!tasks->empty()) progress.after = tasks->back().id;
    progress.planned = tasks->size() < batch;
  }
  // A periodic task planned above that also has a rung due got it there;
  // tick_decide records a rung once, so a rung pass finding it is harmless.
  auto decision = decide_tick(*tasks, request, calendar_);
  if (decision.empty()) {
    // A planning batch with nothing new has batches after it; a rung pass
    // with nothing new is the end: the next would find the same.
    if (!planning) progress.done = true;
    return std::vector<RecordedEvent>{};
  }
  return store_.append(decision);
}

Result<std::vector<RecordedEvent>> CommandService::tick(Date today, const DeadlineSource& source) {
  TickProgress progress;
  std::vector<RecordedEvent> recorded;
  while (!progress.done) {
    auto pass = tick_pass(today, source, progress);
    if (!pass) return pass.error();
    recorded.insert(recorded.end(), std::make_move_iterator(pass->begin()), std::make_move_iterator(pass->end()));
  }
  return recorded;
}

Result<std::vector<RecordedEvent>> CommandService::record_deadline_marks(const std::vector<TaskView>& tasks,
                                                                         TimePoint now,
                                                                         const std::vector<int>& reminders) {
  std::string recorded_at = to_utc_iso(clock_.now());
  std::vector<StreamAppend> decision;
  for (const auto& t : tasks) {
    auto events = deadline_marks_due(t, now, reminders, calendar_, recorded_at);
    if (!events.empty()) decision.push_back({t.id, t.version, std::move(events)});
  }
  if (decision.empty()) return std::vector<RecordedEvent>{};
  return store_.append(decision);
}

Result<TaskView> CommandService::task(const StreamId& id) const {
  auto stream = store_.read_stream(id);
  if (!stream) return stream.error();
  if (!is_task_stream(id) || stream->empty()) return no_such_task(id);
  return fold_task(*stream);
}

Result<DocumentView> CommandService::document(const StreamId& id) const {
  auto stream = store_.read_stream(id);
  if (!stream) return stream.error();
  if (!is_document_stream(id) || stream->empty())
    return make_error(ErrorCode::not_found, id + ": no such document");
  return fold_document(*stream);
}

Result<std::shared_ptr<const BodyRegistry>> CommandService::current_bodies() const {
  auto head = store_.stream_head(kDirectoryStream);
  if (!head) return head.error();
  if (!directory_ || directory_->head != *head) {
    auto stream = store_.read_stream(kDirectoryStream);
    if (!stream) return stream.error();
    directory_ = KeptDirectory{head_of(*stream), std::make_shared<const BodyRegistry>(fold_directory(*stream))};
  }
  return directory_->bodies;
}

Result<BodyRegistry> CommandService::bodies() const {
  auto registry = current_bodies();
  if (!registry) return registry.error();
  return **registry;
}

Result<Snapshot> CommandService::snapshot(std::optional<Date> until) const {
  auto events = store_.read_all();
  if (!events) return events.error();
  return replay(*events, until);
}

}  // namespace cvtrack::engine
