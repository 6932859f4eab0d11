// The negotiation record's part of the Store contract (store.h: sessions, statements,
// positions, votes, actors), checked on every backend in StoreBackendsUnderTest(): round trips
// of every type, replace and history semantics, filters (the cited-path prefix above all),
// all-or-nothing multi-row puts, checks before writing, and the migration that adds the tables
// to a store that already holds documents. Each test gets a fresh, empty database.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "store/content_digest.h"
#include "store/store.h"
#include "store_test_documents.h"
#include "store_test_factory.h"
#include "store_test_negotiation.h"

namespace tw::store::testing {
namespace {

using negotiation::Ballot;
using negotiation::Stance;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class NegotiationStoreTest : public ::testing::TestWithParam<StoreBackend> {
 protected:
  void SetUp() override {
    if (!GetParam().skip_reason.empty()) GTEST_SKIP() << GetParam().skip_reason;
    absl::StatusOr<std::unique_ptr<TestDatabase>> database = GetParam().create_database();
    ASSERT_TRUE(database.ok()) << database.status();
    database_ = *std::move(database);
    Reopen();
  }

  void Reopen() {
    store_.reset();
    absl::StatusOr<std::unique_ptr<Store>> store = database_->Open();
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }

  Store& store() { return *store_; }

  std::int64_t PutSampleDocument(std::string_view symbol) {
    absl::StatusOr<PutResult> put = store_->PutDocument(MakeSampleConvention(symbol, symbol));
    EXPECT_TRUE(put.ok()) << put.status();
    return put.ok() ? put->id : 0;
  }

  std::vector<negotiation::Statement> Statements(const StatementFilter& filter = {}) {
    absl::StatusOr<std::vector<negotiation::Statement>> listed = store_->ListStatements(filter);
    EXPECT_TRUE(listed.ok()) << listed.status();
    return listed.ok() ? *std::move(listed) : std::vector<negotiation::Statement>{};
  }

  std::vector<std::string> StatementActors(const StatementFilter& filter) {
    std::vector<std::string> actors;
    for (const negotiation::Statement& statement : Statements(filter)) {
      actors.push_back(statement.actor);
    }
    return actors;
  }

  std::vector<negotiation::Position> Positions(const PositionFilter& filter = {}) {
    absl::StatusOr<std::vector<negotiation::Position>> listed = store_->ListPositions(filter);
    EXPECT_TRUE(listed.ok()) << listed.status();
    return listed.ok() ? *std::move(listed) : std::vector<negotiation::Position>{};
  }

  std::vector<TableDigest> Digests() {
    absl::StatusOr<std::vector<TableDigest>> digests = store_->DigestTables();
    EXPECT_TRUE(digests.ok()) << digests.status();
    return digests.ok() ? *std::move(digests) : std::vector<TableDigest>{};
  }

  std::int64_t RowsOf(std::string_view table) {
    for (const TableDigest& digest : Digests()) {
      if (digest.table == table) return digest.rows;
    }
    ADD_FAILURE() << "no digest of table " << table;
    return -1;
  }

  std::unique_ptr<TestDatabase> database_;  // declared first: outlives the store
  std::unique_ptr<Store> store_;
};

std::string Message(const absl::Status& status) { return std::string(status.message()); }

// Every field named, in StatementFilter's order (designated initializers that leave fields out
// trip -Wmissing-field-initializers).
StatementFilter Filter(std::string actor, std::optional<int> session, std::string cited_path,
                       std::optional<int> limit) {
  return StatementFilter{std::move(actor), session, std::move(cited_path), limit, {}};
}

// --- sessions -----------------------------------------------------------------------------------

TEST_P(NegotiationStoreTest, SessionsRoundTripInInstrumentAndNumberOrder) {
  const std::vector<negotiation::Session> sessions = {
      SampleSession("UN Convention", 2), SampleSession("", 1), SampleSession("UN Convention", 1),
      SampleSession("Budapest", 3)};
  for (const negotiation::Session& session : sessions) {
    ASSERT_TRUE(store().PutSession(session).ok());
  }
  absl::StatusOr<std::vector<negotiation::Session>> listed = store().ListSessions();
  ASSERT_TRUE(listed.ok()) << listed.status();
  EXPECT_EQ(Describe(*listed), Describe(std::vector<negotiation::Session>{
                                   sessions[1], sessions[3], sessions[2], sessions[0]}));
}

TEST_P(NegotiationStoreTest, PuttingASessionAgainReplacesItAndItsAgenda) {
  ASSERT_TRUE(store().PutSession(SampleSession("UN Convention", 1)).ok());
  ASSERT_TRUE(store().PutSession(SampleSession("Other", 1)).ok());
  negotiation::Session changed = SampleSession("UN Convention", 1);
  changed.title = "First session (resumed)";
  changed.venue = "Vienna";
  changed.agenda_items = {"Item 2: adoption of the agenda"};
  ASSERT_TRUE(store().PutSession(changed).ok());
  const std::vector<negotiation::Session> listed = *store().ListSessions();
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(Describe(listed[1]), Describe(changed));
  EXPECT_EQ(Describe(listed[0]), Describe(SampleSession("Other", 1)));
  EXPECT_EQ(RowsOf("agenda_items"), 4);  // 3 of Other, 1 of the replaced session
}

TEST_P(NegotiationStoreTest, RefusesASessionWithoutANumberOrWithABadDate) {
  negotiation::Session numberless = SampleSession("X", 1);
  numberless.number = 0;
  absl::Status refused = store().PutSession(numberless);
  EXPECT_EQ(refused.code(), absl::StatusCode::kInvalidArgument) << refused;
  EXPECT_THAT(Message(refused), HasSubstr("the number must be 1 or more"));
  negotiation::Session misdated = SampleSession("X", 1);
  misdated.end_date = "20/01/2023";
  refused = store().PutSession(misdated);
  EXPECT_EQ(refused.code(), absl::StatusCode::kInvalidArgument) << refused;
  EXPECT_THAT(Message(refused), HasSubstr("end date '20/01/2023' is not YYYY-MM-DD"));
  EXPECT_THAT(*store().ListSessions(), IsEmpty());
}

// --- statements ---------------------------------------------------------------------------------

TEST_P(NegotiationStoreTest, StatementsRoundTripWithIdsInTheOrderGiven) {
  const std::int64_t document = PutSampleDocument("A/AC.291/PV.3");
  std::vector<negotiation::Statement> statements = SampleStatements(document);
  absl::StatusOr<std::vector<std::int64_t>> ids = store().PutStatements(statements);
  ASSERT_TRUE(ids.ok()) << ids.status();
  ASSERT_EQ(ids->size(), statements.size());
  for (std::size_t i = 0; i < ids->size(); ++i) {
    EXPECT_GT((*ids)[i], 0);
    if (i > 0) {
      EXPECT_GT((*ids)[i], (*ids)[i - 1]);
    }
    statements[i].id = (*ids)[i];
  }
  // By date, undated first, then id.
  EXPECT_EQ(Describe(Statements()),
            Describe(std::vector<negotiation::Statement>{statements[3], statements[1],
                                                         statements[0], statements[2]}));
  Reopen();
  EXPECT_EQ(Statements().size(), 4u);
  EXPECT_THAT(*store().PutStatements({}), IsEmpty());
}

TEST_P(NegotiationStoreTest, StatementsFilterByActorSessionAndLimit) {
  ASSERT_TRUE(store().PutStatements(SampleStatements(0)).ok());
  EXPECT_THAT(StatementActors(Filter("BRA", {}, "", {})), ElementsAre("BRA"));
  EXPECT_THAT(StatementActors(Filter("bra", {}, "", {})), IsEmpty());  // ids are exact
  EXPECT_THAT(StatementActors(Filter("", 1, "", {})), ElementsAre("RUS", "BRA"));
  EXPECT_THAT(StatementActors(Filter("", 0, "", {})), ElementsAre("org:eff"));
  EXPECT_THAT(StatementActors(Filter("RUS", 2, "", {})), IsEmpty());
  EXPECT_THAT(StatementActors(Filter("", {}, "", 2)), ElementsAre("org:eff", "RUS"));
  EXPECT_THAT(StatementActors(Filter("", 1, "", 1)), ElementsAre("RUS"));
  absl::StatusOr<std::vector<negotiation::Statement>> refused =
      store().ListStatements(Filter("", {}, "", 0));
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kInvalidArgument) << refused.status();
}

TEST_P(NegotiationStoreTest, AStatementIsFoundByItsIdAlone) {
  absl::StatusOr<std::vector<std::int64_t>> ids = store().PutStatements(SampleStatements(0));
  ASSERT_TRUE(ids.ok()) << ids.status();
  for (std::size_t i = 0; i < ids->size(); ++i) {
    StatementFilter just_this;
    just_this.id = (*ids)[i];
    const std::vector<negotiation::Statement> found = *store().ListStatements(just_this);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].id, (*ids)[i]);
    EXPECT_EQ(found[0].actor, SampleStatements(0)[i].actor);
  }
  StatementFilter missing;
  missing.id = ids->back() + 1000;
  EXPECT_THAT(*store().ListStatements(missing), IsEmpty());
  // With other conditions, the id narrows them: Brazil's statement is not Russia's.
  ASSERT_EQ(SampleStatements(0)[0].actor, "BRA");
  StatementFilter russia = Filter("RUS", {}, "", {});
  russia.id = (*ids)[0];
  EXPECT_THAT(*store().ListStatements(russia), IsEmpty());
  russia.id = (*ids)[1];
  EXPECT_EQ(store().ListStatements(russia)->size(), 1u);
}

