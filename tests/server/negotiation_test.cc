// The negotiation area of the server through the real socket: its JSON equals the CLI's for the
// same store, writes need the CSRF token (roles: the table-driven security test), hostile text
// is stored as typed and shown inert, unknown ids and bad input answer 4xx with a clear
// message, and the pages and forms render and post/redirect/get.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e/cli_runner.h"
#include "negotiation/actor_registry.h"
#include "negotiation/record_import.h"
#include "negotiation/transcript_import.h"
#include "test_server.h"

namespace tw::testing {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kVote[] = "A/AC.999/L.2/Amend.1";
constexpr char kHostile[] =
    "<script>alert(1)</script> \"><img src=x onerror=alert(1)> '; DROP TABLE documents; --";

// The demo's negotiation record, stored the way `scripts/demo` stores it.
void ArrangeDemoRecord(store::Store& store) {
  const negotiation::ActorRegistry actors = negotiation::ActorRegistry::Default();
  for (int number : {1, 3, 5}) {
    negotiation::Session session;
    session.number = number;
    session.title = "Session " + std::to_string(number);
    session.venue = number == 3 ? "Vienna" : "New York";
    session.start_date = number == 1 ? "2025-02-10" : number == 3 ? "2025-09-01" : "2026-05-04";
    if (number == 5) session.agenda_items = {"General debate", "Amendments and adoption"};
    ASSERT_TRUE(store.PutSession(session).ok());
  }
  negotiation::TranscriptOptions options;
  options.session = 3;
  options.date = "2025-09-01";
  auto statements =
      negotiation::ReadTranscript(ReadFile(DemoPath("statements/session3-transcript.txt")),
                                  "session3-transcript.txt", actors, options);
  ASSERT_TRUE(statements.ok()) << statements.status();
  ASSERT_TRUE(store.PutStatements(*statements).ok());
  auto positions = negotiation::ReadPositionsCsv(
      ReadFile(DemoPath("negotiation/positions.csv")), "positions.csv", actors);
  ASSERT_TRUE(positions.ok()) << positions.status();
  ASSERT_TRUE(store.PutPositions(*positions).ok());
  auto vote = negotiation::ReadVoteCsv(ReadFile(DemoPath("negotiation/vote-l2-amend1.csv")),
                                       "vote.csv", actors,
                                       {kVote, "Ad Hoc Committee", "2026-05-06", "Amendment"});
  ASSERT_TRUE(vote.ok()) << vote.status();
  ASSERT_TRUE(store.PutVote(*vote, false).ok());
}

class NegotiationServerTest : public ::testing::Test {
 protected:
  void SetUp() override { ArrangeDemoRecord(server_.store()); }

  json GetJson(const std::string& path, int expected_status = 200) {
    auto response = server_.Client()->Get(path);
    EXPECT_TRUE(response) << path;
    if (!response) return nullptr;
    EXPECT_EQ(response->status, expected_status) << path << ": " << response->body;
    return json::parse(response->body, nullptr, false);
  }

  // The CLI's --json output on the server's own database.
  json CliJson(std::vector<std::string> args) {
    args.insert(args.begin(), "--json");
    RunResult run = Tw(server_.db_path(), args);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return json::parse(run.out, nullptr, false);
  }

  // A client session: its CSRF token and cookie.
  struct Session {
    std::string token;
    std::string cookie;
  };
  Session OpenSession() {
    auto page = server_.Client()->Get("/negotiation");
    EXPECT_TRUE(page);
    return {CsrfTokenOf(page->body), MergeCookies("", *page)};
  }

  httplib::Result PostJson(const std::string& path, const json& body, const Session& session) {
    return server_.Client()->Post(
        path, {{"X-CSRF-Token", session.token}, {"Cookie", session.cookie}}, body.dump(),
        "application/json");
  }

  httplib::Result PostForm(const std::string& path, httplib::Params form,
                           const Session& session) {
    form.emplace("csrf_token", session.token);
    return server_.Client()->Post(path, {{"Cookie", session.cookie}}, form);
  }

