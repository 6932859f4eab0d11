// The compare API and pages through the real socket: the diff JSON is the CLI's (the same library
// calls, and the CLI itself when it is built), downloads are files of the right type, the result
// page shows the CLI's summary numbers and both redline views, history and crosswalk answer,
// bad ids and paths are 4xx, and hostile text in a draft reaches the page inert.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>

#include <fmt/format.h>

#include "compare/compare.h"
#include "compare/comparison_json.h"
#include "compare/crosswalk.h"
#include "compare/crosswalk_json.h"
#include "compare/report_html.h"
#include "compare/report_markdown.h"
#include "test_server.h"

namespace tw::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kInstrument = "Convention on Cooperation against Computer Crime";
constexpr const char* kHostile = "<script>alert(1)</script>";
constexpr const char* kHostileAttribute = "\"><img src=x onerror=alert(1)>";
constexpr const char* kHostileSql = "'; DROP TABLE documents; --";

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void ReplaceOnce(std::string& text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
}

// The three demo drafts as one chain, and a fourth text: the final draft with hostile words in
// Art. 7's heading and first paragraph, under a hostile symbol.
class CompareTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    draft1_ = server_->Ingest(DemoPath("draft1.txt"), "A/AC.999/3", kInstrument);
    draft2_ = server_->Ingest(DemoPath("draft2.txt"), "A/AC.999/3/Rev.1", kInstrument);
    draft3_ = server_->Ingest(DemoPath("draft3.txt"), "A/AC.999/L.2", kInstrument);
    std::string hostile = ReadFile(DemoPath("draft3.txt"));
    ReplaceOnce(hostile, "Illegal access\n", std::string("Illegal access ") + kHostile + "\n");
    ReplaceOnce(hostile, "the intentional access, without right,",
                std::string("the intentional access ") + kHostileAttribute + " " + kHostileSql +
                    ", without right,");
    const auto file = server_->dir() / "hostile-draft.txt";
    std::ofstream(file, std::ios::binary) << hostile;
    hostile_ = server_->Ingest(file, std::string("A/") + kHostile);
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static compare::Comparison Expected(std::int64_t old_id, std::int64_t new_id) {
    auto old_doc = server_->store().LoadDocument(std::to_string(old_id));
    auto new_doc = server_->store().LoadDocument(std::to_string(new_id));
    EXPECT_TRUE(old_doc.ok() && new_doc.ok());
    return compare::CompareDocuments(*old_doc, *new_doc);
  }

  static httplib::Result Get(const std::string& path) { return server_->Client()->Get(path); }

  static TestServer* server_;
  static std::int64_t draft1_, draft2_, draft3_, hostile_;
};

TestServer* CompareTest::server_ = nullptr;
std::int64_t CompareTest::draft1_ = 0;
std::int64_t CompareTest::draft2_ = 0;
std::int64_t CompareTest::draft3_ = 0;
std::int64_t CompareTest::hostile_ = 0;

TEST_F(CompareTest, DiffApiAnswersTheComparisonJsonOfTheCli) {
  auto response = Get(fmt::format("/api/v1/diff?old={}&new={}", draft2_, draft3_));
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200) << response->body;
  EXPECT_THAT(response->get_header_value("Content-Type"), HasSubstr("application/json"));
  const nlohmann::json served = nlohmann::json::parse(response->body);
  const nlohmann::json expected = compare::ComparisonToJson(Expected(draft2_, draft3_));
  EXPECT_EQ(served, expected);
  EXPECT_GT(served["summary"]["renumbered"].get<int>(), 0);
  // Asked again (now from the cache): the same bytes.
  auto again = Get(fmt::format("/api/v1/diff?old={}&new={}", draft2_, draft3_));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->body, response->body);
}

