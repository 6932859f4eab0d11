// SwingActors (coalitions.h): the open actors on a subject, most evenly split first.
#include <algorithm>
#include <cmath>
#include <string_view>
#include <vector>

#include "negotiation/coalitions.h"
#include "negotiation/side_lean.h"

namespace tw::negotiation {

std::vector<SwingActor> SwingActors(const StanceMatrix& stances, const AgreementMatrix& agreement,
                                    std::string_view subject) {
  const std::vector<SideLean> leans = SideLeans(stances, agreement, subject);
  std::vector<SwingActor> swing;
  // agreement.actors is sorted, so a stable sort on |lean| leaves ties in actor id order.
  for (std::size_t a = 0; a < leans.size(); ++a) {
    const SideLean& lean = leans[a];
    if (lean.stance == Stance::kSupport || lean.stance == Stance::kOppose) continue;
    swing.push_back({agreement.actors[a], lean.stance, lean.agreement_with_supporters,
                     lean.agreement_with_opponents, lean.lean});
  }
  std::stable_sort(swing.begin(), swing.end(), [](const SwingActor& a, const SwingActor& b) {
    return std::abs(a.lean) < std::abs(b.lean);
  });
  return swing;
}

}  // namespace tw::negotiation
