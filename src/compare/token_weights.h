// Token weights: how much a shared word says about two provisions being the same.
//
// Rare words weigh more (inverse document frequency over the units of both texts). Words
// inside treaty formulae — word 4-grams that recur in several units of the same text, like
// "Each State Party shall adopt such legislative and other measures as may be necessary" —
// are down-weighted by kBoilerplateFactor, so two unrelated criminalisation articles sharing
// only their formula do not look alike, while an article and its reworded next version, which
// share their specific words, still do.
//
// Pure; weights are integers so the alignment inner loop stays in integer arithmetic.
#ifndef TREATYWATCH_COMPARE_TOKEN_WEIGHTS_H_
#define TREATYWATCH_COMPARE_TOKEN_WEIGHTS_H_

#include <cstdint>
#include <vector>

namespace tw::compare {

// One word of a unit's bag of words: how often it occurs and its heaviest weight there.
struct BagEntry {
  std::uint32_t id = 0;
  std::int32_t count = 0;
  std::int32_t max_weight = 0;
};

// One unit's word ids and the weight of each position.
struct WeightedWords {
  std::vector<std::uint32_t> ids;
  std::vector<std::int32_t> weights;
  std::int64_t self_score = 0;  // sum of weights: the best score any alignment can reach
  std::vector<BagEntry> bag;    // sorted by id (BuildBag); for cheap similarity bounds
};

// Fills `unit.bag` from its ids and weights.
void BuildBag(WeightedWords& unit);

inline constexpr int kBoilerplateShingle = 4;
inline constexpr double kBoilerplateFactor = 0.15;
// A shingle is boilerplate when at least this many units of one text hold it.
inline constexpr int kBoilerplateUnits = 3;
inline constexpr std::int32_t kWeightScale = 16;  // weight of a word with idf 1

// `old_units` and `new_units` are the word-id sequences of each text's units; ids are dense
// (TokenTable ids): counts are kept in arrays indexed by id. Returns the
// weighted sequences in the same order (old units first, then new ones).
std::vector<WeightedWords> WeighUnits(const std::vector<std::vector<std::uint32_t>>& old_units,
                                      const std::vector<std::vector<std::uint32_t>>& new_units);

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_TOKEN_WEIGHTS_H_