TEST_F(CompareTest, DiffApiSummaryEqualsTheCommandLine) {
  const std::filesystem::path cli = std::filesystem::path(TW_BINARY_DIR) / "src/cli/treatywatch";
  if (!std::filesystem::exists(cli)) GTEST_SKIP() << "the treatywatch program is not built";
  const std::string command = fmt::format("'{}' --db '{}' --json diff {} {}", cli.string(),
                                          server_->db_path().string(), draft1_, draft2_);
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  ASSERT_TRUE(pipe);
  std::string printed;
  char buffer[4096];
  while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe.get())) printed.append(buffer, n);
  auto response = Get(fmt::format("/api/v1/diff?old={}&new={}", draft1_, draft2_));
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200);
  EXPECT_EQ(nlohmann::json::parse(response->body)["summary"],
            nlohmann::json::parse(printed)["summary"]);
}

TEST_F(CompareTest, DiffApiNarrowsToOneArticle) {
  auto response =
      Get(fmt::format("/api/v1/diff?old={}&new={}&article=art7", draft2_, draft3_));
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200) << response->body;
  const nlohmann::json served = nlohmann::json::parse(response->body);
  ASSERT_EQ(served["changes"].size(), 1u);
  EXPECT_THAT(served["changes"][0]["new"].dump(), HasSubstr("\"art7\""));
}

struct DownloadCase {
  std::string format;
  std::string content_type;
  std::string extension;
};

TEST_F(CompareTest, DownloadsAreFilesOfTheirType) {
  const compare::Comparison expected = Expected(draft2_, draft3_);
  for (const DownloadCase& c :
       std::vector<DownloadCase>{
           {"html", "text/html; charset=utf-8", ".html"},
           {"md", "text/markdown; charset=utf-8", ".md"},
           {"json", "application/json; charset=utf-8", ".json"},
           {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".docx"}}) {
    for (const std::string& path :
         {fmt::format("/compare/{}/{}/download.{}", draft2_, draft3_, c.format),
          fmt::format("/api/v1/diff?old={}&new={}&format={}", draft2_, draft3_, c.format)}) {
      if (c.format == "json" && path.rfind("/api/", 0) == 0) continue;  // JSON is the API's answer
      auto response = Get(path);
      ASSERT_TRUE(response) << path;
      ASSERT_EQ(response->status, 200) << path << ": " << response->body.substr(0, 300);
      EXPECT_EQ(response->get_header_value("Content-Type"), c.content_type) << path;
      const std::string disposition = response->get_header_value("Content-Disposition");
      EXPECT_THAT(disposition, HasSubstr("attachment; filename=\"")) << path;
      EXPECT_THAT(disposition, HasSubstr(c.extension + "\"")) << path;
      EXPECT_THAT(disposition, HasSubstr("A_AC.999_3_Rev.1-to-A_AC.999_L.2")) << path;
      if (c.format == "html") {
        EXPECT_EQ(response->body, compare::RenderHtml(expected));
      }
      if (c.format == "md") {
        EXPECT_EQ(response->body, compare::RenderMarkdown(expected));
      }
      if (c.format == "json") {
        EXPECT_EQ(nlohmann::json::parse(response->body), compare::ComparisonToJson(expected));
      }
      if (c.format == "docx") {
        EXPECT_EQ(response->body.substr(0, 2), "PK");
      }
    }
  }
}

