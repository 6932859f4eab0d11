// LoginThrottle: slows password guessing. Failed logins are counted per user name (ASCII case
// folded) and per client address within a window; once a key has more failures in the window
// than it is allowed, it is locked out, for a time that doubles with each further failure up to
// a cap. A locked key is refused before the password is even checked (the server answers 429
// with the wait). A successful login clears its name's record; the address's record stays, so
// someone who owns one account cannot use its logins to keep guessing others' passwords.
//
// The counts live in this process's memory: two servers on one database throttle separately,
// and a restart forgets them (a restart takes longer than most lockouts anyway). Memory is
// bounded: at most kMaxTrackedKeys keys; when full, expired records go first, then the oldest.
// Thread safety: all methods may be called from any thread at once.
#ifndef TREATYWATCH_SERVER_AUTH_LOGIN_THROTTLE_H_
#define TREATYWATCH_SERVER_AUTH_LOGIN_THROTTLE_H_

#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace tw::server::auth {

struct ThrottlePolicy {
  int name_free_failures = 5;      // failures of one name in the window before a lockout
  int address_free_failures = 20;  // failures from one address (it may try several names)
  std::chrono::seconds window{15 * 60};
  std::chrono::seconds first_lockout{30};  // then 60, 120, ... per further failure
  std::chrono::seconds max_lockout{60 * 60};
};

inline constexpr std::size_t kMaxTrackedKeys = 100000;

class LoginThrottle {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  explicit LoginThrottle(ThrottlePolicy policy = {}, Clock clock = std::chrono::steady_clock::now)
      : policy_(policy), clock_(std::move(clock)) {}

  // How long `name` from `address` must still wait before trying again; zero: it may try now.
  std::chrono::seconds Wait(std::string_view name, std::string_view address);
  void RecordFailure(std::string_view name, std::string_view address);
  void RecordSuccess(std::string_view name, std::string_view address);

  const ThrottlePolicy& policy() const { return policy_; }

 private:
  struct Record {
    int failures = 0;
    std::chrono::steady_clock::time_point window_start;
    std::chrono::steady_clock::time_point locked_until;
  };

  std::chrono::seconds WaitOf(const std::string& key, std::chrono::steady_clock::time_point now);
  void Fail(const std::string& key, int free_failures, std::chrono::steady_clock::time_point now);
  void MakeRoom(std::chrono::steady_clock::time_point now);

  const ThrottlePolicy policy_;
  const Clock clock_;
  std::mutex mutex_;
  std::unordered_map<std::string, Record> records_;
};

}  // namespace tw::server::auth

#endif  // TREATYWATCH_SERVER_AUTH_LOGIN_THROTTLE_H_
