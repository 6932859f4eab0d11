#include "store/sqlite/sqlite_connection.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <utility>

namespace tw::store {
namespace {

absl::StatusCode CodeFor(int result) {
  switch (result & 0xff) {  // the primary code of an extended result code
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_TOOBIG:
    case SQLITE_RANGE:
      return absl::StatusCode::kInvalidArgument;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_PROTOCOL:
    case SQLITE_IOERR:
      return absl::StatusCode::kUnavailable;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
    case SQLITE_CANTOPEN:
      return absl::StatusCode::kPermissionDenied;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_FORMAT:
      return absl::StatusCode::kDataLoss;
    case SQLITE_FULL:
    case SQLITE_NOMEM:
      return absl::StatusCode::kResourceExhausted;
    default:
      return absl::StatusCode::kInternal;
  }
}

// What to tell a user beyond SQLite's own words, for the errors that have a likely cause.
std::string_view Hint(int result) {
  switch (result & 0xff) {
    case SQLITE_CORRUPT:
      return "; the database file is damaged: restore it from a backup, or re-ingest into a new "
             "file";
    case SQLITE_CANTOPEN:
      return "; check that the folder exists and is writable";
    case SQLITE_READONLY:
      return "; the file or its folder is read-only (the store writes the database and its "
             "-wal and -shm files beside it)";
    case SQLITE_BUSY:
      return "; another process kept the database locked for longer than the busy timeout";
    case SQLITE_FULL:
      return "; the disk is full";
    default:
      return "";
  }
}

constexpr std::size_t kSqlExcerptBytes = 60;

std::string Excerpt(std::string_view sql) {
  std::string out;
  for (char c : sql) {
    if (out.size() >= kSqlExcerptBytes) {
      out += "...";
      break;
    }
    const bool space = c == '\n' || c == ' ' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : connection_(std::exchange(other.connection_, nullptr)),
      statement_(std::exchange(other.statement_, nullptr)) {}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(statement_);
    connection_ = std::exchange(other.connection_, nullptr);
    statement_ = std::exchange(other.statement_, nullptr);
  }
  return *this;
}

// sqlite3_finalize only repeats the last step's error, which Step already reported.
SqliteStatement::~SqliteStatement() { sqlite3_finalize(statement_); }

absl::Status SqliteStatement::Check(int code, std::string_view action) const {
  if (code == SQLITE_OK) return absl::OkStatus();
  return connection_->Error(code, fmt::format("{} {}", action, SqlExcerpt()));
}

std::string SqliteStatement::SqlExcerpt() const { return Excerpt(sqlite3_sql(statement_)); }

absl::Status SqliteStatement::BindInt64(int index, std::int64_t value) {
  return Check(sqlite3_bind_int64(statement_, index, value), "binding a value in");
}

absl::Status SqliteStatement::BindDouble(int index, double value) {
  return Check(sqlite3_bind_double(statement_, index, value), "binding a value in");
}

absl::Status SqliteStatement::BindText(int index, std::string_view value) {
  return Check(sqlite3_bind_text64(statement_, index, value.data(), value.size(), SQLITE_TRANSIENT,
                                   SQLITE_UTF8),
               "binding a value in");
}

absl::Status SqliteStatement::BindNull(int index) {
  return Check(sqlite3_bind_null(statement_, index), "binding a value in");
}

absl::StatusOr<bool> SqliteStatement::Step() {
  const int code = sqlite3_step(statement_);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) {
    Reset();
    return false;
  }
  // The message must be read before reset, which may replace it.
  absl::Status error = Check(code, "in");
  Reset();
  return error;
}

absl::Status SqliteStatement::Run() {
  absl::StatusOr<bool> row = Step();
  if (!row.ok()) return row.status();
  if (*row) {
    Reset();
    return absl::InternalError(
        fmt::format("{}: statement returned rows where none were expected "
                    "(in {})",
                    connection_->path(), SqlExcerpt()));
  }
  return absl::OkStatus();
}

void SqliteStatement::Reset() {
  // sqlite3_reset repeats the error of the last step, already reported by Step.
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

std::int64_t SqliteStatement::ColumnInt64(int column) const {
  return sqlite3_column_int64(statement_, column);
}

int SqliteStatement::ColumnInt(int column) const { return sqlite3_column_int(statement_, column); }

double SqliteStatement::ColumnDouble(int column) const {
  return sqlite3_column_double(statement_, column);
}

std::string SqliteStatement::ColumnText(int column) const {
  const unsigned char* text = sqlite3_column_text(statement_, column);
  if (text == nullptr) return {};
  const int size = sqlite3_column_bytes(statement_, column);
  return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
}

bool SqliteStatement::ColumnIsNull(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

absl::StatusOr<std::unique_ptr<SqliteConnection>> SqliteConnection::Open(const std::string& path) {
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int code = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  // The handle exists even on failure (unless out of memory) and must be closed.
  std::unique_ptr<SqliteConnection> connection(new SqliteConnection(path, db));
  if (db == nullptr) {
    return absl::ResourceExhaustedError(
        fmt::format("{}: out of memory opening the database", path));
  }
  if (code != SQLITE_OK) return connection->Error(code, "opening the database");
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  // Defensive mode refuses the few SQL features that can corrupt a database on purpose
  // (writable_schema and the like); the store never needs them.
  sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  // SQLite silently falls back to read-only when the file is not writable; the store writes,
  // so say so now rather than at the first ingest.
  if (sqlite3_db_readonly(db, "main") == 1) {
    return absl::PermissionDeniedError(fmt::format(
        "{}: the database file is read-only; the store needs to write it (and its -wal and -shm "
        "files beside it)",
        path));
  }
  return connection;
}

SqliteConnection::~SqliteConnection() {
  // Statements are owned elsewhere and finalized before the connection by construction;
  // sqlite3_close_v2 defers the close until they are, instead of failing.
  sqlite3_close_v2(db_);
}

absl::Status SqliteConnection::Error(int code, std::string_view context) const {
  // sqlite3_errmsg describes the most recent failure on this handle; fall back to the generic
  // text for the code when the handle has nothing better (e.g. a failed open).
  std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
  if (message.empty() || message == "not an error") message = sqlite3_errstr(code);
  if ((code & 0xff) == SQLITE_NOTADB) {
    return absl::DataLossError(
        fmt::format("{}: not an SQLite database, or an encrypted or damaged one (SQLite: {}; {})",
                    path_, message, context));
  }
  return absl::Status(CodeFor(code),
                      fmt::format("{}: {}{} ({})", path_, message, Hint(code), context));
}

absl::Status SqliteConnection::Execute(std::string_view sql) {
  const std::string script(sql);
  char* message = nullptr;
  const int code = sqlite3_exec(db_, script.c_str(), nullptr, nullptr, &message);
  sqlite3_free(message);  // the same text sqlite3_errmsg gives, which Error reads
  if (code != SQLITE_OK) return Error(code, fmt::format("in {}", Excerpt(sql)));
  return absl::OkStatus();
}

absl::StatusOr<SqliteStatement> SqliteConnection::Prepare(std::string_view sql) {
  sqlite3_stmt* statement = nullptr;
  const int code =
      sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &statement, nullptr);
  if (code != SQLITE_OK) {
    sqlite3_finalize(statement);
    return Error(code, fmt::format("preparing {}", Excerpt(sql)));
  }
  if (statement == nullptr) {
    return absl::InternalError(fmt::format("{}: empty statement", path_));
  }
  return SqliteStatement(this, statement);
}

absl::StatusOr<std::string> SqliteConnection::QueryText(std::string_view sql) {
  absl::StatusOr<SqliteStatement> statement = Prepare(sql);
  if (!statement.ok()) return statement.status();
  absl::StatusOr<bool> row = statement->Step();
  if (!row.ok()) return row.status();
  if (!*row) return absl::NotFoundError(fmt::format("{}: no result from {}", path_, Excerpt(sql)));
  return statement->ColumnText(0);
}

absl::StatusOr<std::int64_t> SqliteConnection::QueryInt64(std::string_view sql) {
  absl::StatusOr<SqliteStatement> statement = Prepare(sql);
  if (!statement.ok()) return statement.status();
  absl::StatusOr<bool> row = statement->Step();
  if (!row.ok()) return row.status();
  if (!*row) return absl::NotFoundError(fmt::format("{}: no result from {}", path_, Excerpt(sql)));
  return statement->ColumnInt64(0);
}

std::int64_t SqliteConnection::LastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }

bool SqliteConnection::InAutocommit() const { return sqlite3_get_autocommit(db_) != 0; }

}  // namespace tw::store
