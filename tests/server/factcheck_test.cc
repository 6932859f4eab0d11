// The fact-check area of the server through the real socket: the workflow over HTTP (draft →
// in review → published, a correction needs a note) with a stale save refused (409) naming who
// saved what; unpublished fact-checks invisible to anonymous visitors (lists, ids, search,
// exports) while the published one has its public page with valid ClaimReview JSON-LD; hostile
// text stored as typed and shown inert (also inside the JSON-LD: no "</script>"); the reader's
// evidence route anchoring quotes exactly and refusing absent and ambiguous ones with the count;
// bad input answered 4xx with a clear message.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "factcheck/evidence_quote.h"
#include "test_server.h"

namespace tw::testing {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kHostile[] =
    "<script>alert(1)</script> \"><img src=x onerror=alert(1)> '; DROP TABLE documents; --";
constexpr char kQuote[] = "the intentional access, without right, to the whole or any part";

// A cookie jar and the CSRF token of the pages it got.
struct Visitor {
  std::string cookies;
  std::string csrf;
};

class FactCheckServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    draft_ = server_.Ingest(DemoPath("draft2.txt"), "A/AC.999/3/Rev.1",
                            "Convention on Cooperation against Computer Crime");
  }

  Visitor Open(const std::string& page = "/factchecks") {
    Visitor visitor;
    auto response = server_.Client()->Get(page);
    EXPECT_TRUE(response);
    if (!response) return visitor;
    visitor.cookies = MergeCookies("", *response);
    visitor.csrf = CsrfTokenOf(response->body);
    return visitor;
  }

  httplib::Result Get(const Visitor& visitor, const std::string& path) {
    return server_.Client()->Get(path, {{"Cookie", visitor.cookies}});
  }

  httplib::Result PostJson(const Visitor& visitor, const std::string& path, const json& body) {
    return server_.Client()->Post(path,
                                  {{"Cookie", visitor.cookies}, {"X-CSRF-Token", visitor.csrf}},
                                  body.dump(), "application/json");
  }

  httplib::Result PostForm(const Visitor& visitor, const std::string& path,
                           httplib::Params params) {
    params.emplace("csrf_token", visitor.csrf);
    return server_.Client()->Post(path, {{"Cookie", visitor.cookies}}, params);
  }

  std::int64_t ArrangeClaim(const std::string& text, const std::string& actor = "EGY") {
    factcheck::Claim claim;
    claim.text = text;
    claim.actor = actor;
    claim.session = 3;
    claim.date = "2025-09-01";
    claim.created_by = "arranged";
    auto id = server_.store().PutClaim(claim);
    EXPECT_TRUE(id.ok()) << id.status();
    return id.value_or(0);
  }

  factcheck::Evidence Quote(const std::string& words, const std::string& note = {}) {
    auto evidence =
        factcheck::QuoteEvidence(server_.store(), std::to_string(draft_), "art7.p1", words, note);
    EXPECT_TRUE(evidence.ok()) << evidence.status();
    return evidence.value_or(factcheck::Evidence{});
  }

  // A fact-check of `claim` moved to `status` through the store, as the CLI would.
  std::int64_t ArrangeFactCheck(std::int64_t claim, factcheck::FactCheckStatus status,
                                const std::string& summary = "Article 7 repeats the words.") {
    factcheck::FactCheck fact_check;
    fact_check.claim_id = claim;
    fact_check.verdict = "accurate";
    fact_check.summary = summary;
    fact_check.author = "arranged";
    fact_check.evidence.push_back(Quote(kQuote, "the same words"));
    const auto& scale = factcheck::VerdictScale::Default();
    auto id = server_.store().CreateFactCheck(fact_check, scale);
    EXPECT_TRUE(id.ok()) << id.status();
    int revision = 1;
    for (auto step :
         {factcheck::FactCheckStatus::kInReview, factcheck::FactCheckStatus::kPublished}) {
      if (status == factcheck::FactCheckStatus::kDraft ||
          (status == factcheck::FactCheckStatus::kInReview &&
           step == factcheck::FactCheckStatus::kPublished)) {
        break;
      }
      auto current = server_.store().LoadFactCheck(*id);
      EXPECT_TRUE(current.ok() && current->has_value());
      factcheck::FactCheck next = **current;
      next.status = step;
      auto saved = server_.store().ReviseFactCheck(next, revision, "arranged", "", scale);
      EXPECT_TRUE(saved.ok()) << saved.status();
      revision = saved.value_or(revision);
    }
    return id.value_or(0);
  }

  // Leaves local-owner mode (a user exists), so a client without a session is anonymous.
  // False while the server cannot do that yet (accounts not wired): the caller skips.
  bool MakeVisitorsAnonymous() {
    store::UserAccount user;
    user.name = "fc-editor";
    user.role = "editor";
    user.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$aGFzaA";
    auto created = server_.store().CreateUser(user);
    EXPECT_TRUE(created.ok()) << created.status();
    server_.Restart();
    return !server_.server().config().local_owner_mode;
  }

  TestServer server_;
  std::int64_t draft_ = 0;
};

