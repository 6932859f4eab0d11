// The PostgreSQL schema as a list of numbered migrations, and the code that brings a database
// up to date when the store opens. The tables mirror the SQLite store's column for column
// (sqlite_migrations.cc), so that the two hold the same content and `treatywatch migrate` can
// verify a copy table by table; the differences are PostgreSQL's own types (bigint identity,
// timestamptz, boolean) and the full-text search columns.
//
// Rules: a migration, once released, never changes; a schema change is a new migration
// appended with the next number, recorded in schema_migrations(version, applied_at).
//
// Two servers starting at once against a new database: all pending steps run in ONE
// transaction that first takes pg_advisory_xact_lock(kPgMigrationLockKey), so the second
// server waits for the first to commit, then re-reads the version under the lock and finds
// nothing to do. The lock is released by the commit or rollback, so a server that crashes
// mid-migration releases it and leaves nothing half-applied (DDL is transactional in
// PostgreSQL). An up-to-date database is detected by a plain read before any lock or write,
// so opening a store on a read replica (hot standby) works.
//
// The store lives in the connection's current schema (the first existing schema on the
// search_path; `?options=-csearch_path%3Dname` in the URL chooses one). A schema that has
// tables but no schema_migrations belongs to something else and is refused untouched; a
// database newer than this binary is refused rather than written with a schema it does not know.
// Thread safety: as the connection.
#ifndef TREATYWATCH_STORE_POSTGRES_PG_MIGRATIONS_H_
#define TREATYWATCH_STORE_POSTGRES_PG_MIGRATIONS_H_

#include <cstdint>
#include <span>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "store/postgres/pg_connection.h"

namespace tw::store {

struct PgMigration {
  int version;               // 1, 2, 3, ... without gaps
  std::string_view summary;  // for error messages: "migration 2 (full-text search)"
  std::string_view sql;      // one or more statements, run inside the migration transaction
};

// The schema of this binary, oldest first.
std::span<const PgMigration> PostgresSchemaMigrations();

// The advisory lock key every treatywatch process takes to migrate: "TWSTORE1" as 8 bytes.
inline constexpr std::int64_t kPgMigrationLockKey = 0x5457'5354'4f52'4531;

// The highest applied migration in the current schema; 0 when it has no schema_migrations.
absl::StatusOr<int> ReadPostgresSchemaVersion(PgConnection& connection);

// Applies the pending steps of `migrations` (a test may pass its own list) in one transaction
// under the advisory lock.
absl::Status MigratePostgresSchema(
    PgConnection& connection,
    std::span<const PgMigration> migrations = PostgresSchemaMigrations());

}  // namespace tw::store

#endif  // TREATYWATCH_STORE_POSTGRES_PG_MIGRATIONS_H_
