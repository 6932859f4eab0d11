// RuleEngine on small documents parsed by the real reader and parser, and on
// the real conventions of the shared corpus: selection criteria, scopes,
// outcomes, evidence anchors, the pattern-by-pattern path against the set, and
// patterns that would make a backtracking engine hang.
#include "audit/rule_engine.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "audit/finding.h"
#include "audit/provision_index.h"
#include "audit/rule.h"
#include "audit/rule_pack_loader.h"
#include "doc/document.h"
#include "ingest/document_builder.h"
#include "ingest/reader.h"
#include "draft_text.h"

namespace tw::audit {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// Inside TEST bodies `Test` names ::testing::Test.
using RuleTest = ::tw::audit::Test;

constexpr std::string_view kDraft =
    "Draft convention on testing\n"
    "Chapter I\n"
    "General provisions\n"
    "Article 1\n"
    "Use of terms\n"
    "For the purposes of this Convention, \"data\" means any representation of "
    "facts.\n"
    "Chapter II\n"
    "Procedural measures\n"
    "Article 2\n"
    "Conditions and safeguards\n"
    "1. Each State Party shall ensure that the powers provided for in this "
    "chapter are subject "
    "to conditions and safeguards, which shall incorporate the principle of "
    "proportionality.\n"
    "2. Such conditions shall include judicial or other independent review.\n"
    "Article 3\n"
    "Production order\n"
    "1. Each State Party shall empower its competent authorities to order a "
    "person to submit "
    "specified data.\n"
    "2. The powers referred to in this article shall be subject to article 2.\n"
    "Article 4\n"
    "Interception of content data\n"
    "1. Each State Party shall empower its competent authorities to collect "
    "content data in "
    "real time without any limitation.\n"
    "2. Paragraph 1 of this article applies to all offences.\n"
    "Chapter III\n"
    "Final provisions\n"
    "Article 5\n"
    "Signature\n"
    "This Convention shall be open for signature, without prejudice to article "
    "4.";

doc::Document ParseText(std::string_view text) {
  return test_support::ParseDraftText(text);
}

const doc::Document &Draft() {
  static const doc::Document *draft = new doc::Document(ParseText(kDraft));
  return *draft;
}

// A pattern as the loader would compile a phrase: whole words, case-folded, any
// spaces.
Pattern Phrase(std::string_view words, int line = 1) {
  std::string regex = "(?i)\\b";
  for (char c : words)
    regex += c == ' ' ? std::string("\\s+") : std::string(1, c);
  regex += "\\b";
  return Pattern{std::string(words), regex, PackPosition{"test.yaml", line, 7}};
}

std::vector<Pattern> Phrases(std::initializer_list<std::string_view> words) {
  std::vector<Pattern> patterns;
  for (std::string_view w : words)
    patterns.push_back(Phrase(w));
  return patterns;
}

Rule Classify(std::string id, std::vector<Pattern> heading,
              std::string category) {
  Rule rule;
  rule.id = std::move(id);
  rule.severity = Severity::kInfo;
  rule.select.heading = std::move(heading);
  rule.assigns = std::move(category);
  return rule;
}

Rule Check(std::string id, Selector select, RuleTest test) {
  Rule rule;
  rule.id = std::move(id);
  rule.severity = Severity::kHigh;
  rule.select = std::move(select);
  rule.test = std::move(test);
  return rule;
}

RulePack PackOf(std::vector<Rule> rules) {
  RulePack pack;
  pack.name = "test";
  pack.rules = std::move(rules);
  return pack;
}

RuleEngine CompileOrDie(const RulePack &pack, const EngineLimits &limits = {}) {
  absl::StatusOr<RuleEngine> engine = RuleEngine::Compile(pack, limits);
  EXPECT_TRUE(engine.ok()) << engine.status();
  if (!engine.ok())
    std::abort();
  return *std::move(engine);
}

std::vector<std::string> Paths(const AuditResult &result,
                               std::string_view rule_id) {
  std::vector<std::string> paths;
  for (const Finding &finding : result.findings) {
    if (finding.rule_id == rule_id)
      paths.push_back(finding.path);
  }
  return paths;
}

const Finding *FindingFor(const AuditResult &result, std::string_view rule_id,
                          std::string_view path) {
  for (const Finding &finding : result.findings) {
    if (finding.rule_id == rule_id && finding.path == path)
      return &finding;
  }
  return nullptr;
}

// Every evidence quote is the text at its offsets, inside the provision it
// names.
void ExpectAnchorsExact(const doc::Document &document,
                        const AuditResult &result) {
  for (const Finding &finding : result.findings) {
    for (const Evidence &evidence : finding.evidence) {
      ASSERT_LE(evidence.begin, evidence.end);
      ASSERT_LE(evidence.end, document.text.size());
      EXPECT_EQ(
          document.text.substr(evidence.begin, evidence.end - evidence.begin),
          evidence.quote)
          << finding.rule_id << " " << finding.path;
      const doc::Provision *holder =
          doc::FindProvision(document.root, evidence.path);
      ASSERT_NE(holder, nullptr) << evidence.path;
      EXPECT_LE(holder->begin, evidence.begin) << evidence.path;
      EXPECT_GE(holder->end, evidence.end) << evidence.path;
      for (const doc::Provision &child : holder->children) { // in the OWN text
        EXPECT_FALSE(evidence.begin >= child.begin &&
                     evidence.end <= child.end && evidence.end > evidence.begin)
            << evidence.path << " evidence lies in child " << child.path;
      }
    }
  }
}

RulePack SafeguardsPack(bool chapter_categories) {
  RulePack pack;
  pack.name = "test";
  pack.categories.push_back(
      {"safeguards-article", "Safeguards", "", false, {}});
  pack.rules.push_back(Classify("classify-safeguards",
                                Phrases({"conditions and safeguards"}),
                                "safeguards-article"));
  Selector powers;
  powers.heading =
      Phrases({"preservation", "production order", "search and seizure",
               "real-time collection", "interception"});
  powers.chapter = {Phrase("procedural")};
  RuleTest test;
  test.require_all = {Phrase("proportionality")};
  test.within = Scope::kReferences;
  if (chapter_categories)
    test.chapter_categories = {"safeguards-article"};
  pack.rules.push_back(Check("powers-proportionality", powers, test));
  return pack;
}

TEST(RuleEngineTest, ClassificationByHeadingCarriesHeadingWordsAsEvidence) {
  RulePack pack;
  pack.rules.push_back(Classify("classify-safeguards",
                                Phrases({"conditions and safeguards"}),
                                "safeguards-article"));
  const AuditResult result = CompileOrDie(pack).Evaluate(Draft());
  ASSERT_EQ(result.findings.size(), 1u);
  const Finding &finding = result.findings[0];
  EXPECT_EQ(finding.path, "art2");
  EXPECT_EQ(finding.outcome, Outcome::kMet);
  EXPECT_EQ(finding.category, "safeguards-article");
  ASSERT_EQ(finding.evidence.size(), 1u);
  EXPECT_EQ(finding.evidence[0].quote, "Conditions and safeguards");
  EXPECT_EQ(finding.evidence[0].path, "art2");
  EXPECT_EQ(finding.evidence[0].pattern, "conditions and safeguards");
  ExpectAnchorsExact(Draft(), result);
}

TEST(RuleEngineTest,
     ReferencesScopeFollowsCitationsAndChapterCategoriesCoverTheRest) {
  {
    const AuditResult result =
        CompileOrDie(SafeguardsPack(false)).Evaluate(Draft());
    EXPECT_THAT(Paths(result, "powers-proportionality"),
                ElementsAre("art3", "art4"));
    const Finding *cited = FindingFor(result, "powers-proportionality", "art3");
    ASSERT_NE(cited, nullptr);
    EXPECT_EQ(cited->outcome, Outcome::kMet); // art3.p2 cites article 2
    ASSERT_EQ(cited->evidence.size(), 1u);
    EXPECT_EQ(cited->evidence[0].path, "art2.p1");
    EXPECT_EQ(cited->evidence[0].quote, "proportionality");
    const Finding *uncited =
        FindingFor(result, "powers-proportionality", "art4");
    ASSERT_NE(uncited, nullptr);
    EXPECT_EQ(uncited->outcome, Outcome::kMissing);
    EXPECT_THAT(uncited->missing, ElementsAre("proportionality"));
    EXPECT_THAT(uncited->evidence, IsEmpty());
  }
  {
    const AuditResult result =
        CompileOrDie(SafeguardsPack(true)).Evaluate(Draft());
    const Finding *governed =
        FindingFor(result, "powers-proportionality", "art4");
    ASSERT_NE(governed, nullptr);
    EXPECT_EQ(governed->outcome, Outcome::kMet);
    ASSERT_EQ(governed->evidence.size(), 1u);
    EXPECT_EQ(governed->evidence[0].path, "art2.p1");
    ExpectAnchorsExact(Draft(), result);
  }
}

TEST(RuleEngineTest, ForbiddenWordsMakeViolationWithForbiddenEvidence) {
  Selector select;
  select.heading = Phrases({"interception", "production order"});
  RuleTest test;
  test.forbid = Phrases({"without any limitation"});
  test.require_any = Phrases({"competent authorities"});
  const RulePack pack = PackOf({Check("no-unlimited", select, test)});
  const AuditResult result = CompileOrDie(pack).Evaluate(Draft());
  const Finding *violated = FindingFor(result, "no-unlimited", "art4");
  ASSERT_NE(violated, nullptr);
  EXPECT_EQ(violated->outcome, Outcome::kViolated);
  ASSERT_EQ(violated->evidence.size(), 2u);
  EXPECT_FALSE(violated->evidence[0].forbidden);
  EXPECT_EQ(violated->evidence[0].quote, "competent authorities");
  EXPECT_TRUE(violated->evidence[1].forbidden);
  EXPECT_EQ(violated->evidence[1].quote, "without any limitation");
  EXPECT_EQ(violated->evidence[1].path, "art4.p1");
  const Finding *met = FindingFor(result, "no-unlimited", "art3");
  ASSERT_NE(met, nullptr);
  EXPECT_EQ(met->outcome, Outcome::kMet);
  ExpectAnchorsExact(Draft(), result);
}

TEST(RuleEngineTest,
     MissingListsAbsentRequireAllAndEveryRequireAnyWhenNoneFound) {
  Selector select;
  select.heading = Phrases({"production order"});
  RuleTest test;
  test.require_all = Phrases({"specified data", "notification", "time limit"});
  test.require_any = Phrases({"warrant", "judicial authorisation"});
  test.within = Scope::kArticle;
  const RulePack pack = PackOf({Check("order-conditions", select, test)});
  const AuditResult result = CompileOrDie(pack).Evaluate(Draft());
  ASSERT_EQ(result.findings.size(), 1u);
  const Finding &finding = result.findings[0];
  EXPECT_EQ(finding.outcome, Outcome::kMissing);
  EXPECT_THAT(finding.missing,
              ElementsAre("notification", "time limit", "warrant",
                          "judicial authorisation"));
  ASSERT_EQ(finding.evidence.size(), 1u);
  EXPECT_EQ(finding.evidence[0].quote, "specified data");
  EXPECT_EQ(finding.evidence[0].path, "art3.p1");
}

TEST(RuleEngineTest, UnmatchedRulesAreNamed) {
  RulePack pack;
  pack.rules.push_back(
      Classify("classify-extradition", Phrases({"extradition"}), "refusal"));
  pack.rules.push_back(
      Classify("classify-terms", Phrases({"use of terms"}), "definitions"));
  Selector select;
  select.categories = {"refusal"};
  RuleTest test;
  test.require_any = Phrases({"dual criminality"});
  pack.rules.push_back(Check("dual-criminality", select, test));
  const AuditResult result = CompileOrDie(pack).Evaluate(Draft());
  EXPECT_THAT(result.unmatched_rules,
              ElementsAre("classify-extradition", "dual-criminality"));
  EXPECT_THAT(Paths(result, "classify-terms"), ElementsAre("art1"));
}

TEST(RuleEngineTest, RefersToSelectsArticlesCitingACategory) {
  RulePack pack;
  pack.rules.push_back(Classify("classify-safeguards",
                                Phrases({"conditions and safeguards"}),
                                "safeguards-article"));
  pack.rules.push_back(
      Classify("classify-interception", Phrases({"interception"}), "power"));
  Selector cites_safeguards;
  cites_safeguards.refers_to = {"safeguards-article"};
  pack.rules.push_back(Check("cites-safeguards", cites_safeguards, RuleTest{}));
  Selector cites_power;
  cites_power.refers_to = {"power"};
  pack.rules.push_back(Check("cites-power", cites_power, RuleTest{}));
  Selector paragraph_cites;
  paragraph_cites.kinds = {doc::ProvisionKind::kParagraph};
  paragraph_cites.refers_to = {"safeguards-article"};
  pack.rules.push_back(
      Check("paragraph-cites-safeguards", paragraph_cites, RuleTest{}));
  const AuditResult result = CompileOrDie(pack).Evaluate(Draft());
  EXPECT_THAT(Paths(result, "cites-safeguards"), ElementsAre("art3"));
  EXPECT_THAT(Paths(result, "cites-power"),
              ElementsAre("art4", "art5")); // art4.p2 -> art4.p1
  EXPECT_THAT(Paths(result, "paragraph-cites-safeguards"),
              ElementsAre("art3.p2"));
}

TEST(RuleEngineTest, ChapterSelectorMatchesLabelOrHeadingOfEnclosingDivisions) {
  struct Case {
    std::string pattern;
    std::vector<std::string> paths;
  };
  const std::vector<Case> cases = {
      {"procedural", {"art2", "art3", "art4"}},
      {"final provisions", {"art5"}},
      {"chapter i", {"art1"}}, // the label "Chapter I", not "Chapter II" (\b)
      {"criminalization", {}},
  };
  for (const Case &c : cases) {
    Selector select;
    select.chapter = {Phrase(c.pattern)};
    const RulePack pack = PackOf({Check("in-chapter", select, RuleTest{})});
    const AuditResult result = CompileOrDie(pack).Evaluate(Draft());
    EXPECT_EQ(Paths(result, "in-chapter"), c.paths) << c.pattern;
    EXPECT_EQ(result.unmatched_rules.empty(), !c.paths.empty()) << c.pattern;
  }
}

TEST(RuleEngineTest, ParagraphKindSelectsParagraphsWithEvidenceInThem) {
  RulePack pack;
  Selector select;
  select.kinds = {doc::ProvisionKind::kParagraph};
  select.text = Phrases({"empower"});
  pack.rules.push_back(Classify("", {}, "power-paragraph"));
  pack.rules.back().id = "classify-power-paragraph";
  pack.rules.back().select = select;
  const AuditResult result = CompileOrDie(pack).Evaluate(Draft());
  EXPECT_THAT(Paths(result, "classify-power-paragraph"),
              ElementsAre("art3.p1", "art4.p1"));
  for (const Finding &finding : result.findings) {
    ASSERT_EQ(finding.evidence.size(), 1u);
    EXPECT_EQ(finding.evidence[0].path, finding.path);
    EXPECT_EQ(finding.evidence[0].quote, "empower");
  }
  ExpectAnchorsExact(Draft(), result);
}

TEST(RuleEngineTest, ExcludesAndCategoriesCombine) {
  RulePack pack;
  Selector procedural;
  procedural.chapter = {Phrase("procedural")};
  procedural.exclude_heading = Phrases({"conditions"});
  pack.rules.push_back(Classify("classify-power", {}, "power"));
  pack.rules.back().select = procedural;
  Selector powers_without_limit;
  powers_without_limit.categories = {"power"};
  powers_without_limit.exclude_text = Phrases({"without any limitation"});
  pack.rules.push_back(
      Check("bounded-powers", powers_without_limit, RuleTest{}));
  const AuditResult result = CompileOrDie(pack).Evaluate(Draft());
  EXPECT_THAT(Paths(result, "classify-power"), ElementsAre("art3", "art4"));
  EXPECT_THAT(Paths(result, "bounded-powers"), ElementsAre("art3"));
}

TEST(RuleEngineTest,
     ClassificationRunsInCategoryDependencyOrderAndFindingsInDocumentOrder) {
  RulePack pack;
  Selector
      by_power; // listed first, but needs "power" assigned by the rule after it
  by_power.categories = {"power"};
  by_power.chapter = {Phrase("procedural")};
  pack.rules.push_back(Classify("classify-intrusive", {}, "intrusive"));
  pack.rules.back().select = by_power;
  pack.rules.push_back(Classify("classify-power",
                                Phrases({"production order", "interception"}),
                                "power"));
  Selector intrusive;
  intrusive.categories = {"intrusive"};
  pack.rules.push_back(Check("check-intrusive", intrusive, RuleTest{}));
  const AuditResult result = CompileOrDie(pack).Evaluate(Draft());
  std::vector<std::string> order;
  for (const Finding &finding : result.findings)
    order.push_back(finding.path + "/" + finding.rule_id);
  EXPECT_THAT(order,
              ElementsAre("art3/classify-intrusive", "art3/classify-power",
                          "art3/check-intrusive", "art4/classify-intrusive",
                          "art4/classify-power", "art4/check-intrusive"));
}

TEST(RuleEngineTest, ClassificationCycleTerminates) {
  RulePack pack;
  pack.rules.push_back(Classify("a", {}, "x"));
  pack.rules.back().select.categories = {"y"};
  pack.rules.push_back(Classify("b", {}, "y"));
  pack.rules.back().select.categories = {"x"};
  const AuditResult result = CompileOrDie(pack).Evaluate(Draft());
  EXPECT_THAT(result.findings, IsEmpty());
  EXPECT_THAT(result.unmatched_rules, ElementsAre("a", "b"));
}

TEST(RuleEngineTest, CompileErrorNamesThePatternsPackPosition) {
  RulePack pack;
  pack.rules.push_back(Classify("bad",
                                {Pattern{"re: (unclosed", "(?i)(unclosed",
                                         PackPosition{"pack.yaml", 12, 9}}},
                                "x"));
  const absl::StatusOr<RuleEngine> engine = RuleEngine::Compile(pack);
  ASSERT_FALSE(engine.ok());
  EXPECT_THAT(std::string(engine.status().message()),
              HasSubstr("pack.yaml:12:9"));
  EXPECT_THAT(std::string(engine.status().message()),
              HasSubstr("re: (unclosed"));
}

TEST(RuleEngineTest, TooManyPatternsIsResourceExhausted) {
  RulePack pack;
  Selector select;
  for (int i = 0; i < 5; ++i)
    select.text.push_back(Phrase("word" + std::to_string(i), i + 1));
  pack.rules.push_back(Check("many", select, RuleTest{}));
  EngineLimits limits;
  limits.max_patterns = 3;
  const absl::StatusOr<RuleEngine> engine = RuleEngine::Compile(pack, limits);
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(engine.status().message()),
              HasSubstr("test.yaml:4:7"));
}

