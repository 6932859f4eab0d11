// Hand-made comparisons for the report tests and the browser check: one realistic (every change
// kind, a move across chapters, a split, a join, bracket changes, paragraph breaks inside
// inserted and deleted runs, a paragraph that migrated), one hostile (markup, entities, quotes,
// control characters, ill-formed UTF-8, Markdown syntax and hostile paths in every field).
#ifndef TREATYWATCH_TESTS_COMPARE_REPORT_SAMPLES_H_
#define TREATYWATCH_TESTS_COMPARE_REPORT_SAMPLES_H_

#include "compare/comparison.h"

namespace tw::compare::testing {

// Old order: Preamble, Arts. 1–7, final clause. New order: Preamble, Art. 1 (amended), [old
// Art. 2 deleted], Art. 2 (was Art. 3, renumbered), Art. 3 (new), Arts. 4 and 5 (old Art. 5
// split), Art. 6 (old Arts. 6 and 7 merged), Art. 7 (old Art. 4 moved from Chapter I to
// Chapter III, renumbered and amended), final clause.
Comparison SampleComparison();

// Old order: "Art. 1", "Art. 2 <x>" (moved), "ART1" twin. New order: Art. 1, Art. 3 (new),
// Art. 9 (the moved one), the twin unchanged.
Comparison HostileComparison();

// Three moves, two of them from the very start of the earlier text: old order Arts. 1–5, new
// order Art. 5, Art. 2, Art. 1 (all moved), Art. 3, Art. 4.
Comparison ShuffledComparison();

}  // namespace tw::compare::testing

#endif  // TREATYWATCH_TESTS_COMPARE_REPORT_SAMPLES_H_
