// libFuzzer target: what a client controls in an API request before any
// engine or database is involved — the request target (path segments and
// query, percent-decoded) and the JSON body turned into a task command —
// is refused with an Error or understood, never a crash, a hang or
// undefined behaviour. The input is "TARGET\nBODY"; the action is the last
// path segment, as the router takes it.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "cli/serve/command_body.hpp"
#include "cli/serve/request_target.hpp"

namespace {

using namespace cvtrack;

const char* const kActions[] = {"ack",     "progress", "complete", "report", "delegate",
                                "approve", "return",   "extend",   "cancel"};

void check_target(const serve::RequestTarget& target) {
  for (const auto& segment : target.segments) {
    // What the router is promised (request_target.hpp).
    if (segment.empty() || segment == "." || segment == ".." || segment.find('/') != std::string::npos ||
        segment.find('\\') != std::string::npos || segment.find('\0') != std::string::npos)
      std::abort();
  }
}

// A progress command carries exactly the percent the body gave, 0 to 100
// (a body's 4294967346 once became 50 through get<int>()).
void check_command(const engine::TaskCommand& command, const nlohmann::json& body) {
  auto* p = std::get_if<engine::ReportProgress>(&command);
  if (!p) return;
  if (p->percent < 0 || p->percent > 100 || body.at("percent") != p->percent) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto newline = input.find('\n');
  std::string_view raw_target = input.substr(0, newline);
  std::string_view body = newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);

  auto target = serve::parse_target(raw_target);
  std::string action = "ack";
  if (target) {
    check_target(*target);
    if (!target->segments.empty()) action = target->segments.back();
    (void)target->param("after");
  }
  auto object = serve::body_object(body);
  if (!object) return 0;
  (void)serve::task_command(action, *object);
  // Every action against the same body: the fields each one reads.
  for (const char* a : kActions)
    if (auto command = serve::task_command(a, *object)) check_command(*command, *object);
  return 0;
}
