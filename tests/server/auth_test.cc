// The account units without a server: argon2id hashing and verification (and the time an
// unknown name costs), the password rules, login throttling with an injected clock (windows,
// growing lockouts, the cap, resets), session tokens, hashes and expiry, and the client address
// behind a proxy.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <vector>

#include "server/auth/client_address.h"
#include "server/auth/login_throttle.h"
#include "server/auth/password_hash.h"
#include "server/auth/sessions.h"

namespace tw::server::auth {
namespace {

using std::chrono::seconds;
using ::testing::HasSubstr;
using ::testing::StartsWith;

// --- passwords ----------------------------------------------------------------------------------

TEST(PasswordHashTest, HashesAreArgon2idSaltedAndVerify) {
  absl::StatusOr<std::string> hash = HashPassword("correct horse battery");
  ASSERT_TRUE(hash.ok()) << hash.status();
  EXPECT_THAT(*hash, StartsWith("$argon2id$"));
  EXPECT_TRUE(VerifyPassword(*hash, "correct horse battery"));
  EXPECT_FALSE(VerifyPassword(*hash, "correct horse batterY"));
  EXPECT_FALSE(VerifyPassword(*hash, ""));
  absl::StatusOr<std::string> again = HashPassword("correct horse battery");
  ASSERT_TRUE(again.ok());
  EXPECT_NE(*hash, *again);  // a new salt each time
  EXPECT_FALSE(VerifyPassword("not a hash", "correct horse battery"));
  EXPECT_FALSE(VerifyPassword("", "correct horse battery"));
  EXPECT_FALSE(VerifyPassword(*hash, std::string(kMaxPasswordBytes + 1, 'x')));
}

struct PasswordCase {
  std::string password;
  bool accepted;
  std::string message;
};

TEST(PasswordHashTest, NewPasswordsFollowTheRules) {
  const PasswordCase cases[] = {
      {"elevenchars", false, "at least 12 characters"},
      {"twelve chars", true, ""},
      {"ééééééééééé", false, "at least 12"},  // 11 characters, 22 bytes
      {"éééééééééééé", true, ""},
      {std::string(kMaxPasswordBytes + 1, 'a'), false, "longer than 1024 bytes"},
      {"twelve chars\xff", false, "not valid UTF-8"},
      {std::string("twelve chars\0x", 14), false, "NUL"},
  };
  for (const PasswordCase& c : cases) {
    const absl::Status status = CheckNewPassword(c.password);
    EXPECT_EQ(status.ok(), c.accepted) << c.password.substr(0, 20);
    if (!c.accepted) {
      EXPECT_THAT(std::string(status.message()), HasSubstr(c.message));
    }
  }
  EXPECT_FALSE(HashPassword("short").ok());
}

// An unknown name costs an argon2id verification too, so timing does not tell names apart.
TEST(PasswordHashTest, UnknownNamesCostAVerification) {
  absl::StatusOr<std::string> hash = HashPassword("a real password here");
  ASSERT_TRUE(hash.ok());
  BurnVerificationTime("warm up the dummy hash");
  auto median = [](auto run) {
    std::vector<double> times;
    for (int i = 0; i < 3; ++i) {
      const auto start = std::chrono::steady_clock::now();
      run();
      times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
                          .count());
    }
    std::sort(times.begin(), times.end());
    return times[1];
  };
  const double known = median([&] { (void)VerifyPassword(*hash, "a wrong password!"); });
  const double unknown = median([] { BurnVerificationTime("a wrong password!"); });
  EXPECT_GT(known, 0.005);  // argon2id at the interactive limits is not instant
  EXPECT_GT(unknown, known * 0.4);
  EXPECT_LT(unknown, known * 2.5);
}

// --- throttling ---------------------------------------------------------------------------------

class ThrottleTest : public ::testing::Test {
 protected:
  ThrottleTest() : throttle_(ThrottlePolicy{}, [this] { return now_; }) {}
  void Advance(seconds by) { now_ += by; }

  std::chrono::steady_clock::time_point now_{std::chrono::hours(1000)};
  LoginThrottle throttle_;
};

TEST_F(ThrottleTest, ANameIsLockedAfterItsFreeFailuresForGrowingTimes) {
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(throttle_.Wait("alice", "10.0.0.1"), seconds(0)) << i;
    throttle_.RecordFailure("alice", "10.0.0.1");
  }
  EXPECT_EQ(throttle_.Wait("alice", "10.0.0.1"), seconds(0));
  throttle_.RecordFailure("alice", "10.0.0.1");  // the 6th
  EXPECT_EQ(throttle_.Wait("alice", "10.0.0.1"), seconds(30));
  EXPECT_EQ(throttle_.Wait("ALICE", "10.9.9.9"), seconds(30));  // by name, any address
  EXPECT_EQ(throttle_.Wait("bob", "10.0.0.1"), seconds(0));     // the address is not locked
  Advance(seconds(29));
  EXPECT_EQ(throttle_.Wait("alice", "10.0.0.1"), seconds(1));
  Advance(seconds(1));
  EXPECT_EQ(throttle_.Wait("alice", "10.0.0.1"), seconds(0));
  throttle_.RecordFailure("alice", "10.0.0.1");
  EXPECT_EQ(throttle_.Wait("alice", "10.0.0.1"), seconds(60));
  Advance(seconds(60));
  throttle_.RecordFailure("alice", "10.0.0.1");
  EXPECT_EQ(throttle_.Wait("alice", "10.0.0.1"), seconds(120));
  for (int i = 0; i < 20; ++i) {
    Advance(throttle_.Wait("alice", "10.0.0.1"));
    throttle_.RecordFailure("alice", "10.0.0." + std::to_string(i % 3 + 2));
  }
  EXPECT_EQ(throttle_.Wait("alice", "10.0.0.7"), throttle_.policy().max_lockout);
}

