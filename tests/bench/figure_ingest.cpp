// (4) Bulk ingest: the province registered through the engine, in batches
// (each batch one CommandService::register_documents call, one
// transaction), against raw batched INSERTs of the same event rows, in the
// same transactions, into a table of the same shape with the same pragmas.
#include <SQLiteCpp/SQLiteCpp.h>

#include <array>

#include "tests/bench/database_files.hpp"
#include "tests/bench/figures.hpp"
#include "tests/bench/measure.hpp"
#include "workflows/assign_bodies.hpp"
#include "workflows/body_directory.hpp"
#include "workflows/document_reader.hpp"

namespace cvtrack::bench {

namespace {

constexpr std::size_t kBatch = 100;  // documents per register_documents call

std::int64_t last_seq(storage::SqliteDatabase& db) {
  SQLite::Database raw(db.path(), SQLite::OPEN_READONLY);
  return raw.execAndGet("SELECT COALESCE(MAX(seq), 0) FROM events").getInt64();
}

// The same rows, the same batches, plain SQLite.
double raw_batched_inserts(const std::string& db_path, std::int64_t after_seq, const std::vector<std::int64_t>& batch_ends,
                           const std::string& work_dir) {
  std::string raw_path = work_dir + "/raw-ingest.db";
  remove_database(raw_path);
  SQLite::Database raw(raw_path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  raw.exec("PRAGMA journal_mode = WAL");
  raw.exec("PRAGMA synchronous = FULL");
  raw.exec("CREATE TABLE events (seq INTEGER PRIMARY KEY, stream TEXT NOT NULL, version INTEGER NOT NULL, "
           "type TEXT NOT NULL, payload TEXT NOT NULL, actor TEXT NOT NULL, recorded_at TEXT NOT NULL, "
           "effective_on TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL, UNIQUE (stream, version))");
  SQLite::Database source(db_path, SQLite::OPEN_READONLY);
  SQLite::Statement read(source, "SELECT seq, stream, version, type, payload, actor, recorded_at, effective_on, "
                                 "prev_hash, hash FROM events WHERE seq > ? ORDER BY seq");
  read.bind(1, after_seq);
  // Rows are read into memory first: the baseline times the writing only.
  std::vector<std::array<std::string, 10>> rows;
  while (read.executeStep()) {
    std::array<std::string, 10> r;
    for (int i = 0; i < 10; ++i) r[std::size_t(i)] = read.getColumn(i).getString();
    rows.push_back(std::move(r));
  }
  Stopwatch w;
  SQLite::Statement insert(raw, "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  std::size_t next = 0;
  for (std::int64_t end : batch_ends) {
    SQLite::Transaction txn(raw);
    for (; next < rows.size() && std::int64_t(next) < end; ++next) {
      for (int i = 0; i < 10; ++i) insert.bind(i + 1, rows[next][std::size_t(i)]);
      insert.exec();
      insert.reset();
    }
    txn.commit();
  }
  return w.seconds();
}

}  // namespace

std::vector<std::string> figure_ingest(Engine& engine, const Corpus& corpus, const workflows::BodyDirectory& dir,
                                       const std::vector<std::int64_t>& checkpoints,
                                       const std::function<void(std::int64_t)>& at_checkpoint,
                                       const std::string& work_dir, Report& report) {
  engine::Date today = *engine::parse_iso_date(Workload::kRegisteredOn);
  std::vector<std::string> task_ids;
  std::vector<std::int64_t> batch_ends;
  std::int64_t first_seq = last_seq(*engine.database);
  double engine_s = 0;
  std::size_t next_checkpoint = 0;
  for (std::size_t start = 0; start < corpus.documents.size(); start += kBatch) {
    std::vector<engine::CommandService::Incoming> batch;
    for (std::size_t i = start; i < std::min(start + kBatch, corpus.documents.size()); ++i) {
      const auto& doc = corpus.documents[i];
      auto parsed = workflows::read_document_text(doc.text, doc.source);
      if (!parsed) throw std::runtime_error(parsed.error().message);
      workflows::resolve_assignees(*parsed, dir);
      batch.push_back({std::move(*parsed), doc.text, doc.source});
    }
    Stopwatch w;
    auto done = engine.service->register_documents(batch, today);
    engine_s += w.seconds();
    if (!done) throw std::runtime_error(done.error().message);
    for (const auto& r : *done) task_ids.insert(task_ids.end(), r.tasks.begin(), r.tasks.end());
    batch_ends.push_back(last_seq(*engine.database) - first_seq);
    while (next_checkpoint < checkpoints.size() && std::int64_t(task_ids.size()) >= checkpoints[next_checkpoint])
      at_checkpoint(checkpoints[next_checkpoint++]);
  }
  std::int64_t events = batch_ends.empty() ? 0 : batch_ends.back();
  double raw_s = raw_batched_inserts(engine.database->path(), first_seq, batch_ends, work_dir);
  double rate = double(events) / engine_s, raw_rate = double(events) / raw_s;
  report.add({"(4) bulk ingest: events/s (" + num(double(task_ids.size())) + " tasks, " + num(double(events)) +
                  " events, " + std::to_string(kBatch) + " docs a transaction)",
              num(rate) + " events/s (" + num(engine_s) + " s)",
              "raw batched INSERTs: " + num(raw_rate) + " events/s (" + num(raw_s) + " s)", ratio(rate, raw_rate)});
  return task_ids;
}

}  // namespace cvtrack::bench
