#include <string>

#include "absl/strings/match.h"
#include <fmt/format.h>
#include "store/sqlite/sqlite_store.h"
#include "store/store.h"

namespace tw::store {

absl::StatusOr<std::unique_ptr<Store>> OpenStore(std::string_view url) {
  if (absl::StartsWith(url, "postgresql://") || absl::StartsWith(url, "postgres://")) {
    return absl::UnimplementedError(
        fmt::format("{}: PostgreSQL support is not built into this treatywatch", url));
  }
  std::string_view path = url;
  if (absl::StartsWith(path, "sqlite:")) path.remove_prefix(7);
  if (path.empty()) return absl::InvalidArgumentError("--db: empty database path");
  return OpenSqliteStore(std::string(path));
}

}  // namespace tw::store
