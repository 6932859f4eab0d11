#include "store/sqlite/sqlite_transaction.h"

#include <utility>

namespace tw::store {

absl::StatusOr<SqliteTransaction> SqliteTransaction::Begin(SqliteConnection& connection,
                                                           Mode mode) {
  absl::Status begun =
      connection.Execute(mode == Mode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
  if (!begun.ok()) return begun;
  return SqliteTransaction(&connection);
}

SqliteTransaction::SqliteTransaction(SqliteTransaction&& other) noexcept
    : connection_(std::exchange(other.connection_, nullptr)) {}

SqliteTransaction::~SqliteTransaction() {
  // Some errors (disk full, I/O error, out of memory) make SQLite roll back by itself; a second
  // ROLLBACK would only fail with "no transaction is active". The rollback's own failure is
  // ignored: the error that led here is what the caller reports, and SQLite discards an
  // unfinished transaction when the connection closes anyway.
  if (connection_ != nullptr && !connection_->InAutocommit()) {
    connection_->Execute("ROLLBACK").IgnoreError();
  }
}

absl::Status SqliteTransaction::Commit() {
  if (connection_ == nullptr) return absl::FailedPreconditionError("transaction already ended");
  absl::Status committed = connection_->Execute("COMMIT");
  if (committed.ok()) connection_ = nullptr;
  return committed;
}

}  // namespace tw::store