// The JSON-LD of a public page: the text of its <script type="application/ld+json">.
std::string JsonLdOf(const std::string& page) {
  const std::string open = "<script type=\"application/ld+json\">";
  const std::size_t begin = page.find(open);
  if (begin == std::string::npos) return {};
  const std::size_t end = page.find("</script>", begin + open.size());
  if (end == std::string::npos) return {};
  return page.substr(begin + open.size(), end - begin - open.size());
}

TEST_F(FactCheckServerTest, WorkflowOverHttpWithAStaleSaveRefused) {
  const Visitor analyst = Open();
  ASSERT_EQ(analyst.csrf.size(), 64u);
  auto claim = PostJson(analyst, "/api/v1/claims",
                        {{"text", "Article 7 mirrors article 2 of the Regional Convention"},
                         {"actor", "Japan"},
                         {"session", 3},
                         {"date", "2025-09-01"}});
  ASSERT_TRUE(claim);
  ASSERT_EQ(claim->status, 201) << claim->body;
  const json stored_claim = json::parse(claim->body);
  EXPECT_EQ(stored_claim["actor"], "JPN");
  EXPECT_EQ(stored_claim["created_by"], "local owner");

  auto created =
      PostJson(analyst, "/api/v1/factchecks",
               {{"claim", stored_claim["id"]},
                {"verdict", "accurate"},
                {"evidence", {{{"doc", draft_}, {"path", "art7.p1"}, {"quote", kQuote}}}}});
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 201) << created->body;
  const json fact_check = json::parse(created->body);
  EXPECT_EQ(fact_check["status"], "draft");
  EXPECT_EQ(fact_check["revision"], 1);
  EXPECT_EQ(fact_check["author"], "local owner");
  ASSERT_EQ(fact_check["evidence"].size(), 1u);
  EXPECT_EQ(fact_check["evidence"][0]["exact"], kQuote);
  const std::string base = "/api/v1/factchecks/" + std::to_string(fact_check["id"].get<int>());

  auto edited = PostJson(analyst, base + "/revisions",
                         {{"revision", 1}, {"summary", "Word for word, State Party for Party."}});
  ASSERT_TRUE(edited);
  ASSERT_EQ(edited->status, 201) << edited->body;
  EXPECT_EQ(json::parse(edited->body)["revision"], 2);

  // A second analyst who opened revision 1 saves over revision 2: refused, nothing written.
  auto stale = PostJson(analyst, base + "/revisions", {{"revision", 1}, {"summary", "Mine."}});
  ASSERT_TRUE(stale);
  EXPECT_EQ(stale->status, 409);
  const std::string message = json::parse(stale->body)["error"]["message"];
  EXPECT_THAT(message, HasSubstr("local owner"));
  EXPECT_THAT(message, HasSubstr("revision 2"));
  auto after = Get(analyst, base);
  ASSERT_TRUE(after);
  EXPECT_EQ(json::parse(after->body)["summary"], "Word for word, State Party for Party.");

  auto submitted = PostJson(analyst, base + "/submit", {{"revision", 2}});
  ASSERT_TRUE(submitted);
  ASSERT_EQ(submitted->status, 200) << submitted->body;
  EXPECT_EQ(json::parse(submitted->body)["status"], "in-review");
  auto published = PostJson(analyst, base + "/publish", json::object());
  ASSERT_TRUE(published);
  ASSERT_EQ(published->status, 200) << published->body;
  EXPECT_EQ(json::parse(published->body)["status"], "published");

  // A published fact-check changes only by a correction with a note.
  auto silent = PostJson(analyst, base + "/revisions", {{"revision", 4}, {"summary", "Quietly."}});
  ASSERT_TRUE(silent);
  EXPECT_EQ(silent->status, 409) << silent->body;
  auto corrected =
      PostJson(analyst, base + "/revisions",
               {{"revision", 4}, {"summary", "Corrected."}, {"note", "Fixed a word."}});
  ASSERT_TRUE(corrected);
  ASSERT_EQ(corrected->status, 201) << corrected->body;
  const json history = json::parse(Get(analyst, base)->body)["history"];
  ASSERT_EQ(history.size(), 5u);
  EXPECT_EQ(history[4]["change_note"], "Fixed a word.");
  EXPECT_EQ(history[4]["saved_by"], "local owner");

  // The pages' forms go the same way (post/redirect/get).
  const std::int64_t claim2 = ArrangeClaim("Article 23 contains no safeguard");
  auto form = PostForm(analyst, "/factchecks",
                       {{"claim", std::to_string(claim2)},
                        {"verdict", "misleading"},
                        {"doc", std::to_string(draft_)},
                        {"path", "art7.p1"},
                        {"quote", kQuote}});
  ASSERT_TRUE(form);
  ASSERT_EQ(form->status, 303) << form->body;
  const std::string page = form->get_header_value("Location");
  EXPECT_THAT(page, ::testing::StartsWith("/factchecks/"));
  auto submit = PostForm(analyst, page + "/submit", {{"revision", "1"}});
  ASSERT_TRUE(submit);
  EXPECT_EQ(submit->status, 303);
  auto shown = Get(analyst, page);
  ASSERT_TRUE(shown);
  EXPECT_EQ(shown->status, 200);
  EXPECT_THAT(shown->body, HasSubstr("in-review"));
  EXPECT_THAT(shown->body, HasSubstr("Publish</button>"));
}

