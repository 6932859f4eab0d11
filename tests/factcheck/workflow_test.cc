#include "factcheck/workflow.h"

#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "factcheck/fact_check.h"
#include "factcheck/verdict_scale.h"

namespace tw::factcheck {
namespace {

FactCheck Complete(FactCheckStatus status) {
  FactCheck fact_check;
  fact_check.verdict = "misleading";
  fact_check.summary = "Article 28 lacks the dual-criminality condition.";
  fact_check.status = status;
  Evidence evidence;
  evidence.anchor.exact = "in accordance with its domestic law";
  fact_check.evidence.push_back(evidence);
  return fact_check;
}

struct Move {
  std::optional<FactCheckStatus> from;
  FactCheckStatus to;
  std::string change_note;
  bool allowed;
};

class WorkflowMoveTest : public ::testing::TestWithParam<Move> {};

TEST_P(WorkflowMoveTest, FollowsDraftReviewPublished) {
  const Move& move = GetParam();
  std::optional<FactCheck> previous;
  if (move.from) previous = Complete(*move.from);
  FactCheck next = Complete(move.to);
  next.change_note = move.change_note;
  absl::Status status = CheckRevision(previous, next, VerdictScale::Default());
  EXPECT_EQ(status.ok(), move.allowed) << status;
}

INSTANTIATE_TEST_SUITE_P(
    Moves, WorkflowMoveTest,
    ::testing::Values(
        Move{std::nullopt, FactCheckStatus::kDraft, "", true},
        Move{std::nullopt, FactCheckStatus::kInReview, "", false},
        Move{std::nullopt, FactCheckStatus::kPublished, "", false},
        Move{FactCheckStatus::kDraft, FactCheckStatus::kDraft, "", true},
        Move{FactCheckStatus::kDraft, FactCheckStatus::kInReview, "", true},
        Move{FactCheckStatus::kDraft, FactCheckStatus::kPublished, "", false},
        Move{FactCheckStatus::kInReview, FactCheckStatus::kDraft, "", true},
        Move{FactCheckStatus::kInReview, FactCheckStatus::kPublished, "", true},
        Move{FactCheckStatus::kPublished, FactCheckStatus::kPublished, "", false},
        Move{FactCheckStatus::kPublished, FactCheckStatus::kPublished, "Fixed the date.", true},
        Move{FactCheckStatus::kPublished, FactCheckStatus::kDraft, "Unpublish", false},
        Move{FactCheckStatus::kPublished, FactCheckStatus::kInReview, "Back", false}));

TEST(WorkflowTest, PublishingNeedsVerdictSummaryAndEvidence) {
  FactCheck previous = Complete(FactCheckStatus::kInReview);
  FactCheck without_evidence = Complete(FactCheckStatus::kPublished);
  without_evidence.evidence.clear();
  EXPECT_FALSE(CheckRevision(previous, without_evidence, VerdictScale::Default()).ok());
  FactCheck without_summary = Complete(FactCheckStatus::kPublished);
  without_summary.summary.clear();
  EXPECT_FALSE(CheckRevision(previous, without_summary, VerdictScale::Default()).ok());
}

TEST(WorkflowTest, VerdictMustBeOnTheScale) {
  FactCheck next = Complete(FactCheckStatus::kDraft);
  next.verdict = "pants-on-fire";
  absl::Status status = CheckRevision(std::nullopt, next, VerdictScale::Default());
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(status.message().find("omits-a-safeguard"), std::string::npos);
}

TEST(VerdictScaleTest, DefaultRatesBestHighest) {
  const VerdictScale& scale = VerdictScale::Default();
  ASSERT_EQ(scale.verdicts().size(), 8u);
  EXPECT_EQ(scale.Rating("accurate"), 8);
  EXPECT_EQ(scale.Rating("false"), 1);
  EXPECT_EQ(scale.Rating("unknown"), 0);
}

TEST(VerdictScaleTest, ParseNamesFileAndLine) {
  absl::StatusOr<VerdictScale> scale =
      VerdictScale::Parse("# ours\ntrue: holds\nhalf-true\nBad Name\n", "scale.txt");
  ASSERT_FALSE(scale.ok());
  EXPECT_NE(scale.status().message().find("scale.txt: line 4"), std::string::npos)
      << scale.status();
  absl::StatusOr<VerdictScale> good = VerdictScale::Parse("true: holds\nfalse\n", "scale.txt");
  ASSERT_TRUE(good.ok()) << good.status();
  EXPECT_EQ(good->Rating("true"), 2);
  EXPECT_FALSE(VerdictScale::Parse("true\ntrue\n", "s").ok());
}

TEST(FactCheckTest, NeedsReviewWhenAnyQuoteNoLongerHolds) {
  FactCheck fact_check = Complete(FactCheckStatus::kPublished);
  EXPECT_FALSE(NeedsReview(fact_check));
  fact_check.evidence[0].status = AnchorStatus::kMoved;
  EXPECT_FALSE(NeedsReview(fact_check));
  fact_check.evidence[0].status = AnchorStatus::kChanged;
  EXPECT_TRUE(NeedsReview(fact_check));
}

}  // namespace
}  // namespace tw::factcheck
