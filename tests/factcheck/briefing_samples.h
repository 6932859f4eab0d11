// Fact-checks made by hand for the briefing and ClaimReview tests and the browser check of the
// briefing page: states and groups, published, corrected, needing review, drafts; and a hostile
// set whose every field carries markup, Markdown syntax or spreadsheet formulas. The quotes are
// the real words of A/RES/79/243 and the Budapest Convention; the claims are invented.
#ifndef TREATYWATCH_TESTS_FACTCHECK_BRIEFING_SAMPLES_H_
#define TREATYWATCH_TESTS_FACTCHECK_BRIEFING_SAMPLES_H_

#include "factcheck/briefing.h"

namespace tw::factcheck::testing {

// Seven fact-checks by six actors (Brazil twice, dated out of order; Côte d'Ivoire, Costa Rica
// and Croatia to test the alphabetical order; the European Union as a group), of which one is a
// draft and one in review, one corrected, one with changed evidence, session 4 but one (5).
BriefingInput SampleBriefing();

// Two published fact-checks whose text fields are hostile.
BriefingInput HostileBriefing();

}  // namespace tw::factcheck::testing

#endif  // TREATYWATCH_TESTS_FACTCHECK_BRIEFING_SAMPLES_H_
