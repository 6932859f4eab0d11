// What the PostgreSQL store promises beyond the Store contract (which store_conformance_test
// checks on it): servers starting at once migrate a new database once; writers on separate
// connections share version chains without a duplicate or a gap; errors name the database but
// never its password; a connection the server closed is re-opened; the search configuration
// follows the document's language. Skipped, with the reason, without TW_TEST_POSTGRES_URL.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <barrier>
#include <chrono>
#include <numeric>
#include <set>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "postgres_test_database.h"
#include "store/postgres/pg_connection.h"
#include "store/postgres/pg_migrations.h"
#include "store/postgres/pg_search.h"
#include "store/postgres/postgres_store.h"
#include "store_test_documents.h"

namespace tw::store::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

class PostgresStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::optional<std::string> url = PostgresTestUrl();
    if (!url) GTEST_SKIP() << kNoPostgresReason;
    absl::StatusOr<std::unique_ptr<PostgresTestDatabase>> database =
        PostgresTestDatabase::Create(*url);
    ASSERT_TRUE(database.ok()) << database.status();
    database_ = *std::move(database);
  }

  std::unique_ptr<Store> OpenStore() {
    absl::StatusOr<std::unique_ptr<Store>> store = database_->Open();
    EXPECT_TRUE(store.ok()) << store.status();
    return store.ok() ? *std::move(store) : nullptr;
  }

  // A plain connection to the test schema, for looking behind the store.
  std::unique_ptr<PgConnection> Admin() {
    absl::StatusOr<std::unique_ptr<PgConnection>> connection = PgConnection::Open(database_->url());
    EXPECT_TRUE(connection.ok()) << connection.status();
    return connection.ok() ? *std::move(connection) : nullptr;
  }

  std::vector<std::string> Column(PgConnection& connection, std::string_view sql) {
    absl::StatusOr<PgResult> result = connection.Query(sql);
    EXPECT_TRUE(result.ok()) << result.status();
    std::vector<std::string> values;
    if (!result.ok()) return values;
    for (int row = 0; row < result->rows(); ++row) values.push_back(result->String(row, 0));
    return values;
  }

  std::unique_ptr<PostgresTestDatabase> database_;
};

// --- migrations under the advisory lock ---------------------------------------------------------

TEST_F(PostgresStoreTest, ServersOpeningANewDatabaseAtOnceMigrateItOnce) {
  constexpr int kServers = 8;
  std::barrier start(kServers);
  std::vector<absl::Status> outcomes(kServers);
  std::vector<std::thread> servers;
  for (int i = 0; i < kServers; ++i) {
    servers.emplace_back([&, i] {
      start.arrive_and_wait();
      absl::StatusOr<std::unique_ptr<Store>> store = database_->Open();
      outcomes[static_cast<std::size_t>(i)] = store.status();
      if (store.ok()) outcomes[static_cast<std::size_t>(i)] = (*store)->SchemaVersion().status();
    });
  }
  for (std::thread& server : servers) server.join();
  for (const absl::Status& outcome : outcomes) EXPECT_TRUE(outcome.ok()) << outcome;
  std::unique_ptr<PgConnection> admin = Admin();
  ASSERT_NE(admin, nullptr);
  std::vector<std::string> every_version;  // each applied once: "1", "2", ...
  for (const PgMigration& migration : PostgresSchemaMigrations()) {
    every_version.push_back(std::to_string(migration.version));
  }
  EXPECT_EQ(Column(*admin, "SELECT version FROM schema_migrations ORDER BY version"),
            every_version);
}