TEST(RuleEngineTest, SetOverItsMemoryBudgetIsResourceExhausted) {
  Selector select;
  for (int i = 0; i < 10; ++i) {
    const std::string regex = "(?i)\\pL{100}" + std::to_string(i);
    select.text.push_back(
        Pattern{"re: " + regex, regex, PackPosition{"big.yaml", i + 3, 5}});
  }
  const RulePack pack = PackOf({Check("huge", select, RuleTest{})});
  EngineLimits limits;
  limits.set_max_mem = 4 << 20;
  const absl::StatusOr<RuleEngine> engine = RuleEngine::Compile(pack, limits);
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(engine.status().message()),
              HasSubstr("big.yaml:3:5"));
  limits.set_max_mem = 64 << 20;
  EXPECT_TRUE(RuleEngine::Compile(pack, limits).ok());
}

TEST(RuleEngineTest, PackWithoutPatternsStillSelectsByKind) {
  RulePack pack;
  Selector select;
  select.kinds = {doc::ProvisionKind::kChapter};
  pack.rules.push_back(Check("chapters", select, RuleTest{}));
  const AuditResult result = CompileOrDie(pack).Evaluate(Draft());
  EXPECT_THAT(Paths(result, "chapters"), ElementsAre("ch1", "ch2", "ch3"));
}

