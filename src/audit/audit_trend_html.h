// The trend across drafts as one standalone HTML page: a table of the scorecard measures per
// draft (breadth, coverage of each safeguard, brackets), then for each step what got better or
// worse, article by article, with the evidence. Pure; thread-safe.
#ifndef TREATYWATCH_AUDIT_AUDIT_TREND_HTML_H_
#define TREATYWATCH_AUDIT_AUDIT_TREND_HTML_H_

#include <string>

#include "audit/audit_trend.h"
#include "audit/rule.h"

namespace tw::audit {

std::string RenderAuditTrendHtml(const AuditTrend& trend, const RulePack& pack);

// The page's two parts as fragments, for embedding in another page (the web workbench): the
// table of measures per draft ("Measures per draft") and, for each step, what got better or
// worse. Classes as in the page's style sheet (AuditReportStyle plus "direction", "d-better",
// "d-worse", "changes", "delta-better", "delta-worse").
std::string TrendMeasuresHtml(const AuditTrend& trend);
std::string TrendStepsHtml(const AuditTrend& trend, const RulePack& pack);

}  // namespace tw::audit

#endif  // TREATYWATCH_AUDIT_AUDIT_TREND_HTML_H_
