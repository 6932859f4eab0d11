// The default pack on the real texts (../shared/corpus): the UN Convention against Cybercrime
// and the Budapest Convention get, for every criminalisation article, the scope category its
// heading implies; their conditions-and-safeguards article is found and the procedural powers
// it governs are covered; every evidence anchor is re-read from the stored text. And the demo's
// three drafts: scorecards and trend.
#include <filesystem>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "audit/audit_trend.h"
#include "audit/default_pack.h"
#include "audit/rule_engine.h"
#include "audit/scorecard.h"
#include "ingest/document_builder.h"

namespace tw::audit {
namespace {

using ::testing::ElementsAreArray;

doc::Document Load(const std::filesystem::path& path) {
  absl::StatusOr<doc::Document> document =
      ingest::BuildDocument(path, doc::DocumentMeta{}, ingest::ReadOptions{});
  EXPECT_TRUE(document.ok()) << document.status();
  return document.ok() ? *std::move(document) : doc::Document{};
}

doc::Document Corpus(const std::string& name) {
  return Load(std::filesystem::path(TW_CORPUS_DIR) / name);
}

doc::Document Demo(const std::string& name) {
  return Load(std::filesystem::path(TW_SOURCE_DIR) / "demo" / name);
}

const RulePack& Pack() {
  static const RulePack* pack = [] {
    absl::StatusOr<RulePack> loaded = LoadDefaultPack();
    EXPECT_TRUE(loaded.ok()) << loaded.status();
    return new RulePack(loaded.ok() ? *std::move(loaded) : RulePack{});
  }();
  return *pack;
}

const RuleEngine& Engine() {
  static const RuleEngine* engine = [] {
    absl::StatusOr<RuleEngine> compiled = RuleEngine::Compile(Pack());
    EXPECT_TRUE(compiled.ok()) << compiled.status();
    return new RuleEngine(*std::move(compiled));
  }();
  return *engine;
}

// Path → the scope categories (breadth ones and "ancillary") it received.
std::map<std::string, std::string> ScopeOf(const AuditResult& result) {
  std::map<std::string, std::string> scope;
  for (const Finding& finding : result.findings) {
    if (finding.category == "cyber-dependent" || finding.category == "cyber-enabled" ||
        finding.category == "content-related" || finding.category == "ancillary") {
      EXPECT_EQ(scope.count(finding.path), 0u) << finding.path << " got two scope categories";
      scope[finding.path] = finding.category;
    }
  }
  return scope;
}

std::vector<std::string> WithCategory(const AuditResult& result, const std::string& category) {
  std::vector<std::string> paths;
  for (const Finding& finding : result.findings) {
    if (finding.category == category) paths.push_back(finding.path);
  }
  return paths;
}

const Finding* FindingOf(const AuditResult& result, const std::string& rule, const std::string& path) {
  for (const Finding& finding : result.findings) {
    if (finding.rule_id == rule && finding.path == path) return &finding;
  }
  return nullptr;
}

// Every quote is the stored text at its offsets, lies inside the provision it names, and is
// matched by the pattern it claims (case-folded, so compare lowercased words).
void ExpectAnchorsHold(const doc::Document& document, const AuditResult& result) {
  int anchors = 0;
  for (const Finding& finding : result.findings) {
    for (const Evidence& evidence : finding.evidence) {
      ++anchors;
      ASSERT_LE(evidence.end, document.text.size());
      ASSERT_LT(evidence.begin, evidence.end) << finding.rule_id << " " << finding.path;
      EXPECT_EQ(document.text.substr(evidence.begin, evidence.end - evidence.begin), evidence.quote);
      const doc::Provision* holder = doc::FindProvision(document.root, evidence.path);
      ASSERT_NE(holder, nullptr) << evidence.path;
      EXPECT_GE(evidence.begin, holder->begin) << evidence.path;
      EXPECT_LE(evidence.end, holder->end) << evidence.path;
    }
  }
  EXPECT_GT(anchors, 50);
}

TEST(CorpusAuditTest, UnConventionScopeByHeading) {
  const doc::Document un = Corpus("un-cybercrime-convention-2024.txt");
  const AuditResult result = Engine().Evaluate(un);
  std::map<std::string, std::string> expected;
  for (int n = 7; n <= 11; ++n) expected["art" + std::to_string(n)] = "cyber-dependent";
  for (int n = 12; n <= 17; ++n) expected["art" + std::to_string(n)] = "cyber-enabled";
  for (int n = 18; n <= 21; ++n) expected["art" + std::to_string(n)] = "ancillary";
  EXPECT_EQ(ScopeOf(result), expected);
  std::vector<std::string> criminalisation;
  for (int n = 7; n <= 21; ++n) criminalisation.push_back("art" + std::to_string(n));
  EXPECT_THAT(WithCategory(result, "criminalisation"), ElementsAreArray(criminalisation));

  const Scorecard card = MakeScorecard(un, Pack(), result);
  EXPECT_EQ(card.breadth_total, 11);
  EXPECT_TRUE(card.unclassified.empty());
}

TEST(CorpusAuditTest, BudapestConventionScopeByHeading) {
  const doc::Document budapest = Corpus("budapest-convention-ets185.txt");
  const AuditResult result = Engine().Evaluate(budapest);
  std::map<std::string, std::string> expected;
  for (int n = 2; n <= 6; ++n) expected["art" + std::to_string(n)] = "cyber-dependent";
  for (int n = 7; n <= 10; ++n) expected["art" + std::to_string(n)] = "cyber-enabled";
  for (int n = 11; n <= 13; ++n) expected["art" + std::to_string(n)] = "ancillary";
  EXPECT_EQ(ScopeOf(result), expected);
  const Scorecard card = MakeScorecard(budapest, Pack(), result);
  EXPECT_EQ(card.breadth_total, 9);
  EXPECT_TRUE(card.unclassified.empty());
}

struct SafeguardsCase {
  std::string file;
  std::string safeguards_article;
  std::vector<std::string> powers;
};

class CorpusSafeguardsTest : public testing::TestWithParam<SafeguardsCase> {};

TEST_P(CorpusSafeguardsTest, PowersAreCoveredByTheSafeguardsArticle) {
  const SafeguardsCase& test_case = GetParam();
  const doc::Document document = Corpus(test_case.file);
  const AuditResult result = Engine().Evaluate(document);
  EXPECT_THAT(WithCategory(result, "safeguards-article"),
              ElementsAreArray({test_case.safeguards_article}));
  EXPECT_THAT(WithCategory(result, "procedural-power"), ElementsAreArray(test_case.powers));
  for (const std::string& power : test_case.powers) {
    for (const char* rule : {"power-subject-to-safeguards", "power-proportionality",
                             "power-independent-review", "power-grounds", "power-scope-duration"}) {
      const Finding* finding = FindingOf(result, rule, power);
      ASSERT_NE(finding, nullptr) << rule << " on " << power;
      EXPECT_EQ(finding->outcome, Outcome::kMet) << rule << " on " << power;
      ASSERT_FALSE(finding->evidence.empty());
      // The words come from the safeguards article, which the power inherits.
      const std::string& where = finding->evidence.front().path;
      EXPECT_TRUE(where == test_case.safeguards_article ||
                  where.rfind(test_case.safeguards_article + ".", 0) == 0)
          << rule << " on " << power << " quoted " << where;
    }
  }
  ExpectAnchorsHold(document, result);
}

INSTANTIATE_TEST_SUITE_P(
    RealConventions, CorpusSafeguardsTest,
    testing::Values(
        SafeguardsCase{"un-cybercrime-convention-2024.txt", "art24",
                       {"art25", "art26", "art27", "art28", "art29", "art30"}},
        SafeguardsCase{"budapest-convention-ets185.txt", "art15",
                       {"art16", "art17", "art18", "art19", "art20", "art21"}}),
    [](const testing::TestParamInfo<SafeguardsCase>& info) {
      return info.param.file.substr(0, info.param.file.find('-'));
    });

// Budapest's powers also cite Articles 14 and 15 themselves ("shall be subject to Articles 14
// and 15"): the references scope alone must carry the safeguards there.
TEST(CorpusAuditTest, BudapestPowersInheritThroughTheirCrossReferences) {
  const doc::Document budapest = Corpus("budapest-convention-ets185.txt");
  RulePack pack = Pack();
  for (Rule& rule : pack.rules) {
    if (rule.test) rule.test->chapter_categories.clear();
  }
  absl::StatusOr<RuleEngine> engine = RuleEngine::Compile(pack);
  ASSERT_TRUE(engine.ok()) << engine.status();
  const AuditResult result = engine->Evaluate(budapest);
  for (const char* power : {"art16", "art17", "art18", "art19", "art20", "art21"}) {
    const Finding* finding = FindingOf(result, "power-proportionality", power);
    ASSERT_NE(finding, nullptr) << power;
    EXPECT_EQ(finding->outcome, Outcome::kMet) << power;
  }
}

TEST(CorpusAuditTest, UnConventionFindingsAFactCheckerWouldCite) {
  const doc::Document un = Corpus("un-cybercrime-convention-2024.txt");
  const AuditResult result = Engine().Evaluate(un);
  // Art. 35(1)(c): cooperation for "any serious crime" — the scope complaint of EFF and others.
  const Finding* cooperation = FindingOf(result, "cooperation-limited-to-treaty-offences", "art35");
  ASSERT_NE(cooperation, nullptr);
  EXPECT_EQ(cooperation->outcome, Outcome::kViolated);
  ASSERT_FALSE(cooperation->evidence.empty());
  EXPECT_EQ(cooperation->evidence.front().quote, "any serious crime");
  // Art. 2(h): "serious crime" means at least four years.
  const Finding* serious = FindingOf(result, "definitions-serious-crime-threshold", "art2.p1.h");
  if (serious == nullptr) serious = FindingOf(result, "definitions-serious-crime-threshold", "art2.h");
  ASSERT_NE(serious, nullptr);
  EXPECT_EQ(serious->outcome, Outcome::kMet);
  // Art. 6 is the human-rights clause and says nothing may permit suppression of rights.
  EXPECT_THAT(WithCategory(result, "human-rights-article"), ElementsAreArray({"art6"}));
  const Finding* suppression = FindingOf(result, "human-rights-no-suppression", "art6");
  ASSERT_NE(suppression, nullptr);
  EXPECT_EQ(suppression->outcome, Outcome::kMet);
  // Art. 23(2)(c): powers reach evidence of any criminal offence.
  const Finding* any_offence = FindingOf(result, "powers-any-offence", "art23");
  ASSERT_NE(any_offence, nullptr);
  EXPECT_EQ(any_offence->outcome, Outcome::kViolated);
  // The refusal grounds of Arts. 37(15) and 40(22).
  for (const char* article : {"art37", "art40"}) {
    const Finding* refusal = FindingOf(result, "cooperation-refusal-persecution", article);
    ASSERT_NE(refusal, nullptr) << article;
    EXPECT_EQ(refusal->outcome, Outcome::kMet) << article;
  }
  ExpectAnchorsHold(un, result);
}

TEST(CorpusAuditTest, DemoDraftsScorecardsAndTrend) {
  const doc::Document d1 = Demo("draft1.txt");
  const doc::Document d2 = Demo("draft2.txt");
  const doc::Document d3 = Demo("draft3.txt");
  std::vector<AuditedDraft> drafts = {
      {&d1, Engine().Evaluate(d1)}, {&d2, Engine().Evaluate(d2)}, {&d3, Engine().Evaluate(d3)}};
  const AuditTrend trend = MakeAuditTrend(drafts, Pack(), TrendAlignment::kContent);
  ASSERT_EQ(trend.scorecards.size(), 3u);
  ASSERT_EQ(trend.steps.size(), 2u);
  auto count = [](const Scorecard& card, const std::string& category) {
    for (const CategoryCount& c : card.categories) {
      if (c.category == category) return static_cast<int>(c.provisions.size());
    }
    return 0;
  };
  // The zero draft criminalised false information (Art. 12) and extremist material (Art. 14);
  // the final draft has no content offence left.
  EXPECT_EQ(count(trend.scorecards[0], "content-related"), 2);
  EXPECT_EQ(count(trend.scorecards[2], "content-related"), 0);
  EXPECT_GT(trend.scorecards[0].progress.bracket_spans, trend.scorecards[2].progress.bracket_spans);
  for (const Scorecard& card : trend.scorecards) EXPECT_TRUE(card.unclassified.empty()) << card.cite;
  int removed_content = 0;
  for (const TrendStep& step : trend.steps) {
    for (const TrendChange& change : step.changes) {
      if (change.category == "content-related" && change.direction == TrendDirection::kRemoved) {
        ++removed_content;
      }
    }
  }
  EXPECT_EQ(removed_content, 2);
  for (const AuditedDraft& draft : drafts) ExpectAnchorsHold(*draft.document, draft.result);
  // Draft 1, Art. 14: "[and without right]" — met, but only by words not yet agreed.
  const Finding* without_right = FindingOf(drafts[0].result, "offence-without-right", "art14");
  ASSERT_NE(without_right, nullptr);
  EXPECT_EQ(without_right->outcome, Outcome::kMet);
  ASSERT_EQ(without_right->evidence.size(), 1u);
  EXPECT_TRUE(without_right->evidence[0].bracketed);
  const Finding* intent = FindingOf(drafts[0].result, "offence-intent", "art5");
  ASSERT_NE(intent, nullptr);
  ASSERT_FALSE(intent->evidence.empty());
  EXPECT_FALSE(intent->evidence[0].bracketed);
}

}  // namespace
}  // namespace tw::audit
