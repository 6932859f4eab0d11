// ResultCache: results the server computed from stored documents — comparisons, crosswalks,
// provision histories, audits, trends — kept so the same question is not recomputed on every
// request (a diff of two long drafts costs hundreds of milliseconds; a page view and its
// downloads ask for it several times in a row).
//
// Keys name what a result was computed from: each document's source SHA-256 (its content)
// plus, when the result quotes them, the metadata it cites (DocumentCacheKey). Stored documents
// never change, so an entry stays right for as long as it is kept; the least recently used
// entries beyond `capacity` are dropped. Values are immutable and shared: a request keeps its
// result alive while it renders even if the cache drops it meanwhile.
//
// Thread safety: every member may be called from any thread. Two requests missing the same key
// at once both compute it; the second store wins, which is harmless since both are equal.
#ifndef TREATYWATCH_SERVER_RESULT_CACHE_H_
#define TREATYWATCH_SERVER_RESULT_CACHE_H_

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

#include "doc/document.h"

namespace tw::server {

template <typename Value>
class ResultCache {
 public:
  explicit ResultCache(std::size_t capacity) : capacity_(capacity) {}

  // The value under `key`, computed by `make()` (returning Value) when absent.
  template <typename Make>
  std::shared_ptr<const Value> GetOrCompute(const std::string& key, Make&& make) {
    if (std::shared_ptr<const Value> found = Find(key)) return found;
    auto made = std::make_shared<const Value>(make());
    Put(key, made);
    return made;
  }

  std::shared_ptr<const Value> Find(const std::string& key) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto found = index_.find(key);
    if (found == index_.end()) return nullptr;
    order_.splice(order_.begin(), order_, found->second);  // most recently used first
    return found->second->second;
  }

  void Put(const std::string& key, std::shared_ptr<const Value> value) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto found = index_.find(key); found != index_.end()) {
      found->second->second = std::move(value);
      order_.splice(order_.begin(), order_, found->second);
      return;
    }
    order_.emplace_front(key, std::move(value));
    index_[key] = order_.begin();
    while (order_.size() > capacity_) {
      index_.erase(order_.back().first);
      order_.pop_back();
    }
  }

  std::size_t size() {
    std::lock_guard<std::mutex> lock(mutex_);
    return order_.size();
  }

 private:
  using Entry = std::pair<std::string, std::shared_ptr<const Value>>;
  const std::size_t capacity_;
  std::mutex mutex_;
  std::list<Entry> order_;
  std::unordered_map<std::string, typename std::list<Entry>::iterator> index_;
};

// A document as a cache key part: its content (source SHA-256) and every metadata field a
// report cites (id, symbol, title, date, kind, chain and version), length-prefixed so no two
// documents' keys run into each other.
std::string DocumentCacheKey(const doc::Document& document);

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_RESULT_CACHE_H_
