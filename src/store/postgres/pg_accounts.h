// The account record's part of the PostgreSQL Store (account_record.h: users, login sessions, the
// audit log), over the tables of migration 5 (pg_migrations.cc). PostgresStore mixes it in.
// Each call is one transaction of its own (pg_transaction.h: writes at READ COMMITTED, reads in
// one REPEATABLE READ snapshot); values are checked (account_rows.h) before the transaction
// begins. Two servers creating the same name at once: the unique name_key makes the second
// fail, reported as AlreadyExists. Imported ids advance the identity sequences. Error messages
// start with the database name.
// Ownership: borrows the store's connection, which must outlive it. Thread safety: as the
// connection (one thread at a time).
#ifndef TREATYWATCH_STORE_POSTGRES_PG_ACCOUNTS_H_
#define TREATYWATCH_STORE_POSTGRES_PG_ACCOUNTS_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "store/account_record.h"
#include "store/postgres/pg_connection.h"

namespace tw::store {

class PgAccountRecord : public virtual AccountRecord {
 public:
  explicit PgAccountRecord(PgConnection& connection) : connection_(connection) {}

  absl::StatusOr<std::int64_t> CountUsers() override;
  absl::StatusOr<std::int64_t> CreateUser(const UserAccount& user) override;
  absl::StatusOr<std::optional<UserAccount>> FindUser(std::string_view name) override;
  absl::StatusOr<std::optional<UserAccount>> LoadUser(std::int64_t id) override;
  absl::StatusOr<std::vector<UserAccount>> ListUsers() override;
  absl::Status SetUserPassword(std::int64_t id, std::string_view password_hash) override;
  absl::Status SetUserRole(std::int64_t id, std::string_view role) override;
  absl::Status SetUserDisabled(std::int64_t id, bool disabled) override;
  absl::Status PutLoginSession(const LoginSession& session) override;
  absl::StatusOr<std::optional<LoginSessionWithUser>> FindLoginSession(
      std::string_view token_hash) override;
  absl::Status TouchLoginSession(std::string_view token_hash, std::int64_t last_seen) override;
  absl::Status DeleteLoginSession(std::string_view token_hash) override;
  absl::StatusOr<int> DeleteLoginSessionsOf(std::int64_t user_id) override;
  absl::StatusOr<int> DeleteExpiredLoginSessions(std::int64_t now, std::int64_t idle_before) override;
  absl::StatusOr<std::int64_t> AppendAudit(const AuditEntry& entry) override;
  absl::StatusOr<std::vector<AuditEntry>> ListAudit(std::int64_t offset, int limit) override;
  absl::StatusOr<std::int64_t> CountAudit() override;
  absl::StatusOr<int> ImportUsers(const std::vector<UserAccount>& users) override;
  absl::StatusOr<int> ImportAudit(const std::vector<AuditEntry>& entries) override;

 private:
  // Steps run inside the caller's transaction.
  absl::StatusOr<std::vector<UserAccount>> SelectUsers(std::string_view where,
                                                       const std::vector<PgParam>& params);
  // An UPDATE of one user (RETURNING id): NotFound when the id names no user.
  absl::Status UpdateUser(std::int64_t id, std::string_view sql, const std::vector<PgParam>& params);
  absl::Status AdvanceIdentity(std::string_view table, std::int64_t id);

  PgConnection& connection_;
};

}  // namespace tw::store

#endif  // TREATYWATCH_STORE_POSTGRES_PG_ACCOUNTS_H_
