// Names of stances and ballots: what files and the CLI spell, in any case.
#include "negotiation/records.h"

#include <gtest/gtest.h>

namespace tw::negotiation {
namespace {

TEST(StanceTest, NamesRoundTrip) {
  for (Stance stance :
       {Stance::kSupport, Stance::kOppose, Stance::kAmend, Stance::kReserve, Stance::kNeutral}) {
    Stance parsed = Stance::kNeutral;
    ASSERT_TRUE(ParseStance(StanceName(stance), &parsed)) << StanceName(stance);
    EXPECT_EQ(parsed, stance);
  }
  EXPECT_EQ(StanceName(Stance::kAmend), "amend");
}

TEST(StanceTest, AnyCaseAndSurroundingSpaces) {
  Stance stance = Stance::kNeutral;
  EXPECT_TRUE(ParseStance("  OPPOSE\t", &stance));
  EXPECT_EQ(stance, Stance::kOppose);
  EXPECT_TRUE(ParseStance("Reserve", &stance));
  EXPECT_EQ(stance, Stance::kReserve);
}

TEST(StanceTest, RefusesOtherWords) {
  Stance stance = Stance::kSupport;
  for (const char* word : {"", "supports", "sup port", "against", "neutral!"}) {
    EXPECT_FALSE(ParseStance(word, &stance)) << word;
  }
  EXPECT_EQ(stance, Stance::kSupport);  // untouched on failure
}

TEST(BallotTest, NamesRoundTrip) {
  for (Ballot ballot : {Ballot::kYes, Ballot::kNo, Ballot::kAbstain, Ballot::kAbsent}) {
    Ballot parsed = Ballot::kAbsent;
    ASSERT_TRUE(ParseBallot(BallotName(ballot), &parsed)) << BallotName(ballot);
    EXPECT_EQ(parsed, ballot);
  }
  EXPECT_EQ(BallotName(Ballot::kAbstain), "abstain");
}

TEST(BallotTest, AnyCaseAndSurroundingSpaces) {
  Ballot ballot = Ballot::kAbsent;
  EXPECT_TRUE(ParseBallot(" Yes ", &ballot));
  EXPECT_EQ(ballot, Ballot::kYes);
  EXPECT_TRUE(ParseBallot("NO", &ballot));
  EXPECT_EQ(ballot, Ballot::kNo);
  EXPECT_TRUE(ParseBallot("aBsTaIn\r", &ballot));
  EXPECT_EQ(ballot, Ballot::kAbstain);
}

TEST(BallotTest, RefusesOtherWords) {
  Ballot ballot = Ballot::kYes;
  for (const char* word : {"", "maybe", "y", "abstention", "non-voting", "yes no"}) {
    EXPECT_FALSE(ParseBallot(word, &ballot)) << word;
  }
  EXPECT_EQ(ballot, Ballot::kYes);
}

}  // namespace
}  // namespace tw::negotiation
