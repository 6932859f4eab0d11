#include "store/postgres/pg_accounts.h"

#include <algorithm>
#include <chrono>
#include <utility>

#include <fmt/format.h>

#include "store/account_rows.h"
#include "store/document_rows.h"
#include "store/postgres/pg_transaction.h"

namespace tw::store {
namespace {

using Mode = PgTransaction::Mode;

// Times come back as the ISO text the store writes (document_rows.h FormatIngestedAt).
std::string IsoTime(std::string_view column) {
  return fmt::format(R"(to_char({} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))", column);
}

std::string SelectUserSql() {
  return fmt::format(
      "SELECT u.id, u.name, u.role, u.password_hash, {}, u.disabled FROM users AS u",
      IsoTime("u.created_at"));
}

std::string SelectAuditSql() {
  return fmt::format("SELECT id, {}, who, action, target, detail, client FROM audit_log",
                     IsoTime("at"));
}

constexpr std::string_view kInsertAudit = R"sql(
INSERT INTO audit_log (id, at, who, action, target, detail, client)
VALUES (coalesce($1, nextval(pg_get_serial_sequence('audit_log', 'id'))), $2::timestamptz, $3,
        $4, $5, $6, $7)
RETURNING id
)sql";

absl::Status InDatabase(const PgConnection& connection, const absl::Status& status) {
  return absl::Status(status.code(),
                      fmt::format("{}: {}", connection.name(), std::string(status.message())));
}

std::string Now() { return FormatIngestedAt(std::chrono::system_clock::now()); }

absl::Status CheckHash(std::string_view token_hash) {
  if (token_hash.size() != 64) {
    return absl::InvalidArgumentError("session token hash must be 64 hex digits");
  }
  return absl::OkStatus();
}

absl::StatusOr<AuditEntry> ReadAudit(const PgResult& result, int row, std::string_view what) {
  AuditEntry entry;
  absl::StatusOr<std::int64_t> id = result.Int64(row, 0, what);
  if (!id.ok()) return id.status();
  entry.id = *id;
  entry.at = result.String(row, 1);
  entry.who = result.String(row, 2);
  entry.action = result.String(row, 3);
  entry.target = result.String(row, 4);
  entry.detail = result.String(row, 5);
  entry.client = result.String(row, 6);
  return entry;
}

}  // namespace

// --- steps inside a transaction ------------------------------------------------------------------

absl::StatusOr<std::vector<UserAccount>> PgAccountRecord::SelectUsers(
    std::string_view where, const std::vector<PgParam>& params) {
  absl::StatusOr<PgResult> result =
      connection_.QueryParams(fmt::format("{} {}", SelectUserSql(), where), params);
  if (!result.ok()) return result.status();
  std::vector<UserAccount> users;
  const std::string what = fmt::format("{}: users", connection_.name());
  for (int row = 0; row < result->rows(); ++row) {
    UserAccount user;
    absl::StatusOr<std::int64_t> id = result->Int64(row, 0, what);
    if (!id.ok()) return id.status();
    user.id = *id;
    user.name = result->String(row, 1);
    user.role = result->String(row, 2);
    user.password_hash = result->String(row, 3);
    user.created_at = result->String(row, 4);
    absl::StatusOr<bool> disabled = result->Bool(row, 5, what);
    if (!disabled.ok()) return disabled.status();
    user.disabled = *disabled;
    users.push_back(std::move(user));
  }
  return users;
}

absl::Status PgAccountRecord::UpdateUser(std::int64_t id, std::string_view sql,
                                         const std::vector<PgParam>& params) {
  absl::StatusOr<PgResult> updated = connection_.QueryParams(sql, params);
  if (!updated.ok()) return updated.status();
  if (updated->rows() == 0) {
    return absl::NotFoundError(fmt::format("{}: no user {}", connection_.name(), id));
  }
  return absl::OkStatus();
}

absl::Status PgAccountRecord::AdvanceIdentity(std::string_view table, std::int64_t id) {
  absl::StatusOr<PgResult> advanced = connection_.Query(
      R"sql(
SELECT setval(s.sequence, $2)
  FROM (SELECT pg_get_serial_sequence($1, 'id')::regclass AS sequence) AS s
 WHERE $2 > coalesce(pg_sequence_last_value(s.sequence), 0)
)sql",
      table, id);
  return advanced.status();
}

// --- users --------------------------------------------------------------------------------------

absl::StatusOr<std::int64_t> PgAccountRecord::CountUsers() {
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<PgResult> result = connection_.Query("SELECT count(*) FROM users");
  if (!result.ok()) return result.status();
  return result->Int64(0, 0, "user count");
}

