// Login sessions: the tokens, their hashes and the expiry policy. A session is a random 256-bit
// token in the tw_session cookie; the store keeps only its SHA-256 (libsodium
// crypto_hash_sha256), so a leaked database or backup holds no usable session. Each session has
// its own random CSRF token, sent back in forms (csrf_token) and API calls (X-CSRF-Token).
//
// Expiry: a session ends kSessionIdleTimeout after its last use, and kSessionLifetime after it
// began whatever the use. Use is written back at most every kSessionTouchInterval, so a busy
// page does not write the database on every request.
// Thread safety: pure functions, except the random ones, which libsodium makes thread-safe.
#ifndef TREATYWATCH_SERVER_AUTH_SESSIONS_H_
#define TREATYWATCH_SERVER_AUTH_SESSIONS_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "store/account_record.h"

namespace tw::server::auth {

inline constexpr std::chrono::seconds kSessionIdleTimeout = std::chrono::hours(12);
inline constexpr std::chrono::seconds kSessionLifetime = std::chrono::hours(24 * 7);
inline constexpr std::chrono::seconds kSessionTouchInterval = std::chrono::seconds(60);

inline constexpr std::string_view kSessionCookie = "tw_session";
// The pre-login CSRF cookie GET /login sets and POST /login checks (double submit).
inline constexpr std::string_view kLoginCookie = "tw_login";

// 32 random bytes as 64 lowercase hex digits.
std::string RandomToken();
// Whether `token` looks like RandomToken's output (anything else is not even looked up).
bool IsTokenShaped(std::string_view token);
// Lowercase hex SHA-256 of the token: the session's key in the store.
std::string TokenHash(std::string_view token);
// Constant-time comparison of two secrets; false when either is empty.
bool SameSecret(std::string_view a, std::string_view b);

// A new session for `user_id` starting at `now` (Unix seconds), keyed by TokenHash(token).
store::LoginSession NewSession(std::int64_t user_id, std::string_view token,
                               std::string_view csrf_token, std::int64_t now);
// Whether the session may still be used at `now`.
bool SessionLive(const store::LoginSession& session, std::int64_t now);
// Whether its last use should be written back at `now`.
bool SessionNeedsTouch(const store::LoginSession& session, std::int64_t now);

// Unix seconds now.
std::int64_t UnixNow();

}  // namespace tw::server::auth

#endif  // TREATYWATCH_SERVER_AUTH_SESSIONS_H_
