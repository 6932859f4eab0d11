#include <string>

#include <fmt/format.h>

#include "store/postgres_store_module.h"
#include "store/sqlite/sqlite_store.h"
#include "store/store.h"

namespace tw::store {
namespace {

bool IsPostgresUrl(std::string_view url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

absl::StatusOr<const PostgresStoreModule*> LoadPostgresModule() {
  absl::StatusOr<const void*> module = ingest::LoadOptionalModule(
      kPostgresStoreModuleFile, kPostgresStoreModuleEntry, "a PostgreSQL database");
  if (!module.ok()) return module.status();
  return static_cast<const PostgresStoreModule*>(*module);
}

}  // namespace

absl::StatusOr<std::unique_ptr<Store>> OpenStore(std::string_view url) {
  if (IsPostgresUrl(url)) {
    absl::StatusOr<const PostgresStoreModule*> module = LoadPostgresModule();
    if (!module.ok()) return module.status();
    return (*module)->open(url);
  }
  std::string_view path = url;
  if (path.starts_with("sqlite:")) path.remove_prefix(7);
  if (path.empty()) return absl::InvalidArgumentError("--db: empty database path");
  return OpenSqliteStore(std::string(path));
}

std::string DescribeStoreUrl(std::string_view url) {
  if (!IsPostgresUrl(url)) return std::string(url);
  // Without the module the URL is not parsed; it may hold a password, so it is not shown.
  absl::StatusOr<const PostgresStoreModule*> module = LoadPostgresModule();
  return module.ok() ? (*module)->describe_url(url) : "PostgreSQL database";
}

}  // namespace tw::store
