// End to end: `treatywatch trace` on the demo's drafts and proposals, against the hand-checked
// record of whose words entered which draft (demo/CHANGES.md, section 4).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"

namespace tw::testing {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

struct DemoDocument {
  const char* file;
  const char* symbol;
  const char* kind;
  const char* date;
  const char* authors;
};

// The drafts, the proposals and the regional convention, as the demo's manifest describes them.
constexpr DemoDocument kDocuments[] = {
    {"reference-regional-convention.txt", "RCLC/TS/12", "reference", "2011-03-14",
     "Regional Council for Legal Cooperation"},
    {"draft1.txt", "A/AC.999/3", "draft", "2025-01-20", "Chair"},
    {"proposal-brazil.txt", "A/AC.999/CRP.1", "proposal", "2025-04-25", "Brazil"},
    {"proposal-norway.txt", "A/AC.999/CRP.2", "proposal", "2025-04-28",
     "Norway,Denmark,Finland,Iceland,Sweden"},
    {"proposal-egypt.txt", "A/AC.999/CRP.3", "proposal", "2025-04-30", "Egypt"},
    {"draft2.txt", "A/AC.999/3/Rev.1", "draft", "2025-07-28", "Chair"},
    {"proposal-japan.txt", "A/AC.999/CRP.4", "proposal", "2026-01-09", "Japan"},
    {"draft3.txt", "A/AC.999/L.2", "draft", "2026-03-30", "Chair"},
};

class TraceCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const DemoDocument& document : kDocuments) {
      RunResult run =
          Tw(db(), {"ingest", DemoFile(document.file), "--symbol", document.symbol, "--kind",
                    document.kind, "--date", document.date, "--author", document.authors});
      ASSERT_EQ(run.exit_code, 0) << run.err;
    }
  }

  std::filesystem::path db() const { return dir_ / "t.db"; }

  json Trace(const std::string& draft) {
    RunResult run = Tw(db(), {"--json", "trace", draft, "--all"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return json::parse(run.out, nullptr, false);
  }

  TempDir dir_;
};

// The passage reported at `draft_path` (the deepest provision holding its start).
const json* PassageAt(const json& trace, const std::string& draft_path) {
  for (const json& passage : trace["passages"]) {
    if (passage["draft_path"] == draft_path) return &passage;
  }
  return nullptr;
}

void ExpectFrom(const json& trace, const std::string& draft_path, const std::string& source,
                const std::string& source_path) {
  SCOPED_TRACE(draft_path + " from " + source);
  const json* passage = PassageAt(trace, draft_path);
  ASSERT_NE(passage, nullptr) << trace["passages"].dump(1).substr(0, 2000);
  EXPECT_EQ((*passage)["source"], source);
  EXPECT_EQ((*passage)["source_path"], source_path);
  EXPECT_GE((*passage)["similarity"].get<double>(), 0.9);
}

TEST_F(TraceCliTest, TheFirstRevisedDraftTakesBrazilsAndEgyptsWords) {
  const json trace = Trace("A/AC.999/3/Rev.1");
  ASSERT_TRUE(trace.is_object());
  // Only what is older than the draft is a source: D3 and Japan's CRP.4 are not.
  for (const json& source : trace["sources"]) {
    EXPECT_LE(source["date"].get<std::string>(), "2025-07-28") << source.dump();
    EXPECT_NE(source["cite"], "A/AC.999/3/Rev.1");
  }
  ExpectFrom(trace, "art2.h", "A/AC.999/CRP.1", "art2.h");      // "Serious crime", verbatim
  ExpectFrom(trace, "art4", "A/AC.999/CRP.3", "art3bis");       // whole article, verbatim
  ExpectFrom(trace, "art35.p3", "A/AC.999/CRP.3", "art36.p3");  // transfer of technology
  // Most of the draft comes from the zero draft.
  EXPECT_GT(trace["summary"]["reused_words"].get<int>(),
            trace["summary"]["draft_words"].get<int>() * 9 / 10);
}

TEST_F(TraceCliTest, TheFinalDraftTakesJapansNorwaysAndBrazilsWords) {
  const json trace = Trace("A/AC.999/L.2");
  ASSERT_TRUE(trace.is_object());
  ExpectFrom(trace, "art15.p4", "A/AC.999/CRP.4", "art15.p4");  // children, verbatim
  ExpectFrom(trace, "art28.p4", "A/AC.999/CRP.4", "art29.p4");
  ExpectFrom(trace, "art22.p1", "A/AC.999/CRP.2", "art22.p1");  // Norway's safeguards
  ExpectFrom(trace, "art7.p1", "A/AC.999/CRP.1", "art31.p1");   // Brazil's personal data
}

TEST_F(TraceCliTest, OffsetsPointIntoTheStoredTextsOfBothDocuments) {
  const json trace = Trace("A/AC.999/L.2");
  const json* passage = PassageAt(trace, "art15.p4");
  ASSERT_NE(passage, nullptr);
  RunResult draft = Tw(db(), {"--json", "show", "A/AC.999/L.2"});
  RunResult source = Tw(db(), {"--json", "show", "A/AC.999/CRP.4"});
  ASSERT_EQ(draft.exit_code, 0);
  ASSERT_EQ(source.exit_code, 0);
  const std::string draft_text = json::parse(draft.out)["text"];
  const std::string source_text = json::parse(source.out)["text"];
  const auto slice = [](const std::string& text, const json& start, const json& end) {
    return text.substr(start.get<std::size_t>(), end.get<std::size_t>() - start.get<std::size_t>());
  };
  const std::string in_draft =
      slice(draft_text, (*passage)["draft_start"], (*passage)["draft_end"]);
  EXPECT_EQ(in_draft, slice(source_text, (*passage)["source_start"], (*passage)["source_end"]));
  EXPECT_THAT(in_draft, HasSubstr("criminaliz"));
}

TEST_F(TraceCliTest, TheTextReportNamesProvisionsAndSources) {
  RunResult run =
      Tw(db(), {"trace", "A/AC.999/3/Rev.1", "--sources", "A/AC.999/CRP.3", "A/AC.999/3"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("Where the words of A/AC.999/3/Rev.1 came from"));
  EXPECT_THAT(run.out, HasSubstr("← Art. 3 bis, A/AC.999/CRP.3 (2025-04-30, 100 % alike)"));
}

std::size_t Occurrences(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
    ++count;
  }
  return count;
}

TEST_F(TraceCliTest, TheHtmlReportMarksEachPassageInItsSourcesKey) {
  const std::filesystem::path page = dir_ / "trace.html";
  RunResult run =
      Tw(db(), {"trace", "A/AC.999/L.2", "--all", "--format", "html", "--out", page.string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(run.out.empty()) << run.out.substr(0, 200);
  const std::string html = ReadFile(page);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0), 0u);
  EXPECT_THAT(html, HasSubstr("<h1>Where the words of A/AC.999/L.2 came from</h1>"));
  EXPECT_THAT(html, HasSubstr("<span class=\"cite\">A/AC.999/CRP.4</span>"));
  EXPECT_THAT(html, HasSubstr("<td class=\"date\">9 January 2026</td>"));
  // Japan's 15(4), attributed to its proposal, with the words of the draft inside the mark.
  const std::size_t japan = html.find(" words from A/AC.999/CRP.4, Art. 15(4) (9 January 2026");
  ASSERT_NE(japan, std::string::npos);
  const std::size_t mark_end = html.find("</mark>", japan);
  EXPECT_THAT(html.substr(japan, mark_end - japan), HasSubstr("exclude from criminalization"));
  EXPECT_THAT(html, HasSubstr("at Art. 15(4) \u2190 A/AC.999/CRP.4, Art. 15(4) (9 January 2026, "
                              "100 % alike)"));
  EXPECT_EQ(Occurrences(html, "<mark "), Occurrences(html, "</mark>"));
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.substr(html.size() - 8), "</html>\n");

  // Without --out the page goes to stdout; `influence` keeps text and JSON.
  RunResult to_stdout =
      Tw(db(), {"trace", "A/AC.999/3/Rev.1", "--sources", "A/AC.999/CRP.3", "--format", "html"});
  ASSERT_EQ(to_stdout.exit_code, 0) << to_stdout.err;
  EXPECT_THAT(to_stdout.out, HasSubstr("<mark class=\"from c0 p0\""));
  RunResult influence = Tw(db(), {"influence", "A/AC.999/L.2", "--all", "--format", "html"});
  EXPECT_EQ(influence.exit_code, 2);
  EXPECT_THAT(influence.err, HasSubstr("--format"));
}

