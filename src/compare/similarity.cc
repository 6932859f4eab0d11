#include "compare/similarity.h"

#include <unordered_map>
#include <vector>

#include "compare/word_diff.h"

namespace tw::compare {

std::int64_t LocalAlignmentScore(const WeightedWords& a, const WeightedWords& b) {
  const std::size_t m = b.ids.size();
  if (a.ids.empty() || m == 0) return 0;
  // Scores fit in 32 bits: at most (words × max weight), and units are bounded by the
  // document size limit (IngestLimits) far below 2^31 / (kWeightScale × 12).
  std::vector<std::int32_t> h(m + 1, 0);
  std::vector<std::int32_t> e(m + 1, 0);
  std::int32_t best = 0;
  const std::uint32_t* b_ids = b.ids.data();
  const std::int32_t* b_weights = b.weights.data();
  for (std::size_t i = 0; i < a.ids.size(); ++i) {
    const std::uint32_t a_id = a.ids[i];
    const std::int32_t a_weight = a.weights[i];
    std::int32_t diagonal = 0;
    std::int32_t f = 0;
    std::int32_t left = 0;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::int32_t up = h[j];
      e[j] = std::max(e[j] - kGapExtendPenalty, up - kGapOpenPenalty);
      f = std::max(f - kGapExtendPenalty, left - kGapOpenPenalty);
      const std::int32_t substitution =
          b_ids[j - 1] == a_id ? (a_weight + b_weights[j - 1]) / 2 : -kMismatchPenalty;
      std::int32_t cell = std::max(diagonal + substitution, 0);
      cell = std::max(cell, std::max(e[j], f));
      diagonal = up;
      h[j] = cell;
      left = cell;
      best = std::max(best, cell);
    }
  }
  return best;
}

std::int64_t BagOverlapScore(const WeightedWords& a, const WeightedWords& b) {
  // Per word: the weights of its occurrences on each side, largest first, paired off.
  std::unordered_map<std::uint32_t, std::vector<std::int32_t>> a_weights;
  for (std::size_t k = 0; k < a.ids.size(); ++k) a_weights[a.ids[k]].push_back(a.weights[k]);
  std::unordered_map<std::uint32_t, std::vector<std::int32_t>> b_weights;
  for (std::size_t k = 0; k < b.ids.size(); ++k) {
    if (a_weights.count(b.ids[k]) != 0) b_weights[b.ids[k]].push_back(b.weights[k]);
  }
  std::int64_t bound = 0;
  for (auto& [id, from_b] : b_weights) {
    std::vector<std::int32_t>& from_a = a_weights[id];
    std::sort(from_a.begin(), from_a.end(), std::greater<>());
    std::sort(from_b.begin(), from_b.end(), std::greater<>());
    const std::size_t pairs = std::min(from_a.size(), from_b.size());
    for (std::size_t k = 0; k < pairs; ++k) bound += (from_a[k] + from_b[k]) / 2;
  }
  return bound;
}

std::int64_t DiffAlignmentScore(const WeightedWords& a, const WeightedWords& b) {
  std::int64_t best = 0;
  std::int64_t running = 0;
  for (const EditRun& run : HistogramDiffIds(a.ids, b.ids)) {
    std::int64_t step = 0;
    if (run.op == OpKind::kEqual) {
      for (int k = 0; k < run.old_end - run.old_begin; ++k) {
        step += (a.weights[static_cast<std::size_t>(run.old_begin + k)] +
                 b.weights[static_cast<std::size_t>(run.new_begin + k)]) / 2;
      }
    } else {
      const int length = std::max(run.old_end - run.old_begin, run.new_end - run.new_begin);
      step = -(kGapOpenPenalty + static_cast<std::int64_t>(kGapExtendPenalty) * (length - 1));
    }
    running = std::max<std::int64_t>(0, running + step);
    best = std::max(best, running);
  }
  return best;
}

namespace {

Similarity FromScore(std::int64_t score, const WeightedWords& old_unit,
                     const WeightedWords& new_unit) {
  Similarity similarity;
  similarity.score = score;
  if (old_unit.self_score > 0) {
    similarity.old_in_new = std::min(
        1.0, static_cast<double>(score) / static_cast<double>(old_unit.self_score));
  }
  if (new_unit.self_score > 0) {
    similarity.new_in_old = std::min(
        1.0, static_cast<double>(score) / static_cast<double>(new_unit.self_score));
  }
  return similarity;
}

}  // namespace

SimilarityEstimate Estimate(const WeightedWords& old_unit, const WeightedWords& new_unit) {
  SimilarityEstimate estimate;
  if (old_unit.ids == new_unit.ids) {
    estimate.lower = estimate.upper = FromScore(old_unit.self_score, old_unit, new_unit);
    estimate.exact = true;
    return estimate;
  }
  estimate.upper = FromScore(BagOverlapScore(old_unit, new_unit), old_unit, new_unit);
  if (estimate.upper.Best() < kNegligibleContainment) {
    estimate.lower = estimate.upper;
    estimate.exact = true;
    return estimate;
  }
  estimate.lower = FromScore(DiffAlignmentScore(old_unit, new_unit), old_unit, new_unit);
  estimate.exact = estimate.lower.Mutual() >= kDiffGoodEnough;
  if (estimate.exact) estimate.upper = estimate.lower;
  return estimate;
}

Similarity Compare(const WeightedWords& old_unit, const WeightedWords& new_unit) {
  const SimilarityEstimate estimate = Estimate(old_unit, new_unit);
  if (estimate.exact) return estimate.lower;
  return FromScore(LocalAlignmentScore(old_unit, new_unit), old_unit, new_unit);
}

}  // namespace tw::compare
