#include "compare/candidate_pairs.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

namespace tw::compare {
namespace {

std::uint64_t ShingleAt(const std::vector<std::uint32_t>& ids, std::size_t at) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (int k = 0; k < kCandidateShingle; ++k) {
    hash ^= ids[at + static_cast<std::size_t>(k)] + 0x9e3779b97f4a7c15ULL + (hash << 6);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// A shingle made only of formula or very common words carries no evidence.
bool Informative(const WeightedWords& unit, std::size_t at) {
  for (int k = 0; k < kCandidateShingle; ++k) {
    if (unit.weights[at + static_cast<std::size_t>(k)] >= kWeightScale) return true;
  }
  return false;
}

}  // namespace

std::vector<std::pair<int, int>> CandidatePairs(const std::vector<WeightedWords>& old_units,
                                                const std::vector<WeightedWords>& new_units,
                                                const std::vector<bool>& old_free,
                                                const std::vector<bool>& new_free,
                                                const std::vector<int>& expected_new) {
  std::vector<std::pair<int, int>> pairs;
  double old_words = 0;
  double new_words = 0;
  for (std::size_t i = 0; i < old_units.size(); ++i) {
    if (old_free[i]) old_words += static_cast<double>(old_units[i].ids.size()) + 1;
  }
  for (std::size_t j = 0; j < new_units.size(); ++j) {
    if (new_free[j]) new_words += static_cast<double>(new_units[j].ids.size()) + 1;
  }
  if (old_words * new_words <= kAllPairsCells) {
    for (std::size_t i = 0; i < old_units.size(); ++i) {
      if (!old_free[i]) continue;
      for (std::size_t j = 0; j < new_units.size(); ++j) {
        if (new_free[j]) pairs.emplace_back(static_cast<int>(i), static_cast<int>(j));
      }
    }
    return pairs;
  }

  std::unordered_map<std::uint64_t, std::vector<int>> postings;
  for (std::size_t j = 0; j < new_units.size(); ++j) {
    if (!new_free[j]) continue;
    const WeightedWords& unit = new_units[j];
    for (std::size_t at = 0; at + kCandidateShingle <= unit.ids.size(); ++at) {
      if (!Informative(unit, at)) continue;
      std::vector<int>& list = postings[ShingleAt(unit.ids, at)];
      if (list.empty() || list.back() != static_cast<int>(j)) list.push_back(static_cast<int>(j));
    }
  }

  std::vector<int> hits(new_units.size(), 0);
  std::vector<int> touched;
  std::vector<bool> taken(new_units.size(), false);
  for (std::size_t i = 0; i < old_units.size(); ++i) {
    if (!old_free[i]) continue;
    const WeightedWords& unit = old_units[i];
    touched.clear();
    for (std::size_t at = 0; at + kCandidateShingle <= unit.ids.size(); ++at) {
      if (!Informative(unit, at)) continue;
      auto it = postings.find(ShingleAt(unit.ids, at));
      if (it == postings.end() || it->second.size() > kMaxShinglePostings) continue;
      for (int j : it->second) {
        if (hits[static_cast<std::size_t>(j)]++ == 0) touched.push_back(j);
      }
    }
    std::sort(touched.begin(), touched.end(), [&](int a, int b) {
      const int ha = hits[static_cast<std::size_t>(a)];
      const int hb = hits[static_cast<std::size_t>(b)];
      return ha != hb ? ha > hb : a < b;
    });
    std::vector<int> chosen(touched.begin(),
                            touched.begin() + std::min<std::ptrdiff_t>(
                                                  kCandidatesPerUnit,
                                                  static_cast<std::ptrdiff_t>(touched.size())));
    for (int j : touched) hits[static_cast<std::size_t>(j)] = 0;
    const int expected = expected_new[i];
    if (expected >= 0) {
      for (int j = expected - kPositionalNeighbours; j <= expected + kPositionalNeighbours; ++j) {
        if (j >= 0 && j < static_cast<int>(new_units.size()) &&
            new_free[static_cast<std::size_t>(j)]) {
          chosen.push_back(j);
        }
      }
    }
    for (int j : chosen) {
      if (taken[static_cast<std::size_t>(j)]) continue;
      taken[static_cast<std::size_t>(j)] = true;
      pairs.emplace_back(static_cast<int>(i), j);
    }
    for (int j : chosen) taken[static_cast<std::size_t>(j)] = false;
  }
  return pairs;
}

}  // namespace tw::compare