  TestServer server_;
};

TEST_F(NegotiationServerTest, ApiJsonEqualsTheCliJsonForTheSameStore) {
  EXPECT_EQ(GetJson("/api/v1/actors")["actors"], CliJson({"actors"}));
  EXPECT_EQ(GetJson("/api/v1/sessions")["sessions"], CliJson({"session", "list"}));
  EXPECT_EQ(GetJson("/api/v1/statements?limit=1000")["statements"],
            CliJson({"statement", "list", "--limit", "1000"}));
  EXPECT_EQ(GetJson("/api/v1/statements?actor=Japan&session=3")["statements"],
            CliJson({"statement", "list", "--actor", "JPN", "--session", "3"}));
  EXPECT_EQ(GetJson("/api/v1/positions/matrix"), CliJson({"position", "matrix"}));
  EXPECT_EQ(GetJson("/api/v1/coalitions"), CliJson({"coalitions"}));

  const json api_vote = GetJson(std::string("/api/v1/votes/") + kVote);
  const json cli_vote = CliJson({"vote", "show", kVote});
  ASSERT_TRUE(cli_vote.is_object());
  for (const auto& [key, value] : cli_vote.items()) EXPECT_EQ(api_vote[key], value) << key;
  EXPECT_EQ(api_vote["ballots"].size(), 193u);
}

TEST_F(NegotiationServerTest, VoteHasTalliesByGroupThatAddUp) {
  const json vote = GetJson(std::string("/api/v1/votes/") + kVote);
  int yes = 0;
  int total = 0;
  std::set<std::string> regional;
  for (const json& group : vote["groups"]) {
    if (group["kind"] == "group") continue;
    regional.insert(group["name"].get<std::string>());
    yes += group["yes"].get<int>();
    total += group["yes"].get<int>() + group["no"].get<int>() + group["abstain"].get<int>() +
             group["absent"].get<int>();
  }
  EXPECT_EQ(yes, vote["yes"].get<int>());
  EXPECT_EQ(total, 193);
  EXPECT_GE(regional.size(), 5u);
  const json list = GetJson("/api/v1/votes")["votes"];
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["symbol"], kVote);
  EXPECT_FALSE(list[0].contains("ballots"));
}

TEST_F(NegotiationServerTest, ActorWithStatementsAndPositions) {
  const json egypt = GetJson("/api/v1/actors/Egypt");
  EXPECT_EQ(egypt["id"], "EGY");
  EXPECT_FALSE(egypt["statements"].empty());
  EXPECT_FALSE(egypt["positions"].empty());
  for (const json& statement : egypt["statements"]) EXPECT_EQ(statement["actor"], "EGY");
  const json positions = GetJson("/api/v1/positions?provision=art22&actor=EGY")["positions"];
  ASSERT_FALSE(positions.empty());
  for (const json& position : positions) EXPECT_EQ(position["subject"], "art22");
  const json first = GetJson("/api/v1/statements?limit=1")["statements"][0];
  EXPECT_EQ(GetJson("/api/v1/statements/" + std::to_string(first["id"].get<int>())), first);
}

TEST_F(NegotiationServerTest, WritesWithoutTheCsrfTokenAreRefusedAndNothingIsStored) {
  // Roles (401 anonymous, 403 viewer) are checked for every route by the table-driven security
  // test; here the server is in local-owner mode, so the token is what stands in the way.
  const std::vector<std::pair<std::string, json>> writes = {
      {"/api/v1/statements", {{"actor", "Brazil"}, {"text", "No token."}}},
      {"/api/v1/positions", {{"actor", "Brazil"}, {"subject", "art9"}, {"stance", "support"}}},
      {"/api/v1/sessions", {{"number", 9}}},
      {"/api/v1/actors", {{"id", "notoken"}, {"name", "No Token"}, {"members", {"Brazil"}}}},
      {"/api/v1/votes", {{"symbol", "X/1"}, {"csv", "actor,ballot\nBrazil,yes\n"}}},
  };
  for (const auto& [path, body] : writes) {
    auto response = server_.Client()->Post(path, body.dump(), "application/json");
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(response->status, 403) << path;
    auto forged = server_.Client()->Post(path, {{"X-CSRF-Token", std::string(64, 'a')}},
                                         body.dump(), "application/json");
    ASSERT_TRUE(forged) << path;
    EXPECT_EQ(forged->status, 403) << path;
  }
  for (const char* form : {"/negotiation/statements", "/negotiation/positions",
                           "/negotiation/sessions"}) {
    auto response = server_.Client()->Post(form, httplib::Params{{"actor", "Brazil"}});
    ASSERT_TRUE(response) << form;
    EXPECT_EQ(response->status, 403) << form;
  }
  EXPECT_EQ(GetJson("/api/v1/statements?actor=BRA&limit=1000")["statements"].size(),
            CliJson({"statement", "list", "--actor", "BRA"}).size());
  EXPECT_EQ(GetJson("/api/v1/sessions")["sessions"].size(), 3u);
  GetJson("/api/v1/votes/X/1", 404);
  GetJson("/api/v1/actors/group:notoken", 404);
}

