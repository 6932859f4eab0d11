// Issue 9's coalition deployment under load: two `treatywatch serve` processes on one
// PostgreSQL database, 16 clients writing claims and fact-checks through both for 30 seconds,
// and editing one shared fact-check at the same time. Afterwards every write a server
// acknowledged (201) is in the database exactly once, nothing unacknowledged is, and the only
// refusals are the declared conflicts (409 on a stale revision of the shared fact-check).
// Skips, saying why, without TW_TEST_POSTGRES_URL.
#include <chrono>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "postgres_test_database.h"
#include "serve_process.h"
#include "store/store.h"

namespace tw::testing {
namespace {

using nlohmann::json;
using store::testing::PostgresTestDatabase;

constexpr int kClients = 16;
constexpr auto kDuration = std::chrono::seconds(30);

struct Outcome {
  std::mutex mutex;
  std::map<std::string, std::int64_t> claims;       // text → id, acknowledged
  std::map<std::int64_t, std::int64_t> factchecks;  // id → claim id, acknowledged
  int shared_edits = 0;                             // acknowledged revisions of the shared one
  int conflicts = 0;
  std::vector<std::string> failures;
};

json Post(const ServeProcess& server, const std::string& csrf, const std::string& path,
          const json& body, int* status) {
  httplib::Client client = server.Client();
  auto response = client.Post(path, {{"X-CSRF-Token", csrf}}, body.dump(), "application/json");
  if (!response) {
    *status = -1;
    return json();
  }
  *status = response->status;
  return json::parse(response->body, nullptr, false);
}

TEST(TwoServersOnPostgres, SixteenClientsWriteThroughBothAndEveryAcknowledgedWriteIsThereOnce) {
  const std::optional<std::string> url = store::testing::PostgresTestUrl();
  if (!url) GTEST_SKIP() << store::testing::kNoPostgresReason;
  auto database = PostgresTestDatabase::Create(*url);
  ASSERT_TRUE(database.ok()) << database.status();
  TempDir dir;
  // Both servers start at once: the migrations' advisory lock keeps them from racing. Each has
  // its own upload spool, as in deploy/ (a shared one is refused: spool_lock.h).
  std::unique_ptr<ServeProcess> first;
  std::unique_ptr<ServeProcess> second;
  std::thread starting([&] {
    first = std::make_unique<ServeProcess>(
        (*database)->url(), dir / "first.log",
        std::vector<std::string>{"--spool", (dir / "first.spool").string()});
  });
  second = std::make_unique<ServeProcess>(
      (*database)->url(), dir / "second.log",
      std::vector<std::string>{"--spool", (dir / "second.spool").string()});
  starting.join();
  const ServeProcess* servers[2] = {first.get(), second.get()};
  const std::string csrf[2] = {OpenSession(*first).csrf, OpenSession(*second).csrf};
  ASSERT_FALSE(csrf[0].empty());
  ASSERT_FALSE(csrf[1].empty());

  int status = 0;
  const json shared_claim = Post(*first, csrf[0], "/api/v1/claims",
                                 {{"text", "The shared claim every client edits"},
                                  {"actor", "Egypt"}, {"session", 5}},
                                 &status);
  ASSERT_EQ(status, 201) << shared_claim.dump();
  const json shared = Post(*second, csrf[1], "/api/v1/factchecks",
                           {{"claim", shared_claim["id"]}, {"verdict", "false"},
                            {"summary", "first summary"}},
                           &status);
  ASSERT_EQ(status, 201) << shared.dump();
  const std::int64_t shared_id = shared["id"].get<std::int64_t>();

  Outcome outcome;
  const auto deadline = std::chrono::steady_clock::now() + kDuration;
  std::vector<std::thread> clients;
  for (int client = 0; client < kClients; ++client) {
    clients.emplace_back([&, client] {
      auto fail = [&](const std::string& what) {
        std::lock_guard lock(outcome.mutex);
        outcome.failures.push_back(what);
      };
      for (int write = 0; std::chrono::steady_clock::now() < deadline; ++write) {
        const int side = (client + write) % 2;
        const ServeProcess& server = *servers[side];
        int code = 0;
        const std::string text = fmt::format("Client {} write {} says article 22 was deleted",
                                             client, write);
        const json claim = Post(server, csrf[side], "/api/v1/claims",
                                {{"text", text}, {"actor", "Brazil"}, {"session", 5}}, &code);
        if (code != 201) {
          fail(fmt::format("claim: status {}: {}", code, claim.dump()));
          continue;
        }
        const std::int64_t claim_id = claim["id"].get<std::int64_t>();
        {
          std::lock_guard lock(outcome.mutex);
          outcome.claims[text] = claim_id;
        }
        // The fact-check goes through the other server: it must see the claim at once.
        const int other = 1 - side;
        const json check = Post(*servers[other], csrf[other], "/api/v1/factchecks",
                                {{"claim", claim_id}, {"verdict", "false"},
                                 {"summary", "Checked by client " + std::to_string(client)}},
                                &code);
        if (code != 201) {
          fail(fmt::format("fact-check: status {}: {}", code, check.dump()));
          continue;
        }
        {
          std::lock_guard lock(outcome.mutex);
          outcome.factchecks[check["id"].get<std::int64_t>()] = claim_id;
        }
        // Every fourth round, an edit of the shared fact-check at the revision last read:
        // with 16 clients some are stale, and those must be refused as conflicts (409).
        if (write % 4 != 0) continue;
        httplib::Client reader = server.Client();
        auto current = reader.Get(fmt::format("/api/v1/factchecks/{}", shared_id));
        if (!current || current->status != 200) {
          fail("reading the shared fact-check failed");
          continue;
        }
        const int revision = json::parse(current->body)["revision"].get<int>();
        const json edited = Post(server, csrf[side],
                                 fmt::format("/api/v1/factchecks/{}/revisions", shared_id),
                                 {{"revision", revision},
                                  {"summary", fmt::format("edited by {} at {}", client, write)}},
                                 &code);
        std::lock_guard lock(outcome.mutex);
        if (code == 201) {
          ++outcome.shared_edits;
        } else if (code == 409) {
          ++outcome.conflicts;
        } else {
          outcome.failures.push_back(fmt::format("edit: status {}: {}", code, edited.dump()));
        }
      }
    });
  }
  for (std::thread& thread : clients) thread.join();

  EXPECT_TRUE(outcome.failures.empty())
      << outcome.failures.size() << " failed requests, the first: " << outcome.failures.front();
  ASSERT_GT(outcome.claims.size(), 100u) << "too few writes to mean anything";

  auto store = (*database)->Open();
  ASSERT_TRUE(store.ok()) << store.status();
  auto claims = (*store)->ListClaims(store::ClaimFilter{});
  ASSERT_TRUE(claims.ok()) << claims.status();
  std::map<std::string, int> stored_texts;
  for (const factcheck::Claim& claim : *claims) ++stored_texts[claim.text];
  for (const auto& [text, id] : outcome.claims) {
    EXPECT_EQ(stored_texts[text], 1) << "claim #" << id << " \"" << text << "\"";
  }
  // Nothing but the acknowledged claims and the shared one.
  EXPECT_EQ(claims->size(), outcome.claims.size() + 1);

  std::size_t stored_checks = 0;
  for (const auto& [id, claim_id] : outcome.factchecks) {
    auto fact_check = (*store)->LoadFactCheck(id);
    ASSERT_TRUE(fact_check.ok()) << "fact-check #" << id << ": " << fact_check.status();
    ASSERT_TRUE(fact_check->has_value()) << "fact-check #" << id << " is missing";
    EXPECT_EQ((*fact_check)->claim_id, claim_id);
    ++stored_checks;
  }
  EXPECT_EQ(stored_checks, outcome.factchecks.size());
  auto history = (*store)->FactCheckHistory(shared_id);
  ASSERT_TRUE(history.ok()) << history.status();
  // The first save plus one revision per acknowledged edit: no edit lost, none doubled.
  EXPECT_EQ(static_cast<int>(history->size()), 1 + outcome.shared_edits);
  std::cout << fmt::format("{} claims and {} fact-checks acknowledged and stored once; shared "
                           "fact-check: {} edits saved, {} refused as conflicts\n",
                           outcome.claims.size(), outcome.factchecks.size(),
                           outcome.shared_edits, outcome.conflicts);
}

}  // namespace
}  // namespace tw::testing
