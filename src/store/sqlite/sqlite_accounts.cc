#include "store/sqlite/sqlite_accounts.h"

#include <chrono>

#include <fmt/format.h>

#include "store/account_rows.h"
#include "store/document_rows.h"
#include "store/sqlite/sqlite_transaction.h"

namespace tw::store {
namespace {

using Mode = SqliteTransaction::Mode;

constexpr std::string_view kSelectUser = R"sql(
SELECT u.id, u.name, u.role, u.password_hash, u.created_at, u.disabled FROM users AS u
)sql";

constexpr std::string_view kInsertUser = R"sql(
INSERT INTO users (id, name, name_key, role, password_hash, created_at, disabled)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
)sql";

constexpr std::string_view kInsertAudit = R"sql(
INSERT INTO audit_log (id, at, who, action, target, detail, client)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
)sql";

absl::Status InPath(const SqliteConnection& connection, const absl::Status& status) {
  return absl::Status(status.code(),
                      fmt::format("{}: {}", connection.path(), std::string(status.message())));
}

std::string Now() { return FormatIngestedAt(std::chrono::system_clock::now()); }

absl::Status CheckHash(std::string_view token_hash) {
  if (token_hash.size() != 64) {
    return absl::InvalidArgumentError("session token hash must be 64 hex digits");
  }
  return absl::OkStatus();
}

AuditEntry ReadAudit(const SqliteStatement& row) {
  AuditEntry entry;
  entry.id = row.ColumnInt64(0);
  entry.at = row.ColumnText(1);
  entry.who = row.ColumnText(2);
  entry.action = row.ColumnText(3);
  entry.target = row.ColumnText(4);
  entry.detail = row.ColumnText(5);
  entry.client = row.ColumnText(6);
  return entry;
}

}  // namespace

// --- steps inside a transaction ------------------------------------------------------------------

template <typename... Args>
absl::StatusOr<std::vector<UserAccount>> SqliteAccountRecord::SelectUsers(std::string_view where,
                                                                          const Args&... args) {
  absl::StatusOr<SqliteStatement> query =
      connection_.Prepare(fmt::format("{} {}", kSelectUser, where));
  if (!query.ok()) return query.status();
  if (absl::Status bound = query->Bind(args...); !bound.ok()) return bound;
  std::vector<UserAccount> users;
  while (true) {
    absl::StatusOr<bool> row = query->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    UserAccount user;
    user.id = query->ColumnInt64(0);
    user.name = query->ColumnText(1);
    user.role = query->ColumnText(2);
    user.password_hash = query->ColumnText(3);
    user.created_at = query->ColumnText(4);
    user.disabled = query->ColumnInt64(5) != 0;
    users.push_back(std::move(user));
  }
  return users;
}

template <typename... Args>
absl::StatusOr<int> SqliteAccountRecord::CountReturned(std::string_view sql, const Args&... args) {
  absl::StatusOr<SqliteStatement> statement = connection_.Prepare(sql);
  if (!statement.ok()) return statement.status();
  if (absl::Status bound = statement->Bind(args...); !bound.ok()) return bound;
  int count = 0;
  while (true) {
    absl::StatusOr<bool> row = statement->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    ++count;
  }
  return count;
}

template <typename... Args>
absl::Status SqliteAccountRecord::UpdateUser(std::int64_t id, std::string_view sql,
                                             const Args&... args) {
  absl::StatusOr<int> updated = CountReturned(sql, id, args...);
  if (!updated.ok()) return updated.status();
  if (*updated == 0) {
    return absl::NotFoundError(fmt::format("{}: no user {}", connection_.path(), id));
  }
  return absl::OkStatus();
}

// --- users --------------------------------------------------------------------------------------

absl::StatusOr<std::int64_t> SqliteAccountRecord::CountUsers() {
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  return connection_.QueryInt64("SELECT count(*) FROM users");
}

