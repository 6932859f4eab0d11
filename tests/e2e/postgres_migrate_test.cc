// End to end: a laptop's SQLite database holding the demo negotiation and every real document
// of the shared corpus (the texts and the official PDF) is moved onto PostgreSQL with the real
// `treatywatch migrate`, then every document shown from both databases must print the same
// JSON, the claims and fact-checks (every revision, the evidence with its re-anchoring state)
// must read the same from both, and a second migrate must copy nothing. The PostgreSQL cases
// skip, saying why, without TW_TEST_POSTGRES_URL.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "postgres_test_database.h"
#include "store/postgres/postgres_store.h"
#include "store/sqlite/sqlite_store.h"
#include "store_test_factchecks.h"

namespace tw::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using nlohmann::json;
using store::testing::PostgresTestDatabase;

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(
        line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) return fields;
    start = tab + 1;
  }
}

// Ingests demo/manifest.tsv in order, with its metadata, as scripts/demo does. Returns the
// number of documents.
int IngestDemo(const fs::path& db) {
  std::ifstream manifest(SourceDir() / "demo" / "manifest.tsv");
  std::string line;
  std::getline(manifest, line);  // header
  int documents = 0;
  while (std::getline(manifest, line)) {
    const std::vector<std::string> f = SplitTabs(line);
    if (f.size() < 8 || f[0].empty()) continue;
    std::vector<std::string> args = {"ingest", (SourceDir() / "demo" / f[0]).string(), "--kind",
                                     f[2]};
    const char* options[] = {"--symbol", nullptr, "--date", "--session", "--author",
                             "--instrument", "--title"};
    for (std::size_t i = 1; i < 8; ++i) {
      if (i == 2 || f[i].empty()) continue;
      args.push_back(options[i - 1]);
      args.push_back(f[i]);
    }
    const RunResult ingested = Tw(db, args);
    EXPECT_EQ(ingested.exit_code, 0) << f[0] << ": " << ingested.err;
    ++documents;
  }
  return documents;
}

// The demo's negotiation record: a user group, sessions with agenda items, the third session's
// transcript split into statements (with their citations), positions and a recorded vote, so that
// every table of the record has rows to copy and verify.
void RecordDemoNegotiation(const fs::path& db) {
  const std::vector<std::vector<std::string>> commands = {
      {"actors", "add-group", "nordic", "Nordic countries", "--member", "Norway", "--member",
       "Denmark", "--member", "Finland", "--member", "Iceland", "--member", "Sweden", "--alias",
       "the Nordics"},
      {"session", "add", "3", "--title", "Third session", "--start", "2025-09-01", "--end",
       "2025-09-12", "--venue", "Vienna", "--agenda-item", "General debate"},
      {"statement", "import", (SourceDir() / "demo/statements/session3-transcript.txt").string(),
       "--session", "3", "--date", "2025-09-01", "--draft", "A/AC.999/3/Rev.1"},
      {"position", "import", (SourceDir() / "demo/negotiation/positions.csv").string()},
      {"vote", "import", (SourceDir() / "demo/negotiation/vote-l2-amend1.csv").string(),
       "--symbol", "A/AC.999/L.2/Amend.1", "--date", "2026-05-06"},
  };
  for (const std::vector<std::string>& command : commands) {
    const RunResult run = Tw(db, command);
    EXPECT_EQ(run.exit_code, 0) << command[0] << ": " << run.err;
  }
}

// The fact-check record, through the Store API (the claims and factcheck commands are the
// lead's): three claims, one on the transcript's first statement, a fact-check quoting the demo
// draft taken draft → in-review → published with a quote re-anchored as changed, and a draft.
store::testing::SampleFactCheckRecord RecordDemoFactChecks(const fs::path& db) {
  absl::StatusOr<std::unique_ptr<store::Store>> laptop = store::OpenSqliteStore(db.string());
  EXPECT_TRUE(laptop.ok()) << laptop.status();
  if (!laptop.ok()) return {};
  absl::StatusOr<doc::Document> draft = (*laptop)->LoadDocument("A/AC.999/3/Rev.1");
  EXPECT_TRUE(draft.ok()) << draft.status();
  absl::StatusOr<std::vector<negotiation::Statement>> statements =
      (*laptop)->ListStatements({});
  EXPECT_TRUE(statements.ok() && !statements->empty()) << statements.status();
  if (!draft.ok() || !statements.ok() || statements->empty()) return {};
  return store::testing::PutSampleFactCheckRecord(**laptop, draft->meta.id,
                                                  statements->front().id);
}

