// The audit and the trend as text for a terminal: the scorecard first, then the problems
// (violated and missing findings, gravest first) with their evidence and citation. Met findings
// are counted, not listed (the JSON, CSV and HTML reports list them). Colour only when asked.
// Pure; thread-safe.
#ifndef TREATYWATCH_AUDIT_AUDIT_REPORT_TEXT_H_
#define TREATYWATCH_AUDIT_AUDIT_REPORT_TEXT_H_

#include <string>

#include "audit/audit_trend.h"
#include "audit/finding.h"
#include "audit/rule.h"
#include "audit/scorecard.h"
#include "doc/document.h"

namespace tw::audit {

struct AuditTextOptions {
  bool color = false;
  bool scorecard_only = false;  // the demo prints scorecards; the findings are in the HTML
};

std::string RenderAuditText(const doc::Document& document, const RulePack& pack,
                            const AuditResult& result, const Scorecard& card,
                            const AuditTextOptions& options = {});

std::string RenderScorecardText(const Scorecard& card, const AuditTextOptions& options = {});

std::string RenderAuditTrendText(const AuditTrend& trend, const RulePack& pack,
                                 const AuditTextOptions& options = {});

// "Arts. 5, 6 and 9" of a list of article citations ("Art. 5", "Art. 6", "Art. 9").
std::string JoinCitations(const std::vector<ScorecardArticle>& articles);

}  // namespace tw::audit

#endif  // TREATYWATCH_AUDIT_AUDIT_REPORT_TEXT_H_
