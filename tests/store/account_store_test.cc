// The account record's part of the Store contract (account_record.h: users, login sessions,
// the audit log), checked on every backend in StoreBackendsUnderTest(): round trips, names
// unique ignoring ASCII case, value checks naming the field, sessions found by token hash with
// their user and ended by password change and disabling, expiry sweeps, an audit log newest
// first that not even raw SQL can rewrite, imports for `migrate`, digests that cover users and
// the log but not sessions, copying between stores, and the migration from schema 4. Each test
// gets a fresh, empty database.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/account_rows.h"
#include "store/content_digest.h"
#include "store/store.h"
#include "store/store_copy.h"
#include "store_test_documents.h"
#include "store_test_factory.h"

namespace tw::store::testing {
namespace {

using ::testing::HasSubstr;

std::string Message(const absl::Status& status) { return std::string(status.message()); }

// A hash-shaped text: the store keeps hashes opaque, so any non-empty text will do here.
constexpr std::string_view kHash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo";

std::string HexOf(int n) { return fmt::format("{:064x}", n); }

class AccountStoreTest : public ::testing::TestWithParam<StoreBackend> {
 protected:
  void SetUp() override {
    if (!GetParam().skip_reason.empty()) GTEST_SKIP() << GetParam().skip_reason;
    absl::StatusOr<std::unique_ptr<TestDatabase>> database = GetParam().create_database();
    ASSERT_TRUE(database.ok()) << database.status();
    database_ = *std::move(database);
    store_ = Open();
    ASSERT_NE(store_, nullptr);
  }

  std::unique_ptr<Store> Open() {
    absl::StatusOr<std::unique_ptr<Store>> store = database_->Open();
    EXPECT_TRUE(store.ok()) << store.status();
    return store.ok() ? *std::move(store) : nullptr;
  }

  Store& store() { return *store_; }

  std::int64_t AddUser(std::string name, std::string role = "analyst") {
    UserAccount user;
    user.name = std::move(name);
    user.role = std::move(role);
    user.password_hash = std::string(kHash);
    absl::StatusOr<std::int64_t> id = store().CreateUser(user);
    EXPECT_TRUE(id.ok()) << id.status();
    return id.ok() ? *id : 0;
  }

  LoginSession Session(std::int64_t user_id, int token, std::int64_t now = 1000) {
    LoginSession session;
    session.token_hash = HexOf(token);
    session.user_id = user_id;
    session.csrf_token = fmt::format("csrf-{}", token);
    session.created_at = now;
    session.expires_at = now + 7 * 86400;
    session.last_seen = now;
    return session;
  }

  AuditEntry Entry(std::string action, std::string who = "alice") {
    AuditEntry entry;
    entry.who = std::move(who);
    entry.action = std::move(action);
    entry.target = "user 1";
    entry.detail = "something";
    entry.client = "127.0.0.1";
    return entry;
  }

  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<Store> store_;
};

// --- users --------------------------------------------------------------------------------------

TEST_P(AccountStoreTest, UsersRoundTripAndCount) {
  EXPECT_EQ(*store().CountUsers(), 0);
  const std::int64_t alice = AddUser("Alice", "admin");
  const std::int64_t bob = AddUser("bob", "viewer");
  EXPECT_EQ(*store().CountUsers(), 2);
  absl::StatusOr<std::optional<UserAccount>> loaded = store().LoadUser(alice);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  ASSERT_TRUE(loaded->has_value());
  EXPECT_EQ((*loaded)->name, "Alice");
  EXPECT_EQ((*loaded)->role, "admin");
  EXPECT_EQ((*loaded)->password_hash, kHash);
  EXPECT_FALSE((*loaded)->disabled);
  EXPECT_THAT((*loaded)->created_at, ::testing::MatchesRegex("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z"));
  absl::StatusOr<std::vector<UserAccount>> users = store().ListUsers();
  ASSERT_TRUE(users.ok());
  ASSERT_EQ(users->size(), 2u);
  EXPECT_EQ((*users)[0].id, alice);
  EXPECT_EQ((*users)[1].id, bob);
  EXPECT_FALSE(store().LoadUser(9999)->has_value());
}

TEST_P(AccountStoreTest, NamesAreUniqueIgnoringAsciiCase) {
  AddUser("Alice");
  UserAccount twin;
  twin.name = "ALICE";
  twin.role = "viewer";
  twin.password_hash = std::string(kHash);
  absl::StatusOr<std::int64_t> refused = store().CreateUser(twin);
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kAlreadyExists) << refused.status();
  EXPECT_EQ(*store().CountUsers(), 1);
  absl::StatusOr<std::optional<UserAccount>> found = store().FindUser("aLiCe");
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->name, "Alice");
  // Only ASCII folds: "É" and "é" are two names in both backends.
  AddUser("Émile");
  EXPECT_NE(AddUser("émile"), 0);
  EXPECT_FALSE(store().FindUser("nobody")->has_value());
}

