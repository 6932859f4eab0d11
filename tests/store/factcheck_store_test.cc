// The fact-check record's part of the Store contract (factcheck_record.h: claims, claim
// matching, fact-checks with evidence and revisions), checked on every backend in
// StoreBackendsUnderTest(): round trips, the filters, matching by stemmed words with common
// terms left out, the revision history and its optimistic concurrency (two Store objects on one
// database), workflow refusals that write nothing, revisions that not even raw SQL can rewrite,
// evidence that keeps its id and re-anchoring state across revisions, imports, value checks
// naming the field, and the migration that adds the tables to an older store. Each test gets a
// fresh, empty database.
//
// ClaimMatchAtScale measures MatchClaims on SQLite over generated claims: 20,000 by default,
// TW_CLAIM_MATCH_CLAIMS=1000000 for the figure the budget in sqlite_factchecks.h was set by.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <random>
#include <set>

#include "factcheck/verdict_scale.h"
#include "store/content_digest.h"
#include "store/factcheck_rows.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/sqlite_store.h"
#include "store/store.h"
#include "store_test_documents.h"
#include "store_test_factchecks.h"
#include "store_test_factory.h"
#include "store_test_negotiation.h"

namespace tw::store::testing {
namespace {

using factcheck::AnchorStatus;
using factcheck::FactCheckStatus;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::MatchesRegex;

const factcheck::VerdictScale& Scale() { return factcheck::VerdictScale::Default(); }

std::string Message(const absl::Status& status) { return std::string(status.message()); }

class FactCheckStoreTest : public ::testing::TestWithParam<StoreBackend> {
 protected:
  void SetUp() override {
    if (!GetParam().skip_reason.empty()) GTEST_SKIP() << GetParam().skip_reason;
    absl::StatusOr<std::unique_ptr<TestDatabase>> database = GetParam().create_database();
    ASSERT_TRUE(database.ok()) << database.status();
    database_ = *std::move(database);
    store_ = Open();
    ASSERT_NE(store_, nullptr);
  }

  std::unique_ptr<Store> Open() {
    absl::StatusOr<std::unique_ptr<Store>> store = database_->Open();
    EXPECT_TRUE(store.ok()) << store.status();
    return store.ok() ? *std::move(store) : nullptr;
  }

  Store& store() { return *store_; }

  std::int64_t PutDocument(std::string_view symbol) {
    absl::StatusOr<PutResult> put = store_->PutDocument(MakeSampleConvention(symbol, symbol));
    EXPECT_TRUE(put.ok()) << put.status();
    return put.ok() ? put->id : 0;
  }

  std::int64_t PutStatement() {
    absl::StatusOr<std::vector<std::int64_t>> ids = store_->PutStatements(SampleStatements(0));
    EXPECT_TRUE(ids.ok()) << ids.status();
    return ids.ok() ? ids->front() : 0;
  }

  std::int64_t PutClaim(std::string text, std::string actor = "BRA", std::string date = "") {
    factcheck::Claim claim;
    claim.text = std::move(text);
    claim.actor = std::move(actor);
    claim.date = std::move(date);
    absl::StatusOr<std::int64_t> id = store_->PutClaim(claim);
    EXPECT_TRUE(id.ok()) << id.status();
    return id.ok() ? *id : 0;
  }

  factcheck::FactCheck Load(std::int64_t id) {
    absl::StatusOr<std::optional<factcheck::FactCheck>> loaded = store_->LoadFactCheck(id);
    EXPECT_TRUE(loaded.ok()) << loaded.status();
    EXPECT_TRUE(loaded.ok() && loaded->has_value()) << "fact-check " << id;
    return loaded.ok() && loaded->has_value() ? **loaded : factcheck::FactCheck{};
  }

  std::vector<factcheck::FactCheckRevision> History(std::int64_t id) {
    absl::StatusOr<std::vector<factcheck::FactCheckRevision>> history =
        store_->FactCheckHistory(id);
    EXPECT_TRUE(history.ok()) << history.status();
    return history.ok() ? *std::move(history) : std::vector<factcheck::FactCheckRevision>{};
  }

  std::vector<std::int64_t> MatchIds(const std::vector<std::string>& terms, int limit = 20) {
    absl::StatusOr<std::vector<ClaimCandidate>> matched = store_->MatchClaims(terms, limit);
    EXPECT_TRUE(matched.ok()) << matched.status();
    std::vector<std::int64_t> ids;
    if (!matched.ok()) return ids;
    for (std::size_t i = 0; i < matched->size(); ++i) {
      ids.push_back((*matched)[i].claim.id);
      if (i > 0) {
        EXPECT_LE((*matched)[i].text_score, (*matched)[i - 1].text_score);
      }
    }
    return ids;
  }

  std::vector<std::int64_t> FactCheckIds(const FactCheckFilter& filter) {
    absl::StatusOr<std::vector<factcheck::FactCheck>> listed = store_->ListFactChecks(filter);
    EXPECT_TRUE(listed.ok()) << listed.status();
    std::vector<std::int64_t> ids;
    if (listed.ok()) {
      for (const factcheck::FactCheck& fact_check : *listed) ids.push_back(fact_check.id);
    }
    return ids;
  }

  std::vector<TableDigest> Digests() {
    absl::StatusOr<std::vector<TableDigest>> digests = store_->DigestTables();
    EXPECT_TRUE(digests.ok()) << digests.status();
    return digests.ok() ? *std::move(digests) : std::vector<TableDigest>{};
  }

  // A fact-check on a new claim, with two pieces of evidence in a new document.
  std::int64_t CreateSample() {
    document_ = PutDocument("A/AC.291/22");
    const std::int64_t claim = PutClaim("Article 28 contains every safeguard.");
    absl::StatusOr<std::int64_t> id = store_->CreateFactCheck(SampleFactCheck(claim, document_),
                                                              Scale());
    EXPECT_TRUE(id.ok()) << id.status();
    return id.ok() ? *id : 0;
  }

