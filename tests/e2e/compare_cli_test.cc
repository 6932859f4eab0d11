// End to end: `treatywatch diff`, `crosswalk` and `history` run as a user runs them, on the
// demo drafts (ground truth in demo/CHANGES.md) and on the real conventions of the corpus.
#include <cstdlib>
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


// A database holding the demo's three drafts as one version chain.
void IngestChain(const std::filesystem::path& db) {
  const std::string files[] = {"draft1.txt", "draft2.txt", "draft3.txt"};
  const std::string symbols[] = {"A/AC.999/3", "A/AC.999/3/Rev.1", "A/AC.999/L.2"};
  for (int k = 0; k < 3; ++k) {
    RunResult run = Tw(db, {"ingest", DemoFile(files[k]), "--symbol", symbols[k], "--kind", "draft",
                            "--instrument", "Convention on Cooperation against Computer Crime"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
  }
}

const json* ChangeWithOld(const json& diff, const std::string& path) {
  for (const json& change : diff["changes"]) {
    for (const json& old_path : change["old"]) {
      if (old_path == path) return &change;
    }
  }
  return nullptr;
}

TEST(CompareCliTest, DiffOfTwoFilesNeedsNoDatabase) {
  TempDir dir;
  RunResult run = Tw(dir / "never-created.db",
                     {"--json", "diff", DemoFile("draft1.txt"), DemoFile("draft2.txt")});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json diff = json::parse(run.out);
  EXPECT_EQ(diff["summary"]["articles_old"], 40);
  EXPECT_EQ(diff["summary"]["split"], 1);
  EXPECT_EQ(diff["summary"]["merged"], 1);
  EXPECT_EQ(diff["summary"]["moved"], 1);
  const json* moved = ChangeWithOld(diff, "art31");
  ASSERT_NE(moved, nullptr);
  EXPECT_EQ((*moved)["kind"], "move");
  EXPECT_EQ((*moved)["new"], json::array({"art6"}));
  const json* split = ChangeWithOld(diff, "art4");
  ASSERT_NE(split, nullptr);
  EXPECT_EQ((*split)["kind"], "split");
  EXPECT_EQ((*split)["new"], json::array({"art5", "art5bis"}));
  EXPECT_FALSE(std::filesystem::exists(dir / "never-created.db"));
}

TEST(CompareCliTest, TextReportSpeaksLikeANegotiator) {
  TempDir dir;
  RunResult run = Tw(dir / "t.db", {"diff", DemoFile("draft1.txt"), DemoFile("draft2.txt")});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("Art. 4 was split into Arts. 5 and 5 bis"));
  EXPECT_THAT(run.out, HasSubstr("Arts. 17 and 18 were joined into Art. 19"));
  EXPECT_THAT(run.out, HasSubstr("Art. 31 moved and became Art. 6"));
  EXPECT_THAT(run.out, HasSubstr("brackets around “[serious] crime” removed — agreed"));
  EXPECT_THAT(run.out, HasSubstr("Art. 34 was deleted"));
  // Piped output carries no terminal colours.
  EXPECT_EQ(run.out.find("\x1b["), std::string::npos);
}

TEST(CompareCliTest, StoredChainDiffHistoryAndOneArticle) {
  TempDir dir;
  IngestChain(dir / "t.db");
  RunResult diff = Tw(dir / "t.db", {"--json", "diff", "A/AC.999/3", "A/AC.999/3/Rev.1",
                                     "--article", "art6"});
  ASSERT_EQ(diff.exit_code, 0) << diff.err;
  const json only = json::parse(diff.out);
  ASSERT_EQ(only["changes"].size(), 1u);
  EXPECT_EQ(only["changes"][0]["old"], json::array({"art31"}));
  EXPECT_EQ(only["old"]["cite"], "A/AC.999/3");

  // "The article that is now Art. 20 of the final draft was Art. 20 in the zero draft, and
  // Art. 21 in between" — one query.
  RunResult history = Tw(dir / "t.db", {"--json", "history", "A/AC.999/L.2", "art20"});
  ASSERT_EQ(history.exit_code, 0) << history.err;
  const json steps = json::parse(history.out)["steps"];
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_EQ(steps[0]["path"], "art20");
  EXPECT_EQ(steps[1]["path"], "art21");
  EXPECT_EQ(steps[2]["path"], "art20");
  EXPECT_EQ(json::parse(history.out)["work_id"], "art20@v1");

  // A deleted article ends its history.
  RunResult deleted = Tw(dir / "t.db", {"--json", "history", "A/AC.999/3", "art34"});
  ASSERT_EQ(deleted.exit_code, 0) << deleted.err;
  const json gone = json::parse(deleted.out)["steps"];
  EXPECT_EQ(gone[1]["present"], false);
  EXPECT_EQ(gone[1]["change"], "repeal");
}

TEST(CompareCliTest, ReportsAreWrittenWholeToFiles) {
  TempDir dir;
  for (const std::string format : {"html", "md", "docx", "json"}) {
    const auto out = dir / ("redline." + format);
    RunResult run = Tw(dir / "t.db", {"diff", DemoFile("draft2.txt"), DemoFile("draft3.txt"), "--format",
                                      format, "--out", out.string()});
    ASSERT_EQ(run.exit_code, 0) << format << ": " << run.err;
    EXPECT_THAT(run.err, HasSubstr("wrote"));
    const std::string bytes = ReadFile(out);
    if (format == "html") {
      EXPECT_THAT(bytes, StartsWith("<!DOCTYPE html>"));
    } else if (format == "docx") {
      EXPECT_THAT(bytes, StartsWith("PK"));
    } else if (format == "json") {
      EXPECT_NO_THROW(json::parse(bytes));
    }
  }
  // No temporary file is left beside the reports.
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) files += entry.is_regular_file();
  EXPECT_EQ(files, 4);
}

