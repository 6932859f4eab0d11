#include "audit/rule_pack_loader.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fmt/format.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "re2/re2.h"

namespace tw::audit {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// A small valid pack the error cases start from: every case below differs from it in one place,
// so the expected line and column are easy to check by eye.
constexpr char kBase[] = R"(pack: t
categories:
  - id: offence
    title: Offence
rules:
  - id: classify
    title: Offences
    severity: info
    select:
      chapter: criminali*ation
    assigns: offence
  - id: check
    title: Intent
    severity: high
    select:
      category: offence
    test:
      require_any: intentional*
)";

// absl::string_view prints as a list of characters in gtest; a std::string prints as text.
std::string Message(const absl::Status& status) { return std::string(status.message()); }

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

TEST(RulePackLoaderTest, BaseIsValid) {
  absl::StatusOr<RulePack> pack = ParseRulePack(kBase, "p.yaml");
  ASSERT_TRUE(pack.ok()) << pack.status();
  EXPECT_EQ(pack->rules.size(), 2u);
}

struct BadPack {
  std::string name;
  std::string yaml;
  std::string error;  // the whole message
};

std::vector<BadPack> BadPacks() {
  const std::string base = kBase;
  return {
      {"YamlSyntax", "pack: t\nrules: [a\n",
       "p.yaml:3:1: YAML syntax error: end of sequence flow not found"},
      {"YamlBadIndent", Replace(base, "    title: Intent\n", "   title: Intent\n"),
       "p.yaml:13:4: YAML syntax error: end of sequence not found"},
      {"Empty", "# nothing\n", "p.yaml:1:1: the pack is empty"},
      {"TwoDocuments", base + "---\npack: u\n",
       "p.yaml:20:1: a pack is one YAML document; remove the second one (after \"---\")"},
      {"RootList", "- a\n",
       "p.yaml:1:1: a pack is a map with the keys pack, title, version, description, categories, "
       "rules; found a list"},
      {"InvalidUtf8", Replace(base, "title: Intent", "title: Int\xC3nt"),
       "p.yaml:13:15: not valid UTF-8: save the pack as UTF-8"},
      {"UnknownTopLevelKey", Replace(base, "rules:", "rulez:"),
       "p.yaml:5:1: unknown key \"rulez\"; allowed keys: pack, title, version, description, "
       "categories, rules"},
      {"UnknownCategoryKey", Replace(base, "    title: Offence", "    titel: Offence"),
       "p.yaml:4:5: category \"offence\": unknown key \"titel\"; allowed keys: id, title, "
       "breadth, description"},
      {"UnknownRuleKey", Replace(base, "severity: high", "severty: high"),
       "p.yaml:14:5: rule \"check\": unknown key \"severty\"; allowed keys: id, title, severity, "
       "topic, rationale, sources, select, assigns, test"},
      {"UnknownSelectKey", Replace(base, "      chapter:", "      chapters:"),
       "p.yaml:10:7: rule \"classify\": select: unknown key \"chapters\"; allowed keys: kind, "
       "heading, text, chapter, category, refers_to, exclude_heading, exclude_text"},
      {"UnknownTestKey", Replace(base, "require_any:", "requires_any:"),
       "p.yaml:18:7: rule \"check\": test: unknown key \"requires_any\"; allowed keys: within, "
       "chapter_categories, document_categories, require_any, require_all, forbid"},
      {"DuplicateKey",
       Replace(base, "    severity: high\n", "    severity: high\n    severity: low\n"),
       "p.yaml:15:5: rule \"check\": key \"severity\" is given twice (first at p.yaml:14:5)"},
      {"MissingRules", "pack: t\n", "p.yaml:1:1: missing key \"rules\""},
      {"MissingPack", Replace(base, "pack: t\n", ""), "p.yaml:1:1: missing key \"pack\""},
      {"BadPackId", Replace(base, "pack: t", "pack: Cyber Crime"),
       "p.yaml:1:7: pack: \"Cyber Crime\" is not a valid pack id: use lower-case letters, digits "
       "and hyphens"},
      {"MissingSeverity", Replace(base, "    severity: high\n", ""),
       "p.yaml:12:5: rule \"check\": missing key \"severity\""},
      {"MissingId", Replace(base, "  - id: check\n    title: Intent", "  - title: Intent"),
       "p.yaml:12:5: rule 2: missing key \"id\""},
      {"BadRuleId", Replace(base, "id: check", "id: Check_1"),
       "p.yaml:12:9: rule 2: id \"Check_1\" is not valid: use lower-case letters, digits and "
       "hyphens, not starting with a hyphen"},
      {"EmptyTitle", Replace(base, "title: Intent", "title: \"\""),
       "p.yaml:13:12: rule \"check\": title: is empty"},
      {"NullTitle", Replace(base, "title: Intent", "title:"),
       "p.yaml:13:5: rule \"check\": title: expected text, found nothing"},
      {"SelectIsList",
       Replace(base, "    select:\n      category: offence\n", "    select: [offence]\n"),
       "p.yaml:15:13: rule \"check\": select: expected a map of keys, found a list"},
      {"RulesIsMap", "pack: t\nrules:\n  id: a\n",
       "p.yaml:3:3: rules: expected a list, found a map"},
      {"PatternIsMap", Replace(base, "require_any: intentional*", "require_any: {a: b}"),
       "p.yaml:18:20: rule \"check\": test: require_any: expected text or a list of texts, found "
       "a map"},
      {"PatternListHoldsList", Replace(base, "require_any: intentional*", "require_any: [a, [b]]"),
       "p.yaml:18:24: rule \"check\": test: require_any: expected text in the list, found a list"},
      {"EmptyPatternList", Replace(base, "require_any: intentional*", "require_any: []"),
       "p.yaml:18:20: rule \"check\": test: require_any: the list is empty; give at least one "
       "value or leave the key out"},
      {"BadBreadth", Replace(base, "    title: Offence", "    title: Offence\n    breadth: wide"),
       "p.yaml:5:14: category \"offence\": breadth: expected true or false, found \"wide\""},
      {"BadSeverity", Replace(base, "severity: high", "severity: urgent"),
       "p.yaml:14:15: rule \"check\": unknown severity \"urgent\"; use info, low, medium, high or "
       "critical"},
      {"BadKind",
       Replace(base, "      category: offence",
               "      category: offence\n      kind: [article, articel]"),
       "p.yaml:17:23: rule \"check\": select: kind: unknown provision kind \"articel\"; use "
       "document, preamble, part, chapter, section, title, article, paragraph, point, subpoint, "
       "unnumbered, option, closing, footnote, annex"},
      {"BadScope", Replace(base, "    test:\n", "    test:\n      within: chapter\n"),
       "p.yaml:18:15: rule \"check\": test: within: unknown scope \"chapter\"; use provision, "
       "article or references"},
      {"DuplicateRuleId", Replace(base, "id: check", "id: classify"),
       "p.yaml:12:9: duplicate rule id \"classify\"; first defined at p.yaml:6:5"},
      {"DuplicateCategory",
       Replace(base, "    title: Offence\n", "    title: Offence\n  - id: offence\n"),
       "p.yaml:5:9: duplicate category \"offence\"; first declared at p.yaml:3:5"},
      {"UndeclaredSelectCategory", Replace(base, "category: offence", "category: [offence, crime]"),
       "p.yaml:16:27: rule \"check\": select: category: category \"crime\" is not declared under "
       "\"categories\""},
      {"UndeclaredAssigns", Replace(base, "assigns: offence", "assigns: crime"),
       "p.yaml:11:14: rule \"classify\": assigns: category \"crime\" is not declared under "
       "\"categories\""},
      {"UndeclaredChapterCategory",
       Replace(base, "    test:\n", "    test:\n      chapter_categories: safeguards\n"),
       "p.yaml:18:27: rule \"check\": test: chapter_categories: category \"safeguards\" is not "
       "declared under \"categories\""},
      {"UndeclaredDocumentCategory",
       Replace(base, "    test:\n", "    test:\n      document_categories: [data]\n"),
       "p.yaml:18:29: rule \"check\": test: document_categories: category \"data\" is not "
       "declared under \"categories\""},
      {"UnassignedCategory",
       Replace(base, "    title: Offence\n", "    title: Offence\n  - id: spare\n"),
       "p.yaml:5:5: category \"spare\" is declared but no rule assigns it"},
      {"UnclosedGroup",
       Replace(base, "require_any: intentional*", "require_any: \"re: (unclosed\""),
       "p.yaml:18:20: rule \"check\": test: require_any: not a valid regular expression: missing "
       "): (unclosed"},
      {"Backreference", Replace(base, "require_any: intentional*", "require_any: 're: (a)\\1'"),
       "p.yaml:18:20: rule \"check\": test: require_any: not a valid regular expression: invalid "
       "escape sequence: \\1"},
      {"LookBehind", Replace(base, "require_any: intentional*", "forbid: 're: (?<!not )lawful'"),
       "p.yaml:18:15: rule \"check\": test: forbid: not a valid regular expression: invalid perl "
       "operator: (?<"},
      {"EmptyPattern", Replace(base, "require_any: intentional*", "require_any: [x, \"  \"]"),
       "p.yaml:18:24: rule \"check\": test: require_any: empty pattern"},
      {"EmptyRawPattern", Replace(base, "require_any: intentional*", "require_any: 're:'"),
       "p.yaml:18:20: rule \"check\": test: require_any: empty pattern after \"re:\""},
      {"LoneStar", Replace(base, "require_any: intentional*", "require_any: article * of"),
       "p.yaml:18:20: rule \"check\": test: require_any: a lone \"*\" stands for nothing: put * "
       "at the end of a word (\"intention*\") or inside it (\"criminali*ation\")"},
      {"OverlongPattern",
       Replace(base, "require_any: intentional*", "require_any: " + std::string(1001, 'a')),
       "p.yaml:18:20: rule \"check\": test: require_any: pattern is 1001 bytes; the limit is 1000 "
       "bytes"},
      {"SelectsNothing",
       Replace(base, "      category: offence", "      kind: paragraph\n      exclude_text: x"),
       "p.yaml:15:5: rule \"check\" selects nothing: give heading, text, chapter, category or "
       "refers_to"},
      {"AssignsAndTest", Replace(base, "    test:\n", "    assigns: offence\n    test:\n"),
       "p.yaml:12:5: rule \"check\" has both assigns and test: a rule either classifies "
       "provisions (assigns) or checks them (test)"},
      {"NeitherAssignsNorTest", Replace(base, "    test:\n      require_any: intentional*\n", ""),
       "p.yaml:12:5: rule \"check\" needs assigns (to classify provisions) or test (to check "
       "them)"},
      {"TestWithoutRequirement",
       Replace(base, "      require_any: intentional*\n", "      within: article\n"),
       "p.yaml:17:5: rule \"check\": test needs require_any, require_all or forbid"},
      {"ClassificationCycle",
       R"(pack: t
categories:
  - id: a
  - id: b
rules:
  - id: seed
    title: Seed
    severity: info
    select: {heading: x}
    assigns: a
  - id: to-b
    title: B
    severity: info
    select: {category: a}
    assigns: b
  - id: to-a
    title: A
    severity: info
    select: {refers_to: b}
    assigns: a
)",
       "p.yaml:11:5: classification rules form a cycle: rule \"to-b\" assigns \"b\" to provisions "
       "of category \"a\", and rule \"to-a\" assigns \"a\" to provisions referring to category "
       "\"b\"; no order can apply them"},
      {"SelfCycle", Replace(base, "      chapter: criminali*ation", "      category: offence"),
       "p.yaml:6:5: classification rules form a cycle: rule \"classify\" assigns \"offence\" to "
       "provisions of category \"offence\"; no order can apply them"},
      // yaml-cpp counts bytes; the message counts characters, as editors do.
      {"ColumnInCharacters",
       Replace(base, "require_any: intentional*", "require_any: [\"données\", \"re: (\"]"),
       "p.yaml:18:32: rule \"check\": test: require_any: not a valid regular expression: missing "
       "): ("},
  };
}