// The window between "read the version" and "apply the steps" is made wide (a step sleeps),
// and six processes' worth of connections race through it. Without the advisory lock every
// connection but one fails on CREATE TABLE probe, or the probe row is inserted several times.
TEST_F(PostgresStoreTest, AdvisoryLockLetsOneConnectionApplyASlowMigration) {
  static constexpr std::array<PgMigration, 2> kSlow = {{
      {1, "probe table", "CREATE TABLE probe (n integer); SELECT pg_sleep(0.3);"},
      {2, "probe row", "INSERT INTO probe VALUES (1);"},
  }};
  constexpr int kConnections = 6;
  std::barrier start(kConnections);
  std::vector<absl::Status> outcomes(kConnections);
  std::vector<std::thread> threads;
  for (int i = 0; i < kConnections; ++i) {
    threads.emplace_back([&, i] {
      absl::StatusOr<std::unique_ptr<PgConnection>> connection =
          PgConnection::Open(database_->url());
      start.arrive_and_wait();
      outcomes[static_cast<std::size_t>(i)] =
          connection.ok() ? MigratePostgresSchema(**connection, kSlow) : connection.status();
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const absl::Status& outcome : outcomes) EXPECT_TRUE(outcome.ok()) << outcome;
  std::unique_ptr<PgConnection> admin = Admin();
  ASSERT_NE(admin, nullptr);
  EXPECT_THAT(Column(*admin, "SELECT count(*) FROM probe"), ElementsAre("1"));
  EXPECT_THAT(Column(*admin, "SELECT version FROM schema_migrations ORDER BY version"),
              ElementsAre("1", "2"));
}

TEST_F(PostgresStoreTest, FailedMigrationLeavesNothingBehind) {
  static constexpr std::array<PgMigration, 2> kBroken = {{
      {1, "good step", "CREATE TABLE first_step (n integer);"},
      {2, "bad step", "CREATE TABLE second_step (n no_such_type);"},
  }};
  std::unique_ptr<PgConnection> connection = Admin();
  ASSERT_NE(connection, nullptr);
  const absl::Status migrated = MigratePostgresSchema(*connection, kBroken);
  EXPECT_FALSE(migrated.ok());
  EXPECT_THAT(std::string(migrated.message()), HasSubstr("migration 2 (bad step) failed"));
  EXPECT_THAT(std::string(migrated.message()), HasSubstr("no_such_type"));
  EXPECT_THAT(Column(*connection, "SELECT count(*) FROM pg_tables WHERE schemaname = "
                                  "current_schema()"),
              ElementsAre("0"));
}

TEST_F(PostgresStoreTest, RefusesASchemaThatBelongsToAnotherProgram) {
  std::unique_ptr<PgConnection> admin = Admin();
  ASSERT_NE(admin, nullptr);
  ASSERT_TRUE(admin->Execute("CREATE TABLE invoices (n integer)").ok());
  absl::StatusOr<std::unique_ptr<Store>> store = database_->Open();
  EXPECT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(store.status().message()), HasSubstr("not a treatywatch store"));
  EXPECT_THAT(Column(*admin, "SELECT tablename FROM pg_tables WHERE schemaname = "
                             "current_schema()"),
              ElementsAre("invoices"));
}

TEST_F(PostgresStoreTest, RefusesASchemaNewerThanThisBinary) {
  ASSERT_NE(OpenStore(), nullptr);
  std::unique_ptr<PgConnection> admin = Admin();
  ASSERT_NE(admin, nullptr);
  ASSERT_TRUE(admin->Execute("INSERT INTO schema_migrations (version) VALUES (99)").ok());
  absl::StatusOr<std::unique_ptr<Store>> store = database_->Open();
  EXPECT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(store.status().message()), HasSubstr("schema version 99"));
}

// --- concurrent writers -------------------------------------------------------------------------

TEST_F(PostgresStoreTest, TwoWritersShareOneVersionChainWithoutGapsOrDuplicates) {
  constexpr int kPerWriter = 12;
  std::barrier start(2);
  std::array<std::vector<PutResult>, 2> results;
  std::array<absl::Status, 2> errors;
  std::vector<std::thread> writers;
  for (int w = 0; w < 2; ++w) {
    writers.emplace_back([&, w] {
      absl::StatusOr<std::unique_ptr<Store>> store = database_->Open();
      start.arrive_and_wait();
      if (!store.ok()) {
        errors[static_cast<std::size_t>(w)] = store.status();
        return;
      }
      for (int i = 0; i < kPerWriter; ++i) {
        doc::Document draft = MakeCountedDocument(30, fmt::format("writer{}-draft{}", w, i));
        draft.meta.symbol = fmt::format("W{}/{}", w, i);
        draft.meta.instrument = "Convention drafted by two offices";
        absl::StatusOr<PutResult> put = (*store)->PutDocument(draft);
        if (!put.ok()) {
          errors[static_cast<std::size_t>(w)] = put.status();
          return;
        }
        results[static_cast<std::size_t>(w)].push_back(*put);
      }
    });
  }
  for (std::thread& writer : writers) writer.join();
  for (const absl::Status& error : errors) ASSERT_TRUE(error.ok()) << error;

  std::vector<int> versions;
  std::set<std::int64_t> ids;
  for (const std::vector<PutResult>& writer : results) {
    for (const PutResult& put : writer) {
      EXPECT_FALSE(put.already_present);
      versions.push_back(put.version);
      ids.insert(put.id);
    }
    // Each writer's own drafts are numbered in the order it stored them.
    for (std::size_t i = 1; i < writer.size(); ++i) {
      EXPECT_LT(writer[i - 1].version, writer[i].version);
    }
  }
  std::sort(versions.begin(), versions.end());
  std::vector<int> expected(2 * kPerWriter);
  std::iota(expected.begin(), expected.end(), 1);
  EXPECT_EQ(versions, expected);
  EXPECT_EQ(ids.size(), 2u * kPerWriter);

  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  absl::StatusOr<std::vector<doc::DocumentMeta>> chain =
      store->VersionChain("Convention drafted by two offices");
  ASSERT_TRUE(chain.ok()) << chain.status();
  ASSERT_EQ(chain->size(), 2u * kPerWriter);
  for (std::size_t i = 0; i < chain->size(); ++i) {
    EXPECT_EQ((*chain)[i].version, static_cast<int>(i) + 1);
  }
}

