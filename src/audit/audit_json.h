// JSON of an audit and of a trend, for scripts (`--json`, `--format json`) and the web API.
// Offsets are byte offsets into the document's stored text; every evidence quote is exactly
// text[begin, end). Pure; thread-safe.
#ifndef TREATYWATCH_AUDIT_AUDIT_JSON_H_
#define TREATYWATCH_AUDIT_AUDIT_JSON_H_

#include <nlohmann/json.hpp>

#include "audit/audit_trend.h"
#include "audit/finding.h"
#include "audit/rule.h"
#include "audit/scorecard.h"
#include "doc/document.h"

namespace tw::audit {

nlohmann::json ScorecardToJson(const Scorecard& card);

nlohmann::json AuditToJson(const doc::Document& document, const RulePack& pack,
                           const AuditResult& result, const Scorecard& card);

nlohmann::json AuditTrendToJson(const AuditTrend& trend, const RulePack& pack);

}  // namespace tw::audit

#endif  // TREATYWATCH_AUDIT_AUDIT_JSON_H_