TEST_P(NegotiationStoreTest, StatementsByCitedPathMatchTheProvisionAndEverythingInside) {
  ASSERT_TRUE(store().PutStatements(SampleStatements(0)).ok());
  // BRA cites art24.p2 and art5, RUS art240, the EU art24, EFF art2.
  EXPECT_THAT(StatementActors(Filter("", {}, "art24", {})), ElementsAre("BRA", "group:eu"));
  EXPECT_THAT(StatementActors(Filter("", {}, "art24.p2", {})), ElementsAre("BRA"));
  EXPECT_THAT(StatementActors(Filter("", {}, "art24.p2.a", {})), IsEmpty());
  EXPECT_THAT(StatementActors(Filter("", {}, "art240", {})), ElementsAre("RUS"));
  EXPECT_THAT(StatementActors(Filter("", {}, "art2", {})), ElementsAre("org:eff"));
  EXPECT_THAT(StatementActors(Filter("", {}, "art", {})), IsEmpty());  // a path, not a text prefix
  EXPECT_THAT(StatementActors(Filter("", {}, "art5", {})), ElementsAre("BRA"));
  EXPECT_THAT(StatementActors(Filter("group:eu", {}, "art24", {})), ElementsAre("group:eu"));
  EXPECT_THAT(StatementActors(Filter("", 1, "art24", 5)), ElementsAre("BRA"));
  // A statement citing two paths inside the provision is listed once.
  negotiation::Statement twice = SampleStatements(0)[0];
  twice.actor = "GHA";
  twice.date = "2023-03-01";
  twice.cited_paths = {"art24.p1", "art24.p2.b", "art24"};
  ASSERT_TRUE(store().PutStatements({twice}).ok());
  EXPECT_THAT(StatementActors(Filter("", {}, "art24", {})), ElementsAre("BRA", "group:eu", "GHA"));
}

