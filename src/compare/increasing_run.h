// The heaviest increasing subsequence: given matched units listed in new-text order with their
// old positions, the largest set that kept its relative order. Whatever lies outside it is
// what moved — the fewest units whose moving explains the new order, preferring (by weight)
// to call the short ones moved and keep the long ones in place.
//
// Pure; O(n log n).
#ifndef TREATYWATCH_COMPARE_INCREASING_RUN_H_
#define TREATYWATCH_COMPARE_INCREASING_RUN_H_

#include <cstdint>
#include <vector>

namespace tw::compare {

// `old_positions[k]` are distinct; `weights[k]` > 0. Returns, for each k, whether it belongs
// to a heaviest strictly increasing subsequence (ties resolved towards earlier elements).
std::vector<bool> HeaviestIncreasingRun(const std::vector<int>& old_positions,
                                        const std::vector<std::int64_t>& weights);

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_INCREASING_RUN_H_
