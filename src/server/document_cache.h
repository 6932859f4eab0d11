// DocumentCache: stored documents with their reader and outline HTML, kept in memory once
// loaded, so the document pages answer without reloading and re-rendering a 46-page treaty on
// every request. Safe because a stored document never changes (store.h has no update or
// delete of documents; the same id in the same store is always the same document).
//
// Bounded: at most kMaxDocuments entries and kMaxTextBytes of document text; the least
// recently used go first. Keyed by store URL and id, so servers on different stores in one
// process (tests) never share an entry.
//
// Thread safety: Get may be called from any thread; entries are immutable and shared.
#ifndef TREATYWATCH_SERVER_DOCUMENT_CACHE_H_
#define TREATYWATCH_SERVER_DOCUMENT_CACHE_H_

#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "doc/document.h"
#include "doc/outline.h"
#include "store/store.h"

namespace tw::server {

struct CachedDocument {
  doc::Document document;
  doc::OutlineCounts counts;
  std::string summary;       // doc::OutlineSummary
  std::string reader_html;   // reader_view.h RenderReaderHtml
  std::string outline_html;  // reader_view.h RenderOutlineHtml
};

class DocumentCache {
 public:
  static constexpr std::size_t kMaxDocuments = 64;
  static constexpr std::size_t kMaxTextBytes = 128u << 20;

  // The process's cache.
  static DocumentCache& Instance();

  // Document `id` of the store at `store_url`, loaded through `store` when not cached.
  // NotFound ("no document 42") when the store has none.
  absl::StatusOr<std::shared_ptr<const CachedDocument>> Get(store::Store& store,
                                                            const std::string& store_url,
                                                            std::int64_t id);

 private:
  DocumentCache();
  ~DocumentCache();
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_DOCUMENT_CACHE_H_
