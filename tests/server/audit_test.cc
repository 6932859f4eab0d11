// The audit API and pages through the real socket: the audit JSON is the CLI's (the built-in
// pack, the same library calls), the heatmap's every cell links to a finding on the page, the
// trend answers for listed drafts and for an instrument, bad input is a clear 4xx, and hostile
// text in a draft reaches the heatmap and the findings inert.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "audit/audit_json.h"
#include "audit/audit_trend.h"
#include "audit/default_pack.h"
#include "audit/rule_engine.h"
#include "audit/scorecard.h"
#include "test_server.h"

namespace tw::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kInstrument = "Convention on Cooperation against Computer Crime";
constexpr const char* kHostile = "<script>alert(1)</script>";
constexpr const char* kHostileAttribute = "\"><img src=x onerror=alert(1)>";

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class AuditTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    draft1_ = server_->Ingest(DemoPath("draft1.txt"), "A/AC.999/3", kInstrument);
    draft2_ = server_->Ingest(DemoPath("draft2.txt"), "A/AC.999/3/Rev.1", kInstrument);
    draft3_ = server_->Ingest(DemoPath("draft3.txt"), "A/AC.999/L.2", kInstrument);
    // Hostile words in a heading and inside words a rule quotes as evidence ("without right").
    std::string hostile = ReadFile(DemoPath("draft3.txt"));
    const std::string heading = "Illegal access\n";
    hostile.replace(hostile.find(heading), heading.size(),
                    std::string("Illegal access ") + kHostile + "\n");
    const std::string words = "the intentional access, without right,";
    hostile.replace(hostile.find(words), words.size(),
                    std::string("the intentional access, without ") + kHostileAttribute +
                        " right " + kHostile + ",");
    const auto file = server_->dir() / "hostile-draft.txt";
    std::ofstream(file, std::ios::binary) << hostile;
    hostile_ = server_->Ingest(file, std::string("A/") + kHostile);
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }

  static httplib::Result Get(const std::string& path) { return server_->Client()->Get(path); }

  static TestServer* server_;
  static std::int64_t draft1_, draft2_, draft3_, hostile_;
};

TestServer* AuditTest::server_ = nullptr;
std::int64_t AuditTest::draft1_ = 0;
std::int64_t AuditTest::draft2_ = 0;
std::int64_t AuditTest::draft3_ = 0;
std::int64_t AuditTest::hostile_ = 0;

TEST_F(AuditTest, AuditApiAnswersTheJsonOfTheCli) {
  auto response = Get(fmt::format("/api/v1/audit/{}", draft2_));
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200) << response->body;
  auto pack = audit::LoadDefaultPack();
  ASSERT_TRUE(pack.ok());
  auto engine = audit::RuleEngine::Compile(*pack);
  ASSERT_TRUE(engine.ok());
  auto document = server_->store().LoadDocument(std::to_string(draft2_));
  ASSERT_TRUE(document.ok());
  const audit::AuditResult result = engine->Evaluate(*document);
  const audit::Scorecard card = audit::MakeScorecard(*document, *pack, result);
  EXPECT_EQ(nlohmann::json::parse(response->body),
            audit::AuditToJson(*document, *pack, result, card));
}

TEST_F(AuditTest, HeatmapCellsLinkToFindingsOnThePage) {
  auto response = Get(fmt::format("/audit/{}", draft2_));
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200) << response->body;
  const std::string& html = response->body;
  EXPECT_THAT(html, HasSubstr("<table class=\"audit-heat\">"));
  EXPECT_THAT(html, Not(HasSubstr("style=")));
  const std::size_t heat_begin = html.find("<table class=\"audit-heat\">");
  const std::size_t heat_end = html.find("</table>", heat_begin);
  const std::string heat = html.substr(heat_begin, heat_end - heat_begin);
  // Every outcome cell: a link to #fN, the symbol and a count, never a colour alone.
  const std::regex cell(
      R"re(<td class="o-(met|missing|violated)"><a href="#(f\d+)" aria-label="[^"]+"><span aria-hidden="true">(✓|\?|✗)(\d+)</span></a></td>)re");
  std::set<std::string> anchors;
  for (auto it = std::sregex_iterator(heat.begin(), heat.end(), cell); it != std::sregex_iterator();
       ++it) {
    anchors.insert((*it)[2]);
    EXPECT_GE(std::stoi((*it)[4]), 1);
  }
  ASSERT_GT(anchors.size(), 5u);
  for (const std::string& anchor : anchors) {
    EXPECT_THAT(html, HasSubstr(fmt::format("<article class=\"audit-finding\" id=\"{}\"", anchor)))
        << anchor;
  }
  // The scorecard's numbers are the library's.
  auto api = Get(fmt::format("/api/v1/audit/{}", draft2_));
  ASSERT_TRUE(api);
  const nlohmann::json card = nlohmann::json::parse(api->body)["scorecard"];
  EXPECT_THAT(html, HasSubstr(fmt::format("{} offence articles. {} findings violated and {} missing",
                                          card["breadth_total"].get<int>(),
                                          card["findings"]["violated"].get<int>(),
                                          card["findings"]["missing"].get<int>())));
}

