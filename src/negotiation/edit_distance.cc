#include "negotiation/edit_distance.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace tw::negotiation {

int BoundedEditDistance(std::string_view a, std::string_view b, int bound) {
  a = a.substr(0, kMaxEditDistanceLength);
  b = b.substr(0, kMaxEditDistanceLength);
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());
  bound = std::max(bound, 0);
  if (std::abs(n - m) > bound) return bound + 1;
  // Three rows: the one before the previous is needed for transpositions.
  std::vector<int> before(m + 1), previous(m + 1), current(m + 1);
  for (int j = 0; j <= m; ++j) previous[j] = j;
  for (int i = 1; i <= n; ++i) {
    current[0] = i;
    int row_min = current[0];
    for (int j = 1; j <= m; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int d = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d = std::min(d, before[j - 2] + 1);
      }
      current[j] = d;
      row_min = std::min(row_min, d);
    }
    // Every path to the end goes through this row, and costs never decrease along a path.
    if (row_min > bound) return bound + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[m], bound + 1);
}

}  // namespace tw::negotiation
