// (1) Reading documents: the real reader over the generated texts, with the
// province's directory (what `cvtrack parse --directory` does), against a
// bare pass over the same bytes that only counts lines (the memory-bandwidth
// floor of any reader).
#include <algorithm>
#include <cstring>

#include "tests/bench/figures.hpp"
#include "tests/bench/measure.hpp"
#include "workflows/assign_bodies.hpp"
#include "workflows/document_reader.hpp"

namespace cvtrack::bench {

namespace {

int count_tasks(const std::vector<engine::Directive>& directives) {
  int n = 0;
  for (const auto& d : directives) n += int(d.tasks.size()) + count_tasks(d.items);
  return n;
}

std::size_t count_lines(const std::string& bytes) {
  std::size_t lines = 0;
  const char* p = bytes.data();
  const char* end = p + bytes.size();
  while ((p = static_cast<const char*>(std::memchr(p, '\n', std::size_t(end - p))))) {
    ++lines;
    ++p;
  }
  return lines;
}

}  // namespace

void figure_parse(const Corpus& corpus, const workflows::BodyDirectory& directory, Report& report) {
  // At most a province's year or two of documents: the rate is what matters.
  std::size_t n = std::min<std::size_t>(corpus.documents.size(), 6000);
  std::size_t bytes = 0;
  std::int64_t expected = 0, read = 0, mismatched = 0;
  Stopwatch parse;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& doc = corpus.documents[i];
    auto parsed = workflows::read_document_text(doc.text, doc.source);
    if (!parsed) throw std::runtime_error(parsed.error().message);
    workflows::resolve_assignees(*parsed, directory);  // as `cvtrack parse --directory` does
    int tasks = count_tasks(parsed->directives);
    read += tasks;
    expected += doc.expected_tasks;
    mismatched += tasks != doc.expected_tasks;
    bytes += doc.text.size();
  }
  double parse_s = parse.seconds();
  // The baseline runs several times over the same bytes to be measurable.
  std::size_t lines = 0;
  int passes = 0;
  Stopwatch count;
  while (passes < 5 || count.seconds() < 0.05) {
    for (std::size_t i = 0; i < n; ++i) lines += count_lines(corpus.documents[i].text);
    ++passes;
  }
  double count_s = count.seconds() / passes;
  double docs_per_s = double(n) / parse_s, mb_per_s = double(bytes) / 1e6 / parse_s;
  double base_mb_per_s = double(bytes) / 1e6 / count_s;
  report.add({"(1) parse: documents/s (" + num(double(n)) + " docs, " + num(double(bytes) / 1e6) + " MB)",
              num(docs_per_s) + " docs/s", "line count: " + num(double(n) / count_s) + " docs/s",
              ratio(docs_per_s, double(n) / count_s)});
  report.add({"(1) parse: MB/s", num(mb_per_s) + " MB/s", "line count: " + num(base_mb_per_s) + " MB/s",
              ratio(mb_per_s, base_mb_per_s)});
  // A province's year: ~3,000 directive documents (UBND tỉnh and its offices).
  double year_s = 3000.0 / docs_per_s;
  report.add({"(1) parse: a province's year (3,000 docs; target < 1 s)", num(year_s) + " s",
              "line count: " + num(3000.0 / (double(n) / count_s)) + " s", ratio(year_s, 3000.0 / (double(n) / count_s))});
  report.add({"(1) reader check: tasks read / meant by the templates", num(double(read)) + " / " + num(double(expected)),
              "documents read otherwise: " + num(double(mismatched)) + " (lines: " + num(double(lines / passes)) + ")",
              ratio(double(read), double(expected))});
}

}  // namespace cvtrack::bench
