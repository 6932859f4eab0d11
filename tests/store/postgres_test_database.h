// PostgreSQL databases for tests. The server is the one TW_TEST_POSTGRES_URL names (set by
// scripts/with-postgres, which `make test` and `make test-postgres` wrap around ctest); each
// PostgresTestDatabase is a fresh schema in that database, reached through a URL whose
// search_path is that schema, and dropped with everything in it when the object dies. Schemas
// rather than databases: creating one costs a millisecond, not the copy of template1 that
// CREATE DATABASE makes, and tests in parallel processes never see each other's tables.
#ifndef TREATYWATCH_TESTS_STORE_POSTGRES_TEST_DATABASE_H_
#define TREATYWATCH_TESTS_STORE_POSTGRES_TEST_DATABASE_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "store_test_factory.h"

namespace tw::store::testing {

// The server's URL, or nullopt when the variable is unset or empty.
std::optional<std::string> PostgresTestUrl();

// Why PostgreSQL tests skip when PostgresTestUrl() is nullopt.
inline constexpr char kNoPostgresReason[] =
    "TW_TEST_POSTGRES_URL is not set, so the PostgreSQL backend is not tested here; run "
    "`make test` or `make test-postgres`, or wrap the test in scripts/with-postgres";

class PostgresTestDatabase : public TestDatabase {
 public:
  // A new schema in the database `server_url` names. The unaccent extension the store needs
  // is installed once per database, in public, so no test schema owns it.
  static absl::StatusOr<std::unique_ptr<PostgresTestDatabase>> Create(std::string_view server_url);
  PostgresTestDatabase(const PostgresTestDatabase&) = delete;
  PostgresTestDatabase& operator=(const PostgresTestDatabase&) = delete;
  ~PostgresTestDatabase() override;

  absl::StatusOr<std::unique_ptr<Store>> Open() override;
  absl::Status ExecuteSql(std::string_view sql) override;

  // The store's URL: the server's with ?options=-csearch_path=<schema>.
  const std::string& url() const { return url_; }
  const std::string& server_url() const { return server_url_; }
  const std::string& schema() const { return schema_; }

 private:
  PostgresTestDatabase(std::string server_url, std::string schema);

  std::string server_url_;
  std::string schema_;
  std::string url_;
};

// A URL for the same server and database with `parameter=value` added to its query string.
std::string WithUrlParameter(std::string_view url, std::string_view parameter,
                             std::string_view value);

}  // namespace tw::store::testing

#endif  // TREATYWATCH_TESTS_STORE_POSTGRES_TEST_DATABASE_H_
