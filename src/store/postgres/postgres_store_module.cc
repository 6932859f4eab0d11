// The PostgreSQL store module's entry (store/postgres_store_module.h).
#include "store/postgres/pg_connection.h"
#include "store/postgres/postgres_store.h"
#include "store/postgres_store_module.h"

extern "C" const void* TwPostgresStoreModule() {
  static const tw::store::PostgresStoreModule kModule{tw::ingest::kOptionalModuleAbi,
                                                      &tw::store::OpenPostgresStore,
                                                      &tw::store::DescribePostgresUrl};
  return &kModule;
}
