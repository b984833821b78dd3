#include "engine/command_service.hpp"

#include "engine/apply.hpp"
#include "engine/document_key.hpp"
#include "engine/event_types.hpp"
#include "engine/task_decide.hpp"
#include "engine/tick_decide.hpp"

namespace cvtrack::engine {

CommandService::CommandService(EventStore& store, const Clock& clock, const WorkingDays& calendar,
                               EngineSettings settings)
    : store_(store), clock_(clock), calendar_(calendar), settings_(settings) {}

Result<Registration> CommandService::register_document(const ParsedDocument& parsed, std::string_view text,
                                                       const std::string& source, Date today) {
  auto stream = store_.read_stream(kRegisterStream);
  if (!stream) return stream.error();
  RegisterRequest request;
  request.key = document_key(parsed.document, text);
  request.source = source;
  request.today = today;
  request.recorded_at = to_utc_iso(clock_.now());
  request.horizon_days = settings_.horizon_days;
  auto decision = decide_register(fold_register(*stream), parsed, request, calendar_);
  if (!decision || decision->already_registered) return decision;
  if (auto written = store_.append(decision->appends); !written) return written.error();
  return decision;
}

Result<std::vector<RecordedEvent>> CommandService::load_directory(const BodyRegistry& bodies,
                                                                  const std::string& source, Date today) {
  auto stream = store_.read_stream(kDirectoryStream);
  if (!stream) return stream.error();
  NewEvent e{event_type::directory_loaded,
             {{"source", source}, {"bodies", bodies.to_json()}},
             kSecretariat, to_utc_iso(clock_.now()), today};
  return store_.append({{kDirectoryStream, int(stream->size()), {e}}});
}

Result<std::vector<RecordedEvent>> CommandService::execute(TaskRequest request) {
  auto stream = store_.read_stream(request.task);
  if (!stream) return stream.error();
  auto registry = bodies();
  if (!registry) return registry.error();
  request.recorded_at = to_utc_iso(clock_.now());
  auto decision = decide(fold_task(*stream), request, *registry);
  if (!decision) return decision.error();
  return store_.append(*decision);
}

Result<std::vector<RecordedEvent>> CommandService::tick(Date today) {
  auto state = snapshot();
  if (!state) return state.error();
  TickRequest request{today, to_utc_iso(clock_.now()), settings_.horizon_days,
                      settings_.due_soon_working_days};
  auto decision = decide_tick(state->task_list(), request, calendar_);
  if (decision.empty()) return std::vector<RecordedEvent>{};
  return store_.append(decision);
}

Result<TaskView> CommandService::task(const StreamId& id) const {
  auto stream = store_.read_stream(id);
  if (!stream) return stream.error();
  if (!is_task_stream(id) || stream->empty()) return make_error(ErrorCode::not_found, id + ": no such task");
  return fold_task(*stream);
}

Result<DocumentView> CommandService::document(const StreamId& id) const {
  auto stream = store_.read_stream(id);
  if (!stream) return stream.error();
  if (!is_document_stream(id) || stream->empty())
    return make_error(ErrorCode::not_found, id + ": no such document");
  return fold_document(*stream);
}

Result<BodyRegistry> CommandService::bodies() const {
  auto stream = store_.read_stream(kDirectoryStream);
  if (!stream) return stream.error();
  return fold_directory(*stream);
}

Result<Snapshot> CommandService::snapshot(std::optional<Date> until) const {
  auto events = store_.read_all();
  if (!events) return events.error();
  return replay(*events, until);
}

}  // namespace cvtrack::engine
