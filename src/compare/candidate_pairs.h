// Candidate pairs: which (old unit, new unit) pairs deserve a full alignment. Aligning every
// pair is quadratic in the number of articles times quadratic in their length; on a
// 160,000-word text that is minutes. Instead, pairs that share a rare word 3-gram are
// candidates (shingles held by many units are formula, not evidence), plus the units near
// where an unmatched old unit is expected to have landed (short units have few shingles).
// Small inputs skip the index and take every pair.
//
// Pure.
#ifndef TREATYWATCH_COMPARE_CANDIDATE_PAIRS_H_
#define TREATYWATCH_COMPARE_CANDIDATE_PAIRS_H_

#include <utility>
#include <vector>

#include "compare/token_weights.h"

namespace tw::compare {

// Below this many aligned cells (sum of old words × sum of new words) every pair is a candidate.
inline constexpr double kAllPairsCells = 4e7;
inline constexpr int kCandidateShingle = 3;
inline constexpr std::size_t kMaxShinglePostings = 24;  // units holding a shingle, at most
inline constexpr int kCandidatesPerUnit = 8;
inline constexpr int kPositionalNeighbours = 2;

// Pairs of free units (old index, new index), each once. `expected_new[i]` is where old unit i
// would sit in the new text if it stayed in place, or -1.
std::vector<std::pair<int, int>> CandidatePairs(const std::vector<WeightedWords>& old_units,
                                                const std::vector<WeightedWords>& new_units,
                                                const std::vector<bool>& old_free,
                                                const std::vector<bool>& new_free,
                                                const std::vector<int>& expected_new);

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_CANDIDATE_PAIRS_H_