TEST_F(PostgresStoreTest, TwoWritersPuttingTheSameFileStoreItOnce) {
  std::unique_ptr<Store> first = OpenStore();
  std::unique_ptr<Store> second = OpenStore();
  ASSERT_TRUE(first && second);
  for (int round = 0; round < 10; ++round) {
    doc::Document document = MakeCountedDocument(40, fmt::format("same-file-{}", round));
    // Half the rounds in a chain (serialised by the instrument lock), half outside any chain
    // (serialised by the sha256 key alone).
    if (round % 2 == 0) document.meta.instrument = "Raced convention";
    std::barrier start(2);
    absl::StatusOr<PutResult> a, b;
    std::thread racer([&] {
      start.arrive_and_wait();
      a = first->PutDocument(document);
    });
    start.arrive_and_wait();
    b = second->PutDocument(document);
    racer.join();
    ASSERT_TRUE(a.ok()) << a.status();
    ASSERT_TRUE(b.ok()) << b.status();
    EXPECT_EQ(a->id, b->id) << "round " << round;
    EXPECT_EQ(a->version, b->version) << "round " << round;
    EXPECT_NE(a->already_present, b->already_present) << "round " << round;
  }
  absl::StatusOr<std::vector<doc::DocumentMeta>> documents = first->ListDocuments();
  ASSERT_TRUE(documents.ok()) << documents.status();
  EXPECT_EQ(documents->size(), 10u);
  absl::StatusOr<std::vector<doc::DocumentMeta>> chain = first->VersionChain("Raced convention");
  ASSERT_TRUE(chain.ok()) << chain.status();
  EXPECT_EQ(chain->size(), 5u);
  EXPECT_EQ(chain->back().version, 5);
}

// --- errors and connections ---------------------------------------------------------------------

// `url` with `password` given for its user ("postgresql://user@host" -> "user:password@host").
std::string WithPassword(const std::string& url, std::string_view password) {
  const std::size_t scheme = url.find("://");
  const std::size_t at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return url;
  return fmt::format("{}:{}{}", url.substr(0, at), password, url.substr(at));
}

TEST_F(PostgresStoreTest, ErrorsNameTheDatabaseButNeverThePassword) {
  constexpr std::string_view kPassword = "s3cret-Pa55";
  const std::string server = WithPassword(database_->server_url(), kPassword);
  ASSERT_THAT(server, HasSubstr(kPassword)) << "the test URL has no user@ to add a password to";

  // A database that does not exist: the server's message, the name, no password.
  const std::size_t slash = server.find('/', server.find("://") + 3);
  const std::string missing = server.substr(0, slash) + "/tw_no_such_database";
  absl::StatusOr<std::unique_ptr<Store>> store = OpenPostgresStore(missing);
  EXPECT_EQ(store.status().code(), absl::StatusCode::kNotFound) << store.status();
  EXPECT_THAT(std::string(store.status().message()), HasSubstr("tw_no_such_database"));
  EXPECT_THAT(std::string(store.status().message()), HasSubstr("does not exist"));
  EXPECT_THAT(std::string(store.status().message()), Not(HasSubstr(kPassword)));

  // Nobody listening: Unavailable, promptly, no password.
  const std::string closed = fmt::format("postgresql://tw:{}@127.0.0.1:1/treatywatch", kPassword);
  store = OpenPostgresStore(closed);
  EXPECT_EQ(store.status().code(), absl::StatusCode::kUnavailable) << store.status();
  EXPECT_THAT(std::string(store.status().message()),
              HasSubstr("postgresql://tw@127.0.0.1:1/treatywatch"));
  EXPECT_THAT(std::string(store.status().message()), Not(HasSubstr(kPassword)));

  // Not a URL libpq can read.
  store = OpenPostgresStore(fmt::format("postgresql://tw:{}@[::1/db", kPassword));
  EXPECT_EQ(store.status().code(), absl::StatusCode::kInvalidArgument) << store.status();
  EXPECT_THAT(std::string(store.status().message()), Not(HasSubstr(kPassword)));

  // A statement the server refuses: its message and the database, named as connected.
  std::unique_ptr<Store> opened = OpenStore();
  ASSERT_NE(opened, nullptr);
  doc::Document chained = MakeCountedDocument(3, "version zero in a chain");
  chained.meta.id = 5;
  chained.meta.instrument = "Some convention";
  chained.meta.version = 0;  // a chain position must be positive
  chained.meta.ingested_at = "2025-01-31T09:15:02Z";
  absl::StatusOr<PutResult> imported = opened->ImportDocument(chained);
  EXPECT_EQ(imported.status().code(), absl::StatusCode::kFailedPrecondition) << imported.status();
  EXPECT_THAT(std::string(imported.status().message()), HasSubstr("check constraint"));
  EXPECT_THAT(std::string(imported.status().message()),
              HasSubstr(DescribePostgresUrl(database_->server_url())));
}

