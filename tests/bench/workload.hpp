// tests/bench/workload.hpp
//
// The benchmark's province, made up but shaped like the real ones: a
// province (UBND tỉnh, its departments) over 10 districts of 15 communes
// each, every district and commune with its UBND and the district with its
// offices; and the documents UBND tỉnh sends them, written as TEXT in the
// patterns of the corpus (tests/fixtures/*.txt): the state header with số and
// ngày, Kính gửi, numbered directives with chủ trì / phối hợp, dated and
// working-day deadlines, recurring reports, Nơi nhận, the signer. The reader
// reads them like any other document, so what is measured is the real path.
//
// Deterministic: the same seed and index give the same bytes on every run
// and machine (std::mt19937_64 is specified by the standard; the
// distributions are not, so only its raw output is used here).
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace cvtrack::bench {

struct GeneratedDocument {
  std::string source;     // "binh-an-00042.txt"
  std::string text;
  int expected_tasks = 0; // what the templates mean to assign, for checking the reader
};

class Workload {
 public:
  explicit Workload(std::uint64_t seed);

  // The province's body directory, in the project's format
  // (README.md#body-directories).
  std::string directory_json() const;
  int body_count() const;

  // Document `index` (0, 1, 2, ...), dated in the last quarter of 2025.
  GeneratedDocument document(int index) const;

  // Bodies a supervisor looks at: a commune's UBND (a unit), a district's.
  std::string sample_commune_unit() const { return "ubnd-xa-03-07"; }
  std::string sample_district_unit() const { return "ubnd-huyen-03"; }

  static constexpr int kDistricts = 10;
  static constexpr int kCommunesPerDistrict = 15;
  // The registration date and the date queries look from.
  static constexpr const char* kRegisteredOn = "2025-12-31";
  static constexpr const char* kQueryDate = "2026-01-05";

 private:
  std::uint64_t seed_;
};

// The province's names, shared by the directory and the documents.
const std::vector<std::string>& department_names();  // "Sở Y tế", "Công an tỉnh", ...
const std::vector<std::string>& district_names();    // "An Phú", ...
std::string commune_name(int district, int commune);  // "Tân Lợi"

// A small deterministic random source: only the engine's raw output is
// used, so the numbers are the same with every standard library.
class Dice {
 public:
  explicit Dice(std::uint64_t seed) : engine_(seed) {}
  int below(int n) { return int(engine_() % std::uint64_t(n)); }
  template <class T>
  const T& pick(const std::vector<T>& from) { return from[std::size_t(below(int(from.size())))]; }

 private:
  std::mt19937_64 engine_;
};

}  // namespace cvtrack::bench
