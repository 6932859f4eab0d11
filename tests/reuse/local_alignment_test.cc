// The scalar reference: scores worked out by hand for the scoring of alignment_scoring.h, and
// the boundaries the traceback gives.
#include "reuse/local_alignment.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

#include "reuse/alignment_scoring.h"

namespace tw::reuse {
namespace {

using Ids = std::vector<std::uint32_t>;

TEST(LocalAlignment, NothingInCommonScoresZeroWithAnEmptySpan) {
  const AlignedSpan span = AlignLocally(Ids{1, 2, 3}, Ids{4, 5, 6});
  EXPECT_EQ(span.score, 0);
  EXPECT_EQ(span.a_begin, span.a_end);
  EXPECT_EQ(LocalAlignmentScore(Ids{1, 2, 3}, Ids{4, 5, 6}), 0);
  EXPECT_EQ(LocalAlignmentScore(Ids{}, Ids{4, 5, 6}), 0);
}

TEST(LocalAlignment, ACopiedRunIsFoundWhereItSits) {
  // a: 9 9 [1 2 3 4] 9   b: 7 [1 2 3 4] 7 7
  const AlignedSpan span = AlignLocally(Ids{9, 9, 1, 2, 3, 4, 9}, Ids{7, 1, 2, 3, 4, 7, 7});
  EXPECT_EQ(span.score, 4 * kMatch);
  EXPECT_EQ(span.a_begin, 2);
  EXPECT_EQ(span.a_end, 6);
  EXPECT_EQ(span.b_begin, 1);
  EXPECT_EQ(span.b_end, 5);
  EXPECT_EQ(span.matches, 4);
}

TEST(LocalAlignment, OneSubstitutedWordKeepsThePassageWhole) {
  // 1 2 3 4 5 6 vs 1 2 3 X 5 6: five matches and a mismatch beat either half alone.
  const Ids a{1, 2, 3, 4, 5, 6};
  const Ids b{1, 2, 3, 8, 5, 6};
  const AlignedSpan span = AlignLocally(a, b);
  EXPECT_EQ(span.score, 5 * kMatch + kMismatch);
  EXPECT_EQ(span.a_begin, 0);
  EXPECT_EQ(span.a_end, 6);
  EXPECT_EQ(span.matches, 5);
}

TEST(LocalAlignment, AnInsertedClauseCostsOneOpeningAndItsExtensions) {
  // b has three words inserted in the middle of a's eight.
  const Ids a{1, 2, 3, 4, 5, 6, 7, 8};
  const Ids b{1, 2, 3, 4, 20, 21, 22, 5, 6, 7, 8};
  const AlignedSpan span = AlignLocally(a, b);
  EXPECT_EQ(span.score, 8 * kMatch - kGapOpen - 2 * kGapExtend);
  EXPECT_EQ(span.b_begin, 0);
  EXPECT_EQ(span.b_end, 11);
  EXPECT_EQ(span.matches, 8);
  EXPECT_EQ(LocalAlignmentScore(a, b), span.score);
  EXPECT_EQ(LocalAlignmentScore(b, a), span.score);  // deletions cost what insertions cost
}

TEST(LocalAlignment, TiesKeepTheFirstBestCell) {
  // The same run twice in b: the alignment ends at its first copy.
  const AlignedSpan span = AlignLocally(Ids{1, 2, 3}, Ids{1, 2, 3, 9, 9, 9, 9, 1, 2, 3});
  EXPECT_EQ(span.score, 3 * kMatch);
  EXPECT_EQ(span.b_begin, 0);
  EXPECT_EQ(span.b_end, 3);
}

TEST(LocalAlignment, ABandHoldingTheAlignmentChangesNothing) {
  // Random pairs sharing a reworded run on the diagonal j - i = 5, aligned in a band around it
  // and in the whole matrix, one after the other (the traceback memory is reused between calls).
  std::mt19937 random(3);
  for (int round = 0; round < 200; ++round) {
    Ids a(40 + random() % 60);
    Ids b(a.size() + 10);
    for (auto& id : a) id = random() % 50;
    for (auto& id : b) id = random() % 50;
    for (std::size_t k = 10; k + 10 < a.size(); ++k) {
      if (random() % 6 != 0) b[k + 5] = a[k];
    }
    const AlignedSpan whole = AlignLocally(a, b);
    const AlignedSpan banded = AlignLocally(a, b, {5 - 12, 5 + 12});
    ASSERT_EQ(banded.score, whole.score) << round;
    EXPECT_EQ(banded.a_begin, whole.a_begin) << round;
    EXPECT_EQ(banded.a_end, whole.a_end) << round;
    EXPECT_EQ(banded.b_begin, whole.b_begin) << round;
    EXPECT_EQ(banded.b_end, whole.b_end) << round;
    EXPECT_EQ(banded.matches, whole.matches) << round;
  }
}

TEST(LocalAlignment, ABandLeavesOutWhatLiesOffItsDiagonals) {
  // The run sits on diagonal j - i = 20; a band around the main diagonal cannot reach it, and
  // one around 20 finds it exactly.
  Ids a(30, 7);
  Ids b(60, 8);
  for (int k = 0; k < 10; ++k) a[5 + k] = b[25 + k] = 100 + k;
  EXPECT_EQ(AlignLocally(a, b, {-5, 5}).score, 0);
  const AlignedSpan found = AlignLocally(a, b, {15, 25});
  EXPECT_EQ(found.score, 10 * kMatch);
  EXPECT_EQ(found.a_begin, 5);
  EXPECT_EQ(found.b_begin, 25);
  EXPECT_EQ(found.matches, 10);
  // A band entirely outside the matrix, on either side.
  EXPECT_EQ(AlignLocally(a, b, {100, 120}).score, 0);
  EXPECT_EQ(AlignLocally(a, b, {-120, -100}).score, 0);
}

}  // namespace
}  // namespace tw::reuse