  std::unique_ptr<TestDatabase> database_;  // declared first: outlives the stores
  std::unique_ptr<Store> store_;
  std::int64_t document_ = 0;
};

// FactCheckFilter with every field named.
FactCheckFilter Filter(std::optional<std::int64_t> claim_id,
                       std::optional<FactCheckStatus> status, bool needs_review_only) {
  return FactCheckFilter{claim_id, status, needs_review_only};
}

// --- claims -------------------------------------------------------------------------------------

TEST_P(FactCheckStoreTest, ClaimsRoundTripWithEveryField) {
  const std::int64_t statement = PutStatement();
  std::vector<factcheck::Claim> claims = SampleClaims(statement);
  for (factcheck::Claim& claim : claims) {
    claim.id = 999;  // ignored
    claim.created_at = "ignored";
    absl::StatusOr<std::int64_t> id = store().PutClaim(claim);
    ASSERT_TRUE(id.ok()) << id.status();
    claim.id = *id;
    absl::StatusOr<std::optional<factcheck::Claim>> loaded = store().LoadClaim(*id);
    ASSERT_TRUE(loaded.ok()) << loaded.status();
    ASSERT_TRUE(loaded->has_value());
    EXPECT_THAT((*loaded)->created_at,
                MatchesRegex("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z"));
    claim.created_at = (*loaded)->created_at;
    EXPECT_EQ(Describe(**loaded), Describe(claim));
  }
  EXPECT_NE(claims[0].id, claims[1].id);
  absl::StatusOr<std::optional<factcheck::Claim>> missing = store().LoadClaim(claims[2].id + 100);
  ASSERT_TRUE(missing.ok()) << missing.status();
  EXPECT_FALSE(missing->has_value());
}

TEST_P(FactCheckStoreTest, ListClaimsOrdersByDateThenIdAndFilters) {
  const std::int64_t late = PutClaim("late", "BRA", "2025-09-03");
  const std::int64_t undated = PutClaim("undated", "RUS");
  const std::int64_t early = PutClaim("early", "BRA", "2025-09-01");
  factcheck::Claim in_session;
  in_session.text = "in session 4";
  in_session.actor = "BRA";
  in_session.session = 4;
  const std::int64_t fourth = *store().PutClaim(in_session);
  const auto ids = [&](const ClaimFilter& filter) {
    std::vector<std::int64_t> listed;
    absl::StatusOr<std::vector<factcheck::Claim>> claims = store().ListClaims(filter);
    EXPECT_TRUE(claims.ok()) << claims.status();
    if (claims.ok()) {
      for (const factcheck::Claim& claim : *claims) listed.push_back(claim.id);
    }
    return listed;
  };
  EXPECT_THAT(ids({}), ElementsAre(undated, fourth, early, late));
  EXPECT_THAT(ids({"BRA", std::nullopt, std::nullopt}), ElementsAre(fourth, early, late));
  EXPECT_THAT(ids({"", 4, std::nullopt}), ElementsAre(fourth));
  EXPECT_THAT(ids({"", std::nullopt, 2}), ElementsAre(undated, fourth));
  absl::StatusOr<std::vector<factcheck::Claim>> refused = store().ListClaims({"", std::nullopt, 0});
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(refused.status()), HasSubstr("limit must be 1 or more"));
}

// --- claim matching -----------------------------------------------------------------------------

TEST_P(FactCheckStoreTest, MatchClaimsFindsStemmedWordsBestFirst) {
  const std::int64_t supports = PutClaim("The delegation supports the broad scope of Article 4.");
  const std::int64_t safeguards =
      PutClaim("Article 28 already contains all the safeguards of the Budapest Convention.");
  const std::int64_t both =
      PutClaim("Safeguards were supported by a majority of delegations in Vienna.");
  PutClaim("Nothing in common with the query here.");
  // Inflected forms meet on their stems: "supported" finds "supports", "safeguard" finds
  // "safeguards".
  EXPECT_THAT(MatchIds({"supported"}), ::testing::UnorderedElementsAre(supports, both));
  EXPECT_THAT(MatchIds({"safeguard"}), ::testing::UnorderedElementsAre(safeguards, both));
  // A claim with more of the terms ranks first.
  EXPECT_EQ(MatchIds({"safeguard", "supporting"}).front(), both);
  EXPECT_THAT(MatchIds({"safeguard", "supporting"}, 1), ElementsAre(both));
  // Quotes and query syntax in a term are words, not syntax.
  EXPECT_THAT(MatchIds({"\"budapest\"", "OR", "NEAR(", "*"}), ElementsAre(safeguards));
  EXPECT_THAT(MatchIds({"unheard-of"}), IsEmpty());
  EXPECT_THAT(MatchIds({}), IsEmpty());
  EXPECT_THAT(MatchIds({"", "—"}), IsEmpty());
}

TEST_P(FactCheckStoreTest, MatchClaimsLeavesOutTermsInMoreThanFivePercentOfClaims) {
  // 40 claims name the convention; one of them also names Budapest.
  std::vector<std::int64_t> convention;
  for (int i = 0; i < 40; ++i) {
    convention.push_back(PutClaim(fmt::format("The convention is claim number {}.", i)));
  }
  const std::int64_t budapest = PutClaim("The convention mirrors the Budapest text.");
  // "convention" is in 41 of 41 claims: with a rarer term left it is dropped, so only the
  // Budapest claim is a candidate.
  EXPECT_THAT(MatchIds({"convention", "budapest"}), ElementsAre(budapest));
  // Alone, a common term still finds claims: at most the limit, newest first.
  const std::vector<std::int64_t> alone = MatchIds({"conventions"}, 5);
  EXPECT_THAT(alone, ElementsAre(budapest, convention[39], convention[38], convention[37],
                                 convention[36]));
}

TEST_P(FactCheckStoreTest, MatchClaimsRefusesBadQueries) {
  PutClaim("Something to match.");
  EXPECT_EQ(store().MatchClaims({"something"}, 0).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(store().MatchClaims({"ok", std::string("a\0b", 3)}, 5).status()),
              HasSubstr("term 2 is not valid UTF-8 text without NUL bytes"));
  EXPECT_THAT(Message(store().MatchClaims(std::vector<std::string>(kMaxMatchTerms + 1, "x"), 5)
                          .status()),
              HasSubstr("terms; at most"));
}

// --- fact-checks ---------------------------------------------------------------------------------

TEST_P(FactCheckStoreTest, CreateReviseAndHistoryKeepEveryRevision) {
  const std::int64_t id = CreateSample();
  const factcheck::FactCheck first = Load(id);
  EXPECT_EQ(first.revision, 1);
  EXPECT_EQ(first.status, FactCheckStatus::kDraft);
  EXPECT_EQ(first.author, "alice");
  EXPECT_EQ(first.updated_by, "alice");
  EXPECT_EQ(first.created_at, first.updated_at);
  EXPECT_EQ(first.published_at, "");
  ASSERT_EQ(first.evidence.size(), 2u);
  EXPECT_LT(first.evidence[0].id, first.evidence[1].id);
  EXPECT_EQ(first.evidence[1].origin, "safeguard");

  factcheck::FactCheck next = first;
  next.status = FactCheckStatus::kInReview;
  next.rationale = "Reworded.";
  absl::StatusOr<int> revised = store().ReviseFactCheck(next, 1, "bob", "reworded", Scale());
  ASSERT_TRUE(revised.ok()) << revised.status();
  EXPECT_EQ(*revised, 2);

  next = Load(id);
  next.status = FactCheckStatus::kPublished;
  revised = store().ReviseFactCheck(next, 2, "carol", "", Scale());
  ASSERT_TRUE(revised.ok()) << revised.status();
  const factcheck::FactCheck published = Load(id);
  EXPECT_EQ(published.revision, 3);
  EXPECT_EQ(published.updated_by, "carol");
  EXPECT_EQ(published.author, "alice");
  EXPECT_EQ(published.published_at, published.updated_at);

  // A correction: a new revision, still published, with its note; published_at stays.
  next = published;
  next.summary = "Corrected summary.";
  revised = store().ReviseFactCheck(next, 3, "carol", "fixed the article number", Scale());
  ASSERT_TRUE(revised.ok()) << revised.status();
  const factcheck::FactCheck corrected = Load(id);
  EXPECT_EQ(corrected.published_at, published.published_at);
  EXPECT_EQ(corrected.change_note, "fixed the article number");

  const std::vector<factcheck::FactCheckRevision> history = History(id);
  ASSERT_EQ(history.size(), 4u);
  EXPECT_EQ(Describe(history[0].snapshot), Describe(first));
  EXPECT_EQ(Describe(history[2].snapshot), Describe(published));
  EXPECT_EQ(Describe(history[3].snapshot), Describe(corrected));
  EXPECT_EQ(history[1].snapshot.rationale, "Reworded.");
  EXPECT_EQ(history[1].saved_by, "bob");
  EXPECT_EQ(history[1].change_note, "reworded");
  EXPECT_EQ(history[0].change_note, "first draft");
  for (std::size_t i = 0; i < history.size(); ++i) {
    EXPECT_EQ(history[i].revision, static_cast<int>(i) + 1);
    EXPECT_EQ(history[i].snapshot.revision, history[i].revision);
    EXPECT_EQ(history[i].saved_at, history[i].snapshot.updated_at);
  }
  EXPECT_THAT(History(id + 100), IsEmpty());
  absl::StatusOr<std::optional<factcheck::FactCheck>> missing = store().LoadFactCheck(id + 100);
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
}

TEST_P(FactCheckStoreTest, ASecondSaveFromAnOlderRevisionIsAbortedAndWritesNothing) {
  const std::int64_t id = CreateSample();
  std::unique_ptr<Store> other = Open();
  ASSERT_NE(other, nullptr);
  // Both analysts open revision 1.
  factcheck::FactCheck mine = Load(id);
  absl::StatusOr<std::optional<factcheck::FactCheck>> theirs_loaded = other->LoadFactCheck(id);
  ASSERT_TRUE(theirs_loaded.ok() && theirs_loaded->has_value());
  factcheck::FactCheck theirs = **theirs_loaded;

  mine.summary = "Alice's summary.";
  ASSERT_TRUE(store().ReviseFactCheck(mine, 1, "alice", "mine", Scale()).ok());
  const std::vector<TableDigest> before = Digests();

  theirs.summary = "Bob's summary.";
  absl::StatusOr<int> refused = other->ReviseFactCheck(theirs, 1, "bob", "theirs", Scale());
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kAborted);
  const factcheck::FactCheck saved = Load(id);
  EXPECT_THAT(Message(refused.status()),
              HasSubstr(fmt::format("fact-check {} was revised by alice at {} (revision 2) after "
                                    "you opened revision 1",
                                    id, saved.updated_at)));
  EXPECT_EQ(saved.summary, "Alice's summary.");
  EXPECT_EQ(saved.revision, 2);
  EXPECT_EQ(History(id).size(), 2u);
  const std::vector<TableDigest> after = Digests();
  ASSERT_EQ(before.size(), after.size());
  for (std::size_t i = 0; i < before.size(); ++i) {
    EXPECT_EQ(before[i].sha256, after[i].sha256) << before[i].table;
  }
  // Reloaded, the second analyst saves on top of the first.
  theirs = **other->LoadFactCheck(id);
  theirs.summary = "Bob's summary.";
  absl::StatusOr<int> again = other->ReviseFactCheck(theirs, 2, "bob", "theirs", Scale());
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(*again, 3);
}