TEST_F(FactCheckServerTest, PublicPagesShowOnlyPublishedWithValidClaimReview) {
  const std::int64_t claim = ArrangeClaim("Article 7 mirrors article 2 of the Regional Convention");
  const std::int64_t draft = ArrangeFactCheck(claim, factcheck::FactCheckStatus::kDraft);
  const std::int64_t published = ArrangeFactCheck(claim, factcheck::FactCheckStatus::kPublished);
  auto client = server_.Client();
  auto hidden = client->Get("/public/factchecks/" + std::to_string(draft));
  ASSERT_TRUE(hidden);
  EXPECT_EQ(hidden->status, 404);
  auto page = client->Get("/public/factchecks/" + std::to_string(published));
  ASSERT_TRUE(page);
  ASSERT_EQ(page->status, 200);
  const json review = json::parse(JsonLdOf(page->body));
  EXPECT_EQ(review["@type"], "ClaimReview");
  EXPECT_EQ(review["reviewRating"]["alternateName"], "Accurate");
  EXPECT_THAT(review["url"].get<std::string>(),
              HasSubstr("/public/factchecks/" + std::to_string(published)));
  auto list = client->Get("/public/factchecks");
  ASSERT_TRUE(list);
  EXPECT_THAT(list->body, HasSubstr("/public/factchecks/" + std::to_string(published) + "\""));
  EXPECT_THAT(list->body, Not(HasSubstr("/public/factchecks/" + std::to_string(draft) + "\"")));
  auto export_all = client->Get("/api/v1/exports/claimreview");
  ASSERT_TRUE(export_all);
  EXPECT_EQ(export_all->get_header_value("Content-Type"), "application/ld+json; charset=utf-8");
  EXPECT_EQ(json::parse(export_all->body).size(), 1u);
}