TEST_F(ThrottleTest, SuccessClearsTheNameAndAQuietWindowForgets) {
  for (int i = 0; i < 6; ++i) throttle_.RecordFailure("carol", "10.0.0.2");
  EXPECT_GT(throttle_.Wait("carol", "10.0.0.3").count(), 0);
  throttle_.RecordSuccess("carol", "10.0.0.2");
  EXPECT_EQ(throttle_.Wait("carol", "10.0.0.3"), seconds(0));
  // Five failures, then a quiet window: the count starts again.
  for (int i = 0; i < 5; ++i) throttle_.RecordFailure("dave", "10.0.0.4");
  Advance(throttle_.policy().window + seconds(1));
  throttle_.RecordFailure("dave", "10.0.0.4");
  EXPECT_EQ(throttle_.Wait("dave", "10.0.0.4"), seconds(0));
}

TEST_F(ThrottleTest, OneAddressTryingManyNamesIsLocked) {
  for (int i = 0; i < 20; ++i) throttle_.RecordFailure("user" + std::to_string(i), "10.6.6.6");
  EXPECT_EQ(throttle_.Wait("someone-else", "10.6.6.6"), seconds(0));
  throttle_.RecordFailure("user-21", "10.6.6.6");
  EXPECT_EQ(throttle_.Wait("someone-else", "10.6.6.6"), seconds(30));
  EXPECT_EQ(throttle_.Wait("someone-else", "10.1.1.1"), seconds(0));
  // A success of one name does not clear the address.
  throttle_.RecordSuccess("user3", "10.6.6.6");
  EXPECT_EQ(throttle_.Wait("user3", "10.6.6.6"), seconds(30));
}

// --- sessions -----------------------------------------------------------------------------------

TEST(SessionsTest, TokensAreRandomHexAndStoredOnlyAsTheirHash) {
  const std::string token = RandomToken();
  EXPECT_TRUE(IsTokenShaped(token));
  EXPECT_NE(token, RandomToken());
  EXPECT_FALSE(IsTokenShaped("abc"));
  EXPECT_FALSE(IsTokenShaped(std::string(64, 'G')));
  EXPECT_EQ(TokenHash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const store::LoginSession session = NewSession(7, token, "csrf", 1000);
  EXPECT_EQ(session.token_hash, TokenHash(token));
  EXPECT_NE(session.token_hash, token);
  EXPECT_EQ(session.user_id, 7);
  EXPECT_TRUE(SameSecret("abc", "abc"));
  EXPECT_FALSE(SameSecret("abc", "abd"));
  EXPECT_FALSE(SameSecret("", ""));
  EXPECT_FALSE(SameSecret("abc", "abcd"));
}

TEST(SessionsTest, SessionsEndWhenIdleAndAtTheirAbsoluteEnd) {
  const std::int64_t start = 1'000'000;
  store::LoginSession session = NewSession(1, RandomToken(), "csrf", start);
  const std::int64_t idle = kSessionIdleTimeout.count();
  EXPECT_EQ(idle, 12 * 3600);
  EXPECT_EQ(kSessionLifetime.count(), 7 * 24 * 3600);
  EXPECT_TRUE(SessionLive(session, start));
  EXPECT_TRUE(SessionLive(session, start + idle - 1));
  EXPECT_FALSE(SessionLive(session, start + idle));
  // Used every 11 hours it lives on, until the absolute end.
  std::int64_t now = start;
  while (now + 11 * 3600 < start + kSessionLifetime.count()) {
    now += 11 * 3600;
    ASSERT_TRUE(SessionLive(session, now)) << now - start;
    session.last_seen = now;
  }
  EXPECT_FALSE(SessionLive(session, start + kSessionLifetime.count()));
  EXPECT_FALSE(SessionNeedsTouch(session, session.last_seen + 59));
  EXPECT_TRUE(SessionNeedsTouch(session, session.last_seen + 60));
}

// --- client address -----------------------------------------------------------------------------

TEST(ClientAddressTest, BehindTheProxyTheLastForwardedEntryCounts) {
  httplib::Request request;
  request.remote_addr = "127.0.0.1";
  request.headers.emplace("X-Forwarded-For", "6.6.6.6, 203.0.113.9");
  EXPECT_EQ(ClientAddress(request, false), "127.0.0.1");
  EXPECT_EQ(ClientAddress(request, true), "203.0.113.9");
  httplib::Request forged;
  forged.remote_addr = "10.0.0.1";
  forged.headers.emplace("X-Forwarded-For", "<script>alert(1)</script>");
  const std::string shown = ClientAddress(forged, true);  // only address characters survive
  EXPECT_EQ(shown.find_first_of("<>()/"), std::string::npos) << shown;
  httplib::Request plain;
  plain.remote_addr = "::1";
  EXPECT_EQ(ClientAddress(plain, true), "::1");
}

}  // namespace
}  // namespace tw::server::auth