TEST_P(FactCheckStoreTest, WorkflowRefusalsWriteNothing) {
  const std::int64_t id = CreateSample();
  const std::vector<TableDigest> before = Digests();
  const auto unchanged = [&] {
    const std::vector<TableDigest> after = Digests();
    ASSERT_EQ(before.size(), after.size());
    for (std::size_t i = 0; i < before.size(); ++i) {
      EXPECT_EQ(before[i].sha256, after[i].sha256) << before[i].table;
    }
  };
  factcheck::FactCheck next = Load(id);
  next.status = FactCheckStatus::kPublished;
  absl::StatusOr<int> refused = store().ReviseFactCheck(next, 1, "bob", "", Scale());
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(refused.status()), HasSubstr("cannot go from draft to published"));
  unchanged();

  factcheck::FactCheck bad_verdict = Load(id);
  bad_verdict.verdict = "nonsense";
  refused = store().ReviseFactCheck(bad_verdict, 1, "bob", "", Scale());
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(refused.status()), HasSubstr("'nonsense' is not a verdict"));
  unchanged();

  factcheck::FactCheck new_published = SampleFactCheck(Load(id).claim_id, document_);
  new_published.status = FactCheckStatus::kPublished;
  EXPECT_EQ(store().CreateFactCheck(new_published, Scale()).status().code(),
            absl::StatusCode::kFailedPrecondition);
  unchanged();

  // Published, then a change without a note: refused; with a note: a visible correction.
  next = Load(id);
  next.status = FactCheckStatus::kInReview;
  ASSERT_TRUE(store().ReviseFactCheck(next, 1, "bob", "", Scale()).ok());
  next = Load(id);
  next.status = FactCheckStatus::kPublished;
  ASSERT_TRUE(store().ReviseFactCheck(next, 2, "bob", "", Scale()).ok());
  const std::vector<TableDigest> published = Digests();
  next = Load(id);
  next.summary = "Silently edited.";
  refused = store().ReviseFactCheck(next, 3, "mallory", "", Scale());
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(refused.status()), HasSubstr("a correction needs a note"));
  next.status = FactCheckStatus::kDraft;
  refused = store().ReviseFactCheck(next, 3, "mallory", "back to draft", Scale());
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kFailedPrecondition);
  const std::vector<TableDigest> after = Digests();
  ASSERT_EQ(published.size(), after.size());
  for (std::size_t i = 0; i < after.size(); ++i) {
    EXPECT_EQ(published[i].sha256, after[i].sha256) << after[i].table;
  }
  EXPECT_EQ(Load(id).revision, 3);
  EXPECT_EQ(Load(id).summary, SampleFactCheck(0, 0).summary);
}

