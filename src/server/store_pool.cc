#include "server/store_pool.h"

namespace tw::server {

absl::StatusOr<store::Store*> StorePool::ForThisThread() {
  const std::thread::id me = std::this_thread::get_id();
  {
    std::lock_guard lock(mutex_);
    auto found = stores_.find(me);
    if (found != stores_.end()) return found->second.get();
  }
  // Opened outside the lock: opening PostgreSQL takes a round trip, SQLite may migrate.
  auto opened = store::OpenStore(url_);
  if (!opened.ok()) return opened.status();
  std::lock_guard lock(mutex_);
  auto& slot = stores_[me];
  slot = std::move(*opened);
  return slot.get();
}

}  // namespace tw::server
