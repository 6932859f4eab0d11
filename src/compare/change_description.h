// One sentence per change, the way a negotiator says it: "Art. 5 became Art. 6 (renumbered,
// same words)", "Art. 14 was split into Arts. 14 and 15", "Brackets around “serious crime”
// removed (agreed)". Shared by every report so they all tell the same story.
#ifndef TREATYWATCH_COMPARE_CHANGE_DESCRIPTION_H_
#define TREATYWATCH_COMPARE_CHANGE_DESCRIPTION_H_

#include <string>

#include "compare/comparison.h"

namespace tw::compare {

std::string DescribeChange(const ArticleChange& change);
std::string DescribeBracketChange(const BracketChange& change);
std::string DescribeProvisionChange(const ProvisionChange& change);
// "40 articles → 40: 20 unchanged, 8 modified, …; brackets 53 → 37; 4.2 % of words changed".
std::string DescribeSummary(const ComparisonSummary& summary);

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_CHANGE_DESCRIPTION_H_