TEST(RuleEngineTest, MalformedTreeOffsetsNeverCrashAndAnchorsStayExact) {
  doc::Document document = Draft();
  document.root.children[1].children[0].begin = 5;      // before its parent
  document.root.children[1].children[1].end = 1u << 30; // past the text
  doc::Provision ghost;
  ghost.path = "ghost";
  ghost.kind = doc::ProvisionKind::kParagraph;
  ghost.begin = 1u << 20;
  ghost.end = 1u << 21;
  document.root.children[2].children[0].children.push_back(ghost);
  document.references.push_back({"nowhere", 0, 0, "", {"art99", "art2"}, ""});
  const AuditResult result =
      CompileOrDie(SafeguardsPack(true)).Evaluate(document);
  ExpectAnchorsExact(document, result);
}

// The set and the patterns run one by one (the out-of-memory path) must agree
// exactly.
void ExpectSameResults(const AuditResult &a, const AuditResult &b) {
  ASSERT_EQ(a.findings.size(), b.findings.size());
  EXPECT_EQ(a.unmatched_rules, b.unmatched_rules);
  for (std::size_t i = 0; i < a.findings.size(); ++i) {
    const Finding &x = a.findings[i];
    const Finding &y = b.findings[i];
    EXPECT_EQ(x.rule_id, y.rule_id);
    EXPECT_EQ(x.path, y.path);
    EXPECT_EQ(x.outcome, y.outcome) << x.rule_id << " " << x.path;
    EXPECT_EQ(x.missing, y.missing);
    ASSERT_EQ(x.evidence.size(), y.evidence.size())
        << x.rule_id << " " << x.path;
    for (std::size_t e = 0; e < x.evidence.size(); ++e) {
      EXPECT_EQ(x.evidence[e].begin, y.evidence[e].begin);
      EXPECT_EQ(x.evidence[e].end, y.evidence[e].end);
      EXPECT_EQ(x.evidence[e].path, y.evidence[e].path);
    }
  }
}

