// BracketTally: how many bracketed passages a comparison found agreed (brackets lifted, words
// kept), disputed again, dropped with their words and newly added — the numbers a summary of a
// negotiation round leads with. Pure.
#ifndef TREATYWATCH_COMPARE_BRACKET_TALLY_H_
#define TREATYWATCH_COMPARE_BRACKET_TALLY_H_

#include "compare/comparison.h"

namespace tw::compare {

struct BracketTally {
  int agreed = 0;
  int disputed = 0;
  int dropped = 0;
  int added = 0;
};

// Over every unit's bracket changes (compare/comparison.h BracketChange).
BracketTally TallyBrackets(const Comparison& comparison);

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_BRACKET_TALLY_H_