TEST_F(AuditTest, ListPageShowsAScorecardPerDraft) {
  auto response = Get("/audit");
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200);
  for (std::int64_t id : {draft1_, draft2_, draft3_}) {
    EXPECT_THAT(response->body, HasSubstr(fmt::format("<a href=\"/audit/{}\">", id)));
  }
  EXPECT_THAT(response->body,
              HasSubstr(fmt::format("/audit/trend?documents={},{},{}", draft1_, draft2_, draft3_)));
  auto go = Get(fmt::format("/audit?document={}", draft3_));
  ASSERT_TRUE(go);
  EXPECT_EQ(go->status, 303);
  EXPECT_EQ(go->get_header_value("Location"), fmt::format("/audit/{}", draft3_));
}

TEST_F(AuditTest, TrendByDocumentsAndByInstrumentAgree) {
  auto listed = Get(fmt::format("/api/v1/audit-trend?documents={},{},{}", draft1_, draft2_,
                                draft3_));
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->status, 200) << listed->body;
  const nlohmann::json trend = nlohmann::json::parse(listed->body);
  EXPECT_EQ(trend["scorecards"].size(), 3u);
  EXPECT_EQ(trend["steps"].size(), 2u);
  httplib::Params params{{"instrument", kInstrument}};
  auto by_name = server_->Client()->Get("/api/v1/audit-trend", params, httplib::Headers{});
  ASSERT_TRUE(by_name);
  ASSERT_EQ(by_name->status, 200) << by_name->body;
  EXPECT_EQ(nlohmann::json::parse(by_name->body), trend);

  auto page = server_->Client()->Get("/audit/trend", params, httplib::Headers{});
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200) << page->body;
  EXPECT_THAT(page->body, HasSubstr("<canvas id=\"audit-trend-chart\" data-chart=\""));
  EXPECT_THAT(page->body, HasSubstr("<script src=\"/vendor/chart.umd.min.js\" defer></script>"));
  EXPECT_THAT(page->body, HasSubstr("<caption>The numbers of the chart</caption>"));
  EXPECT_THAT(page->body,
              HasSubstr(fmt::format("<td class=\"num\">{}</td>",
                                    trend["scorecards"][2]["findings"]["violated"].get<int>())));
}

struct BadRequest {
  std::string path;
  int status;
};

TEST_F(AuditTest, BadInputIsAClearFourHundred) {
  for (const BadRequest& c : std::vector<BadRequest>{
           {"/api/v1/audit/424242", 404},
           {"/api/v1/audit/0", 404},
           {"/api/v1/audit/99999999999999999999999", 404},
           {"/api/v1/audit/abc", 404},
           {"/api/v1/audit-trend", 400},
           {"/api/v1/audit-trend?documents=1", 400},
           {"/api/v1/audit-trend?documents=1,x", 400},
           {"/api/v1/audit-trend?documents=1,,2", 400},
           {"/api/v1/audit-trend?documents=" + std::string(60, '1') + ",2", 400},
           {"/api/v1/audit-trend?documents=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21",
            400},
           {"/api/v1/audit-trend?documents=1,424242", 404},
           {"/api/v1/audit-trend?instrument=No%20such%20thing", 404},
           {"/api/v1/audit-trend?instrument=" + std::string(600, 'x'), 400},
           {"/audit/424242", 404},
           {"/audit?document=x", 400},
           {"/audit/trend?documents=1", 400}}) {
    auto response = Get(c.path);
    ASSERT_TRUE(response) << c.path;
    EXPECT_EQ(response->status, c.status) << c.path << ": " << response->body.substr(0, 300);
  }
  auto bare = Get("/audit/trend");
  ASSERT_TRUE(bare);
  EXPECT_EQ(bare->status, 303);
}

TEST_F(AuditTest, HostileTextIsEscapedInTheHeatmapAndFindings) {
  auto response = Get(fmt::format("/audit/{}", hostile_));
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200) << response->body;
  const std::string& html = response->body;
  EXPECT_THAT(html, Not(HasSubstr(kHostile)));
  EXPECT_THAT(html, Not(HasSubstr("<img src=x")));
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;"));
  const std::size_t heat_begin = html.find("<table class=\"audit-heat\">");
  ASSERT_NE(heat_begin, std::string::npos);
  // The hostile heading is in the findings' unit titles; the symbol in the page title.
  EXPECT_THAT(html, HasSubstr("Illegal access &lt;script&gt;"));
  EXPECT_THAT(html, HasSubstr("<title>Audit of A/&lt;script&gt;"));
  auto trend = Get(fmt::format("/audit/trend?documents={},{}", draft3_, hostile_));
  ASSERT_TRUE(trend);
  ASSERT_EQ(trend->status, 200) << trend->body;
  EXPECT_THAT(trend->body, Not(HasSubstr(kHostile)));
  EXPECT_THAT(trend->body, Not(HasSubstr("<img src=x")));
}

}  // namespace
}  // namespace tw::testing