TEST_P(AccountStoreTest, HostileNamesAreStoredAsTyped) {
  for (std::string_view name : {"<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
                                "'; DROP TABLE users; --", "Robert'); DELETE FROM audit_log;--"}) {
    const std::int64_t id = AddUser(std::string(name));
    ASSERT_NE(id, 0) << name;
    EXPECT_EQ((*store().LoadUser(id))->name, name);
    EXPECT_TRUE(store().FindUser(name)->has_value()) << name;
  }
  EXPECT_EQ(*store().CountUsers(), 4);
}

struct BadUser {
  std::string name;
  std::string role;
  std::string hash;
  std::string message;
};

TEST_P(AccountStoreTest, BadValuesAreRefusedNamingTheField) {
  const BadUser cases[] = {
      {"", "viewer", "h", "user name is empty"},
      {std::string(65, 'a'), "viewer", "h", "limit is 64"},
      {"bad\xff", "viewer", "h", "not valid UTF-8"},
      {"tab\tname", "viewer", "h", "control character"},
      {" padded", "viewer", "h", "starts or ends with a space"},
      {"carol", "root", "h", "role 'root'"},
      {"carol", "viewer", "", "password hash is empty"},
  };
  for (const BadUser& bad : cases) {
    UserAccount user{0, bad.name, bad.role, bad.hash, "", false};
    absl::StatusOr<std::int64_t> refused = store().CreateUser(user);
    EXPECT_EQ(refused.status().code(), absl::StatusCode::kInvalidArgument) << bad.message;
    EXPECT_THAT(Message(refused.status()), HasSubstr(bad.message));
  }
  EXPECT_EQ(*store().CountUsers(), 0);
}

TEST_P(AccountStoreTest, RolePasswordAndDisabledChange) {
  const std::int64_t id = AddUser("dora", "viewer");
  ASSERT_TRUE(store().SetUserRole(id, "editor").ok());
  EXPECT_EQ((*store().LoadUser(id))->role, "editor");
  EXPECT_EQ(store().SetUserRole(id, "superuser").code(), absl::StatusCode::kInvalidArgument);
  ASSERT_TRUE(store().SetUserPassword(id, "new-hash").ok());
  EXPECT_EQ((*store().LoadUser(id))->password_hash, "new-hash");
  ASSERT_TRUE(store().SetUserDisabled(id, true).ok());
  EXPECT_TRUE((*store().LoadUser(id))->disabled);
  ASSERT_TRUE(store().SetUserDisabled(id, false).ok());
  EXPECT_FALSE((*store().LoadUser(id))->disabled);
  EXPECT_EQ(store().SetUserRole(777, "viewer").code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store().SetUserPassword(777, "x").code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(store().SetUserDisabled(777, true).code(), absl::StatusCode::kNotFound);
}

// --- sessions -----------------------------------------------------------------------------------

TEST_P(AccountStoreTest, SessionsAreFoundByTokenHashWithTheirUser) {
  const std::int64_t id = AddUser("erin", "editor");
  ASSERT_TRUE(store().PutLoginSession(Session(id, 1)).ok());
  absl::StatusOr<std::optional<LoginSessionWithUser>> found =
      store().FindLoginSession(HexOf(1));
  ASSERT_TRUE(found.ok()) << found.status();
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->session.user_id, id);
  EXPECT_EQ((*found)->session.csrf_token, "csrf-1");
  EXPECT_EQ((*found)->session.expires_at, 1000 + 7 * 86400);
  EXPECT_EQ((*found)->user.name, "erin");
  EXPECT_EQ((*found)->user.role, "editor");
  EXPECT_FALSE(store().FindLoginSession(HexOf(2))->has_value());
  EXPECT_EQ(store().FindLoginSession("short").status().code(), absl::StatusCode::kInvalidArgument);
  // Another Store on the same database (a second server process) sees the same session.
  std::unique_ptr<Store> other = Open();
  ASSERT_NE(other, nullptr);
  EXPECT_TRUE(other->FindLoginSession(HexOf(1))->has_value());

  ASSERT_TRUE(store().TouchLoginSession(HexOf(1), 5000).ok());
  EXPECT_EQ((*store().FindLoginSession(HexOf(1)))->session.last_seen, 5000);
  ASSERT_TRUE(store().TouchLoginSession(HexOf(1), 4000).ok());  // never backwards
  EXPECT_EQ((*store().FindLoginSession(HexOf(1)))->session.last_seen, 5000);
  ASSERT_TRUE(store().DeleteLoginSession(HexOf(1)).ok());
  EXPECT_FALSE(store().FindLoginSession(HexOf(1))->has_value());
  EXPECT_EQ(store().PutLoginSession(Session(4242, 3)).code(), absl::StatusCode::kInvalidArgument);
}

