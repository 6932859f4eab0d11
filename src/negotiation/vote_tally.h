// The count of a recorded vote and what it means under the UN's majority rules, so that
// "adopted with the support of a minority of Member States" can be checked with numbers.
//
// Rules of procedure of the General Assembly (rules 83, 85, 86): "members present and voting"
// are those casting yes or no; abstentions and absences do not count. Important questions need
// two thirds of the members present and voting, other questions a simple majority of them.
#ifndef TREATYWATCH_NEGOTIATION_VOTE_TALLY_H_
#define TREATYWATCH_NEGOTIATION_VOTE_TALLY_H_

#include "negotiation/records.h"

namespace tw::negotiation {

enum class MajorityRule {
  kSimple,         // yes > no
  kTwoThirds,      // yes >= 2/3 of (yes + no)
  kMembership,     // yes > half of the total membership (a stricter reading some claims use)
};
std::string_view MajorityRuleName(MajorityRule rule);  // "simple", "two-thirds", "membership"

struct VoteTally {
  int yes = 0;
  int no = 0;
  int abstain = 0;
  int absent = 0;
  int members = 0;             // total membership counted (193 for the UN)
  int present_and_voting = 0;  // yes + no
  double yes_share_of_present_and_voting = 0;  // 0..1; 0 when nobody voted yes or no
  double yes_share_of_membership = 0;          // 0..1
  bool adopted_simple_majority = false;
  bool adopted_two_thirds = false;
  bool adopted_membership_majority = false;
};

// `members`: the size of the body (the denominator for shares of membership).
VoteTally TallyVote(const RecordedVote& vote, int members);

bool Adopted(const VoteTally& tally, MajorityRule rule);

}  // namespace tw::negotiation

#endif  // TREATYWATCH_NEGOTIATION_VOTE_TALLY_H_
