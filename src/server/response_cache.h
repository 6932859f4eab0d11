// ResponseCache: rendered GET responses of cacheable routes (RouteTable::AddCached), kept in
// memory and served again without touching the store or the templates.
//
// What may be cached: a 200 answer to a GET of a cacheable route for a request whose page
// depends on no one in particular — an anonymous visitor (no user, no CSRF token), or, in
// local-owner mode, the one local owner (every loopback request is the same principal with the
// same per-process token). Logged-in users are never served from here: their pages carry their
// name and their session's CSRF token. Entries are keyed by that principal class, the raw
// request target (path and query) and the htmx headers that select a fragment.
//
// Freshness: Clear() drops everything; the server calls it after every state-changing request
// and after every finished background job. Writes by other processes (a CLI ingest, a second
// server on the same PostgreSQL) are caught by the store's change stamp (Store::ChangeStamp on
// a connection of the cache's own), read at most every `stamp_interval` when a lookup comes:
// a cached answer is at most that old relative to another process's commit. Every Clear bumps
// a generation; a response rendered from a store read that began before a Clear carries the old
// generation and is not inserted, so a slow render can never bring back a stale page.
//
// Stampedes: after a Clear, the many clients of one popular page all miss at once. Only the
// first renders it; the others wait (up to kMaxWait) for that render and are served from it, so
// a write costs one render per page rather than one per connection.
//
// Memory: at most `max_bytes` (bodies, their gzip form, keys, headers); the least recently used
// entries are dropped first; a single response over `max_entry_bytes` is not kept.
// Compression: the gzip form of a compressible body is made once on insert and sent to clients
// that accept gzip, so a hit never compresses (httplib would compress every response again).
//
// Thread safety: every method may be called from any thread. Entries are immutable and shared:
// a hit holds its entry until the response is written, even if the entry is dropped meanwhile.
#ifndef TREATYWATCH_SERVER_RESPONSE_CACHE_H_
#define TREATYWATCH_SERVER_RESPONSE_CACHE_H_

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <httplib.h>

#include "absl/status/statusor.h"

namespace tw::server {

struct CachedResponse {
  std::string content_type;
  std::vector<std::pair<std::string, std::string>> headers;  // the handler's, minus Set-Cookie
  std::string body;
  std::string gzip_body;  // empty when the body is not worth compressing
  std::size_t Bytes() const;
};

class ResponseCache {
 public:
  struct Options {
    std::size_t max_bytes = 64u << 20;
    std::size_t max_entry_bytes = 8u << 20;
    std::chrono::milliseconds stamp_interval{200};
  };
  struct Stats {
    std::uint64_t hits = 0;
    std::uint64_t misses = 0;
    std::uint64_t inserts = 0;
    std::uint64_t clears = 0;  // explicit and by a changed stamp
    std::size_t entries = 0;
    std::size_t bytes = 0;
  };
  // Reads the store's change stamp; called with the cache's stamp lock held (never two at once).
  using StampReader = std::function<absl::StatusOr<std::string>()>;
  // What Find found: a hit, or a miss the caller renders and then hands to Fill.
  struct Lookup {
    std::shared_ptr<const CachedResponse> hit;
    std::uint64_t generation = 0;  // the cache's generation before the render began
    std::uint64_t flight = 0;      // nonzero: others wait for this caller's render
  };
  static constexpr std::chrono::milliseconds kMaxWait{2000};

  ResponseCache(Options options, StampReader stamp);
  ResponseCache(const ResponseCache&) = delete;
  ResponseCache& operator=(const ResponseCache&) = delete;

  // The entry for `key`, or a miss to render. Checks the change stamp first when it is due.
  // While another request renders the same key, waits for it (at most kMaxWait).
  Lookup Find(const std::string& key);
  // After a miss, always (whatever the answer): keeps `response` when it can and lets the
  // requests waiting for it go on.
  void Fill(const std::string& key, const Lookup& lookup, const httplib::Response& response);

  std::uint64_t generation() const { return generation_.load(std::memory_order_acquire); }
  // Keeps `response` under `key` when it is a 200 and `generation` is still current (no Clear
  // since it was read, before the render).
  void Insert(const std::string& key, std::uint64_t generation, const httplib::Response& response);
  void Clear();
  Stats stats() const;

 private:
  struct Slot {
    std::shared_ptr<const CachedResponse> response;
    std::list<std::string>::iterator lru;  // position in lru_, front = most recent
  };
  void CheckStampIfDue();
  void ClearLocked();

  const Options options_;
  StampReader stamp_;

  std::mutex stamp_mutex_;  // one stamp reader at a time; guards last_stamp_
  std::string last_stamp_;
  std::atomic<std::int64_t> next_check_ns_{0};

  std::atomic<std::uint64_t> generation_{1};
  mutable std::mutex mutex_;  // guards everything below
  std::unordered_map<std::string, Slot> slots_;
  std::list<std::string> lru_;
  std::unordered_map<std::string, std::uint64_t> flights_;  // key → the render others wait for
  std::uint64_t next_flight_ = 1;
  std::condition_variable flight_done_;
  std::size_t bytes_ = 0;
  Stats stats_;
};

// The cache key of a GET for `principal_class` ("anonymous", "owner"), empty when the request
// must not be served from the cache (a Range request).
std::string ResponseCacheKey(const httplib::Request& request, std::string_view principal_class);

// Answers `request` with `cached`: gzip when the client accepts it, the body as it is otherwise.
// The bytes are shared with the cache, not copied. Headers already on `response` (Set-Cookie
// from the authenticator) stay.
void ServeCached(std::shared_ptr<const CachedResponse> cached, const httplib::Request& request,
                 httplib::Response& response);

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_RESPONSE_CACHE_H_
