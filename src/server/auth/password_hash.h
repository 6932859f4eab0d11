// Password hashing for user accounts: libsodium's crypto_pwhash_str, which is argon2id (the
// variant libsodium uses by default) with OPSLIMIT_INTERACTIVE and MEMLIMIT_INTERACTIVE — about
// 64 MiB and a few tens of milliseconds per hash on this class of machine: slow enough to make
// offline guessing of a stolen hash expensive, fast enough for a login. The hash text carries
// its own salt and parameters ("$argon2id$v=19$m=65536,t=2,p=1$..."), so a later change of
// limits still verifies old hashes.
//
// Timing: VerifyPassword costs one argon2id computation whether or not the hash matches, and
// BurnVerificationTime costs the same for a name that has no account, so a login attempt does
// not reveal by its duration whether the name exists.
// Thread safety: all functions may be called from any thread (sodium_init is done once).
#ifndef TREATYWATCH_SERVER_AUTH_PASSWORD_HASH_H_
#define TREATYWATCH_SERVER_AUTH_PASSWORD_HASH_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace tw::server::auth {

inline constexpr std::size_t kMinPasswordLength = 12;   // characters (UTF-8 code points)
inline constexpr std::size_t kMaxPasswordBytes = 1024;  // bounds the hashing work per request

// InvalidArgument saying why: shorter than kMinPasswordLength characters, longer than
// kMaxPasswordBytes bytes, not valid UTF-8, or holding a NUL.
absl::Status CheckNewPassword(std::string_view password);

// A crypto_pwhash_str hash of `password` (checked with CheckNewPassword first).
// ResourceExhausted when libsodium cannot get the memory.
absl::StatusOr<std::string> HashPassword(std::string_view password);

// Whether `password` matches `hash`. False for an oversized password or a malformed hash.
bool VerifyPassword(std::string_view hash, std::string_view password);

// Spends the time of one VerifyPassword against a fixed dummy hash (unknown user names).
void BurnVerificationTime(std::string_view password);

}  // namespace tw::server::auth

#endif  // TREATYWATCH_SERVER_AUTH_PASSWORD_HASH_H_
