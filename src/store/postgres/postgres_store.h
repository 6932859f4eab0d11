// The PostgreSQL implementation of Store, for a coalition's shared server: several people and
// several server processes write to one database at once. See store/store.h for the
// guarantees; postgres_store.cc for how concurrent writers are kept apart.
#ifndef TREATYWATCH_STORE_POSTGRES_POSTGRES_STORE_H_
#define TREATYWATCH_STORE_POSTGRES_POSTGRES_STORE_H_

#include <memory>
#include <string_view>

#include "absl/status/statusor.h"
#include "store/store.h"

namespace tw::store {

// Connects to `url` ("postgresql://user[:password]@host[:port]/dbname[?options]") and applies
// pending migrations (pg_migrations.h). Errors name the database without its password.
absl::StatusOr<std::unique_ptr<Store>> OpenPostgresStore(std::string_view url);

}  // namespace tw::store

#endif  // TREATYWATCH_STORE_POSTGRES_POSTGRES_STORE_H_
