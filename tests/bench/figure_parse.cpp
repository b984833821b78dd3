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
  // A province's year is ~3,000 directive documents (UBND tỉnh and its
  // offices). The year is timed as it would run: 3,000 parses in one
  // process, first-use costs (ICU, the reader's tables, the directory's
  // indexes) included. A small corpus is cycled: the reader keeps nothing
  // from one document to the next, so a repeat costs what a new one would.
  constexpr std::size_t kYear = 3000;
  const std::size_t distinct = std::min(corpus.documents.size(), kYear);
  if (distinct == 0) throw std::runtime_error("(1) parse: the workload has no documents");
  std::size_t bytes = 0;
  std::int64_t expected = 0, read = 0, mismatched = 0;
  Stopwatch parse;
  for (std::size_t i = 0; i < kYear; ++i) {
    const auto& doc = corpus.documents[i % distinct];
    auto parsed = workflows::read_document_text(doc.text, doc.source);
    if (!parsed) throw std::runtime_error(parsed.error().message);
    workflows::resolve_assignees(*parsed, directory);  // as `cvtrack parse --directory` does
    bytes += doc.text.size();
    if (i >= distinct) continue;  // each document is checked once
    int tasks = count_tasks(parsed->directives);
    read += tasks;
    expected += doc.expected_tasks;
    mismatched += tasks != doc.expected_tasks;
  }
  double year_s = parse.seconds();
  // The baseline runs several times over the same bytes to be measurable.
  std::size_t lines = 0;
  int passes = 0;
  Stopwatch count;
  while (passes < 5 || count.seconds() < 0.05) {
    for (std::size_t i = 0; i < kYear; ++i) lines += count_lines(corpus.documents[i % distinct].text);
    ++passes;
  }
  double count_s = count.seconds() / passes;
  double docs_per_s = double(kYear) / year_s, base_docs_per_s = double(kYear) / count_s;
  double mb = double(bytes) / 1e6;
  std::string corpus_size = num(double(distinct)) + " documents" + (distinct < kYear ? ", cycled" : "");
  report.add({"(1) parse: documents/s (" + corpus_size + ", " + num(mb) + " MB read)", num(docs_per_s) + " docs/s",
              "line count: " + num(base_docs_per_s) + " docs/s", ratio(docs_per_s, base_docs_per_s)});
  report.add({"(1) parse: MB/s", num(mb / year_s) + " MB/s", "line count: " + num(mb / count_s) + " MB/s",
              ratio(mb / year_s, mb / count_s)});
  report.add({"(1) parse: a province's year, 3,000 documents in one process, start costs included (target < 1 s)",
              num(year_s) + " s", "line count: " + num(count_s) + " s", ratio(year_s, count_s)});
  report.add({"(1) reader check: tasks read / meant by the templates", num(double(read)) + " / " + num(double(expected)),
              "documents read otherwise: " + num(double(mismatched)) + " (lines: " + num(double(lines / passes)) + ")",
              ratio(double(read), double(expected))});
}

}  // namespace cvtrack::bench
