// The SQLite implementation of Store: one database file, WAL journal, foreign keys on, FTS5
// index over provision text. See store/store.h for the guarantees, store/document_lookup.h
// for how LoadDocument resolves ids and symbols (several documents with one symbol: the most
// recently stored), store/search_syntax.h for the search language, and sqlite_migrations.cc
// for the schema. Every error message starts with the database path.
#ifndef TREATYWATCH_STORE_SQLITE_SQLITE_STORE_H_
#define TREATYWATCH_STORE_SQLITE_SQLITE_STORE_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "store/store.h"

namespace tw::store {

// Opens or creates the database at `path` and applies pending migrations in one transaction.
// Refuses, naming the file: a folder that does not exist or cannot be written, a read-only
// file, a file that is not an SQLite database, another program's database, and a database
// whose schema is newer than this binary's.
absl::StatusOr<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path);

}  // namespace tw::store

#endif  // TREATYWATCH_STORE_SQLITE_SQLITE_STORE_H_