TEST_P(NegotiationStoreTest, AFailingStatementPutStoresNothing) {
  const std::int64_t document = PutSampleDocument("A/AC.291/PV.1");
  ASSERT_TRUE(store().PutStatements(SampleStatements(document)).ok());
  const std::vector<TableDigest> before = Digests();
  // The second statement names a document the store does not hold: only the database knows.
  std::vector<negotiation::Statement> batch = SampleStatements(document);
  batch[1].document_id = document + 1000;
  absl::StatusOr<std::vector<std::int64_t>> failed = store().PutStatements(batch);
  ASSERT_FALSE(failed.ok());
  // SQLite names the row ("storing statement 2 of 4 (RUS)"); PostgreSQL writes the batch in
  // one INSERT and names the key ("Key (document_id)=(...) is not present").
  EXPECT_THAT(Message(failed.status()), HasSubstr("statement"));
  const std::vector<TableDigest> after = Digests();
  ASSERT_EQ(before.size(), after.size());
  for (std::size_t i = 0; i < before.size(); ++i) {
    EXPECT_EQ(before[i].rows, after[i].rows) << before[i].table;
    EXPECT_EQ(before[i].sha256, after[i].sha256) << before[i].table;
  }
  // The store is still writable, and nothing of the failed batch appears later.
  absl::StatusOr<std::vector<std::int64_t>> ids = store().PutStatements(SampleStatements(0));
  ASSERT_TRUE(ids.ok()) << ids.status();
  EXPECT_EQ(Statements().size(), 8u);
}

