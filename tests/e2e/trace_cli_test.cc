// End to end: `treatywatch trace` on the demo's drafts and proposals, against the hand-checked
// record of whose words entered which draft (demo/CHANGES.md, section 4).
#include <algorithm>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

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
};

// The drafts, the proposals and the regional convention, as the demo's manifest describes them.
constexpr DemoDocument kDocuments[] = {
    {"reference-regional-convention.txt", "RCLC/TS/12", "reference", "2011-03-14"},
    {"draft1.txt", "A/AC.999/3", "draft", "2025-01-20"},
    {"proposal-brazil.txt", "A/AC.999/CRP.1", "proposal", "2025-04-25"},
    {"proposal-norway.txt", "A/AC.999/CRP.2", "proposal", "2025-04-28"},
    {"proposal-egypt.txt", "A/AC.999/CRP.3", "proposal", "2025-04-30"},
    {"draft2.txt", "A/AC.999/3/Rev.1", "draft", "2025-07-28"},
    {"proposal-japan.txt", "A/AC.999/CRP.4", "proposal", "2026-01-09"},
    {"draft3.txt", "A/AC.999/L.2", "draft", "2026-03-30"},
};

class TraceCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const DemoDocument& document : kDocuments) {
      RunResult run = Tw(db(), {"ingest", DemoFile(document.file), "--symbol", document.symbol,
                                "--kind", document.kind, "--date", document.date});
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
  ExpectFrom(trace, "art2.h", "A/AC.999/CRP.1", "art2.h");  // "Serious crime", verbatim
  ExpectFrom(trace, "art4", "A/AC.999/CRP.3", "art3bis");   // whole article, verbatim
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
  const std::string in_draft = slice(draft_text, (*passage)["draft_start"], (*passage)["draft_end"]);
  EXPECT_EQ(in_draft, slice(source_text, (*passage)["source_start"], (*passage)["source_end"]));
  EXPECT_THAT(in_draft, HasSubstr("criminaliz"));
}

TEST_F(TraceCliTest, TheTextReportNamesProvisionsAndSources) {
  RunResult run = Tw(db(), {"trace", "A/AC.999/3/Rev.1", "--sources", "A/AC.999/CRP.3",
                            "A/AC.999/3"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("Where the words of A/AC.999/3/Rev.1 came from"));
  EXPECT_THAT(run.out, HasSubstr("← Art. 3 bis, A/AC.999/CRP.3 (2025-04-30, 100 % alike)"));
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

}  // namespace
}  // namespace tw::testing