TEST_F(TraceCliTest, MissingSourcesAndUnknownDocumentsAreOneLineErrors) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"trace", "A/AC.999/L.2"},
        std::vector<std::string>{"trace", "A/AC.999/L.2", "--all", "--sources", "A/AC.999/3"},
        std::vector<std::string>{"trace", "NO/SUCH/DOC", "--all"},
        std::vector<std::string>{"trace", "A/AC.999/L.2", "--all", "--min-words", "1"}}) {
    RunResult run = Tw(db(), args);
    EXPECT_EQ(run.exit_code, 2) << args.back();
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
    EXPECT_TRUE(run.out.empty()) << run.out;
  }
}

const json* Actor(const json& influence, const std::string& name) {
  for (const json& actor : influence["actors"]) {
    if (actor["actor"] == name) return &actor;
  }
  return nullptr;
}

TEST_F(TraceCliTest, InfluenceCountsWhatEachProposalGotIntoTheDraft) {
  RunResult run = Tw(db(), {"--json", "influence", "A/AC.999/L.2", "--all"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json influence = json::parse(run.out);
  // Japan: 15(4) and 28(4), both verbatim (demo/CHANGES.md section 4).
  const json* japan = Actor(influence, "Japan");
  ASSERT_NE(japan, nullptr) << run.out.substr(0, 2000);
  EXPECT_GE((*japan)["words_adopted"].get<int>(), 60);
  EXPECT_EQ((*japan)["words_adopted"], (*japan)["words_verbatim"]);
  EXPECT_THAT((*japan)["provisions"], ::testing::IsSupersetOf({"art15", "art28"}));
  EXPECT_GT((*japan)["share"].get<double>(), 0.1);
  // The Nordic proposal counts for each co-sponsor.
  const json* norway = Actor(influence, "Norway");
  const json* iceland = Actor(influence, "Iceland");
  ASSERT_NE(norway, nullptr);
  ASSERT_NE(iceland, nullptr);
  EXPECT_EQ((*norway)["words_adopted"], (*iceland)["words_adopted"]);
  EXPECT_THAT((*norway)["provisions"], ::testing::Contains("art22"));

  RunResult text = Tw(db(), {"influence", "A/AC.999/L.2", "--all"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out, HasSubstr("Whose words are in A/AC.999/L.2"));
  EXPECT_THAT(text.out, HasSubstr("Japan"));
}

TEST_F(TraceCliTest, ReuseFindsEveryPlaceAPassageStands) {
  // Japan's 15(4), reworded a little: in the proposal and in the final draft, oldest first.
  RunResult run = Tw(db(), {"--json", "reuse",
                            "a State Party may take steps to exclude from criminalization under "
                            "paragraph 1 conduct by children relating to material that they have "
                            "produced of themselves"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json found = json::parse(run.out);
  std::vector<std::string> sources;
  for (const json& match : found["matches"]) sources.push_back(match["source"]);
  // Also a dozen words of the regional convention's 9(3), which the proposal adapted.
  EXPECT_THAT(sources, ::testing::IsSupersetOf({"A/AC.999/CRP.4", "A/AC.999/L.2"}));
  std::vector<std::string> dates;
  for (const json& match : found["matches"]) {
    dates.push_back(match["date"]);
    if (match["source"] == "A/AC.999/L.2") {
      EXPECT_EQ(match["source_path"], "art15.p4");
    }
  }
  EXPECT_TRUE(std::is_sorted(dates.begin(), dates.end()));
  RunResult bad = Tw(db(), {"reuse", std::string("caf\xC3(", 5)});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("not UTF-8"));
}

}  // namespace
}  // namespace tw::testing
