// The backends the store conformance suite runs against, and how each makes a fresh database
// for one test. store_conformance_test.cc is instantiated once per entry of
// StoreBackendsUnderTest(): adding a backend to the suite is adding one entry there.
//
// A TestDatabase is one empty database that exists for one test. Its Open() is the store
// factory the tests use: every call opens a new Store on the same database (a reopen), which
// the tests need for "migrations are idempotent on reopen" and for a forked writer process.
#ifndef TREATYWATCH_TESTS_STORE_STORE_TEST_FACTORY_H_
#define TREATYWATCH_TESTS_STORE_STORE_TEST_FACTORY_H_

#include <filesystem>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "store/store.h"

namespace tw::store::testing {

using StoreFactory = std::function<absl::StatusOr<std::unique_ptr<Store>>()>;

class TestDatabase {
 public:
  virtual ~TestDatabase() = default;  // removes the database
  // A new Store on this database; the first call creates the schema.
  virtual absl::StatusOr<std::unique_ptr<Store>> Open() = 0;
  // Runs constant SQL (one or more statements) on the database without a Store: a test's way
  // to put a database in a state no Store call makes, such as an older schema version.
  virtual absl::Status ExecuteSql(std::string_view sql) = 0;
  StoreFactory Factory() {
    return [this] { return Open(); };
  }
};

struct StoreBackend {
  std::string name;  // a test-name suffix: letters and digits only
  std::function<absl::StatusOr<std::unique_ptr<TestDatabase>>()> create_database;
  std::string skip_reason = {};  // non-empty: unavailable here; its tests skip, saying why
};

std::vector<StoreBackend> StoreBackendsUnderTest();

// Test names and failure messages show the backend by name.
inline void PrintTo(const StoreBackend& backend, std::ostream* out) { *out << backend.name; }

// A new temporary folder, removed (with everything in it) on destruction.
class TempFolder {
 public:
  TempFolder();
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  ~TempFolder();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// SQLite: the database file "store.db" in a new temporary folder.
class SqliteTestDatabase : public TestDatabase {
 public:
  absl::StatusOr<std::unique_ptr<Store>> Open() override;
  absl::Status ExecuteSql(std::string_view sql) override;
  std::filesystem::path file() const { return folder_.path() / "store.db"; }

 private:
  TempFolder folder_;
};

}  // namespace tw::store::testing

#endif  // TREATYWATCH_TESTS_STORE_STORE_TEST_FACTORY_H_
