// tests/bench/database_files.hpp
//
// A SQLite database in WAL mode is up to three files: the database, its
// write-ahead log (-wal) and the log's index (-shm). The figures start
// from new databases and copy closed ones whole.
#pragma once

#include <string>

namespace cvtrack::bench {

// Removes the database and its -wal and -shm files; missing ones are fine.
void remove_database(const std::string& path);

// Copies a closed database with its write-ahead log, if any, to `to`,
// replacing whatever was there (no -shm: SQLite makes a new one).
void copy_database(const std::string& from, const std::string& to);

}  // namespace cvtrack::bench