class BadPackTest : public ::testing::TestWithParam<BadPack> {};

TEST_P(BadPackTest, NamesFileLineColumn) {
  const BadPack& bad = GetParam();
  absl::StatusOr<RulePack> pack = ParseRulePack(bad.yaml, "p.yaml");
  ASSERT_FALSE(pack.ok()) << bad.yaml;
  EXPECT_EQ(pack.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Message(pack.status()), bad.error) << bad.yaml;
  EXPECT_EQ(std::string(Message(pack.status())).find('\n'), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Cases, BadPackTest, ::testing::ValuesIn(BadPacks()),
                         [](const ::testing::TestParamInfo<BadPack>& info) {
                           return info.param.name;
                         });

TEST(RulePackLoaderTest, TooManyPatternsInOneRule) {
  std::string list = "[";
  for (std::size_t i = 0; i <= kMaxPatternsPerRule; ++i) list += fmt::format("w{}, ", i);
  list += "x]";
  const std::string yaml = Replace(kBase, "require_any: intentional*", "require_any: " + list);
  absl::StatusOr<RulePack> pack = ParseRulePack(yaml, "p.yaml");
  ASSERT_FALSE(pack.ok());
  EXPECT_EQ(Message(pack.status()),
            "p.yaml:18:20: rule \"check\": test: require_any: more than 200 patterns; the limit "
            "is 200");
}

// Aliases let a few bytes name a long text many times; the loader must not expand them without
// bound.
TEST(RulePackLoaderTest, AliasesCannotExpandWithoutBound) {
  std::string yaml = "pack: t\ncategories:\n  - id: c\nrules:\n";
  yaml += "  - id: r0\n    title: &big " + std::string(900000, 'x') +
          "\n    severity: low\n    select: {heading: x}\n    assigns: c\n";
  for (int i = 1; i < 10; ++i) {
    yaml += fmt::format(
        "  - id: r{}\n    title: *big\n    severity: low\n"
        "    select: {{heading: x}}\n    assigns: c\n",
        i);
  }
  absl::StatusOr<RulePack> pack = ParseRulePack(yaml, "p.yaml");
  ASSERT_FALSE(pack.ok());
  EXPECT_THAT(Message(pack.status()),
              HasSubstr("bytes of text once its aliases are expanded (the limit)"));
}

TEST(RulePackLoaderTest, OversizedPackIsRefusedBeforeParsing) {
  const std::string yaml(kMaxPackBytes + 1, '#');
  absl::StatusOr<RulePack> pack = ParseRulePack(yaml, "p.yaml");
  ASSERT_FALSE(pack.ok());
  EXPECT_EQ(Message(pack.status()),
            fmt::format("p.yaml: the pack is {} bytes; the limit is {} bytes", kMaxPackBytes + 1,
                        kMaxPackBytes));
}

TEST(RulePackLoaderTest, DeepNestingIsAnErrorNotACrash) {
  const std::string yaml = "pack: t\nrules: " + std::string(100000, '[');
  absl::StatusOr<RulePack> pack = ParseRulePack(yaml, "p.yaml");
  ASSERT_FALSE(pack.ok());
  EXPECT_THAT(Message(pack.status()), HasSubstr("p.yaml"));
}

constexpr char kFullPack[] = R"(# A pack with every key.
pack: cybercrime
title: Scope and safeguards of a cybercrime convention
version: "1"
description: >
  Which offences are cyber-dependent,
  and whether powers are safeguarded.
categories:
  - id: cyber-dependent
    title: Cyber-dependent offence
    breadth: true
    description: Offences against computer systems.
  - id: safeguards-article
    title: Conditions and safeguards
rules:
  - id: scope-cyber-dependent
    title: Offences against computer systems
    severity: info
    topic: scope
    rationale: >
      Core offences.
    sources: ["Budapest Convention arts. 2-6"]
    select:
      kind: article
      chapter: "criminali*ation"
      heading: ["illegal access", "misuse of devices"]
      exclude_heading: ["re: attempt|aiding"]
    assigns: cyber-dependent
  - id: safeguards
    title: The conditions and safeguards article
    severity: info
    select:
      heading: conditions and safeguards
    assigns: safeguards-article
  - id: power-proportionality
    title: Powers are subject to proportionality
    severity: high
    topic: powers
    sources: Budapest Convention art. 15
    select:
      kind: [article, paragraph]
      text: ["powers and procedures", "shall be subject to"]
      exclude_text: "re: \\bnot\\s+applicable\\b"
      refers_to: safeguards-article
    test:
      within: references
      chapter_categories: [safeguards-article]
      document_categories: safeguards-article
      require_any: [proportionality, proportionate]
      require_all: ["human rights"]
      forbid: ["notwithstanding"]
)";

