// AccountRecord: the store's half that keeps the team's user accounts, their login sessions and
// the audit log of every change (who did what to which record, when, from where).
//
// An interface, inherited virtually by Store like FactCheckRecord; each backend implements it in
// a class of its own (sqlite/sqlite_accounts.h, postgres/pg_accounts.h). The guarantees of
// store.h hold: every write is one transaction; one object, one thread.
//
// Invariants the schema itself keeps (migration 5 of both backends):
//   * a user name is unique ignoring ASCII case ("Alice" and "alice" are one user; other
//     letters compare exactly, the same way in both backends: account_rows.h UserNameKey);
//   * users are never deleted, only disabled, so the audit log's names keep meaning someone;
//   * a session row holds the SHA-256 of its token, never the token: a copy of the database
//     does not let anyone act as a logged-in user. Sessions live in the store so that several
//     server processes on one PostgreSQL database share logins; they are not copied by
//     `migrate` and not digested (they are credentials, not content);
//   * the audit log is append-only: triggers refuse UPDATE and DELETE (and TRUNCATE on
//     PostgreSQL), as for fact-check revisions.
// Password hashes are opaque here: the server (server/auth/password_hash.h) makes and checks
// them; the store only keeps them.
#ifndef TREATYWATCH_STORE_ACCOUNT_RECORD_H_
#define TREATYWATCH_STORE_ACCOUNT_RECORD_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace tw::store {

struct UserAccount {
  std::int64_t id = 0;         // assigned by CreateUser
  std::string name;            // as typed; unique ignoring ASCII case
  std::string role;            // "viewer", "analyst", "editor" or "admin" (kUserRoles)
  std::string password_hash;   // libsodium crypto_pwhash_str text (argon2id)
  std::string created_at;      // ISO 8601 UTC; assigned by CreateUser
  bool disabled = false;
};

// A login session. Times are Unix seconds (UTC), so expiry is plain arithmetic in both backends.
struct LoginSession {
  std::string token_hash;      // lowercase hex SHA-256 of the cookie's token
  std::int64_t user_id = 0;
  std::string csrf_token;      // what the session's forms and API calls must send back
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;  // absolute end, whatever the activity
  std::int64_t last_seen = 0;   // idle expiry counts from here
};

// A session with the account it belongs to.
struct LoginSessionWithUser {
  LoginSession session;
  UserAccount user;
};

struct AuditEntry {
  std::int64_t id = 0;   // assigned by AppendAudit, increasing
  std::string at;        // ISO 8601 UTC; assigned by AppendAudit when empty
  std::string who;       // user name, "local owner", or the OS user of a command
  std::string action;    // "user.add", "factcheck.publish", ...
  std::string target;    // what was changed: "user 3", "fact-check 7"
  std::string detail;    // free text, may be empty
  std::string client;    // the client's address, or "command line"
};

class AccountRecord {
 public:
  virtual ~AccountRecord() = default;

  // Every account, disabled ones included.
  virtual absl::StatusOr<std::int64_t> CountUsers() = 0;
  // Stores a new account (id and created_at assigned) and returns its id. AlreadyExists when
  // the name is taken ignoring ASCII case; InvalidArgument for a bad name, role or hash
  // (account_rows.h CheckUserAccount).
  virtual absl::StatusOr<std::int64_t> CreateUser(const UserAccount& user) = 0;
  // By name ignoring ASCII case; nullopt when none.
  virtual absl::StatusOr<std::optional<UserAccount>> FindUser(std::string_view name) = 0;
  virtual absl::StatusOr<std::optional<UserAccount>> LoadUser(std::int64_t id) = 0;
  // Ordered by id.
  virtual absl::StatusOr<std::vector<UserAccount>> ListUsers() = 0;
  // NotFound for an unknown id. Changing the password or disabling the account also ends all
  // its sessions, in the same transaction; changing the role does not (the session reads the
  // role from the account on every request).
  virtual absl::Status SetUserPassword(std::int64_t id, std::string_view password_hash) = 0;
  virtual absl::Status SetUserRole(std::int64_t id, std::string_view role) = 0;
  virtual absl::Status SetUserDisabled(std::int64_t id, bool disabled) = 0;

  // Sessions. PutLoginSession refuses (InvalidArgument) a session of an unknown user.
  virtual absl::Status PutLoginSession(const LoginSession& session) = 0;
  // The session whose token hashes to `token_hash`, with its account; nullopt when none. It
  // is returned whatever its times and the account's state: the caller applies the policy.
  virtual absl::StatusOr<std::optional<LoginSessionWithUser>> FindLoginSession(
      std::string_view token_hash) = 0;
  virtual absl::Status TouchLoginSession(std::string_view token_hash, std::int64_t last_seen) = 0;
  virtual absl::Status DeleteLoginSession(std::string_view token_hash) = 0;
  // Ends every session of the user; returns how many there were.
  virtual absl::StatusOr<int> DeleteLoginSessionsOf(std::int64_t user_id) = 0;
  // Deletes sessions past their absolute end (expires_at <= now) or idle since before
  // `idle_before` (last_seen < idle_before); returns how many.
  virtual absl::StatusOr<int> DeleteExpiredLoginSessions(std::int64_t now,
                                                    std::int64_t idle_before) = 0;

  // The audit log. AppendAudit returns the new entry's id.
  virtual absl::StatusOr<std::int64_t> AppendAudit(const AuditEntry& entry) = 0;
  // Newest first: the entries after skipping `offset` newer ones, at most `limit` (1..1000).
  virtual absl::StatusOr<std::vector<AuditEntry>> ListAudit(std::int64_t offset, int limit) = 0;
  virtual absl::StatusOr<std::int64_t> CountAudit() = 0;

  // For `migrate`: accounts and audit entries as the source holds them, under their ids, in one
  // transaction each call; the result is how many were newly stored. Rows already here under
  // the same id with the same content are skipped; FailedPrecondition when an id (or a user
  // name) holds another row here.
  virtual absl::StatusOr<int> ImportUsers(const std::vector<UserAccount>& users) = 0;
  virtual absl::StatusOr<int> ImportAudit(const std::vector<AuditEntry>& entries) = 0;
};

}  // namespace tw::store

#endif  // TREATYWATCH_STORE_ACCOUNT_RECORD_H_
