// The SQLite schema as a list of numbered migrations, and the code that brings a database up
// to date when the store opens.
//
// Rules: a migration, once released, never changes; a schema change is a new migration
// appended with the next number. `schema_migrations(version, applied_at)` records each
// applied step. All pending steps run in ONE write transaction (BEGIN IMMEDIATE), so a
// database is never left half-migrated, and two processes opening a new database at once
// migrate it once (the second re-reads the version under the write lock and finds nothing to
// do). A database whose version is newer than this binary's is refused rather than written
// with a schema it does not know; an SQLite file that belongs to another program (it has
// tables but no schema_migrations, or another application_id) is refused untouched.
// Thread safety: as the connection.
#ifndef TREATYWATCH_STORE_SQLITE_SQLITE_MIGRATIONS_H_
#define TREATYWATCH_STORE_SQLITE_SQLITE_MIGRATIONS_H_

#include <cstdint>
#include <span>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "store/sqlite/sqlite_connection.h"

namespace tw::store {

struct SqliteMigration {
  int version;               // 1, 2, 3, ... without gaps
  std::string_view summary;  // for error messages: "migration 2 (full-text index)"
  std::string_view sql;      // one or more statements
};

// The schema of this binary, oldest first.
std::span<const SqliteMigration> SqliteSchemaMigrations();

// Written into the database header (PRAGMA application_id) by the first migration, so that
// `file` and the store itself can tell a treatywatch database from another program's.
inline constexpr std::int32_t kSqliteApplicationId = 0x54575354;  // "TWST"

// The full-text index row of a provision has rowid (document_id << 20) | ordinal, so that a
// document's index rows form one rowid range: cheap to restrict a search to, and to delete.
// Migration 2's trigger spells the same constant (1048576 = 1 << 20).
inline constexpr int kFtsOrdinalBits = 20;

// The highest applied migration; 0 for a database without schema_migrations.
absl::StatusOr<int> ReadSqliteSchemaVersion(SqliteConnection& connection);

// Applies the pending steps of `migrations` (a test may pass its own list) in one transaction.
absl::Status MigrateSqliteSchema(
    SqliteConnection& connection,
    std::span<const SqliteMigration> migrations = SqliteSchemaMigrations());

}  // namespace tw::store

#endif  // TREATYWATCH_STORE_SQLITE_SQLITE_MIGRATIONS_H_
