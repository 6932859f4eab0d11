// The PAN text-alignment measure (Potthast, Stein, Barrón-Cedeño, Rosso: "An Evaluation
// Framework for Plagiarism Detection", COLING 2010), as the PAN competitions' scorer computes
// it, for scoring a reuse finder against planted ground truth.
//
// A case s (true reuse) and a detection r each name a range of a suspicious document and a
// range of a source document; as sets of characters, s and r are the union of both ranges. r
// detects s when both name the same document pair and their ranges overlap in the suspicious
// document and in the source. Then, with s ⊓ r = s ∩ r if r detects s, else ∅:
//   macro precision = mean over r of |∪_s (s ⊓ r)| / |r|
//   macro recall    = mean over s of |∪_r (s ⊓ r)| / |s|
//   granularity     = mean over the detected s of the number of r detecting s
//   PlagDet         = F1(precision, recall) / log2(1 + granularity)
// The scorer's conventions for the empty cases are kept: no cases and no detections is a
// precision and recall of 1; either one empty alone is 0; granularity with nothing detected is 1.
//
// Character-level: a detection that is a word short of the case loses that word's characters,
// and a detection naming the wrong source (a wrong attribution) detects nothing.
//
// Pure; thread-compatible.
#ifndef TREATYWATCH_TESTS_REUSE_PAN_MEASURE_H_
#define TREATYWATCH_TESTS_REUSE_PAN_MEASURE_H_

#include <cstddef>
#include <string>
#include <vector>

namespace tw::reuse::testing {

// One reuse, as a case or as a detection: half-open byte ranges of two documents.
struct PanAnnotation {
  std::string suspicious;  // the suspicious document's name
  std::size_t suspicious_begin = 0;
  std::size_t suspicious_end = 0;
  std::string source;  // the source document's name
  std::size_t source_begin = 0;
  std::size_t source_end = 0;
};

struct PanScore {
  double precision = 0;
  double recall = 0;
  double granularity = 1;
  double plagdet = 0;
  int cases = 0;
  int detections = 0;
  int detected_cases = 0;  // cases some detection detects
};

// Same document pair and overlapping ranges in both documents.
bool Detects(const PanAnnotation& detection, const PanAnnotation& reuse_case);

// F1 over log2(1 + granularity); 0 when precision and recall are both 0.
double PlagDet(double precision, double recall, double granularity);

PanScore ScorePan(const std::vector<PanAnnotation>& cases,
                  const std::vector<PanAnnotation>& detections);

}  // namespace tw::reuse::testing

#endif  // TREATYWATCH_TESTS_REUSE_PAN_MEASURE_H_