TEST_F(FactCheckServerTest, AnonymousVisitorsNeverSeeOrFindUnpublishedFactChecks) {
  const std::int64_t claim =
      ArrangeClaim("A secret draft about article 7 and the Regional Convention");
  const std::int64_t draft =
      ArrangeFactCheck(claim, factcheck::FactCheckStatus::kDraft, "Secret draft summary.");
  const std::int64_t review =
      ArrangeFactCheck(claim, factcheck::FactCheckStatus::kInReview, "Secret review summary.");
  const std::int64_t published =
      ArrangeFactCheck(claim, factcheck::FactCheckStatus::kPublished, "Public summary.");
  if (!MakeVisitorsAnonymous()) GTEST_SKIP() << "the server has no accounts yet (local owner)";
  auto client = server_.Client();
  auto list = client->Get("/api/v1/factchecks");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200);
  const json listed = json::parse(list->body)["factchecks"];
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["id"], published);
  for (const char* query : {"?status=draft", "?status=in-review", "?q=secret", "?q=Secret+draft",
                            "?stale=1&status=draft"}) {
    auto filtered = client->Get(std::string("/api/v1/factchecks") + query);
    ASSERT_TRUE(filtered) << query;
    EXPECT_THAT(filtered->body, Not(HasSubstr("Secret"))) << query;
  }
  const std::string missing = json::parse(client->Get("/api/v1/factchecks/999999")->body).dump();
  for (std::int64_t id : {draft, review}) {
    for (const std::string& path : std::vector<std::string>{
             "/api/v1/factchecks/" + std::to_string(id), "/public/factchecks/" + std::to_string(id),
             "/factchecks/" + std::to_string(id)}) {
      auto response = client->Get(path);
      ASSERT_TRUE(response) << path;
      EXPECT_EQ(response->status, 404) << path;
      EXPECT_THAT(response->body, Not(HasSubstr("Secret"))) << path;
    }
    auto api = client->Get("/api/v1/factchecks/" + std::to_string(id));
    // The same answer as for a fact-check that never existed, apart from the number.
    EXPECT_EQ(json::parse(api->body)["error"]["code"], "NOT_FOUND");
  }
  EXPECT_THAT(missing, HasSubstr("no fact-check 999999"));
  for (const char* path : {"/api/v1/exports/claimreview", "/api/v1/exports/briefing?format=md",
                           "/api/v1/exports/briefing?format=html", "/public/factchecks"}) {
    auto response = client->Get(path);
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(response->status, 200) << path;
    EXPECT_THAT(response->body, Not(HasSubstr("Secret"))) << path;
    EXPECT_THAT(response->body, HasSubstr("Public summary.")) << path;
  }
  auto internal = client->Get("/api/v1/exports/briefing?format=md&unpublished=1");
  ASSERT_TRUE(internal);
  EXPECT_EQ(internal->status, 401);
  for (const char* path : {"/api/v1/claims", "/api/v1/claims/queue", "/api/v1/claims/stale"}) {
    auto response = client->Get(path);
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(response->status, 401) << path;
  }
  auto desk = client->Get("/factchecks");
  ASSERT_TRUE(desk);
  EXPECT_EQ(desk->status, 303);
  EXPECT_EQ(desk->get_header_value("Location"), "/public/factchecks");
  auto panel = client->Get("/evidence/panel");
  ASSERT_TRUE(panel);
  EXPECT_EQ(panel->status, 204);
  EXPECT_TRUE(panel->body.empty());
}

