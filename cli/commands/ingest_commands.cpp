// `cvtrack ingest FILE...` and `cvtrack documents`: the secretariat's
// register of incoming documents.
#include <ostream>

#include "cli/commands.hpp"
#include "cli/commands/directory_bridge.hpp"
#include "cli/commands/output_format.hpp"
#include "cli/commands/session.hpp"
#include "engine/runtime.hpp"
#include "engine/task_status.hpp"
#include "workflows/assign_bodies.hpp"
#include "workflows/document_input.hpp"
#include "workflows/document_reader.hpp"

namespace cvtrack::cli {

namespace {

// Every file is read and resolved before anything is written: one bad file
// and nothing is registered.
engine::Result<std::vector<engine::CommandService::Incoming>> read_all(
    const std::vector<std::string>& files, const std::optional<workflows::BodyDirectory>& directory,
    std::ostream& err) {
  std::vector<engine::CommandService::Incoming> out;
  const workflows::ReadOptions options;
  for (const auto& file : files) {
    // Any encoding or a .docx; the text kept (and hashed) is the UTF-8 NFC
    // one, so the same document in two encodings is one document.
    auto input = workflows::read_document_input(file, options.max_bytes);
    if (!input) return input.error();
    auto parsed = workflows::read_document_text(input->text, file, options);
    if (!parsed) return parsed.error();
    if (input->converted) err << file << ": note: " << input->note() << "\n";
    if (directory) workflows::resolve_assignees(*parsed, *directory);
    for (const auto& w : parsed->warnings) err << file << ":" << w.line << ": warning: " << w.message << "\n";
    out.push_back({std::move(*parsed), std::move(input->text), file});
  }
  return out;
}

void print_registration(Session& s, std::ostream& out, const engine::Registration& r, const std::string& source) {
  if (r.already_registered) {
    out << source << ": already registered as " << r.document << "; nothing changed\n";
    return;
  }
  auto doc = s.service().document(r.document);
  const auto& h = doc->header;
  out << r.document << "  " << h.number.value_or(h.symbol.value_or("(no number)")) << "  "
      << h.issuer.value_or("?") << "  " << (h.date ? engine::to_iso(*h.date) : "undated") << "  (" << source
      << "): " << r.tasks.size() << " tasks\n";
  for (const auto& id : r.tasks) {
    auto t = s.service().task(id);
    if (!t) continue;
    out << "  " << task_line(*t, engine::status_at(*t, s.today(), s.calendar(), s.service().settings().due_soon_working_days)) << "\n";
  }
}

}  // namespace

int run_ingest(CommandContext& ctx) {
  auto opened = Session::open(ctx, "ingest", {"--directory"}, {});
  if (auto* code = std::get_if<int>(&opened)) return *code;
  Session& s = *std::get<std::unique_ptr<Session>>(opened);
  const auto& files = s.args().positional;
  if (files.empty()) {
    ctx.err << "usage: cvtrack ingest FILE... [--directory FILE] [--db PATH] [--as-of DATE] [--json]\n";
    return 2;
  }
  std::optional<workflows::BodyDirectory> directory;
  if (auto file = s.args().option("--directory")) {
    auto loaded = workflows::BodyDirectory::load(*file);
    if (!loaded) return s.fail(loaded.error());
    directory = std::move(*loaded);
  } else {
    auto recorded = recorded_directory(s.service());
    if (!recorded) return s.fail(recorded.error());
    directory = std::move(*recorded);
    if (!directory)
      ctx.err << "cvtrack ingest: warning: no directory loaded (cvtrack init --directory FILE): tasks keep "
                 "their bodies' names as written, and --as and delegation will not apply to them\n";
  }
  auto incoming = read_all(files, directory, ctx.err);
  if (!incoming) return s.fail(incoming.error());
  std::vector<engine::Registration> done;
  auto written = engine::run_once(s.service(), [&](engine::CommandService& service)
                                                   -> engine::Result<std::vector<engine::RecordedEvent>> {
    auto r = service.register_documents(*incoming, s.today());
    if (!r) return r.error();
    done = std::move(*r);
    return std::vector<engine::RecordedEvent>{};
  });
  if (!written) return s.fail(written.error());
  if (s.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (std::size_t i = 0; i < done.size(); ++i)
      list.push_back({{"source", files[i]},
                      {"document", done[i].document},
                      {"already_registered", done[i].already_registered},
                      {"tasks", done[i].tasks}});
    ctx.out << list.dump(2) << "\n";
    return 0;
  }
  for (std::size_t i = 0; i < done.size(); ++i) print_registration(s, ctx.out, done[i], files[i]);
  return 0;
}

int run_documents(CommandContext& ctx) {
  auto opened = Session::open(ctx, "documents", {}, {});
  if (auto* code = std::get_if<int>(&opened)) return *code;
  Session& s = *std::get<std::unique_ptr<Session>>(opened);
  auto docs = s.reader().documents();
  if (!docs) return s.fail(docs.error());
  if (s.json()) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& d : *docs)
      list.push_back({{"id", d.id}, {"key", d.key}, {"number", d.number ? nlohmann::json(*d.number) : nlohmann::json()},
                      {"issuer", d.issuer ? nlohmann::json(*d.issuer) : nlohmann::json()},
                      {"date", d.date ? nlohmann::json(*d.date) : nlohmann::json()},
                      {"subject", d.subject ? nlohmann::json(*d.subject) : nlohmann::json()},
                      {"source", d.source}, {"registered_on", d.registered_on}, {"tasks", d.task_count}});
    ctx.out << list.dump(2) << "\n";
    return 0;
  }
  if (docs->empty()) ctx.out << "no documents registered (cvtrack ingest FILE)\n";
  for (const auto& d : *docs)
    ctx.out << d.id << "  " << d.number.value_or("(no number)") << "  " << d.issuer.value_or("?") << "  "
            << d.date.value_or("undated") << "  " << d.task_count << " tasks  registered " << d.registered_on
            << "  " << d.subject.value_or("") << "\n";
  return 0;
}

}  // namespace cvtrack::cli
