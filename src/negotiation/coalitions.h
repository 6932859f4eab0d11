// Coalition analysis from positions and recorded votes: how much every pair of actors agrees,
// which blocs that agreement forms, who the swing actors on a provision are, and what a vote on
// an amendment would give today under each majority rule — and what would flip it.
//
// Pure functions over plain values; deterministic (ties broken by actor id). Thread-safe.
#ifndef TREATYWATCH_NEGOTIATION_COALITIONS_H_
#define TREATYWATCH_NEGOTIATION_COALITIONS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "negotiation/records.h"
#include "negotiation/vote_tally.h"

namespace tw::negotiation {

// Each actor's latest stance on each subject (as of `as_of`, YYYY-MM-DD; empty = all history).
struct StanceMatrix {
  std::vector<std::string> actors;    // sorted ids
  std::vector<std::string> subjects;  // sorted
  std::vector<std::optional<Stance>> cells;  // actors.size() × subjects.size(), row-major
  const std::optional<Stance>& at(std::size_t actor, std::size_t subject) const {
    return cells[actor * subjects.size() + subject];
  }
};
StanceMatrix BuildStanceMatrix(const std::vector<Position>& positions, std::string_view as_of = {});

// Agreement between two actors in [0, 1]: the mean, over the subjects both took a stance on and
// the votes both cast yes/no/abstain in, of 1 − |a − b| / 2 where stances and ballots sit on one
// scale (support/yes +1, amend +0.5, neutral/abstain 0, reserve −0.5, oppose/no −1).
struct AgreementMatrix {
  std::vector<std::string> actors;  // union of the stance matrix's and the votes' actors, sorted
  std::vector<double> agreement;    // n × n; the diagonal is 1; NaN when nothing in common
  std::vector<int> common;          // n × n: how many items the pair shares
  double at(std::size_t a, std::size_t b) const { return agreement[a * actors.size() + b]; }
};
AgreementMatrix ComputeAgreement(const StanceMatrix& stances,
                                 const std::vector<RecordedVote>& votes);

// Average-linkage hierarchical clustering on distance 1 − agreement (pairs with nothing in
// common count as 0.5 apart), cut where the next merge would join clusters less than
// `min_agreement` alike.
struct Bloc {
  std::vector<std::string> actors;  // sorted
  double cohesion = 1;  // mean pairwise agreement inside the bloc (nothing in common as 0.5)
};
struct Clustering {
  std::vector<Bloc> blocs;          // largest first
  std::vector<std::string> order;   // every actor, in dendrogram leaf order (for heatmaps)
};
Clustering ClusterActors(const AgreementMatrix& agreement, double min_agreement = 0.6);

// Actors whose vote on `subject` is open: no stance, neutral, amend or reserve — ranked by how
// evenly their agreement is split between the subject's supporters and opponents (most swingable
// first).
struct SwingActor {
  std::string actor;
  std::optional<Stance> stance;
  double agreement_with_supporters = 0;  // mean; NaN when there are none
  double agreement_with_opponents = 0;
  double lean = 0;  // supporters − opponents (a NaN side as 0.5), in [−1, 1]; near 0 = swing
};
std::vector<SwingActor> SwingActors(const StanceMatrix& stances, const AgreementMatrix& agreement,
                                    std::string_view subject);

// A vote on an amendment to `subject`, projected from current stances: support → yes,
// oppose → no, neutral/reserve/amend → abstain; an actor with no stance follows its lean
// (|lean| ≥ `lean_threshold`), else abstains. Only `voters` vote (one ballot each, sorted by
// id); the rest of the `members` count as absent. Leans are SwingActor's (a side with no known
// agreement counts as 0.5).
struct ProjectedBallot {
  std::string actor;
  Ballot ballot = Ballot::kAbstain;
  bool inferred = false;  // no stated stance: the ballot (even an abstention) is from lean
};
struct VoteProjection {
  std::string subject;
  std::vector<ProjectedBallot> ballots;
  VoteTally tally;
  // Per rule: adopted or not, and the fewest actors who, switching, would flip the result —
  // the most likely first (abstainers and leaners closest to the other side; actors whose
  // stated stance put them on the winning side last). A switch is a vote for the other side.
  struct Outcome {
    MajorityRule rule = MajorityRule::kSimple;
    bool adopted = false;
    int switches_needed = 0;  // 0 when no set of switches can flip it
    std::vector<std::string> flippers;  // actor ids, switches_needed of them
  };
  std::vector<Outcome> outcomes;  // simple, two-thirds, membership
};
VoteProjection ProjectVote(const StanceMatrix& stances, const AgreementMatrix& agreement,
                           std::string_view subject, const std::vector<std::string>& voters,
                           int members, double lean_threshold = 0.25);

}  // namespace tw::negotiation

#endif  // TREATYWATCH_NEGOTIATION_COALITIONS_H_
