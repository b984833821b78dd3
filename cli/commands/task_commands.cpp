// The commands that change a task: units' `ack`, `progress`, `report`,
// `complete`, `delegate`, and the secretariat's `approve`, `return`,
// `extend`, `cancel`. Each parses its words into an engine command and posts
// it; the engine checks the state and `--as`, and writes all or nothing.
#include <charconv>
#include <functional>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/commands/output_format.hpp"
#include "cli/commands/session.hpp"
#include "engine/runtime.hpp"

namespace cvtrack::cli {

namespace {

using Builder = std::function<engine::Result<engine::TaskCommand>(const Arguments&)>;

engine::Error bad(const std::string& message) { return engine::make_error(engine::ErrorCode::bad_input, message); }

std::string note(const Arguments& a, const char* option) { return a.option(option).value_or(""); }

// Shape: cvtrack NAME TASK [POSITIONALS...] [options]. `positionals` counts
// the words after TASK.
int run_task_command(CommandContext& ctx, const char* name, const char* usage, std::size_t positionals,
                     std::set<std::string> options, const Builder& build) {
  options.insert("--as");
  auto opened = Session::open(ctx, name, options, {});
  if (auto* code = std::get_if<int>(&opened)) return *code;
  Session& s = *std::get<std::unique_ptr<Session>>(opened);
  if (s.args().positional.size() != positionals + 1) {
    ctx.err << "usage: cvtrack " << usage << "\n";
    return 2;
  }
  auto command = build(s.args());
  if (!command) return s.fail(command.error());
  engine::TaskRequest request{s.args().positional[0], std::move(*command), s.args().option("--as"), s.today(), ""};
  auto written = engine::run_once(s.service(), [&](engine::CommandService& service) { return service.execute(request); });
  if (!written) return s.fail(written.error());
  if (s.json()) {
    ctx.out << events_json(*written).dump(2) << "\n";
    return 0;
  }
  for (const auto& e : *written)
    ctx.out << e.stream << ": " << describe_event(e) << "  (" << engine::to_iso(e.event.effective_on) << ", by "
            << e.event.actor << ")\n";
  return 0;
}

engine::Result<engine::Date> date_word(const std::string& text, const char* what) {
  auto date = engine::parse_iso_date(text);
  if (!date) return bad(std::string(what) + " \"" + text + "\" " + engine::why_not_iso_date(text));
  return *date;
}

}  // namespace

int run_ack(CommandContext& ctx) {
  return run_task_command(ctx, "ack", "ack TASK [--as BODY] [--as-of DATE]", 0, {},
                          [](const Arguments&) -> engine::Result<engine::TaskCommand> { return engine::TaskCommand{engine::Acknowledge{}}; });
}

int run_progress(CommandContext& ctx) {
  return run_task_command(ctx, "progress", "progress TASK PERCENT [--note TEXT] [--as BODY] [--as-of DATE]", 1,
                          {"--note"}, [](const Arguments& a) -> engine::Result<engine::TaskCommand> {
                            std::string word = a.positional[1];
                            if (!word.empty() && word.back() == '%') word.pop_back();
                            int percent = -1;
                            auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), percent);
                            if (ec != std::errc{} || end != word.data() + word.size())
                              return bad("PERCENT \"" + a.positional[1] + "\" is not a whole number");
                            return engine::TaskCommand{engine::ReportProgress{percent, note(a, "--note")}};
                          });
}

int run_complete(CommandContext& ctx) {
  return run_task_command(ctx, "complete", "complete TASK --note TEXT [--as BODY] [--as-of DATE]", 0, {"--note"},
                          [](const Arguments& a) -> engine::Result<engine::TaskCommand> {
                            return engine::TaskCommand{engine::ClaimCompletion{note(a, "--note")}};
                          });
}

int run_report(CommandContext& ctx) {
  return run_task_command(ctx, "report", "report TASK [--period PERIOD] [--note TEXT] [--as BODY] [--as-of DATE]", 0,
                          {"--period", "--note"}, [](const Arguments& a) -> engine::Result<engine::TaskCommand> {
                            return engine::TaskCommand{engine::SubmitReport{a.option("--period"), note(a, "--note")}};
                          });
}

int run_delegate(CommandContext& ctx) {
  return run_task_command(
      ctx, "delegate", "delegate TASK --to BODY[,BODY...] [--deadline DATE] [--note TEXT] [--as BODY] [--as-of DATE]",
      0, {"--to", "--deadline", "--note"}, [](const Arguments& a) -> engine::Result<engine::TaskCommand> {
        engine::Delegate d;
        std::string list = a.option("--to").value_or("");
        for (std::size_t at = 0; at <= list.size();) {
          std::size_t comma = list.find(',', at);
          if (comma == std::string::npos) comma = list.size();
          std::string id = list.substr(at, comma - at);
          if (!id.empty()) d.bodies.push_back(id);
          at = comma + 1;
        }
        if (d.bodies.empty()) return bad("--to BODY[,BODY...] is required");
        if (auto deadline = a.option("--deadline")) {
          auto date = date_word(*deadline, "--deadline");
          if (!date) return date.error();
          d.deadline = *date;
        }
        d.note = note(a, "--note");
        return engine::TaskCommand{std::move(d)};
      });
}

int run_approve(CommandContext& ctx) {
  return run_task_command(ctx, "approve", "approve TASK [--note TEXT] [--as BODY] [--as-of DATE]", 0, {"--note"},
                          [](const Arguments& a) -> engine::Result<engine::TaskCommand> {
                            return engine::TaskCommand{engine::Approve{note(a, "--note")}};
                          });
}

int run_return(CommandContext& ctx) {
  return run_task_command(ctx, "return", "return TASK --reason TEXT [--as BODY] [--as-of DATE]", 0, {"--reason"},
                          [](const Arguments& a) -> engine::Result<engine::TaskCommand> {
                            return engine::TaskCommand{engine::ReturnCompletion{note(a, "--reason")}};
                          });
}

int run_extend(CommandContext& ctx) {
  return run_task_command(ctx, "extend", "extend TASK NEW_DEADLINE --reason TEXT [--as BODY] [--as-of DATE]", 1,
                          {"--reason"}, [](const Arguments& a) -> engine::Result<engine::TaskCommand> {
                            auto date = date_word(a.positional[1], "NEW_DEADLINE");
                            if (!date) return date.error();
                            return engine::TaskCommand{engine::ExtendDeadline{*date, note(a, "--reason")}};
                          });
}

int run_cancel(CommandContext& ctx) {
  return run_task_command(ctx, "cancel", "cancel TASK --reason TEXT [--as BODY] [--as-of DATE]", 0, {"--reason"},
                          [](const Arguments& a) -> engine::Result<engine::TaskCommand> {
                            return engine::TaskCommand{engine::CancelTask{note(a, "--reason")}};
                          });
}

}  // namespace cvtrack::cli
