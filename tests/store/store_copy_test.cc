// Copying a store into another (store/store_copy.h) between every pair of backends, and the Store
// methods it rests on (ImportInstrument, ImportDocument, ImportStatements, ImportPositions,
// ImportClaims, ImportFactCheck, DigestTables): ids, versions and ingest times survive, the
// negotiation and fact-check records arrive whole and come back whole, a second copy copies
// nothing, a destination with other content is refused, and the digests tell equal content from
// different content. Pairs with an unavailable backend skip, saying why.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "store/content_digest.h"
#include "store/store_copy.h"
#include "factcheck/verdict_scale.h"
#include "store_test_documents.h"
#include "store_test_factchecks.h"
#include "store_test_factory.h"
#include "store_test_negotiation.h"

namespace tw::store::testing {
namespace {

using ::testing::HasSubstr;

struct BackendPair {
  StoreBackend from;
  StoreBackend to;
};

// Test names and failure messages show the pair by name.
void PrintTo(const BackendPair& pair, std::ostream* out) {
  *out << pair.from.name << " to " << pair.to.name;
}

std::vector<BackendPair> AllPairs() {
  std::vector<BackendPair> pairs;
  for (const StoreBackend& from : StoreBackendsUnderTest()) {
    for (const StoreBackend& to : StoreBackendsUnderTest()) pairs.push_back({from, to});
  }
  return pairs;
}

class StoreCopyTest : public ::testing::TestWithParam<BackendPair> {
 protected:
  void SetUp() override {
    for (const StoreBackend* backend : {&GetParam().from, &GetParam().to}) {
      if (!backend->skip_reason.empty()) GTEST_SKIP() << backend->skip_reason;
    }
    absl::StatusOr<std::unique_ptr<TestDatabase>> from = GetParam().from.create_database();
    ASSERT_TRUE(from.ok()) << from.status();
    absl::StatusOr<std::unique_ptr<TestDatabase>> to = GetParam().to.create_database();
    ASSERT_TRUE(to.ok()) << to.status();
    from_database_ = *std::move(from);
    to_database_ = *std::move(to);
    absl::StatusOr<std::unique_ptr<Store>> source = from_database_->Open();
    ASSERT_TRUE(source.ok()) << source.status();
    absl::StatusOr<std::unique_ptr<Store>> destination = to_database_->Open();
    ASSERT_TRUE(destination.ok()) << destination.status();
    source_ = *std::move(source);
    destination_ = *std::move(destination);
  }

  // Two instruments with interleaved drafts, documents outside any chain, every field set.
  std::vector<PutResult> FillSource() {
    std::vector<PutResult> puts;
    for (int i = 0; i < 7; ++i) {
      doc::Document document = i == 0 ? MakeSampleConvention("A/AC.291/22", "sample")
                                      : MakeCountedDocument(10 + i, fmt::format("copy-{}", i));
      if (i > 0) document.meta.symbol = fmt::format("X/{}", i);
      if (i % 3 == 1) document.meta.instrument = "Convention X";
      if (i % 3 == 2) document.meta.instrument = "Protocol Y";
      if (i == 4) document.meta.authors = {"Chair", "Ghana"};
      absl::StatusOr<PutResult> put = source_->PutDocument(document);
      EXPECT_TRUE(put.ok()) << put.status();
      if (put.ok()) puts.push_back(*put);
    }
    return puts;
  }

  StoreCopyReport Copy() {
    absl::StatusOr<StoreCopyReport> report = CopyStore(*source_, *destination_);
    EXPECT_TRUE(report.ok()) << report.status();
    return report.ok() ? *std::move(report) : StoreCopyReport{};
  }