TEST(RuleEngineTest, PatternByPatternPathAgreesWithTheSet) {
  const RulePack pack = SafeguardsPack(true);
  EngineLimits alone;
  alone.use_set = false;
  ExpectSameResults(CompileOrDie(pack).Evaluate(Draft()),
                    CompileOrDie(pack, alone).Evaluate(Draft()));
}

TEST(RuleEngineTest, PathologicalPatternsStayLinearOnAMegabyte) {
  std::string text = "Article 1\nScope\n";
  for (int line = 0; line < 1000; ++line)
    text += std::string(999, line % 2 ? 'x' : 'a') + "\n";
  const doc::Document document = ParseText(text);
  ASSERT_GE(document.text.size(), 1000000u);
  Selector select;
  select.text = {Pattern{"re: (x+x+)+y", "(x+x+)+y", {}},
                 Pattern{"re: (a*)*b", "(a*)*b", {}}};
  RuleTest test;
  test.require_any = {Pattern{"re: (a|aa)+\\n", "(a|aa)+\\n", {}}};
  test.forbid = {Pattern{"re: (x|xx)+z", "(x|xx)+z", {}}};
  RulePack pack;
  pack.rules.push_back(Check("catastrophic", select, RuleTest{}));
  Selector all;
  all.heading = {Phrase("scope")};
  pack.rules.push_back(Check("anchored", all, test));
  for (bool use_set : {true, false}) {
    EngineLimits limits;
    limits.use_set = use_set;
    const RuleEngine engine = CompileOrDie(pack, limits);
    const auto start = std::chrono::steady_clock::now();
    const AuditResult result = engine.Evaluate(document);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    EXPECT_LT(seconds, 5.0) << "use_set=" << use_set;
    EXPECT_THAT(result.unmatched_rules, ElementsAre("catastrophic"));
    ASSERT_EQ(result.findings.size(), 1u);
    EXPECT_EQ(result.findings[0].outcome, Outcome::kMet);
    ExpectAnchorsExact(document, result);
  }
}

