// engine/command_service.hpp
//
// Runs commands against a store: read the streams a command needs, decide,
// append what was decided in one call (one transaction), hand back what was
// recorded. Optimistic: nothing is locked while deciding; if another
// process wrote first, the append fails with a conflict and nothing is
// written. Not thread-safe: Runtime calls it on the engine strand, the
// command line from its one thread.
//
// The directory and the register are folded once and kept: every command
// needs the bodies, every registration the register, and folding them
// again each time grew with the log (perf: a third of a command went to
// parsing the directory event). Each is kept with its stream's head
// (EventStore::stream_head) and used only while the head is still the same,
// so a directory another process loads, or a group abandoned after it
// appended, is seen by the next command.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/body_registry.hpp"
#include "engine/clock.hpp"
#include "engine/deadline_source.hpp"
#include "engine/event_store.hpp"
#include "engine/register_decide.hpp"
#include "engine/replay.hpp"
#include "engine/task_commands.hpp"
#include "engine/task_view.hpp"
#include "engine/working_days.hpp"

namespace cvtrack::engine {

struct EngineSettings {
  int horizon_days = 31;           // how far ahead report occurrences are planned
  int due_soon_working_days = 3;   // "sắp đến hạn"
  std::size_t tick_batch = 100;    // periodic tasks a tick pass plans (CommandService::tick_pass)
};

class CommandService {
 public:
  // `clock` gives recorded_at; effective dates come with each command.
  // The references must outlive the service.
  CommandService(EventStore& store, const Clock& clock, const WorkingDays& calendar,
                 EngineSettings settings = {});

  // Registers a parsed document read from `text`. Registering the same
  // document again writes nothing and says so (already_registered).
  // `recorded`, when given, receives the events written (for a runtime
  // to publish).
  Result<Registration> register_document(const ParsedDocument& parsed, std::string_view text,
                                         const std::string& source, Date today,
                                         std::vector<RecordedEvent>* recorded = nullptr);

  // Several documents in one append (one transaction): all are registered
  // or none. A document given twice is registered once.
  struct Incoming {
    ParsedDocument parsed;
    std::string text;
    std::string source;
  };
  Result<std::vector<Registration>> register_documents(const std::vector<Incoming>& documents, Date today,
                                                       std::vector<RecordedEvent>* recorded = nullptr);

  // Records the directory the `--as` checks and delegations use; `original`
  // (the directory file's JSON) is kept in the event so later commands can
  // resolve names with the same directory.
  Result<std::vector<RecordedEvent>> load_directory(const BodyRegistry& bodies, const std::string& source,
                                                    Date today, const nlohmann::json& original = nullptr);
  // The `original` of the newest directory recorded; null when none.
  Result<nlohmann::json> directory_original() const;

  // What must hold of a task before a command on it is decided: the
  // server's access policy (who may act), which the engine knows nothing of.
  using Precondition = std::function<Status(const TaskView&)>;

  // `after`, when given, receives the task as the command left it (what it
  // read, folded with what it wrote), so a caller answering with the task
  // need not read it again. `may_act`, when given, is asked about the task
  // as folded for this command, after a task that does not exist is refused
  // (not_found) and before the command is decided: its refusal is returned
  // and nothing is written. Checked against the very state the command is
  // decided on, it cannot be outdated by a command decided in between, and
  // the caller need not read and fold the task a second time to check it.
  // `read_earlier`, when given, is the task as the caller read it before the
  // command got here (a server reads it on its own threads, off the engine
  // strand): decided on when the stream's head is still the one it was read
  // at, which one lookup tells; otherwise the task is read again here.
  Result<std::vector<RecordedEvent>> execute(TaskRequest request, TaskView* after = nullptr,
                                             const Precondition& may_act = {},
                                             std::optional<KeptTask> read_earlier = std::nullopt);

  // Occurrences, overdue and reminder markers as of `today`; see
  // tick_decide.hpp. Finds the tasks by replaying the whole log: for stores
  // without projections (MemoryEventStore). cvtrack's SQLite store has them
  // and ticks with a DeadlineSource (below), which records the same.
  Result<std::vector<RecordedEvent>> tick(Date today);

  // Tick over the stored state: the same as tick(today), without a replay
  // (minutes at a million tasks). It goes in passes, each one append: first
  // the periodic tasks' occurrences (DeadlineSource::periodic_tasks),
  // settings().tick_batch tasks a pass in id order, then the rungs due at
  // noon of `today` (tasks_due_at), pass after pass while one records
  // something. `progress` carries where the next pass starts; a server
  // posts each pass as its own command, so none holds the strand for long.
  struct TickProgress {
    std::string after;     // the last periodic task a pass looked at
    bool planned = false;  // every periodic task has been looked at
    bool done = false;     // a rung pass recorded nothing: tick is over
  };
  Result<std::vector<RecordedEvent>> tick_pass(Date today, const DeadlineSource& source, TickProgress& progress);
  // Every pass, one after another (the command line's tick: one group, so
  // one transaction).
  Result<std::vector<RecordedEvent>> tick(Date today, const DeadlineSource& source);

  // The deadline rungs due at `now` for `tasks` (current views with their
  // deadline_marks, as a DeadlineSource finds them), in one append; see
  // deadline_schedule.hpp. The deadline timer's work. A conflict means
  // someone else wrote to one of the tasks first (or recorded the same
  // mark): nothing was written, and a fresh read will show what is left.
  Result<std::vector<RecordedEvent>> record_deadline_marks(const std::vector<TaskView>& tasks, TimePoint now,
                                                           const std::vector<int>& reminders);

  Result<TaskView> task(const StreamId& id) const;      // not_found when absent
  Result<DocumentView> document(const StreamId& id) const;
  Result<BodyRegistry> bodies() const;  // a copy of the kept directory
  Result<Snapshot> snapshot(std::optional<Date> until = std::nullopt) const;
  // Every event, in log order.
  Result<std::vector<RecordedEvent>> log() const { return store_.read_all(); }

  const EngineSettings& settings() const { return settings_; }
  EventStore& store() { return store_; }
  const WorkingDays& calendar() const { return calendar_; }

 private:
  // The directory as the store holds it now, folded at most once per head.
  Result<std::shared_ptr<const BodyRegistry>> current_bodies() const;
  // The register as the store holds it now; the returned view is the kept
  // one, which a registration extends in place.
  Result<RegisterView*> current_register();

  EventStore& store_;
  const Clock& clock_;
  const WorkingDays& calendar_;
  EngineSettings settings_;

  struct KeptDirectory {
    StreamHead head;
    std::shared_ptr<const BodyRegistry> bodies;
  };
  struct KeptRegister {
    StreamHead head;
    RegisterView view;
  };
  mutable std::optional<KeptDirectory> directory_;
  std::optional<KeptRegister> register_;
};

}  // namespace cvtrack::engine
