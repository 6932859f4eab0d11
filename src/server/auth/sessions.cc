#include "server/auth/sessions.h"

#include <sodium.h>

#include <cstdlib>
#include <mutex>

namespace tw::server::auth {
namespace {

void InitSodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) std::abort();  // no RNG: no token can be made safely
  });
}

std::string Hex(const unsigned char* bytes, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

}  // namespace

std::string RandomToken() {
  InitSodium();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  return Hex(bytes, sizeof bytes);
}

bool IsTokenShaped(std::string_view token) {
  if (token.size() != 64) return false;
  for (char c : token) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::string TokenHash(std::string_view token) {
  InitSodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  return Hex(digest, sizeof digest);
}

bool SameSecret(std::string_view a, std::string_view b) {
  return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

store::LoginSession NewSession(std::int64_t user_id, std::string_view token,
                               std::string_view csrf_token, std::int64_t now) {
  store::LoginSession session;
  session.token_hash = TokenHash(token);
  session.user_id = user_id;
  session.csrf_token = std::string(csrf_token);
  session.created_at = now;
  session.expires_at = now + kSessionLifetime.count();
  session.last_seen = now;
  return session;
}

bool SessionLive(const store::LoginSession& session, std::int64_t now) {
  return now < session.expires_at && now - session.last_seen < kSessionIdleTimeout.count();
}

bool SessionNeedsTouch(const store::LoginSession& session, std::int64_t now) {
  return now - session.last_seen >= kSessionTouchInterval.count();
}

std::int64_t UnixNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace tw::server::auth