// --- the real conventions
// -------------------------------------------------------------------

doc::Document LoadCorpus(std::string_view name) {
  absl::StatusOr<doc::Document> document =
      ingest::BuildDocument(std::filesystem::path(TW_CORPUS_DIR) / name,
                            doc::DocumentMeta{}, ingest::ReadOptions{});
  EXPECT_TRUE(document.ok()) << document.status();
  return document.ok() ? *std::move(document) : doc::Document{};
}

struct CorpusCase {
  std::string name; // of the test instance
  std::string file;
  std::string safeguards;          // the conditions-and-safeguards article
  std::vector<std::string> powers; // the powers it governs
  bool powers_cite_it; // whether each power cites it (Budapest) or not (UN)
};

void PrintTo(const CorpusCase &c, std::ostream *os) { *os << c.file; }

class RuleEngineCorpusTest : public ::testing::TestWithParam<CorpusCase> {};

TEST_P(RuleEngineCorpusTest, EveryPowerIsCoveredByTheSafeguardsArticle) {
  const CorpusCase &c = GetParam();
  const doc::Document document = LoadCorpus(c.file);
  const AuditResult result =
      CompileOrDie(SafeguardsPack(true)).Evaluate(document);
  EXPECT_THAT(Paths(result, "classify-safeguards"), ElementsAre(c.safeguards));
  EXPECT_EQ(Paths(result, "powers-proportionality"), c.powers);
  for (const std::string &power : c.powers) {
    const Finding *finding =
        FindingFor(result, "powers-proportionality", power);
    ASSERT_NE(finding, nullptr) << power;
    EXPECT_EQ(finding->outcome, Outcome::kMet) << power;
    ASSERT_EQ(finding->evidence.size(), 1u) << power;
    EXPECT_EQ(finding->evidence[0].path.substr(0, c.safeguards.size() + 1),
              c.safeguards + ".")
        << power;
    EXPECT_EQ(finding->evidence[0].quote, "proportionality");
  }
  ExpectAnchorsExact(document, result);

  // Without the chapter rule only citations count: the UN powers do not cite
  // Article 24.
  const AuditResult cited_only =
      CompileOrDie(SafeguardsPack(false)).Evaluate(document);
  for (const std::string &power : c.powers) {
    const Finding *finding =
        FindingFor(cited_only, "powers-proportionality", power);
    ASSERT_NE(finding, nullptr) << power;
    EXPECT_EQ(finding->outcome,
              c.powers_cite_it ? Outcome::kMet : Outcome::kMissing)
        << power;
  }
}