TEST(RulePackLoaderTest, FullPackParses) {
  absl::StatusOr<RulePack> pack = ParseRulePack(kFullPack, "full.yaml");
  ASSERT_TRUE(pack.ok()) << pack.status();
  EXPECT_EQ(pack->name, "cybercrime");
  EXPECT_EQ(pack->title, "Scope and safeguards of a cybercrime convention");
  EXPECT_EQ(pack->version, "1");
  EXPECT_EQ(pack->description,
            "Which offences are cyber-dependent, and whether powers are safeguarded.\n");
  EXPECT_THAT(pack->files, ElementsAre("full.yaml"));

  ASSERT_EQ(pack->categories.size(), 2u);
  const Category& dependent = pack->categories[0];
  EXPECT_EQ(dependent.id, "cyber-dependent");
  EXPECT_EQ(dependent.title, "Cyber-dependent offence");
  EXPECT_EQ(dependent.description, "Offences against computer systems.");
  EXPECT_TRUE(dependent.breadth);
  EXPECT_EQ(dependent.where.line, 9);
  EXPECT_EQ(dependent.where.column, 5);
  EXPECT_FALSE(pack->categories[1].breadth);

  ASSERT_EQ(pack->rules.size(), 3u);
  const Rule& scope = pack->rules[0];
  EXPECT_EQ(scope.id, "scope-cyber-dependent");
  EXPECT_EQ(scope.severity, Severity::kInfo);
  EXPECT_EQ(scope.topic, "scope");
  EXPECT_EQ(scope.rationale, "Core offences.\n");
  EXPECT_THAT(scope.sources, ElementsAre("Budapest Convention arts. 2-6"));
  EXPECT_EQ(scope.assigns, "cyber-dependent");
  EXPECT_FALSE(scope.test.has_value());
  EXPECT_EQ(scope.where.file, "full.yaml");
  EXPECT_EQ(scope.where.line, 16);
  EXPECT_EQ(scope.where.column, 5);
  EXPECT_THAT(scope.select.kinds, ElementsAre(doc::ProvisionKind::kArticle));
  ASSERT_EQ(scope.select.chapter.size(), 1u);
  EXPECT_EQ(scope.select.chapter[0].source, "criminali*ation");
  EXPECT_EQ(scope.select.chapter[0].where.line, 25);
  EXPECT_EQ(scope.select.chapter[0].where.column, 16);
  ASSERT_EQ(scope.select.heading.size(), 2u);
  EXPECT_EQ(scope.select.heading[1].source, "misuse of devices");
  EXPECT_EQ(scope.select.heading[1].where.line, 26);
  EXPECT_EQ(scope.select.heading[1].where.column, 35);
  ASSERT_EQ(scope.select.exclude_heading.size(), 1u);
  EXPECT_EQ(scope.select.exclude_heading[0].regex, "(?i)(?:attempt|aiding)");

  const Rule& safeguards = pack->rules[1];
  EXPECT_EQ(safeguards.select.heading.size(), 1u);
  EXPECT_TRUE(safeguards.topic.empty());
  EXPECT_TRUE(safeguards.sources.empty());

  const Rule& power = pack->rules[2];
  EXPECT_EQ(power.severity, Severity::kHigh);
  EXPECT_THAT(power.sources, ElementsAre("Budapest Convention art. 15"));
  EXPECT_THAT(power.select.kinds,
              ElementsAre(doc::ProvisionKind::kArticle, doc::ProvisionKind::kParagraph));
  EXPECT_EQ(power.select.text.size(), 2u);
  ASSERT_EQ(power.select.exclude_text.size(), 1u);
  EXPECT_EQ(power.select.exclude_text[0].source, "re: \\bnot\\s+applicable\\b");
  EXPECT_THAT(power.select.refers_to, ElementsAre("safeguards-article"));
  EXPECT_TRUE(power.assigns.empty());
  ASSERT_TRUE(power.test.has_value());
  EXPECT_EQ(power.test->within, Scope::kReferences);
  EXPECT_THAT(power.test->chapter_categories, ElementsAre("safeguards-article"));
  EXPECT_THAT(power.test->document_categories, ElementsAre("safeguards-article"));
  EXPECT_EQ(power.test->require_any.size(), 2u);
  EXPECT_EQ(power.test->require_all.size(), 1u);
  ASSERT_EQ(power.test->forbid.size(), 1u);
  EXPECT_EQ(power.test->forbid[0].source, "notwithstanding");
  EXPECT_EQ(power.test->forbid[0].regex, "(?i)\\bnotwithstanding\\b");
}