TEST_F(FactCheckServerTest, HostileTextIsStoredAsTypedAndShownInert) {
  const Visitor analyst = Open();
  auto claim = PostJson(analyst, "/api/v1/claims", {{"text", kHostile}, {"actor", "Egypt"}});
  ASSERT_TRUE(claim);
  ASSERT_EQ(claim->status, 201) << claim->body;
  const std::int64_t claim_id = json::parse(claim->body)["id"];
  EXPECT_EQ(json::parse(claim->body)["text"], kHostile);
  auto created = PostJson(analyst, "/api/v1/factchecks",
                          {{"claim", claim_id},
                           {"verdict", "false"},
                           {"summary", kHostile},
                           {"rationale", kHostile},
                           {"evidence",
                            {{{"doc", std::to_string(draft_)},
                              {"path", "art7.p1"},
                              {"quote", kQuote},
                              {"note", kHostile}}}}});
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 201) << created->body;
  const json fact_check = json::parse(created->body);
  EXPECT_EQ(fact_check["summary"], kHostile);
  EXPECT_EQ(fact_check["evidence"][0]["note"], kHostile);
  const std::string id = std::to_string(fact_check["id"].get<int>());
  ASSERT_EQ(PostJson(analyst, "/api/v1/factchecks/" + id + "/submit", json::object())->status, 200);
  ASSERT_EQ(PostJson(analyst, "/api/v1/factchecks/" + id + "/publish", json::object())->status,
            200);
  for (const std::string& path : std::vector<std::string>{
           "/factchecks", "/factchecks/" + id, "/claims/" + std::to_string(claim_id),
           "/public/factchecks", "/public/factchecks/" + id}) {
    auto page = Get(analyst, path);
    ASSERT_TRUE(page) << path;
    ASSERT_EQ(page->status, 200) << path;
    EXPECT_THAT(page->body, Not(HasSubstr("<script>alert(1)"))) << path;
    EXPECT_THAT(page->body, Not(HasSubstr("<img src=x"))) << path;
    EXPECT_THAT(page->body, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;")) << path;
  }
  auto page = Get(analyst, "/public/factchecks/" + id);
  const std::string jsonld = JsonLdOf(page->body);
  EXPECT_THAT(jsonld, Not(HasSubstr("</")));
  EXPECT_THAT(jsonld, Not(HasSubstr("<")));
  const json review = json::parse(jsonld);
  EXPECT_EQ(review["claimReviewed"], kHostile);
  // Everything after the JSON-LD element is the page, not a second script.
  EXPECT_THAT(page->body.substr(page->body.find(jsonld) + jsonld.size(), 9), "</script>");
  auto listed = Get(analyst, "/api/v1/claims");
  EXPECT_EQ(json::parse(listed->body)["claims"].back()["text"], kHostile);
}