TEST_P(FactCheckStoreTest, RevisionsCannotBeUpdatedOrDeletedEvenWithRawSql) {
  const std::int64_t id = CreateSample();
  factcheck::FactCheck next = Load(id);
  next.summary = "Second.";
  ASSERT_TRUE(store().ReviseFactCheck(next, 1, "bob", "second", Scale()).ok());
  const std::string history = Describe(History(id));
  store_.reset();  // nothing of ours holds the database while raw SQL works on it

  for (std::string_view sql :
       {"UPDATE factcheck_revisions SET saved_by = 'mallory'",
        "UPDATE factcheck_revisions SET snapshot = '{}' WHERE revision = 1",
        "DELETE FROM factcheck_revisions WHERE revision = 2",
        "DELETE FROM factcheck_revisions"}) {
    const absl::Status rewritten = database_->ExecuteSql(sql);
    EXPECT_FALSE(rewritten.ok()) << sql;
    EXPECT_THAT(Message(rewritten), HasSubstr("append-only")) << sql;
  }
  if (GetParam().name == "Postgres") {
    const absl::Status truncated = database_->ExecuteSql("TRUNCATE factcheck_revisions");
    EXPECT_FALSE(truncated.ok());
    EXPECT_THAT(Message(truncated), HasSubstr("append-only"));
  }
  // Deleting the fact-check itself is refused too: its revisions name it (SQLite checks
  // foreign keys when the connection asks, as the store's always does).
  EXPECT_FALSE(database_
                   ->ExecuteSql(GetParam().name == "Postgres"
                                    ? "DELETE FROM factchecks"
                                    : "PRAGMA foreign_keys = ON; DELETE FROM factchecks")
                   .ok());
  store_ = Open();
  EXPECT_EQ(Describe(History(id)), history);
  EXPECT_EQ(Load(id).revision, 2);
}

TEST_P(FactCheckStoreTest, EvidenceKeepsItsIdAndReanchoringStateAcrossRevisions) {
  const std::int64_t id = CreateSample();
  // An analyst opens revision 1 ...
  factcheck::FactCheck stale = Load(id);
  ASSERT_EQ(stale.evidence.size(), 2u);
  const factcheck::Evidence kept = stale.evidence[0];
  const factcheck::Evidence dropped = stale.evidence[1];
  // ... while re-anchoring moves the first quote to a new version.
  const std::int64_t newer = PutDocument("A/AC.291/22/Rev.1");
  EvidenceUpdate moved;
  moved.evidence_id = kept.id;
  moved.anchor = kept.anchor;
  moved.anchor.document_id = newer;
  moved.anchor.start += 7;
  moved.anchor.end += 7;
  moved.status = AnchorStatus::kMoved;
  moved.checked_against = newer;
  ASSERT_TRUE(store().UpdateEvidence({moved}).ok());

  // The analyst's revision edits the note, drops the second piece and adds a third.
  stale.evidence[0].note = "Edited note.";
  stale.evidence[0].anchor.exact = "an edit here is not applied";
  stale.evidence.erase(stale.evidence.begin() + 1);
  stale.evidence.push_back(SampleEvidence(document_, "new words", 900));
  absl::StatusOr<int> revised = store().ReviseFactCheck(stale, 1, "bob", "evidence", Scale());
  ASSERT_TRUE(revised.ok()) << revised.status();

  const factcheck::FactCheck now = Load(id);
  ASSERT_EQ(now.evidence.size(), 2u);
  EXPECT_EQ(now.evidence[0].id, kept.id);
  EXPECT_EQ(now.evidence[0].note, "Edited note.");
  EXPECT_EQ(now.evidence[0].anchor.document_id, newer);
  EXPECT_EQ(now.evidence[0].anchor.exact, kept.anchor.exact);
  EXPECT_EQ(now.evidence[0].anchor.start, kept.anchor.start + 7);
  EXPECT_EQ(now.evidence[0].status, AnchorStatus::kMoved);
  EXPECT_EQ(now.evidence[0].checked_against, newer);
  EXPECT_GT(now.evidence[1].id, dropped.id);
  EXPECT_EQ(now.evidence[1].anchor.exact, "new words");
  // The dropped piece is gone from the current evidence, kept in revision 1.
  absl::StatusOr<std::vector<StoredEvidence>> all = store().ListEvidence({});
  ASSERT_TRUE(all.ok()) << all.status();
  ASSERT_EQ(all->size(), 2u);
  EXPECT_NE((*all)[1].evidence.id, dropped.id);
  const std::vector<factcheck::FactCheckRevision> history = History(id);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].snapshot.evidence[1].id, dropped.id);
  EXPECT_EQ(Describe(history[1].snapshot), Describe(now));

  // Evidence of another fact-check cannot be claimed by id.
  factcheck::FactCheck wrong = now;
  wrong.evidence[0].id = now.evidence[1].id + 1000;
  absl::StatusOr<int> refused = store().ReviseFactCheck(wrong, 2, "bob", "", Scale());
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(refused.status()), HasSubstr("is not evidence of fact-check"));
}