// Segments partition the text in document order, each subtree's segments are
// its byte range, and every article's heading is a segment of its own (so
// heading evidence has offsets).
TEST_P(RuleEngineCorpusTest, IndexPartitionsTheTextAndIsolatesEveryHeading) {
  const doc::Document document = LoadCorpus(GetParam().file);
  const ProvisionIndex index(document);
  std::size_t at = 0;
  for (const TextSegment &segment : index.segments()) {
    EXPECT_EQ(segment.begin, at);
    EXPECT_LT(segment.begin, segment.end);
    at = segment.end;
  }
  EXPECT_EQ(at, document.text.size());
  int articles = 0;
  for (const IndexedNode &node : index.nodes()) {
    if (node.segment_end > node.segment_begin) {
      EXPECT_EQ(index.segments()[node.segment_begin].begin, node.begin)
          << node.provision->path;
      EXPECT_EQ(index.segments()[node.segment_end - 1].end, node.end)
          << node.provision->path;
    }
    if (node.provision->kind != doc::ProvisionKind::kArticle)
      continue;
    ++articles;
    ASSERT_GE(node.heading_segment, 0) << node.provision->path;
    EXPECT_EQ(index.SegmentText(index.segments()[node.heading_segment]),
              node.provision->heading);
  }
  EXPECT_GE(articles, 48);
}