  std::unique_ptr<TestDatabase> from_database_;  // declared first: outlive the stores
  std::unique_ptr<TestDatabase> to_database_;
  std::unique_ptr<Store> source_;
  std::unique_ptr<Store> destination_;
};

TEST_P(StoreCopyTest, CopiesEveryDocumentWithIdsVersionsAndIngestTimes) {
  FillSource();
  const StoreCopyReport report = Copy();
  EXPECT_EQ(report.documents, 7);
  EXPECT_EQ(report.documents_copied, 7);
  EXPECT_EQ(report.documents_present, 0);
  EXPECT_EQ(report.instruments, 3);  // the sample convention's, Convention X, Protocol Y
  EXPECT_EQ(report.instruments_copied, 3);
  EXPECT_TRUE(report.Verified());
  ASSERT_EQ(report.tables.size(), 22u);  // every table of schema 5, users and audit log included
  EXPECT_EQ(report.tables[0].source.table, "documents");
  EXPECT_EQ(report.tables[0].destination.rows, 7);

  const std::vector<doc::DocumentMeta> metas = *source_->ListDocuments();
  for (const doc::DocumentMeta& meta : metas) {
    SCOPED_TRACE(fmt::format("document {}", meta.id));
    const doc::Document original = *source_->LoadDocument(std::to_string(meta.id));
    absl::StatusOr<doc::Document> copy = destination_->LoadDocument(std::to_string(meta.id));
    ASSERT_TRUE(copy.ok()) << copy.status();
    ExpectSameDocument(original, *copy);
    EXPECT_EQ(copy->meta.id, meta.id);
    EXPECT_EQ(copy->meta.version, meta.version);
    EXPECT_EQ(copy->meta.ingested_at, meta.ingested_at);
  }
  const std::vector<InstrumentInfo> from = *source_->ListInstruments();
  const std::vector<InstrumentInfo> to = *destination_->ListInstruments();
  ASSERT_EQ(from.size(), to.size());
  for (std::size_t i = 0; i < from.size(); ++i) {
    EXPECT_EQ(from[i].id, to[i].id);
    EXPECT_EQ(from[i].name, to[i].name);
    EXPECT_EQ(from[i].versions, to[i].versions);
  }
  // The copy searches like the source.
  const std::vector<SearchHit> hits = *destination_->Search({"safeguards", std::nullopt, 20});
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits.front().citation, "Art. 24, A/AC.291/22");

