// cli/serve/read_pool.hpp
//
// Connections for reading, one per request at a time. WAL lets them read
// while the writer commits, and they never see a group that is not yet
// durable. Each lease brings what a read handler needs over its
// connection: the projections, the log, the engine's read side and the
// token table.
#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "engine/clock.hpp"
#include "engine/command_service.hpp"
#include "engine/working_days.hpp"
#include "storage/projection_reader.hpp"
#include "storage/sqlite_database.hpp"
#include "storage/sqlite_event_store.hpp"
#include "storage/token_store.hpp"

namespace cvtrack::serve {

struct ReadConnection {
  ReadConnection(std::unique_ptr<storage::SqliteDatabase> db, const engine::Clock& clock,
                 const engine::WorkingDays& calendar, engine::EngineSettings settings);
  std::unique_ptr<storage::SqliteDatabase> database;
  storage::SqliteEventStore store;
  storage::ProjectionReader reader;
  storage::TokenStore tokens;
  engine::CommandService service;  // its read side only: task(), document(), bodies()
};

class ReadPool {
 public:
  ReadPool(std::string path, const engine::Clock& clock, const engine::WorkingDays& calendar,
           engine::EngineSettings settings);

  class Lease {
   public:
    Lease(ReadPool& pool, std::unique_ptr<ReadConnection> connection)
        : pool_(&pool), connection_(std::move(connection)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = default;
    ~Lease();
    ReadConnection* operator->() { return connection_.get(); }
    ReadConnection& operator*() { return *connection_; }

   private:
    ReadPool* pool_;
    std::unique_ptr<ReadConnection> connection_;
  };

  // A free connection, opening one when none is free.
  engine::Result<Lease> acquire();

 private:
  void give_back(std::unique_ptr<ReadConnection> connection);

  std::string path_;
  const engine::Clock& clock_;
  const engine::WorkingDays& calendar_;
  engine::EngineSettings settings_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<ReadConnection>> free_;
};

}  // namespace cvtrack::serve