TEST(RulePackLoaderTest, DefaultsWhenOptionalKeysAreAbsent) {
  absl::StatusOr<RulePack> pack = ParseRulePack(kBase, "p.yaml");
  ASSERT_TRUE(pack.ok()) << pack.status();
  EXPECT_EQ(pack->categories[0].title, "Offence");
  const Rule& check = pack->rules[1];
  EXPECT_THAT(check.select.kinds, ElementsAre(doc::ProvisionKind::kArticle));
  ASSERT_TRUE(check.test.has_value());
  EXPECT_EQ(check.test->within, Scope::kProvision);
  EXPECT_TRUE(check.test->chapter_categories.empty());
  EXPECT_TRUE(pack->title.empty());
  EXPECT_TRUE(pack->version.empty());
}

TEST(RulePackLoaderTest, UnquotedVersionAndByteOrderMark) {
  const std::string yaml =
      Replace("\xEF\xBB\xBF" + std::string(kBase), "pack: t", "pack: t\nversion: 2");
  absl::StatusOr<RulePack> pack = ParseRulePack(yaml, "p.yaml");
  ASSERT_TRUE(pack.ok()) << pack.status();
  EXPECT_EQ(pack->version, "2");
  EXPECT_EQ(pack->rules[0].where.line, 7);
  EXPECT_EQ(pack->rules[0].where.column, 5);
}

