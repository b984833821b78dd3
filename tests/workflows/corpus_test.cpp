// The reader on the real documents in tests/fixtures, against the ground
// truth a careful clerk recorded for each (*.expected.json): header fields
// exactly, the directives that carry tasks, and per directive the deadlines,
// cadences, leads and report addressees.
#include "workflows/document_reader.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "workflows/vietnamese_text.hpp"

using namespace cvtrack;
using nlohmann::json;

namespace {

std::string fixtures() { return CVTRACK_FIXTURES_DIR; }

json load(const std::string& path) {
  std::ifstream in(path);
  return json::parse(in);
}

std::string top_key(const json& number, int& unnumbered) {
  if (number.is_null()) return "*" + std::to_string(++unnumbered);
  std::string n = number.get<std::string>();
  return n.substr(0, n.find('.'));
}

struct Facts {
  std::set<std::string> deadlines, recurrences;
  std::vector<std::string> leads, reports_to;
  bool has_tasks = false;
};

void collect(const engine::Directive& d, Facts& f) {
  for (const auto& t : d.tasks) {
    f.has_tasks = true;
    if (t.deadline) f.deadlines.insert(engine::to_iso(*t.deadline));
    if (t.recurrence) f.recurrences.insert(engine::to_string(*t.recurrence));
    if (t.role == engine::TaskRole::lead) f.leads.push_back(t.assignee);
    for (const auto& r : t.reports_to) f.reports_to.push_back(r);
  }
  for (const auto& i : d.items) collect(i, f);
}

// Names compare folded, one containing the other: the same body is written
// with or without "huyện", "các", abbreviations.
bool same_name(const std::string& a, const std::string& b) {
  std::string x = workflows::fold_ascii(a), y = workflows::fold_ascii(b);
  for (auto* s : {&x, &y}) {
    for (auto [from, to] : {std::pair<std::string, std::string>{"uy ban nhan dan", "ubnd"},
                            {"hoi dong nhan dan", "hdnd"}, {"cac ", ""}})
      for (std::size_t at; (at = s->find(from)) != std::string::npos;) s->replace(at, from.size(), to);
  }
  return x.find(y) != std::string::npos || y.find(x) != std::string::npos;
}

bool covers(const std::vector<std::string>& got, const std::vector<std::string>& expected) {
  return std::all_of(expected.begin(), expected.end(), [&](const std::string& e) {
    return std::any_of(got.begin(), got.end(), [&](const std::string& g) { return same_name(g, e); });
  });
}

}  // namespace

TEST_CASE("every fixture document reads as the clerk recorded it") {
  int documents = 0;
  for (const auto& entry : std::filesystem::directory_iterator(fixtures())) {
    std::string path = entry.path().string();
    if (entry.path().extension() != ".txt") continue;
    std::string expected_path = path.substr(0, path.size() - 4) + ".expected.json";
    if (!std::filesystem::exists(expected_path)) continue;
    ++documents;
    CAPTURE(path);
    json expected = load(expected_path);
    auto parsed = workflows::read_document_file(path);
    REQUIRE(parsed);
    const auto& h = parsed->document;
    const json& e = expected["document"];
    auto opt = [](const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); };
    CHECK(opt(h.number) == e["number"]);
    CHECK((h.date ? json(engine::to_iso(*h.date)) : json(nullptr)) == e["date"]);
    CHECK(opt(h.kind) == e["kind"]);
    CHECK(opt(h.urgency) == e["urgency"]);
    CHECK(opt(h.signer.name) == e["signer"]["name"]);
    CHECK(json(h.recipients) == e["recipients"]);
    CHECK(json(h.cc) == e["cc"]);
    std::vector<std::string> refs;
    for (const auto& r : h.references) refs.push_back(r.number);
    CHECK(json(refs) == expected["references"]);

    std::map<std::string, Facts> got;
    int unnumbered = 0;
    for (const auto& d : parsed->directives) {
      Facts& f = got[top_key(d.number ? json(*d.number) : json(nullptr), unnumbered)];
      collect(d, f);
    }
    // The clerk's facts per top-level directive ("1.1" and "1.2" are both 1).
    std::map<std::string, Facts> want;
    unnumbered = 0;
    for (const auto& d : expected["directives"]) {
      Facts& f = want[top_key(d["number"], unnumbered)];
      for (const auto& t : d["tasks"]) {
        f.has_tasks = true;
        if (!t["deadline"].is_null()) f.deadlines.insert(t["deadline"]);
        if (t["recurrence"].is_string()) f.recurrences.insert(t["recurrence"].get<std::string>());
        if (t["recurrence"].is_array())
          for (const auto& r : t["recurrence"]) f.recurrences.insert(r.get<std::string>());
        if (!t["lead"].is_null()) f.leads.push_back(t["lead"]);
        if (t["reports_to"].is_string()) f.reports_to.push_back(t["reports_to"]);
        if (t["reports_to"].is_array())
          for (const auto& r : t["reports_to"]) f.reports_to.push_back(r);
      }
    }
    for (const auto& [key, w] : want) {
      CAPTURE(key);
      REQUIRE(got.count(key));
      const Facts& f = got[key];
      CHECK(f.has_tasks == w.has_tasks);
      CHECK(f.deadlines == w.deadlines);
      CHECK(f.recurrences == w.recurrences);
      CHECK(covers(f.leads, w.leads));
      CHECK(covers(f.reports_to, w.reports_to));
    }
  }
  CHECK(documents >= 13);
}