TEST_F(NegotiationServerTest, WritesAnswer201WithWhatWasStored) {
  const Session session = OpenSession();
  auto statement = PostJson("/api/v1/statements",
                            {{"actor", "Brazil"},
                             {"session", 3},
                             {"date", "2025-09-02"},
                             {"text", "Article 24 needs judicial review."},
                             {"source_url", "https://example.org/brazil"}},
                            session);
  ASSERT_TRUE(statement);
  ASSERT_EQ(statement->status, 201) << statement->body;
  const json stored = json::parse(statement->body);
  EXPECT_EQ(stored["actor"], "BRA");
  EXPECT_EQ(stored["cited_paths"], json::array({"art24"}));
  EXPECT_EQ(GetJson("/api/v1/statements/" + std::to_string(stored["id"].get<int>())), stored);

  auto position = PostJson(
      "/api/v1/positions",
      {{"actor", "BRA"}, {"subject", "art24"}, {"stance", "Amend"}, {"date", "2025-09-02"}},
      session);
  ASSERT_TRUE(position);
  ASSERT_EQ(position->status, 201) << position->body;
  EXPECT_EQ(json::parse(position->body)["stance"], "amend");
  EXPECT_EQ(GetJson("/api/v1/positions/matrix")["actors"].size(),
            CliJson({"position", "matrix"})["actors"].size());

  auto added = PostJson("/api/v1/sessions",
                        {{"number", 7}, {"title", "Seventh"}, {"agenda_items", {"Adoption"}}},
                        session);
  ASSERT_TRUE(added);
  EXPECT_EQ(added->status, 201) << added->body;
  EXPECT_EQ(GetJson("/api/v1/sessions")["sessions"].size(), 4u);

  auto group = PostJson("/api/v1/actors",
                        {{"id", "southern"},
                         {"name", "Southern Friends"},
                         {"members", {"Brazil", "ARG", "Chile"}}},
                        session);
  ASSERT_TRUE(group);
  ASSERT_EQ(group->status, 201) << group->body;
  EXPECT_EQ(json::parse(group->body)["members"], json::array({"ARG", "BRA", "CHL"}));
  EXPECT_EQ(GetJson("/api/v1/actors/group:southern")["name"], "Southern Friends");
  bool counted = false;
  // Held in a variable: a range-for over a member of a temporary would read freed memory.
  const json tallied = GetJson(std::string("/api/v1/votes/") + kVote);
  for (const json& tally : tallied["groups"]) {
    if (tally["name"] == "Southern Friends") {
      counted = tally["yes"].get<int>() + tally["no"].get<int>() + tally["abstain"].get<int>() +
                    tally["absent"].get<int>() ==
                3;
    }
  }
  EXPECT_TRUE(counted);
  auto again = PostJson("/api/v1/actors", {{"id", "southern"}, {"name", "Other"}}, session);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 409);

  auto csv = server_.Client()->Post(
      "/api/v1/votes?symbol=X/2&date=2026-01-01",
      {{"X-CSRF-Token", session.token}, {"Cookie", session.cookie}},
      "actor,ballot\nBrazil,yes\nATG,no\n", "text/csv");
  ASSERT_TRUE(csv);
  ASSERT_EQ(csv->status, 201) << csv->body;
  const json vote = json::parse(csv->body);
  EXPECT_EQ(vote["yes"], 1);
  EXPECT_EQ(vote["absent"], 191);
  auto duplicate = PostJson("/api/v1/votes", {{"symbol", "X/2"}, {"csv", "actor,ballot\n"}},
                            session);
  ASSERT_TRUE(duplicate);
  EXPECT_EQ(duplicate->status, 409) << duplicate->body;
}

