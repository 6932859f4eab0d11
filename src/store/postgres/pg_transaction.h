// A transaction on a PgConnection that rolls back unless committed: every early return of a
// failing call leaves the database as it was.
//
// Writes run at READ COMMITTED and take the row locks they need explicitly (the instrument row,
// FOR UPDATE, serialises version numbering): unlike SERIALIZABLE this never fails a put for a
// conflict the store can simply wait out, so callers need no retry loop. Reads run REPEATABLE
// READ READ ONLY, so the statements of a multi-table read (a document, its provisions, its
// references) all see one snapshot, and never block or are blocked by writers.
// Ownership: borrows the connection. Not copyable; one thread.
#ifndef TREATYWATCH_STORE_POSTGRES_PG_TRANSACTION_H_
#define TREATYWATCH_STORE_POSTGRES_PG_TRANSACTION_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "store/postgres/pg_connection.h"

namespace tw::store {

class PgTransaction {
 public:
  enum class Mode { kRead, kWrite };

  // Reconnects first if the server closed the connection between transactions (a restart, a
  // failover, an idle timeout), so a long-lived store outlives them.
  static absl::StatusOr<PgTransaction> Begin(PgConnection& connection, Mode mode);
  PgTransaction(PgTransaction&& other) noexcept;
  PgTransaction& operator=(PgTransaction&&) = delete;
  PgTransaction(const PgTransaction&) = delete;
  PgTransaction& operator=(const PgTransaction&) = delete;
  ~PgTransaction();

  // Makes the writes durable and visible. After a failed commit nothing was written.
  absl::Status Commit();

 private:
  explicit PgTransaction(PgConnection* connection) : connection_(connection) {}

  PgConnection* connection_;  // nullptr once committed or moved from
};

}  // namespace tw::store

#endif  // TREATYWATCH_STORE_POSTGRES_PG_TRANSACTION_H_
