// End to end: the fact-check commands as an analyst runs them — a claim, a fact-check with
// evidence quoted from a draft, the workflow to publication, a correction, the next draft
// arriving and making the fact-check stale, the ClaimReview export — and the contract scripts
// rely on (`--json` ids, `claims stale --json`). History cannot be rewritten through any command.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace tw::testing {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

constexpr char kInstrument[] = "Convention on Cooperation against Computer Crime";

// A database with the demo's first revised draft (document 1) and the Regional Convention.
class FactCheckCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Ingest("draft2.txt", "A/AC.999/3/Rev.1", "draft", kInstrument);
    Ingest("reference-regional-convention.txt", "RCLC/TS/12", "reference", "");
  }

  void Ingest(const std::string& file, const std::string& symbol, const std::string& kind,
              const std::string& instrument) {
    std::vector<std::string> args = {"ingest", DemoFile(file), "--symbol", symbol, "--kind", kind};
    if (!instrument.empty()) {
      args.push_back("--instrument");
      args.push_back(instrument);
    }
    RunResult run = Tw(db(), args);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    last_ingest_ = run.out;
  }

  // Runs with --json and returns the parsed output, failing the test on a non-zero exit.
  json TwJson(std::vector<std::string> args) {
    args.push_back("--json");
    RunResult run = Tw(db(), args);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    return run.exit_code == 0 ? json::parse(run.out) : json();
  }

  std::string AddClaim(const std::string& actor, const std::string& text) {
    json added = TwJson({"claims", "add", "--actor", actor, "--text", text, "--date", "2025-09-01",
                         "--session", "3"});
    return std::to_string(added["id"].get<long long>());
  }

  std::filesystem::path db() const { return dir_ / "t.db"; }

  TempDir dir_;
  std::string last_ingest_;
};

TEST_F(FactCheckCliTest, ClaimToPublishedFactCheckFollowsTheContract) {
  const std::string claim = AddClaim("Egypt", "This draft contains all the safeguards of the Regional Convention");
  json factcheck = TwJson({"factcheck", "new", claim, "--verdict", "omits-a-safeguard", "--summary",
                           "It lacks independent supervision.", "--evidence",
                           "RCLC/TS/12#art12.p2: judicial or other independent supervision",
                           "--evidence",
                           "A/AC.999/3/Rev.1#art28.p2: shall be subject to prior authorization by a "
                           "judicial authority"});
  ASSERT_TRUE(factcheck.contains("id"));
  const std::string id = std::to_string(factcheck["id"].get<long long>());

  // Straight to published is refused; through review it goes.
  RunResult early = Tw(db(), {"factcheck", "publish", id});
  EXPECT_EQ(early.exit_code, 2);
  EXPECT_THAT(early.err, HasSubstr("draft"));
  ASSERT_EQ(Tw(db(), {"factcheck", "submit", id, "--by", "reviewer"}).exit_code, 0);
  ASSERT_EQ(Tw(db(), {"factcheck", "publish", id, "--by", "editor"}).exit_code, 0);

  // A published fact-check is not edited silently: without a note it is refused, with one it
  // is a new, visible revision.
  RunResult silent = Tw(db(), {"factcheck", "edit", id, "--summary", "Changed quietly."});
  EXPECT_EQ(silent.exit_code, 2);
  EXPECT_THAT(silent.err, HasSubstr("correction"));
  ASSERT_EQ(Tw(db(), {"factcheck", "edit", id, "--summary", "It lacks supervision and remedy.",
                      "--note", "Named the remedy too."})
                .exit_code,
            0);
  json shown = TwJson({"factcheck", "show", id, "--history"});
  ASSERT_EQ(shown["history"].size(), 4u);
  EXPECT_EQ(shown["history"][0]["summary"], "It lacks independent supervision.");
  EXPECT_EQ(shown["history"][3]["change_note"], "Named the remedy too.");
  EXPECT_EQ(shown["status"], "published");
  EXPECT_EQ(shown["needs_review"], false);

  // Stale until a new draft arrives: then the changed paragraph makes it need review.
  EXPECT_EQ(TwJson({"claims", "stale"}).size(), 0u);
  Ingest("draft3.txt", "A/AC.999/L.2", "draft", kInstrument);
  EXPECT_THAT(last_ingest_, HasSubstr("needs review"));
  json stale = TwJson({"claims", "stale"});
  ASSERT_EQ(stale.size(), 1u);
  EXPECT_EQ(stale[0]["factcheck"].get<long long>(), factcheck["id"].get<long long>());
  EXPECT_EQ(std::to_string(stale[0]["claim"].get<long long>()), claim);
  bool changed = false;
  for (const json& evidence : stale[0]["evidence"]) {
    ASSERT_TRUE(evidence.contains("doc") && evidence.contains("path") &&
                evidence.contains("exact") && evidence.contains("status") &&
                evidence.contains("similarity"));
    if (evidence["path"] == "art28.p2") {
      changed = evidence["status"] == "changed" || evidence["status"] == "lost";
      EXPECT_NE(evidence["status"], "intact");
    }
  }
  EXPECT_TRUE(changed) << stale.dump(2);
  json after = TwJson({"factcheck", "show", id});
  EXPECT_EQ(after["needs_review"], true);
  // Re-anchoring is not a revision: the history is as the people left it.
  EXPECT_EQ(TwJson({"factcheck", "show", id, "--history"})["history"].size(), 4u);
}