// ---------------------------------------------------------------------------------------------
// Pattern syntax.

struct PatternCase {
  std::string source;
  std::string regex;
};

class PatternToRegexTest : public ::testing::TestWithParam<PatternCase> {};

TEST_P(PatternToRegexTest, Compiles) {
  absl::StatusOr<std::string> regex = PatternToRegex(GetParam().source);
  ASSERT_TRUE(regex.ok()) << regex.status();
  EXPECT_EQ(*regex, GetParam().regex);
  RE2 re(*regex);
  EXPECT_TRUE(re.ok()) << re.error();
}

INSTANTIATE_TEST_SUITE_P(
    Table, PatternToRegexTest,
    ::testing::Values(PatternCase{"without right", "(?i)\\bwithout[\\s\\p{Z}]+right\\b"},
                      PatternCase{"  without   right  ", "(?i)\\bwithout[\\s\\p{Z}]+right\\b"},
                      PatternCase{"intention*", "(?i)\\bintention[\\pL\\pM\\pN_]*"},
                      PatternCase{"criminali*ation", "(?i)\\bcriminali[\\pL\\pM\\pN_]*ation\\b"},
                      PatternCase{"*lawful", "(?i)[\\pL\\pM\\pN_]*lawful\\b"},
                      PatternCase{"person's", "(?i)\\bperson['’]s\\b"},
                      PatternCase{"person’s", "(?i)\\bperson['’]s\\b"},
                      PatternCase{"\"hacking\"", "(?i)[\"“”]hacking[\"“”]"},
                      PatternCase{"cyber-dependent", "(?i)\\bcyber[\\-‐‑]dependent\\b"},
                      PatternCase{"art. 15", "(?i)\\bart\\.[\\s\\p{Z}]+15\\b"},
                      PatternCase{"(a)", "(?i)\\(a\\)"},
                      PatternCase{"search, seizure", "(?i)\\bsearch\\,[\\s\\p{Z}]+seizure\\b"},
                      PatternCase{"a+b?", "(?i)\\ba\\+b\\?"},
                      PatternCase{"données", "(?i)\\bdonnées\\b"},
                      PatternCase{"§ 5", "(?i)§[\\s\\p{Z}]+5\\b"},
                      PatternCase{"re: at least (one|two|three) years?",
                                  "(?i)(?:at least (one|two|three) years?)"},
                      PatternCase{"re:\\bdual\\s+criminality", "(?i)(?:\\bdual\\s+criminality)"}));