TEST(CompareCliTest, CrosswalkOfTheUnConventionAgainstBudapest) {
  TempDir dir;
  RunResult run = Tw(dir / "t.db", {"--json", "crosswalk",
                                    (CorpusDir() / "un-cybercrime-convention-2024.txt").string(),
                                    (CorpusDir() / "budapest-convention-ets185.txt").string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json crosswalk = json::parse(run.out);
  // Criminalisation articles find their Budapest ancestors by wording, whatever their numbers.
  const std::pair<std::string, std::string> expected[] = {
      {"art7", "art2"}, {"art8", "art3"}, {"art11", "art6"}, {"art12", "art7"}, {"art13", "art8"}};
  for (const auto& [un, budapest] : expected) {
    bool found = false;
    for (const json& entry : crosswalk["entries"]) {
      if (entry["path"] != un) continue;
      ASSERT_FALSE(entry["matches"].empty()) << un;
      EXPECT_EQ(entry["matches"][0]["path"], budapest) << un;
      found = true;
    }
    EXPECT_TRUE(found) << un;
  }
}

TEST(CompareCliTest, BadInputIsOneLineAndExitTwo) {
  TempDir dir;
  RunResult missing = Tw(dir / "t.db", {"diff", "A/NOPE/1", DemoFile("draft1.txt")});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, StartsWith("treatywatch: "));
  EXPECT_EQ(std::count(missing.err.begin(), missing.err.end(), '\n'), 1);

  WriteFile(dir / "bad.txt", std::string("Article 1\n\xff\xfe broken\n"));
  RunResult invalid = Tw(dir / "t.db", {"diff", (dir / "bad.txt").string(), DemoFile("draft1.txt")});
  EXPECT_EQ(invalid.exit_code, 2);
  EXPECT_THAT(invalid.err, HasSubstr("bad.txt"));

  RunResult article = Tw(dir / "t.db", {"diff", DemoFile("draft1.txt"), DemoFile("draft2.txt"),
                                        "--article", "art99"});
  EXPECT_EQ(article.exit_code, 2);
  EXPECT_THAT(article.err, HasSubstr("art99"));

  RunResult unwritable = Tw(dir / "t.db", {"diff", DemoFile("draft1.txt"), DemoFile("draft2.txt"),
                                           "--out", "/nonexistent-folder/x.html", "--format", "html"});
  EXPECT_EQ(unwritable.exit_code, 2);
  EXPECT_THAT(unwritable.err, HasSubstr("/nonexistent-folder/x.html"));
}

}  // namespace
}  // namespace tw::testing