absl::StatusOr<std::int64_t> SqliteAccountRecord::CreateUser(const UserAccount& user) {
  if (absl::Status valid = CheckUserAccount(user); !valid.ok()) return InPath(connection_, valid);
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<std::vector<UserAccount>> taken =
      SelectUsers("WHERE u.name_key = ?1", UserNameKey(user.name));
  if (!taken.ok()) return taken.status();
  if (!taken->empty()) {
    return absl::AlreadyExistsError(fmt::format("{}: a user named '{}' exists already",
                                                connection_.path(), taken->front().name));
  }
  absl::StatusOr<SqliteStatement> insert = connection_.Prepare(kInsertUser);
  if (!insert.ok()) return insert.status();
  absl::Status s = insert->Bind(std::nullopt, user.name, UserNameKey(user.name), user.role,
                                user.password_hash, Now(), user.disabled ? 1 : 0);
  if (s.ok()) s = insert->Run();
  if (!s.ok()) return s;
  const std::int64_t id = connection_.LastInsertRowid();
  if (absl::Status committed = transaction->Commit(); !committed.ok()) return committed;
  return id;
}

absl::StatusOr<std::optional<UserAccount>> SqliteAccountRecord::FindUser(std::string_view name) {
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<std::vector<UserAccount>> users =
      SelectUsers("WHERE u.name_key = ?1", UserNameKey(name));
  if (!users.ok()) return users.status();
  if (users->empty()) return std::optional<UserAccount>();
  return std::optional<UserAccount>(std::move(users->front()));
}

absl::StatusOr<std::optional<UserAccount>> SqliteAccountRecord::LoadUser(std::int64_t id) {
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<std::vector<UserAccount>> users = SelectUsers("WHERE u.id = ?1", id);
  if (!users.ok()) return users.status();
  if (users->empty()) return std::optional<UserAccount>();
  return std::optional<UserAccount>(std::move(users->front()));
}

absl::StatusOr<std::vector<UserAccount>> SqliteAccountRecord::ListUsers() {
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  return SelectUsers("ORDER BY u.id");
}

absl::Status SqliteAccountRecord::SetUserPassword(std::int64_t id,
                                                  std::string_view password_hash) {
  if (password_hash.empty() || password_hash.size() > kMaxPasswordHashBytes) {
    return InPath(connection_, absl::InvalidArgumentError("password hash is empty or too long"));
  }
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  if (absl::Status s = UpdateUser(
          id, "UPDATE users SET password_hash = ?2 WHERE id = ?1 RETURNING id", password_hash);
      !s.ok()) {
    return s;
  }
  absl::StatusOr<int> ended =
      CountReturned("DELETE FROM login_sessions WHERE user_id = ?1 RETURNING 1", id);
  if (!ended.ok()) return ended.status();
  return transaction->Commit();
}

absl::Status SqliteAccountRecord::SetUserRole(std::int64_t id, std::string_view role) {
  if (!IsUserRole(role)) {
    return InPath(connection_, absl::InvalidArgumentError(fmt::format(
                                   "role '{}' is not one of viewer, analyst, editor, admin",
                                   std::string(role.substr(0, 40)))));
  }
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  if (absl::Status s =
          UpdateUser(id, "UPDATE users SET role = ?2 WHERE id = ?1 RETURNING id", role);
      !s.ok()) {
    return s;
  }
  return transaction->Commit();
}

absl::Status SqliteAccountRecord::SetUserDisabled(std::int64_t id, bool disabled) {
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  if (absl::Status s = UpdateUser(id, "UPDATE users SET disabled = ?2 WHERE id = ?1 RETURNING id",
                                  disabled ? 1 : 0);
      !s.ok()) {
    return s;
  }
  if (disabled) {
    absl::StatusOr<int> ended =
        CountReturned("DELETE FROM login_sessions WHERE user_id = ?1 RETURNING 1", id);
    if (!ended.ok()) return ended.status();
  }
  return transaction->Commit();
}

// --- sessions -----------------------------------------------------------------------------------

absl::Status SqliteAccountRecord::PutLoginSession(const LoginSession& session) {
  if (absl::Status valid = CheckLoginSession(session); !valid.ok()) return InPath(connection_, valid);
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<std::vector<UserAccount>> user = SelectUsers("WHERE u.id = ?1", session.user_id);
  if (!user.ok()) return user.status();
  if (user->empty()) {
    return absl::InvalidArgumentError(
        fmt::format("{}: user {} does not exist", connection_.path(), session.user_id));
  }
  absl::StatusOr<SqliteStatement> insert = connection_.Prepare(R"sql(
INSERT INTO login_sessions (token_hash, user_id, csrf_token, created_at, expires_at, last_seen)
VALUES (?1, ?2, ?3, ?4, ?5, ?6)
)sql");
  if (!insert.ok()) return insert.status();
  absl::Status s = insert->Bind(session.token_hash, session.user_id, session.csrf_token,
                                session.created_at, session.expires_at, session.last_seen);
  if (s.ok()) s = insert->Run();
  if (!s.ok()) return s;
  return transaction->Commit();
}