  // New writes to the copy continue where the source left off: a fresh id, the next version.
  doc::Document next = MakeCountedDocument(3, "after the copy");
  next.meta.instrument = "Convention X";
  absl::StatusOr<PutResult> put = destination_->PutDocument(next);
  ASSERT_TRUE(put.ok()) << put.status();
  EXPECT_GT(put->id, metas.back().id);
  EXPECT_EQ(put->version, from[0].versions + 1);
  doc::Document new_instrument = MakeCountedDocument(3, "new instrument");
  new_instrument.meta.instrument = "Protocol Z";
  ASSERT_TRUE(destination_->PutDocument(new_instrument).ok());
}

TEST_P(StoreCopyTest, SecondCopyCopiesNothing) {
  FillSource();
  Copy();
  const StoreCopyReport again = Copy();
  EXPECT_EQ(again.documents_copied, 0);
  EXPECT_EQ(again.documents_present, 7);
  EXPECT_EQ(again.instruments_copied, 0);
  EXPECT_TRUE(again.Verified());
}

TEST_P(StoreCopyTest, AnInterruptedCopyIsCompletedByTheNextRun) {
  const std::vector<PutResult> puts = FillSource();
  // As if a first run stopped after three documents (each import is its own transaction).
  const std::vector<InstrumentInfo> instruments = *source_->ListInstruments();
  for (const InstrumentInfo& instrument : instruments) {
    ASSERT_TRUE(destination_->ImportInstrument(instrument).ok());
  }
  for (std::size_t i = 0; i < 3; ++i) {
    const doc::Document document = *source_->LoadDocument(std::to_string(puts[i].id));
    ASSERT_TRUE(destination_->ImportDocument(document).ok());
  }
  const StoreCopyReport report = Copy();
  EXPECT_EQ(report.documents_copied, 4);
  EXPECT_EQ(report.documents_present, 3);
  EXPECT_TRUE(report.Verified());
}

TEST_P(StoreCopyTest, RefusesADestinationHoldingOtherDocuments) {
  FillSource();
  ASSERT_TRUE(destination_->PutDocument(MakeCountedDocument(5, "someone else's")).ok());
  absl::StatusOr<StoreCopyReport> report = CopyStore(*source_, *destination_);
  EXPECT_EQ(report.status().code(), absl::StatusCode::kFailedPrecondition) << report.status();
  EXPECT_THAT(std::string(report.status().message()), HasSubstr("cannot import document 1"));
  EXPECT_THAT(std::string(report.status().message()), HasSubstr("copy into an empty store"));
  EXPECT_EQ(destination_->ListDocuments()->size(), 1u);
}

TEST_P(StoreCopyTest, RefusesAnInstrumentIdTakenByAnotherInstrument) {
  FillSource();
  ASSERT_TRUE(*destination_->ImportInstrument({1, "Another treaty", 0}));
  absl::StatusOr<StoreCopyReport> report = CopyStore(*source_, *destination_);
  EXPECT_EQ(report.status().code(), absl::StatusCode::kFailedPrecondition) << report.status();
  EXPECT_THAT(std::string(report.status().message()), HasSubstr("'Another treaty'"));
  EXPECT_FALSE(*destination_->ImportInstrument({1, "Another treaty", 0}));  // present already
}

TEST_P(StoreCopyTest, DigestsSeeEveryDifference) {
  FillSource();
  Copy();
  // An extra document in the destination: every table it has rows in differs.
  doc::Document extra = MakeSampleConvention("A/AC.291/EXTRA", "extra");
  extra.meta.instrument = "";
  ASSERT_TRUE(destination_->PutDocument(extra).ok());
  absl::StatusOr<std::vector<TableDigest>> from = source_->DigestTables();
  absl::StatusOr<std::vector<TableDigest>> to = destination_->DigestTables();
  ASSERT_TRUE(from.ok() && to.ok());
  ASSERT_EQ(from->size(), to->size());
  std::vector<std::string> differing;
  for (std::size_t i = 0; i < from->size(); ++i) {
    EXPECT_EQ((*from)[i].table, (*to)[i].table);
    if ((*from)[i].sha256 != (*to)[i].sha256) differing.push_back((*from)[i].table);
  }
  EXPECT_EQ(differing, (std::vector<std::string>{"documents", "provisions", "cross_references",
                                                 "parse_warnings", "document_authors"}));
  const StoreCopyReport report = Copy();
  EXPECT_FALSE(report.Verified());
}

// Everything the lead's `treatywatch migrate` moves: documents, the negotiation record and the
// fact-check record, to the other backend and back into a fresh store of the first, the digests
// equal at each step.
TEST_P(StoreCopyTest, CopiesTheNegotiationAndFactCheckRecordsThereAndBack) {
  const std::vector<PutResult> puts = FillSource();
  ASSERT_FALSE(puts.empty());
  PutSampleRecord(*source_, puts[0].id);
  const std::int64_t statement = source_->ListStatements({})->front().id;
  const SampleFactCheckRecord record = PutSampleFactCheckRecord(*source_, puts[0].id, statement);
  const StoreCopyReport report = Copy();
  EXPECT_TRUE(report.Verified());
  EXPECT_EQ(report.actors, 2);
  EXPECT_EQ(report.actors_copied, 2);
  EXPECT_EQ(report.sessions, 3);
  EXPECT_EQ(report.sessions_copied, 3);
  EXPECT_EQ(report.statements, 4);
  EXPECT_EQ(report.statements_copied, 4);
  EXPECT_EQ(report.positions, 5);
  EXPECT_EQ(report.positions_copied, 5);
  EXPECT_EQ(report.votes, 2);
  EXPECT_EQ(report.votes_copied, 2);
  EXPECT_EQ(report.claims, 3);
  EXPECT_EQ(report.claims_copied, 3);
  EXPECT_EQ(report.factchecks, 2);
  EXPECT_EQ(report.factchecks_copied, 2);
  for (const TableComparison& table : report.tables) {
    // Accounts and the audit log are copied by account_store_test's own record.
    if (table.source.table == "users" || table.source.table == "audit_log") continue;
    EXPECT_GT(table.source.rows, 0) << table.source.table;
  }
  EXPECT_EQ(Describe(*destination_->ListClaims({})), Describe(*source_->ListClaims({})));
  for (std::int64_t id : {record.factcheck, record.draft}) {
    EXPECT_EQ(Describe(**destination_->LoadFactCheck(id)), Describe(**source_->LoadFactCheck(id)));
    EXPECT_EQ(Describe(*destination_->FactCheckHistory(id)),
              Describe(*source_->FactCheckHistory(id)));
  }
  // Matching works on the copy: its full-text index was built as the claims arrived.
  absl::StatusOr<std::vector<ClaimCandidate>> matched =
      destination_->MatchClaims({"safeguards"}, 5);
  ASSERT_TRUE(matched.ok()) << matched.status();
  ASSERT_EQ(matched->size(), 1u);
  EXPECT_EQ(matched->front().claim.id, record.claims[0]);
  EXPECT_EQ(Describe(*destination_->ListStatements({})), Describe(*source_->ListStatements({})));
  EXPECT_EQ(Describe(*destination_->ListPositions({})), Describe(*source_->ListPositions({})));
  EXPECT_EQ(Describe(*destination_->ListSessions()), Describe(*source_->ListSessions()));
  EXPECT_EQ(Describe(*destination_->ListVotes()), Describe(*source_->ListVotes()));
  EXPECT_EQ(Describe(*destination_->ListActors()), Describe(*source_->ListActors()));

  // And back, into a new store of the source's backend.
  absl::StatusOr<std::unique_ptr<TestDatabase>> back_database = GetParam().from.create_database();
  ASSERT_TRUE(back_database.ok()) << back_database.status();
  absl::StatusOr<std::unique_ptr<Store>> back = (*back_database)->Open();
  ASSERT_TRUE(back.ok()) << back.status();
  absl::StatusOr<StoreCopyReport> returned = CopyStore(*destination_, **back);
  ASSERT_TRUE(returned.ok()) << returned.status();
  EXPECT_TRUE(returned->Verified());
  const std::vector<TableDigest> original = *source_->DigestTables();
  const std::vector<TableDigest> round_trip = *(*back)->DigestTables();
  ASSERT_EQ(original.size(), round_trip.size());
  for (std::size_t i = 0; i < original.size(); ++i) {
    EXPECT_EQ(original[i].rows, round_trip[i].rows) << original[i].table;
    EXPECT_EQ(original[i].sha256, round_trip[i].sha256) << original[i].table;
  }
  back->reset();

  // A second copy stores nothing.
  const StoreCopyReport again = Copy();
  EXPECT_TRUE(again.Verified());
  EXPECT_EQ(again.actors_copied + again.sessions_copied + again.statements_copied +
                again.positions_copied + again.votes_copied + again.claims_copied +
                again.factchecks_copied,
            0);
  // New rows in the copy take ids after the copied ones.
  const std::int64_t last = source_->ListStatements({})->back().id;
  absl::StatusOr<std::vector<std::int64_t>> ids =
      destination_->PutStatements(SampleStatements(0));
  ASSERT_TRUE(ids.ok()) << ids.status();
  for (std::int64_t id : *ids) EXPECT_GT(id, last);
  absl::StatusOr<std::vector<std::int64_t>> positions =
      destination_->PutPositions(SamplePositions());
  ASSERT_TRUE(positions.ok()) << positions.status();
  EXPECT_GT(positions->front(), 5);
  absl::StatusOr<std::int64_t> claim = destination_->PutClaim(SampleClaims(0)[1]);
  ASSERT_TRUE(claim.ok()) << claim.status();
  EXPECT_GT(*claim, record.claims.back());
  absl::StatusOr<std::int64_t> fact_check =
      destination_->CreateFactCheck(SampleFactCheck(*claim, puts[0].id),
                                    factcheck::VerdictScale::Default());
  ASSERT_TRUE(fact_check.ok()) << fact_check.status();
  EXPECT_GT(*fact_check, record.draft);
}

// A fact-check revised in the source after a copy is not silently merged: the destination's
// history differs, and the copy says so.
TEST_P(StoreCopyTest, RefusesADestinationHoldingOtherFactCheckRows) {
  const std::vector<PutResult> puts = FillSource();
  ASSERT_FALSE(puts.empty());
  const SampleFactCheckRecord record = PutSampleFactCheckRecord(*source_, puts[0].id, 0);
  ASSERT_TRUE(Copy().Verified());
  factcheck::FactCheck draft = **source_->LoadFactCheck(record.draft);
  draft.summary = "Revised after the copy.";
  ASSERT_TRUE(
      source_->ReviseFactCheck(draft, 1, "dave", "", factcheck::VerdictScale::Default()).ok());
  absl::StatusOr<StoreCopyReport> report = CopyStore(*source_, *destination_);
  EXPECT_EQ(report.status().code(), absl::StatusCode::kFailedPrecondition) << report.status();
  EXPECT_THAT(std::string(report.status().message()),
              HasSubstr(fmt::format("cannot import fact-check {}", record.draft)));
  EXPECT_EQ((*destination_->FactCheckHistory(record.draft)).size(), 1u);

  // Another claim under a copied claim's id.
  absl::StatusOr<std::unique_ptr<TestDatabase>> fresh = GetParam().to.create_database();
  ASSERT_TRUE(fresh.ok()) << fresh.status();
  absl::StatusOr<std::unique_ptr<Store>> elsewhere = (*fresh)->Open();
  ASSERT_TRUE(elsewhere.ok()) << elsewhere.status();
  ASSERT_TRUE((*elsewhere)->PutClaim(SampleClaims(0)[2]).ok());
  report = CopyStore(*source_, **elsewhere);
  EXPECT_EQ(report.status().code(), absl::StatusCode::kFailedPrecondition) << report.status();
  EXPECT_THAT(std::string(report.status().message()), HasSubstr("cannot import claim 1"));
  elsewhere->reset();
}

TEST_P(StoreCopyTest, AnInterruptedRecordCopyIsCompletedByTheNextRun) {
  PutSampleRecord(*source_, 0);
  const std::vector<negotiation::Statement> statements = *source_->ListStatements({});
  ASSERT_EQ(statements.size(), 4u);
  absl::StatusOr<int> imported = destination_->ImportStatements({statements[0], statements[2]});
  ASSERT_TRUE(imported.ok()) << imported.status();
  EXPECT_EQ(*imported, 2);
  EXPECT_EQ(*destination_->ImportStatements({statements[0]}), 0);  // present already
  const StoreCopyReport report = Copy();
  EXPECT_TRUE(report.Verified());
  EXPECT_EQ(report.statements_copied, 2);
}

TEST_P(StoreCopyTest, RefusesADestinationHoldingOtherRecordRows) {
  PutSampleRecord(*source_, 0);
  // Another statement under the id the source's first statement has.
  std::vector<negotiation::Statement> other = SampleStatements(0);
  other[0].text = "Something else entirely.";
  ASSERT_TRUE(destination_->PutStatements(other).ok());
  absl::StatusOr<StoreCopyReport> report = CopyStore(*source_, *destination_);
  EXPECT_EQ(report.status().code(), absl::StatusCode::kFailedPrecondition) << report.status();
  EXPECT_THAT(std::string(report.status().message()), HasSubstr("cannot import statement"));
  EXPECT_THAT(std::string(report.status().message()), HasSubstr("copy into an empty store"));
  EXPECT_EQ(destination_->ListStatements({})->size(), 4u);

  negotiation::RecordedVote vote = SampleVote("A/RES/74/247");
  vote.body = "Third Committee";
  absl::StatusOr<std::unique_ptr<TestDatabase>> fresh = GetParam().to.create_database();
  ASSERT_TRUE(fresh.ok()) << fresh.status();
  absl::StatusOr<std::unique_ptr<Store>> elsewhere = (*fresh)->Open();
  ASSERT_TRUE(elsewhere.ok()) << elsewhere.status();
  ASSERT_TRUE((*elsewhere)->PutVote(vote, false).ok());
  report = CopyStore(*source_, **elsewhere);
  EXPECT_EQ(report.status().code(), absl::StatusCode::kFailedPrecondition) << report.status();
  EXPECT_THAT(std::string(report.status().message()), HasSubstr("vote 'A/RES/74/247'"));
  elsewhere->reset();
}

TEST_P(StoreCopyTest, DigestsSeeARecordDifference) {
  PutSampleRecord(*source_, 0);
  Copy();
  negotiation::Position later = SamplePositions()[0];
  later.stance = negotiation::Stance::kSupport;
  later.date = "2024-01-01";
  ASSERT_TRUE(destination_->PutPositions({later}).ok());
  const std::vector<TableDigest> from = *source_->DigestTables();
  const std::vector<TableDigest> to = *destination_->DigestTables();
  ASSERT_EQ(from.size(), to.size());
  std::vector<std::string> differing;
  for (std::size_t i = 0; i < from.size(); ++i) {
    if (from[i].sha256 != to[i].sha256) differing.push_back(from[i].table);
  }
  EXPECT_EQ(differing, std::vector<std::string>{"positions"});
}

TEST_P(StoreCopyTest, EmptyStoresHaveEqualDigests) {
  const StoreCopyReport report = Copy();
  EXPECT_EQ(report.documents, 0);
  EXPECT_TRUE(report.Verified());
  for (const TableComparison& table : report.tables) {
    EXPECT_EQ(table.source.rows, 0);
    // SHA-256 of nothing.
    EXPECT_EQ(table.source.sha256,
              "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }
}

// The canonical encoding is fixed: these digests were computed independently (Python's
// hashlib over the expected lines), so a change of encoding cannot go unnoticed.
TEST(TableDigesterTest, DigestsCanonicalJsonLines) {
  TableDigester digester("t");
  digester.AddInteger(1);
  digester.AddText("a\xC3\xA9");  // "aé", kept as UTF-8, not escaped
  digester.AddNull();
  digester.EndRow();
  digester.EndRow();  // a row without columns
  const TableDigest digest = digester.Finish();
  EXPECT_EQ(digest.table, "t");
  EXPECT_EQ(digest.rows, 2);
  EXPECT_EQ(digest.sha256, "d3c4e5ed4d4e4b6d440ff76686df9a94fb093fc99381c21e9ee38aab2d17affc");

  TableDigester quoted("t");
  quoted.AddInteger(7);
  quoted.AddText("say \"hi\"\n");
  quoted.AddNull();
  quoted.EndRow();
  EXPECT_EQ(quoted.Finish().sha256,
            "e8f0a41b4972dd4f2b175e78815ed83bab5a4474d2c2d385ff917c14860e18be");

  // Reals as their shortest round-trip text: [0.8125,1,0.1]
  TableDigester reals("t");
  reals.AddReal(0.8125);
  reals.AddReal(1.0);
  reals.AddReal(0.1);
  reals.EndRow();
  EXPECT_EQ(reals.Finish().sha256,
            "71bf1ab0c38c343c867e8da548db2ea91d9c37e19d51c9a29eb09ab0a5a75fe1");
}

TEST(TableDigesterTest, SelectsTheListedColumnsInKeyOrder) {
  ASSERT_EQ(DigestTableSpecs().size(), 22u);
  const DigestTableSpec& instruments = DigestTableSpecs()[4];
  EXPECT_EQ(DigestSelectSql(instruments), "SELECT id, name FROM instruments ORDER BY id");
  EXPECT_EQ(DigestSelectSql(instruments,
                            [](std::string_view, std::string_view column) {
                              return column == "name" ? std::string("upper(name)") : std::string();
                            }),
            "SELECT id, upper(name) FROM instruments ORDER BY id");
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreCopyTest, ::testing::ValuesIn(AllPairs()),
                         [](const ::testing::TestParamInfo<BackendPair>& info) {
                           return fmt::format("{}To{}", info.param.from.name, info.param.to.name);
                         });

}  // namespace
}  // namespace tw::store::testing