TEST_F(FactCheckCliTest, UnchangedQuoteFollowsTheRenumberedArticle) {
  const std::string claim = AddClaim("Japan", "Article 7 mirrors article 2 of the Regional Convention");
  json factcheck = TwJson(
      {"factcheck", "new", claim, "--verdict", "accurate", "--summary", "Same words.", "--evidence",
       "A/AC.999/3/Rev.1#art7.p1: the intentional access, without right, to the whole or any part "
       "of a computer system"});
  Ingest("draft3.txt", "A/AC.999/L.2", "draft", kInstrument);
  EXPECT_EQ(TwJson({"claims", "stale"}).size(), 0u);
  json shown = TwJson({"factcheck", "show", std::to_string(factcheck["id"].get<long long>())});
  ASSERT_EQ(shown["evidence"].size(), 1u);
  // D2 art. 7 is D3 art. 8: the quote moved with it, into the new version.
  EXPECT_EQ(shown["evidence"][0]["path"], "art8.p1");
  EXPECT_THAT(std::string(shown["evidence"][0]["status"]), ::testing::AnyOf("intact", "moved"));
  EXPECT_EQ(shown["needs_review"], false);
}

TEST_F(FactCheckCliTest, EvidenceThatIsNotInTheTextIsRefusedAndNothingStored) {
  const std::string claim = AddClaim("Brazil", "Article 15 was not changed since the last draft");
  RunResult absent = Tw(db(), {"factcheck", "new", claim, "--verdict", "false", "--evidence",
                               "A/AC.999/3/Rev.1#art15: words that are nowhere in the draft"});
  EXPECT_EQ(absent.exit_code, 2);
  EXPECT_EQ(std::count(absent.err.begin(), absent.err.end(), '\n'), 1) << absent.err;
  RunResult twice = Tw(db(), {"factcheck", "new", claim, "--verdict", "false", "--evidence",
                              "A/AC.999/3/Rev.1#: Each State Party shall"});
  EXPECT_EQ(twice.exit_code, 2);
  RunResult malformed = Tw(db(), {"factcheck", "new", claim, "--evidence", "no anchor here"});
  EXPECT_EQ(malformed.exit_code, 2);
  EXPECT_THAT(malformed.err, HasSubstr("DOC#PATH: exact words"));
  RunResult verdict = Tw(db(), {"factcheck", "new", claim, "--verdict", "pants-on-fire"});
  EXPECT_EQ(verdict.exit_code, 2);
  EXPECT_THAT(verdict.err, HasSubstr("misstates-the-text"));
  EXPECT_EQ(TwJson({"factcheck", "list"}).size(), 0u);
}

TEST_F(FactCheckCliTest, ClaimReviewExportOfPublishedOnly) {
  const std::string claim = AddClaim("Japan", "Article 7 mirrors article 2 of the Regional Convention");
  json published = TwJson({"factcheck", "new", claim, "--verdict", "accurate", "--summary",
                           "Same words.", "--evidence",
                           "RCLC/TS/12#art2.p1: the intentional access, without right"});
  const std::string id = std::to_string(published["id"].get<long long>());
  ASSERT_EQ(Tw(db(), {"factcheck", "submit", id}).exit_code, 0);
  ASSERT_EQ(Tw(db(), {"factcheck", "publish", id}).exit_code, 0);
  TwJson({"factcheck", "new", AddClaim("Egypt", "Nobody objected to paragraph 3"), "--verdict",
          "unsupported"});
  const auto out = dir_ / "claimreview.json";
  RunResult exported = Tw(db(), {"export", "claimreview", "--out", out.string(), "--publisher",
                                 "Test Coalition"});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  const json reviews = json::parse(ReadFile(out));
  ASSERT_TRUE(reviews.is_array());
  ASSERT_EQ(reviews.size(), 1u);
  EXPECT_EQ(reviews[0]["@type"], "ClaimReview");
  EXPECT_EQ(reviews[0]["claimReviewed"], "Article 7 mirrors article 2 of the Regional Convention");
  EXPECT_EQ(reviews[0]["reviewRating"]["alternateName"], "Accurate");
  EXPECT_EQ(reviews[0]["reviewRating"]["ratingValue"], 8);
  EXPECT_EQ(reviews[0]["author"]["name"], "Test Coalition");
  const auto briefing = dir_ / "briefing.html";
  ASSERT_EQ(Tw(db(), {"export", "briefing", "--out", briefing.string()}).exit_code, 0);
  EXPECT_THAT(ReadFile(briefing), HasSubstr("Art. 2(1)"));
}

TEST_F(FactCheckCliTest, DetectRanksCheckableSentences) {
  json detected = TwJson(
      {"claims", "detect",
       "We thank the Chair for her tireless work. Article 7 mirrors article 2 of the Regional "
       "Convention word for word, and 27 of the 46 delegations supported it."});
  ASSERT_GE(detected["sentences"].size(), 1u);
  EXPECT_THAT(std::string(detected["sentences"][0]["text"]), HasSubstr("Article 7 mirrors"));
  EXPECT_FALSE(detected["sentences"][0]["features"].empty());
}

TEST_F(FactCheckCliTest, MatchFindsTheRewordedClaim) {
  const std::string original = AddClaim("Egypt", "This draft contains all the safeguards of the Regional Convention");
  AddClaim("Japan", "Article 7 mirrors article 2 of the Regional Convention");
  json matched = TwJson({"claims", "match", "The draft already includes every safeguard found in the Regional Convention"});
  ASSERT_GE(matched["matches"].size(), 1u);
  EXPECT_EQ(std::to_string(matched["matches"][0]["claim"]["id"].get<long long>()), original);
}

}  // namespace
}  // namespace tw::testing
