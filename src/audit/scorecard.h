// Scorecard: one draft summed up the way a CSO briefing opens — how broad the treaty is
// (criminalisation articles per scope category), how well its powers and cooperation articles
// meet each safeguard, and how much text is still in square brackets.
//
// Built from a document, the pack it was audited with and the findings; a plain value that owns
// its strings. Pure; thread-safe.
#ifndef TREATYWATCH_AUDIT_SCORECARD_H_
#define TREATYWATCH_AUDIT_SCORECARD_H_

#include <string>
#include <vector>

#include "audit/finding.h"
#include "audit/rule.h"
#include "doc/document.h"

namespace tw::audit {

struct ScorecardArticle {
  std::string path;      // "art12"
  std::string citation;  // "Art. 12"
  std::string heading;
};

// One category of a classification: how many provisions fell into it, and which.
struct CategoryCount {
  std::string category;  // id
  std::string title;
  bool breadth = false;
  // A scope category: a breadth one, or another subdivision of what breadth categories divide
  // ("ancillary" beside "cyber-dependent"). The rest describe structure ("procedural power").
  bool scope = false;
  std::vector<ScorecardArticle> provisions;
};

// How the provisions one check rule selected fared.
struct RuleCoverage {
  std::string rule_id;
  std::string title;
  std::string topic;
  Severity severity = Severity::kMedium;
  int selected = 0;
  int met = 0;
  int missing = 0;
  int violated = 0;
  double percent_met() const { return selected == 0 ? 0.0 : 100.0 * met / selected; }
};

// Square brackets and options: how far the text is from agreement.
struct AgreementProgress {
  int articles = 0;
  int articles_with_brackets = 0;
  int bracket_spans = 0;         // outermost bracket pairs (footnote markers excluded)
  double bracketed_percent = 0;  // bytes inside outermost brackets / bytes of the text
  int options = 0;               // "Option 1", "Option 2" alternatives still on the table
  int articles_with_options = 0;
};

struct Scorecard {
  std::string cite;  // "A/AC.291/22", else the title
  std::string title;
  std::string date;
  // Every category a classification rule assigned, breadth categories first, in pack order.
  std::vector<CategoryCount> categories;
  // Provisions of the category that the breadth categories subdivide ("criminalisation") that
  // no subdividing rule classified: the pack's headings did not recognise them.
  std::vector<ScorecardArticle> unclassified;
  int breadth_total = 0;  // provisions in breadth categories
  std::vector<RuleCoverage> coverage;  // check rules, pack order
  AgreementProgress progress;
  int missing = 0;   // check findings missing
  int violated = 0;  // check findings violated
  int met = 0;
};

Scorecard MakeScorecard(const doc::Document& document, const RulePack& pack,
                        const AuditResult& result);

// Outermost square brackets and options of a document (shared with the trend).
AgreementProgress MeasureAgreementProgress(const doc::Document& document);

}  // namespace tw::audit

#endif  // TREATYWATCH_AUDIT_SCORECARD_H_
