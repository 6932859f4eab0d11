// A thin RAII layer over libpq: a connection that owns its PGconn, results that own their
// PGresult, and one way to run SQL with values: parameterised statements ($1, $2, ...) whose
// values travel separately from the SQL text. No user value is ever spliced into SQL; the only
// SQL text this layer runs is written in the store's source.
//
// Every failure becomes an absl::Status naming the database without its password, the
// server's message and the statement that failed:
//   "postgresql://tw@db.example.org:5432/treatywatch: ERROR: duplicate key value violates
//    unique constraint "documents_sha256_key" (in INSERT INTO documents ...)"
// SQLSTATE classes map to meaning: integrity (23) -> FailedPrecondition, data exception (22)
// -> InvalidArgument, serialization failure or deadlock (40) -> Aborted (retry the call),
// connection (08) or server shutdown (57P) -> Unavailable, privileges and authentication (42501,
// 28) -> PermissionDenied, unknown database (3D000) -> NotFound, resources (53) ->
// ResourceExhausted, cancelled by statement_timeout (57014) -> DeadlineExceeded, corruption
// (XX001, XX002) -> DataLoss, anything else -> Internal.
//
// Ownership: a PgResult owns its PGresult and is independent of the connection. Thread safety:
// a connection is used by one thread at a time (Store's contract); results may move freely.
#ifndef TREATYWATCH_STORE_POSTGRES_PG_CONNECTION_H_
#define TREATYWATCH_STORE_POSTGRES_PG_CONNECTION_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

struct pg_conn;
struct pg_result;

namespace tw::store {

// One statement parameter in libpq's text format; nullopt is SQL NULL.
using PgParam = std::optional<std::string>;

inline PgParam ToPgParam(std::nullopt_t) { return std::nullopt; }
inline PgParam ToPgParam(std::string_view value) { return std::string(value); }
inline PgParam ToPgParam(const std::string& value) { return value; }
inline PgParam ToPgParam(const char* value) { return std::string(value); }
inline PgParam ToPgParam(bool value) { return std::string(value ? "t" : "f"); }
template <typename T,
          typename = std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>>>
PgParam ToPgParam(T value) {
  return std::to_string(value);
}
template <typename T>
PgParam ToPgParam(const std::optional<T>& value) {
  return value.has_value() ? ToPgParam(*value) : PgParam();
}

class PgResult {
 public:
  PgResult(PgResult&& other) noexcept;
  PgResult& operator=(PgResult&& other) noexcept;
  PgResult(const PgResult&) = delete;
  PgResult& operator=(const PgResult&) = delete;
  ~PgResult();

  int rows() const;
  bool IsNull(int row, int column) const;
  // The value as the server sent it (text format); empty for NULL.
  std::string_view Text(int row, int column) const;
  std::string String(int row, int column) const { return std::string(Text(row, column)); }
  // Integers and booleans parsed strictly: a value that is not one is DataLoss naming `what`.
  absl::StatusOr<std::int64_t> Int64(int row, int column, std::string_view what) const;
  absl::StatusOr<int> Int(int row, int column, std::string_view what) const;
  absl::StatusOr<bool> Bool(int row, int column, std::string_view what) const;
  absl::StatusOr<double> Double(int row, int column, std::string_view what) const;

 private:
  friend class PgConnection;
  explicit PgResult(pg_result* result) : result_(result) {}

  pg_result* result_ = nullptr;
};

class PgConnection {
 public:
  // Connects to `url` ("postgresql://user[:password]@host[:port]/dbname[?param=value...]",
  // or a libpq key=value string). The URL's own parameters win over these defaults:
  // connect_timeout (so an unreachable server is an error, not a hang) and application_name.
  // client_encoding is always UTF8, and a database whose encoding is not UTF8 is refused:
  // it could not hold the six UN languages.
  static absl::StatusOr<std::unique_ptr<PgConnection>> Open(std::string_view url);
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;
  ~PgConnection();

  static constexpr int kDefaultConnectTimeoutSeconds = 10;

  // Runs constant SQL without parameters; may hold several statements (schema scripts,
  // BEGIN/COMMIT). Never pass text that contains a user value: use Query.
  absl::Status Execute(std::string_view sql);

  // Runs one statement with `params` bound to $1, $2, ... A text value holding a NUL byte
  // is refused (InvalidArgument): PostgreSQL text cannot store it, and libpq would silently cut
  // the value there.
  absl::StatusOr<PgResult> QueryParams(std::string_view sql, const std::vector<PgParam>& params);
  template <typename... Args>
  absl::StatusOr<PgResult> Query(std::string_view sql, const Args&... args) {
    return QueryParams(sql, std::vector<PgParam>{ToPgParam(args)...});
  }

  // Re-establishes a connection the server closed (restart, failover, idle timeout), so a
  // long-lived store survives it; does nothing on a healthy connection. Only called between
  // transactions: a transaction cut by a lost connection fails, it is never silently resumed.
  absl::Status EnsureConnected();
  // False once libpq has seen the connection fail (it learns of a closed socket on use).
  bool connected() const;

  // "postgresql://user@host:port/dbname" — never the password. Used in every message.
  const std::string& name() const { return name_; }

  // The Status for a failure, naming the database, the server's message and `context`.
  absl::Status Error(const pg_result* result, std::string_view context) const;

 private:
  PgConnection(std::string name, pg_conn* connection) : name_(std::move(name)), conn_(connection) {}

  std::string name_;
  pg_conn* conn_ = nullptr;
};

// The database a URL names, for messages: "postgresql://user@host:port/dbname" with any
// password left out. Falls back to "PostgreSQL database" when the URL cannot be parsed.
std::string DescribePostgresUrl(std::string_view url);

// The first characters of `sql` on one line, for error messages.
std::string SqlExcerpt(std::string_view sql);

}  // namespace tw::store

#endif  // TREATYWATCH_STORE_POSTGRES_PG_CONNECTION_H_
