// The SQLite implementation of Store: one database file, WAL journal, foreign keys on, FTS5
// index over provision text. See store/store.h for the guarantees.
#ifndef TREATYWATCH_STORE_SQLITE_SQLITE_STORE_H_
#define TREATYWATCH_STORE_SQLITE_SQLITE_STORE_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "store/store.h"

namespace tw::store {

// Opens or creates the database at `path` and applies pending migrations in one transaction.
absl::StatusOr<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path);

}  // namespace tw::store

#endif  // TREATYWATCH_STORE_SQLITE_SQLITE_STORE_H_