TEST(PatternToRegexTest, CombiningAccentsAreComposed) {
  // "données" typed with e + U+0301 matches the NFC text the store holds.
  absl::StatusOr<std::string> regex = PatternToRegex(
      "donne\xCC\x81"
      "es");
  ASSERT_TRUE(regex.ok()) << regex.status();
  EXPECT_TRUE(RE2::PartialMatch("les données", *regex));
}

struct MatchCase {
  std::string pattern;
  std::string text;
  bool matches;
};

class PatternMatchTest : public ::testing::TestWithParam<MatchCase> {};

TEST_P(PatternMatchTest, MatchesSampleText) {
  const MatchCase& c = GetParam();
  absl::StatusOr<std::string> regex = PatternToRegex(c.pattern);
  ASSERT_TRUE(regex.ok()) << regex.status();
  RE2 re(*regex);
  ASSERT_TRUE(re.ok()) << re.error();
  EXPECT_EQ(RE2::PartialMatch(c.text, re), c.matches)
      << "pattern " << c.pattern << " (" << *regex << ") on \"" << c.text << "\"";
}

INSTANTIATE_TEST_SUITE_P(
    Samples, PatternMatchTest,
    ::testing::Values(
        MatchCase{"intention*", "committed Intentionally and", true},
        MatchCase{"intention*", "INTENTION", true},
        MatchCase{"intention*", "an unintentional act", false},
        MatchCase{"intentional", "intentionally", false},
        MatchCase{"criminali*ation", "Criminalization", true},
        MatchCase{"criminali*ation", "criminalisation", true},
        MatchCase{"criminali*ation", "criminalisations", false},
        MatchCase{"*lawful", "unlawful interception", true},
        MatchCase{"*lawful", "unlawfully", false},
        MatchCase{"without right", "Without\n  right", true},
        MatchCase{"without right", "without\xC2\xA0right", true},
        MatchCase{"without right", "without rights", false},
        MatchCase{"without right", "withoutright", false},
        MatchCase{"person's", "the person’s possession", true},
        MatchCase{"person's", "the person's possession", true},
        MatchCase{"\"hacking\"", "so-called “hacking”", true},
        MatchCase{"cyber-dependent",
                  "cyber\xE2\x80\x91"
                  "dependent crime",
                  true},
        MatchCase{"cyber-dependent", "cyber dependent crime", false},
        MatchCase{"art. 15", "Art. 15 applies", true}, MatchCase{"art. 15", "art. 150", false},
        MatchCase{"art. 15", "art 15", false}, MatchCase{"(a)", "paragraph 1 (a) above", true},
        MatchCase{"état", "L'ÉTAT partie", true},
        MatchCase{"re: at least (one|two|three) years?", "At least two years", true},
        MatchCase{"re: at least (one|two|three) years?", "at least four years", false},
        MatchCase{"re: a|b", "B", true},
        // Known limit, documented in docs/rules.md: RE2's \b knows ASCII letters only.
        MatchCase{"port", "la portée", true}, MatchCase{"été", "détériorer", true}));

