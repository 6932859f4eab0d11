#include "server/document_cache.h"

#include <list>
#include <map>
#include <mutex>
#include <utility>

#include <fmt/format.h>

#include "server/reader_view.h"

namespace tw::server {

struct DocumentCache::State {
  using Key = std::pair<std::string, std::int64_t>;
  std::mutex mutex;
  std::list<Key> recent;  // most recently used first
  std::map<Key, std::pair<std::shared_ptr<const CachedDocument>, std::list<Key>::iterator>>
      entries;
  std::size_t text_bytes = 0;
};

DocumentCache::DocumentCache() : state_(std::make_unique<State>()) {}
DocumentCache::~DocumentCache() = default;

DocumentCache& DocumentCache::Instance() {
  static DocumentCache* cache = new DocumentCache();  // never destroyed: used until exit
  return *cache;
}

absl::StatusOr<std::shared_ptr<const CachedDocument>> DocumentCache::Get(
    store::Store& store, const std::string& store_url, std::int64_t id) {
  const State::Key key{store_url, id};
  {
    std::lock_guard lock(state_->mutex);
    auto found = state_->entries.find(key);
    if (found != state_->entries.end()) {
      state_->recent.splice(state_->recent.begin(), state_->recent, found->second.second);
      return found->second.first;
    }
  }
  // Loaded and rendered outside the lock; two threads missing at once both load, harmlessly.
  absl::StatusOr<doc::Document> loaded = store.LoadDocument(std::to_string(id));
  if (!loaded.ok()) {
    if (absl::IsNotFound(loaded.status())) {
      return absl::NotFoundError(fmt::format("no document {}", id));
    }
    return loaded.status();
  }
  auto entry = std::make_shared<CachedDocument>();
  entry->document = *std::move(loaded);
  entry->counts = doc::CountOutline(entry->document);
  entry->summary = doc::OutlineSummary(entry->document);
  entry->reader_html = RenderReaderHtml(entry->document);
  entry->outline_html = RenderOutlineHtml(entry->document);
  std::shared_ptr<const CachedDocument> shared = entry;

  std::lock_guard lock(state_->mutex);
  if (state_->entries.count(key) == 0) {
    state_->recent.push_front(key);
    state_->entries.emplace(key, std::make_pair(shared, state_->recent.begin()));
    state_->text_bytes += shared->document.text.size();
    while (state_->recent.size() > 1 && (state_->recent.size() > kMaxDocuments ||
                                         state_->text_bytes > kMaxTextBytes)) {
      auto oldest = state_->entries.find(state_->recent.back());
      state_->text_bytes -= oldest->second.first->document.text.size();
      state_->entries.erase(oldest);
      state_->recent.pop_back();
    }
  }
  return shared;
}

}  // namespace tw::server
