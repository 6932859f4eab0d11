// TraceReuse scored on a PAN corpus (pan_corpus.h): every draft traced against every source,
// each reported passage a detection (its draft range and its attributed source's range), and
// per obfuscation level the PAN measure (pan_measure.h), the share of shared passages attributed
// to the right source, and the time. Per planted passage the outcome, to explain what missed.
//
// Pure apart from the clock; thread-compatible.
#ifndef TREATYWATCH_TESTS_REUSE_PAN_EVALUATION_H_
#define TREATYWATCH_TESTS_REUSE_PAN_EVALUATION_H_

#include <functional>
#include <iterator>
#include <string>
#include <vector>

#include "reuse/reuse_trace.h"
#include "tests/reuse/pan_corpus.h"
#include "tests/reuse/pan_measure.h"

namespace tw::reuse::testing {

struct LevelEvaluation {
  Obfuscation level = Obfuscation::kNone;
  PanScore score;
  // Passages standing in two sources: how many some detection overlaps in the draft, and of
  // those, how many the detection overlapping most attributes to the truth. Attribution is
  // judged on found passages; whether they are found is recall's business.
  int shared = 0;
  int shared_detected = 0;
  int shared_right = 0;
  double seconds = 0;  // TraceReuse alone, all drafts of the level
  double attribution() const {
    return shared_detected == 0 ? 1.0 : static_cast<double>(shared_right) / shared_detected;
  }
};

struct PassageOutcome {
  double recall = 0;  // the PAN recall of this case alone
  int detecting = 0;  // detections that detect it (granularity's count)
  // Every detection overlapping the passage in the draft, whatever source it names.
  std::vector<PanAnnotation> overlapping;
  bool attributed_right = false;  // the most-overlapping one names the truth
};

struct PanEvaluation {
  std::vector<LevelEvaluation> levels;    // in the order asked for
  std::vector<PassageOutcome> outcomes;   // parallel to PanCorpus::passages
  std::vector<PanAnnotation> cases;       // parallel to PanCorpus::passages
  std::vector<PanAnnotation> detections;  // all drafts
  int overall_shared_detected = 0;
  int overall_shared_right = 0;
};

// Anything that traces a draft against sources: TraceReuse, or a baseline to compare it with.
using Tracer = std::function<ReuseTrace(const doc::Document& draft,
                                        const std::vector<const doc::Document*>& sources)>;

// Only the drafts of `levels` are traced; `levels` of the result follows it.
PanEvaluation Evaluate(const PanCorpus& corpus, const Tracer& tracer,
                       const std::vector<Obfuscation>& levels = {std::begin(kObfuscations),
                                                                 std::end(kObfuscations)});

// Evaluate with TraceReuse and `options`.
PanEvaluation EvaluateTraceReuse(const PanCorpus& corpus, const TraceOptions& options = {},
                                 const std::vector<Obfuscation>& levels = {
                                     std::begin(kObfuscations), std::end(kObfuscations)});

}  // namespace tw::reuse::testing

#endif  // TREATYWATCH_TESTS_REUSE_PAN_EVALUATION_H_
