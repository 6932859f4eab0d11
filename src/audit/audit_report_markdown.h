// The audit as Markdown (GitHub-flavoured tables) for a briefing note: scorecard, then every
// violated and missing finding with its evidence quoted and cited, then the met findings in a
// compact table. Text from documents and packs is escaped so it cannot open Markdown syntax.
// Pure; thread-safe.
#ifndef TREATYWATCH_AUDIT_AUDIT_REPORT_MARKDOWN_H_
#define TREATYWATCH_AUDIT_AUDIT_REPORT_MARKDOWN_H_

#include <string>

#include "audit/finding.h"
#include "audit/rule.h"
#include "audit/scorecard.h"
#include "doc/document.h"

namespace tw::audit {

std::string RenderAuditMarkdown(const doc::Document& document, const RulePack& pack,
                                const AuditResult& result, const Scorecard& card);

}  // namespace tw::audit

#endif  // TREATYWATCH_AUDIT_AUDIT_REPORT_MARKDOWN_H_
