#include "compare/token_weights.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace tw::compare {
namespace {

std::uint64_t ShingleHash(const std::vector<std::uint32_t>& ids, std::size_t at) {
  std::uint64_t hash = 1469598103934665603ULL;
  for (int k = 0; k < kBoilerplateShingle; ++k) {
    hash ^= ids[at + static_cast<std::size_t>(k)] + 0x9e3779b97f4a7c15ULL;
    hash *= 1099511628211ULL;
  }
  return hash;
}

// Number of units of one text holding each shingle.
void CountShingles(const std::vector<std::vector<std::uint32_t>>& units,
                   std::unordered_map<std::uint64_t, int>& counts) {
  std::unordered_set<std::uint64_t> seen;
  for (const auto& ids : units) {
    seen.clear();
    for (std::size_t at = 0; at + kBoilerplateShingle <= ids.size(); ++at) {
      const std::uint64_t hash = ShingleHash(ids, at);
      if (seen.insert(hash).second) ++counts[hash];
    }
  }
}

}  // namespace

void BuildBag(WeightedWords& unit) {
  std::vector<std::pair<std::uint32_t, std::int32_t>> words(unit.ids.size());
  for (std::size_t k = 0; k < unit.ids.size(); ++k) words[k] = {unit.ids[k], unit.weights[k]};
  std::sort(words.begin(), words.end());
  unit.bag.clear();
  for (const auto& [id, weight] : words) {
    if (unit.bag.empty() || unit.bag.back().id != id) unit.bag.push_back({id, 0, 0});
    ++unit.bag.back().count;
    unit.bag.back().max_weight = std::max(unit.bag.back().max_weight, weight);
  }
}

std::vector<WeightedWords> WeighUnits(const std::vector<std::vector<std::uint32_t>>& old_units,
                                      const std::vector<std::vector<std::uint32_t>>& new_units) {
  std::unordered_map<std::uint32_t, int> document_frequency;
  std::unordered_set<std::uint32_t> seen;
  const std::size_t unit_count = old_units.size() + new_units.size();
  auto count_words = [&](const std::vector<std::vector<std::uint32_t>>& units) {
    for (const auto& ids : units) {
      seen.clear();
      for (std::uint32_t id : ids) {
        if (seen.insert(id).second) ++document_frequency[id];
      }
    }
  };
  count_words(old_units);
  count_words(new_units);

  std::unordered_map<std::uint64_t, int> old_shingles, new_shingles;
  CountShingles(old_units, old_shingles);
  CountShingles(new_units, new_shingles);

  std::vector<WeightedWords> weighted;
  weighted.reserve(unit_count);
  auto weigh = [&](const std::vector<std::vector<std::uint32_t>>& units,
                   const std::unordered_map<std::uint64_t, int>& shingles) {
    for (const auto& ids : units) {
      WeightedWords unit;
      unit.ids = ids;
      unit.weights.resize(ids.size());
      std::vector<bool> boilerplate(ids.size(), false);
      for (std::size_t at = 0; at + kBoilerplateShingle <= ids.size(); ++at) {
        auto it = shingles.find(ShingleHash(ids, at));
        if (it != shingles.end() && it->second >= kBoilerplateUnits) {
          std::fill_n(boilerplate.begin() + static_cast<std::ptrdiff_t>(at), kBoilerplateShingle,
                      true);
        }
      }
      for (std::size_t at = 0; at < ids.size(); ++at) {
        const double df = document_frequency[ids[at]];
        double idf = std::log((static_cast<double>(unit_count) + 1.0) / (df + 0.5));
        idf = std::max(idf, 0.1);
        if (boilerplate[at]) idf *= kBoilerplateFactor;
        unit.weights[at] = std::max<std::int32_t>(
            1, static_cast<std::int32_t>(std::lround(idf * kWeightScale)));
        unit.self_score += unit.weights[at];
      }
      BuildBag(unit);
      weighted.push_back(std::move(unit));
    }
  };
  weigh(old_units, old_shingles);
  weigh(new_units, new_shingles);
  return weighted;
}

}  // namespace tw::compare