TEST_P(NegotiationStoreTest, RefusesBadStatementsNamingTheRowBeforeWritingAny) {
  struct Case {
    std::string name;
    std::function<void(negotiation::Statement&)> spoil;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"no actor", [](auto& s) { s.actor.clear(); }, "statement 3 of 4 (): actor is empty"},
      {"bad date", [](auto& s) { s.date = "2023-13-01"; },
       "statement 3 of 4 (group:eu): date '2023-13-01' is not YYYY-MM-DD"},
      {"not UTF-8", [](auto& s) { s.text = "caf\xE9"; }, "text is not valid UTF-8 text"},
      {"NUL byte", [](auto& s) { s.text = std::string("a\0b", 3); }, "text is not valid UTF-8"},
      {"empty cited path", [](auto& s) { s.cited_paths.push_back(""); }, "cited path 2 is empty"},
      {"negative session", [](auto& s) { s.session = -1; }, "the session must be 0"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<negotiation::Statement> batch = SampleStatements(0);
    c.spoil(batch[2]);
    absl::StatusOr<std::vector<std::int64_t>> refused = store().PutStatements(batch);
    EXPECT_EQ(refused.status().code(), absl::StatusCode::kInvalidArgument) << refused.status();
    EXPECT_THAT(Message(refused.status()), HasSubstr(c.message));
  }
  EXPECT_THAT(Statements(), IsEmpty());
}

// --- positions ----------------------------------------------------------------------------------

TEST_P(NegotiationStoreTest, PositionsKeepTheWholeHistory) {
  std::vector<negotiation::Position> positions = SamplePositions();
  // Stored latest first: the listing orders by date whatever the order of the puts.
  std::vector<std::int64_t> ids;
  for (std::size_t i = positions.size(); i-- > 0;) {
    absl::StatusOr<std::vector<std::int64_t>> put = store().PutPositions({positions[i]});
    ASSERT_TRUE(put.ok()) << put.status();
    ASSERT_EQ(put->size(), 1u);
    positions[i].id = put->front();
  }
  // A repeat of the same stance is a new row too: nothing is merged or overwritten.
  negotiation::Position again = positions[2];
  again.date = "2023-09-01";
  again.note = "confirmed";
  absl::StatusOr<std::vector<std::int64_t>> put = store().PutPositions({again});
  ASSERT_TRUE(put.ok()) << put.status();
  again.id = put->front();

  EXPECT_EQ(Describe(Positions({"BRA", "art24"})),
            Describe(std::vector<negotiation::Position>{positions[0], positions[1], positions[2],
                                                        again}));
  EXPECT_EQ(Positions({"BRA", ""}).size(), 4u);
  EXPECT_EQ(Describe(Positions({"", "art24"}).front()), Describe(positions[4]));
  EXPECT_EQ(Positions({"", "art24"}).size(), 5u);
  EXPECT_EQ(Describe(Positions({"", "scope: narrow"})),
            Describe(std::vector<negotiation::Position>{positions[3]}));
  EXPECT_EQ(Positions().size(), 6u);
  EXPECT_THAT(Positions({"BRA", "art2"}), IsEmpty());
}

