// The count of a recorded vote under the General Assembly's majority rules: boundaries first.
#include "negotiation/vote_tally.h"

#include <gtest/gtest.h>

#include <string>

namespace tw::negotiation {
namespace {

RecordedVote MakeVote(int yes, int no, int abstain, int absent) {
  RecordedVote vote;
  int n = 0;
  const auto add = [&](int count, Ballot ballot) {
    for (int i = 0; i < count; ++i) vote.ballots.push_back({"S" + std::to_string(n++), ballot});
  };
  add(yes, Ballot::kYes);
  add(no, Ballot::kNo);
  add(abstain, Ballot::kAbstain);
  add(absent, Ballot::kAbsent);
  return vote;
}

struct TallyCase {
  const char* name;
  int yes, no, abstain, absent, members;
  int want_absent;
  double want_share_present, want_share_members;
  bool simple, two_thirds, membership;
};

class TallyTest : public testing::TestWithParam<TallyCase> {};

TEST_P(TallyTest, CountsSharesAndRules) {
  const TallyCase& c = GetParam();
  const VoteTally t = TallyVote(MakeVote(c.yes, c.no, c.abstain, c.absent), c.members);
  EXPECT_EQ(t.yes, c.yes);
  EXPECT_EQ(t.no, c.no);
  EXPECT_EQ(t.abstain, c.abstain);
  EXPECT_EQ(t.absent, c.want_absent);
  EXPECT_EQ(t.members, c.members);
  EXPECT_EQ(t.present_and_voting, c.yes + c.no);
  EXPECT_NEAR(t.yes_share_of_present_and_voting, c.want_share_present, 1e-9);
  EXPECT_NEAR(t.yes_share_of_membership, c.want_share_members, 1e-9);
  EXPECT_EQ(t.adopted_simple_majority, c.simple);
  EXPECT_EQ(t.adopted_two_thirds, c.two_thirds);
  EXPECT_EQ(t.adopted_membership_majority, c.membership);
  EXPECT_EQ(Adopted(t, MajorityRule::kSimple), c.simple);
  EXPECT_EQ(Adopted(t, MajorityRule::kTwoThirds), c.two_thirds);
  EXPECT_EQ(Adopted(t, MajorityRule::kMembership), c.membership);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, TallyTest,
    testing::Values(
        // The numbers of A/RES/74/247 (the real file is read in record_import_test).
        TallyCase{"res_74_247", 79, 60, 33, 21, 193, 21, 79.0 / 139, 79.0 / 193, true, false,
                  false},
        TallyCase{"tie", 50, 50, 20, 73, 193, 73, 0.5, 50.0 / 193, false, false, false},
        TallyCase{"everyone_abstains", 0, 0, 193, 0, 193, 0, 0, 0, false, false, false},
        TallyCase{"nobody_votes", 0, 0, 0, 193, 193, 193, 0, 0, false, false, false},
        TallyCase{"unanimous", 193, 0, 0, 0, 193, 0, 1, 1, true, true, true},
        // 100 of 150 present and voting is exactly two thirds: adopted; 99 of 149 is not.
        TallyCase{"two_thirds_exactly", 100, 50, 10, 33, 193, 33, 100.0 / 150, 100.0 / 193, true,
                  true, true},
        TallyCase{"two_thirds_one_short", 99, 50, 11, 33, 193, 33, 99.0 / 149, 99.0 / 193, true,
                  false, true},
        // Half of 193 is 96.5: 97 is a majority of the membership, 96 is not.
        TallyCase{"membership_97", 97, 0, 96, 0, 193, 0, 1, 97.0 / 193, true, true, true},
        TallyCase{"membership_96", 96, 1, 96, 0, 193, 0, 96.0 / 97, 96.0 / 193, true, true, false},
        // An even membership: exactly half is not more than half.
        TallyCase{"membership_half_of_even", 5, 0, 5, 0, 10, 0, 1, 0.5, true, true, false},
        // Ballots missing from the vote are absences of the membership.
        TallyCase{"absent_not_listed", 79, 60, 33, 0, 193, 21, 79.0 / 139, 79.0 / 193, true, false,
                  false},
        TallyCase{"no_membership", 3, 1, 0, 0, 0, 0, 0.75, 0, true, true, false}),
    [](const testing::TestParamInfo<TallyCase>& info) { return std::string(info.param.name); });

TEST(MajorityRuleTest, Names) {
  EXPECT_EQ(MajorityRuleName(MajorityRule::kSimple), "simple");
  EXPECT_EQ(MajorityRuleName(MajorityRule::kTwoThirds), "two-thirds");
  EXPECT_EQ(MajorityRuleName(MajorityRule::kMembership), "membership");
}

}  // namespace
}  // namespace tw::negotiation
