// How every actor of an agreement matrix leans on one subject: its mean agreement with the
// actors that support the subject and with those that oppose it. Shared by SwingActors (who is
// open) and ProjectVote (how the silent would vote, who is likeliest to switch); see
// coalitions.h. Pure function; thread-safe.
#ifndef TREATYWATCH_NEGOTIATION_SIDE_LEAN_H_
#define TREATYWATCH_NEGOTIATION_SIDE_LEAN_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "negotiation/coalitions.h"

namespace tw::negotiation {

struct SideLean {
  std::optional<Stance> stance;          // on the subject, from the stance matrix
  double agreement_with_supporters = 0;  // mean over the other supporters; NaN when none known
  double agreement_with_opponents = 0;   // likewise over the opponents
  // supporters − opponents in [−1, 1]; a side with no known agreement counts as 0.5 (the
  // distance the clustering gives pairs with nothing in common), so actors who agree with
  // the only side that exists lean to it.
  double lean = 0;
};

// One entry per agreement.actors, in that order. An actor absent from the stance matrix, or a
// subject absent from it, means no stance.
std::vector<SideLean> SideLeans(const StanceMatrix& stances, const AgreementMatrix& agreement,
                                std::string_view subject);

// The stance of `actor` on `subject` in the matrix, if any.
std::optional<Stance> StanceOf(const StanceMatrix& stances, std::string_view actor,
                               std::string_view subject);

}  // namespace tw::negotiation

#endif  // TREATYWATCH_NEGOTIATION_SIDE_LEAN_H_