TEST_F(FactCheckServerTest, ReaderEvidenceIsAnchoredExactlyOrRefusedWithTheCount) {
  const Visitor analyst = Open();
  auto panel = Get(analyst, "/evidence/panel");
  ASSERT_TRUE(panel);
  EXPECT_EQ(panel->status, 200);
  EXPECT_THAT(panel->body, HasSubstr("name=\"csrf_token\" value=\"" + analyst.csrf + "\""));

  const json new_claim = {{"text", "Article 7 already makes illegal access a crime"},
                          {"actor", "Brazil"}};
  auto absent = PostJson(analyst, "/api/v1/evidence",
                         {{"doc", draft_},
                          {"path", "art7.p1"},
                          {"quote", "words that are nowhere in it"},
                          {"new_claim", new_claim}});
  ASSERT_TRUE(absent);
  EXPECT_EQ(absent->status, 404) << absent->body;
  auto ambiguous =
      PostJson(analyst, "/api/v1/evidence",
               {{"doc", draft_}, {"path", "art7.p1"}, {"quote", "the"}, {"new_claim", new_claim}});
  ASSERT_TRUE(ambiguous);
  EXPECT_EQ(ambiguous->status, 400) << ambiguous->body;
  EXPECT_THAT(json::parse(ambiguous->body)["error"]["message"].get<std::string>(),
              ::testing::ContainsRegex("[0-9]+ times"));
  // Nothing was stored by the refused requests.
  EXPECT_TRUE(server_.store().ListClaims(store::ClaimFilter{})->empty());

  // Whitespace and line breaks of a browser selection do not matter; the words do.
  auto made = PostJson(analyst, "/api/v1/evidence",
                       {{"doc", std::to_string(draft_)},
                        {"path", "art7.p1"},
                        {"quote", "the intentional access,\n  without right"},
                        {"note", "the offence itself"},
                        {"new_claim", new_claim}});
  ASSERT_TRUE(made);
  ASSERT_EQ(made->status, 201) << made->body;
  const json answer = json::parse(made->body);
  EXPECT_TRUE(answer["created_draft"]);
  EXPECT_EQ(answer["evidence"]["exact"], "the intentional access, without right");
  EXPECT_EQ(answer["evidence"]["path"], "art7.p1");
  EXPECT_EQ(answer["url"], "/factchecks/" + std::to_string(answer["factcheck"].get<int>()));
  // A second quote for the same claim goes to the same draft.
  auto again = PostJson(analyst, "/api/v1/evidence",
                        {{"doc", draft_},
                         {"path", "art7.p1"},
                         {"quote", "any part of a computer system"},
                         {"claim", answer["claim"]}});
  ASSERT_TRUE(again);
  ASSERT_EQ(again->status, 201) << again->body;
  EXPECT_EQ(json::parse(again->body)["factcheck"], answer["factcheck"]);
  EXPECT_FALSE(json::parse(again->body)["created_draft"]);
  auto stored = server_.store().LoadFactCheck(answer["factcheck"]);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->evidence.size(), 2u);
  // Without the CSRF token the route refuses before anything happens.
  auto forged = server_.Client()->Post(
      "/api/v1/evidence", {{"Cookie", analyst.cookies}},
      json{{"doc", draft_}, {"quote", kQuote}, {"claim", 1}}.dump(), "application/json");
  ASSERT_TRUE(forged);
  EXPECT_EQ(forged->status, 403);
}

