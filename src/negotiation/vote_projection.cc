// ProjectVote (coalitions.h): today's stances turned into ballots, the tally under each rule,
// and the fewest switches that would flip each result.
//
// Why the search below is exact. Say the projection is adopted under a rule (the other case is
// the mirror image, with yes and no exchanged). A voter can help reject it in two ways:
//   A: a yes voter votes no       (yes − 1, no + 1)
//   B: an abstainer votes no      (no + 1)
// (a yes voter abstaining, yes − 1, is never better than voting no.) Every rule of
// vote_tally.h is monotone: fewer yes or more no never turns a rejection into an adoption. So
// the outcome after a A-switches and b B-switches depends only on (a, b), and an A-switch does
// at least what a B-switch does (its yes − 1 comes on top of the same no + 1). Hence
//   1. with k switches, the best split takes as many A as exist: a = min(k, |A|), and the
//      smallest k whose best split flips the result is the minimum; since adding a switch never
//      hurts, "the best split of k flips" is monotone in k and a binary search finds it;
//   2. among splits of that k, those that flip are exactly a ≥ a_min for some a_min (again by
//      dominance, monotone in a), found by binary search too;
//   3. so any k voters with at most k − a_min abstainers flip it, and taking candidates in
//      likelihood order while keeping within that cap gives the likeliest such set (a greedy
//      choice under a cap on one group is optimal: exchanging a taken voter for a skipped,
//      likelier one of the same group never breaks the cap).
// If even all A and B switching does not flip it (e.g. too few voters for a majority of the
// membership), no set does: switches_needed is 0. The rule itself is TallyVote's, applied to the
// projected vote with the switches made, so the projection can never disagree with a tally.
// Binary searches keep the cost at O(voters · log voters) per rule, whatever the input size.
#include <algorithm>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "negotiation/coalitions.h"
#include "negotiation/side_lean.h"

