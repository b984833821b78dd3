// libFuzzer target: whatever bytes arrive as a document — through `parse`,
// `ingest` or POST /api/documents — are refused with an Error or read, never a
// crash, a hang or undefined behaviour. The bytes go both straight to the
// reader (as UTF-8, the API's text/plain path) and through the input path
// (encoding detection, .docx), and what is read is resolved against a bundled
// directory, as `ingest --directory` does.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "workflows/assign_bodies.hpp"
#include "workflows/body_directory.hpp"
#include "workflows/data_paths.hpp"
#include "workflows/document_input.hpp"
#include "workflows/document_reader.hpp"

namespace {

using namespace cvtrack;

// Below run_fuzzers.sh's -max_len (64 KiB), so the size limit is reached too.
constexpr std::size_t kMaxBytes = 60 * 1024;

const workflows::BodyDirectory& directory() {
  static const workflows::BodyDirectory loaded = [] {
    auto d = workflows::BodyDirectory::load(workflows::data_dir() / "directories" / "xuan-truong-2021.json");
    if (!d) std::abort();  // the bundled data is missing: nothing to fuzz against
    return std::move(*d);
  }();
  return loaded;
}

std::size_t count_tasks(const std::vector<engine::Directive>& directives) {
  std::size_t n = 0;
  for (const auto& d : directives) n += d.tasks.size() + count_tasks(d.items);
  return n;
}

// Resolving costs a directory walk per assignee: a whole letter (300 tasks)
// takes seconds under the sanitizers. Small mutated documents exercise the
// resolver just as well, many times faster.
constexpr std::size_t kMaxTasksToResolve = 40;

void read_and_resolve(std::string_view text, std::string_view name) {
  workflows::ReadOptions options;
  options.max_bytes = kMaxBytes;
  auto parsed = workflows::read_document_text(text, name, options);
  if (!parsed) {
    // Messages name the source (README: "FILE: " or "FILE:LINE: ").
    if (!std::string_view(parsed.error().message).starts_with(name)) std::abort();
    return;
  }
  if (count_tasks(parsed->directives) <= kMaxTasksToResolve) workflows::resolve_assignees(*parsed, directory());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  read_and_resolve(bytes, "fuzz.txt");
  auto input = workflows::document_input_from_bytes(bytes, "fuzz.bin", kMaxBytes);
  // Plain UTF-8 NFC comes out as it went in: read it once, not twice.
  if (input && input->text != bytes) read_and_resolve(input->text, "fuzz.bin");
  return 0;
}
