#include "store_test_factory.h"

#include <stdlib.h>

#include <stdexcept>
#include <system_error>

#include "postgres_test_database.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/sqlite_store.h"

namespace tw::store::testing {

TempFolder::TempFolder() {
  std::string pattern = (std::filesystem::temp_directory_path() / "tw-store-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("mkdtemp failed for " + pattern);  // test setup only
  }
  path_ = pattern;
}

TempFolder::~TempFolder() {
  std::error_code ignored;  // a leftover temp folder must not fail the test that used it
  std::filesystem::remove_all(path_, ignored);
}

absl::StatusOr<std::unique_ptr<Store>> SqliteTestDatabase::Open() {
  return OpenSqliteStore(file().string());
}

absl::Status SqliteTestDatabase::ExecuteSql(std::string_view sql) {
  absl::StatusOr<std::unique_ptr<SqliteConnection>> connection =
      SqliteConnection::Open(file().string());
  if (!connection.ok()) return connection.status();
  return (*connection)->Execute(sql);
}

std::vector<StoreBackend> StoreBackendsUnderTest() {
  std::vector<StoreBackend> backends;
  backends.push_back({"Sqlite", []() -> absl::StatusOr<std::unique_ptr<TestDatabase>> {
                        return std::make_unique<SqliteTestDatabase>();
                      }});
  // Always listed, so that a run without a server shows the PostgreSQL tests as skipped.
  const std::optional<std::string> postgres = PostgresTestUrl();
  backends.push_back({"Postgres",
                      [postgres]() -> absl::StatusOr<std::unique_ptr<TestDatabase>> {
                        if (!postgres) return absl::FailedPreconditionError(kNoPostgresReason);
                        return PostgresTestDatabase::Create(*postgres);
                      },
                      postgres ? "" : kNoPostgresReason});
  return backends;
}

}  // namespace tw::store::testing