absl::StatusOr<std::int64_t> PgAccountRecord::CreateUser(const UserAccount& user) {
  if (absl::Status valid = CheckUserAccount(user); !valid.ok()) {
    return InDatabase(connection_, valid);
  }
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  // ON CONFLICT: a second server creating the same name at the same moment waits for the first
  // and then inserts nothing, instead of failing on the unique key.
  absl::StatusOr<PgResult> inserted = connection_.Query(
      R"sql(
INSERT INTO users (name, name_key, role, password_hash, created_at, disabled)
VALUES ($1, $2, $3, $4, $5::timestamptz, $6)
ON CONFLICT (name_key) DO NOTHING
RETURNING id
)sql",
      user.name, UserNameKey(user.name), user.role, user.password_hash, Now(), user.disabled);
  if (!inserted.ok()) return inserted.status();
  if (inserted->rows() == 0) {
    return absl::AlreadyExistsError(
        fmt::format("{}: a user named '{}' exists already", connection_.name(), user.name));
  }
  absl::StatusOr<std::int64_t> id = inserted->Int64(0, 0, "new user id");
  if (!id.ok()) return id.status();
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return id;
}

absl::StatusOr<std::optional<UserAccount>> PgAccountRecord::FindUser(std::string_view name) {
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<std::vector<UserAccount>> users =
      SelectUsers("WHERE u.name_key = $1", {ToPgParam(UserNameKey(name))});
  if (!users.ok()) return users.status();
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  if (users->empty()) return std::optional<UserAccount>();
  return std::optional<UserAccount>(std::move(users->front()));
}

absl::StatusOr<std::optional<UserAccount>> PgAccountRecord::LoadUser(std::int64_t id) {
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<std::vector<UserAccount>> users = SelectUsers("WHERE u.id = $1", {ToPgParam(id)});
  if (!users.ok()) return users.status();
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  if (users->empty()) return std::optional<UserAccount>();
  return std::optional<UserAccount>(std::move(users->front()));
}

absl::StatusOr<std::vector<UserAccount>> PgAccountRecord::ListUsers() {
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<std::vector<UserAccount>> users = SelectUsers("ORDER BY u.id", {});
  if (!users.ok()) return users.status();
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return users;
}

absl::Status PgAccountRecord::SetUserPassword(std::int64_t id, std::string_view password_hash) {
  if (password_hash.empty() || password_hash.size() > kMaxPasswordHashBytes) {
    return InDatabase(connection_,
                      absl::InvalidArgumentError("password hash is empty or too long"));
  }
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  if (absl::Status s =
          UpdateUser(id, "UPDATE users SET password_hash = $2 WHERE id = $1 RETURNING id",
                     {ToPgParam(id), ToPgParam(password_hash)});
      !s.ok()) {
    return s;
  }
  absl::StatusOr<PgResult> ended =
      connection_.Query("DELETE FROM login_sessions WHERE user_id = $1", id);
  if (!ended.ok()) return ended.status();
  return transaction->Commit();
}

absl::Status PgAccountRecord::SetUserRole(std::int64_t id, std::string_view role) {
  if (!IsUserRole(role)) {
    return InDatabase(connection_, absl::InvalidArgumentError(fmt::format(
                                       "role '{}' is not one of viewer, analyst, editor, admin",
                                       std::string(role.substr(0, 40)))));
  }
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  if (absl::Status s = UpdateUser(id, "UPDATE users SET role = $2 WHERE id = $1 RETURNING id",
                                  {ToPgParam(id), ToPgParam(role)});
      !s.ok()) {
    return s;
  }
  return transaction->Commit();
}

absl::Status PgAccountRecord::SetUserDisabled(std::int64_t id, bool disabled) {
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  if (absl::Status s = UpdateUser(id, "UPDATE users SET disabled = $2 WHERE id = $1 RETURNING id",
                                  {ToPgParam(id), ToPgParam(disabled)});
      !s.ok()) {
    return s;
  }
  if (disabled) {
    absl::StatusOr<PgResult> ended =
        connection_.Query("DELETE FROM login_sessions WHERE user_id = $1", id);
    if (!ended.ok()) return ended.status();
  }
  return transaction->Commit();
}

// --- sessions -----------------------------------------------------------------------------------