// Every text of the shared corpus and the official PDF, in one batch.
int IngestCorpus(const fs::path& db) {
  std::vector<std::string> args = {"ingest"};
  for (const fs::directory_entry& entry : fs::directory_iterator(CorpusDir())) {
    const std::string ext = entry.path().extension().string();
    if (ext == ".txt" || ext == ".pdf") args.push_back(entry.path().string());
  }
  std::sort(args.begin() + 1, args.end());
  const RunResult ingested = Tw(db, args);
  EXPECT_EQ(ingested.exit_code, 0) << ingested.err;
  return static_cast<int>(args.size()) - 1;
}

json JsonOf(const RunResult& run, const std::string& what) {
  EXPECT_EQ(run.exit_code, 0) << what << ": " << run.err;
  const json parsed = json::parse(run.out, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(parsed.is_discarded()) << what << " printed no JSON: " << run.out;
  return parsed;
}

class PostgresMigrateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::optional<std::string> url = store::testing::PostgresTestUrl();
    if (!url) GTEST_SKIP() << store::testing::kNoPostgresReason;
    absl::StatusOr<std::unique_ptr<PostgresTestDatabase>> database =
        PostgresTestDatabase::Create(*url);
    ASSERT_TRUE(database.ok()) << database.status();
    postgres_ = *std::move(database);
  }

  RunResult Migrate(const fs::path& from, bool as_json) {
    std::vector<std::string> args = {TreatywatchBinary(), "--db", from.string()};
    if (as_json) args.push_back("--json");
    args.insert(args.end(), {"migrate", "--to", postgres_->url()});
    return testing::Run(args);
  }

  TempDir dir_;
  std::unique_ptr<PostgresTestDatabase> postgres_;
};

TEST_F(PostgresMigrateTest, DemoAndCorpusArriveIdenticalAndASecondRunCopiesNothing) {
  const fs::path laptop = dir_ / "laptop.db";
  const int documents = IngestDemo(laptop) + IngestCorpus(laptop);
  ASSERT_GE(documents, 20);
  RecordDemoNegotiation(laptop);
  const store::testing::SampleFactCheckRecord record = RecordDemoFactChecks(laptop);
  ASSERT_NE(record.draft, 0);
  // A team account (and the audit-log line its creation writes) moves with the rest.
  const RunResult user = testing::Run(
      {"/bin/sh", "-c",
       fmt::format("printf '%s\\n' analyst-password-1 | '{}' --db '{}' user add ana --role analyst",
                   TreatywatchBinary(), laptop.string())});
  ASSERT_EQ(user.exit_code, 0) << user.err;

  const json report = JsonOf(Migrate(laptop, true), "migrate");
  EXPECT_EQ(report["verified"], true) << report.dump(2);
  EXPECT_EQ(report["documents"], documents);
  EXPECT_EQ(report["documents_copied"], documents);
  EXPECT_EQ(report["instruments_copied"], 1);  // the demo's convention
  EXPECT_EQ(report["positions_copied"], 247);
  EXPECT_EQ(report["votes_copied"], 1);
  EXPECT_EQ(report["sessions_copied"], 1);
  EXPECT_EQ(report["actors_copied"], 1);
  EXPECT_GE(report["statements_copied"], 5);
  ASSERT_EQ(report["tables"].size(), 22u);
  for (const json& table : report["tables"]) {
    EXPECT_EQ(table["source_rows"], table["destination_rows"]) << table.dump();
    EXPECT_EQ(table["source_sha256"], table["destination_sha256"]) << table.dump();
    if (table["table"] != "instruments") {
      EXPECT_GT(table["source_rows"], 0) << table.dump();
    }
  }

  // What a user sees, from either database, is the same to the byte.
  const fs::path server = postgres_->url();
  const json listed = JsonOf(Tw(laptop, {"--json", "list"}), "list");
  EXPECT_EQ(listed, JsonOf(Tw(server, {"--json", "list"}), "list on PostgreSQL"));
  ASSERT_EQ(listed.size(), static_cast<std::size_t>(documents));
  for (const json& meta : listed) {
    const std::string id = std::to_string(meta["id"].get<std::int64_t>());
    SCOPED_TRACE("document " + id);
    const RunResult from_sqlite = Tw(laptop, {"--json", "show", id});
    const RunResult from_postgres = Tw(server, {"--json", "show", id});
    EXPECT_EQ(JsonOf(from_sqlite, "show"), JsonOf(from_postgres, "show on PostgreSQL"));
    EXPECT_EQ(from_sqlite.out, from_postgres.out);
  }

  // The fact-check record reads the same from both.
  {
    absl::StatusOr<std::unique_ptr<store::Store>> from = store::OpenSqliteStore(laptop.string());
    ASSERT_TRUE(from.ok()) << from.status();
    absl::StatusOr<std::unique_ptr<store::Store>> to = store::OpenPostgresStore(postgres_->url());
    ASSERT_TRUE(to.ok()) << to.status();
    EXPECT_EQ(store::testing::Describe(*(*to)->ListClaims({})),
              store::testing::Describe(*(*from)->ListClaims({})));
    for (std::int64_t id : {record.factcheck, record.draft}) {
      SCOPED_TRACE("fact-check " + std::to_string(id));
      EXPECT_EQ(store::testing::Describe(**(*to)->LoadFactCheck(id)),
                store::testing::Describe(**(*from)->LoadFactCheck(id)));
      EXPECT_EQ(store::testing::Describe(*(*to)->FactCheckHistory(id)),
                store::testing::Describe(*(*from)->FactCheckHistory(id)));
    }
    EXPECT_EQ((*(*to)->FactCheckHistory(record.factcheck)).size(), 3u);
  }

  // Again: nothing to copy, still verified.
  const RunResult again = Migrate(laptop, false);
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_THAT(again.out, HasSubstr(fmt::format("nothing to copy: all {} documents", documents)));
  EXPECT_THAT(again.out, HasSubstr("verified"));
  const json second = JsonOf(Migrate(laptop, true), "second migrate");
  EXPECT_EQ(second["documents_copied"], 0);
  EXPECT_EQ(second["positions_copied"], 0);
  EXPECT_EQ(second["statements_copied"], 0);
  EXPECT_EQ(second["documents_present"], documents);
  EXPECT_EQ(second["verified"], true);
}