TEST_P(NegotiationStoreTest, AFailingPositionPutStoresNothing) {
  std::vector<negotiation::Position> batch = SamplePositions();
  batch[3].stance = static_cast<Stance>(42);
  absl::StatusOr<std::vector<std::int64_t>> refused = store().PutPositions(batch);
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kInvalidArgument) << refused.status();
  EXPECT_THAT(Message(refused.status()), HasSubstr("position 4 of 5 (RUS on 'scope: narrow')"));
  batch = SamplePositions();
  batch[4].subject.clear();
  refused = store().PutPositions(batch);
  EXPECT_THAT(Message(refused.status()), HasSubstr("subject is empty"));
  EXPECT_THAT(Positions(), IsEmpty());
  EXPECT_EQ(RowsOf("positions"), 0);
}

// --- votes --------------------------------------------------------------------------------------

TEST_P(NegotiationStoreTest, VotesRoundTripWithBallotsSortedByActor) {
  negotiation::RecordedVote vote = SampleVote("A/RES/74/247");
  std::reverse(vote.ballots.begin(), vote.ballots.end());
  ASSERT_TRUE(store().PutVote(vote, false).ok());
  absl::StatusOr<std::optional<negotiation::RecordedVote>> loaded =
      store().LoadVote("A/RES/74/247");
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  ASSERT_TRUE(loaded->has_value());
  EXPECT_EQ(Describe(**loaded), Describe(SampleVote("A/RES/74/247")));

  negotiation::RecordedVote earlier = SampleVote("A/RES/73/187");
  earlier.date = "2018-12-17";
  earlier.ballots.clear();
  ASSERT_TRUE(store().PutVote(earlier, false).ok());
  const std::vector<negotiation::RecordedVote> votes = *store().ListVotes();
  EXPECT_EQ(Describe(votes),
            Describe(std::vector<negotiation::RecordedVote>{earlier, SampleVote("A/RES/74/247")}));

  EXPECT_FALSE(store().LoadVote("A/RES/74/999")->has_value());
  EXPECT_FALSE(store().LoadVote("a/res/74/247")->has_value());  // symbols are exact
}

TEST_P(NegotiationStoreTest, PuttingAVoteAgainNeedsReplace) {
  ASSERT_TRUE(store().PutVote(SampleVote("A/RES/74/247"), false).ok());
  negotiation::RecordedVote recount = SampleVote("A/RES/74/247");
  recount.question = "As orally revised";
  recount.ballots = {{"BRA", Ballot::kYes}, {"CHN", Ballot::kYes}};

  const absl::Status refused = store().PutVote(recount, false);
  EXPECT_EQ(refused.code(), absl::StatusCode::kAlreadyExists) << refused;
  EXPECT_THAT(Message(refused), HasSubstr("'A/RES/74/247'"));
  EXPECT_EQ(Describe(**store().LoadVote("A/RES/74/247")), Describe(SampleVote("A/RES/74/247")));

  ASSERT_TRUE(store().PutVote(recount, true).ok());
  EXPECT_EQ(Describe(**store().LoadVote("A/RES/74/247")), Describe(recount));
  EXPECT_EQ(RowsOf("ballots"), 2);  // the old ballots are gone, not merged
  EXPECT_EQ(store().ListVotes()->size(), 1u);
  // Replacing a vote that is not there stores it.
  ASSERT_TRUE(store().PutVote(SampleVote("A/RES/75/1"), true).ok());
  EXPECT_EQ(store().ListVotes()->size(), 2u);
}

