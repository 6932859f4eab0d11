// What only the SQLite backend promises, checked against the database file itself: WAL mode,
// cascading deletes reaching the full-text index, all-or-nothing migrations, refusal of
// newer, foreign and corrupt files, clear errors for unusable locations, and a database that
// passes PRAGMA integrity_check after writers are killed with SIGKILL.
#include "store/sqlite/sqlite_store.h"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <random>
#include <thread>

#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/sqlite_migrations.h"
#include "store_test_documents.h"
#include "store_test_factory.h"

namespace tw::store::testing {
namespace {

using ::testing::HasSubstr;

std::string Message(const absl::Status& status) { return std::string(status.message()); }

class SqliteStoreTest : public ::testing::Test {
 protected:
  std::string file() const { return database_.file().string(); }

  std::unique_ptr<Store> OpenStore() {
    absl::StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore(file());
    EXPECT_TRUE(store.ok()) << store.status();
    return store.ok() ? *std::move(store) : nullptr;
  }

  // A raw connection to the same file, for looking behind the Store interface.
  std::unique_ptr<SqliteConnection> Raw() {
    absl::StatusOr<std::unique_ptr<SqliteConnection>> raw = SqliteConnection::Open(file());
    EXPECT_TRUE(raw.ok()) << raw.status();
    return raw.ok() ? *std::move(raw) : nullptr;
  }

  std::int64_t Count(SqliteConnection& raw, std::string_view table) {
    absl::StatusOr<std::int64_t> count =
        raw.QueryInt64(fmt::format("SELECT count(*) FROM {}", table));
    EXPECT_TRUE(count.ok()) << count.status();
    return count.ok() ? *count : -1;
  }

