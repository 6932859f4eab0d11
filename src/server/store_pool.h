// StorePool: one open Store per worker thread (store/store.h: a Store is used by one thread at
// a time). SQLite in WAL mode lets the threads' connections read while one writes; PostgreSQL
// gives each its own connection.
//
// Thread safety: ForThisThread may be called from any thread.
#ifndef TREATYWATCH_SERVER_STORE_POOL_H_
#define TREATYWATCH_SERVER_STORE_POOL_H_

#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>

#include "absl/status/statusor.h"
#include "store/store.h"

namespace tw::server {

class StorePool {
 public:
  explicit StorePool(std::string url) : url_(std::move(url)) {}

  // The calling thread's store, opened on first use.
  absl::StatusOr<store::Store*> ForThisThread();

  const std::string& url() const { return url_; }

 private:
  std::string url_;
  std::mutex mutex_;
  std::unordered_map<std::thread::id, std::unique_ptr<store::Store>> stores_;
};

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_STORE_POOL_H_