absl::StatusOr<std::optional<LoginSessionWithUser>> SqliteAccountRecord::FindLoginSession(
    std::string_view token_hash) {
  if (absl::Status valid = CheckHash(token_hash); !valid.ok()) return InPath(connection_, valid);
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<SqliteStatement> query = connection_.Prepare(R"sql(
SELECT s.token_hash, s.user_id, s.csrf_token, s.created_at, s.expires_at, s.last_seen,
       u.id, u.name, u.role, u.password_hash, u.created_at, u.disabled
  FROM login_sessions AS s JOIN users AS u ON u.id = s.user_id
 WHERE s.token_hash = ?1
)sql");
  if (!query.ok()) return query.status();
  if (absl::Status bound = query->Bind(token_hash); !bound.ok()) return bound;
  absl::StatusOr<bool> row = query->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<LoginSessionWithUser>();
  LoginSessionWithUser found;
  found.session.token_hash = query->ColumnText(0);
  found.session.user_id = query->ColumnInt64(1);
  found.session.csrf_token = query->ColumnText(2);
  found.session.created_at = query->ColumnInt64(3);
  found.session.expires_at = query->ColumnInt64(4);
  found.session.last_seen = query->ColumnInt64(5);
  found.user.id = query->ColumnInt64(6);
  found.user.name = query->ColumnText(7);
  found.user.role = query->ColumnText(8);
  found.user.password_hash = query->ColumnText(9);
  found.user.created_at = query->ColumnText(10);
  found.user.disabled = query->ColumnInt64(11) != 0;
  query->Reset();
  return std::optional<LoginSessionWithUser>(std::move(found));
}

absl::Status SqliteAccountRecord::TouchLoginSession(std::string_view token_hash,
                                               std::int64_t last_seen) {
  if (absl::Status valid = CheckHash(token_hash); !valid.ok()) return InPath(connection_, valid);
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<int> touched = CountReturned(
      "UPDATE login_sessions SET last_seen = ?2 WHERE token_hash = ?1 AND last_seen < ?2 "
      "RETURNING 1",
      token_hash, last_seen);
  if (!touched.ok()) return touched.status();
  return transaction->Commit();
}

absl::Status SqliteAccountRecord::DeleteLoginSession(std::string_view token_hash) {
  if (absl::Status valid = CheckHash(token_hash); !valid.ok()) return InPath(connection_, valid);
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<int> deleted =
      CountReturned("DELETE FROM login_sessions WHERE token_hash = ?1 RETURNING 1", token_hash);
  if (!deleted.ok()) return deleted.status();
  return transaction->Commit();
}

absl::StatusOr<int> SqliteAccountRecord::DeleteLoginSessionsOf(std::int64_t user_id) {
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<int> deleted =
      CountReturned("DELETE FROM login_sessions WHERE user_id = ?1 RETURNING 1", user_id);
  if (!deleted.ok()) return deleted.status();
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return deleted;
}

absl::StatusOr<int> SqliteAccountRecord::DeleteExpiredLoginSessions(std::int64_t now,
                                                               std::int64_t idle_before) {
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<int> deleted = CountReturned(
      "DELETE FROM login_sessions WHERE expires_at <= ?1 OR last_seen < ?2 RETURNING 1", now,
      idle_before);
  if (!deleted.ok()) return deleted.status();
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return deleted;
}

// --- the audit log ------------------------------------------------------------------------------

absl::StatusOr<std::int64_t> SqliteAccountRecord::AppendAudit(const AuditEntry& entry) {
  if (absl::Status valid = CheckAuditEntry(entry); !valid.ok()) return InPath(connection_, valid);
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<SqliteStatement> insert = connection_.Prepare(kInsertAudit);
  if (!insert.ok()) return insert.status();
  absl::Status s = insert->Bind(std::nullopt, entry.at.empty() ? Now() : entry.at, entry.who,
                                entry.action, entry.target, entry.detail, entry.client);
  if (s.ok()) s = insert->Run();
  if (!s.ok()) return s;
  const std::int64_t id = connection_.LastInsertRowid();
  if (absl::Status committed = transaction->Commit(); !committed.ok()) return committed;
  return id;
}

