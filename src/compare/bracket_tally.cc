#include "compare/bracket_tally.h"

namespace tw::compare {

BracketTally TallyBrackets(const Comparison& comparison) {
  BracketTally tally;
  for (const ArticleChange& change : comparison.changes) {
    for (const BracketChange& bracket : change.brackets) {
      switch (bracket.kind) {
        case BracketChangeKind::kAgreed: ++tally.agreed; break;
        case BracketChangeKind::kDisputed: ++tally.disputed; break;
        case BracketChangeKind::kDropped: ++tally.dropped; break;
        case BracketChangeKind::kAdded: ++tally.added; break;
      }
    }
  }
  return tally;
}

}  // namespace tw::compare
