// Similarity of two units: a Smith-Waterman local alignment (Gotoh's affine gaps) over
// weighted word ids, read as containment both ways — the share of each unit's weight the
// alignment covers. Containment, not a symmetric ratio, is what finds the parts of a split
// article (each part is contained in its source) and the sources of a joined one.
//
// Two shortcuts keep the quadratic alignment for the pairs that need it:
//   * a weighted bag-of-words overlap bounds the alignment score from above; a pair whose bound
//     cannot reach kNegligibleContainment either way is scored by the bound and not aligned;
//   * the histogram diff of the two word sequences is itself an alignment, scored with the same
//     weights and penalties (its best local stretch, as Smith-Waterman would keep); when that
//     already covers kDiffGoodEnough of both units — reworded, renumbered, moved articles, the
//     bulk of any chain — no better alignment matters and it is taken.
//
// Pure; O(n·m) time and O(m) memory for the pairs that are aligned, near-linear for the others.
#ifndef TREATYWATCH_COMPARE_SIMILARITY_H_
#define TREATYWATCH_COMPARE_SIMILARITY_H_

#include <algorithm>
#include <cstdint>

#include "compare/token_weights.h"

namespace tw::compare {

struct Similarity {
  std::int64_t score = 0;
  double old_in_new = 0;  // share of the old unit's weight inside the alignment
  double new_in_old = 0;

  // The 1:1 score: both units must be mostly inside each other.
  double Mutual() const { return std::min(old_in_new, new_in_old); }
  double Best() const { return std::max(old_in_new, new_in_old); }
};

inline constexpr std::int32_t kMismatchPenalty = kWeightScale / 2;
inline constexpr std::int32_t kGapOpenPenalty = 2 * kWeightScale;
inline constexpr std::int32_t kGapExtendPenalty = kWeightScale / 8;

inline constexpr double kNegligibleContainment = 0.2;
inline constexpr double kDiffGoodEnough = 0.5;

std::int64_t LocalAlignmentScore(const WeightedWords& a, const WeightedWords& b);

// Upper bound of LocalAlignmentScore: matched weight of the common words, ignoring order.
std::int64_t BagOverlapScore(const WeightedWords& a, const WeightedWords& b);

// The score of the histogram diff's alignment: at most LocalAlignmentScore.
std::int64_t DiffAlignmentScore(const WeightedWords& a, const WeightedWords& b);

// What is known without aligning: exact for identical units and for pairs whose bag overlap
// rules out any containment that matters; else `upper` bounds the similarity from above.
struct SimilarityEstimate {
  Similarity lower;
  Similarity upper;
  bool exact = false;
};
SimilarityEstimate Estimate(const WeightedWords& old_unit, const WeightedWords& new_unit);

// The estimate when exact, else the full alignment.
Similarity Compare(const WeightedWords& old_unit, const WeightedWords& new_unit);

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_SIMILARITY_H_