absl::StatusOr<std::vector<AuditEntry>> SqliteAccountRecord::ListAudit(std::int64_t offset,
                                                                       int limit) {
  if (absl::Status valid = CheckAuditPage(offset, limit); !valid.ok()) {
    return InPath(connection_, valid);
  }
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<SqliteStatement> query = connection_.Prepare(R"sql(
SELECT id, at, who, action, target, detail, client FROM audit_log
 ORDER BY id DESC LIMIT ?1 OFFSET ?2
)sql");
  if (!query.ok()) return query.status();
  if (absl::Status bound = query->Bind(limit, offset); !bound.ok()) return bound;
  std::vector<AuditEntry> entries;
  while (true) {
    absl::StatusOr<bool> row = query->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    entries.push_back(ReadAudit(*query));
  }
  return entries;
}

absl::StatusOr<std::int64_t> SqliteAccountRecord::CountAudit() {
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  return connection_.QueryInt64("SELECT count(*) FROM audit_log");
}

// --- imports ------------------------------------------------------------------------------------

absl::StatusOr<int> SqliteAccountRecord::ImportUsers(const std::vector<UserAccount>& users) {
  for (const UserAccount& user : users) {
    if (absl::Status valid = CheckUserAccount(user); !valid.ok()) {
      return InPath(connection_, valid);
    }
  }
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<SqliteStatement> insert = connection_.Prepare(kInsertUser);
  if (!insert.ok()) return insert.status();
  int stored = 0;
  for (const UserAccount& user : users) {
    absl::StatusOr<std::vector<UserAccount>> held =
        SelectUsers("WHERE u.id = ?1 OR u.name_key = ?2", user.id, UserNameKey(user.name));
    if (!held.ok()) return held.status();
    if (!held->empty()) {
      if (held->size() == 1 && SameUser(held->front(), user)) continue;
      return absl::FailedPreconditionError(fmt::format(
          "{}: cannot copy user {} '{}': the destination holds another user under that id or "
          "name; copy into an empty store",
          connection_.path(), user.id, user.name));
    }
    absl::Status s = insert->Bind(user.id, user.name, UserNameKey(user.name), user.role,
                                  user.password_hash, user.created_at, user.disabled ? 1 : 0);
    if (s.ok()) s = insert->Run();
    if (!s.ok()) return s;
    ++stored;
  }
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return stored;
}

absl::StatusOr<int> SqliteAccountRecord::ImportAudit(const std::vector<AuditEntry>& entries) {
  for (const AuditEntry& entry : entries) {
    if (absl::Status valid = CheckAuditEntry(entry); !valid.ok()) {
      return InPath(connection_, valid);
    }
  }
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<SqliteStatement> held = connection_.Prepare(
      "SELECT id, at, who, action, target, detail, client FROM audit_log WHERE id = ?1");
  if (!held.ok()) return held.status();
  absl::StatusOr<SqliteStatement> insert = connection_.Prepare(kInsertAudit);
  if (!insert.ok()) return insert.status();
  int stored = 0;
  for (const AuditEntry& entry : entries) {
    if (absl::Status bound = held->Bind(entry.id); !bound.ok()) return bound;
    absl::StatusOr<bool> found = held->Step();
    if (!found.ok()) return found.status();
    if (*found) {
      const bool same = SameAuditEntry(ReadAudit(*held), entry);
      held->Reset();
      if (same) continue;
      return absl::FailedPreconditionError(fmt::format(
          "{}: cannot copy audit entry {}: the destination holds another entry under that id; "
          "copy into an empty store",
          connection_.path(), entry.id));
    }
    absl::Status s = insert->Bind(entry.id, entry.at, entry.who, entry.action, entry.target,
                                  entry.detail, entry.client);
    if (s.ok()) s = insert->Run();
    if (!s.ok()) return s;
    ++stored;
  }
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return stored;
}

}  // namespace tw::store
