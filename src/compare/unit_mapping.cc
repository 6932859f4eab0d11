#include "compare/unit_mapping.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <queue>
#include <unordered_map>

#include "compare/candidate_pairs.h"
#include "compare/increasing_run.h"

namespace tw::compare {
namespace {

std::uint64_t SequenceHash(const std::vector<std::uint32_t>& ids) {
  std::uint64_t hash = 0x84222325cbf29ce4ULL ^ ids.size();
  for (std::uint32_t id : ids) {
    hash ^= id + 0x9e3779b97f4a7c15ULL + (hash << 6) + (hash >> 2);
  }
  return hash;
}

// Where old unit i would be in the new text had it not moved: after the partner of the
// nearest matched old unit before it.
std::vector<int> ExpectedPositions(const std::vector<int>& new_of_old, std::size_t new_count) {
  std::vector<int> expected(new_of_old.size(), -1);
  int last_old = -1;
  int last_new = -1;
  for (std::size_t i = 0; i < new_of_old.size(); ++i) {
    if (new_of_old[i] >= 0) {
      last_old = static_cast<int>(i);
      last_new = new_of_old[i];
      expected[i] = last_new;
      continue;
    }
    const int guess = last_old < 0 ? static_cast<int>(i) : last_new + (static_cast<int>(i) - last_old);
    expected[i] = std::min(guess, static_cast<int>(new_count) - 1);
  }
  return expected;
}

void PairIdentical(const std::vector<WeightedWords>& old_units,
                   const std::vector<WeightedWords>& new_units, UnitMapping& mapping) {
  std::unordered_map<std::uint64_t, std::deque<int>> by_hash;
  for (std::size_t j = 0; j < new_units.size(); ++j) {
    if (new_units[j].ids.empty()) continue;
    by_hash[SequenceHash(new_units[j].ids)].push_back(static_cast<int>(j));
  }
  for (std::size_t i = 0; i < old_units.size(); ++i) {
    if (old_units[i].ids.empty()) continue;
    auto it = by_hash.find(SequenceHash(old_units[i].ids));
    if (it == by_hash.end()) continue;
    auto& queue = it->second;
    for (auto at = queue.begin(); at != queue.end(); ++at) {
      if (new_units[static_cast<std::size_t>(*at)].ids == old_units[i].ids) {
        mapping.new_of_old[i] = *at;
        mapping.old_of_new[static_cast<std::size_t>(*at)] = static_cast<int>(i);
        queue.erase(at);
        break;
      }
    }
  }
}

void MatchBestFirst(const std::vector<WeightedWords>& old_units,
                    const std::vector<WeightedWords>& new_units, const MappingOptions& options,
                    UnitMapping& mapping) {
  std::vector<bool> old_free(old_units.size()), new_free(new_units.size());
  for (std::size_t i = 0; i < old_units.size(); ++i) old_free[i] = mapping.new_of_old[i] < 0;
  for (std::size_t j = 0; j < new_units.size(); ++j) new_free[j] = mapping.old_of_new[j] < 0;
  const std::vector<int> expected = ExpectedPositions(mapping.new_of_old, new_units.size());
  const auto pairs = CandidatePairs(old_units, new_units, old_free, new_free, expected);

  // Lazy greedy: pairs are ordered by what is known of their mutual similarity — exact, or an
  // upper bound. A pair on top with only a bound is aligned and put back with its exact value;
  // a pair on top with its exact value is the best remaining, as in a full greedy pass. Most
  // wrong candidates are never aligned: their units are taken before they come up.
  struct Entry {
    double mutual;
    bool exact;
    int distance;
    int old_index;
    int new_index;
    bool operator<(const Entry& other) const {  // priority_queue pops the largest
      if (mutual != other.mutual) return mutual < other.mutual;
      if (exact != other.exact) return !exact;
      if (distance != other.distance) return distance > other.distance;
      return std::pair(old_index, new_index) > std::pair(other.old_index, other.new_index);
    }
  };
  std::priority_queue<Entry> queue;
  std::map<std::pair<int, int>, SimilarityEstimate> estimates;
  for (auto [i, j] : pairs) {
    const auto& old_unit = old_units[static_cast<std::size_t>(i)];
    const auto& new_unit = new_units[static_cast<std::size_t>(j)];
    const SimilarityEstimate estimate = Estimate(old_unit, new_unit);
    const int distance = std::abs(j - expected[static_cast<std::size_t>(i)]);
    if (estimate.exact) mapping.aligned[{i, j}] = estimate.lower;
    estimates[{i, j}] = estimate;
    queue.push({estimate.upper.Mutual(), estimate.exact, distance, i, j});
  }
  while (!queue.empty()) {
    const Entry top = queue.top();
    queue.pop();
    if (top.mutual < options.match_threshold) break;
    const auto i = static_cast<std::size_t>(top.old_index);
    const auto j = static_cast<std::size_t>(top.new_index);
    if (mapping.new_of_old[i] >= 0 || mapping.old_of_new[j] >= 0) continue;
    if (!top.exact) {
      const Similarity similarity = Compare(old_units[i], new_units[j]);
      mapping.aligned[{top.old_index, top.new_index}] = similarity;
      queue.push({similarity.Mutual(), true, top.distance, top.old_index, top.new_index});
      continue;
    }
    mapping.new_of_old[i] = top.new_index;
    mapping.old_of_new[j] = top.old_index;
  }
  // Splits and joins look at pairs with a free side: settle those that were left estimated,
  // skipping the ones whose bound already rules out a part.
  for (const auto& [key, estimate] : estimates) {
    if (mapping.aligned.count(key) != 0) continue;
    const bool free_side = mapping.new_of_old[static_cast<std::size_t>(key.first)] < 0 ||
                           mapping.old_of_new[static_cast<std::size_t>(key.second)] < 0;
    if (!free_side) continue;
    if (estimate.upper.Best() < options.containment_threshold) {
      mapping.aligned[key] = estimate.upper;
      continue;
    }
    mapping.aligned[key] = Compare(old_units[static_cast<std::size_t>(key.first)],
                                   new_units[static_cast<std::size_t>(key.second)]);
  }
}

void KeepInPlace(const std::vector<WeightedWords>& old_units,
                 const std::vector<WeightedWords>& new_units, const MappingOptions& options,
                 UnitMapping& mapping) {
  const int old_count = static_cast<int>(old_units.size());
  const int new_count = static_cast<int>(new_units.size());
  for (int i = 0; i < old_count; ++i) {
    if (mapping.new_of_old[static_cast<std::size_t>(i)] >= 0) continue;
    // The slot between the partners of the neighbours, when it holds exactly one free unit.
    const int before = i == 0 ? -1 : mapping.new_of_old[static_cast<std::size_t>(i - 1)];
    const int after = i + 1 == old_count ? new_count
                                         : mapping.new_of_old[static_cast<std::size_t>(i + 1)];
    // Only between two kept neighbours: at either end of the text there is no slot to hold.
    if (i == 0 || i + 1 == old_count || before < 0 || after < 0) continue;
    if (after - before != 2) continue;
    const int j = before + 1;
    if (j < 0 || j >= new_count || mapping.old_of_new[static_cast<std::size_t>(j)] >= 0) continue;
    const Similarity similarity = mapping.Of(i, j, old_units, new_units);
    mapping.aligned[{i, j}] = similarity;
    if (similarity.Mutual() < options.in_place_threshold) continue;
    mapping.new_of_old[static_cast<std::size_t>(i)] = j;
    mapping.old_of_new[static_cast<std::size_t>(j)] = i;
  }
}

int Distance(int position, const std::vector<int>& others) {
  int best = 1 << 30;
  for (int other : others) best = std::min(best, std::abs(position - other));
  return best;
}

// Further parts: `free_side` units contained in a unit of the other side. Written for splits
// (free new units inside old ones); joins call it with the sides swapped.
void FindParts(const std::vector<WeightedWords>& source_units,
               const std::vector<WeightedWords>& part_units,
               std::vector<int>& partner_of_source, std::vector<int>& partner_of_part,
               std::vector<int>& source_of_part,
               const std::map<std::pair<int, int>, Similarity>& aligned, bool sources_are_old,
               const MappingOptions& options) {
  // Best source for each free part, by the share of the part found in the source.
  std::vector<std::vector<int>> parts_of_source(source_units.size());
  std::vector<double> part_containment(part_units.size(), 0);
  std::vector<int> best_source(part_units.size(), -1);
  for (const auto& [key, similarity] : aligned) {
    const int source = sources_are_old ? key.first : key.second;
    const int part = sources_are_old ? key.second : key.first;
    if (partner_of_part[static_cast<std::size_t>(part)] >= 0) continue;
    const double inside = sources_are_old ? similarity.new_in_old : similarity.old_in_new;
    if (inside > part_containment[static_cast<std::size_t>(part)]) {
      part_containment[static_cast<std::size_t>(part)] = inside;
      best_source[static_cast<std::size_t>(part)] = source;
    }
  }
  for (std::size_t part = 0; part < part_units.size(); ++part) {
    const int source = best_source[part];
    if (source < 0 || part_containment[part] < options.containment_threshold) continue;
    parts_of_source[static_cast<std::size_t>(source)].push_back(static_cast<int>(part));
  }
  for (std::size_t source = 0; source < source_units.size(); ++source) {
    std::vector<int>& parts = parts_of_source[source];
    if (parts.empty()) continue;
    std::vector<int> placed;
    int primary = partner_of_source[source];
    if (primary >= 0) {
      auto key = sources_are_old ? std::pair(static_cast<int>(source), primary)
                                 : std::pair(primary, static_cast<int>(source));
      auto it = aligned.find(key);
      const double source_inside_primary =
          it == aligned.end() ? 1.0
                              : (sources_are_old ? it->second.old_in_new : it->second.new_in_old);
      if (source_inside_primary > options.split_primary_containment) continue;
      placed.push_back(primary);
    }
    std::sort(parts.begin(), parts.end(), [&](int a, int b) {
      return part_containment[static_cast<std::size_t>(a)] >
             part_containment[static_cast<std::size_t>(b)];
    });
    for (int part : parts) {
      const double inside = part_containment[static_cast<std::size_t>(part)];
      const bool adjacent = placed.empty() || Distance(part, placed) <= 1;
      if (!adjacent && inside < options.distant_containment_threshold) continue;
      if (primary < 0) {
        primary = part;
        partner_of_source[source] = part;
        partner_of_part[static_cast<std::size_t>(part)] = static_cast<int>(source);
      } else {
        source_of_part[static_cast<std::size_t>(part)] = static_cast<int>(source);
      }
      placed.push_back(part);
    }
  }
}

void MarkMoves(const std::vector<WeightedWords>& old_units, UnitMapping& mapping) {
  std::vector<int> old_positions;
  std::vector<std::int64_t> weights;
  std::vector<int> olds;
  for (std::size_t j = 0; j < mapping.old_of_new.size(); ++j) {
    const int i = mapping.old_of_new[j];
    if (i < 0) continue;
    old_positions.push_back(i);
    // Fewest moves first; among equal counts, call the shorter units moved.
    weights.push_back(1000 + std::min<std::int64_t>(
                                 999, static_cast<std::int64_t>(
                                          old_units[static_cast<std::size_t>(i)].ids.size())));
    olds.push_back(i);
  }
  const std::vector<bool> in_run = HeaviestIncreasingRun(old_positions, weights);
  for (std::size_t k = 0; k < olds.size(); ++k) {
    mapping.moved[static_cast<std::size_t>(olds[k])] = !in_run[k];
  }
}

}  // namespace

Similarity UnitMapping::Of(int old_index, int new_index, const std::vector<WeightedWords>& old_units,
                           const std::vector<WeightedWords>& new_units) const {
  auto it = aligned.find({old_index, new_index});
  if (it != aligned.end()) return it->second;
  return Compare(old_units[static_cast<std::size_t>(old_index)],
                 new_units[static_cast<std::size_t>(new_index)]);
}

UnitMapping MapUnits(const std::vector<WeightedWords>& old_units,
                     const std::vector<WeightedWords>& new_units, const MappingOptions& options) {
  UnitMapping mapping;
  mapping.new_of_old.assign(old_units.size(), -1);
  mapping.old_of_new.assign(new_units.size(), -1);
  mapping.split_source.assign(new_units.size(), -1);
  mapping.join_target.assign(old_units.size(), -1);
  mapping.moved.assign(old_units.size(), false);
  PairIdentical(old_units, new_units, mapping);
  MatchBestFirst(old_units, new_units, options, mapping);
  KeepInPlace(old_units, new_units, options, mapping);
  FindParts(old_units, new_units, mapping.new_of_old, mapping.old_of_new, mapping.split_source,
            mapping.aligned, /*sources_are_old=*/true, options);
  // A new unit already taken as a split part is not free to be a join target's partner.
  std::vector<int> taken_new = mapping.old_of_new;
  for (std::size_t j = 0; j < taken_new.size(); ++j) {
    if (mapping.split_source[j] >= 0) taken_new[j] = mapping.split_source[j];
  }
  std::vector<int> old_partner = mapping.new_of_old;
  FindParts(new_units, old_units, taken_new, old_partner, mapping.join_target, mapping.aligned,
            /*sources_are_old=*/false, options);
  // FindParts may have made a free old unit the primary of a free new one (a join whose
  // target was unmatched): copy those primaries back.
  for (std::size_t i = 0; i < old_units.size(); ++i) {
    if (mapping.new_of_old[i] < 0 && old_partner[i] >= 0 && mapping.join_target[i] < 0) {
      mapping.new_of_old[i] = old_partner[i];
      mapping.old_of_new[static_cast<std::size_t>(old_partner[i])] = static_cast<int>(i);
    }
  }
  MarkMoves(old_units, mapping);
  return mapping;
}

}  // namespace tw::compare
