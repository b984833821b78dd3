// Issue 7 through the real `cvtrack` program: a TCVN3 file, a VNI file and a
// .docx of a corpus document give `parse --json` the UTF-8 original's output,
// with a note on stderr saying how the file was read; `ingest` registers the
// TCVN3 file as the same document as the UTF-8 one; a file no encoding reads
// is refused, exit 2, nothing written.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/storage/temp_database.hpp"
#include "tests/support/docx_builder.hpp"
#include "workflows/legacy_vietnamese_charsets.hpp"

namespace {

struct Run {
  int code;
  std::string out;
  std::string err;
};

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

Run run_cvtrack(const cvtrack::test::TempDirectory& dir, const std::string& args) {
  std::string out = dir.file("out.txt").string(), err = dir.file("err.txt").string();
  std::string command = std::string(CVTRACK_BINARY) + " " + args + " >" + out + " 2>" + err;
  int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
}

std::string write(const cvtrack::test::TempDirectory& dir, const std::string& name, const std::string& bytes) {
  std::string path = dir.file(name).string();
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

std::string warnings_only(const std::string& err, const std::string& path) {
  // The reader's warnings name the file; compare them without the path.
  std::string out;
  std::istringstream lines(err);
  for (std::string line; std::getline(lines, line);)
    if (line.rfind(path + ":", 0) == 0 && line.find(": warning: ") != std::string::npos)
      out += line.substr(path.size()) + "\n";
  return out;
}

}  // namespace

TEST_SUITE("cli/document_formats_binary") {
  TEST_CASE("issue 7: parse --json reads TCVN3, VNI and .docx as the UTF-8 original, and says how") {
    cvtrack::test::TempDirectory dir;
    const std::string original = std::string(CVTRACK_FIXTURES_DIR) + "/song-hinh-281-CV-HU.txt";
    const std::string text = slurp(original);
    Run expected = run_cvtrack(dir, "parse --json '" + original + "'");
    REQUIRE(expected.code == 0);

    struct Case {
      const char* name;
      std::string bytes;
      const char* note;
    } cases[] = {
        {"281-tcvn3.txt", *cvtrack::workflows::encode_tcvn3(text), "read as TCVN3 (ABC)"},
        {"281-vni.txt", *cvtrack::workflows::encode_vni(text), "read as VNI (VNI-Windows)"},
        {"281.docx", cvtrack::test::docx_from_text(text), "read as Word .docx"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.name);
      const std::string path = write(dir, c.name, c.bytes);
      Run r = run_cvtrack(dir, "parse --json '" + path + "'");
      INFO(r.err);
      REQUIRE(r.code == 0);
      CHECK(r.out == expected.out);
      CHECK(r.err.rfind(path + ": note: " + c.note + "\n", 0) == 0);
      CHECK(warnings_only(r.err, path) == warnings_only(expected.err, original));
    }
  }

  TEST_CASE("issue 7: ingest takes a TCVN3 file as the document its UTF-8 text is — garbage is refused") {
    cvtrack::test::TempDirectory dir;
    const std::string db = "--db '" + dir.file("cv.db").string() + "'";
    const std::string original = std::string(CVTRACK_FIXTURES_DIR) + "/song-hinh-281-CV-HU.txt";
    const std::string tcvn = write(dir, "281.txt", *cvtrack::workflows::encode_tcvn3(slurp(original)));
    REQUIRE(run_cvtrack(dir, "init " + db).code == 0);
    Run first = run_cvtrack(dir, "ingest '" + tcvn + "' --as-of 2021-09-07 " + db);
    INFO(first.err);
    REQUIRE(first.code == 0);
    CHECK(first.out.rfind("D1  281-CV/HU  Huyện ủy Sông Hinh  2021-09-06", 0) == 0);
    CHECK(first.err.find(tcvn + ": note: read as TCVN3 (ABC)") != std::string::npos);
    Run again = run_cvtrack(dir, "ingest '" + original + "' --as-of 2021-09-07 " + db);
    CHECK(again.code == 0);
    CHECK(again.out.find("already registered as D1; nothing changed") != std::string::npos);

    const std::string junk = write(dir, "junk.txt", "Ban \xE1n\n");
    Run refused = run_cvtrack(dir, "ingest '" + junk + "' " + db);
    CHECK(refused.code == 2);
    CHECK(refused.err.ends_with("cvtrack ingest: " + junk +
                             ":1: byte 4 is not valid UTF-8, and no legacy encoding reads it as Vietnamese: too few "
                             "Vietnamese words to tell the encoding (it may be TCVN3 (ABC)); convert the document "
                             "to UTF-8\n"));
    CHECK(run_cvtrack(dir, "documents " + db).out.find("D2") == std::string::npos);
  }
}
