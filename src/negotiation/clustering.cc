// ClusterActors (coalitions.h): UPGMA — average-linkage agglomerative clustering.
//
// Every actor starts as its own cluster; the two clusters with the smallest average distance
// (1 − agreement, 0.5 for pairs with nothing in common) merge, until one is left. After a merge
// of i and j the distance from any k to the union is the size-weighted mean of its distances to
// i and j (the Lance–Williams update for average linkage), so the matrix is updated in O(n)
// instead of re-averaging all member pairs. Average linkage never merges at a smaller distance
// than an earlier merge, so "cut where the next merge would join clusters less than
// min_agreement alike" is one point in the merge sequence: the clusters alive at that point are
// the blocs. Merging continues past the cut only to give the dendrogram's leaf order, in which
// every bloc is a contiguous run (a subtree's leaves are contiguous), so a heatmap in that order
// shows blocs as squares on the diagonal.
//
// Determinism: a cluster lives in the slot of its first (smallest-id) actor, and a merge keeps
// the lower slot, so scanning slot pairs (i < j) in order and taking strictly smaller distances
// breaks ties by the smallest actor ids; the lower slot's leaves come first in the order.
// Cost: n merges × a scan of the live pairs, n³/6 ≈ 1.2M steps for 195 actors.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "negotiation/coalitions.h"

namespace tw::negotiation {
namespace {

// Pairs with nothing in common are half-way apart: neither allies nor opponents.
constexpr double kUnknownDistance = 0.5;
// A merge whose average agreement equals min_agreement up to rounding of the running averages
// still happens.
constexpr double kTolerance = 1e-9;

double Distance(const AgreementMatrix& agreement, std::size_t a, std::size_t b) {
  if (a == b) return 0;
  const double value = agreement.at(a, b);
  return std::isnan(value) ? kUnknownDistance : 1.0 - value;
}

Bloc MakeBloc(const AgreementMatrix& agreement, std::vector<std::size_t> members) {
  std::sort(members.begin(), members.end());
  Bloc bloc;
  double sum = 0;
  std::size_t pairs = 0;
  for (std::size_t x = 0; x < members.size(); ++x) {
    bloc.actors.push_back(agreement.actors[members[x]]);
    for (std::size_t y = x + 1; y < members.size(); ++y) {
      sum += 1.0 - Distance(agreement, members[x], members[y]);
      ++pairs;
    }
  }
  bloc.cohesion = pairs == 0 ? 1.0 : sum / static_cast<double>(pairs);
  return bloc;
}

}  // namespace

Clustering ClusterActors(const AgreementMatrix& agreement, double min_agreement) {
  const std::size_t n = agreement.actors.size();
  Clustering result;
  if (n == 0) return result;

  std::vector<double> distance(n * n);
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = 0; b < n; ++b) distance[a * n + b] = Distance(agreement, a, b);
  }
  std::vector<std::vector<std::size_t>> leaves(n);  // per slot, in dendrogram order
  for (std::size_t a = 0; a < n; ++a) leaves[a] = {a};
  std::vector<std::size_t> live(n);  // live slots, ascending
  for (std::size_t a = 0; a < n; ++a) live[a] = a;

  std::vector<std::vector<std::size_t>> blocs;
  bool cut = false;
  while (live.size() > 1) {
    std::size_t best_i = 0;
    std::size_t best_j = 0;
    double best = 0;
    bool found = false;
    for (std::size_t x = 0; x < live.size(); ++x) {
      const double* row = distance.data() + live[x] * n;
      for (std::size_t y = x + 1; y < live.size(); ++y) {
        if (!found || row[live[y]] < best) {
          best = row[live[y]];
          best_i = live[x];
          best_j = live[y];
          found = true;
        }
      }
    }
    if (!cut && 1.0 - best < min_agreement - kTolerance) {
      for (std::size_t slot : live) blocs.push_back(leaves[slot]);
      cut = true;
    }
    const double size_i = static_cast<double>(leaves[best_i].size());
    const double size_j = static_cast<double>(leaves[best_j].size());
    for (std::size_t k : live) {
      if (k == best_i || k == best_j) continue;
      const double merged =
          (size_i * distance[best_i * n + k] + size_j * distance[best_j * n + k]) /
          (size_i + size_j);
      distance[best_i * n + k] = distance[k * n + best_i] = merged;
    }
    leaves[best_i].insert(leaves[best_i].end(), leaves[best_j].begin(), leaves[best_j].end());
    leaves[best_j].clear();
    live.erase(std::find(live.begin(), live.end(), best_j));
  }
  if (!cut) blocs.push_back(leaves[live.front()]);

  for (std::size_t leaf : leaves[live.front()]) result.order.push_back(agreement.actors[leaf]);
  for (std::vector<std::size_t>& members : blocs) {
    result.blocs.push_back(MakeBloc(agreement, std::move(members)));
  }
  std::sort(result.blocs.begin(), result.blocs.end(), [](const Bloc& a, const Bloc& b) {
    if (a.actors.size() != b.actors.size()) return a.actors.size() > b.actors.size();
    return a.actors.front() < b.actors.front();
  });
  return result;
}

}  // namespace tw::negotiation