TEST_F(CompareTest, ResultPageShowsTheSummaryNumbersAndBothViews) {
  const compare::Comparison expected = Expected(draft1_, draft2_);
  auto inline_page = Get(fmt::format("/compare/{}/{}", draft1_, draft2_));
  ASSERT_TRUE(inline_page);
  ASSERT_EQ(inline_page->status, 200) << inline_page->body;
  const std::string& html = inline_page->body;
  const compare::ComparisonSummary& s = expected.summary;
  for (const auto& [label, value] :
       std::vector<std::pair<std::string, int>>{{"renumbered", s.renumbered},
                                                {"moved", s.moved},
                                                {"split", s.split},
                                                {"merged", s.merged},
                                                {"inserted", s.inserted},
                                                {"deleted", s.deleted},
                                                {"amended", s.modified}}) {
    EXPECT_THAT(html, HasSubstr(fmt::format("<span class=\"count-value\">{}</span> <span "
                                            "class=\"count-label\">{}</span>",
                                            value, label)));
  }
  EXPECT_THAT(html, HasSubstr("brackets agreed"));
  EXPECT_THAT(html, HasSubstr("<div class=\"redline\" role=\"group\""));
  EXPECT_THAT(html, Not(HasSubstr("redline-columns")));
  EXPECT_THAT(html, HasSubstr("<article class=\"change k-"));
  EXPECT_THAT(html, HasSubstr("id=\"new-art"));
  EXPECT_THAT(html, HasSubstr(fmt::format("/compare/{}/{}/download.docx", draft1_, draft2_)));
  EXPECT_THAT(html, HasSubstr(fmt::format("href=\"/history?document={}&amp;path=", draft2_)));
  // The page is the layout's, with no inline style or script.
  EXPECT_THAT(html, Not(HasSubstr("<style")));
  EXPECT_THAT(html, Not(HasSubstr("style=")));
  EXPECT_THAT(html, Not(HasSubstr("<script>")));

  auto side = Get(fmt::format("/compare/{}/{}?view=side", draft1_, draft2_));
  ASSERT_TRUE(side);
  ASSERT_EQ(side->status, 200);
  EXPECT_THAT(side->body, HasSubstr("<table class=\"redline redline-columns\""));
  EXPECT_THAT(side->body, HasSubstr("<th scope=\"col\">Earlier text</th>"));
  EXPECT_THAT(side->body, HasSubstr("aria-current=\"true\">Side by side</a>"));
}

TEST_F(CompareTest, PickerGroupsByInstrumentAndDefaultsToTheLastTwoVersions) {
  auto response = Get("/compare");
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200);
  EXPECT_THAT(response->body, HasSubstr(fmt::format("<optgroup label=\"{}\">", kInstrument)));
  EXPECT_THAT(response->body, HasSubstr(fmt::format("<option value=\"{}\" selected>", draft2_)));
  EXPECT_THAT(response->body, HasSubstr(fmt::format("<option value=\"{}\" selected>", draft3_)));
  auto go = Get(fmt::format("/compare?old={}&new={}", draft1_, draft3_));
  ASSERT_TRUE(go);
  EXPECT_EQ(go->status, 303);
  EXPECT_EQ(go->get_header_value("Location"), fmt::format("/compare/{}/{}", draft1_, draft3_));
}

TEST_F(CompareTest, HistoryFollowsAProvisionThroughTheChain) {
  auto api = Get(fmt::format("/api/v1/history?document={}&path=art7", draft3_));
  ASSERT_TRUE(api);
  ASSERT_EQ(api->status, 200) << api->body;
  const nlohmann::json history = nlohmann::json::parse(api->body);
  ASSERT_EQ(history["steps"].size(), 3u);
  EXPECT_EQ(history["steps"][2]["path"], "art7");
  auto page = Get(fmt::format("/history?document={}&path=art7", draft3_));
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200) << page->body;
  EXPECT_THAT(page->body, HasSubstr("<table class=\"history-steps\">"));
  EXPECT_THAT(page->body, HasSubstr("<div class=\"redline\""));
  auto picker = Get(fmt::format("/history?document={}", draft3_));
  ASSERT_TRUE(picker);
  EXPECT_EQ(picker->status, 200);
  EXPECT_THAT(picker->body, HasSubstr("<option value=\"art7\">"));
}

TEST_F(CompareTest, CrosswalkIsTheLibraryJson) {
  auto response = Get(fmt::format("/api/v1/crosswalk?a={}&b={}", draft1_, draft3_));
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200) << response->body;
  auto a = server_->store().LoadDocument(std::to_string(draft1_));
  auto b = server_->store().LoadDocument(std::to_string(draft3_));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(nlohmann::json::parse(response->body),
            compare::CrosswalkToJson(compare::BuildCrosswalk(*a, *b)));
}