TEST_P(NegotiationStoreTest, RefusesTwoBallotsOfOneActor) {
  negotiation::RecordedVote vote = SampleVote("A/RES/74/247");
  vote.ballots.push_back({"BRA", Ballot::kNo});
  const absl::Status refused = store().PutVote(vote, false);
  EXPECT_EQ(refused.code(), absl::StatusCode::kInvalidArgument) << refused;
  EXPECT_THAT(Message(refused), HasSubstr("BRA has two ballots"));
  vote = SampleVote("A/RES/74/247");
  vote.ballots[1].ballot = static_cast<Ballot>(9);
  EXPECT_THAT(Message(store().PutVote(vote, false)), HasSubstr("ballot 2 is not yes, no"));
  EXPECT_THAT(*store().ListVotes(), IsEmpty());
  EXPECT_EQ(RowsOf("ballots"), 0);
}

// --- actors -------------------------------------------------------------------------------------

TEST_P(NegotiationStoreTest, ActorsRoundTripAndAreReplacedById) {
  negotiation::Actor regional;
  regional.id = "GRULAC";  // upper case sorts before lower case: byte order on both backends
  regional.kind = negotiation::ActorKind::kRegionalGroup;
  regional.name = "Latin American and Caribbean States";
  regional.members = {"ARG", "BRA"};
  negotiation::Actor state;
  state.id = "TUR";
  state.kind = negotiation::ActorKind::kMemberState;
  state.name = "Türkiye";
  state.iso3 = "TUR";
  state.iso2 = "TR";
  state.regional_group = "WEOG";
  state.aliases = {"Turkey", "Turquie"};
  for (const negotiation::Actor& actor : {SampleOrganisation(), SampleGroup(), regional, state}) {
    ASSERT_TRUE(store().PutActor(actor).ok());
  }
  EXPECT_EQ(Describe(*store().ListActors()),
            Describe(std::vector<negotiation::Actor>{regional, state, SampleGroup(),
                                                     SampleOrganisation()}));

  negotiation::Actor smaller = SampleGroup();
  smaller.name = "EU-27";
  smaller.aliases = {"Union"};
  smaller.members = {"FRA"};
  ASSERT_TRUE(store().PutActor(smaller).ok());
  const std::vector<negotiation::Actor> actors = *store().ListActors();
  ASSERT_EQ(actors.size(), 4u);
  EXPECT_EQ(Describe(actors[2]), Describe(smaller));
  EXPECT_EQ(RowsOf("group_members"), 3);  // ARG, BRA of GRULAC; FRA
  EXPECT_EQ(RowsOf("actor_aliases"), 4);  // Turkey, Turquie; Union; EFF
}

TEST_P(NegotiationStoreTest, RefusesAnActorWithoutIdOrWithAMemberListedTwice) {
  negotiation::Actor nameless = SampleGroup();
  nameless.id.clear();
  EXPECT_THAT(Message(store().PutActor(nameless)), HasSubstr("id is empty"));
  negotiation::Actor doubled = SampleGroup();
  doubled.members.push_back("AUT");
  const absl::Status refused = store().PutActor(doubled);
  EXPECT_EQ(refused.code(), absl::StatusCode::kInvalidArgument) << refused;
  EXPECT_THAT(Message(refused), HasSubstr("member AUT is listed twice"));
  EXPECT_THAT(*store().ListActors(), IsEmpty());
}

// --- the schema ---------------------------------------------------------------------------------