TEST_P(AccountStoreTest, DisablingOrNewPasswordEndsTheUsersSessions) {
  const std::int64_t frank = AddUser("frank");
  const std::int64_t gina = AddUser("gina");
  ASSERT_TRUE(store().PutLoginSession(Session(frank, 1)).ok());
  ASSERT_TRUE(store().PutLoginSession(Session(frank, 2)).ok());
  ASSERT_TRUE(store().PutLoginSession(Session(gina, 3)).ok());
  ASSERT_TRUE(store().SetUserDisabled(frank, true).ok());
  EXPECT_FALSE(store().FindLoginSession(HexOf(1))->has_value());
  EXPECT_FALSE(store().FindLoginSession(HexOf(2))->has_value());
  EXPECT_TRUE(store().FindLoginSession(HexOf(3))->has_value());
  ASSERT_TRUE(store().SetUserPassword(gina, "another-hash").ok());
  EXPECT_FALSE(store().FindLoginSession(HexOf(3))->has_value());
  ASSERT_TRUE(store().PutLoginSession(Session(gina, 4)).ok());
  ASSERT_TRUE(store().SetUserRole(gina, "admin").ok());  // a role change keeps the session
  EXPECT_TRUE(store().FindLoginSession(HexOf(4))->has_value());
  EXPECT_EQ(*store().DeleteLoginSessionsOf(gina), 1);
  EXPECT_FALSE(store().FindLoginSession(HexOf(4))->has_value());
}

TEST_P(AccountStoreTest, ExpiredSessionsAreSweptByAbsoluteAndIdleTime) {
  const std::int64_t id = AddUser("hana");
  LoginSession past_end = Session(id, 1, 0);
  past_end.expires_at = 100;
  LoginSession idle = Session(id, 2, 50);
  LoginSession live = Session(id, 3, 500);
  for (const LoginSession& session : {past_end, idle, live}) {
    ASSERT_TRUE(store().PutLoginSession(session).ok());
  }
  absl::StatusOr<int> swept = store().DeleteExpiredLoginSessions(/*now=*/600, /*idle_before=*/400);
  ASSERT_TRUE(swept.ok()) << swept.status();
  EXPECT_EQ(*swept, 2);
  EXPECT_FALSE(store().FindLoginSession(HexOf(1))->has_value());
  EXPECT_FALSE(store().FindLoginSession(HexOf(2))->has_value());
  EXPECT_TRUE(store().FindLoginSession(HexOf(3))->has_value());
}

// --- the audit log ------------------------------------------------------------------------------

