#include "store/postgres/pg_connection.h"

#include <libpq-fe.h>

#include <charconv>
#include <limits>
#include <cstdlib>
#include <utility>

#include <fmt/format.h>

namespace tw::store {
namespace {

constexpr std::size_t kSqlExcerptChars = 80;

std::string TrimTrailingSpace(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

absl::StatusCode CodeForSqlState(std::string_view state) {
  if (state.size() != 5) return absl::StatusCode::kInternal;
  const std::string_view cls = state.substr(0, 2);
  if (state == "3D000") return absl::StatusCode::kNotFound;
  if (state == "42501" || cls == "28") return absl::StatusCode::kPermissionDenied;
  if (state == "57014") return absl::StatusCode::kDeadlineExceeded;
  if (state == "XX001" || state == "XX002") return absl::StatusCode::kDataLoss;
  if (cls == "23") return absl::StatusCode::kFailedPrecondition;
  if (cls == "22") return absl::StatusCode::kInvalidArgument;
  if (cls == "40") return absl::StatusCode::kAborted;
  if (cls == "08" || state.substr(0, 3) == "57P") return absl::StatusCode::kUnavailable;
  if (cls == "53") return absl::StatusCode::kResourceExhausted;
  return absl::StatusCode::kInternal;
}

// The connection parameters libpq would use for `url`, or nullptr when it cannot parse it.
struct ConninfoDeleter {
  void operator()(PQconninfoOption* options) const { PQconninfoFree(options); }
};
using Conninfo = std::unique_ptr<PQconninfoOption, ConninfoDeleter>;

Conninfo ParseConninfo(std::string_view url) {
  char* error = nullptr;
  Conninfo options(PQconninfoParse(std::string(url).c_str(), &error));
  if (error != nullptr) PQfreemem(error);
  return options;
}

std::string NameFrom(std::string_view user, std::string_view host, std::string_view port,
                     std::string_view dbname) {
  std::string name = "postgresql://";
  if (!user.empty()) name += fmt::format("{}@", user);
  name += host.empty() ? "localhost" : host;
  if (!port.empty()) name += fmt::format(":{}", port);
  name += fmt::format("/{}", dbname.empty() ? user : dbname);
  return name;
}

// Server notices ("text-search query contains only stop words", ...) have no reader here: a
// command's outcome is its result. Without this libpq would print them on stderr.
void IgnoreNotice(void*, const char*) {}

// libpq's complaints about a URL quote it, password and all; keep neither in a message.
std::string Redacted(std::string message, std::string_view url) {
  const auto erase_all = [&](std::string_view secret) {
    if (secret.empty()) return;
    for (std::size_t at = message.find(secret); at != std::string::npos;
         at = message.find(secret, at)) {
      message.replace(at, secret.size(), "...");
    }
  };
  erase_all(url);
  const std::size_t scheme = url.find("://");
  const std::size_t at = url.rfind('@');
  if (scheme != std::string_view::npos && at != std::string_view::npos && at > scheme) {
    const std::string_view userinfo = url.substr(scheme + 3, at - scheme - 3);
    const std::size_t colon = userinfo.find(':');
    if (colon != std::string_view::npos) erase_all(userinfo.substr(colon + 1));
  }
  return message;
}

}  // namespace

std::string SqlExcerpt(std::string_view sql) {
  std::string out;
  bool space = false;
  for (char c : sql) {
    if (out.size() >= kSqlExcerptChars) {
      out += "...";
      break;
    }
    if (c == '\n' || c == ' ' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string DescribePostgresUrl(std::string_view url) {
  Conninfo options = ParseConninfo(url);
  if (!options) return "PostgreSQL database";
  std::string user, host, port, dbname;
  for (const PQconninfoOption* option = options.get(); option->keyword != nullptr; ++option) {
    if (option->val == nullptr) continue;
    const std::string_view keyword = option->keyword;
    if (keyword == "user") user = option->val;
    if (keyword == "host" || (keyword == "hostaddr" && host.empty())) host = option->val;
    if (keyword == "port") port = option->val;
    if (keyword == "dbname") dbname = option->val;
  }
  return NameFrom(user, host, port, dbname);
}

PgResult::PgResult(PgResult&& other) noexcept : result_(std::exchange(other.result_, nullptr)) {}

PgResult& PgResult::operator=(PgResult&& other) noexcept {
  if (this != &other) {
    if (result_ != nullptr) PQclear(result_);
    result_ = std::exchange(other.result_, nullptr);
  }
  return *this;
}

PgResult::~PgResult() {
  if (result_ != nullptr) PQclear(result_);
}

int PgResult::rows() const { return PQntuples(result_); }

bool PgResult::IsNull(int row, int column) const { return PQgetisnull(result_, row, column) == 1; }

std::string_view PgResult::Text(int row, int column) const {
  return std::string_view(PQgetvalue(result_, row, column),
                          static_cast<std::size_t>(PQgetlength(result_, row, column)));
}

absl::StatusOr<std::int64_t> PgResult::Int64(int row, int column, std::string_view what) const {
  const std::string_view text = Text(row, column);
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (IsNull(row, column) || error != std::errc() || end != text.data() + text.size()) {
    return absl::DataLossError(fmt::format("{}: '{}' is not an integer", what, text));
  }
  return value;
}

absl::StatusOr<int> PgResult::Int(int row, int column, std::string_view what) const {
  absl::StatusOr<std::int64_t> value = Int64(row, column, what);
  if (!value.ok()) return value.status();
  if (*value < std::numeric_limits<int>::min() || *value > std::numeric_limits<int>::max()) {
    return absl::DataLossError(fmt::format("{}: {} is out of range", what, *value));
  }
  return static_cast<int>(*value);
}

absl::StatusOr<bool> PgResult::Bool(int row, int column, std::string_view what) const {
  const std::string_view text = Text(row, column);
  if (!IsNull(row, column) && text == "t") return true;
  if (!IsNull(row, column) && text == "f") return false;
  return absl::DataLossError(fmt::format("{}: '{}' is not a boolean", what, text));
}

absl::StatusOr<double> PgResult::Double(int row, int column, std::string_view what) const {
  const std::string text(Text(row, column));
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (IsNull(row, column) || text.empty() || end != text.c_str() + text.size()) {
    return absl::DataLossError(fmt::format("{}: '{}' is not a number", what, text));
  }
  return value;
}

absl::StatusOr<std::unique_ptr<PgConnection>> PgConnection::Open(std::string_view url) {
  const std::string described = DescribePostgresUrl(url);
  char* parse_error = nullptr;
  Conninfo parsed(PQconninfoParse(std::string(url).c_str(), &parse_error));
  if (!parsed) {
    std::string why =
        parse_error != nullptr ? Redacted(TrimTrailingSpace(parse_error), url) : "out of memory";
    if (parse_error != nullptr) PQfreemem(parse_error);
    return absl::InvalidArgumentError(
        fmt::format("{}: not a valid PostgreSQL URL: {}", described, why));
  }
  // Earlier entries are defaults the expanded URL (dbname) overrides; later ones are forced.
  const std::string timeout = std::to_string(kDefaultConnectTimeoutSeconds);
  const std::string url_text(url);
  const char* const keywords[] = {"connect_timeout", "fallback_application_name", "dbname",
                                  "client_encoding", nullptr};
  const char* const values[] = {timeout.c_str(), "treatywatch", url_text.c_str(), "UTF8",
                                nullptr};
  pg_conn* connection = PQconnectdbParams(keywords, values, /*expand_dbname=*/1);
  if (connection == nullptr) {
    return absl::ResourceExhaustedError(fmt::format("{}: out of memory connecting", described));
  }
  if (PQstatus(connection) != CONNECTION_OK) {
    std::string why = Redacted(TrimTrailingSpace(PQerrorMessage(connection)), url);
    PQfinish(connection);
    absl::StatusCode code = absl::StatusCode::kUnavailable;
    if (why.find("does not exist") != std::string::npos) code = absl::StatusCode::kNotFound;
    if (why.find("authentication") != std::string::npos ||
        why.find("password") != std::string::npos) {
      code = absl::StatusCode::kPermissionDenied;
    }
    return absl::Status(code, fmt::format("{}: cannot connect: {}", described, why));
  }
  PQsetNoticeProcessor(connection, IgnoreNotice, nullptr);
  const auto text_or_empty = [](const char* text) { return text == nullptr ? "" : text; };
  std::string name = NameFrom(text_or_empty(PQuser(connection)), text_or_empty(PQhost(connection)),
                              text_or_empty(PQport(connection)), text_or_empty(PQdb(connection)));
  std::unique_ptr<PgConnection> opened(new PgConnection(std::move(name), connection));

  const char* encoding = PQparameterStatus(connection, "server_encoding");
  if (encoding == nullptr || std::string_view(encoding) != "UTF8") {
    return absl::FailedPreconditionError(fmt::format(
        "{}: the database encoding is {}, but treatywatch stores text in all six UN languages "
        "and needs UTF8 (create the database with ENCODING 'UTF8')",
        opened->name(), encoding == nullptr ? "unknown" : encoding));
  }
  return opened;
}

PgConnection::~PgConnection() {
  if (conn_ != nullptr) PQfinish(conn_);
}

bool PgConnection::connected() const { return PQstatus(conn_) == CONNECTION_OK; }

absl::Status PgConnection::EnsureConnected() {
  if (PQstatus(conn_) == CONNECTION_OK) return absl::OkStatus();
  PQreset(conn_);
  if (PQstatus(conn_) == CONNECTION_OK) return absl::OkStatus();
  return absl::UnavailableError(fmt::format("{}: connection lost and cannot reconnect: {}", name_,
                                            TrimTrailingSpace(PQerrorMessage(conn_))));
}

absl::Status PgConnection::Error(const pg_result* result, std::string_view context) const {
  const char* state = result == nullptr ? nullptr : PQresultErrorField(result, PG_DIAG_SQLSTATE);
  const char* primary =
      result == nullptr ? nullptr : PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
  std::string message =
      primary != nullptr ? std::string(primary) : TrimTrailingSpace(PQerrorMessage(conn_));
  if (const char* detail =
          result == nullptr ? nullptr : PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL)) {
    message += fmt::format(": {}", detail);
  }
  if (const char* hint =
          result == nullptr ? nullptr : PQresultErrorField(result, PG_DIAG_MESSAGE_HINT)) {
    message += fmt::format(" (hint: {})", hint);
  }
  absl::StatusCode code =
      state != nullptr ? CodeForSqlState(state) : absl::StatusCode::kUnavailable;
  if (state == nullptr && PQstatus(conn_) == CONNECTION_OK) code = absl::StatusCode::kInternal;
  return absl::Status(code, fmt::format("{}: {} (in {})", name_, message, context));
}

absl::Status PgConnection::Execute(std::string_view sql) {
  PgResult result(PQexec(conn_, std::string(sql).c_str()));
  const ExecStatusType status = PQresultStatus(result.result_);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return absl::OkStatus();
  return Error(result.result_, SqlExcerpt(sql));
}

absl::StatusOr<PgResult> PgConnection::QueryParams(std::string_view sql,
                                                   const std::vector<PgParam>& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (!params[i].has_value()) {
      values.push_back(nullptr);
      continue;
    }
    if (params[i]->find('\0') != std::string::npos) {
      return absl::InvalidArgumentError(fmt::format(
          "{}: parameter ${} holds a NUL byte, which PostgreSQL text cannot store (in {})", name_,
          i + 1, SqlExcerpt(sql)));
    }
    values.push_back(params[i]->c_str());
  }
  PgResult result(PQexecParams(conn_, std::string(sql).c_str(), static_cast<int>(values.size()),
                               nullptr, values.data(), nullptr, nullptr, /*resultFormat=*/0));
  const ExecStatusType status = PQresultStatus(result.result_);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return result;
  return Error(result.result_, SqlExcerpt(sql));
}

}  // namespace tw::store
