#include <string>

#include <fmt/format.h>

#include "store/postgres/pg_connection.h"
#include "store/postgres/postgres_store.h"
#include "store/sqlite/sqlite_store.h"
#include "store/store.h"

namespace tw::store {
namespace {

bool IsPostgresUrl(std::string_view url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

}  // namespace

absl::StatusOr<std::unique_ptr<Store>> OpenStore(std::string_view url) {
  if (IsPostgresUrl(url)) return OpenPostgresStore(url);
  std::string_view path = url;
  if (path.starts_with("sqlite:")) path.remove_prefix(7);
  if (path.empty()) return absl::InvalidArgumentError("--db: empty database path");
  return OpenSqliteStore(std::string(path));
}

std::string DescribeStoreUrl(std::string_view url) {
  return IsPostgresUrl(url) ? DescribePostgresUrl(url) : std::string(url);
}

}  // namespace tw::store