struct BadRequest {
  std::string path;
  int status;
};

TEST_F(CompareTest, BadIdsAndPathsAreClearFourHundreds) {
  const std::string d1 = std::to_string(draft1_);
  const std::string d3 = std::to_string(draft3_);
  for (const BadRequest& c : std::vector<BadRequest>{
           {"/api/v1/diff?old=abc&new=" + d3, 400},
           {"/api/v1/diff?new=" + d3, 400},
           {"/api/v1/diff?old=-1&new=" + d3, 400},
           {"/api/v1/diff?old=99999999999999999999999&new=" + d3, 400},
           {"/api/v1/diff?old=424242&new=" + d3, 404},
           {"/api/v1/diff?old=" + d1 + "&new=" + d3 + "&format=exe", 400},
           {"/api/v1/diff?old=" + d1 + "&new=" + d3 + "&article=art999", 404},
           {"/api/v1/diff?old=" + d1 + "&new=" + d3 + "&article=%3Cscript%3E", 400},
           {"/api/v1/diff?old=" + d1 + "&new=" + d3 + "&article=", 400},
           {"/api/v1/diff?old=" + d1 + "&new=" + d3 + "&article=" + std::string(300, 'a'), 400},
           {"/api/v1/crosswalk?a=0&b=" + d3, 400},
           {"/api/v1/crosswalk?a=" + d1 + "&b=424242", 404},
           {"/api/v1/history?document=" + d3 + "&path=art999", 404},
           {"/api/v1/history?document=" + d3 + "&path=..%2F..%2Fetc", 400},
           {"/api/v1/history?document=" + d3 + "&path=%FF%FE", 400},
           {"/api/v1/history?document=" + std::to_string(hostile_) + "&path=art7", 409},
           {"/api/v1/history?document=424242&path=art7", 404},
           {"/compare/424242/" + d3, 404},
           {"/compare/0/" + d3, 404},
           {"/compare/" + d1 + "/" + d3 + "?view=sideways", 400},
           {"/compare/" + d1 + "/" + d3 + "/download.exe", 404},
           {"/compare?old=x&new=" + d3, 400},
           {"/history?document=" + d3 + "&path=art999", 404},
           {"/history?document=nope", 400}}) {
    auto response = Get(c.path);
    ASSERT_TRUE(response) << c.path;
    EXPECT_EQ(response->status, c.status) << c.path << ": " << response->body.substr(0, 300);
    if (c.path.rfind("/api/", 0) == 0) {
      EXPECT_TRUE(nlohmann::json::parse(response->body).contains("error")) << c.path;
    }
  }
}

TEST_F(CompareTest, HostileTextInADraftIsEscapedInTheRedline) {
  for (const std::string& path :
       {fmt::format("/compare/{}/{}", draft3_, hostile_),
        fmt::format("/compare/{}/{}?view=side", draft3_, hostile_),
        fmt::format("/compare/{}/{}", hostile_, draft3_)}) {
    auto response = Get(path);
    ASSERT_TRUE(response) << path;
    ASSERT_EQ(response->status, 200) << path;
    const std::string& html = response->body;
    EXPECT_THAT(html, Not(HasSubstr(kHostile))) << path;
    EXPECT_THAT(html, Not(HasSubstr("<img src=x"))) << path;
    EXPECT_THAT(html, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;")) << path;
    EXPECT_THAT(html, HasSubstr("&lt;img src=x onerror=alert(1)&gt;")) << path;
    EXPECT_THAT(html, HasSubstr("DROP TABLE documents")) << path;
  }
  // The hostile symbol is a download's file name too: reduced to safe characters.
  auto download = Get(fmt::format("/compare/{}/{}/download.md", draft3_, hostile_));
  ASSERT_TRUE(download);
  EXPECT_THAT(download->get_header_value("Content-Disposition"),
              Not(HasSubstr("<")));
}

}  // namespace
}  // namespace tw::testing