TEST_P(RuleEngineCorpusTest, PatternByPatternPathAgreesWithTheSet) {
  const doc::Document document = LoadCorpus(GetParam().file);
  RulePack pack = SafeguardsPack(true);
  Selector paragraphs;
  paragraphs.kinds = {doc::ProvisionKind::kParagraph,
                      doc::ProvisionKind::kPoint,
                      doc::ProvisionKind::kUnnumbered};
  paragraphs.text =
      Phrases({"shall", "data", "without right", "intentionally"});
  // Dense patterns (matching almost everywhere) run beside the set rather than
  // in it.
  paragraphs.text.push_back(Pattern{"re: \\S", "\\S", {}});
  paragraphs.exclude_text.push_back(Pattern{"re: \\w{40}", "\\w{40}", {}});
  RuleTest test;
  test.require_any = Phrases({"domestic law", "intentionally"});
  test.forbid = Phrases({"any other", "may"});
  test.within = Scope::kReferences;
  pack.rules.push_back(Check("paragraph-words", paragraphs, test));
  EngineLimits alone;
  alone.use_set = false;
  const AuditResult with_set = CompileOrDie(pack).Evaluate(document);
  ExpectSameResults(with_set, CompileOrDie(pack, alone).Evaluate(document));
  EXPECT_GT(with_set.findings.size(), 100u);
  ExpectAnchorsExact(document, with_set);
}