TEST_P(AccountStoreTest, TheAuditLogListsNewestFirstInPages) {
  for (int i = 1; i <= 7; ++i) {
    absl::StatusOr<std::int64_t> id = store().AppendAudit(Entry(fmt::format("action.{}", i)));
    ASSERT_TRUE(id.ok()) << id.status();
  }
  EXPECT_EQ(*store().CountAudit(), 7);
  absl::StatusOr<std::vector<AuditEntry>> first = store().ListAudit(0, 3);
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_EQ(first->size(), 3u);
  EXPECT_EQ((*first)[0].action, "action.7");
  EXPECT_EQ((*first)[2].action, "action.5");
  EXPECT_EQ((*first)[0].client, "127.0.0.1");
  EXPECT_THAT((*first)[0].at, ::testing::MatchesRegex("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z"));
  absl::StatusOr<std::vector<AuditEntry>> last = store().ListAudit(6, 3);
  ASSERT_EQ(last->size(), 1u);
  EXPECT_EQ((*last)[0].action, "action.1");
  EXPECT_EQ(store().ListAudit(-1, 3).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store().ListAudit(0, 0).status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store().ListAudit(0, kMaxAuditPage + 1).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store().AppendAudit(Entry("")).status().code(), absl::StatusCode::kInvalidArgument);
  AuditEntry huge = Entry("x.y");
  huge.detail = std::string(kMaxAuditFieldBytes + 1, 'd');
  EXPECT_EQ(store().AppendAudit(huge).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_P(AccountStoreTest, TheAuditLogIsAppendOnlyEvenForRawSql) {
  ASSERT_TRUE(store().AppendAudit(Entry("user.add")).ok());
  ASSERT_TRUE(store().AppendAudit(Entry("user.role")).ok());
  store_.reset();
  for (std::string_view sql : {"UPDATE audit_log SET who = 'mallory'",
                               "UPDATE audit_log SET detail = '' WHERE id = 1",
                               "DELETE FROM audit_log WHERE id = 2", "DELETE FROM audit_log"}) {
    const absl::Status rewritten = database_->ExecuteSql(sql);
    EXPECT_FALSE(rewritten.ok()) << sql;
    EXPECT_THAT(Message(rewritten), HasSubstr("append-only")) << sql;
  }
  if (GetParam().name == "Postgres") {
    const absl::Status truncated = database_->ExecuteSql("TRUNCATE audit_log");
    EXPECT_FALSE(truncated.ok());
    EXPECT_THAT(Message(truncated), HasSubstr("append-only"));
  }
  store_ = Open();
  ASSERT_EQ(*store().CountAudit(), 2);
  EXPECT_EQ(store().ListAudit(0, 10)->back().who, "alice");
}

// --- imports, digests, copying, migration -------------------------------------------------------

TEST_P(AccountStoreTest, ImportsKeepIdsAndSkipWhatIsThere) {
  UserAccount user{5, "ivan", "editor", std::string(kHash), "2026-01-02T03:04:05Z", true};
  absl::StatusOr<int> stored = store().ImportUsers({user});
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(*stored, 1);
  EXPECT_EQ(*store().ImportUsers({user}), 0);
  absl::StatusOr<std::optional<UserAccount>> loaded = store().LoadUser(5);
  ASSERT_TRUE(loaded->has_value());
  EXPECT_TRUE(SameUser(**loaded, user));
  // New ids continue after the imported ones.
  EXPECT_GT(AddUser("judy"), 5);
  UserAccount clash = user;
  clash.role = "viewer";
  EXPECT_EQ(store().ImportUsers({clash}).status().code(), absl::StatusCode::kFailedPrecondition);
  UserAccount same_name{40, "IVAN", "viewer", std::string(kHash), "2026-01-02T03:04:05Z", false};
  EXPECT_EQ(store().ImportUsers({same_name}).status().code(),
            absl::StatusCode::kFailedPrecondition);

  AuditEntry entry = Entry("user.add");
  entry.id = 9;
  entry.at = "2026-01-02T03:04:06Z";
  EXPECT_EQ(*store().ImportAudit({entry}), 1);
  EXPECT_EQ(*store().ImportAudit({entry}), 0);
  EXPECT_TRUE(SameAuditEntry(store().ListAudit(0, 1)->front(), entry));
  EXPECT_GT(*store().AppendAudit(Entry("after")), 9);
  AuditEntry changed = entry;
  changed.who = "mallory";
  EXPECT_EQ(store().ImportAudit({changed}).status().code(),
            absl::StatusCode::kFailedPrecondition);
}

TEST_P(AccountStoreTest, DigestsCoverUsersAndTheAuditLogButNotSessions) {
  auto digest_of = [&](std::string_view table) {
    absl::StatusOr<std::vector<TableDigest>> digests = store().DigestTables();
    EXPECT_TRUE(digests.ok()) << digests.status();
    if (!digests.ok()) return TableDigest{};
    for (const TableDigest& digest : *digests) {
      if (digest.table == table) return digest;
    }
    ADD_FAILURE() << "no digest of " << table;
    return TableDigest{};
  };
  const TableDigest users_before = digest_of("users");
  const TableDigest audit_before = digest_of("audit_log");
  EXPECT_EQ(users_before.rows, 0);
  const std::int64_t id = AddUser("kim");
  ASSERT_TRUE(store().AppendAudit(Entry("user.add")).ok());
  const TableDigest users_after = digest_of("users");
  EXPECT_EQ(users_after.rows, 1);
  EXPECT_NE(users_after.sha256, users_before.sha256);
  EXPECT_EQ(digest_of("audit_log").rows, 1);
  std::vector<TableDigest> before_session = *store().DigestTables();
  ASSERT_TRUE(store().PutLoginSession(Session(id, 1)).ok());
  std::vector<TableDigest> after_session = *store().DigestTables();
  ASSERT_EQ(before_session.size(), after_session.size());
  for (std::size_t i = 0; i < before_session.size(); ++i) {
    EXPECT_EQ(before_session[i].sha256, after_session[i].sha256) << before_session[i].table;
    EXPECT_NE(before_session[i].table, "login_sessions");
  }
}

// Both backends digest the same accounts identically, and `migrate` copies users and the log.
TEST_P(AccountStoreTest, CopyingAStoreCopiesAccountsAndTheLogButNoSessions) {
  const std::int64_t admin = AddUser("<b>lee</b>", "admin");
  AddUser("'; DROP TABLE users; --", "viewer");
  ASSERT_TRUE(store().SetUserDisabled(admin + 1, true).ok());
  ASSERT_TRUE(store().PutLoginSession(Session(admin, 1)).ok());
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(store().AppendAudit(Entry(fmt::format("a.{}", i))).ok());

  SqliteTestDatabase destination_database;
  absl::StatusOr<std::unique_ptr<Store>> destination = destination_database.Open();
  ASSERT_TRUE(destination.ok()) << destination.status();
  absl::StatusOr<StoreCopyReport> report = CopyStore(store(), **destination);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_TRUE(report->Verified());
  EXPECT_EQ(report->users, 2);
  EXPECT_EQ(report->users_copied, 2);
  EXPECT_EQ(report->audit_entries, 3);
  EXPECT_EQ(report->audit_entries_copied, 3);
  EXPECT_FALSE((*destination)->FindLoginSession(HexOf(1))->has_value());
  EXPECT_TRUE((*(*destination)->LoadUser(admin + 1))->disabled);
  EXPECT_EQ((*destination)->ListAudit(0, 1)->front().action, "a.2");
  absl::StatusOr<StoreCopyReport> again = CopyStore(store(), **destination);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->users_copied, 0);
  EXPECT_EQ(again->audit_entries_copied, 0);
  EXPECT_TRUE(again->Verified());
}

// A store written before accounts (schema version 4): opening it adds the tables and keeps the
// rest as it was.
TEST_P(AccountStoreTest, MigratingAVersion4StoreAddsTheTables) {
  ASSERT_EQ(*store().SchemaVersion(), 5);
  absl::StatusOr<PutResult> put = store().PutDocument(MakeSampleConvention("A/AC.291/22", "x"));
  ASSERT_TRUE(put.ok()) << put.status();
  const std::vector<TableDigest> before = *store().DigestTables();
  store_.reset();
  const bool postgres = GetParam().name == "Postgres";
  absl::Status downgraded = database_->ExecuteSql(
      postgres ? R"sql(
DROP TABLE login_sessions; DROP TABLE audit_log; DROP FUNCTION audit_log_append_only();
DROP TABLE users; DELETE FROM schema_migrations WHERE version = 5;
)sql"
               : R"sql(
DROP TABLE login_sessions; DROP TABLE audit_log; DROP TABLE users;
DELETE FROM schema_migrations WHERE version = 5;
)sql");
  ASSERT_TRUE(downgraded.ok()) << downgraded;
  store_ = Open();
  ASSERT_NE(store_, nullptr);
  EXPECT_EQ(*store().SchemaVersion(), 5);
  const std::vector<TableDigest> after = *store().DigestTables();
  ASSERT_EQ(before.size(), after.size());
  for (std::size_t i = 0; i < before.size(); ++i) {
    EXPECT_EQ(before[i].rows, after[i].rows) << before[i].table;
    EXPECT_EQ(before[i].sha256, after[i].sha256) << before[i].table;
  }
  EXPECT_NE(AddUser("mona"), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, AccountStoreTest,
                         ::testing::ValuesIn(StoreBackendsUnderTest()),
                         [](const ::testing::TestParamInfo<StoreBackend>& info) {
                           return info.param.name;
                         });

}  // namespace
}  // namespace tw::store::testing
