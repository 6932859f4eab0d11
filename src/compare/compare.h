// CompareDocuments: aligns two versions of a text by content, not by number, and describes
// every difference (compare/comparison.h).
//
// Pipeline: units (preamble, articles, closing) → weighted word tokens with treaty boilerplate
// down-weighted (compare/token_weights.h) → candidate pairs from shared rare word shingles →
// Smith-Waterman similarity with containment both ways (compare/similarity.h) → 1:1 mapping
// greedy on sorted scores, then splits and joins by containment (compare/unit_mapping.h) →
// moves outside the longest increasing subsequence → the same inside matched units at
// paragraph level → word redline with semantic clean-up (compare/word_diff.h) and bracket
// changes (compare/bracket_changes.h).
//
// Pure: no I/O, deterministic, thread-compatible (no shared state).
#ifndef TREATYWATCH_COMPARE_COMPARE_H_
#define TREATYWATCH_COMPARE_COMPARE_H_

#include "compare/comparison.h"
#include "doc/document.h"

namespace tw::compare {

struct CompareOptions {
  // Least symmetric similarity (the smaller of the two containments) for a 1:1 match.
  double match_threshold = 0.30;
  // Least share of a unit found inside another for it to be a part of a split or join.
  double containment_threshold = 0.40;
  // Compare paragraphs and points inside matched units, and find paragraphs that migrated.
  bool paragraph_level = true;
  // Compute redlines (ops). Off when only the mapping is wanted (crosswalk ranking, chains).
  bool redlines = true;
};

// How a report cites a document: symbol, else title, else file name; date; chain version.
ComparedDocument DescribeComparedDocument(const doc::Document& document);

Comparison CompareDocuments(const doc::Document& old_doc, const doc::Document& new_doc,
                            const CompareOptions& options = {});

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_COMPARE_H_
