// `cvtrack parse FILE [--json] [--directory FILE]`: what the reader found in
// one document (text in any encoding, or a .docx), for the secretariat to
// check before anything is recorded.
#include <iostream>
#include <optional>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "engine/document_json.hpp"
#include "workflows/assign_bodies.hpp"
#include "workflows/body_directory.hpp"
#include "workflows/document_input.hpp"
#include "workflows/document_reader.hpp"

namespace cvtrack::cli {

int run_parse(CommandContext& ctx) {
  auto args = parse_arguments(ctx.args, {"--directory", "--before-rule"}, {"--json"});
  if (!args) {
    ctx.err << "cvtrack parse: " << args.error().message << "\n";
    return 2;
  }
  if (args->positional.size() != 1) {
    ctx.err << "usage: cvtrack parse FILE [--json] [--directory FILE] [--before-rule end-of-day|day-before]\n";
    return 2;
  }
  // The directory first: a bad directory file is refused before any reading.
  std::optional<workflows::BodyDirectory> directory;
  if (auto path = args->option("--directory")) {
    auto loaded = workflows::BodyDirectory::load(*path);
    if (!loaded) {
      ctx.err << "cvtrack parse: " << loaded.error().message << "\n";
      return exit_code_for(int(loaded.error().code));
    }
    directory = std::move(*loaded);
  }
  // "trước ngày X": due by the end of X (default) or of the day before.
  workflows::ReadOptions options;
  if (auto rule = args->option("--before-rule")) {
    if (*rule == "day-before") {
      options.before_means_day_before = true;
    } else if (*rule != "end-of-day") {
      ctx.err << "cvtrack parse: --before-rule takes end-of-day or day-before, not '" << *rule << "'\n";
      return 2;
    }
  }
  // Any encoding or a .docx, converted to UTF-8; how it was read is noted.
  const std::string& file = args->positional[0];
  auto input = workflows::read_document_input(file, options.max_bytes);
  if (!input) {
    ctx.err << "cvtrack parse: " << input.error().message << "\n";
    return exit_code_for(int(input.error().code));
  }
  if (input->converted) ctx.err << file << ": note: " << input->note() << "\n";
  auto parsed = workflows::read_document_text(input->text, file, options);
  if (!parsed) {
    ctx.err << "cvtrack parse: " << parsed.error().message << "\n";
    return exit_code_for(int(parsed.error().code));
  }
  if (directory) workflows::resolve_assignees(*parsed, *directory);
  if (args->flag("--json")) {
    ctx.out << engine::to_json(*parsed).dump(2) << "\n";
  } else {
    workflows::print_summary(*parsed, ctx.out);
  }
  for (const auto& w : parsed->warnings)
    ctx.err << args->positional[0] << ":" << w.line << ": warning: " << w.message << "\n";
  return 0;
}

}  // namespace cvtrack::cli
