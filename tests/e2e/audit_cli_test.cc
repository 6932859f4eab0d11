// End to end: `treatywatch audit` and `audit-trend` run as a user runs them, on the demo drafts
// and the real UN convention, in every output format, with --fail-on exit codes and bad packs.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace tw::testing {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using ::testing::StartsWith;

std::string Un() { return (CorpusDir() / "un-cybercrime-convention-2024.txt").string(); }

TEST(AuditCliTest, TextScorecardAndProblems) {
  TempDir dir;
  RunResult run = Tw(dir / "t.db", {"audit", DemoFile("draft1.txt")});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("Breadth: 11 offence articles"));
  EXPECT_THAT(run.out, HasSubstr("Content or speech offence"));
  EXPECT_THAT(run.out, HasSubstr("Problems, gravest first"));
  EXPECT_THAT(run.out, HasSubstr("A content offence is confined by freedom of expression"));
  EXPECT_EQ(run.out.find("\x1b["), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir / "t.db"));
}

TEST(AuditCliTest, JsonEvidenceIsTheStoredText) {
  TempDir dir;
  RunResult run = Tw(dir / "t.db", {"--json", "audit", Un()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json report = json::parse(run.out);
  EXPECT_EQ(report["scorecard"]["breadth_total"], 11);
  EXPECT_EQ(report["scorecard"]["breadth"]["cyber-dependent"], 5);
  EXPECT_EQ(report["scorecard"]["breadth"]["cyber-enabled"], 6);
  EXPECT_EQ(report["scorecard"]["breadth"]["content-related"], 0);
  const std::string text = ReadFile(Un());
  bool cited_art24 = false;
  for (const json& finding : report["findings"]) {
    for (const json& evidence : finding["evidence"]) {
      const std::string quote = evidence["quote"];
      // The stored text is the file as read (UTF-8, line ends kept), so quotes are in it.
      EXPECT_NE(text.find(quote), std::string::npos) << quote;
      if (finding["rule"] == "power-proportionality" && finding["path"] == "art27") {
        EXPECT_THAT(evidence["citation"].get<std::string>(), StartsWith("Art. 24(1)"));
        cited_art24 = true;
      }
    }
  }
  EXPECT_TRUE(cited_art24);
}

TEST(AuditCliTest, FailOnSeverityExitsOne) {
  TempDir dir;
  // Draft 1 leaves its content offences without a freedom-of-expression limit: critical.
  RunResult critical = Tw(dir / "t.db", {"audit", DemoFile("draft1.txt"), "--fail-on", "critical"});
  EXPECT_EQ(critical.exit_code, 1) << critical.err;
  // The UN convention's critical rules are all met.
  RunResult un = Tw(dir / "t.db", {"audit", Un(), "--fail-on", "critical", "--scorecard"});
  EXPECT_EQ(un.exit_code, 0) << un.out;
  RunResult bad = Tw(dir / "t.db", {"audit", Un(), "--fail-on", "severe"});
  EXPECT_EQ(bad.exit_code, 2);
}

TEST(AuditCliTest, EveryFormatToAFile) {
  TempDir dir;
  for (const std::string format : {"md", "html", "csv", "json"}) {
    const auto out = dir / ("audit." + format);
    RunResult run = Tw(dir / "t.db", {"audit", DemoFile("draft3.txt"), "--format", format,
                                      "--out", out.string()});
    ASSERT_EQ(run.exit_code, 0) << format << ": " << run.err;
    const std::string bytes = ReadFile(out);
    ASSERT_FALSE(bytes.empty()) << format;
    if (format == "csv") {
      EXPECT_THAT(bytes, StartsWith("document,citation,path,heading,rule,"));
      EXPECT_THAT(bytes, HasSubstr("\r\n"));
    }
    if (format == "html") {  // find(), not HasSubstr: a failure would print the whole page
      EXPECT_NE(bytes.find("class=\"heat\""), std::string::npos);
      EXPECT_NE(bytes.find("<h1>Draft Convention on Cooperation against Computer Crime</h1>"),
                std::string::npos);
    }
    if (format == "json") {
      EXPECT_NO_THROW(json::parse(bytes));
    }
  }
}

TEST(AuditCliTest, BadPackIsOneLineWithPosition) {
  TempDir dir;
  const auto pack = dir / "bad.yaml";
  WriteFile(pack, "pack: bad\nrules:\n  - id: r1\n    title: T\n    severity: high\n"
                  "    select:\n      heading: \"re: (unclosed\"\n    assigns: x\n");
  RunResult run = Tw(dir / "t.db", {"audit", DemoFile("draft1.txt"), "--pack", pack.string()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr(pack.string() + ":7:"));
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
  EXPECT_TRUE(run.out.empty());
}

TEST(AuditCliTest, TrendAcrossTheDemoDrafts) {
  TempDir dir;
  RunResult run = Tw(dir / "t.db", {"--json", "audit-trend", DemoFile("draft1.txt"),
                                    DemoFile("draft2.txt"), DemoFile("draft3.txt")});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json trend = json::parse(run.out);
  ASSERT_EQ(trend["scorecards"].size(), 3u);
  ASSERT_EQ(trend["steps"].size(), 2u);
  EXPECT_EQ(trend["alignment"], "content");
  EXPECT_EQ(trend["scorecards"][0]["breadth"]["content-related"], 2);
  EXPECT_EQ(trend["scorecards"][2]["breadth"]["content-related"], 0);
  int better = 0;
  for (const json& step : trend["steps"]) better += step["better"].get<int>();
  EXPECT_GT(better, 0);

  RunResult text = Tw(dir / "t.db", {"audit-trend", DemoFile("draft1.txt"), DemoFile("draft3.txt")});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out, HasSubstr("no longer Content or speech offence"));
  RunResult one = Tw(dir / "t.db", {"audit-trend", DemoFile("draft1.txt")});
  EXPECT_EQ(one.exit_code, 2);
}

}  // namespace
}  // namespace tw::testing