TEST_F(PostgresStoreTest, ReconnectsAfterTheServerClosesTheConnection) {
  const std::string application = fmt::format("tw_reconnect_{}", getpid());
  absl::StatusOr<std::unique_ptr<Store>> store =
      OpenPostgresStore(WithUrlParameter(database_->url(), "application_name", application));
  ASSERT_TRUE(store.ok()) << store.status();
  const PutResult put = *(*store)->PutDocument(MakeCountedDocument(4, "before the restart"));

  std::unique_ptr<PgConnection> admin = Admin();
  ASSERT_NE(admin, nullptr);
  absl::StatusOr<PgResult> killed = admin->Query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1",
      application);
  ASSERT_TRUE(killed.ok()) << killed.status();
  ASSERT_EQ(killed->rows(), 1);

  absl::StatusOr<std::vector<doc::DocumentMeta>> documents = (*store)->ListDocuments();
  ASSERT_TRUE(documents.ok()) << documents.status();
  ASSERT_EQ(documents->size(), 1u);
  EXPECT_EQ(documents->front().id, put.id);
  EXPECT_TRUE((*store)->PutDocument(MakeCountedDocument(4, "after the restart")).ok());
}

// --- search configuration -----------------------------------------------------------------------

TEST_F(PostgresStoreTest, SearchConfigurationFollowsTheDocumentLanguage) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  for (const auto& [lang, seed] : std::vector<std::pair<std::string, std::string>>{
           {"en", "english"}, {"FR", "french"}, {"es-MX", "spanish"}, {"ru", "russian"},
           {"zh", "chinese"}, {"", "unknown"}}) {
    doc::Document document = MakeCountedDocument(2, seed);
    document.meta.lang = lang;
    document.meta.title = seed;
    ASSERT_TRUE(store->PutDocument(document).ok());
  }
  std::unique_ptr<PgConnection> admin = Admin();
  ASSERT_NE(admin, nullptr);
  EXPECT_THAT(Column(*admin, R"sql(
SELECT d.title || '=' || string_agg(DISTINCT p.search_config, ',')
  FROM documents AS d JOIN provisions AS p ON p.document_id = d.id
 GROUP BY d.id, d.title ORDER BY d.id)sql"),
              ElementsAre("english=tw_english", "french=tw_french", "spanish=tw_spanish",
                          "russian=tw_russian", "chinese=tw_simple", "unknown=tw_simple"));
  // Every configuration the code can choose exists in the store's schema.
  for (std::string_view config : SearchConfigNames()) {
    absl::StatusOr<PgResult> found = admin->Query(
        "SELECT 1 FROM pg_ts_config WHERE cfgname = $1 AND cfgnamespace = "
        "current_schema()::regnamespace",
        config);
    ASSERT_TRUE(found.ok()) << found.status();
    EXPECT_EQ(found->rows(), 1) << config;
  }
}

TEST_F(PostgresStoreTest, StopWordsOfTheLanguageAreNotIndexedButPhrasesStillMatch) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  doc::Document french = MakeSampleConvention("A/AC.291/22/FR", "french sample");
  french.meta.lang = "fr";
  ASSERT_TRUE(store->PutDocument(french).ok());
  // "aux" and "des" are French stop words (PostgreSQL's list; "les" is not on it).
  absl::StatusOr<std::vector<SearchHit>> stop = store->Search({"aux des", std::nullopt, 20});
  ASSERT_TRUE(stop.ok()) << stop.status();
  EXPECT_TRUE(stop->empty());
  absl::StatusOr<std::vector<SearchHit>> phrase =
      store->Search({"\"parties coopèrent\" \"aux fins des enquêtes\"", std::nullopt, 20});
  ASSERT_TRUE(phrase.ok()) << phrase.status();
  ASSERT_EQ(phrase->size(), 1u);
  EXPECT_EQ(phrase->front().path, "art25.p1");
  absl::StatusOr<std::vector<SearchHit>> accents =
      store->Search({"etats parties cooperent", std::nullopt, 20});
  ASSERT_TRUE(accents.ok()) << accents.status();
  ASSERT_EQ(accents->size(), 1u);
}

}  // namespace
}  // namespace tw::store::testing
