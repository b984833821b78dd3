// tests/storage/temp_database.hpp
//
// A database file in a fresh temporary directory, removed afterwards: for
// the tests that need a second connection or the WAL on disk.
#pragma once

#include <filesystem>
#include <random>
#include <string>

namespace cvtrack::test {

class TempDirectory {
 public:
  TempDirectory() {
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() / ("cvtrack-test-" + std::to_string(random()));
    std::filesystem::create_directories(path_);
  }
  ~TempDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDirectory(const TempDirectory&) = delete;
  TempDirectory& operator=(const TempDirectory&) = delete;

  std::filesystem::path file(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

}  // namespace cvtrack::test