TEST(PatternToRegexTest, Errors) {
  EXPECT_EQ(Message(PatternToRegex("").status()), "empty pattern");
  EXPECT_EQ(Message(PatternToRegex("re:   ").status()), "empty pattern after \"re:\"");
  EXPECT_EQ(Message(PatternToRegex("re: a)|(b").status()),
            "not a valid regular expression: unexpected ): a)|(b");
  EXPECT_EQ(Message(PatternToRegex("re: (a)\\1").status()),
            "not a valid regular expression: invalid escape sequence: \\1");
  EXPECT_EQ(Message(PatternToRegex("bad\xFF").status()), "pattern is not valid UTF-8");
  EXPECT_EQ(Message(PatternToRegex("re: ((((((((((a{1000}){1000}){1000}))))))))").status()),
            "not a valid regular expression: invalid repetition size: {1000}");
  // Within the length limit but beyond the memory budget.
  EXPECT_THAT(
      std::string(
          PatternToRegex("re: [\\pL\\pN]{300}[\\pL\\pN]{300}[\\pL\\pN]{300}").status().message()),
      HasSubstr("pattern too large"));
}

// ---------------------------------------------------------------------------------------------
// Files and merging.

TEST(RulePackLoaderTest, LoadFileErrors) {
  const std::string missing = std::string(TW_BINARY_DIR) + "/no-such-pack.yaml";
  absl::StatusOr<RulePack> pack = LoadRulePackFile(missing);
  ASSERT_FALSE(pack.ok());
  EXPECT_EQ(Message(pack.status()), missing + ": cannot read: No such file or directory");

  pack = LoadRulePackFile(TW_BINARY_DIR);
  ASSERT_FALSE(pack.ok());
  EXPECT_EQ(Message(pack.status()), std::string(TW_BINARY_DIR) + ": cannot read: Is a directory");
}

TEST(RulePackLoaderTest, LoadFileNamesThePathInErrors) {
  const std::filesystem::path path =
      std::filesystem::path(TW_BINARY_DIR) / "rule_pack_loader_test_bad.yaml";
  {
    std::ofstream out(path);
    out << Replace(kBase, "severity: high", "severity: urgent");
  }
  absl::StatusOr<RulePack> pack = LoadRulePackFile(path.string());
  std::filesystem::remove(path);
  ASSERT_FALSE(pack.ok());
  EXPECT_EQ(Message(pack.status()),
            path.string() +
                ":14:15: rule \"check\": unknown severity \"urgent\"; use info, low, "
                "medium, high or critical");
}

// The default pack the CLI ships must load; it is written beside this loader.
TEST(RulePackLoaderTest, DefaultPackLoads) {
  const std::string path = std::string(TW_SOURCE_DIR) + "/rules/cybercrime.yaml";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << path << " not written yet";
  absl::StatusOr<RulePack> pack = LoadRulePackFile(path);
  ASSERT_TRUE(pack.ok()) << pack.status();
  EXPECT_EQ(pack->name, "cybercrime");
  EXPECT_FALSE(pack->rules.empty());
}

