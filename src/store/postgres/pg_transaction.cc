#include "store/postgres/pg_transaction.h"

#include <utility>

namespace tw::store {

absl::StatusOr<PgTransaction> PgTransaction::Begin(PgConnection& connection, Mode mode) {
  const std::string_view begin = mode == Mode::kRead
                                     ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
                                     : "BEGIN ISOLATION LEVEL READ COMMITTED";
  if (absl::Status connected = connection.EnsureConnected(); !connected.ok()) return connected;
  absl::Status begun = connection.Execute(begin);
  // libpq learns that the server closed an idle connection only when it is next used: here.
  // Nothing of the transaction has happened yet, so reconnecting and beginning again is safe.
  if (!begun.ok() && !connection.connected()) {
    if (absl::Status connected = connection.EnsureConnected(); !connected.ok()) return connected;
    begun = connection.Execute(begin);
  }
  if (!begun.ok()) return begun;
  return PgTransaction(&connection);
}

PgTransaction::PgTransaction(PgTransaction&& other) noexcept
    : connection_(std::exchange(other.connection_, nullptr)) {}

PgTransaction::~PgTransaction() {
  if (connection_ == nullptr) return;
  // A failed ROLLBACK means the connection is gone, and the server discards the transaction
  // with it; the caller already has the error that brought us here.
  (void)connection_->Execute("ROLLBACK");
}

absl::Status PgTransaction::Commit() {
  PgConnection* connection = std::exchange(connection_, nullptr);
  // COMMIT of a transaction that failed inside reports ROLLBACK without an error; every
  // statement's error was returned already, so reaching here means none failed.
  return connection->Execute("COMMIT");
}

}  // namespace tw::store
