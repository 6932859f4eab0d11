#include "compare/increasing_run.h"

#include <algorithm>

namespace tw::compare {
namespace {

// Fenwick tree of (best total weight, index of the element ending it) over value ranks.
class PrefixMax {
 public:
  explicit PrefixMax(std::size_t size) : tree_(size + 1, {0, -1}) {}

  void Update(std::size_t rank, std::int64_t weight, int element) {
    for (std::size_t at = rank + 1; at < tree_.size(); at += at & (~at + 1)) {
      if (weight > tree_[at].first) tree_[at] = {weight, element};
    }
  }

  // Best over ranks [0, rank).
  std::pair<std::int64_t, int> Query(std::size_t rank) const {
    std::pair<std::int64_t, int> best{0, -1};
    for (std::size_t at = rank; at > 0; at -= at & (~at + 1)) {
      if (tree_[at].first > best.first) best = tree_[at];
    }
    return best;
  }

 private:
  std::vector<std::pair<std::int64_t, int>> tree_;
};

}  // namespace

std::vector<bool> HeaviestIncreasingRun(const std::vector<int>& old_positions,
                                        const std::vector<std::int64_t>& weights) {
  const std::size_t n = old_positions.size();
  std::vector<bool> in_run(n, false);
  if (n == 0) return in_run;
  std::vector<int> sorted = old_positions;
  std::sort(sorted.begin(), sorted.end());
  PrefixMax prefix(n);
  std::vector<int> previous(n, -1);
  std::vector<std::int64_t> total(n, 0);
  int best_end = -1;
  std::int64_t best_total = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const auto rank = static_cast<std::size_t>(
        std::lower_bound(sorted.begin(), sorted.end(), old_positions[k]) - sorted.begin());
    const auto [before, element] = prefix.Query(rank);
    total[k] = before + weights[k];
    previous[k] = element;
    prefix.Update(rank, total[k], static_cast<int>(k));
    if (total[k] > best_total) {
      best_total = total[k];
      best_end = static_cast<int>(k);
    }
  }
  for (int at = best_end; at >= 0; at = previous[static_cast<std::size_t>(at)]) {
    in_run[static_cast<std::size_t>(at)] = true;
  }
  return in_run;
}

}  // namespace tw::compare
