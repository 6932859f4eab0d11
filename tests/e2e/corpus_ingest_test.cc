// End to end on the real documents: the treatywatch binary ingests every text of the shared
// corpus and the official UN PDF, and the trees it stores match what the sources show.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "tree_compare.h"

namespace tw::testing {
namespace {

using nlohmann::json;

json ShowJson(const std::filesystem::path& db, const std::string& doc) {
  RunResult shown = Tw(db, {"--json", "show", doc});
  EXPECT_EQ(shown.exit_code, 0) << shown.err;
  return json::parse(shown.out);
}

json IngestJson(const std::filesystem::path& db, std::vector<std::string> args) {
  args.insert(args.begin(), {"--json", "ingest"});
  RunResult run = Tw(db, args);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  return json::parse(run.out);
}

struct CorpusCase {
  const char* file;
  int articles;
  int chapters;
};

class CorpusIngestTest : public ::testing::TestWithParam<CorpusCase> {};

TEST_P(CorpusIngestTest, ArticleAndChapterCountsMatchTheSource) {
  TempDir dir;
  const CorpusCase& c = GetParam();
  json ingested = IngestJson(dir / "t.db", {(CorpusDir() / c.file).string()});
  ASSERT_EQ(ingested.size(), 1u);
  EXPECT_EQ(ingested[0]["articles"], c.articles);
  EXPECT_EQ(ingested[0]["chapters"], c.chapters);
  EXPECT_EQ(ingested[0]["warnings"], 0) << Tw(dir / "t.db", {"show", "1", "--warnings"}).out;
}

INSTANTIATE_TEST_SUITE_P(
    RealTexts, CorpusIngestTest,
    ::testing::Values(CorpusCase{"un-cybercrime-convention-2024.txt", 68, 9},
                      CorpusCase{"budapest-convention-ets185.txt", 48, 4},
                      CorpusCase{"budapest-additional-protocol-ets189.txt", 16, 4},
                      CorpusCase{"unga-resolution-74-247.txt", 0, 0},
                      CorpusCase{"unga-resolution-79-243.txt", 0, 0}),
    [](const auto& info) {
      std::string name = info.param.file;
      name = name.substr(0, name.find('.'));
      for (char& ch : name) {
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
      }
      return name;
    });

TEST(CorpusIngest, UnConventionHeadingsAreThoseOfTheOfficialText) {
  TempDir dir;
  IngestJson(dir / "t.db", {(CorpusDir() / "un-cybercrime-convention-2024.txt").string(),
                            "--symbol", "A/RES/79/243"});
  const json doc = ShowJson(dir / "t.db", "A/RES/79/243");
  const json* art6 = FindByPath(doc["provisions"], "art6");
  const json* art13 = FindByPath(doc["provisions"], "art13");
  const json* art24 = FindByPath(doc["provisions"], "art24");
  ASSERT_TRUE(art6 && art13 && art24);
  EXPECT_EQ((*art6)["heading"], "Respect for human rights");
  EXPECT_EQ((*art24)["heading"], "Conditions and safeguards");
  EXPECT_EQ((*art13)["label"], "Article 13.");
  EXPECT_EQ((*art13)["num"], "13");
}

// The official PDF: a resolution whose annex is the convention, with page furniture on all
// 46 pages. Its annex must be the same tree as the text file, and every provision cites pages.
TEST(CorpusIngest, OfficialPdfAnnexIsTheConventionTree) {
  TempDir dir;
  IngestJson(dir / "t.db", {(CorpusDir() / "A-RES-79-243.pdf").string(), "--symbol", "pdf"});
  IngestJson(dir / "t.db",
             {(CorpusDir() / "un-cybercrime-convention-2024.txt").string(), "--symbol", "txt"});
  const json pdf = ShowJson(dir / "t.db", "pdf");
  const json txt = ShowJson(dir / "t.db", "txt");
  EXPECT_EQ(pdf["pages"], 46);

  // The resolution's own operative paragraphs come before the annex.
  const std::vector<FlatProvision> whole = Flatten(pdf["provisions"]);
  int resolution_paragraphs = 0;
  for (const FlatProvision& p : whole) {
    resolution_paragraphs += p.kind == "paragraph" && p.path.find('.') == std::string::npos;
  }
  EXPECT_GE(resolution_paragraphs, 5);

  const json* annex = FindByPath(pdf["provisions"], "annex");
  ASSERT_NE(annex, nullptr) << "no annex in the PDF's tree";
  std::vector<FlatProvision> annex_tree = Flatten((*annex)["children"], "annex.");
  std::vector<FlatProvision> txt_tree = Flatten(txt["provisions"]);
  // The annex title block is the annex's heading; compare from the preamble on.
  EXPECT_EQ(CountKind(annex_tree, "article"), 68);
  EXPECT_EQ(CountKind(annex_tree, "chapter"), 9);
  EXPECT_EQ(FirstDifference(txt_tree, annex_tree, true, /*ignore_spaces=*/true), "");
  for (const FlatProvision& p : annex_tree) {
    EXPECT_GE(p.page_first, 1) << p.path;
    EXPECT_LE(p.page_last, 46) << p.path;
    EXPECT_LE(p.page_first, p.page_last) << p.path;
  }
}

TEST(CorpusIngest, ReingestingTheSameFileIsANoOpThatSaysSo) {
  TempDir dir;
  const std::string file = (CorpusDir() / "budapest-convention-ets185.txt").string();
  RunResult first = Tw(dir / "t.db", {"ingest", file});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  RunResult second = Tw(dir / "t.db", {"ingest", file});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("already stored"), std::string::npos) << second.out;
  RunResult list = Tw(dir / "t.db", {"--json", "list"});
  EXPECT_EQ(json::parse(list.out).size(), 1u);
}

TEST(CorpusIngest, SearchPrintsCitationsWithHighlightedSnippets) {
  TempDir dir;
  IngestJson(dir / "t.db", {(CorpusDir() / "un-cybercrime-convention-2024.txt").string(),
                            "--symbol", "A/AC.291/L.15"});
  RunResult search = Tw(dir / "t.db", {"search", "proportionality", "--limit", "5"});
  ASSERT_EQ(search.exit_code, 0) << search.err;
  EXPECT_NE(search.out.find("Art. 24(1), A/AC.291/L.15"), std::string::npos) << search.out;
  EXPECT_NE(search.out.find("**proportionality**"), std::string::npos) << search.out;
  RunResult json_search = Tw(dir / "t.db", {"--json", "search", "\"conditions and safeguards\""});
  ASSERT_EQ(json_search.exit_code, 0) << json_search.err;
  const json hits = json::parse(json_search.out);
  ASSERT_FALSE(hits.empty());
  bool found_art24 = false;
  for (const json& hit : hits) found_art24 |= hit["path"].get<std::string>().rfind("art24", 0) == 0;
  EXPECT_TRUE(found_art24) << json_search.out;
}

}  // namespace
}  // namespace tw::testing