TEST_P(NegotiationStoreTest, TheRecordSurvivesReopening) {
  PutSampleRecord(store(), PutSampleDocument("A/AC.291/PV.2"));
  const std::vector<TableDigest> before = Digests();
  Reopen();
  const std::vector<TableDigest> after = Digests();
  ASSERT_EQ(before.size(), after.size());
  for (std::size_t i = 0; i < before.size(); ++i) {
    EXPECT_EQ(before[i].sha256, after[i].sha256) << before[i].table;
  }
  EXPECT_EQ(RowsOf("statements"), 4);
  EXPECT_EQ(RowsOf("statement_citations"), 5);
  EXPECT_EQ(RowsOf("sessions"), 3);
  EXPECT_EQ(RowsOf("votes"), 2);
  EXPECT_EQ(RowsOf("ballots"), 8);
}

// A store written by the treatywatch before the negotiation record (schema version 2), holding
// documents: opening it adds the tables (and those of the later migrations) and keeps every
// document as it was. Migrations 1 and 2 never change, so the current store minus the tables of
// migrations 3 and 4 is exactly what that version left behind.
TEST_P(NegotiationStoreTest, MigratingAVersion2StoreWithDocumentsKeepsThem) {
  const int latest = *store().SchemaVersion();
  ASSERT_EQ(latest, 5);
  const std::int64_t first = PutSampleDocument("A/AC.291/22");
  const std::int64_t second = PutSampleDocument("A/AC.291/22/Rev.1");
  const doc::Document original = *store().LoadDocument(std::to_string(first));
  const std::vector<TableDigest> before = Digests();
  store_.reset();
  const bool postgres = GetParam().name == "Postgres";
  absl::Status downgraded = database_->ExecuteSql(
      postgres ? "DROP TABLE login_sessions; DROP TABLE audit_log; DROP TABLE users; "
                 "DROP FUNCTION audit_log_append_only(); "
                 "DROP TABLE factcheck_revisions; DROP FUNCTION factcheck_revisions_append_only(); "
                 "DROP TABLE evidence; DROP TABLE factchecks; DROP TABLE claims;"
               : "DROP TABLE login_sessions; DROP TABLE audit_log; DROP TABLE users; "
                 "DROP TABLE factcheck_revisions; DROP TABLE evidence; DROP TABLE factchecks; "
                 "DROP TABLE claim_fts; DROP TABLE claims;");
  ASSERT_TRUE(downgraded.ok()) << downgraded;
  downgraded = database_->ExecuteSql(R"sql(
DROP TABLE group_members; DROP TABLE actor_aliases; DROP TABLE actors;
DROP TABLE ballots; DROP TABLE votes; DROP TABLE positions;
DROP TABLE statement_citations; DROP TABLE statements;
DROP TABLE agenda_items; DROP TABLE sessions;
DELETE FROM schema_migrations WHERE version >= 3;
)sql");
  ASSERT_TRUE(downgraded.ok()) << downgraded;

  Reopen();
  EXPECT_EQ(*store().SchemaVersion(), latest);
  ExpectSameDocument(original, *store().LoadDocument(std::to_string(first)));
  EXPECT_EQ(store().LoadDocument("A/AC.291/22/Rev.1")->meta.id, second);
  const std::vector<TableDigest> after = Digests();
  ASSERT_EQ(before.size(), after.size());
  for (std::size_t i = 0; i < before.size(); ++i) {
    EXPECT_EQ(before[i].rows, after[i].rows) << before[i].table;
    EXPECT_EQ(before[i].sha256, after[i].sha256) << before[i].table;
  }
  // The new tables work, and statements can name the documents that were there before.
  PutSampleRecord(store(), second);
  EXPECT_EQ(Statements(Filter("BRA", {}, "", {})).front().document_id, second);
  // Search over the old documents still works after the migration.
  absl::StatusOr<std::vector<SearchHit>> hits = store().Search({"safeguards", std::nullopt, 5});
  ASSERT_TRUE(hits.ok()) << hits.status();
  EXPECT_FALSE(hits->empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, NegotiationStoreTest,
                         ::testing::ValuesIn(StoreBackendsUnderTest()),
                         [](const ::testing::TestParamInfo<StoreBackend>& info) {
                           return info.param.name;
                         });

}  // namespace
}  // namespace tw::store::testing
