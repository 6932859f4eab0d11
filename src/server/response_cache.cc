#include "server/response_cache.h"

#include <zlib.h>

#include <strings.h>

#include <cstdlib>
#include <cstring>

namespace tw::server {
namespace {

constexpr std::size_t kMinCompressBytes = 1024;  // below one packet gzip saves nothing
constexpr int kGzipLevel = 6;

std::int64_t NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

bool Compressible(std::string_view content_type) {
  auto starts = [&](std::string_view prefix) {
    return content_type.substr(0, prefix.size()) == prefix;
  };
  return starts("text/") || starts("application/json") || starts("application/javascript") ||
         starts("image/svg+xml") || starts("application/xml");
}

// The gzip form of `body`, empty when zlib fails or it would not be smaller.
std::string Gzip(const std::string& body) {
  z_stream stream;
  std::memset(&stream, 0, sizeof stream);
  // 15 + 16: a gzip header and trailer rather than a bare zlib stream (Content-Encoding: gzip).
  if (deflateInit2(&stream, kGzipLevel, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    return {};
  }
  std::string out(deflateBound(&stream, body.size()) + 32, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  stream.avail_in = static_cast<uInt>(body.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int result = deflate(&stream, Z_FINISH);
  const std::size_t written = stream.total_out;
  deflateEnd(&stream);
  if (result != Z_STREAM_END || written >= body.size()) return {};
  out.resize(written);
  return out;
}

bool SameName(const std::string& a, const char* b) { return strcasecmp(a.c_str(), b) == 0; }

bool AcceptsGzip(const httplib::Request& request) {
  // "gzip" or "gzip;q=0.5" accepts it; "gzip;q=0" refuses it.
  const std::string accept = request.get_header_value("Accept-Encoding");
  const std::size_t at = accept.find("gzip");
  if (at == std::string::npos) return false;
  const std::size_t end = accept.find(',', at);
  const std::string params =
      accept.substr(at + 4, end == std::string::npos ? std::string::npos : end - at - 4);
  const std::size_t q = params.find("q=");
  return q == std::string::npos || std::strtod(params.c_str() + q + 2, nullptr) > 0;
}

}  // namespace

std::size_t CachedResponse::Bytes() const {
  std::size_t bytes = sizeof(CachedResponse) + content_type.size() + body.size() +
                      gzip_body.size();
  for (const auto& [name, value] : headers) bytes += name.size() + value.size() + 64;
  return bytes;
}

ResponseCache::ResponseCache(Options options, StampReader stamp)
    : options_(options), stamp_(std::move(stamp)) {
  if (stamp_) {
    auto first = stamp_();
    if (first.ok()) last_stamp_ = *first;
  }
  next_check_ns_.store(NowNs() + options_.stamp_interval.count() * 1'000'000);
}

void ResponseCache::CheckStampIfDue() {
  if (!stamp_) return;
  const std::int64_t now = NowNs();
  if (now < next_check_ns_.load(std::memory_order_relaxed)) return;
  // One thread reads the stamp; the others go on with what is cached (at most one read late).
  std::unique_lock lock(stamp_mutex_, std::try_to_lock);
  if (!lock.owns_lock()) return;
  if (now < next_check_ns_.load(std::memory_order_relaxed)) return;
  absl::StatusOr<std::string> stamp = stamp_();
  // A stamp that cannot be read says nothing about freshness: drop everything to be safe.
  const bool changed = !stamp.ok() || *stamp != last_stamp_;
  if (stamp.ok()) last_stamp_ = *stamp;
  next_check_ns_.store(NowNs() + options_.stamp_interval.count() * 1'000'000,
                       std::memory_order_relaxed);
  if (changed) Clear();
}

ResponseCache::Lookup ResponseCache::Find(const std::string& key) {
  CheckStampIfDue();
  const auto deadline = std::chrono::steady_clock::now() + kMaxWait;
  std::unique_lock lock(mutex_);
  bool waited = false;
  for (;;) {
    auto found = slots_.find(key);
    if (found != slots_.end()) {
      lru_.splice(lru_.begin(), lru_, found->second.lru);
      ++stats_.hits;
      return Lookup{found->second.response, 0, 0};
    }
    const bool in_flight = flights_.count(key) > 0;
    if (!in_flight && !waited) {
      // Nobody renders this page: this caller does, for everyone who comes meanwhile.
      ++stats_.misses;
      const std::uint64_t flight = next_flight_++;
      flights_.emplace(key, flight);
      return Lookup{nullptr, generation(), flight};
    }
    // The render waited for gave nothing to keep (not a 200, or a Clear came), or takes too
    // long: render this one too rather than queue behind one render after another.
    if (!in_flight || flight_done_.wait_until(lock, deadline) == std::cv_status::timeout) {
      ++stats_.misses;
      return Lookup{nullptr, generation(), 0};
    }
    waited = true;
  }
}

void ResponseCache::Fill(const std::string& key, const Lookup& lookup,
                         const httplib::Response& response) {
  Insert(key, lookup.generation, response);
  if (lookup.flight == 0) return;
  {
    std::lock_guard lock(mutex_);
    auto flight = flights_.find(key);
    if (flight != flights_.end() && flight->second == lookup.flight) flights_.erase(flight);
  }
  flight_done_.notify_all();
}

void ResponseCache::Insert(const std::string& key, std::uint64_t generation,
                           const httplib::Response& response) {
  if (response.status != 200 || key.empty()) return;
  if (response.body.size() > options_.max_entry_bytes) return;
  if (generation != this->generation()) return;
  auto cached = std::make_shared<CachedResponse>();
  for (const auto& [name, value] : response.headers) {
    if (SameName(name, "Set-Cookie")) continue;
    if (SameName(name, "Content-Type")) {
      cached->content_type = value;
      continue;
    }
    if (SameName(name, "Content-Length")) continue;
    cached->headers.emplace_back(name, value);
  }
  cached->body = response.body;
  if (cached->body.size() >= kMinCompressBytes && Compressible(cached->content_type)) {
    cached->gzip_body = Gzip(cached->body);
  }
  const std::size_t bytes = cached->Bytes() + 2 * key.size() + 64;
  if (bytes > options_.max_bytes || bytes > options_.max_entry_bytes * 2) return;

  std::lock_guard lock(mutex_);
  // Checked again under the lock: a Clear may have come while compressing.
  if (generation != generation_.load(std::memory_order_acquire)) return;
  auto found = slots_.find(key);
  if (found != slots_.end()) {
    bytes_ -= found->second.response->Bytes() + 2 * found->first.size() + 64;
    lru_.erase(found->second.lru);
    slots_.erase(found);
  }
  while (!lru_.empty() && bytes_ + bytes > options_.max_bytes) {
    auto oldest = slots_.find(lru_.back());
    bytes_ -= oldest->second.response->Bytes() + 2 * oldest->first.size() + 64;
    slots_.erase(oldest);
    lru_.pop_back();
  }
  lru_.push_front(key);
  slots_.emplace(key, Slot{std::move(cached), lru_.begin()});
  bytes_ += bytes;
  ++stats_.inserts;
}

void ResponseCache::Clear() {
  std::lock_guard lock(mutex_);
  ClearLocked();
}

void ResponseCache::ClearLocked() {
  generation_.fetch_add(1, std::memory_order_acq_rel);
  slots_.clear();
  lru_.clear();
  bytes_ = 0;
  ++stats_.clears;
}

ResponseCache::Stats ResponseCache::stats() const {
  std::lock_guard lock(mutex_);
  Stats stats = stats_;
  stats.entries = slots_.size();
  stats.bytes = bytes_;
  return stats;
}

std::string ResponseCacheKey(const httplib::Request& request, std::string_view principal_class) {
  if (request.has_header("Range")) return {};
  std::string key(principal_class);
  key += '\n';
  key += request.target.empty() ? request.path : request.target;
  // htmx asks for fragments of the same URL: the answer may depend on which one.
  key += '\n';
  key += request.get_header_value("HX-Request");
  key += '\n';
  key += request.get_header_value("HX-Target");
  return key;
}

void ServeCached(std::shared_ptr<const CachedResponse> cached, const httplib::Request& request,
                 httplib::Response& response) {
  response.status = 200;
  // The response already holds the server's default headers, which the cached ones repeat.
  for (const auto& header : cached->headers) response.headers.erase(header.first);
  for (const auto& [name, value] : cached->headers) response.headers.emplace(name, value);
  response.set_header("Vary", "Accept-Encoding");
  response.set_header("X-Cache", "hit");
  const bool gzip = !cached->gzip_body.empty() && AcceptsGzip(request);
  if (gzip) response.set_header("Content-Encoding", "gzip");
  const std::string& bytes = gzip ? cached->gzip_body : cached->body;
  if (bytes.empty()) {
    // A provider of zero bytes would be read until it says done; an empty body is just set.
    response.set_content(std::string(), cached->content_type);
    return;
  }
  // A sized content provider is written as it is: httplib neither copies nor compresses it.
  response.set_content_provider(
      bytes.size(), cached->content_type,
      [cached, &bytes](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
        return sink.write(bytes.data() + offset, length);
      });
}

}  // namespace tw::server
