#include "compare/increasing_run.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace tw::compare {
namespace {

using ::testing::ElementsAre;

TEST(IncreasingRunTest, InOrderIsAllKept) {
  EXPECT_THAT(HeaviestIncreasingRun({0, 1, 2, 3}, {1, 1, 1, 1}), ElementsAre(true, true, true, true));
}

TEST(IncreasingRunTest, OneArticleMovedForwardIsTheOnlyOneOut) {
  // Old article 30 now sits between 4 and 5.
  EXPECT_THAT(HeaviestIncreasingRun({3, 30, 4, 5, 6}, {1, 1, 1, 1, 1}),
              ElementsAre(true, false, true, true, true));
}

TEST(IncreasingRunTest, WeightsDecideBetweenEquallyShortExplanations) {
  // Swapping two neighbours: the lighter one is called moved.
  EXPECT_THAT(HeaviestIncreasingRun({1, 0}, {1000, 1500}), ElementsAre(false, true));
  EXPECT_THAT(HeaviestIncreasingRun({1, 0}, {1500, 1000}), ElementsAre(true, false));
}

TEST(IncreasingRunTest, EmptyInput) { EXPECT_TRUE(HeaviestIncreasingRun({}, {}).empty()); }

}  // namespace
}  // namespace tw::compare
