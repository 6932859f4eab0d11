// The automatic checks on the real texts (../shared/corpus) and on the demo negotiation. The
// documents go through the real reader and parser into a temporary SQLite store; the recorded
// vote on resolution 74/247 is imported as `treatywatch vote import` does. Every anchor a
// check returns is re-read from the stored text.
//
// Also the phrase lists that decide which checks apply (claim_wording.h), case by case.
#include "factcheck/auto_checks.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <set>
#include <string>
#include <vector>

#include "compare/crosswalk.h"
#include "factcheck/claim_wording.h"
#include "ingest/document_builder.h"
#include "negotiation/actor_registry.h"
#include "negotiation/record_import.h"
#include "store/store.h"

namespace tw::factcheck {
namespace {

using ::testing::HasSubstr;
using ::testing::SizeIs;

// ------------------------------------------------------------------ the wording

struct MirrorsCase {
  std::string text;
  bool applies;
  bool differs;
  MirrorStrength strength;
};
void PrintTo(const MirrorsCase& c, std::ostream* out) { *out << c.text; }

class MirrorsWordingTest : public testing::TestWithParam<MirrorsCase> {};

TEST_P(MirrorsWordingTest, ReadsTheVerb) {
  const MirrorsCase& c = GetParam();
  const MirrorsWording wording = ReadClaimWording(c.text).mirrors;
  EXPECT_EQ(wording.applies, c.applies) << c.text;
  if (!c.applies) return;
  EXPECT_EQ(wording.differs, c.differs) << c.text;
  EXPECT_EQ(wording.strength, c.strength) << c.text << ": " << MirrorStrengthName(wording.strength);
}

INSTANTIATE_TEST_SUITE_P(
    Phrases, MirrorsWordingTest,
    testing::Values(
        MirrorsCase{"Article 7 mirrors article 2 of the Budapest Convention", true, false,
                    MirrorStrength::kClose},
        MirrorsCase{"Article 7 is the same as article 2", true, false, MirrorStrength::kClose},
        MirrorsCase{"It reproduces article 2 of the Regional Convention", true, false,
                    MirrorStrength::kClose},
        MirrorsCase{"This article copies the Budapest text", true, false, MirrorStrength::kClose},
        MirrorsCase{"Article 7 is identical to article 2", true, false, MirrorStrength::kIdentical},
        MirrorsCase{"Its paragraph 2 reproduces our proposal word for word", true, false,
                    MirrorStrength::kIdentical},
        MirrorsCase{"Article 4 is based on a proposal made by Egypt", true, false,
                    MirrorStrength::kLoose},
        MirrorsCase{"Article 9 follows article 3 of the Budapest Convention", true, false,
                    MirrorStrength::kLoose},
        MirrorsCase{"Article 7 does not mirror article 2", true, true, MirrorStrength::kClose},
        MirrorsCase{"Article 7 differs from article 2 of the Budapest Convention", true, true,
                    MirrorStrength::kClose},
        MirrorsCase{"Article 7 isn't based on the Budapest Convention", true, true,
                    MirrorStrength::kLoose},
        MirrorsCase{"The States Parties have agreed as follows", false, false,
                    MirrorStrength::kClose},
        MirrorsCase{"We thank the Chair for her work", false, false, MirrorStrength::kClose}));

struct SafeguardCase {
  std::string text;
  bool applies;
  bool lacks;
  bool all;
};
void PrintTo(const SafeguardCase& c, std::ostream* out) { *out << c.text; }

class SafeguardWordingTest : public testing::TestWithParam<SafeguardCase> {};

TEST_P(SafeguardWordingTest, ReadsVerbAndSafeguard) {
  const SafeguardCase& c = GetParam();
  const SafeguardWording wording = ReadClaimWording(c.text).safeguard;
  EXPECT_EQ(wording.applies, c.applies) << c.text;
  if (!c.applies) return;
  EXPECT_EQ(wording.lacks, c.lacks) << c.text;
  EXPECT_EQ(wording.all, c.all) << c.text;
  EXPECT_FALSE(wording.terms.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Phrases, SafeguardWordingTest,
    testing::Values(
        SafeguardCase{"Article 28 already contains all the safeguards of the Budapest Convention",
                      true, false, true},
        SafeguardCase{"Article 24 provides for judicial review", true, false, false},
        SafeguardCase{"Article 24 includes the principle of proportionality", true, false, false},
        SafeguardCase{"Article 37 lacks a political-offence exception", true, true, false},
        SafeguardCase{"Article 22 omits any effective remedy", true, true, false},
        SafeguardCase{"Article 23 does not contain independent supervision", true, true, false},
        SafeguardCase{"Article 23 doesn’t contain independent supervision", true, true, false},
        SafeguardCase{"It contains none of the safeguards listed in article 12", true, true, true},
        SafeguardCase{"Article 27 no longer requires prior authorization by a judicial authority",
                      true, true, false},
        SafeguardCase{"Article 7 contains the words computer system", false, false, false},
        SafeguardCase{"Safeguards matter to us", false, false, false}));

TEST(SafeguardWordingTest, CallerTermsNameSafeguards) {
  EXPECT_FALSE(ReadClaimWording("Article 36 contains a data flow clause").safeguard.applies);
  EXPECT_TRUE(ReadClaimWording("Article 36 contains a data flow clause", {"data flow clause"})
                  .safeguard.applies);
}

struct SupportCase {
  std::string text;
  bool applies;
  Quantifier quantifier;
  int count;
  int total;
  CountBound bound;
  ClaimedStance stance;
  bool voting;
  bool of_membership;
};
void PrintTo(const SupportCase& c, std::ostream* out) { *out << c.text; }

class SupportWordingTest : public testing::TestWithParam<SupportCase> {};

TEST_P(SupportWordingTest, ReadsQuantityAndStance) {
  const SupportCase& c = GetParam();
  const SupportWording wording = ReadClaimWording(c.text).support;
  EXPECT_EQ(wording.applies, c.applies) << c.text;
  if (!c.applies) return;
  EXPECT_EQ(wording.quantifier, c.quantifier)
      << c.text << ": " << QuantifierName(wording.quantifier);
  EXPECT_EQ(wording.count, c.count) << c.text;
  EXPECT_EQ(wording.total, c.total) << c.text;
  EXPECT_EQ(wording.bound, c.bound) << c.text << ": " << CountBoundName(wording.bound);
  EXPECT_EQ(wording.stance, c.stance) << c.text << ": " << ClaimedStanceName(wording.stance);
  EXPECT_EQ(wording.voting, c.voting) << c.text;
  EXPECT_EQ(wording.of_membership, c.of_membership) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Phrases, SupportWordingTest,
    testing::Values(
        SupportCase{"27 states support article 24", true, Quantifier::kCount, 27, 0,
                    CountBound::kExactly, ClaimedStance::kSupport, false, false},
        SupportCase{"At the third session, 27 of the 46 delegations that took the floor on "
                    "these offences supported retaining them.",
                    true, Quantifier::kCount, 27, 46, CountBound::kExactly, ClaimedStance::kSupport,
                    false, false},
        SupportCase{"At least forty-six countries backed the text", true, Quantifier::kCount, 46, 0,
                    CountBound::kAtLeast, ClaimedStance::kSupport, false, false},
        SupportCase{"More than 60 member states voted against resolution 74/247", true,
                    Quantifier::kCount, 60, 0, CountBound::kMoreThan, ClaimedStance::kOppose, true,
                    false},
        SupportCase{"A majority voted for A/RES/74/247", true, Quantifier::kMajority, 0, 0,
                    CountBound::kExactly, ClaimedStance::kSupport, true, false},
        SupportCase{"A majority of States support the broad scope of this Convention.", true,
                    Quantifier::kMajority, 0, 0, CountBound::kExactly, ClaimedStance::kSupport,
                    false, true},
        SupportCase{"Most delegations want article 14 deleted", true, Quantifier::kMajority, 0, 0,
                    CountBound::kExactly, ClaimedStance::kOppose, false, false},
        SupportCase{"The majority of member states voted for it", true, Quantifier::kMajority, 0, 0,
                    CountBound::kExactly, ClaimedStance::kSupport, true, true},
        SupportCase{"No delegation objected to paragraph 3", true, Quantifier::kNone, 0, 0,
                    CountBound::kExactly, ClaimedStance::kOppose, false, false},
        SupportCase{"Nobody opposed article 24", true, Quantifier::kNone, 0, 0,
                    CountBound::kExactly, ClaimedStance::kOppose, false, false},
        SupportCase{"The resolution was adopted by consensus", true, Quantifier::kAll, 0, 0,
                    CountBound::kExactly, ClaimedStance::kSupport, true, false},
        SupportCase{"Seventeen states abstained", true, Quantifier::kCount, 17, 0,
                    CountBound::kExactly, ClaimedStance::kAbstain, false, false},
        SupportCase{"Article 15 was not changed since the last draft", false, Quantifier::kCount, 0,
                    0, CountBound::kExactly, ClaimedStance::kSupport, false, false},
        SupportCase{"Article 6 says that no State Party may suppress dissent", false,
                    Quantifier::kCount, 0, 0, CountBound::kExactly, ClaimedStance::kSupport,
                    false, false},
        SupportCase{"Articles 7 to 11 establish offences", false, Quantifier::kCount, 0, 0,
                    CountBound::kExactly, ClaimedStance::kSupport, false, false}));

struct ChangeCase {
  std::string text;
  bool applies;
  bool unchanged;
};
void PrintTo(const ChangeCase& c, std::ostream* out) { *out << c.text; }

class ChangeWordingTest : public testing::TestWithParam<ChangeCase> {};

TEST_P(ChangeWordingTest, ReadsChangedOrNot) {
  const ChangeCase& c = GetParam();
  const ChangeWording wording = ReadClaimWording(c.text).change;
  EXPECT_EQ(wording.applies, c.applies) << c.text;
  if (c.applies) {
    EXPECT_EQ(wording.unchanged, c.unchanged) << c.text;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Phrases, ChangeWordingTest,
    testing::Values(ChangeCase{"Article 15 was not changed since the last draft", true, true},
                    ChangeCase{"Article 15 wasn't changed", true, true},
                    ChangeCase{"Article 15 is unchanged", true, true},
                    ChangeCase{"Article 15 was not touched", true, true},
                    ChangeCase{"Article 15 remains the same", true, true},
                    ChangeCase{"Article 15 was amended", true, false},
                    ChangeCase{"Article 15 has changed since the last draft", true, false},
                    ChangeCase{"Paragraph 2 of article 27 no longer requires prior authorization",
                               true, false},
                    ChangeCase{"Article 15 protects children", false, false}));

TEST(VoteSymbolsTest, FindsResolutionSymbols) {
  EXPECT_THAT(VoteSymbolsIn("A majority voted for A/RES/74/247."),
              testing::ElementsAre("A/RES/74/247"));
  EXPECT_THAT(VoteSymbolsIn("as in resolution 74/247 and a/res/79/243"),
              testing::ElementsAre("A/RES/74/247", "A/RES/79/243"));
  EXPECT_THAT(VoteSymbolsIn("article 74 and 247 states"), testing::IsEmpty());
}

// ------------------------------------------------------------------ stores

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "tw-autocheck-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;  // a leftover temp folder is not a test failure
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void Ingest(store::Store& store, const std::filesystem::path& path, doc::DocumentMeta meta) {
  absl::StatusOr<doc::Document> document = ingest::BuildDocument(path, meta, ingest::ReadOptions{});
  ASSERT_TRUE(document.ok()) << document.status();
  absl::StatusOr<store::PutResult> put = store.PutDocument(*document);
  ASSERT_TRUE(put.ok()) << put.status();
}

doc::DocumentMeta Meta(std::string kind, std::string instrument, std::string symbol = "",
                       std::string date = "") {
  doc::DocumentMeta meta;
  meta.kind = std::move(kind);
  meta.instrument = std::move(instrument);
  meta.symbol = std::move(symbol);
  meta.date = std::move(date);
  return meta;
}

const std::filesystem::path kCorpus = TW_CORPUS_DIR;
const std::filesystem::path kDemo = std::filesystem::path(TW_SOURCE_DIR) / "demo";

// Every anchor quotes the stored text at its offsets, inside the provision it names.
void ExpectAnchorsHold(store::Store& store, const AutoCheckResult& result) {
  for (const EvidenceAnchor& anchor : result.anchors) {
    absl::StatusOr<doc::Document> document = store.LoadDocument(std::to_string(anchor.document_id));
    ASSERT_TRUE(document.ok()) << document.status();
    ASSERT_LT(anchor.start, anchor.end);
    ASSERT_LE(anchor.end, document->text.size());
    EXPECT_EQ(document->text.substr(anchor.start, anchor.end - anchor.start), anchor.exact);
    EXPECT_TRUE(document->text.compare(anchor.start - anchor.prefix.size(), anchor.prefix.size(),
                                       anchor.prefix) == 0);
    EXPECT_TRUE(document->text.compare(anchor.end, anchor.suffix.size(), anchor.suffix) == 0);
    if (!anchor.path.empty()) {
      const doc::Provision* holder = doc::FindProvision(document->root, anchor.path);
      ASSERT_NE(holder, nullptr) << anchor.path;
      EXPECT_GE(anchor.start, holder->begin);
      EXPECT_LE(anchor.end, holder->end);
    }
  }
}

// The real texts: the UN convention (the draft under discussion), the Budapest Convention
// (stored without an instrument: found by its title's built-in alias), resolution 74/247 and
// its recorded vote.
class CorpusAutoChecksTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    absl::StatusOr<std::unique_ptr<store::Store>> opened =
        store::OpenStore((dir_->path() / "corpus.db").string());
    ASSERT_TRUE(opened.ok()) << opened.status();
    store_ = opened->release();
    Ingest(*store_, kCorpus / "un-cybercrime-convention-2024.txt",
           Meta("final", "UN Convention against Cybercrime", "", "2024-12-24"));
    Ingest(*store_, kCorpus / "budapest-convention-ets185.txt",
           Meta("reference", "", "", "2001-11-23"));
    Ingest(*store_, kCorpus / "unga-resolution-74-247.txt",
           Meta("reference", "", "A/RES/74/247", "2019-12-27"));
    negotiation::VoteMeta vote_meta;
    vote_meta.symbol = "A/RES/74/247";
    vote_meta.body = "General Assembly";
    vote_meta.date = "2019-12-27";
    const std::string csv = ReadFile(kCorpus / "unga-74-247-recorded-vote.csv");
    absl::StatusOr<negotiation::RecordedVote> vote = negotiation::ReadVoteCsv(
        csv, "unga-74-247-recorded-vote.csv", negotiation::ActorRegistry::Default(), vote_meta);
    ASSERT_TRUE(vote.ok()) << vote.status();
    ASSERT_TRUE(store_->PutVote(*vote, false).ok());
  }
  static void TearDownTestSuite() {
    delete store_;
    delete dir_;
    store_ = nullptr;
    dir_ = nullptr;
  }

  static std::vector<AutoCheckResult> Run(const std::string& text, AutoCheckOptions options = {}) {
    Claim claim;
    claim.text = text;
    claim.actor = "EGY";
    absl::StatusOr<std::vector<AutoCheckResult>> results = RunAutoChecks(claim, *store_, options);
    EXPECT_TRUE(results.ok()) << results.status();
    if (!results.ok()) return {};
    for (const AutoCheckResult& result : *results) {
      std::cout << "  [" << result.check << ", " << AssessmentName(result.assessment) << "] "
                << result.finding << "\n";
      ExpectAnchorsHold(*store_, result);
    }
    return *std::move(results);
  }

  // The one result of `check` (a copy: the results are often a temporary).
  static std::optional<AutoCheckResult> Only(const std::vector<AutoCheckResult>& results,
                                             const std::string& check) {
    std::optional<AutoCheckResult> found;
    for (const AutoCheckResult& result : results) {
      if (result.check != check) continue;
      EXPECT_FALSE(found.has_value()) << "two " << check << " results";
      found = result;
    }
    return found;
  }

  static doc::Document Load(const std::string& id) {
    absl::StatusOr<doc::Document> document = store_->LoadDocument(id);
    EXPECT_TRUE(document.ok()) << document.status();
    return document.ok() ? *std::move(document) : doc::Document{};
  }

  static inline TempDir* dir_ = nullptr;
  static inline store::Store* store_ = nullptr;
};

TEST_F(CorpusAutoChecksTest, IllegalAccessMirrorsBudapestArticle2) {
  const std::vector<AutoCheckResult> results =
      Run("Article 7 of the UN Convention against Cybercrime mirrors article 2 of the Budapest "
          "Convention.");
  const std::optional<AutoCheckResult> mirrors = Only(results, "mirrors");
  ASSERT_TRUE(mirrors.has_value());
  const nlohmann::json& details = mirrors->details;
  EXPECT_EQ(details["subject"]["path"], "art7");
  EXPECT_EQ(details["subject"]["heading"], "Illegal access");
  EXPECT_EQ(details["object"]["path"], "art2");
  EXPECT_EQ(details["object"]["heading"], "Illegal access");
  EXPECT_EQ(details["object"]["cite"], "Convention on Cybercrime");
  EXPECT_EQ(details["best_match"]["path"], "art2");
  const double similarity = details["similarity"];
  // The same number as the crosswalk of the two conventions gives for the pair.
  const doc::Document un = Load("1");
  const doc::Document budapest = Load("2");
  const compare::Crosswalk crosswalk = compare::BuildCrosswalk(un, budapest);
  double crosswalk_similarity = -1;
  for (const compare::CrosswalkEntry& entry : crosswalk.entries) {
    if (entry.path != "art7") continue;
    ASSERT_FALSE(entry.matches.empty());
    EXPECT_EQ(entry.matches.front().path, "art2");
    crosswalk_similarity = entry.matches.front().similarity;
  }
  EXPECT_DOUBLE_EQ(similarity, crosswalk_similarity);
  // The UN text adds a paragraph on security measures and intent... and says "information and
  // communications technology system" where Budapest says "computer system".
  EXPECT_GT(similarity, 0.3);
  EXPECT_LT(similarity, 0.95);
  EXPECT_THAT(mirrors->finding, HasSubstr("Art. 7 of UN Convention against Cybercrime"));
  EXPECT_THAT(mirrors->finding, HasSubstr("Art. 2 of Convention on Cybercrime"));
  EXPECT_THAT(details["only_in_subject"].dump(),
              HasSubstr("information and communications technology"));
  ASSERT_GE(mirrors->anchors.size(), 2u);
  EXPECT_EQ(mirrors->anchors[0].path, "art7");
  EXPECT_THAT(mirrors->anchors[0].exact, HasSubstr("Illegal access"));
  EXPECT_EQ(mirrors->anchors[1].path, "art2");
  EXPECT_EQ(mirrors->anchors[1].document_id, 2);
}

// Resolution 79/243 (the official PDF) carries the convention in its annex ("annex.art7"),
// stored with no instrument named: "article 7" of the convention is the annexed one.
TEST(AnnexedConventionAutoChecksTest, ArticleNumbersReachIntoTheAnnex) {
  TempDir dir;
  absl::StatusOr<std::unique_ptr<store::Store>> store =
      store::OpenStore((dir.path() / "annex.db").string());
  ASSERT_TRUE(store.ok()) << store.status();
  Ingest(**store, kCorpus / "budapest-convention-ets185.txt", Meta("reference", ""));
  Ingest(**store, kCorpus / "A-RES-79-243.pdf", Meta("reference", ""));
  Claim claim;
  claim.text = "Article 7 of the United Nations Convention against Cybercrime mirrors article 2 "
               "of the Budapest Convention";
  absl::StatusOr<std::vector<AutoCheckResult>> results =
      RunAutoChecks(claim, **store, AutoCheckOptions{});
  ASSERT_TRUE(results.ok()) << results.status();
  const auto mirrors = std::find_if(results->begin(), results->end(),
                                    [](const AutoCheckResult& r) { return r.check == "mirrors"; });
  ASSERT_NE(mirrors, results->end());
  // Which side is "the draft under discussion" follows AutoCheckContext's choice; the pair is
  // what matters here.
  const std::set<std::string> paths = {mirrors->details["subject"]["path"].get<std::string>(),
                                       mirrors->details["object"]["path"].get<std::string>()};
  EXPECT_EQ(paths, (std::set<std::string>{"annex.art7", "art2"})) << mirrors->finding;
}

TEST_F(CorpusAutoChecksTest, IllegalAccessArticleNamedByItsHeading) {
  const std::vector<AutoCheckResult> results =
      Run("The UN convention's illegal-access article mirrors the Budapest Convention's.");
  const std::optional<AutoCheckResult> mirrors = Only(results, "mirrors");
  ASSERT_TRUE(mirrors.has_value());
  EXPECT_EQ(mirrors->details["subject"]["path"], "art7");
  EXPECT_EQ(mirrors->details["object"]["path"], "art2");
  EXPECT_EQ(mirrors->details["subject_from_heading"], true);
}

TEST_F(CorpusAutoChecksTest, IdenticalIsAStrongerClaimThanMirrors) {
  const std::optional<AutoCheckResult> mirrors =
      Only(Run("Article 7 mirrors article 2 of the Budapest Convention."), "mirrors");
  const std::optional<AutoCheckResult> identical =
      Only(Run("Article 7 is identical to article 2 of the Budapest Convention."), "mirrors");
  ASSERT_TRUE(mirrors.has_value());
  ASSERT_TRUE(identical.has_value());
  EXPECT_EQ(mirrors->details["similarity"], identical->details["similarity"]);
  EXPECT_EQ(identical->assessment, Assessment::kContradicts);
  const std::optional<AutoCheckResult> differs =
      Only(Run("Article 7 differs from article 2 of the Budapest Convention."), "mirrors");
  ASSERT_TRUE(differs.has_value());
  EXPECT_EQ(differs->details["claim_says"], "different");
  EXPECT_EQ(differs->assessment, Assessment::kPartly);  // 0.53: between 0.5 and 0.8
}

TEST_F(CorpusAutoChecksTest, TwoArticlesOfTheDraftInTheOrderNamed) {
  const std::optional<AutoCheckResult> mirrors =
      Only(Run("Article 8 follows the model of article 7."), "mirrors");
  ASSERT_TRUE(mirrors.has_value());
  EXPECT_EQ(mirrors->details["subject"]["path"], "art8");
  EXPECT_EQ(mirrors->details["object"]["path"], "art7");
  EXPECT_EQ(mirrors->details["measure"], "object_in_subject");
  // Its own article is never its best match.
  EXPECT_NE(mirrors->details["best_match"]["path"], "art8");
}

TEST_F(CorpusAutoChecksTest, AnotherInstrumentAsTheDraft) {
  // The Budapest Convention is stored without an instrument; its built-in name finds it.
  AutoCheckOptions options;
  options.instrument = "Budapest Convention";
  const std::optional<AutoCheckResult> mirrors = Only(
      Run("Article 2 mirrors article 7 of the UN Convention against Cybercrime.", options),
      "mirrors");
  ASSERT_TRUE(mirrors.has_value());
  EXPECT_EQ(mirrors->details["subject"]["cite"], "Convention on Cybercrime");
  EXPECT_EQ(mirrors->details["subject"]["path"], "art2");
  EXPECT_EQ(mirrors->details["object"]["path"], "art7");
  EXPECT_NEAR(mirrors->details["similarity"].get<double>(), 0.53, 0.01);
}

TEST_F(CorpusAutoChecksTest, UnrelatedArticlesDoNotMirror) {
  // Art. 6 (human rights) against Budapest Art. 2 (illegal access).
  const std::optional<AutoCheckResult> mirrors =
      Only(Run("Article 6 mirrors article 2 of the Budapest Convention."), "mirrors");
  ASSERT_TRUE(mirrors.has_value());
  EXPECT_EQ(mirrors->assessment, Assessment::kContradicts);
  EXPECT_LT(mirrors->details["similarity"].get<double>(), 0.3);
  EXPECT_NE(mirrors->details["best_match"]["path"], "art2");
}

TEST_F(CorpusAutoChecksTest, ExtraditionArticleLacksThePoliticalOffenceGround) {
  const std::vector<AutoCheckResult> results = Run(
      "Article 37 of the UN Convention against Cybercrime lacks a political offence exception.");
  const std::optional<AutoCheckResult> safeguard = Only(results, "safeguard");
  ASSERT_TRUE(safeguard.has_value());
  EXPECT_EQ(safeguard->assessment, Assessment::kSupports);
  EXPECT_THAT(safeguard->finding, HasSubstr("Refusal for political offences"));
  EXPECT_THAT(safeguard->finding, HasSubstr("political offence"));
  ASSERT_THAT(safeguard->details["findings"], SizeIs(1));
  EXPECT_EQ(safeguard->details["findings"][0]["rule_id"], "cooperation-political-offence");
  EXPECT_EQ(safeguard->details["findings"][0]["outcome"], "missing");
  ASSERT_FALSE(safeguard->anchors.empty());
  EXPECT_EQ(safeguard->anchors[0].path, "art37");
  // The opposite claim is contradicted by the same finding.
  const std::optional<AutoCheckResult> contains =
      Only(Run("Article 37 contains a political offence exception."), "safeguard");
  ASSERT_TRUE(contains.has_value());
  EXPECT_EQ(contains->assessment, Assessment::kContradicts);
}

TEST_F(CorpusAutoChecksTest, SearchAndSeizureIsSubjectToJudicialReview) {
  const std::optional<AutoCheckResult> safeguard =
      Only(Run("Article 28 provides for judicial or other independent review."), "safeguard");
  ASSERT_TRUE(safeguard.has_value());
  EXPECT_EQ(safeguard->assessment, Assessment::kSupports);
  ASSERT_THAT(safeguard->details["findings"], SizeIs(1));
  EXPECT_EQ(safeguard->details["findings"][0]["rule_id"], "power-independent-review");
  EXPECT_EQ(safeguard->details["findings"][0]["path"], "art28");
  // The words are Art. 24's, which every power of the chapter inherits.
  ASSERT_FALSE(safeguard->anchors.empty());
  EXPECT_EQ(safeguard->anchors[0].path.rfind("art24", 0), 0u) << safeguard->anchors[0].path;
  EXPECT_THAT(safeguard->anchors[0].exact, HasSubstr("independent review"));
}

TEST_F(CorpusAutoChecksTest, GroomingOffenceLacksWithoutRight) {
  const std::optional<AutoCheckResult> safeguard =
      Only(Run("Article 15 does not require that the conduct be without right."), "safeguard");
  ASSERT_TRUE(safeguard.has_value());
  EXPECT_EQ(safeguard->assessment, Assessment::kSupports);
  EXPECT_EQ(safeguard->details["findings"][0]["rule_id"], "offence-without-right");
}

TEST_F(CorpusAutoChecksTest, PowersHaveTheSafeguardsOfBudapest) {
  const std::optional<AutoCheckResult> safeguard =
      Only(Run("Article 28 already contains all the safeguards of the Budapest Convention."),
           "safeguard");
  ASSERT_TRUE(safeguard.has_value());
  // Budapest's counterpart is Art. 19 (search and seizure of stored computer data).
  EXPECT_EQ(safeguard->details["source"]["path"], "art19");
  EXPECT_GE(safeguard->details["held_by_source"].get<int>(), 4);
  EXPECT_EQ(safeguard->details["absent"], 0);
  EXPECT_EQ(safeguard->assessment, Assessment::kSupports);
}

TEST_F(CorpusAutoChecksTest, MajorityOfTheVoteOn74_247) {
  const std::optional<AutoCheckResult> support =
      Only(Run("A majority voted for A/RES/74/247."), "support");
  ASSERT_TRUE(support.has_value());
  const nlohmann::json& d = support->details;
  EXPECT_EQ(d["yes"], 79);
  EXPECT_EQ(d["no"], 60);
  EXPECT_EQ(d["abstain"], 33);
  EXPECT_EQ(d["absent"], 21);
  EXPECT_EQ(d["members"], 193);
  EXPECT_NEAR(d["share_of_membership"].get<double>(), 0.409, 0.001);
  EXPECT_NEAR(d["share_of_present_and_voting"].get<double>(), 79.0 / 139.0, 1e-9);
  // A majority of those present and voting, not of the ballots cast nor of the membership.
  EXPECT_EQ(support->assessment, Assessment::kPartly);
  EXPECT_THAT(support->finding, HasSubstr("79 yes, 60 no, 33 abstain, 21 absent of 193 members"));
  EXPECT_THAT(support->finding, HasSubstr("40.9% of the membership"));

  const std::optional<AutoCheckResult> of_states =
      Only(Run("A majority of States voted for resolution 74/247."), "support");
  ASSERT_TRUE(of_states.has_value());
  EXPECT_EQ(of_states->assessment, Assessment::kContradicts);
  const std::optional<AutoCheckResult> of_voters =
      Only(Run("A majority of those present and voting voted for A/RES/74/247."), "support");
  ASSERT_TRUE(of_voters.has_value());
  EXPECT_EQ(of_voters->assessment, Assessment::kSupports);
}

TEST_F(CorpusAutoChecksTest, CountsOfTheVoteOn74_247) {
  struct Case {
    std::string text;
    Assessment expected;
  };
  for (const Case& c : std::vector<Case>{
           {"79 states voted for A/RES/74/247.", Assessment::kSupports},
           {"80 states voted for A/RES/74/247.", Assessment::kContradicts},
           {"60 states voted against resolution 74/247.", Assessment::kSupports},
           {"More than 70 states voted against resolution 74/247.", Assessment::kContradicts},
           {"33 states abstained on A/RES/74/247.", Assessment::kSupports},
           {"No state voted against A/RES/74/247.", Assessment::kContradicts},
           {"Resolution 74/247 was adopted by consensus.", Assessment::kContradicts},
       }) {
    const std::optional<AutoCheckResult> support = Only(Run(c.text), "support");
    ASSERT_TRUE(support.has_value()) << c.text;
    EXPECT_EQ(support->assessment, c.expected) << c.text << ": " << support->finding;
  }
}

TEST_F(CorpusAutoChecksTest, AVoteNotStoredIsInconclusive) {
  const std::optional<AutoCheckResult> support =
      Only(Run("A majority voted for A/RES/79/243."), "support");
  ASSERT_TRUE(support.has_value());
  EXPECT_EQ(support->assessment, Assessment::kInconclusive);
  EXPECT_THAT(support->finding, HasSubstr("No recorded vote A/RES/79/243"));
}

TEST_F(CorpusAutoChecksTest, AnInstrumentNotStoredIsInconclusive) {
  const std::vector<AutoCheckResult> results =
      Run("Article 7 mirrors article 2 of the Malabo Convention.");
  ASSERT_THAT(results, SizeIs(1));
  EXPECT_EQ(results[0].check, "mirrors");
  EXPECT_EQ(results[0].assessment, Assessment::kInconclusive);
  EXPECT_THAT(results[0].finding, HasSubstr("No stored version of 'Malabo Convention'"));
  EXPECT_EQ(results[0].details["missing_instrument"], "Malabo Convention");
  const std::optional<AutoCheckResult> safeguard =
      Only(Run("Article 24 contains all the safeguards of the ICCPR."), "safeguard");
  ASSERT_TRUE(safeguard.has_value());
  EXPECT_EQ(safeguard->assessment, Assessment::kInconclusive);
  EXPECT_THAT(
      safeguard->finding,
      HasSubstr("No stored version of 'International Covenant on Civil and Political Rights'"));
}

TEST_F(CorpusAutoChecksTest, ANamedSafeguardIsCheckedWithoutTheOtherInstrument) {
  const std::vector<AutoCheckResult> results =
      Run("Article 37 lacks the political offence exception that UNTOC contains.");
  ASSERT_THAT(results, SizeIs(2));
  EXPECT_EQ(results[0].assessment, Assessment::kInconclusive);
  EXPECT_THAT(results[0].finding, HasSubstr("'UN Convention against Transnational Organized Crime'"));
  EXPECT_EQ(results[1].assessment, Assessment::kSupports);
  EXPECT_EQ(results[1].details["findings"][0]["rule_id"], "cooperation-political-offence");
}

TEST_F(CorpusAutoChecksTest, AnArticleTheDraftLacksIsInconclusive) {
  const std::optional<AutoCheckResult> mirrors =
      Only(Run("Article 99 mirrors article 2 of the Budapest Convention."), "mirrors");
  ASSERT_TRUE(mirrors.has_value());
  EXPECT_EQ(mirrors->assessment, Assessment::kInconclusive);
  EXPECT_THAT(mirrors->finding, HasSubstr("art99"));
}

TEST_F(CorpusAutoChecksTest, NothingCheckableGivesNothing) {
  EXPECT_THAT(Run("We thank the Chair for her tireless work and look forward to the session."),
              testing::IsEmpty());
  EXPECT_THAT(Run("Article 24 is about conditions."), testing::IsEmpty());
}

TEST_F(CorpusAutoChecksTest, OneVersionHasNothingToCompareWith) {
  const std::optional<AutoCheckResult> changed =
      Only(Run("Article 24 was not changed since the last draft."), "changed-since");
  ASSERT_TRUE(changed.has_value());
  EXPECT_EQ(changed->assessment, Assessment::kInconclusive);
  EXPECT_THAT(changed->finding, HasSubstr("first stored version"));
}

// Positions the test stores on the UN convention's articles, with a group of five states.
class PositionsAutoChecksTest : public CorpusAutoChecksTest {
 protected:
  static void SetUpTestSuite() {
    CorpusAutoChecksTest::SetUpTestSuite();
    negotiation::Actor nordic;
    nordic.id = "group:nordic";
    nordic.kind = negotiation::ActorKind::kGroup;
    nordic.name = "Nordic countries";
    nordic.members = {"DNK", "FIN", "ISL", "NOR", "SWE"};
    ASSERT_TRUE(store_->PutActor(nordic).ok());
    auto position = [](std::string actor, std::string subject, negotiation::Stance stance,
                       std::string date) {
      negotiation::Position p;
      p.actor = std::move(actor);
      p.subject = std::move(subject);
      p.stance = stance;
      p.date = std::move(date);
      p.source_kind = "note";
      return p;
    };
    using negotiation::Stance;
    absl::StatusOr<std::vector<std::int64_t>> ids = store_->PutPositions({
        position("BRA", "art24", Stance::kSupport, "2024-01-10"),
        position("group:nordic", "art24", Stance::kSupport, "2024-01-10"),
        position("EGY", "art24", Stance::kOppose, "2024-01-10"),
        position("JPN", "art24.p2", Stance::kSupport, "2024-01-11"),
        position("CHN", "art24", Stance::kAmend, "2024-01-10"),
        // Egypt changed its mind later: its current position is support.
        position("EGY", "art24", Stance::kSupport, "2024-02-01"),
        position("RUS", "art17", Stance::kSupport, "2024-01-10"),
        position("IRN", "scope: broad", Stance::kSupport, "2024-01-10"),
        position("CAN", "scope: broad", Stance::kOppose, "2024-01-10"),
        position("CHL", "scope: broad", Stance::kOppose, "2024-01-10"),
    });
    ASSERT_TRUE(ids.ok()) << ids.status();
  }
};

TEST_F(PositionsAutoChecksTest, CountsStatesOnAnArticle) {
  // Supporting Art. 24 now: Brazil, the five Nordic states, Japan (on its paragraph 2), Egypt.
  const std::optional<AutoCheckResult> eight = Only(Run("8 states support article 24."), "support");
  ASSERT_TRUE(eight.has_value());
  EXPECT_EQ(eight->assessment, Assessment::kSupports) << eight->finding;
  EXPECT_EQ(eight->details["holding"], 8);
  EXPECT_EQ(eight->details["recorded"], 9);
  ASSERT_FALSE(eight->anchors.empty());
  EXPECT_EQ(eight->anchors[0].path, "art24");
  const std::optional<AutoCheckResult> twelve =
      Only(Run("12 states support article 24."), "support");
  ASSERT_TRUE(twelve.has_value());
  EXPECT_EQ(twelve->assessment, Assessment::kContradicts);
  const std::optional<AutoCheckResult> delegations =
      Only(Run("4 delegations support article 24."), "support");
  ASSERT_TRUE(delegations.has_value());
  EXPECT_EQ(delegations->details["unit"], "actors");
  EXPECT_EQ(delegations->assessment, Assessment::kSupports) << delegations->finding;
}

TEST_F(PositionsAutoChecksTest, NoneAndMajority) {
  const std::optional<AutoCheckResult> none =
      Only(Run("No delegation objected to article 24."), "support");
  ASSERT_TRUE(none.has_value());
  EXPECT_EQ(none->assessment, Assessment::kSupports) << none->finding;  // Egypt came round
  const std::optional<AutoCheckResult> majority =
      Only(Run("A majority of delegations support article 24."), "support");
  ASSERT_TRUE(majority.has_value());
  EXPECT_EQ(majority->assessment, Assessment::kSupports) << majority->finding;
  const std::optional<AutoCheckResult> broad =
      Only(Run("A majority of States support the broad scope of this Convention."), "support");
  ASSERT_TRUE(broad.has_value());
  EXPECT_EQ(broad->assessment, Assessment::kContradicts) << broad->finding;
  EXPECT_EQ(broad->details["subjects"][0], "scope: broad");
  const std::optional<AutoCheckResult> unrecorded =
      Only(Run("10 states support article 30."), "support");
  ASSERT_TRUE(unrecorded.has_value());
  EXPECT_EQ(unrecorded->assessment, Assessment::kInconclusive);
  EXPECT_THAT(unrecorded->finding, HasSubstr("No recorded position on Art. 30"));
}

// The demo negotiation: three versions of a draft and the regional convention it borrows
// from. demo/CHANGES.md records what really changed.
class DemoAutoChecksTest : public CorpusAutoChecksTest {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    absl::StatusOr<std::unique_ptr<store::Store>> opened =
        store::OpenStore((dir_->path() / "demo.db").string());
    ASSERT_TRUE(opened.ok()) << opened.status();
    store_ = opened->release();
    const std::string instrument = "Convention on Cooperation against Computer Crime";
    Ingest(*store_, kDemo / "reference-regional-convention.txt",
           Meta("reference", "", "RCLC/TS/12", "2011-03-14"));
    Ingest(*store_, kDemo / "draft1.txt", Meta("draft", instrument, "A/AC.999/3", "2025-01-20"));
    Ingest(*store_, kDemo / "draft2.txt",
           Meta("draft", instrument, "A/AC.999/3/Rev.1", "2025-07-28"));
    Ingest(*store_, kDemo / "draft3.txt", Meta("draft", instrument, "A/AC.999/L.2", "2026-03-30"));
  }