INSTANTIATE_TEST_SUITE_P(
    Conventions, RuleEngineCorpusTest,
    ::testing::Values(
        CorpusCase{"UnConvention",
                   "un-cybercrime-convention-2024.txt",
                   "art24",
                   {"art25", "art26", "art27", "art28", "art29", "art30"},
                   false},
        CorpusCase{"BudapestConvention",
                   "budapest-convention-ets185.txt",
                   "art15",
                   {"art16", "art17", "art18", "art19", "art20", "art21"},
                   true}),
    [](const auto &info) { return info.param.name; });

// The default pack (rules/cybercrime.yaml) over every corpus text: every anchor
// re-read from the text, and the set and the one-by-one path agree.
TEST(RuleEngineDefaultPackTest, AnchorsExactAndPathsAgreeOnEveryCorpusText) {
  const absl::StatusOr<RulePack> pack =
      LoadRulePackFile(std::string(TW_SOURCE_DIR) + "/rules/cybercrime.yaml");
  ASSERT_TRUE(pack.ok()) << pack.status();
  const RuleEngine engine = CompileOrDie(*pack);
  EngineLimits alone_limits;
  alone_limits.use_set = false;
  const RuleEngine alone = CompileOrDie(*pack, alone_limits);
  std::size_t evidence = 0;
  int texts = 0;
  for (const auto &entry : std::filesystem::directory_iterator(TW_CORPUS_DIR)) {
    if (entry.path().extension() != ".txt")
      continue;
    SCOPED_TRACE(entry.path().filename().string());
    ++texts;
    const doc::Document document = LoadCorpus(entry.path().filename().string());
    const AuditResult result = engine.Evaluate(document);
    ExpectAnchorsExact(document, result);
    ExpectSameResults(result, alone.Evaluate(document));
    for (const Finding &finding : result.findings)
      evidence += finding.evidence.size();
  }
  EXPECT_GE(texts, 7);
  EXPECT_GT(evidence, 100u);
}

} // namespace
} // namespace tw::audit
