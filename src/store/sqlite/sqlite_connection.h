// A thin RAII layer over the SQLite C API: a connection that owns its sqlite3 handle, and
// prepared statements that own their sqlite3_stmt, with bind/step helpers that return Status.
//
// Every SQLite error becomes an absl::Status whose message names the database file, gives
// SQLite's own message and the statement that failed:
//   "/data/tw.db: UNIQUE constraint failed: provisions.document_id, provisions.path
//    (in INSERT INTO provisions ...)"
// Codes map to meaning: constraint -> InvalidArgument, busy/locked/I/O error -> Unavailable,
// read-only or cannot open -> PermissionDenied, corrupt or not a database -> DataLoss, disk
// full or out of memory -> ResourceExhausted, anything else -> Internal.
//
// Ownership: a SqliteStatement borrows its connection, which must outlive it. Thread safety:
// a connection and its statements are used by one thread at a time (the connection is opened
// SQLITE_OPEN_NOMUTEX, matching Store's one-thread contract).
#ifndef TREATYWATCH_STORE_SQLITE_SQLITE_CONNECTION_H_
#define TREATYWATCH_STORE_SQLITE_SQLITE_CONNECTION_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

struct sqlite3;
struct sqlite3_stmt;

namespace tw::store {

class SqliteConnection;

class SqliteStatement {
 public:
  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement& operator=(SqliteStatement&& other) noexcept;
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;
  ~SqliteStatement();

  // Parameters are 1-based, as in SQL's ?1, ?2. Text and blobs are copied by SQLite
  // (SQLITE_TRANSIENT), so arguments may be temporaries.
  absl::Status BindInt64(int index, std::int64_t value);
  absl::Status BindDouble(int index, double value);
  absl::Status BindText(int index, std::string_view value);
  absl::Status BindNull(int index);

  // Binds the arguments to ?1, ?2, ... in order. Accepts integers, doubles, strings,
  // std::nullopt / std::optional<T> (NULL when empty).
  template <typename... Args>
  absl::Status Bind(const Args&... args) {
    int index = 0;
    absl::Status status;
    [[maybe_unused]] auto bind = [&](const auto& arg) {
      if (status.ok()) status = BindOne(++index, arg);
    };
    (bind(args), ...);
    return status;
  }

  // Advances: true when a row is available, false when the statement is done. A done or
  // failed statement is reset, so it can be bound and run again.
  absl::StatusOr<bool> Step();
  // Runs a statement that returns no rows (INSERT, UPDATE, ...) to completion, then resets.
  absl::Status Run();
  // Makes the statement ready for new bindings (reset + clear). Releases any read snapshot a
  // partly read SELECT holds.
  void Reset();

  // Column accessors for the current row; 0-based like sqlite3_column_*.
  std::int64_t ColumnInt64(int column) const;
  int ColumnInt(int column) const;
  double ColumnDouble(int column) const;
  std::string ColumnText(int column) const;
  bool ColumnIsNull(int column) const;

 private:
  friend class SqliteConnection;
  SqliteStatement(SqliteConnection* connection, sqlite3_stmt* statement)
      : connection_(connection), statement_(statement) {}

  absl::Status BindOne(int index, std::nullopt_t) { return BindNull(index); }
  absl::Status BindOne(int index, std::string_view value) { return BindText(index, value); }
  absl::Status BindOne(int index, const std::string& value) { return BindText(index, value); }
  absl::Status BindOne(int index, const char* value) { return BindText(index, value); }
  absl::Status BindOne(int index, double value) { return BindDouble(index, value); }
  template <typename T, typename = std::enable_if_t<std::is_integral_v<T>>>
  absl::Status BindOne(int index, T value) {
    return BindInt64(index, static_cast<std::int64_t>(value));
  }
  template <typename T>
  absl::Status BindOne(int index, const std::optional<T>& value) {
    return value.has_value() ? BindOne(index, *value) : BindNull(index);
  }

  absl::Status Check(int code, std::string_view action) const;
  std::string SqlExcerpt() const;

  SqliteConnection* connection_ = nullptr;
  sqlite3_stmt* statement_ = nullptr;
};

class SqliteConnection {
 public:
  // Opens (creating if needed) the database file read-write, with extended result codes and
  // the busy timeout below. A read-only file or folder is an error here, not at first write.
  static absl::StatusOr<std::unique_ptr<SqliteConnection>> Open(const std::string& path);
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;
  ~SqliteConnection();

  // How long a writer waits for another process's write transaction before giving up.
  static constexpr int kBusyTimeoutMs = 5000;

  // Runs one or more statements that return no rows (schema scripts, PRAGMAs, BEGIN).
  absl::Status Execute(std::string_view sql);
  absl::StatusOr<SqliteStatement> Prepare(std::string_view sql);
  // Runs a single-value query such as "PRAGMA journal_mode=WAL"; NotFound when it yields no row.
  absl::StatusOr<std::string> QueryText(std::string_view sql);
  absl::StatusOr<std::int64_t> QueryInt64(std::string_view sql);

  std::int64_t LastInsertRowid() const;
  // False while a transaction is open.
  bool InAutocommit() const;

  // The Status for SQLite result `code`, naming the file, SQLite's message and `context`.
  absl::Status Error(int code, std::string_view context) const;

  const std::string& path() const { return path_; }
  sqlite3* handle() { return db_; }

 private:
  SqliteConnection(std::string path, sqlite3* db) : path_(std::move(path)), db_(db) {}

  std::string path_;
  sqlite3* db_ = nullptr;
};

}  // namespace tw::store

#endif  // TREATYWATCH_STORE_SQLITE_SQLITE_CONNECTION_H_