TEST_P(FactCheckStoreTest, UpdateEvidenceAndListEvidenceByDocument) {
  const std::int64_t first = CreateSample();
  const std::int64_t other_document = PutDocument("A/AC.291/CRP.1");
  const std::int64_t claim = PutClaim("Another claim.");
  factcheck::FactCheck second = SampleFactCheck(claim, other_document);
  second.evidence.push_back(SampleEvidence(document_, "in the first document", 40));
  absl::StatusOr<std::int64_t> second_id = store().CreateFactCheck(second, Scale());
  ASSERT_TRUE(second_id.ok()) << second_id.status();

  const auto listed = [&](const std::vector<std::int64_t>& documents) {
    std::vector<std::pair<std::int64_t, std::int64_t>> out;  // (fact-check, document)
    absl::StatusOr<std::vector<StoredEvidence>> evidence = store().ListEvidence(documents);
    EXPECT_TRUE(evidence.ok()) << evidence.status();
    std::int64_t previous = 0;
    if (evidence.ok()) {
      for (const StoredEvidence& stored : *evidence) {
        EXPECT_GT(stored.evidence.id, previous);
        previous = stored.evidence.id;
        out.emplace_back(stored.factcheck_id, stored.evidence.anchor.document_id);
      }
    }
    return out;
  };
  using P = std::pair<std::int64_t, std::int64_t>;
  EXPECT_THAT(listed({document_}),
              ElementsAre(P{first, document_}, P{first, document_}, P{*second_id, document_}));
  EXPECT_THAT(listed({other_document}),
              ElementsAre(P{*second_id, other_document}, P{*second_id, other_document}));
  EXPECT_EQ(listed({}).size(), 5u);
  EXPECT_THAT(listed({other_document + 50}), IsEmpty());

  // Re-anchoring results land on the rows, with proposals, in one call.
  const factcheck::FactCheck before = Load(*second_id);
  EvidenceUpdate changed;
  changed.evidence_id = before.evidence[0].id;
  changed.anchor = before.evidence[0].anchor;
  changed.status = AnchorStatus::kChanged;
  changed.similarity = 0.71875;
  changed.proposal = before.evidence[0].anchor;
  changed.proposal->exact = "conditions and safeguard";
  changed.checked_against = document_;
  EvidenceUpdate lost = changed;
  lost.evidence_id = before.evidence[1].id;
  lost.anchor = before.evidence[1].anchor;
  lost.status = AnchorStatus::kLost;
  lost.similarity = 0;
  lost.proposal.reset();
  ASSERT_TRUE(store().UpdateEvidence({changed, lost}).ok());
  const factcheck::FactCheck after = Load(*second_id);
  EXPECT_EQ(after.revision, before.revision);  // not a revision
  EXPECT_EQ(after.evidence[0].status, AnchorStatus::kChanged);
  EXPECT_EQ(after.evidence[0].similarity, 0.71875);
  ASSERT_TRUE(after.evidence[0].proposal.has_value());
  EXPECT_EQ(after.evidence[0].proposal->exact, "conditions and safeguard");
  EXPECT_EQ(after.evidence[0].checked_against, document_);
  EXPECT_EQ(after.evidence[1].status, AnchorStatus::kLost);
  EXPECT_FALSE(after.evidence[1].proposal.has_value());
  EXPECT_TRUE(factcheck::NeedsReview(after));
  EXPECT_EQ(History(*second_id).size(), 1u);

  // A bad update anywhere in the call: nothing of it is written.
  EvidenceUpdate intact = changed;
  intact.status = AnchorStatus::kIntact;
  intact.proposal.reset();
  EvidenceUpdate unknown = intact;
  unknown.evidence_id = 9999;
  const absl::Status refused = store().UpdateEvidence({intact, unknown});
  EXPECT_EQ(refused.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(Message(refused), HasSubstr("evidence 9999 does not exist"));
  EXPECT_EQ(Load(*second_id).evidence[0].status, AnchorStatus::kChanged);
}

TEST_P(FactCheckStoreTest, ListFactChecksFiltersByClaimStatusAndNeedsReview) {
  const std::int64_t document = PutDocument("A/AC.291/22");
  const SampleFactCheckRecord record = PutSampleFactCheckRecord(store(), document, 0);
  ASSERT_NE(record.draft, 0);
  EXPECT_THAT(FactCheckIds(Filter(std::nullopt, std::nullopt, false)),
              ElementsAre(record.factcheck, record.draft));
  EXPECT_THAT(FactCheckIds(Filter(record.claims[2], std::nullopt, false)),
              ElementsAre(record.draft));
  EXPECT_THAT(FactCheckIds(Filter(std::nullopt, FactCheckStatus::kPublished, false)),
              ElementsAre(record.factcheck));
  EXPECT_THAT(FactCheckIds(Filter(std::nullopt, FactCheckStatus::kInReview, false)), IsEmpty());
  // The published one has a changed quote; the draft's quotes all hold.
  EXPECT_THAT(FactCheckIds(Filter(std::nullopt, std::nullopt, true)),
              ElementsAre(record.factcheck));
  EXPECT_THAT(FactCheckIds(Filter(record.claims[2], std::nullopt, true)), IsEmpty());
  absl::StatusOr<std::vector<factcheck::FactCheck>> all = store().ListFactChecks({});
  ASSERT_TRUE(all.ok()) << all.status();
  for (const factcheck::FactCheck& listed : *all) {
    EXPECT_EQ(Describe(listed), Describe(Load(listed.id)));
  }
}

// --- imports ------------------------------------------------------------------------------------

TEST_P(FactCheckStoreTest, ImportClaimsKeepsIdsAndTimesAndSkipsWhatItHolds) {
  std::vector<factcheck::Claim> claims = SampleClaims(0);
  for (std::size_t i = 0; i < claims.size(); ++i) {
    claims[i].id = 10 + static_cast<std::int64_t>(i) * 5;
    claims[i].created_at = fmt::format("2025-10-0{}T08:30:0{}Z", i + 1, i);
  }
  absl::StatusOr<int> stored = store().ImportClaims(claims);
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(*stored, 3);
  for (const factcheck::Claim& claim : claims) {
    EXPECT_EQ(Describe(**store().LoadClaim(claim.id)), Describe(claim));
  }
  stored = store().ImportClaims(claims);
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(*stored, 0);
  // New claims get ids above the imported ones.
  EXPECT_GT(PutClaim("after the import"), 20);
  // Another claim under a held id: refused, nothing of the call stored.
  std::vector<factcheck::Claim> clash = {claims[0], claims[1]};
  clash[0].id = 100;
  clash[1].text = "Different words.";
  absl::StatusOr<int> refused = store().ImportClaims(clash);
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(refused.status()), HasSubstr("cannot import claim 15"));
  absl::StatusOr<std::optional<factcheck::Claim>> not_stored = store().LoadClaim(100);
  ASSERT_TRUE(not_stored.ok());
  EXPECT_FALSE(not_stored->has_value());
  claims[0].id = 0;
  EXPECT_EQ(store().ImportClaims({claims[0]}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_P(FactCheckStoreTest, ImportFactCheckChecksTheHistoryAndSkipsWhatItHolds) {
  const std::int64_t document = PutDocument("A/AC.291/22");
  const SampleFactCheckRecord record = PutSampleFactCheckRecord(store(), document, 0);
  const factcheck::FactCheck current = Load(record.factcheck);
  const std::vector<factcheck::FactCheckRevision> history = History(record.factcheck);
  ASSERT_EQ(history.size(), 3u);
  // The store holds it already: nothing to import.
  absl::StatusOr<int> again = store().ImportFactCheck(current, history);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(*again, 0);

  // Into an empty store of the same backend (claims and documents first).
  absl::StatusOr<std::unique_ptr<TestDatabase>> other_database = GetParam().create_database();
  ASSERT_TRUE(other_database.ok()) << other_database.status();
  absl::StatusOr<std::unique_ptr<Store>> other = (*other_database)->Open();
  ASSERT_TRUE(other.ok()) << other.status();
  absl::StatusOr<PutResult> put = (*other)->ImportDocument(*store().LoadDocument("A/AC.291/22"));
  ASSERT_TRUE(put.ok()) << put.status();
  ASSERT_TRUE((*other)->ImportClaims(*store().ListClaims({})).ok());

  // A history that skips review is refused: imports obey the workflow too.
  std::vector<factcheck::FactCheckRevision> skipped = {history[0], history[2]};
  skipped[1].revision = 2;
  skipped[1].snapshot.revision = 2;
  factcheck::FactCheck skipped_current = current;
  skipped_current.revision = 2;
  absl::StatusOr<int> refused = (*other)->ImportFactCheck(skipped_current, skipped);
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(Message(refused.status()), HasSubstr("revision 2"));
  absl::StatusOr<std::optional<factcheck::FactCheck>> absent =
      (*other)->LoadFactCheck(record.factcheck);
  ASSERT_TRUE(absent.ok());
  EXPECT_FALSE(absent->has_value());

  absl::StatusOr<int> imported = (*other)->ImportFactCheck(current, history);
  ASSERT_TRUE(imported.ok()) << imported.status();
  EXPECT_EQ(*imported, 1);
  EXPECT_EQ(Describe(**(*other)->LoadFactCheck(record.factcheck)), Describe(current));
  EXPECT_EQ(Describe(*(*other)->FactCheckHistory(record.factcheck)), Describe(history));
  imported = (*other)->ImportFactCheck(current, history);
  ASSERT_TRUE(imported.ok()) << imported.status();
  EXPECT_EQ(*imported, 0);
  // New fact-checks and evidence get ids above the imported ones.
  factcheck::FactCheck fresh = SampleFactCheck(record.claims[1], document);
  absl::StatusOr<std::int64_t> fresh_id = (*other)->CreateFactCheck(fresh, Scale());
  ASSERT_TRUE(fresh_id.ok()) << fresh_id.status();
  EXPECT_GT(*fresh_id, record.factcheck);
  EXPECT_GT((*(*other)->LoadFactCheck(*fresh_id))->evidence[0].id, current.evidence.back().id);
}

// --- values -------------------------------------------------------------------------------------

struct BadClaimCase {
  std::string name;
  void (*spoil)(factcheck::Claim&);
  std::string message;
};

TEST_P(FactCheckStoreTest, BadClaimValuesAreRefusedNamingTheField) {
  const std::vector<BadClaimCase> cases = {
      {"empty text", [](factcheck::Claim& c) { c.text.clear(); },
       "claim 1 of 1 (BRA): text is empty"},
      {"bad UTF-8", [](factcheck::Claim& c) { c.actor = "\xC3("; },
       "claim 1 of 1 (?): actor is not valid UTF-8"},
      {"NUL", [](factcheck::Claim& c) { c.source_url = std::string("a\0b", 3); },
       "source URL is not valid UTF-8 text without NUL bytes"},
      {"date", [](factcheck::Claim& c) { c.date = "2023-1-7"; },
       "date '2023-1-7' is not YYYY-MM-DD"},
      {"session", [](factcheck::Claim& c) { c.session = -1; }, "the session must be 0"},
      {"cited path", [](factcheck::Claim& c) { c.cited_paths = {"art1", ""}; },
       "cited path 2 is empty"},
      {"statement", [](factcheck::Claim& c) { c.statement_id = 4242; },
       "statement 4242 does not exist"},
  };
  for (const BadClaimCase& bad : cases) {
    SCOPED_TRACE(bad.name);
    factcheck::Claim claim = SampleClaims(0)[0];
    bad.spoil(claim);
    absl::StatusOr<std::int64_t> refused = store().PutClaim(claim);
    EXPECT_EQ(refused.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(Message(refused.status()), HasSubstr(bad.message));
  }
  absl::StatusOr<std::vector<factcheck::Claim>> none = store().ListClaims({});
  ASSERT_TRUE(none.ok());
  EXPECT_THAT(*none, IsEmpty());
}

struct BadFactCheckCase {
  std::string name;
  void (*spoil)(factcheck::FactCheck&);
  std::string message;
};

TEST_P(FactCheckStoreTest, BadFactCheckValuesAreRefusedNamingTheField) {
  document_ = PutDocument("A/AC.291/22");
  const std::int64_t claim = PutClaim("A claim.");
  const std::vector<BadFactCheckCase> cases = {
      {"no author", [](factcheck::FactCheck& f) { f.author.clear(); }, "author is empty"},
      {"no claim", [](factcheck::FactCheck& f) { f.claim_id = 0; }, "the claim id must be"},
      {"unknown claim", [](factcheck::FactCheck& f) { f.claim_id = 777; },
       "claim 777 does not exist"},
      {"summary", [](factcheck::FactCheck& f) { f.summary = "\xFF"; },
       "summary is not valid UTF-8"},
      {"exact", [](factcheck::FactCheck& f) { f.evidence[1].anchor.exact.clear(); },
       "evidence 2 exact words is empty"},
      {"range", [](factcheck::FactCheck& f) { f.evidence[0].anchor.end = 1; },
       "evidence 1: start 120 and end 1 are not a range"},
      {"similarity", [](factcheck::FactCheck& f) { f.evidence[0].similarity = 1.5; },
       "similarity 1.5 is not between 0 and 1"},
      {"document", [](factcheck::FactCheck& f) { f.evidence[0].anchor.document_id = 555; },
       "document 555 does not exist"},
      {"origin", [](factcheck::FactCheck& f) { f.evidence[0].origin.clear(); },
       "evidence 1 origin is empty"},
      {"verdict", [](factcheck::FactCheck& f) { f.verdict = "true-ish"; },
       "'true-ish' is not a verdict"},
  };
  for (const BadFactCheckCase& bad : cases) {
    SCOPED_TRACE(bad.name);
    factcheck::FactCheck fact_check = SampleFactCheck(claim, document_);
    bad.spoil(fact_check);
    absl::StatusOr<std::int64_t> refused = store().CreateFactCheck(fact_check, Scale());
    EXPECT_EQ(refused.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(Message(refused.status()), HasSubstr(bad.message));
  }
  EXPECT_THAT(FactCheckIds({}), IsEmpty());

  const std::int64_t id = *store().CreateFactCheck(SampleFactCheck(claim, document_), Scale());
  factcheck::FactCheck next = Load(id);
  absl::StatusOr<int> refused = store().ReviseFactCheck(next, 1, "", "", Scale());
  EXPECT_THAT(Message(refused.status()), HasSubstr("who (the user saving it) is empty"));
  next.id = id + 1;
  refused = store().ReviseFactCheck(next, 1, "bob", "", Scale());
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(Message(refused.status()), HasSubstr(fmt::format("fact-check {} does not", id + 1)));
  next.id = id;
  next.claim_id = PutClaim("Another.");
  refused = store().ReviseFactCheck(next, 1, "bob", "", Scale());
  EXPECT_THAT(Message(refused.status()), HasSubstr("a fact-check stays on its claim"));
  EvidenceUpdate update;
  update.evidence_id = next.evidence[0].id;
  update.anchor = next.evidence[0].anchor;
  update.similarity = -0.1;
  EXPECT_THAT(Message(store().UpdateEvidence({update})),
              HasSubstr("evidence update 1 of 1 (evidence"));
  update.similarity = 1;
  EXPECT_THAT(Message(store().UpdateEvidence({update, update})),
              HasSubstr("the evidence is updated twice"));
  EXPECT_EQ(History(id).size(), 1u);
}

// --- migration ----------------------------------------------------------------------------------

// A store written before the fact-check record (schema version 3), holding documents and the
// negotiation record: opening it adds the tables (and the accounts of version 5) and keeps
// everything as it was.
TEST_P(FactCheckStoreTest, MigratingAVersion3StoreKeepsItsContentAndAddsTheTables) {
  ASSERT_EQ(*store().SchemaVersion(), 5);
  const std::int64_t document = PutDocument("A/AC.291/22");
  PutSampleRecord(store(), document);
  const std::vector<TableDigest> before = Digests();
  store_.reset();
  const bool postgres = GetParam().name == "Postgres";
  absl::Status downgraded = database_->ExecuteSql(
      postgres ? R"sql(
DROP TABLE login_sessions; DROP TABLE audit_log; DROP TABLE users;
DROP FUNCTION audit_log_append_only();
DROP TABLE factcheck_revisions; DROP FUNCTION factcheck_revisions_append_only();
DROP TABLE evidence; DROP TABLE factchecks; DROP TABLE claims;
DELETE FROM schema_migrations WHERE version IN (4, 5);
)sql"
               : R"sql(
DROP TABLE login_sessions; DROP TABLE audit_log; DROP TABLE users;
DROP TABLE factcheck_revisions; DROP TABLE evidence; DROP TABLE factchecks;
DROP TABLE claim_fts; DROP TABLE claims;
DELETE FROM schema_migrations WHERE version IN (4, 5);
)sql");
  ASSERT_TRUE(downgraded.ok()) << downgraded;
  store_ = Open();
  ASSERT_NE(store_, nullptr);
  EXPECT_EQ(*store().SchemaVersion(), 5);
  const std::vector<TableDigest> after = Digests();
  ASSERT_EQ(before.size(), after.size());
  for (std::size_t i = 0; i < before.size(); ++i) {
    EXPECT_EQ(before[i].rows, after[i].rows) << before[i].table;
    EXPECT_EQ(before[i].sha256, after[i].sha256) << before[i].table;
  }
  const std::int64_t statement = store().ListStatements({})->front().id;
  const SampleFactCheckRecord record = PutSampleFactCheckRecord(store(), document, statement);
  EXPECT_EQ(store().LoadClaim(record.claims[0])->value().statement_id, statement);
  EXPECT_THAT(MatchIds({"safeguards"}), ElementsAre(record.claims[0]));
}

INSTANTIATE_TEST_SUITE_P(Backends, FactCheckStoreTest,
                         ::testing::ValuesIn(StoreBackendsUnderTest()),
                         [](const ::testing::TestParamInfo<StoreBackend>& info) {
                           return info.param.name;
                         });

// --- backend-independent rows -------------------------------------------------------------------

TEST(FactCheckRows, SnapshotJsonIsCanonicalAndRoundTrips) {
  factcheck::FactCheck fact_check = SampleFactCheck(4, 7);
  fact_check.id = 9;
  fact_check.revision = 2;
  fact_check.evidence[0].id = 31;
  fact_check.evidence[0].similarity = 0.1;
  fact_check.evidence[0].status = AnchorStatus::kAmbiguous;
  fact_check.evidence[0].proposal = fact_check.evidence[1].anchor;
  fact_check.evidence[0].checked_against = 8;
  const std::string json = EncodeSnapshot(fact_check);
  EXPECT_EQ(json.find("\": "), std::string::npos);  // compact
  EXPECT_LT(json.find("\"author\""), json.find("\"change_note\""));  // keys sorted
  absl::StatusOr<factcheck::FactCheck> decoded = DecodeSnapshot(json, "snapshot");
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_TRUE(SameFactCheck(*decoded, fact_check)) << Describe(*decoded);
  EXPECT_EQ(EncodeSnapshot(*decoded), json);
  EXPECT_EQ(DecodeSnapshot("{\"id\":1}", "revision 3").status().code(),
            absl::StatusCode::kDataLoss);
  EXPECT_THAT(Message(DecodeSnapshot("[", "revision 3").status()), HasSubstr("revision 3"));
}

struct PlanCase {
  std::string name;
  std::vector<std::int64_t> counts;  // per term, as counted up to the cap + 1
  std::int64_t claims;
  std::int64_t budget;
  std::vector<std::size_t> kept;  // term indices, in the plan's order
  bool all_common;
  std::int64_t per_term_postings;
};

TEST(FactCheckRows, PlanClaimMatchKeepsRareTermsWithinTheBudget) {
  const std::vector<PlanCase> cases = {
      {"common left out when a rarer remains", {60, 3}, 1000, 1000, {1}, false, 1000},
      {"all rare: rarest first", {40, 3, 10}, 1000, 1000, {1, 2, 0}, false, 1000},
      {"exactly 5% is not common", {50, 51}, 1000, 1000, {0}, false, 1000},
      {"the budget stops adding terms", {400, 300, 2}, 100000, 500, {2, 1}, false, 500},
      {"the rarest is kept even alone", {499, 498}, 100000, 500, {1}, false, 500},
      {"all common: all kept, budget shared", {0, 501, 700}, 1000, 1000, {1, 2}, true, 500},
      {"above the budget counts as common", {900}, 100000, 500, {0}, true, 500},
      {"no matches at all", {0, 0}, 1000, 1000, {}, false, 0},
      {"tiny store: cap of one", {1, 2}, 3, 1000, {0}, false, 1000},
  };
  for (const PlanCase& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<MatchTermCount> counts;
    for (std::size_t i = 0; i < c.counts.size(); ++i) counts.push_back({i, c.counts[i]});
    const MatchPlan plan = PlanClaimMatch(counts, c.claims, c.budget);
    std::vector<std::size_t> kept;
    for (const MatchTermCount& term : plan.terms) kept.push_back(term.index);
    EXPECT_EQ(kept, c.kept);
    EXPECT_EQ(plan.all_common, c.all_common);
    EXPECT_EQ(plan.per_term_postings, c.per_term_postings);
  }
  EXPECT_EQ(MatchCountCap(1000000, 50000), 50000);
  EXPECT_EQ(MatchCountCap(10000, 50000), 500);
  EXPECT_EQ(MatchCountCap(3, 50000), 1);
  EXPECT_GT(MatchIdf(1000, 1), MatchIdf(1000, 100));
  EXPECT_GT(MatchIdf(1000, 999), 0);
}

// --- claim matching at scale (SQLite) ------------------------------------------------------------

// Generated claims: 10-25 words, a third of them stop words, the rest drawn from a Zipf
// distribution over 30,000 words (the treaty vocabulary first, then made-up words), so a few
// words are in most claims and most words in few, as in real text.
class ClaimGenerator {
 public:
  explicit ClaimGenerator(unsigned seed) : random_(seed) {
    static const char* const kTreatyWords[] = {
        "article", "convention", "budapest", "safeguards", "provision", "states", "delegation",
        "majority", "support", "scope", "broad", "narrow", "human", "rights", "protection",
        "data", "privacy", "illegal", "access", "interception", "interference", "computer",
        "crime", "cybercrime", "cooperation", "assistance", "extradition", "jurisdiction",
        "offence", "criminal", "procedural", "powers", "preservation", "traffic", "content",
        "disclosure", "production", "search", "seizure", "collection", "paragraph", "chapter",
        "draft", "committee", "session", "chair", "proposal", "amendment", "vote", "consensus",
        "objected", "mirrors", "identical", "stronger", "weaker", "contains", "provides",
        "consistent", "requires", "conditions", "proportionality", "judicial", "oversight",
        "independent", "review", "remedy", "transparency", "journalists", "researchers",
        "security", "testing", "criminality", "treaty", "instrument", "council", "europe",
        "nations", "assembly", "resolution", "mandate"};
    static const char* const kSyllables[] = {"ka", "to", "ri", "ne", "mo", "sa", "li",
                                             "pe", "du", "ga", "vi", "lo", "ba", "te",
                                             "zu", "fi", "ho", "ma", "no", "re"};
    std::set<std::string> seen;
    for (const char* word : kTreatyWords) {
      if (seen.insert(word).second) vocabulary_.push_back(word);
    }
    std::uniform_int_distribution<int> syllables(2, 4);
    std::uniform_int_distribution<int> syllable(0, 19);
    while (vocabulary_.size() < 30000) {
      std::string word;
      for (int n = syllables(random_); n > 0; --n) word += kSyllables[syllable(random_)];
      if (seen.insert(word).second) vocabulary_.push_back(word);
    }
    std::vector<double> weights;
    for (std::size_t i = 0; i < vocabulary_.size(); ++i) weights.push_back(1.0 / (i + 1.0));
    zipf_ = std::discrete_distribution<std::size_t>(weights.begin(), weights.end());
  }

  std::string Claim() {
    static const char* const kStop[] = {"the", "of", "and", "to", "in", "a", "is",
                                        "that", "has", "by", "on", "for", "as", "all"};
    std::uniform_int_distribution<int> length(10, 25);
    std::uniform_int_distribution<int> stop(0, 13);
    std::bernoulli_distribution is_stop(0.35);
    std::string text;
    for (int n = length(random_); n > 0; --n) {
      if (!text.empty()) text += ' ';
      text += is_stop(random_) ? kStop[stop(random_)] : vocabulary_[zipf_(random_)];
    }
    text[0] = static_cast<char>(text[0] - 'a' + 'A');
    return text + ".";
  }

  std::mt19937& random() { return random_; }

 private:
  std::mt19937 random_;
  std::vector<std::string> vocabulary_;
  std::discrete_distribution<std::size_t> zipf_;
};

TEST(ClaimMatchAtScale, QueriesStayFastAndFindTheClaimTheirWordsCameFrom) {
  const char* configured = std::getenv("TW_CLAIM_MATCH_CLAIMS");
  const std::int64_t total = configured != nullptr ? std::atoll(configured) : 20000;
  ASSERT_GT(total, 1000);
  // TW_CLAIM_MATCH_DB keeps the generated store (and reuses it when it holds the claims
  // already), so that repeated measurements skip the insertion.
  const char* kept_file = std::getenv("TW_CLAIM_MATCH_DB");
  TempFolder folder;
  absl::StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore(
      kept_file != nullptr ? std::string(kept_file) : (folder.path() / "claims.db").string());
  ASSERT_TRUE(store.ok()) << store.status();
  absl::StatusOr<std::optional<factcheck::Claim>> last = (*store)->LoadClaim(total);
  ASSERT_TRUE(last.ok()) << last.status();
  const bool generated_before = last->has_value();

  ClaimGenerator generator(7);
  std::vector<std::string> texts;
  texts.reserve(static_cast<std::size_t>(total));
  const auto insert_start = std::chrono::steady_clock::now();
  constexpr std::int64_t kBatch = 10000;
  for (std::int64_t begin = 1; begin <= total; begin += kBatch) {
    std::vector<factcheck::Claim> batch;
    for (std::int64_t id = begin; id < begin + kBatch && id <= total; ++id) {
      factcheck::Claim claim;
      claim.id = id;
      claim.text = generator.Claim();
      claim.actor = "GEN";
      claim.created_at = "2026-01-01T00:00:00Z";
      texts.push_back(claim.text);
      batch.push_back(std::move(claim));
    }
    if (generated_before) continue;
    absl::StatusOr<int> stored = (*store)->ImportClaims(batch);
    ASSERT_TRUE(stored.ok()) << stored.status();
  }
  const double insert_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - insert_start).count();

  // Queries: two thirds of a stored claim's content words, shuffled (a reworded claim).
  constexpr int kQueries = 300;
  static const std::set<std::string> kStop = {"the", "of", "and", "to", "in", "a", "is",
                                              "that", "has", "by", "on", "for", "as", "all"};
  std::uniform_int_distribution<std::int64_t> pick(1, total);
  std::vector<double> latencies;
  int found_first = 0;
  for (int q = 0; q < kQueries; ++q) {
    const std::int64_t id = pick(generator.random());
    std::vector<std::string> words;
    std::string word;
    for (char c : texts[static_cast<std::size_t>(id - 1)] + " ") {
      if (c == ' ' || c == '.') {
        std::transform(word.begin(), word.end(), word.begin(),
                       [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        if (!word.empty() && kStop.count(word) == 0 &&
            std::find(words.begin(), words.end(), word) == words.end()) {
          words.push_back(word);
        }
        word.clear();
      } else {
        word += c;
      }
    }
    std::shuffle(words.begin(), words.end(), generator.random());
    words.resize(std::max<std::size_t>(3, words.size() * 2 / 3));
    const auto start = std::chrono::steady_clock::now();
    absl::StatusOr<std::vector<ClaimCandidate>> matched = (*store)->MatchClaims(words, 100);
    latencies.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count());
    ASSERT_TRUE(matched.ok()) << matched.status();
    if (!matched->empty() && matched->front().claim.id == id) ++found_first;
  }
  std::sort(latencies.begin(), latencies.end());
  const double p50 = latencies[latencies.size() / 2];
  const double p99 = latencies[latencies.size() * 99 / 100];
  std::printf("claim match on %lld claims: %s %.1f s (ImportClaims, batches of %lld); "
              "query p50 %.1f ms, p99 %.1f ms, max %.1f ms; source claim first in %d of %d\n",
              static_cast<long long>(total),
              generated_before ? "stored before, generated in" : "generated and inserted in",
              insert_seconds, static_cast<long long>(kBatch), p50, p99, latencies.back(),
              found_first, kQueries);
  // The source claim holds every query word: it is first unless the words were all common
  // (then any claim with them scores the same) or shared by a claim as rare.
  EXPECT_GE(found_first, kQueries * 8 / 10);
}

}  // namespace
}  // namespace tw::store::testing