struct BadWrite {
  std::string name;
  std::string path;
  std::string body;  // JSON, or CSV when path carries the query
  std::string content_type;
  int status;
  std::string message;
};

class NegotiationBadWriteTest : public NegotiationServerTest,
                                public ::testing::WithParamInterface<BadWrite> {};

TEST_P(NegotiationBadWriteTest, AnswersAClearErrorAndStoresNothing) {
  const Session session = OpenSession();
  const BadWrite& bad = GetParam();
  const std::size_t statements = GetJson("/api/v1/statements?limit=1000")["statements"].size();
  auto response = server_.Client()->Post(
      bad.path, {{"X-CSRF-Token", session.token}, {"Cookie", session.cookie}}, bad.body,
      bad.content_type);
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, bad.status) << response->body;
  const json error = json::parse(response->body, nullptr, false);
  ASSERT_TRUE(error.is_object()) << response->body;
  EXPECT_THAT(error["error"]["message"].get<std::string>(), HasSubstr(bad.message));
  EXPECT_EQ(GetJson("/api/v1/statements?limit=1000")["statements"].size(), statements);
  EXPECT_EQ(GetJson("/api/v1/votes")["votes"].size(), 1u);
}

const std::string kJson = "application/json";
INSTANTIATE_TEST_SUITE_P(
    Cases, NegotiationBadWriteTest,
    ::testing::Values(
        BadWrite{"VoteCsvUnknownActor", "/api/v1/votes?symbol=X/3",
                 "actor,ballot\nBrazil,yes\nBrazl,no\n", "text/csv", 400, "line 3"},
        BadWrite{"VoteCsvBadBallot", "/api/v1/votes",
                 R"({"symbol": "X/3", "csv": "actor,ballot\nBrazil,maybe\n"})", kJson, 400,
                 "line 2"},
        BadWrite{"VoteCsvMissingColumn", "/api/v1/votes?symbol=X/3", "actor\nBrazil\n",
                 "text/csv", 400, "ballot"},
        BadWrite{"VoteWithoutSymbol", "/api/v1/votes", R"({"csv": "actor,ballot\n"})", kJson,
                 400, "symbol"},
        BadWrite{"NotJson", "/api/v1/statements", "{\"actor\": ", kJson, 400, "not JSON"},
        BadWrite{"NotAnObject", "/api/v1/statements", "[1, 2]", kJson, 400, "JSON object"},
        BadWrite{"UnknownActor", "/api/v1/statements",
                 R"({"actor": "Narnia", "text": "Hello"})", kJson, 400, "unknown actor"},
        BadWrite{"EmptyText", "/api/v1/statements", R"({"actor": "Brazil", "text": " "})", kJson,
                 400, "text"},
        BadWrite{"JavascriptUrl", "/api/v1/statements",
                 R"j({"actor": "Brazil", "text": "Hi", "source_url": "javascript:alert(1)"})j",
                 kJson, 400, "http"},
        BadWrite{"BadDate", "/api/v1/statements",
                 R"({"actor": "Brazil", "text": "Hi", "date": "2025-13-45"})", kJson, 400,
                 "YYYY-MM-DD"},
        BadWrite{"BadSession", "/api/v1/statements",
                 R"({"actor": "Brazil", "text": "Hi", "session": "three"})", kJson, 400,
                 "session"},
        BadWrite{"InvalidUtf8", "/api/v1/statements",
                 "{\"actor\": \"Brazil\", \"text\": \"caf\xC3\"}", kJson, 400, "JSON"},
        BadWrite{"HugeActor", "/api/v1/statements",
                 R"({"actor": ")" + std::string(5000, 'x') + R"(", "text": "Hi"})", kJson, 400,
                 "too long"},
        BadWrite{"BadStance", "/api/v1/positions",
                 R"({"actor": "Brazil", "subject": "art1", "stance": "maybe"})", kJson, 400,
                 "stance"},
        BadWrite{"SessionZero", "/api/v1/sessions", R"({"number": 0})", kJson, 400, "number"},
        BadWrite{"GroupUnknownMember", "/api/v1/actors",
                 R"({"id": "x", "name": "X", "members": ["Brazl"]})", kJson, 400,
                 "did you mean"},
        BadWrite{"GroupBadKind", "/api/v1/actors", R"({"id": "x", "name": "X", "kind": "state"})",
                 kJson, 400, "kind"}),
    [](const ::testing::TestParamInfo<BadWrite>& info) { return info.param.name; });

