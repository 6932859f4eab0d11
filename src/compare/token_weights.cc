#include "compare/token_weights.h"

#include <algorithm>
#include <cmath>

#include "absl/container/flat_hash_map.h"

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

using Units = std::vector<std::vector<std::uint32_t>>;

// How many units of one text hold a shingle; `last_unit` counts each unit once.
struct ShingleUnits {
  int units = 0;
  int last_unit = -1;
};
using ShingleCounts = absl::flat_hash_map<std::uint64_t, ShingleUnits>;

// For each unit, which of its positions lie inside a shingle that at least kBoilerplateUnits
// units of the same text hold.
std::vector<std::vector<bool>> BoilerplatePositions(const Units& units) {
  std::size_t positions = 0;
  for (const auto& ids : units) positions += ids.size();
  ShingleCounts counts;
  // Reserved for every position, the map never rehashes, so each position keeps a pointer to
  // its shingle's count: the second pass reads counts without hashing again.
  counts.reserve(positions);
  std::vector<const ShingleUnits*> shingle_at;
  shingle_at.reserve(positions);
  for (std::size_t unit = 0; unit < units.size(); ++unit) {
    const auto& ids = units[unit];
    for (std::size_t at = 0; at + kBoilerplateShingle <= ids.size(); ++at) {
      ShingleUnits& count = counts[ShingleHash(ids, at)];
      if (count.last_unit != static_cast<int>(unit)) {
        count.last_unit = static_cast<int>(unit);
        ++count.units;
      }
      shingle_at.push_back(&count);
    }
  }
  std::vector<std::vector<bool>> boilerplate;
  boilerplate.reserve(units.size());
  std::size_t next = 0;
  for (const auto& ids : units) {
    std::vector<bool>& marks = boilerplate.emplace_back(ids.size(), false);
    for (std::size_t at = 0; at + kBoilerplateShingle <= ids.size(); ++at) {
      if (shingle_at[next++]->units >= kBoilerplateUnits) {
        std::fill_n(marks.begin() + static_cast<std::ptrdiff_t>(at), kBoilerplateShingle, true);
      }
    }
  }
  return boilerplate;
}

// The weight of a word held by `df` units, by df: computed once per value, not per position.
struct WeightTable {
  std::vector<std::int32_t> plain;
  std::vector<std::int32_t> boilerplate;
};

WeightTable MakeWeightTable(std::size_t unit_count) {
  WeightTable table;
  table.plain.resize(unit_count + 1);
  table.boilerplate.resize(unit_count + 1);
  for (std::size_t df = 0; df <= unit_count; ++df) {
    double idf = std::log((static_cast<double>(unit_count) + 1.0) / (static_cast<double>(df) + 0.5));
    idf = std::max(idf, 0.1);
    table.plain[df] = std::max<std::int32_t>(1, static_cast<std::int32_t>(std::lround(idf * kWeightScale)));
    idf *= kBoilerplateFactor;
    table.boilerplate[df] =
        std::max<std::int32_t>(1, static_cast<std::int32_t>(std::lround(idf * kWeightScale)));
  }
  return table;
}

}  // namespace

void BuildBag(WeightedWords& unit) {
  // Each word as one integer, id above weight (weights are positive): sorting integers is a
  // few times faster than sorting pairs, and a word's heaviest weight ends its run.
  std::vector<std::uint64_t> words(unit.ids.size());
  for (std::size_t k = 0; k < unit.ids.size(); ++k) {
    words[k] = std::uint64_t{unit.ids[k]} << 32 | static_cast<std::uint32_t>(unit.weights[k]);
  }
  std::sort(words.begin(), words.end());
  unit.bag.clear();
  for (std::uint64_t word : words) {
    const auto id = static_cast<std::uint32_t>(word >> 32);
    if (unit.bag.empty() || unit.bag.back().id != id) unit.bag.push_back({id, 0, 0});
    ++unit.bag.back().count;
    unit.bag.back().max_weight = static_cast<std::int32_t>(word & 0xFFFFFFFFu);
  }
}

namespace {

// How many units of both texts hold each position's word, a word repeated inside one unit
// counted once; in the shape of the units.
Units DocumentFrequencyOfPositions(const Units& old_units, const Units& new_units) {
  std::uint32_t max_id = 0;
  std::size_t positions = 0;
  for (const Units* units : {&old_units, &new_units}) {
    for (const auto& ids : *units) {
      positions += ids.size();
      for (std::uint32_t id : ids) max_id = std::max(max_id, id);
    }
  }
  Units frequency;
  frequency.reserve(old_units.size() + new_units.size());
  // Counts per id with the last unit that counted it. Whole texts fill arrays indexed by id;
  // paragraph alignment weighs a few short paragraphs whose ids come from the whole
  // comparison's table, where zeroing two vocabulary-long arrays per article cost more than
  // the rest of its work: there, a hash map of the ids present.
  struct Count {
    std::uint32_t units = 0;
    int last_unit = -1;
  };
  const bool sparse = positions * 4 < max_id;
  std::vector<Count> by_id(sparse ? 0 : static_cast<std::size_t>(max_id) + 1);
  absl::flat_hash_map<std::uint32_t, Count> by_present_id;
  if (sparse) by_present_id.reserve(positions);
  auto count_of = [&](std::uint32_t id) -> Count& {
    return sparse ? by_present_id[id] : by_id[id];
  };
  int unit_index = 0;
  for (const Units* units : {&old_units, &new_units}) {
    for (const auto& ids : *units) {
      for (std::uint32_t id : ids) {
        Count& count = count_of(id);
        if (count.last_unit != unit_index) {
          count.last_unit = unit_index;
          ++count.units;
        }
      }
      ++unit_index;
    }
  }
  for (const Units* units : {&old_units, &new_units}) {
    for (const auto& ids : *units) {
      std::vector<std::uint32_t>& unit = frequency.emplace_back(ids.size());
      for (std::size_t at = 0; at < ids.size(); ++at) unit[at] = count_of(ids[at]).units;
    }
  }
  return frequency;
}

}  // namespace

std::vector<WeightedWords> WeighUnits(const Units& old_units, const Units& new_units) {
  const Units document_frequency = DocumentFrequencyOfPositions(old_units, new_units);
  const std::size_t unit_count = old_units.size() + new_units.size();
  const WeightTable weight_of = MakeWeightTable(unit_count);

  std::vector<WeightedWords> weighted;
  weighted.reserve(unit_count);
  std::size_t unit_index = 0;
  auto weigh = [&](const Units& units) {
    const std::vector<std::vector<bool>> boilerplate_of = BoilerplatePositions(units);
    for (std::size_t k = 0; k < units.size(); ++k) {
      const std::vector<std::uint32_t>& ids = units[k];
      const std::vector<bool>& boilerplate = boilerplate_of[k];
      const std::vector<std::uint32_t>& frequency = document_frequency[unit_index++];
      WeightedWords unit;
      unit.ids = ids;
      unit.weights.resize(ids.size());
      for (std::size_t at = 0; at < ids.size(); ++at) {
        const std::size_t df = frequency[at];
        unit.weights[at] = boilerplate[at] ? weight_of.boilerplate[df] : weight_of.plain[df];
        unit.self_score += unit.weights[at];
      }
      BuildBag(unit);
      weighted.push_back(std::move(unit));
    }
  };
  weigh(old_units);
  weigh(new_units);
  return weighted;
}

}  // namespace tw::compare
