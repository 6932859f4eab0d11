#include "tests/reuse/pan_evaluation.h"

#include <algorithm>
#include <chrono>

namespace tw::reuse::testing {
namespace {

std::size_t DraftOverlap(const PanAnnotation& x, const PanAnnotation& y) {
  const std::size_t lo = std::max(x.suspicious_begin, y.suspicious_begin);
  const std::size_t hi = std::min(x.suspicious_end, y.suspicious_end);
  return hi > lo ? hi - lo : 0;
}

}  // namespace

PanEvaluation EvaluateTraceReuse(const PanCorpus& corpus, const TraceOptions& options,
                                 const std::vector<Obfuscation>& levels) {
  return Evaluate(
      corpus,
      [&options](const doc::Document& draft, const std::vector<const doc::Document*>& sources) {
        return TraceReuse(draft, sources, options);
      },
      levels);
}

PanEvaluation Evaluate(const PanCorpus& corpus, const Tracer& tracer,
                       const std::vector<Obfuscation>& levels) {
  auto asked = [&](Obfuscation level) {
    return std::find(levels.begin(), levels.end(), level) != levels.end();
  };
  PanEvaluation evaluation;
  std::vector<const doc::Document*> sources;
  for (const doc::Document& source : corpus.sources) sources.push_back(&source);

  for (const PlantedPassage& passage : corpus.passages) {
    evaluation.cases.push_back({corpus.drafts[passage.draft].meta.symbol, passage.draft_begin,
                                passage.draft_end, corpus.sources[passage.truth].meta.symbol,
                                passage.source_begin, passage.source_end});
  }
  std::vector<std::vector<PanAnnotation>> by_draft(corpus.drafts.size());
  std::vector<double> seconds(std::size(kObfuscations), 0.0);
  for (std::size_t d = 0; d < corpus.drafts.size(); ++d) {
    if (!asked(corpus.draft_levels[d])) continue;
    const doc::Document& draft = corpus.drafts[d];
    const auto start = std::chrono::steady_clock::now();
    const ReuseTrace trace = tracer(draft, sources);
    seconds[static_cast<int>(corpus.draft_levels[d])] +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    for (const ReusePassage& passage : trace.passages) {
      by_draft[d].push_back({draft.meta.symbol, passage.draft_start, passage.draft_end,
                             corpus.sources[passage.attributed.source].meta.symbol,
                             passage.attributed.start, passage.attributed.end});
    }
    evaluation.detections.insert(evaluation.detections.end(), by_draft[d].begin(),
                                 by_draft[d].end());
  }

  for (std::size_t p = 0; p < corpus.passages.size(); ++p) {
    const PlantedPassage& passage = corpus.passages[p];
    const PanAnnotation& reuse_case = evaluation.cases[p];
    const std::vector<PanAnnotation>& found = by_draft[passage.draft];
    PassageOutcome outcome;
    outcome.recall = ScorePan({reuse_case}, found).recall;
    const PanAnnotation* best = nullptr;
    for (const PanAnnotation& detection : found) {
      if (Detects(detection, reuse_case)) ++outcome.detecting;
      if (DraftOverlap(detection, reuse_case) == 0) continue;
      outcome.overlapping.push_back(detection);
      if (best == nullptr ||
          DraftOverlap(detection, reuse_case) > DraftOverlap(*best, reuse_case)) {
        best = &detection;
      }
    }
    outcome.attributed_right = best != nullptr && best->source == reuse_case.source;
    evaluation.outcomes.push_back(std::move(outcome));
  }

  for (Obfuscation level : levels) {
    LevelEvaluation result;
    result.level = level;
    result.seconds = seconds[static_cast<int>(level)];
    std::vector<PanAnnotation> cases;
    std::vector<PanAnnotation> detections;
    for (std::size_t d = 0; d < corpus.drafts.size(); ++d) {
      if (corpus.draft_levels[d] != level) continue;
      detections.insert(detections.end(), by_draft[d].begin(), by_draft[d].end());
    }
    for (std::size_t p = 0; p < corpus.passages.size(); ++p) {
      const PlantedPassage& passage = corpus.passages[p];
      if (passage.level != level) continue;
      cases.push_back(evaluation.cases[p]);
      if (passage.holders.size() < 2) continue;
      ++result.shared;
      const PassageOutcome& outcome = evaluation.outcomes[p];
      if (outcome.overlapping.empty()) continue;
      ++result.shared_detected;
      if (outcome.attributed_right) ++result.shared_right;
    }
    result.score = ScorePan(cases, detections);
    evaluation.overall_shared_detected += result.shared_detected;
    evaluation.overall_shared_right += result.shared_right;
    evaluation.levels.push_back(result);
  }
  return evaluation;
}

}  // namespace tw::reuse::testing