namespace tw::negotiation {
namespace {

constexpr MajorityRule kRules[] = {MajorityRule::kSimple, MajorityRule::kTwoThirds,
                                   MajorityRule::kMembership};

struct Voter {
  std::size_t ballot;  // index in the projected vote
  double lean;         // toward yes, in [−1, 1]
  bool stated;         // the ballot follows a stated support or oppose
};

// The switches that flip the outcome under `rule`, likeliest first.
VoteProjection::Outcome FlipOutcome(RecordedVote& vote, const std::vector<Voter>& voters,
                                    int members, MajorityRule rule) {
  VoteProjection::Outcome outcome;
  outcome.rule = rule;
  outcome.adopted = Adopted(TallyVote(vote, members), rule);
  const Ballot from = outcome.adopted ? Ballot::kYes : Ballot::kNo;
  const Ballot to = outcome.adopted ? Ballot::kNo : Ballot::kYes;
  const double toward = outcome.adopted ? -1.0 : 1.0;

  // Likeliest to move first: not holding a stated stance for the current side, then leaning
  // furthest toward the target side, then by actor id (the vote's ballots are sorted by id).
  std::vector<Voter> candidates;
  for (const Voter& voter : voters) {
    const Ballot ballot = vote.ballots[voter.ballot].ballot;
    if (ballot == from || ballot == Ballot::kAbstain) candidates.push_back(voter);
  }
  std::stable_sort(candidates.begin(), candidates.end(), [&](const Voter& a, const Voter& b) {
    const bool a_held = a.stated && vote.ballots[a.ballot].ballot == from;
    const bool b_held = b.stated && vote.ballots[b.ballot].ballot == from;
    return std::make_tuple(a_held, -toward * a.lean) < std::make_tuple(b_held, -toward * b.lean);
  });
  std::vector<std::size_t> group_a;  // on the current side
  std::vector<std::size_t> group_b;  // abstaining
  for (const Voter& voter : candidates) {
    (vote.ballots[voter.ballot].ballot == from ? group_a : group_b).push_back(voter.ballot);
  }

  // Does switching the first `a` of A and the first `b` of B flip the outcome? (Only the counts
  // matter to the rule.)
  auto flips = [&](std::size_t a, std::size_t b) {
    for (std::size_t i = 0; i < a; ++i) vote.ballots[group_a[i]].ballot = to;
    for (std::size_t i = 0; i < b; ++i) vote.ballots[group_b[i]].ballot = to;
    const bool flipped = Adopted(TallyVote(vote, members), rule) != outcome.adopted;
    for (std::size_t i = 0; i < a; ++i) vote.ballots[group_a[i]].ballot = from;
    for (std::size_t i = 0; i < b; ++i) vote.ballots[group_b[i]].ballot = Ballot::kAbstain;
    return flipped;
  };
  auto best_split_flips = [&](std::size_t k) {
    const std::size_t a = std::min(k, group_a.size());
    return flips(a, k - a);
  };

  const std::size_t most = group_a.size() + group_b.size();
  if (most == 0 || !best_split_flips(most)) return outcome;
  std::size_t low = 1;  // smallest k whose best split flips
  std::size_t high = most;
  while (low < high) {
    const std::size_t mid = low + (high - low) / 2;
    if (best_split_flips(mid)) {
      high = mid;
    } else {
      low = mid + 1;
    }
  }
  const std::size_t k = low;
  std::size_t a_low = k > group_b.size() ? k - group_b.size() : 0;  // smallest a that flips
  std::size_t a_high = std::min(k, group_a.size());
  while (a_low < a_high) {
    const std::size_t mid = a_low + (a_high - a_low) / 2;
    if (flips(mid, k - mid)) {
      a_high = mid;
    } else {
      a_low = mid + 1;
    }
  }
  const std::size_t max_abstainers = k - a_low;

  std::size_t abstainers = 0;
  for (const Voter& voter : candidates) {
    if (outcome.flippers.size() == k) break;
    const bool abstaining = vote.ballots[voter.ballot].ballot == Ballot::kAbstain;
    if (abstaining && abstainers == max_abstainers) continue;
    abstainers += abstaining ? 1 : 0;
    outcome.flippers.push_back(vote.ballots[voter.ballot].actor);
  }
  outcome.switches_needed = static_cast<int>(k);
  return outcome;
}

}  // namespace

VoteProjection ProjectVote(const StanceMatrix& stances, const AgreementMatrix& agreement,
                           std::string_view subject, const std::vector<std::string>& voters,
                           int members, double lean_threshold) {
  VoteProjection projection;
  projection.subject = std::string(subject);
  const std::vector<SideLean> leans = SideLeans(stances, agreement, subject);

  std::vector<std::string> ids = voters;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  RecordedVote vote;
  std::vector<Voter> by_ballot;
  for (const std::string& id : ids) {
    const auto row = std::lower_bound(agreement.actors.begin(), agreement.actors.end(), id);
    const bool known = row != agreement.actors.end() && *row == id;
    const double lean = known ? leans[row - agreement.actors.begin()].lean : 0.0;
    const std::optional<Stance> stance = StanceOf(stances, id, subject);

    ProjectedBallot ballot;
    ballot.actor = id;
    if (stance == Stance::kSupport) {
      ballot.ballot = Ballot::kYes;
    } else if (stance == Stance::kOppose) {
      ballot.ballot = Ballot::kNo;
    } else if (stance) {
      ballot.ballot = Ballot::kAbstain;
    } else {
      ballot.inferred = true;
      ballot.ballot = lean >= lean_threshold    ? Ballot::kYes
                      : lean <= -lean_threshold ? Ballot::kNo
                                                : Ballot::kAbstain;
    }
    by_ballot.push_back({vote.ballots.size(), lean, !ballot.inferred});
    vote.ballots.push_back({id, ballot.ballot});
    projection.ballots.push_back(std::move(ballot));
  }
  projection.tally = TallyVote(vote, members);
  for (MajorityRule rule : kRules) {
    projection.outcomes.push_back(FlipOutcome(vote, by_ballot, members, rule));
  }
  return projection;
}

}  // namespace tw::negotiation
