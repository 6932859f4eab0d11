// The audit as one standalone HTML page (compare/html_page.h: no script, no request, printable):
// the scorecard, a heatmap of articles × rules coloured by outcome (with a symbol in each cell so
// colour is never the only signal), then every finding by article with its evidence quoted and
// cited ("Art. 24(1), A/AC.291/22"), the rule's rationale and sources.
// Pure; thread-safe.
#ifndef TREATYWATCH_AUDIT_AUDIT_REPORT_HTML_H_
#define TREATYWATCH_AUDIT_AUDIT_REPORT_HTML_H_

#include <string>
#include <string_view>

#include "audit/finding.h"
#include "audit/rule.h"
#include "audit/scorecard.h"
#include "doc/document.h"

namespace tw::audit {

std::string RenderAuditHtml(const doc::Document& document, const RulePack& pack,
                            const AuditResult& result, const Scorecard& card);

// The style sheet the audit pages add to the shared one (also used by the trend page).
std::string_view AuditReportStyle();

// The scorecard section (breadth, coverage, agreement) as HTML, shared with the trend page.
std::string ScorecardHtml(const Scorecard& card);

}  // namespace tw::audit

#endif  // TREATYWATCH_AUDIT_AUDIT_REPORT_HTML_H_
