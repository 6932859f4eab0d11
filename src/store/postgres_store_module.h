// The PostgreSQL store as an optional module (ingest/optional_module.h): libpq and the ≈ 25
// Kerberos, LDAP and TLS libraries it brings load only when a postgresql:// URL is opened.
// postgres/postgres_store_module.cc is the module's entry (built as
// lib/treatywatch/libtw_store_postgres.so, with postgres/ linked in); OpenStore and
// DescribeStoreUrl (store.h) load it on first use.
#ifndef TREATYWATCH_STORE_POSTGRES_STORE_MODULE_H_
#define TREATYWATCH_STORE_POSTGRES_STORE_MODULE_H_

#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "ingest/optional_module.h"
#include "store/store.h"

namespace tw::store {

struct PostgresStoreModule {
  int abi = ingest::kOptionalModuleAbi;  // first member, checked by LoadOptionalModule
  // OpenPostgresStore and DescribePostgresUrl (postgres/postgres_store.h, pg_connection.h).
  absl::StatusOr<std::unique_ptr<Store>> (*open)(std::string_view url) = nullptr;
  std::string (*describe_url)(std::string_view url) = nullptr;
};

inline constexpr std::string_view kPostgresStoreModuleFile = "libtw_store_postgres.so";
inline constexpr std::string_view kPostgresStoreModuleEntry = "TwPostgresStoreModule";

}  // namespace tw::store

// The module's entry: its PostgresStoreModule table.
extern "C" const void* TwPostgresStoreModule();

#endif  // TREATYWATCH_STORE_POSTGRES_STORE_MODULE_H_
