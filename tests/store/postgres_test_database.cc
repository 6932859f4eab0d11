#include "postgres_test_database.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <random>

#include <fmt/format.h>

#include "store/postgres/pg_connection.h"
#include "store/postgres/pg_migrations.h"
#include "store/postgres/pg_transaction.h"
#include "store/postgres/postgres_store.h"

namespace tw::store::testing {
namespace {

std::string NewSchemaName() {
  static std::atomic<int> counter{0};
  std::random_device device;
  return fmt::format("tw_test_{}_{}_{:08x}", getpid(), counter++, device());
}

}  // namespace

std::optional<std::string> PostgresTestUrl() {
  const char* url = std::getenv("TW_TEST_POSTGRES_URL");
  if (url == nullptr || *url == '\0') return std::nullopt;
  return std::string(url);
}

std::string WithUrlParameter(std::string_view url, std::string_view parameter,
                             std::string_view value) {
  return fmt::format("{}{}{}={}", url, url.find('?') == std::string_view::npos ? '?' : '&',
                     parameter, value);
}

PostgresTestDatabase::PostgresTestDatabase(std::string server_url, std::string schema)
    : server_url_(std::move(server_url)),
      schema_(std::move(schema)),
      url_(WithUrlParameter(server_url_, "options", "-csearch_path%3D" + schema_)) {}

absl::StatusOr<std::unique_ptr<PostgresTestDatabase>> PostgresTestDatabase::Create(
    std::string_view server_url) {
  absl::StatusOr<std::unique_ptr<PgConnection>> admin = PgConnection::Open(server_url);
  if (!admin.ok()) return admin.status();
  {
    // Tests in parallel processes install it at the same moment; the migration lock orders them.
    absl::StatusOr<PgTransaction> transaction =
        PgTransaction::Begin(**admin, PgTransaction::Mode::kWrite);
    if (!transaction.ok()) return transaction.status();
    absl::StatusOr<PgResult> locked =
        (*admin)->Query("SELECT pg_advisory_xact_lock($1)", kPgMigrationLockKey);
    if (!locked.ok()) return locked.status();
    absl::Status installed =
        (*admin)->Execute("CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public");
    if (!installed.ok()) return installed;
    if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  }
  // The name is made here of letters, digits and underscores: safe to write into DDL.
  const std::string schema = NewSchemaName();
  if (absl::Status s = (*admin)->Execute(fmt::format("CREATE SCHEMA {}", schema)); !s.ok()) {
    return s;
  }
  return std::unique_ptr<PostgresTestDatabase>(
      new PostgresTestDatabase(std::string(server_url), schema));
}

PostgresTestDatabase::~PostgresTestDatabase() {
  absl::StatusOr<std::unique_ptr<PgConnection>> admin = PgConnection::Open(server_url_);
  // A schema left behind by a failed drop is harmless: the throw-away cluster goes with it.
  if (admin.ok()) (void)(*admin)->Execute(fmt::format("DROP SCHEMA IF EXISTS {} CASCADE", schema_));
}

absl::StatusOr<std::unique_ptr<Store>> PostgresTestDatabase::Open() {
  return OpenPostgresStore(url_);
}

absl::Status PostgresTestDatabase::ExecuteSql(std::string_view sql) {
  absl::StatusOr<std::unique_ptr<PgConnection>> connection = PgConnection::Open(url_);
  if (!connection.ok()) return connection.status();
  return (*connection)->Execute(sql);
}

}  // namespace tw::store::testing
