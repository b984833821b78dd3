#include "cli/serve/read_pool.hpp"

namespace cvtrack::serve {

ReadConnection::ReadConnection(std::unique_ptr<storage::SqliteDatabase> db, const engine::Clock& clock,
                               const engine::WorkingDays& calendar, engine::EngineSettings settings)
    : database(std::move(db)),
      store(*database),
      reader(*database),
      tokens(*database),
      service(store, clock, calendar, settings) {}

ReadPool::ReadPool(std::string path, const engine::Clock& clock, const engine::WorkingDays& calendar,
                   engine::EngineSettings settings)
    : path_(std::move(path)), clock_(clock), calendar_(calendar), settings_(settings) {}

ReadPool::Lease::~Lease() {
  if (pool_ && connection_) pool_->give_back(std::move(connection_));
}

engine::Result<ReadPool::Lease> ReadPool::acquire() {
  {
    std::lock_guard lock(mutex_);
    if (!free_.empty()) {
      auto connection = std::move(free_.back());
      free_.pop_back();
      return Lease(*this, std::move(connection));
    }
  }
  auto opened = storage::SqliteDatabase::open(path_);
  if (!opened) return opened.error();
  return Lease(*this, std::make_unique<ReadConnection>(std::move(*opened), clock_, calendar_, settings_));
}

void ReadPool::give_back(std::unique_ptr<ReadConnection> connection) {
  std::lock_guard lock(mutex_);
  free_.push_back(std::move(connection));
}

}  // namespace cvtrack::serve
