#include "tests/bench/database_files.hpp"

#include <filesystem>

namespace cvtrack::bench {

void remove_database(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

void copy_database(const std::string& from, const std::string& to) {
  remove_database(to);
  for (const char* suffix : {"", "-wal"})
    if (std::filesystem::exists(from + suffix)) std::filesystem::copy_file(from + suffix, to + suffix);
}

}  // namespace cvtrack::bench