  static std::vector<AutoCheckResult> RunOn(const std::string& text, const std::string& date) {
    Claim claim;
    claim.text = text;
    claim.date = date;
    absl::StatusOr<std::vector<AutoCheckResult>> results = RunAutoChecks(claim, *store_, {});
    EXPECT_TRUE(results.ok()) << results.status();
    if (!results.ok()) return {};
    for (const AutoCheckResult& result : *results) {
      std::cout << "  [" << result.check << ", " << AssessmentName(result.assessment) << "] "
                << result.finding << "\n";
      ExpectAnchorsHold(*store_, result);
    }
    return *std::move(results);
  }
};

TEST_F(DemoAutoChecksTest, Article15WasChanged) {
  // Brazil, session 5: "Article 15 was not changed since the last draft" — it gained para. 4.
  const std::optional<AutoCheckResult> changed = Only(
      RunOn("Article 15 was not changed since the last draft.", "2026-05-04"), "changed-since");
  ASSERT_TRUE(changed.has_value());
  EXPECT_EQ(changed->assessment, Assessment::kContradicts);
  const nlohmann::json& provision = changed->details["provisions"][0];
  EXPECT_EQ(provision["kind"], "substitution");
  EXPECT_EQ(provision["old"]["path"], "art15");
  EXPECT_EQ(provision["old"]["cite"], "A/AC.999/3/Rev.1");
  EXPECT_EQ(provision["new"]["cite"], "A/AC.999/L.2");
  EXPECT_GT(provision["words_inserted"].get<int>(), 20);
  EXPECT_EQ(provision["words_deleted"], 0);
  ASSERT_FALSE(changed->anchors.empty());
  EXPECT_EQ(changed->anchors[0].path.rfind("art15.p4", 0), 0u) << changed->anchors[0].path;
}

TEST_F(DemoAutoChecksTest, CoreOffencesKeptTheirWords) {
  const std::optional<AutoCheckResult> changed =
      Only(RunOn("The core offences in articles 8 to 14 were not changed since the last draft.",
                 "2026-05-04"),
           "changed-since");
  ASSERT_TRUE(changed.has_value());
  EXPECT_EQ(changed->assessment, Assessment::kSupports) << changed->finding;
  EXPECT_EQ(changed->details["kept_words"], 7);
  // In the order of the draft: Art. 8 was Art. 7.
  EXPECT_EQ(changed->details["provisions"][0]["new"]["path"], "art8");
  EXPECT_EQ(changed->details["provisions"][0]["old"]["path"], "art7");
  EXPECT_EQ(changed->details["provisions"][0]["kind"], "renumbering");
}

TEST_F(DemoAutoChecksTest, ClaimsAreReadAgainstTheDraftOfTheirDay) {
  // Japan, session 3, of the first revised draft: Art. 7 (illegal access) = RC Art. 2.
  const std::optional<AutoCheckResult> mirrors = Only(
      RunOn("Article 7 mirrors article 2 of the Regional Convention on Computer-Related Offences.",
            "2025-09-01"),
      "mirrors");
  ASSERT_TRUE(mirrors.has_value());
  EXPECT_EQ(mirrors->details["subject"]["cite"], "A/AC.999/3/Rev.1");
  EXPECT_EQ(mirrors->details["object"]["cite"], "RCLC/TS/12");
  EXPECT_EQ(mirrors->assessment, Assessment::kSupports) << mirrors->finding;
  // Egypt, session 3: "this draft contains all the safeguards of the Regional Convention".
  const std::optional<AutoCheckResult> safeguard =
      Only(RunOn("This draft contains all the safeguards of the Regional Convention on "
                 "Computer-Related Offences.",
                 "2025-09-01"),
           "safeguard");
  ASSERT_TRUE(safeguard.has_value());
  EXPECT_EQ(safeguard->assessment, Assessment::kContradicts) << safeguard->finding;
  EXPECT_GT(safeguard->details["absent"].get<int>(), 0);
}

TEST_F(DemoAutoChecksTest, InterceptionLostItsJudge) {
  // Brazil, session 5: "Paragraph 2 of article 27 no longer requires prior authorization by a
  // judicial authority" — true: the final draft says "competent authority".
  const std::vector<AutoCheckResult> results = RunOn(
      "Paragraph 2 of article 27 no longer requires prior authorization by a judicial authority.",
      "2026-05-04");
  const std::optional<AutoCheckResult> changed = Only(results, "changed-since");
  ASSERT_TRUE(changed.has_value());
  EXPECT_EQ(changed->assessment, Assessment::kSupports) << changed->finding;
  EXPECT_EQ(changed->details["provisions"][0]["old"]["path"], "art28.p2");
}

TEST(EmptyStoreAutoChecksTest, NoDraftIsInconclusive) {
  TempDir dir;
  absl::StatusOr<std::unique_ptr<store::Store>> store =
      store::OpenStore((dir.path() / "empty.db").string());
  ASSERT_TRUE(store.ok()) << store.status();
  Claim claim;
  claim.text = "Article 15 was not changed since the last draft.";
  absl::StatusOr<std::vector<AutoCheckResult>> results = RunAutoChecks(claim, **store, {});
  ASSERT_TRUE(results.ok()) << results.status();
  ASSERT_THAT(*results, SizeIs(1));
  EXPECT_EQ((*results)[0].assessment, Assessment::kInconclusive);
  EXPECT_THAT((*results)[0].finding, HasSubstr("no stored draft"));
}

}  // namespace
}  // namespace tw::factcheck
