#include "server/auth/password_hash.h"

#include <sodium.h>

#include <cstdlib>
#include <mutex>

#include <fmt/format.h>

#include "text/utf8.h"

namespace tw::server::auth {
namespace {

void InitSodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) std::abort();  // no RNG: nothing here can be made safe
  });
}

std::size_t CodePoints(std::string_view utf8) {
  std::size_t count = 0;
  for (char c : utf8) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

// A hash of a random password nobody knows, made once: verifying against it costs what
// verifying a real account costs.
const std::string& DummyHash() {
  static const std::string hash = [] {
    InitSodium();
    unsigned char secret[32];
    randombytes_buf(secret, sizeof secret);
    char text[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(text, reinterpret_cast<const char*>(secret), sizeof secret,
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
      return std::string();
    }
    return std::string(text);
  }();
  return hash;
}

}  // namespace

absl::Status CheckNewPassword(std::string_view password) {
  if (password.size() > kMaxPasswordBytes) {
    return absl::InvalidArgumentError(
        fmt::format("the password is longer than {} bytes", kMaxPasswordBytes));
  }
  if (text::FindInvalidUtf8(password).has_value()) {
    return absl::InvalidArgumentError("the password is not valid UTF-8");
  }
  if (password.find('\0') != std::string_view::npos) {
    return absl::InvalidArgumentError("the password holds a NUL character");
  }
  if (CodePoints(password) < kMinPasswordLength) {
    return absl::InvalidArgumentError(fmt::format(
        "the password must be at least {} characters long", kMinPasswordLength));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> HashPassword(std::string_view password) {
  if (absl::Status valid = CheckNewPassword(password); !valid.ok()) return valid;
  InitSodium();
  char text[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(text, password.data(), password.size(),
                        crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return absl::ResourceExhaustedError("not enough memory to hash the password");
  }
  return std::string(text);
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  InitSodium();
  if (password.size() > kMaxPasswordBytes || hash.empty() || hash.size() >= 256) {
    BurnVerificationTime({});
    return false;
  }
  const std::string terminated(hash);  // crypto_pwhash_str_verify reads a C string
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

void BurnVerificationTime(std::string_view password) {
  const std::string& dummy = DummyHash();
  if (dummy.empty()) return;
  const std::string_view bounded = password.substr(0, kMaxPasswordBytes);
  // The outcome is meaningless (nobody knows the dummy's password); only the time counts.
  [[maybe_unused]] const bool matched =
      crypto_pwhash_str_verify(dummy.c_str(), bounded.data(), bounded.size()) == 0;
}

}  // namespace tw::server::auth