absl::Status PgAccountRecord::PutLoginSession(const LoginSession& session) {
  if (absl::Status valid = CheckLoginSession(session); !valid.ok()) {
    return InDatabase(connection_, valid);
  }
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<PgResult> inserted = connection_.Query(
      R"sql(
INSERT INTO login_sessions (token_hash, user_id, csrf_token, created_at, expires_at, last_seen)
SELECT $1, u.id, $3, $4, $5, $6 FROM users AS u WHERE u.id = $2
RETURNING user_id
)sql",
      session.token_hash, session.user_id, session.csrf_token, session.created_at,
      session.expires_at, session.last_seen);
  if (!inserted.ok()) return inserted.status();
  if (inserted->rows() == 0) {
    return absl::InvalidArgumentError(
        fmt::format("{}: user {} does not exist", connection_.name(), session.user_id));
  }
  return transaction->Commit();
}

absl::StatusOr<std::optional<LoginSessionWithUser>> PgAccountRecord::FindLoginSession(
    std::string_view token_hash) {
  if (absl::Status valid = CheckHash(token_hash); !valid.ok()) {
    return InDatabase(connection_, valid);
  }
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<PgResult> result = connection_.Query(
      fmt::format(R"sql(
SELECT s.token_hash, s.user_id, s.csrf_token, s.created_at, s.expires_at, s.last_seen,
       u.id, u.name, u.role, u.password_hash, {}, u.disabled
  FROM login_sessions AS s JOIN users AS u ON u.id = s.user_id
 WHERE s.token_hash = $1
)sql",
                  IsoTime("u.created_at")),
      token_hash);
  if (!result.ok()) return result.status();
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  if (result->rows() == 0) return std::optional<LoginSessionWithUser>();
  const std::string what = fmt::format("{}: login session", connection_.name());
  LoginSessionWithUser found;
  found.session.token_hash = result->String(0, 0);
  found.session.csrf_token = result->String(0, 2);
  found.user.name = result->String(0, 7);
  found.user.role = result->String(0, 8);
  found.user.password_hash = result->String(0, 9);
  found.user.created_at = result->String(0, 10);
  const std::pair<int, std::int64_t*> integers[] = {
      {1, &found.session.user_id},    {3, &found.session.created_at},
      {4, &found.session.expires_at}, {5, &found.session.last_seen},
      {6, &found.user.id}};
  for (const auto& [column, field] : integers) {
    absl::StatusOr<std::int64_t> value = result->Int64(0, column, what);
    if (!value.ok()) return value.status();
    *field = *value;
  }
  absl::StatusOr<bool> disabled = result->Bool(0, 11, what);
  if (!disabled.ok()) return disabled.status();
  found.user.disabled = *disabled;
  return std::optional<LoginSessionWithUser>(std::move(found));
}

absl::Status PgAccountRecord::TouchLoginSession(std::string_view token_hash, std::int64_t last_seen) {
  if (absl::Status valid = CheckHash(token_hash); !valid.ok()) {
    return InDatabase(connection_, valid);
  }
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<PgResult> touched = connection_.Query(
      "UPDATE login_sessions SET last_seen = $2 WHERE token_hash = $1 AND last_seen < $2",
      token_hash, last_seen);
  if (!touched.ok()) return touched.status();
  return transaction->Commit();
}

absl::Status PgAccountRecord::DeleteLoginSession(std::string_view token_hash) {
  if (absl::Status valid = CheckHash(token_hash); !valid.ok()) {
    return InDatabase(connection_, valid);
  }
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<PgResult> deleted =
      connection_.Query("DELETE FROM login_sessions WHERE token_hash = $1", token_hash);
  if (!deleted.ok()) return deleted.status();
  return transaction->Commit();
}

absl::StatusOr<int> PgAccountRecord::DeleteLoginSessionsOf(std::int64_t user_id) {
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<PgResult> deleted =
      connection_.Query("DELETE FROM login_sessions WHERE user_id = $1 RETURNING 1", user_id);
  if (!deleted.ok()) return deleted.status();
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return deleted->rows();
}

absl::StatusOr<int> PgAccountRecord::DeleteExpiredLoginSessions(std::int64_t now,
                                                           std::int64_t idle_before) {
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<PgResult> deleted = connection_.Query(
      "DELETE FROM login_sessions WHERE expires_at <= $1 OR last_seen < $2 RETURNING 1", now,
      idle_before);
  if (!deleted.ok()) return deleted.status();
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return deleted->rows();
}

// --- the audit log ------------------------------------------------------------------------------

absl::StatusOr<std::int64_t> PgAccountRecord::AppendAudit(const AuditEntry& entry) {
  if (absl::Status valid = CheckAuditEntry(entry); !valid.ok()) {
    return InDatabase(connection_, valid);
  }
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<PgResult> inserted =
      connection_.Query(kInsertAudit, std::nullopt, entry.at.empty() ? Now() : entry.at,
                        entry.who, entry.action, entry.target, entry.detail, entry.client);
  if (!inserted.ok()) return inserted.status();
  absl::StatusOr<std::int64_t> id = inserted->Int64(0, 0, "new audit entry id");
  if (!id.ok()) return id.status();
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return id;
}