TEST_F(PostgresMigrateTest, RefusesADestinationWithOtherContentAndExits2) {
  const fs::path laptop = dir_ / "laptop.db";
  const fs::path other = dir_ / "other.db";
  ASSERT_EQ(Tw(laptop, {"ingest", (SourceDir() / "demo" / "draft1.txt").string()}).exit_code, 0);
  ASSERT_EQ(Tw(other, {"ingest", (SourceDir() / "demo" / "draft2.txt").string()}).exit_code, 0);
  ASSERT_EQ(Migrate(other, false).exit_code, 0);
  const RunResult refused = Migrate(laptop, false);
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_THAT(refused.err, HasSubstr("cannot import document 1"));
  EXPECT_THAT(refused.err, HasSubstr("copy into an empty store"));
}

// Without a server too: the source must exist (SQLite would create an empty one and "copy" it).
TEST(Migrate, MissingSourceIsAnErrorNotAnEmptyCopy) {
  TempDir dir;
  const RunResult run = testing::Run({TreatywatchBinary(), "--db", (dir / "typo.db").string(),
                                      "migrate", "--to", (dir / "copy.db").string()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("typo.db does not exist"));
  EXPECT_FALSE(fs::exists(dir / "typo.db"));
}

// SQLite to SQLite, also without a server: the same verification, the same idempotence.
TEST(Migrate, SqliteToSqliteIsVerifiedAndIdempotent) {
  TempDir dir;
  ASSERT_EQ(IngestDemo(dir / "a.db") > 0, true);
  const std::vector<std::string> migrate = {TreatywatchBinary(), "--db", (dir / "a.db").string(),
                                            "--json", "migrate", "--to",
                                            "sqlite:" + (dir / "b.db").string()};
  const json first = JsonOf(testing::Run(migrate), "migrate");
  EXPECT_EQ(first["verified"], true);
  EXPECT_GT(first["documents_copied"], 0);
  const json second = JsonOf(testing::Run(migrate), "second migrate");
  EXPECT_EQ(second["documents_copied"], 0);
  EXPECT_EQ(second["verified"], true);
}

}  // namespace
}  // namespace tw::testing
