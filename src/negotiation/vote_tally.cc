#include "negotiation/vote_tally.h"

#include <algorithm>

namespace tw::negotiation {

std::string_view MajorityRuleName(MajorityRule rule) {
  switch (rule) {
    case MajorityRule::kSimple:
      return "simple";
    case MajorityRule::kTwoThirds:
      return "two-thirds";
    case MajorityRule::kMembership:
      return "membership";
  }
  return "simple";
}

VoteTally TallyVote(const RecordedVote& vote, int members) {
  VoteTally tally;
  int absent_ballots = 0;
  for (const BallotCast& cast : vote.ballots) {
    switch (cast.ballot) {
      case Ballot::kYes:
        ++tally.yes;
        break;
      case Ballot::kNo:
        ++tally.no;
        break;
      case Ballot::kAbstain:
        ++tally.abstain;
        break;
      case Ballot::kAbsent:
        ++absent_ballots;
        break;
    }
  }
  tally.members = std::max(members, 0);
  // A vote imported without its absent members still has them: whoever of the membership cast
  // no ballot was absent.
  tally.absent = std::max(absent_ballots, tally.members - tally.yes - tally.no - tally.abstain);
  tally.present_and_voting = tally.yes + tally.no;
  if (tally.present_and_voting > 0) {
    tally.yes_share_of_present_and_voting =
        static_cast<double>(tally.yes) / static_cast<double>(tally.present_and_voting);
  }
  if (tally.members > 0) {
    tally.yes_share_of_membership =
        static_cast<double>(tally.yes) / static_cast<double>(tally.members);
  }
  // Integer comparisons: "exactly two thirds" must not depend on rounding.
  tally.adopted_simple_majority = tally.yes > tally.no;
  tally.adopted_two_thirds =
      tally.present_and_voting > 0 && 3 * tally.yes >= 2 * tally.present_and_voting;
  // Without a membership there is no majority of it.
  tally.adopted_membership_majority = tally.members > 0 && 2 * tally.yes > tally.members;
  return tally;
}

bool Adopted(const VoteTally& tally, MajorityRule rule) {
  switch (rule) {
    case MajorityRule::kSimple:
      return tally.adopted_simple_majority;
    case MajorityRule::kTwoThirds:
      return tally.adopted_two_thirds;
    case MajorityRule::kMembership:
      return tally.adopted_membership_majority;
  }
  return false;
}

}  // namespace tw::negotiation