absl::StatusOr<std::vector<AuditEntry>> PgAccountRecord::ListAudit(std::int64_t offset,
                                                                   int limit) {
  if (absl::Status valid = CheckAuditPage(offset, limit); !valid.ok()) {
    return InDatabase(connection_, valid);
  }
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<PgResult> result = connection_.Query(
      fmt::format("{} ORDER BY id DESC LIMIT $1 OFFSET $2", SelectAuditSql()), limit, offset);
  if (!result.ok()) return result.status();
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  std::vector<AuditEntry> entries;
  const std::string what = fmt::format("{}: audit_log", connection_.name());
  for (int row = 0; row < result->rows(); ++row) {
    absl::StatusOr<AuditEntry> entry = ReadAudit(*result, row, what);
    if (!entry.ok()) return entry.status();
    entries.push_back(*std::move(entry));
  }
  return entries;
}

absl::StatusOr<std::int64_t> PgAccountRecord::CountAudit() {
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<PgResult> result = connection_.Query("SELECT count(*) FROM audit_log");
  if (!result.ok()) return result.status();
  return result->Int64(0, 0, "audit log count");
}

// --- imports ------------------------------------------------------------------------------------

absl::StatusOr<int> PgAccountRecord::ImportUsers(const std::vector<UserAccount>& users) {
  for (const UserAccount& user : users) {
    if (absl::Status valid = CheckUserAccount(user); !valid.ok()) {
      return InDatabase(connection_, valid);
    }
  }
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  int stored = 0;
  std::int64_t top = 0;
  for (const UserAccount& user : users) {
    absl::StatusOr<std::vector<UserAccount>> held =
        SelectUsers("WHERE u.id = $1 OR u.name_key = $2",
                    {ToPgParam(user.id), ToPgParam(UserNameKey(user.name))});
    if (!held.ok()) return held.status();
    if (!held->empty()) {
      if (held->size() == 1 && SameUser(held->front(), user)) continue;
      return absl::FailedPreconditionError(fmt::format(
          "{}: cannot copy user {} '{}': the destination holds another user under that id or "
          "name; copy into an empty store",
          connection_.name(), user.id, user.name));
    }
    absl::StatusOr<PgResult> inserted = connection_.Query(
        R"sql(
INSERT INTO users (id, name, name_key, role, password_hash, created_at, disabled)
VALUES ($1, $2, $3, $4, $5, $6::timestamptz, $7)
)sql",
        user.id, user.name, UserNameKey(user.name), user.role, user.password_hash,
        user.created_at, user.disabled);
    if (!inserted.ok()) return inserted.status();
    top = std::max(top, user.id);
    ++stored;
  }
  if (top > 0) {
    if (absl::Status s = AdvanceIdentity("users", top); !s.ok()) return s;
  }
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return stored;
}

absl::StatusOr<int> PgAccountRecord::ImportAudit(const std::vector<AuditEntry>& entries) {
  for (const AuditEntry& entry : entries) {
    if (absl::Status valid = CheckAuditEntry(entry); !valid.ok()) {
      return InDatabase(connection_, valid);
    }
  }
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  const std::string select = SelectAuditSql() + " WHERE id = $1";
  const std::string what = fmt::format("{}: audit_log", connection_.name());
  int stored = 0;
  std::int64_t top = 0;
  for (const AuditEntry& entry : entries) {
    absl::StatusOr<PgResult> held = connection_.Query(select, entry.id);
    if (!held.ok()) return held.status();
    if (held->rows() > 0) {
      absl::StatusOr<AuditEntry> there = ReadAudit(*held, 0, what);
      if (!there.ok()) return there.status();
      if (SameAuditEntry(*there, entry)) continue;
      return absl::FailedPreconditionError(fmt::format(
          "{}: cannot copy audit entry {}: the destination holds another entry under that id; "
          "copy into an empty store",
          connection_.name(), entry.id));
    }
    absl::StatusOr<PgResult> inserted =
        connection_.Query(kInsertAudit, entry.id, entry.at, entry.who, entry.action,
                          entry.target, entry.detail, entry.client);
    if (!inserted.ok()) return inserted.status();
    top = std::max(top, entry.id);
    ++stored;
  }
  if (top > 0) {
    if (absl::Status s = AdvanceIdentity("audit_log", top); !s.ok()) return s;
  }
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return stored;
}

}  // namespace tw::store