  void WriteFile(std::string_view bytes) {
    std::ofstream out(database_.file(), std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }

  SqliteTestDatabase database_;
};

TEST_F(SqliteStoreTest, OpensInWalModeWithTheFullSchema) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_NE(store, nullptr);
  std::unique_ptr<SqliteConnection> raw = Raw();
  EXPECT_EQ(*raw->QueryText("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(*raw->QueryInt64("PRAGMA application_id"), kSqliteApplicationId);
  EXPECT_EQ(*store->SchemaVersion(), static_cast<int>(SqliteSchemaMigrations().size()));
  EXPECT_EQ(Count(*raw, "schema_migrations"), static_cast<int>(SqliteSchemaMigrations().size()));
  for (std::string_view table : {"instruments", "documents", "document_authors", "provisions",
                                 "cross_references", "parse_warnings", "provision_fts"}) {
    EXPECT_EQ(Count(*raw, table), 0) << table;
  }
}

TEST_F(SqliteStoreTest, ReopeningAppliesNothingTwice) {
  ASSERT_NE(OpenStore(), nullptr);
  const std::string applied =
      *Raw()->QueryText("SELECT group_concat(version || '@' || applied_at) FROM schema_migrations");
  ASSERT_NE(OpenStore(), nullptr);
  ASSERT_NE(OpenStore(), nullptr);
  EXPECT_EQ(
      *Raw()->QueryText("SELECT group_concat(version || '@' || applied_at) FROM schema_migrations"),
      applied);
}

TEST_F(SqliteStoreTest, MigrationsAreAllOrNothing) {
  constexpr SqliteMigration kBroken[] = {
      {1, "a table", "CREATE TABLE first_step (x INTEGER);"},
      {2, "a broken step", "CREATE TABLE second_step (x INTEGER); THIS IS NOT SQL;"},
  };
  std::unique_ptr<SqliteConnection> raw = Raw();
  const absl::Status failed = MigrateSqliteSchema(*raw, kBroken);
  ASSERT_FALSE(failed.ok());
  EXPECT_THAT(Message(failed), HasSubstr("migration 2 (a broken step)"));
  EXPECT_THAT(Message(failed), HasSubstr(file()));
  EXPECT_EQ(*raw->QueryInt64("SELECT count(*) FROM sqlite_schema"), 0);
  EXPECT_EQ(*ReadSqliteSchemaVersion(*raw), 0);
  // The real schema still goes in afterwards.
  EXPECT_TRUE(MigrateSqliteSchema(*raw).ok());
}

TEST_F(SqliteStoreTest, RefusesANewerSchema) {
  ASSERT_NE(OpenStore(), nullptr);
  ASSERT_TRUE(
      Raw()->Execute("INSERT INTO schema_migrations VALUES (99, '2030-01-01T00:00:00Z')").ok());
  absl::StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore(file());
  EXPECT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(store.status()), HasSubstr(file()));
  EXPECT_THAT(Message(store.status()), HasSubstr("schema version 99"));
  EXPECT_THAT(Message(store.status()), HasSubstr("newer treatywatch"));
}

TEST_F(SqliteStoreTest, RefusesAnotherProgramsDatabaseWithoutTouchingIt) {
  ASSERT_TRUE(Raw()
                  ->Execute("CREATE TABLE moz_places (url TEXT); INSERT INTO moz_places "
                            "VALUES ('https://example.org')")
                  .ok());
  absl::StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore(file());
  EXPECT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(store.status()), HasSubstr("not a treatywatch store"));
  std::unique_ptr<SqliteConnection> raw = Raw();
  EXPECT_EQ(*raw->QueryInt64("SELECT count(*) FROM sqlite_schema"), 1);
  EXPECT_EQ(*raw->QueryText("PRAGMA journal_mode"), "delete");
}

TEST_F(SqliteStoreTest, GarbageFileIsAClearErrorNotACrash) {
  std::string garbage;
  std::mt19937 random(42);
  for (int i = 0; i < 64 * 1024; ++i) garbage.push_back(static_cast<char>(random()));
  WriteFile(garbage);
  absl::StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore(file());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(Message(store.status()), HasSubstr(file()));
  EXPECT_THAT(Message(store.status()), HasSubstr("not an SQLite database"));

  WriteFile("SQLite format 3");  // a header and nothing else
  EXPECT_FALSE(OpenSqliteStore(file()).ok());
}

TEST_F(SqliteStoreTest, DamagedPagesGiveErrorsNotCrashes) {
  {
    std::unique_ptr<Store> store = OpenStore();
    ASSERT_NE(store, nullptr);
    for (int i = 0; i < 20; ++i) {
      ASSERT_TRUE(store
                      ->PutDocument(MakeSampleConvention(fmt::format("D/{}", i),
                                                         fmt::format("damaged-{}", i)))
                      .ok());
    }
  }
  {
    // Checkpoint the WAL into the main file, then leave only the main file.
    std::unique_ptr<SqliteConnection> raw = Raw();
    ASSERT_TRUE(raw->Execute("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE").ok());
  }
  std::string bytes;
  {
    std::ifstream in(database_.file(), std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  ASSERT_GT(bytes.size(), 8u * 4096u);
  std::mt19937 random(7);
  // Keep page 1 (header and schema) so the file still opens; scramble the rest.
  for (std::size_t i = 4096; i < bytes.size(); i += 1 + random() % 16) {
    bytes[i] = static_cast<char>(random());
  }
  WriteFile(bytes);

  absl::StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore(file());
  if (!store.ok()) {
    EXPECT_THAT(Message(store.status()), HasSubstr(file()));
    return;
  }
  // Every call returns; what each says depends on which pages the scrambling hit.
  (void)(*store)->ListDocuments();
  (void)(*store)->ListInstruments();
  for (int i = 1; i <= 20; ++i) (void)(*store)->LoadDocument(std::to_string(i));
  (void)(*store)->Search({"safeguards", std::nullopt, 20});
  (void)(*store)->VersionChain("UN Convention against Cybercrime");
  (void)(*store)->PutDocument(MakeCountedDocument(10, "after damage"));
  const absl::Status listed = (*store)->ListDocuments().status();
  if (!listed.ok()) {
    EXPECT_THAT(Message(listed), HasSubstr(file()));
  }
}

TEST_F(SqliteStoreTest, UnusableLocationsAreClearErrors) {
  const std::string in_missing_folder =
      (database_.file().parent_path() / "no/such/folder/x.db").string();
  absl::StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore(in_missing_folder);
  ASSERT_FALSE(store.ok());
  EXPECT_THAT(Message(store.status()), HasSubstr(in_missing_folder));
  EXPECT_THAT(Message(store.status()), HasSubstr("folder exists and is writable"));

  const std::string folder = database_.file().parent_path().string();
  store = OpenSqliteStore(folder);  // a directory, not a file
  ASSERT_FALSE(store.ok());
  EXPECT_THAT(Message(store.status()), HasSubstr(folder));

  EXPECT_EQ(OpenSqliteStore("").status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(SqliteStoreTest, ReadOnlyFileIsAClearError) {
  if (geteuid() == 0) GTEST_SKIP() << "root writes read-only files anyway";
  ASSERT_NE(OpenStore(), nullptr);
  std::filesystem::permissions(database_.file(), std::filesystem::perms::owner_read);
  absl::StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore(file());
  std::filesystem::permissions(database_.file(), std::filesystem::perms::owner_all);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(Message(store.status()), HasSubstr(file()));
  EXPECT_THAT(Message(store.status()), HasSubstr("read-only"));
}

TEST_F(SqliteStoreTest, FailedPutLeavesEveryTableAsItWas) {
  std::unique_ptr<Store> store = OpenStore();
  ASSERT_TRUE(store->PutDocument(MakeSampleConvention("A/AC.291/22", "kept")).ok());
  std::unique_ptr<SqliteConnection> raw = Raw();
  const std::vector<std::string> tables = {"instruments",  "documents",        "document_authors",
                                           "provisions",   "cross_references", "parse_warnings",
                                           "provision_fts"};
  std::vector<std::int64_t> before;
  for (const std::string& table : tables) before.push_back(Count(*raw, table));

  doc::Document broken = MakeSampleConvention("A/AC.291/23", "broken");
  broken.meta.instrument = "A new instrument";
  doc::Provision duplicate = broken.root.children.back();  // fn1, after every other row
  broken.root.children.push_back(duplicate);
  const absl::StatusOr<PutResult> failed = store->PutDocument(broken);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(failed.status()), HasSubstr(file()));
  EXPECT_THAT(Message(failed.status()), HasSubstr("UNIQUE constraint failed"));
  EXPECT_THAT(Message(failed.status()), HasSubstr("provision 'fn1' of 'A/AC.291/23'"));

  for (std::size_t i = 0; i < tables.size(); ++i) {
    EXPECT_EQ(Count(*raw, tables[i]), before[i]) << tables[i];
  }
  EXPECT_EQ(*raw->QueryText("PRAGMA integrity_check"), "ok");
}

TEST_F(SqliteStoreTest, DeletingADocumentCascadesToItsRowsAndIndex) {
  std::unique_ptr<Store> store = OpenStore();
  const PutResult kept = *store->PutDocument(MakeSampleConvention("A/1", "kept"));
  const PutResult gone = *store->PutDocument(MakeSampleConvention("A/2", "gone"));
  std::unique_ptr<SqliteConnection> raw = Raw();
  ASSERT_TRUE(raw->Execute("PRAGMA foreign_keys = ON").ok());
  const std::int64_t index_rows = Count(*raw, "provision_fts");
  ASSERT_TRUE(raw->Execute(fmt::format("DELETE FROM documents WHERE id = {}", gone.id)).ok());
  for (std::string_view table :
       {"document_authors", "provisions", "cross_references", "parse_warnings"}) {
    EXPECT_EQ(*raw->QueryInt64(
                  fmt::format("SELECT count(*) FROM {} WHERE document_id = {}", table, gone.id)),
              0)
        << table;
    EXPECT_GT(*raw->QueryInt64(
                  fmt::format("SELECT count(*) FROM {} WHERE document_id = {}", table, kept.id)),
              0)
        << table;
  }
  EXPECT_EQ(Count(*raw, "provision_fts"), index_rows / 2);
  absl::StatusOr<std::vector<SearchHit>> hits = store->Search({"safeguards", std::nullopt, 20});
  ASSERT_TRUE(hits.ok());
  for (const SearchHit& hit : *hits) EXPECT_EQ(hit.document_id, kept.id);
  EXPECT_TRUE(
      raw->Execute("INSERT INTO provision_fts(provision_fts) VALUES ('integrity-check')").ok());
}

TEST_F(SqliteStoreTest, KilledWritersLeaveAnIntactDatabase) {
  std::mt19937 random(99);
  for (int round = 0; round < 3; ++round) {
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      absl::StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore(file());
      if (!store.ok()) _exit(2);
      for (int i = 0; i < 5000; ++i) {
        const doc::Document document =
            MakeCountedDocument(50 + i % 300, fmt::format("integrity-{}-{}", round, i));
        if (!(*store)->PutDocument(document).ok()) _exit(3);
      }
      _exit(0);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100 + random() % 300));
    ASSERT_EQ(kill(child, SIGKILL), 0);
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the writer exited by itself with " << status;
  }
  std::unique_ptr<Store> store = OpenStore();  // recovers the WAL
  ASSERT_NE(store, nullptr);
  std::unique_ptr<SqliteConnection> raw = Raw();
  EXPECT_EQ(*raw->QueryText("PRAGMA integrity_check"), "ok");
  EXPECT_EQ(raw->QueryText("PRAGMA foreign_key_check").status().code(), absl::StatusCode::kNotFound)
      << "rows whose document is missing";
  EXPECT_TRUE(
      raw->Execute("INSERT INTO provision_fts(provision_fts) VALUES ('integrity-check')").ok());
  EXPECT_GT(Count(*raw, "documents"), 0);
  // Every stored document is whole: its provisions and its index rows are all there.
  EXPECT_EQ(*raw->QueryInt64(R"sql(
SELECT count(*) FROM documents AS d
 WHERE (SELECT count(*) FROM provisions AS p WHERE p.document_id = d.id)
       != CAST(substr(d.title, 3) AS INTEGER) + 1
)sql"),
            0);
  EXPECT_EQ(Count(*raw, "provision_fts"), Count(*raw, "provisions") - Count(*raw, "documents"));
}

}  // namespace
}  // namespace tw::store::testing