TEST_F(NegotiationServerTest, UnknownIdsAndBadParametersAre4xx) {
  for (const char* path :
       {"/api/v1/statements/999999", "/api/v1/statements/abc", "/api/v1/statements/-1",
        "/api/v1/statements/99999999999999999999999", "/api/v1/actors/Narnia",
        "/api/v1/votes/X/404", "/negotiation/statements/999999", "/negotiation/actors/Narnia",
        "/negotiation/votes/NO/SUCH/VOTE"}) {
    auto response = server_.Client()->Get(path);
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(response->status, 404) << path;
  }
  for (const char* path :
       {"/api/v1/statements?session=abc", "/api/v1/statements?limit=0",
        "/api/v1/statements?limit=100000", "/api/v1/positions/matrix?as_of=yesterday",
        "/api/v1/coalitions?min_agreement=2", "/api/v1/actors?kind=planet",
        "/negotiation/positions?as_of=2025-99-99", "/negotiation/coalitions?min_agreement=x"}) {
    auto response = server_.Client()->Get(path);
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(response->status, 400) << path;
  }
  auto invalid = server_.Client()->Get("/api/v1/statements?actor=%C3%28");
  ASSERT_TRUE(invalid);
  EXPECT_EQ(invalid->status, 400);
}

TEST_F(NegotiationServerTest, HostileTextIsStoredAsTypedAndShownEscaped) {
  const Session session = OpenSession();
  auto posted = PostForm("/negotiation/statements",
                         {{"actor", "Norway"},
                          {"session", "3"},
                          {"date", "2025-09-03"},
                          {"agenda_item", kHostile},
                          {"text", kHostile},
                          {"source_url", "https://example.org/?q=\"><script>x</script>"}},
                         session);
  ASSERT_TRUE(posted);
  ASSERT_EQ(posted->status, 400) << "a URL with quotes and brackets is refused";
  EXPECT_THAT(posted->body, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_THAT(posted->body, Not(HasSubstr("<script>alert")));

  posted = PostForm("/negotiation/statements",
                    {{"actor", "Norway"},
                     {"session", "3"},
                     {"date", "2025-09-03"},
                     {"agenda_item", kHostile},
                     {"text", kHostile},
                     {"source_url", "https://example.org/record?x=1&y=2"}},
                    session);
  ASSERT_TRUE(posted);
  ASSERT_EQ(posted->status, 303) << posted->body;
  const std::string location = posted->get_header_value("Location");
  ASSERT_THAT(location, HasSubstr("/negotiation/statements/"));
  auto page = server_.Client()->Get(location);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_THAT(page->body, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_THAT(page->body, HasSubstr("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
  EXPECT_THAT(page->body, HasSubstr("&apos;; DROP TABLE documents; --"));
  EXPECT_THAT(page->body, Not(HasSubstr("<script>alert")));
  EXPECT_THAT(page->body, Not(HasSubstr("<img src=x")));
  EXPECT_THAT(page->body, HasSubstr("href=\"https://example.org/record?x=1&amp;y=2\""));

  const json norway = GetJson("/api/v1/statements?actor=NOR&session=3&limit=1000");
  EXPECT_EQ(norway["statements"].back()["text"], kHostile);
  auto actor_page = server_.Client()->Get("/negotiation/actors/NOR");
  ASSERT_TRUE(actor_page);
  EXPECT_THAT(actor_page->body, Not(HasSubstr("<script>alert")));

  // A source the CLI stored without the web's check is shown as text, never as a link.
  negotiation::Statement sneaky;
  sneaky.actor = "BRA";
  sneaky.text = "Sneaky";
  sneaky.source_url = "javascript:alert(1)";
  auto ids = server_.store().PutStatements({sneaky});
  ASSERT_TRUE(ids.ok());
  auto sneaky_page = server_.Client()->Get("/negotiation/statements/" + std::to_string((*ids)[0]));
  ASSERT_TRUE(sneaky_page);
  EXPECT_THAT(sneaky_page->body, HasSubstr("javascript:alert(1)"));
  EXPECT_THAT(sneaky_page->body, Not(HasSubstr("href=\"javascript")));

  // Hostile values in the other forms.
  auto position = PostForm("/negotiation/positions",
                           {{"actor", "Norway"}, {"subject", kHostile}, {"stance", "oppose"},
                            {"note", kHostile}},
                           session);
  ASSERT_TRUE(position);
  ASSERT_EQ(position->status, 303) << position->body;
  auto positions_page = server_.Client()->Get(position->get_header_value("Location"));
  ASSERT_TRUE(positions_page);
  EXPECT_THAT(positions_page->body, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_THAT(positions_page->body, Not(HasSubstr("<script>alert")));
  auto matrix = server_.Client()->Get("/negotiation/positions");
  ASSERT_TRUE(matrix);
  EXPECT_THAT(matrix->body, Not(HasSubstr("<script>alert")));
  auto added = PostForm("/negotiation/sessions",
                        {{"number", "8"}, {"title", kHostile}, {"agenda", kHostile}}, session);
  ASSERT_TRUE(added);
  ASSERT_EQ(added->status, 303) << added->body;
  auto overview = server_.Client()->Get("/negotiation");
  ASSERT_TRUE(overview);
  EXPECT_THAT(overview->body, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_THAT(overview->body, Not(HasSubstr("<script>alert")));
}

TEST_F(NegotiationServerTest, PagesRenderTheRecord) {
  struct Expectation {
    std::string path;
    std::vector<std::string> contains;
  };
  const std::vector<Expectation> pages = {
      {"/negotiation", {"Session 3", "Vienna", "Amendments and adoption", "Latest statements"}},
      {"/negotiation/actors", {"Eastern European States", "Japan", "<details"}},
      {"/negotiation/actors/EGY", {"Egypt", "Positions over time", "stance-", kVote}},
      {"/negotiation/positions",
       {"class=\"heatmap positions-matrix\"", "stance-support", "stance-oppose", "<caption",
        "scope: broad", "art22", "table-scroll"}},
      {"/negotiation/votes", {kVote}},
      {std::string("/negotiation/votes/") + kVote,
       {"<progress", "Two-thirds majority", "Roll call", "Egypt", "By group"}},
      {"/negotiation/coalitions", {"Bloc 1", "cohesion"}},
      {"/negotiation/statements/new", {"name=\"csrf_token\"", "name=\"source_url\""}},
      {"/negotiation/positions/new?actor=EGY", {"value=\"EGY\"", "name=\"stance\""}},
      {"/negotiation/sessions/new", {"name=\"agenda\""}},
  };
  for (const Expectation& expectation : pages) {
    auto response = server_.Client()->Get(expectation.path);
    ASSERT_TRUE(response) << expectation.path;
    EXPECT_EQ(response->status, 200) << expectation.path << ": " << response->body;
    for (const std::string& text : expectation.contains) {
      EXPECT_THAT(response->body, HasSubstr(text)) << expectation.path;
    }
    EXPECT_THAT(response->body, Not(HasSubstr(" style=\""))) << expectation.path;
    EXPECT_THAT(response->body, Not(HasSubstr("<script>"))) << expectation.path;
  }
}

TEST_F(NegotiationServerTest, FormErrorsKeepWhatWasTyped) {
  const Session session = OpenSession();
  auto response = PostForm("/negotiation/statements",
                           {{"actor", "Brazl"}, {"text", "Kept words"}}, session);
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 400);
  EXPECT_THAT(response->body, HasSubstr("did you mean Brazil"));
  EXPECT_THAT(response->body, HasSubstr(">Kept words</textarea>"));
  response = PostForm("/negotiation/sessions", {{"number", "zero"}}, session);
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 400);
  EXPECT_THAT(response->body, HasSubstr("value=\"zero\""));
}

}  // namespace
}  // namespace tw::testing
