// Scorecards and the report renderers on findings made by hand (no engine): counts, CSV
// quoting and formula guards, Markdown and HTML escaping, JSON evidence, article lists.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "audit/audit_json.h"
#include "audit/audit_report_csv.h"
#include "audit/audit_report_html.h"
#include "audit/audit_report_markdown.h"
#include "audit/audit_report_text.h"
#include "audit/scorecard.h"
#include "draft_text.h"

namespace tw::audit {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

doc::Document Parse(const std::string& text) {
  doc::DocumentMeta meta;
  meta.symbol = "A/AC.1/2";
  return test_support::ParseDraftText(text, meta);
}

const std::string kDraft =
    "Draft\n\nChapter I\nCriminalization\n\nArticle 1\nIllegal <b>access</b>\n\n"
    "Each State Party shall establish the =SUM(A1) offence [of access], when committed "
    "intentionally.\n\nArticle 2\nDissemination of extremist material\n\nOption 1\n\n"
    "Each State Party shall establish the offence.\n\nOption 2\n\nNo offence.\n";

RulePack Pack() {
  RulePack pack;
  pack.name = "t";
  pack.title = "Test pack";
  pack.version = "1";
  pack.categories = {{"crim", "Criminalisation", "", false, {}},
                     {"cd", "Cyber-dependent", "", true, {}},
                     {"content", "Content", "", true, {}}};
  Rule crim;
  crim.id = "crim";
  crim.title = "Crim";
  crim.assigns = "crim";
  Rule cd;
  cd.id = "cd";
  cd.title = "CD";
  cd.assigns = "cd";
  cd.select.categories = {"crim"};
  Rule content;
  content.id = "content";
  content.title = "Content";
  content.assigns = "content";
  content.select.categories = {"crim"};
  Rule intent;
  intent.id = "intent";
  intent.title = "Intent \"required\"";
  intent.topic = "criminalisation";
  intent.severity = Severity::kHigh;
  intent.test = Test{};
  pack.rules = {crim, cd, content, intent};
  return pack;
}

Evidence At(const doc::Document& document, const std::string& path, const std::string& words) {
  const std::size_t begin = document.text.find(words);
  EXPECT_NE(begin, std::string::npos) << words;
  return {path, begin, begin + words.size(), words, words, false};
}

AuditResult Result(const doc::Document& document) {
  AuditResult result;
  result.findings = {
      {"crim", "art1", Outcome::kMet, Severity::kInfo, "crim", {}, {}},
      {"cd", "art1", Outcome::kMet, Severity::kInfo, "cd", {At(document, "art1", "access")}, {}},
      {"intent", "art1", Outcome::kMet, Severity::kHigh, "",
       {At(document, "art1", "=SUM(A1) offence")}, {}},
      {"crim", "art2", Outcome::kMet, Severity::kInfo, "crim", {}, {}},
      {"intent", "art2", Outcome::kMissing, Severity::kHigh, "", {}, {"intentional*"}},
  };
  return result;
}

TEST(ScorecardTest, CountsBreadthCoverageAndProgress) {
  const doc::Document document = Parse(kDraft);
  const Scorecard card = MakeScorecard(document, Pack(), Result(document));
  EXPECT_EQ(card.cite, "A/AC.1/2");
  EXPECT_EQ(card.breadth_total, 1);
  ASSERT_GE(card.categories.size(), 2u);
  EXPECT_EQ(card.categories[0].category, "cd");
  EXPECT_EQ(card.categories[0].provisions.size(), 1u);
  EXPECT_EQ(card.categories[1].category, "content");
  EXPECT_TRUE(card.categories[1].provisions.empty());
  ASSERT_EQ(card.unclassified.size(), 1u);  // art2 is criminalisation but neither cd nor content
  EXPECT_EQ(card.unclassified[0].path, "art2");
  ASSERT_EQ(card.coverage.size(), 1u);
  EXPECT_EQ(card.coverage[0].selected, 2);
  EXPECT_EQ(card.coverage[0].met, 1);
  EXPECT_DOUBLE_EQ(card.coverage[0].percent_met(), 50.0);
  EXPECT_EQ(card.progress.articles, 2);
  EXPECT_EQ(card.progress.bracket_spans, 1);
  EXPECT_EQ(card.progress.articles_with_brackets, 1);
  EXPECT_EQ(card.progress.options, 2);
  EXPECT_EQ(card.progress.articles_with_options, 1);
  EXPECT_GT(card.progress.bracketed_percent, 0.0);
  EXPECT_EQ(card.missing, 1);
  EXPECT_EQ(card.met, 1);
}

TEST(AuditReportTest, CsvQuotesAndDisarmsFormulas) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"x\""), "\"say \"\"x\"\"\"");
  EXPECT_EQ(CsvField("=SUM(A1)"), "'=SUM(A1)");
  EXPECT_EQ(CsvField("@cmd"), "'@cmd");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  const doc::Document document = Parse(kDraft);
  const std::string csv = RenderAuditCsv(document, Pack(), Result(document));
  EXPECT_THAT(csv, HasSubstr("'=SUM(A1) offence"));
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 6);  // header + 5 findings
}

TEST(AuditReportTest, HtmlAndMarkdownEscapeDocumentText) {
  const doc::Document document = Parse(kDraft);
  const RulePack pack = Pack();
  const AuditResult result = Result(document);
  const Scorecard card = MakeScorecard(document, pack, result);
  const std::string html = RenderAuditHtml(document, pack, result, card);
  EXPECT_THAT(html, Not(HasSubstr("<b>access</b>")));
  EXPECT_THAT(html, HasSubstr("&lt;b&gt;access&lt;/b&gt;"));
  EXPECT_THAT(html, HasSubstr("href=\"#f3\""));
  EXPECT_THAT(html, HasSubstr("id=\"f3\""));
  const std::string md = RenderAuditMarkdown(document, pack, result, card);
  EXPECT_THAT(md, Not(HasSubstr("<b>")));
  EXPECT_THAT(md, HasSubstr("Intent \\\"required\\\""));
}

TEST(AuditReportTest, JsonCitesEvidence) {
  const doc::Document document = Parse(kDraft);
  const RulePack pack = Pack();
  const AuditResult result = Result(document);
  const nlohmann::json json = AuditToJson(document, pack, result, MakeScorecard(document, pack, result));
  const nlohmann::json& evidence = json["findings"][2]["evidence"][0];
  EXPECT_EQ(evidence["citation"], "Art. 1, A/AC.1/2");
  const std::size_t begin = evidence["begin"], end = evidence["end"];
  EXPECT_EQ(document.text.substr(begin, end - begin), evidence["quote"]);
  EXPECT_EQ(json["scorecard"]["breadth"]["cd"], 1);
  EXPECT_EQ(json["findings"][4]["outcome"], "missing");
}

TEST(AuditReportTest, JoinCitations) {
  EXPECT_EQ(JoinCitations({}), "none");
  EXPECT_EQ(JoinCitations({{"art5", "Art. 5", ""}}), "Art. 5");
  EXPECT_EQ(JoinCitations({{"art5", "Art. 5", ""}, {"art6", "Art. 6", ""}, {"art9", "Art. 9", ""}}),
            "Arts. 5, 6 and 9");
  EXPECT_EQ(JoinCitations({{"preamble", "Preamble", ""}, {"art6", "Art. 6", ""}}),
            "Preamble and Art. 6");
}

}  // namespace
}  // namespace tw::audit
