#include "compare/similarity.h"

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
  if (a.bag.empty() != a.ids.empty() || b.bag.empty() != b.ids.empty()) {
    WeightedWords a_copy = a;
    WeightedWords b_copy = b;
    BuildBag(a_copy);
    BuildBag(b_copy);
    return BagOverlapScore(a_copy, b_copy);
  }
  // Each word pairs at most min(count) times, each pair scoring at most the mean of the
  // heaviest weights: a bound no alignment exceeds.
  std::int64_t bound = 0;
  auto x = a.bag.begin();
  auto y = b.bag.begin();
  while (x != a.bag.end() && y != b.bag.end()) {
    if (x->id < y->id) {
      ++x;
    } else if (y->id < x->id) {
      ++y;
    } else {
      bound += static_cast<std::int64_t>(std::min(x->count, y->count)) *
               ((x->max_weight + y->max_weight) / 2);
      ++x;
      ++y;
    }
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
  estimate.exact = estimate.upper.Best() < kNegligibleContainment;
  if (estimate.exact) estimate.lower = estimate.upper;
  return estimate;
}

Similarity Compare(const WeightedWords& old_unit, const WeightedWords& new_unit) {
  const SimilarityEstimate estimate = Estimate(old_unit, new_unit);
  if (estimate.exact) return estimate.lower;
  const Similarity diff = FromScore(DiffAlignmentScore(old_unit, new_unit), old_unit, new_unit);
  if (diff.Mutual() >= kDiffGoodEnough) return diff;
  return FromScore(LocalAlignmentScore(old_unit, new_unit), old_unit, new_unit);
}

}  // namespace tw::compare