TEST_F(FactCheckServerTest, BadInputGetsAClearFourHundredAnswer) {
  const Visitor analyst = Open();
  struct Case {
    const char* path;
    std::string body;
    int status;
    const char* says;
  };
  const std::string invalid_utf8 = "{\"text\": \"bad \xff\xfe bytes\", \"actor\": \"Egypt\"}";
  const std::string huge = json{{"text", std::string(100000, 'a')}, {"actor", "Egypt"}}.dump();
  for (const Case& c : std::vector<Case>{
           {"/api/v1/claims", "not json", 400, "not JSON"},
           {"/api/v1/claims", "[1, 2]", 400, "JSON object"},
           {"/api/v1/claims", invalid_utf8, 400, ""},
           {"/api/v1/claims", huge, 400, "text"},
           {"/api/v1/claims", R"({"text": "x", "actor": "Atlantis"})", 0, "actor"},
           {"/api/v1/claims", R"({"text": "x", "actor": "EGY", "date": "tomorrow"})", 400, "date"},
           {"/api/v1/claims", R"({"text": "x", "actor": "EGY", "session": "x"})", 400, "session"},
           {"/api/v1/claims", R"({"text": "x", "actor": "EGY", "source_url": "javascript:1"})", 400,
            "source_url"},
           {"/api/v1/factchecks", R"({"claim": 424242})", 404, "no claim 424242"},
           {"/api/v1/factchecks", R"({"claim": "seven"})", 400, "claim"},
           {"/api/v1/factchecks/424242/revisions", R"({"revision": 1})", 404, "no fact-check"},
           {"/api/v1/factchecks/1/revisions", R"({"summary": "no revision"})", 400, "revision"},
           {"/api/v1/evidence", R"({"doc": "no-such-doc", "quote": "x", "claim": 1})", 404, ""},
           {"/api/v1/claims/match", R"({"text": ""})", 400, "text"},
       }) {
    // Sent as they are: some bodies are not JSON on purpose.
    auto response = server_.Client()->Post(
        c.path, {{"Cookie", analyst.cookies}, {"X-CSRF-Token", analyst.csrf}}, c.body,
        "application/json");
    ASSERT_TRUE(response) << c.path << " " << c.body.substr(0, 60);
    if (c.status != 0) {
      EXPECT_EQ(response->status, c.status) << c.path << " " << c.body.substr(0, 60);
    } else {
      EXPECT_GE(response->status, 400) << c.path;
      EXPECT_LT(response->status, 500) << c.path;
    }
    const json error = json::parse(response->body, nullptr, false);
    ASSERT_TRUE(error.contains("error")) << response->body.substr(0, 200);
    EXPECT_THAT(error["error"]["message"].get<std::string>(), HasSubstr(c.says)) << c.path;
  }
  for (const char* path : {"/api/v1/claims/424242", "/api/v1/claims/99999999999999999999999",
                           "/api/v1/factchecks/0", "/claims/424242", "/factchecks/424242"}) {
    auto response = Get(analyst, path);
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(response->status, 404) << path;
  }
  for (const char* path : {"/api/v1/claims?session=abc", "/api/v1/claims?status=maybe",
                           "/api/v1/factchecks?status=maybe", "/api/v1/exports/briefing?format=pdf",
                           "/factchecks/new?claim=x"}) {
    auto response = Get(analyst, path);
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(response->status, 400) << path;
  }
}

TEST_F(FactCheckServerTest, TheQueueListsCheckWorthySentencesNotYetClaimed) {
  negotiation::Statement statement;
  statement.actor = "EGY";
  statement.session = 3;
  statement.date = "2025-09-01";
  statement.text =
      "We thank the Chair. Article 7 mirrors article 2 of the Budapest Convention word for word. "
      "We look forward to the discussion.";
  auto ids = server_.store().PutStatements({statement});
  ASSERT_TRUE(ids.ok()) << ids.status();
  const Visitor viewer = Open();
  auto queue = Get(viewer, "/api/v1/claims/queue");
  ASSERT_TRUE(queue);
  ASSERT_EQ(queue->status, 200);
  const json items = json::parse(queue->body)["queue"];
  ASSERT_EQ(items.size(), 1u) << items.dump();
  EXPECT_THAT(items[0]["text"].get<std::string>(), HasSubstr("Article 7 mirrors"));
  EXPECT_EQ(items[0]["statement"]["id"], ids->front());
  EXPECT_GE(items[0]["score"].get<double>(), 0.5);
  EXPECT_FALSE(items[0]["features"].empty());
  auto desk = Get(viewer, "/factchecks");
  EXPECT_THAT(desk->body, HasSubstr("Make a claim</button>"));

  // Making it a claim (the desk's button leads to this form) takes it off the queue.
  auto made = PostForm(
      viewer, "/claims",
      {{"statement", std::to_string(ids->front())}, {"text", items[0]["text"].get<std::string>()}});
  ASSERT_TRUE(made);
  ASSERT_EQ(made->status, 303) << made->body;
  auto claim = Get(viewer, "/api/v1" + made->get_header_value("Location"));
  ASSERT_EQ(claim->status, 200);
  EXPECT_EQ(json::parse(claim->body)["actor"], "EGY");
  EXPECT_EQ(json::parse(claim->body)["statement"], ids->front());
  EXPECT_TRUE(json::parse(Get(viewer, "/api/v1/claims/queue")->body)["queue"].empty());
}

}  // namespace
}  // namespace tw::testing
