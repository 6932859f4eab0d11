// The words every published form shares: verdict labels and tones, dates, web URLs, the
// statement record's name, corrections and the evidence state sentence.
#include "factcheck/publication_text.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace tw::factcheck {
namespace {

TEST(PublicationTextTest, VerdictLabel) {
  EXPECT_EQ(VerdictLabel("misstates-the-text"), "Misstates the text");
  EXPECT_EQ(VerdictLabel("false"), "False");
  EXPECT_EQ(VerdictLabel("3-pinocchios"), "3 pinocchios");
  EXPECT_EQ(VerdictLabel(""), "");
}

TEST(PublicationTextTest, ToneFollowsThePlaceOnTheScale) {
  // The default scale, best first: rating 8 (accurate) .. 1 (false).
  const char* expected[] = {"bad", "bad", "bad", "mixed", "mixed", "mixed", "good", "good"};
  for (int rating = 1; rating <= 8; ++rating) {
    EXPECT_EQ(VerdictToneName(ToneOf(rating, 8)), expected[rating - 1]) << rating;
  }
  EXPECT_EQ(ToneOf(2, 2), VerdictTone::kGood);
  EXPECT_EQ(ToneOf(1, 2), VerdictTone::kBad);
  EXPECT_EQ(ToneOf(0, 8), VerdictTone::kUnknown);
  EXPECT_EQ(ToneOf(9, 8), VerdictTone::kUnknown);
}

struct DateCase {
  const char* text;
  const char* date;  // DatePart
  const char* long_date;
};

TEST(PublicationTextTest, Dates) {
  const DateCase cases[] = {
      {"2023-01-10", "2023-01-10", "10 January 2023"},
      {"2023-02-03T09:00:00Z", "2023-02-03", "3 February 2023"},
      {"2024-02-29 10:00", "2024-02-29", "29 February 2024"},
      {"2023-02-29", "", "2023-02-29"},  // not a leap year
      {"1900-02-29", "", "1900-02-29"},
      {"2023-13-01", "", "2023-13-01"},
      {"2023-1-10", "", "2023-1-10"},
      {"2023-01-100", "", "2023-01-100"},
      {"", "", ""},
      {"tomorrow", "", "tomorrow"},
  };
  for (const DateCase& test : cases) {
    EXPECT_EQ(DatePart(test.text), test.date) << test.text;
    EXPECT_EQ(LongDate(test.text), test.long_date) << test.text;
  }
}

TEST(PublicationTextTest, WebUrls) {
  for (const char* good : {"https://example.org", "http://example.org/a?b=c#d",
                           "HTTPS://EXAMPLE.ORG/x", "https://webtv.un.org/en/asset/k1x#t=1:02"}) {
    EXPECT_TRUE(IsWebUrl(good)) << good;
  }
  for (const char* bad : {"", "example.org", "javascript:alert(1)", "https://", "https:///path",
                          "https://a b", "https://a\"onmouseover=x", "https://a<b>", "https://a\\b",
                          "ftp://example.org", "https://a\nb", "data:text/html,x"}) {
    EXPECT_FALSE(IsWebUrl(bad)) << bad;
  }
}

TEST(PublicationTextTest, StatementRecordName) {
  Claim claim;
  claim.session = 4;
  claim.date = "2023-01-12";
  claim.source_grade = SourceGrade::kWrittenSubmission;
  EXPECT_EQ(StatementRecordName(claim, "Brazil"),
            "Statement by Brazil, session 4, 12 January 2023 (written submission)");
  EXPECT_EQ(StatementRecordName(Claim{}, ""), "Statement (official record)");
}

TEST(PublicationTextTest, Corrections) {
  FactCheck fact_check;
  fact_check.status = FactCheckStatus::kPublished;
  fact_check.published_at = "2023-01-25T16:30:00Z";
  fact_check.updated_at = "2023-01-25T16:30:00Z";
  fact_check.change_note = "published";
  EXPECT_FALSE(IsCorrected(fact_check));  // the first publication's own note
  fact_check.updated_at = "2023-02-03T09:00:00Z";
  EXPECT_TRUE(IsCorrected(fact_check));
  fact_check.change_note.clear();
  EXPECT_FALSE(IsCorrected(fact_check));
  fact_check.change_note = "fixed the date";
  fact_check.status = FactCheckStatus::kInReview;
  EXPECT_FALSE(IsCorrected(fact_check));
}

TEST(PublicationTextTest, AnchorStateSentence) {
  Evidence evidence;
  EXPECT_EQ(AnchorStateSentence(evidence), "");
  evidence.status = AnchorStatus::kMoved;
  EXPECT_EQ(AnchorStateSentence(evidence), "");
  evidence.status = AnchorStatus::kChanged;
  evidence.similarity = 0.829;
  EXPECT_THAT(AnchorStateSentence(evidence), ::testing::HasSubstr("82% similar"));
  evidence.status = AnchorStatus::kLost;
  EXPECT_THAT(AnchorStateSentence(evidence), ::testing::HasSubstr("no longer"));
  evidence.status = AnchorStatus::kAmbiguous;
  EXPECT_THAT(AnchorStateSentence(evidence), ::testing::HasSubstr("more than one place"));
}

}  // namespace
}  // namespace tw::factcheck
