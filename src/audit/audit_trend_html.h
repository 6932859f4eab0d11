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

}  // namespace tw::audit

#endif  // TREATYWATCH_AUDIT_AUDIT_TREND_HTML_H_
