// ClaimReview JSON-LD: the fields by hand (actor types, rating from the scale, dates, URLs,
// appearances, corrections, nothing null), then the export validated against
// tests/factcheck/claimreview.schema.json by ajv through tests/factcheck/validate_claimreview.mjs
// for varied fact-checks, and broken exports that the schema must reject — so the validation
// can fail. The node tests skip when node or ajv (npm ci) is missing.
#include "factcheck/claim_review.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "briefing_samples.h"

namespace tw::factcheck {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

const ReviewedClaim& SampleWithFactCheck(const BriefingInput& input, std::int64_t id) {
  for (const ReviewedClaim& item : input.items) {
    if (item.fact_check.id == id) return item;
  }
  ADD_FAILURE() << "no sample fact-check " << id;
  return input.items.front();
}

// No null, no empty string, no empty object or array anywhere: unknown values are left out.
void ExpectNothingEmpty(const json& value, const std::string& where) {
  ASSERT_FALSE(value.is_null()) << where;
  if (value.is_string()) {
    EXPECT_FALSE(value.get<std::string>().empty()) << where;
  }
  if (value.is_object()) {
    EXPECT_FALSE(value.empty()) << where;
    for (const auto& [key, member] : value.items()) ExpectNothingEmpty(member, where + "/" + key);
  }
  if (value.is_array()) {
    EXPECT_FALSE(value.empty()) << where;
    for (std::size_t i = 0; i < value.size(); ++i) {
      ExpectNothingEmpty(value[i], where + "/" + std::to_string(i));
    }
  }
}

TEST(ClaimReviewTest, PublishedFactCheckBecomesClaimReview) {
  const BriefingInput input = testing::SampleBriefing();
  const json review =
      ClaimReviewJsonLd(SampleWithFactCheck(input, 12), VerdictScale::Default(), input.publisher);
  EXPECT_EQ(review["@context"], "https://schema.org");
  EXPECT_EQ(review["@type"], "ClaimReview");
  // The base URL's trailing slash does not double.
  EXPECT_EQ(review["url"], "https://observatory.example.org/factchecks/12");
  EXPECT_EQ(review["claimReviewed"],
            "Article 24 already contains all the safeguards of the Budapest Convention.");
  EXPECT_EQ(review["datePublished"], "2023-01-25");
  EXPECT_EQ(review["author"], json({{"@type", "Organization"},
                                    {"name", "Cyber Rights Observatory"},
                                    {"url", "https://observatory.example.org"}}));
  // omits-a-safeguard is the 5th of 8 verdicts, best first: 4 on a 1..8 scale.
  EXPECT_EQ(review["reviewRating"],
            json({{"@type", "Rating"},
                  {"ratingValue", 4},
                  {"bestRating", 8},
                  {"worstRating", 1},
                  {"alternateName", "Omits a safeguard"},
                  {"ratingExplanation",
                   "Article 24 leaves out the Budapest Convention's reference to the human rights "
                   "treaties the safeguards must protect."}}));
  const json& claim = review["itemReviewed"];
  EXPECT_EQ(claim["@type"], "Claim");
  EXPECT_EQ(claim["author"], json({{"@type", "GovernmentOrganization"}, {"name", "Brazil"}}));
  EXPECT_EQ(claim["datePublished"], "2023-01-12");
  EXPECT_EQ(claim["appearance"]["url"], "https://webtv.example.org/session4/2023-01-12#t=01:12:40");
  EXPECT_EQ(claim["appearance"]["name"],
            "Statement by Brazil, session 4, 12 January 2023 (webcast)");
  EXPECT_EQ(claim["firstAppearance"], claim["appearance"]);
  EXPECT_FALSE(review.contains("correction"));
  EXPECT_FALSE(review.contains("dateModified"));
  ExpectNothingEmpty(review, "");
}

TEST(ClaimReviewTest, GroupIsOrganizationAndRecordNamesTheAppearance) {
  const BriefingInput input = testing::SampleBriefing();
  const json review =
      ClaimReviewJsonLd(SampleWithFactCheck(input, 13), VerdictScale::Default(), input.publisher);
  const json& claim = review["itemReviewed"];
  EXPECT_EQ(claim["author"], json({{"@type", "Organization"}, {"name", "European Union"}}));
  // No source URL: the session record, by name.
  EXPECT_EQ(claim["appearance"],
            json({{"@type", "CreativeWork"},
                  {"name",
                   "Statement by European Union, session 4, 11 January 2023 (official "
                   "record)"},
                  {"datePublished", "2023-01-11"}}));
}

TEST(ClaimReviewTest, CorrectionIsACorrectionComment) {
  const BriefingInput input = testing::SampleBriefing();
  const json review =
      ClaimReviewJsonLd(SampleWithFactCheck(input, 13), VerdictScale::Default(), input.publisher);
  EXPECT_EQ(review["correction"],
            json({{"@type", "CorrectionComment"},
                  {"text",
                   "The first version cited the meeting of 10 January; the objections "
                   "were made on 11 January."},
                  {"datePublished", "2023-02-03"}}));
  EXPECT_EQ(review["dateModified"], "2023-02-03");
  // First publication stays the publication date.
  EXPECT_EQ(review["datePublished"], "2023-01-25");
}

TEST(ClaimReviewTest, FirstPublicationNoteIsNoCorrection) {
  BriefingInput input = testing::SampleBriefing();
  ReviewedClaim item = SampleWithFactCheck(input, 12);
  item.fact_check.change_note = "published";  // saved with the first published revision
  const json review = ClaimReviewJsonLd(item, VerdictScale::Default(), input.publisher);
  EXPECT_FALSE(review.contains("correction"));
}

TEST(ClaimReviewTest, UnknownValuesAreLeftOut) {
  ReviewedClaim item;
  item.claim.text = "The broad scope is supported by a majority of states.";
  item.claim.actor = "G77";  // no display name: the id stands in
  item.fact_check.id = 9;
  item.fact_check.verdict = "pants-on-fire";  // not on the scale
  item.fact_check.status = FactCheckStatus::kPublished;
  item.fact_check.published_at = "not a date";
  Publisher publisher;
  publisher.url = "";
  const json review = ClaimReviewJsonLd(item, VerdictScale::Default(), publisher);
  ExpectNothingEmpty(review, "");
  EXPECT_FALSE(review.contains("datePublished"));
  EXPECT_FALSE(review["author"].contains("url"));
  EXPECT_EQ(review["reviewRating"],
            json({{"@type", "Rating"}, {"alternateName", "Pants on fire"}}));
  EXPECT_EQ(review["itemReviewed"]["author"]["name"], "G77");
  EXPECT_FALSE(review["itemReviewed"].contains("datePublished"));
  EXPECT_EQ(review["itemReviewed"]["appearance"]["name"], "Statement by G77 (official record)");
  EXPECT_EQ(review["url"], "http://127.0.0.1:8080/factchecks/9");
}

TEST(ClaimReviewTest, ArrayHoldsOnlyPublishedFactChecks) {
  const BriefingInput input = testing::SampleBriefing();
  const json array = ClaimReviewArray(input.items, VerdictScale::Default(), input.publisher);
  ASSERT_TRUE(array.is_array());
  std::vector<std::string> urls;
  for (const json& review : array) urls.push_back(review["url"]);
  EXPECT_THAT(urls, ::testing::ElementsAre("https://observatory.example.org/factchecks/12",
                                           "https://observatory.example.org/factchecks/11",
                                           "https://observatory.example.org/factchecks/13",
                                           "https://observatory.example.org/factchecks/14",
                                           "https://observatory.example.org/factchecks/15"));
  EXPECT_TRUE(ClaimReviewArray({}, VerdictScale::Default(), input.publisher).is_array());
}

TEST(ClaimReviewTest, IllFormedUtf8AndControlsAreCleaned) {
  BriefingInput input = testing::SampleBriefing();
  ReviewedClaim item = SampleWithFactCheck(input, 14);
  item.claim.text = std::string("Côte d'Ivoire said \xFF\xFE stop\x01 here");
  const json review = ClaimReviewJsonLd(item, VerdictScale::Default(), input.publisher);
  std::string dumped;
  ASSERT_NO_THROW(dumped = review.dump());
  EXPECT_EQ(review["claimReviewed"], "Côte d'Ivoire said \uFFFD\uFFFD stop here");
  EXPECT_EQ(review["itemReviewed"]["author"]["name"], "Côte d'Ivoire");
}

// --- Validation against the JSON Schema, with ajv ---

struct NodeRun {
  int exit_code = -1;
  std::string output;
};

std::string TempPath(const std::string& name) {
  return ::testing::TempDir() + "/claimreview_" + std::to_string(getpid()) + "_" + name;
}

// Runs the validator on `document`: its exit code (-1 when it could not run) and output.
NodeRun Validate(const json& document, const std::string& name) {
  const std::string input = TempPath(name + ".json");
  const std::string output = TempPath(name + ".out");
  std::ofstream(input) << document.dump(2);
  const std::string command = std::string("'") + TW_NODE + "' '" + TW_SOURCE_DIR +
                              "/tests/factcheck/validate_claimreview.mjs' '" + input + "' > '" +
                              output + "' 2>&1";
  const int status = std::system(command.c_str());
  NodeRun run;
  if (status != -1 && WIFEXITED(status)) run.exit_code = WEXITSTATUS(status);
  std::ifstream in(output);
  std::stringstream text;
  text << in.rdbuf();
  run.output = text.str();
  std::remove(input.c_str());
  std::remove(output.c_str());
  return run;
}

bool NodeMissing() {
  const std::string node = TW_NODE;
  return node.empty() || node.find("NOTFOUND") != std::string::npos;
}

#define SKIP_WITHOUT_NODE()                                             \
  if (NodeMissing()) GTEST_SKIP() << "node not found when configuring"; \
  static_assert(true)

struct ValidCase {
  std::string name;
  std::function<std::vector<ReviewedClaim>()> items;
  std::function<VerdictScale()> scale = [] { return VerdictScale::Default(); };
  std::function<Publisher()> publisher = [] { return testing::SampleBriefing().publisher; };
};

ReviewedClaim OneSample(std::int64_t id) {
  return SampleWithFactCheck(testing::SampleBriefing(), id);
}

std::vector<ValidCase> ValidCases() {
  return {
      {"all_samples", [] { return testing::SampleBriefing().items; }},
      {"state_actor_with_source_url", [] { return std::vector<ReviewedClaim>{OneSample(12)}; }},
      {"group_actor_corrected", [] { return std::vector<ReviewedClaim>{OneSample(13)}; }},
      {"changed_evidence", [] { return std::vector<ReviewedClaim>{OneSample(14)}; }},
      {"without_any_url",
       [] {
         ReviewedClaim item = OneSample(11);
         item.claim.source_url.clear();
         return std::vector<ReviewedClaim>{item};
       },
       [] { return VerdictScale::Default(); },
       [] {
         Publisher publisher;
         publisher.name = "Observatory";
         return publisher;
       }},
      {"unicode_text",
       [] {
         ReviewedClaim item = OneSample(14);
         item.claim.text = "«Статья 24» уже содержит все гарантии — 第24条 — المادة 24 ✓ 🇧🇷";
         item.actor_name = "Côte d’Ivoire";
         item.fact_check.summary = "Ünïcödé summary with \"quotes\" and a\nline break.";
         return std::vector<ReviewedClaim>{item};
       }},
      {"markup_and_controls",
       [] {
         ReviewedClaim item = testing::HostileBriefing().items.front();
         item.claim.text += std::string(" \x01\x7F\xC3");  // a control, DEL, a cut-off character
         return std::vector<ReviewedClaim>{item};
       }},
      {"undated_claim_unknown_session",
       [] {
         ReviewedClaim item = OneSample(15);
         item.claim.date.clear();
         item.claim.session = 0;
         return std::vector<ReviewedClaim>{item};
       }},
      {"verdict_not_on_scale",
       [] {
         ReviewedClaim item = OneSample(15);
         item.fact_check.verdict = "half-true";
         return std::vector<ReviewedClaim>{item};
       }},
      {"custom_two_verdict_scale",
       [] {
         ReviewedClaim holds = OneSample(15);
         holds.fact_check.verdict = "holds";
         ReviewedClaim fails = OneSample(12);
         fails.fact_check.verdict = "does-not-hold";
         return std::vector<ReviewedClaim>{holds, fails};
       },
       [] {
         return *VerdictScale::Make({{"holds", ""}, {"does-not-hold", ""}});
       }},
      {"empty_export", [] { return std::vector<ReviewedClaim>{}; }},
  };
}

void PrintTo(const ValidCase& test_case, std::ostream* out) { *out << test_case.name; }

class ClaimReviewSchemaTest : public ::testing::TestWithParam<ValidCase> {};

TEST_P(ClaimReviewSchemaTest, ExportIsValid) {
  SKIP_WITHOUT_NODE();
  const ValidCase& test_case = GetParam();
  const json document =
      ClaimReviewArray(test_case.items(), test_case.scale(), test_case.publisher());
  const NodeRun run = Validate(document, test_case.name);
  if (run.exit_code == 77) GTEST_SKIP() << run.output;
  EXPECT_EQ(run.exit_code, 0) << run.output << "\n" << document.dump(2);
}

INSTANTIATE_TEST_SUITE_P(Exports, ClaimReviewSchemaTest, ::testing::ValuesIn(ValidCases()),
                         [](const auto& info) { return info.param.name; });

struct Breakage {
  std::string name;
  std::function<void(json&)> apply;
  std::string expected;  // words of the validator's message
};

std::vector<Breakage> Breakages() {
  return {
      {"missing_review_rating", [](json& r) { r.erase("reviewRating"); }, "reviewRating"},
      {"missing_alternate_name", [](json& r) { r["reviewRating"].erase("alternateName"); },
       "alternateName"},
      {"rating_above_best", [](json& r) { r["reviewRating"]["ratingValue"] = 9; }, "outside 1..8"},
      {"worst_above_best", [](json& r) { r["reviewRating"]["worstRating"] = 9; },
       "is not below bestRating"},
      {"rating_without_scale", [](json& r) { r["reviewRating"].erase("bestRating"); },
       "bestRating"},
      {"rating_as_text", [](json& r) { r["reviewRating"]["ratingValue"] = "4"; }, "number"},
      {"empty_claim_reviewed", [](json& r) { r["claimReviewed"] = ""; }, "claimReviewed"},
      {"blank_claim_reviewed", [](json& r) { r["claimReviewed"] = "  "; }, "claimReviewed"},
      {"missing_url", [](json& r) { r.erase("url"); }, "url"},
      {"relative_url", [](json& r) { r["url"] = "/factchecks/12"; }, "/0/url"},
      {"null_date", [](json& r) { r["datePublished"] = nullptr; }, "datePublished"},
      {"bad_date", [](json& r) { r["datePublished"] = "2023-02-30"; }, "datePublished"},
      {"wrong_type", [](json& r) { r["@type"] = "Review"; }, "@type"},
      {"wrong_context", [](json& r) { r["@context"] = "https://example.org"; }, "@context"},
      {"misspelt_key", [](json& r) { r["reviewRating"]["ratingvalue"] = 4; }, "ratingvalue"},
      {"claim_without_author", [](json& r) { r["itemReviewed"].erase("author"); }, "author"},
      {"author_as_place", [](json& r) { r["itemReviewed"]["author"]["@type"] = "Country"; },
       "itemReviewed/author"},
      {"appearance_without_name_or_url",
       [](json& r) {
         r["itemReviewed"]["appearance"] = json({{"@type", "CreativeWork"}});
       },
       "appearance"},
      {"correction_without_date_modified",
       [](json& r) {
         r["correction"] = json({{"@type", "CorrectionComment"}, {"text", "x"}});
       },
       "dateModified"},
      {"not_an_array", [](json& r) { r = json::object(); }, "(the whole export)"},
  };
}

void PrintTo(const Breakage& breakage, std::ostream* out) { *out << breakage.name; }

class ClaimReviewSchemaRejectsTest : public ::testing::TestWithParam<Breakage> {};

TEST_P(ClaimReviewSchemaRejectsTest, BrokenExportIsRejected) {
  SKIP_WITHOUT_NODE();
  const Breakage& breakage = GetParam();
  const BriefingInput input = testing::SampleBriefing();
  json document =
      ClaimReviewArray({SampleWithFactCheck(input, 12)}, VerdictScale::Default(), input.publisher);
  if (breakage.name == "not_an_array") {
    breakage.apply(document);
  } else {
    breakage.apply(document[0]);
  }
  const NodeRun run = Validate(document, breakage.name);
  if (run.exit_code == 77) GTEST_SKIP() << run.output;
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_THAT(run.output, HasSubstr(breakage.expected));
}

INSTANTIATE_TEST_SUITE_P(Breakages, ClaimReviewSchemaRejectsTest, ::testing::ValuesIn(Breakages()),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace tw::factcheck
