#include "tests/reuse/pan_measure.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace tw::reuse::testing {
namespace {

using Range = std::pair<std::size_t, std::size_t>;

bool Overlap(std::size_t begin1, std::size_t end1, std::size_t begin2, std::size_t end2) {
  return begin1 < end2 && begin2 < end1;
}

// Characters of [begin, end) inside at least one of `ranges` (each counted once).
std::size_t CoveredChars(std::size_t begin, std::size_t end, std::vector<Range> ranges) {
  for (Range& range : ranges) {
    range.first = std::max(range.first, begin);
    range.second = std::min(range.second, end);
  }
  std::sort(ranges.begin(), ranges.end());
  std::size_t covered = 0;
  std::size_t reached = begin;
  for (const Range& range : ranges) {
    const std::size_t from = std::max(range.first, reached);
    if (range.second > from) {
      covered += range.second - from;
      reached = range.second;
    }
  }
  return covered;
}

// Mean over x in `of` of the share of x's characters (both documents) that the members of `by`
// detecting x cover. Detects is symmetric, so this is macro recall, and with the roles swapped
// macro precision, as in the PAN scorer.
double MacroCoverage(const std::vector<PanAnnotation>& of, const std::vector<PanAnnotation>& by) {
  if (of.empty() && by.empty()) return 1;
  if (of.empty() || by.empty()) return 0;
  double sum = 0;
  for (const PanAnnotation& x : of) {
    std::vector<Range> suspicious, source;
    for (const PanAnnotation& y : by) {
      if (!Detects(y, x)) continue;
      suspicious.emplace_back(y.suspicious_begin, y.suspicious_end);
      source.emplace_back(y.source_begin, y.source_end);
    }
    const std::size_t size =
        (x.suspicious_end - x.suspicious_begin) + (x.source_end - x.source_begin);
    if (size == 0) continue;
    const std::size_t covered = CoveredChars(x.suspicious_begin, x.suspicious_end, suspicious) +
                                CoveredChars(x.source_begin, x.source_end, source);
    sum += static_cast<double>(covered) / static_cast<double>(size);
  }
  return sum / static_cast<double>(of.size());
}

}  // namespace

bool Detects(const PanAnnotation& detection, const PanAnnotation& reuse_case) {
  return detection.suspicious == reuse_case.suspicious && detection.source == reuse_case.source &&
         Overlap(detection.suspicious_begin, detection.suspicious_end, reuse_case.suspicious_begin,
                 reuse_case.suspicious_end) &&
         Overlap(detection.source_begin, detection.source_end, reuse_case.source_begin,
                 reuse_case.source_end);
}

double PlagDet(double precision, double recall, double granularity) {
  if (precision + recall <= 0 || granularity < 1) return 0;
  const double f1 = 2 * precision * recall / (precision + recall);
  return f1 / std::log2(1 + granularity);
}

PanScore ScorePan(const std::vector<PanAnnotation>& cases,
                  const std::vector<PanAnnotation>& detections) {
  PanScore score;
  score.cases = static_cast<int>(cases.size());
  score.detections = static_cast<int>(detections.size());
  score.recall = MacroCoverage(cases, detections);
  score.precision = MacroCoverage(detections, cases);
  int detecting = 0;
  for (const PanAnnotation& reuse_case : cases) {
    const auto count = std::count_if(
        detections.begin(), detections.end(),
        [&](const PanAnnotation& detection) { return Detects(detection, reuse_case); });
    if (count > 0) {
      ++score.detected_cases;
      detecting += static_cast<int>(count);
    }
  }
  score.granularity =
      score.detected_cases == 0 ? 1.0 : static_cast<double>(detecting) / score.detected_cases;
  score.plagdet = PlagDet(score.precision, score.recall, score.granularity);
  return score;
}

}  // namespace tw::reuse::testing
