#include "negotiation/side_lean.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace tw::negotiation {
namespace {

constexpr double kUnknownAgreement = 0.5;

// Index of `name` in a sorted list, or list.size() when missing.
std::size_t Find(const std::vector<std::string>& sorted, std::string_view name) {
  const auto at = std::lower_bound(sorted.begin(), sorted.end(), name,
                                   [](const std::string& a, std::string_view b) { return a < b; });
  return at != sorted.end() && *at == name ? static_cast<std::size_t>(at - sorted.begin())
                                           : sorted.size();
}

// Mean agreement of `actor` with `side`, skipping itself and pairs with nothing in common.
double MeanAgreement(const AgreementMatrix& agreement, std::size_t actor,
                     const std::vector<std::size_t>& side) {
  double sum = 0;
  int count = 0;
  for (std::size_t other : side) {
    if (other == actor) continue;
    const double value = agreement.at(actor, other);
    if (std::isnan(value)) continue;
    sum += value;
    ++count;
  }
  return count == 0 ? std::numeric_limits<double>::quiet_NaN() : sum / count;
}

}  // namespace

std::optional<Stance> StanceOf(const StanceMatrix& stances, std::string_view actor,
                               std::string_view subject) {
  const std::size_t row = Find(stances.actors, actor);
  const std::size_t column = Find(stances.subjects, subject);
  if (row == stances.actors.size() || column == stances.subjects.size()) return std::nullopt;
  return stances.at(row, column);
}

std::vector<SideLean> SideLeans(const StanceMatrix& stances, const AgreementMatrix& agreement,
                                std::string_view subject) {
  const std::size_t n = agreement.actors.size();
  std::vector<SideLean> leans(n);
  std::vector<std::size_t> supporters;
  std::vector<std::size_t> opponents;
  for (std::size_t a = 0; a < n; ++a) {
    leans[a].stance = StanceOf(stances, agreement.actors[a], subject);
    if (leans[a].stance == Stance::kSupport) supporters.push_back(a);
    if (leans[a].stance == Stance::kOppose) opponents.push_back(a);
  }
  for (std::size_t a = 0; a < n; ++a) {
    SideLean& lean = leans[a];
    lean.agreement_with_supporters = MeanAgreement(agreement, a, supporters);
    lean.agreement_with_opponents = MeanAgreement(agreement, a, opponents);
    const double for_side = std::isnan(lean.agreement_with_supporters)
                                ? kUnknownAgreement
                                : lean.agreement_with_supporters;
    const double against_side = std::isnan(lean.agreement_with_opponents)
                                    ? kUnknownAgreement
                                    : lean.agreement_with_opponents;
    lean.lean = for_side - against_side;
  }
  return leans;
}

}  // namespace tw::negotiation