// Every complete pack shown in docs/rules.md (a ```yaml block starting with "pack:") loads, so
// the examples analysts copy are right.
TEST(RulePackLoaderTest, DocumentationExamplesLoad) {
  std::ifstream in(std::string(TW_SOURCE_DIR) + "/docs/rules.md");
  ASSERT_TRUE(in.good());
  std::string line;
  std::string block;
  bool inside = false;
  int line_number = 0;
  int block_line = 0;
  int packs = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (!inside && line == "```yaml") {
      inside = true;
      block.clear();
      block_line = line_number + 1;
    } else if (inside && line == "```") {
      inside = false;
      if (block.rfind("pack:", 0) == 0) {
        ++packs;
        absl::StatusOr<RulePack> pack =
            ParseRulePack(block, fmt::format("docs/rules.md block at line {}", block_line));
        EXPECT_TRUE(pack.ok()) << pack.status();
      }
    } else if (inside) {
      block += line + "\n";
    }
  }
  EXPECT_GE(packs, 1);
}

absl::StatusOr<RulePack> Pack(const std::string& yaml, const std::string& file) {
  return ParseRulePack(yaml, file);
}

TEST(MergeRulePacksTest, ConcatenatesInOrder) {
  absl::StatusOr<RulePack> a = Pack(kBase, "a.yaml");
  absl::StatusOr<RulePack> b = Pack(kFullPack, "b.yaml");
  ASSERT_TRUE(a.ok() && b.ok());
  absl::StatusOr<RulePack> merged = MergeRulePacks({*a, *b});
  ASSERT_TRUE(merged.ok()) << merged.status();
  EXPECT_EQ(merged->name, "t+cybercrime");
  EXPECT_THAT(merged->files, ElementsAre("a.yaml", "b.yaml"));
  EXPECT_EQ(merged->rules.size(), 5u);
  EXPECT_EQ(merged->categories.size(), 3u);
  EXPECT_EQ(merged->rules[2].id, "scope-cyber-dependent");
  EXPECT_EQ(merged->rules[2].where.file, "b.yaml");
}

TEST(MergeRulePacksTest, SinglePackIsUnchanged) {
  absl::StatusOr<RulePack> a = Pack(kBase, "a.yaml");
  ASSERT_TRUE(a.ok());
  absl::StatusOr<RulePack> merged = MergeRulePacks({*a});
  ASSERT_TRUE(merged.ok());
  EXPECT_EQ(merged->name, "t");
  EXPECT_EQ(merged->rules.size(), 2u);
}

TEST(MergeRulePacksTest, DuplicateRuleIdNamesBothPlaces) {
  absl::StatusOr<RulePack> a = Pack(kBase, "a.yaml");
  absl::StatusOr<RulePack> b = Pack(Replace(Replace(Replace(kBase, "id: offence", "id: other"),
                                                    "assigns: offence", "assigns: other"),
                                            "category: offence", "category: other"),
                                    "b.yaml");
  ASSERT_TRUE(a.ok() && b.ok()) << b.status();
  absl::StatusOr<RulePack> merged = MergeRulePacks({*a, *b});
  ASSERT_FALSE(merged.ok());
  EXPECT_EQ(Message(merged.status()),
            "b.yaml:6:5: duplicate rule id \"classify\"; first defined at a.yaml:6:5");
}

TEST(MergeRulePacksTest, DuplicateCategoryNamesBothPlaces) {
  absl::StatusOr<RulePack> a = Pack(kBase, "a.yaml");
  absl::StatusOr<RulePack> b =
      Pack(Replace(Replace(kBase, "id: classify", "id: classify-b"), "id: check", "id: check-b"),
           "b.yaml");
  ASSERT_TRUE(a.ok() && b.ok()) << b.status();
  absl::StatusOr<RulePack> merged = MergeRulePacks({*a, *b});
  ASSERT_FALSE(merged.ok());
  EXPECT_EQ(Message(merged.status()),
            "b.yaml:3:5: duplicate category \"offence\"; first declared at a.yaml:3:5");
}

TEST(MergeRulePacksTest, NothingToMerge) { EXPECT_FALSE(MergeRulePacks({}).ok()); }

}  // namespace
}  // namespace tw::audit
