#include "compare/old_places.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace tw::compare {

bool IsMove(const ArticleChange& change) {
  return (change.moved || change.kind == ChangeKind::kMove) && change.old_position >= 0 &&
         change.new_position >= 0;
}

OldPlaces LocateOldPlaces(const Comparison& comparison) {
  const std::vector<ArticleChange>& changes = comparison.changes;
  // In-order units by old position; a moved unit's old place follows the last one before it.
  std::vector<std::pair<int, std::size_t>> anchors;
  for (std::size_t k = 0; k < changes.size(); ++k) {
    if (!IsMove(changes[k]) && changes[k].old_position >= 0) {
      anchors.emplace_back(changes[k].old_position, k);
    }
  }
  std::sort(anchors.begin(), anchors.end());
  OldPlaces places;
  places.after.resize(changes.size());
  for (std::size_t moved = 0; moved < changes.size(); ++moved) {
    if (!IsMove(changes[moved])) continue;
    const auto next = std::lower_bound(anchors.begin(), anchors.end(),
                                       std::make_pair(changes[moved].old_position, std::size_t{0}));
    (next == anchors.begin() ? places.at_start : places.after[std::prev(next)->second])
        .push_back(moved);
  }
  auto by_old_position = [&changes](std::size_t a, std::size_t b) {
    return changes[a].old_position < changes[b].old_position;
  };
  std::stable_sort(places.at_start.begin(), places.at_start.end(), by_old_position);
  for (std::vector<std::size_t>& slot : places.after) {
    std::stable_sort(slot.begin(), slot.end(), by_old_position);
  }
  return places;
}

const ArticleChange* UnitAtOldPosition(const Comparison& comparison, int old_position) {
  if (old_position < 0) return nullptr;
  for (const ArticleChange& change : comparison.changes) {
    if (change.old_position == old_position) return &change;
  }
  return nullptr;
}

}  // namespace tw::compare
