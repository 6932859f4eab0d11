#include "server/auth/login_throttle.h"

#include <algorithm>

#include "text/ascii_case.h"

namespace tw::server::auth {
namespace {

using std::chrono::seconds;
using TimePoint = std::chrono::steady_clock::time_point;

std::string NameKey(std::string_view name) {
  std::string key = "name:";
  for (char c : name.substr(0, 256)) key += text::AsciiLower(c);
  return key;
}

std::string AddressKey(std::string_view address) {
  return "address:" + std::string(address.substr(0, 256));
}

}  // namespace

seconds LoginThrottle::WaitOf(const std::string& key, TimePoint now) {
  auto found = records_.find(key);
  if (found == records_.end() || found->second.locked_until <= now) return seconds(0);
  // Rounded up, so a wait is never announced as 0 s while it lasts.
  return std::chrono::ceil<seconds>(found->second.locked_until - now);
}

seconds LoginThrottle::Wait(std::string_view name, std::string_view address) {
  std::lock_guard lock(mutex_);
  const TimePoint now = clock_();
  return std::max(WaitOf(NameKey(name), now), WaitOf(AddressKey(address), now));
}

void LoginThrottle::MakeRoom(TimePoint now) {
  if (records_.size() < kMaxTrackedKeys) return;
  for (auto it = records_.begin(); it != records_.end();) {
    const bool expired = it->second.locked_until <= now &&
                         now - it->second.window_start > policy_.window;
    it = expired ? records_.erase(it) : std::next(it);
  }
  if (records_.size() < kMaxTrackedKeys) return;
  auto oldest = std::min_element(records_.begin(), records_.end(), [](const auto& a,
                                                                       const auto& b) {
    return a.second.window_start < b.second.window_start;
  });
  records_.erase(oldest);
}

void LoginThrottle::Fail(const std::string& key, int free_failures, TimePoint now) {
  auto found = records_.find(key);
  if (found == records_.end()) {
    MakeRoom(now);
    found = records_.emplace(key, Record{0, now, now}).first;
  }
  Record& record = found->second;
  // A new window once the last one is over and no lockout is running.
  if (now - record.window_start > policy_.window && record.locked_until <= now) {
    record.failures = 0;
    record.window_start = now;
  }
  ++record.failures;
  const int over = record.failures - free_failures;
  if (over <= 0) return;
  seconds lockout = policy_.first_lockout;
  for (int i = 1; i < over && lockout < policy_.max_lockout; ++i) lockout *= 2;
  lockout = std::min(lockout, policy_.max_lockout);
  record.locked_until = now + lockout;
  // The window runs at least as long as the lockout, so the count is not forgotten during it.
  record.window_start = std::max(record.window_start, now + lockout - policy_.window);
}

void LoginThrottle::RecordFailure(std::string_view name, std::string_view address) {
  std::lock_guard lock(mutex_);
  const TimePoint now = clock_();
  Fail(NameKey(name), policy_.name_free_failures, now);
  Fail(AddressKey(address), policy_.address_free_failures, now);
}

void LoginThrottle::RecordSuccess(std::string_view name, std::string_view) {
  std::lock_guard lock(mutex_);
  records_.erase(NameKey(name));
}

}  // namespace tw::server::auth
