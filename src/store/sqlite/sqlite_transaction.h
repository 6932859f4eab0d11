// A transaction on a SqliteConnection that rolls back unless committed: every early return
// of a failing write leaves the database exactly as it was.
//
// Writes begin IMMEDIATE: the write lock is taken at BEGIN (waiting up to the busy timeout)
// rather than at the first INSERT: a deferred transaction whose snapshot another writer has
// moved past cannot wait for the lock and fails at once with SQLITE_BUSY. Reads begin DEFERRED,
// which in WAL mode gives one consistent snapshot for all the statements of a multi-table read
// without blocking writers. Ownership: borrows the connection. Not copyable; one thread.
#ifndef TREATYWATCH_STORE_SQLITE_SQLITE_TRANSACTION_H_
#define TREATYWATCH_STORE_SQLITE_SQLITE_TRANSACTION_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "store/sqlite/sqlite_connection.h"

namespace tw::store {

class SqliteTransaction {
 public:
  enum class Mode { kRead, kWrite };

  static absl::StatusOr<SqliteTransaction> Begin(SqliteConnection& connection, Mode mode);
  SqliteTransaction(SqliteTransaction&& other) noexcept;
  SqliteTransaction& operator=(SqliteTransaction&&) = delete;
  SqliteTransaction(const SqliteTransaction&) = delete;
  SqliteTransaction& operator=(const SqliteTransaction&) = delete;
  ~SqliteTransaction();

  // Makes the writes durable and visible. After a failed commit the destructor rolls back.
  absl::Status Commit();

 private:
  explicit SqliteTransaction(SqliteConnection* connection) : connection_(connection) {}

  SqliteConnection* connection_;  // nullptr once committed or moved from
};

}  // namespace tw::store

#endif  // TREATYWATCH_STORE_SQLITE_SQLITE_TRANSACTION_H_
