// The findings as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold
// a comma, a quote or a line break), one row per finding, for spreadsheets. A field that a
// spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an apostrophe.
// Pure; thread-safe.
#ifndef TREATYWATCH_AUDIT_AUDIT_REPORT_CSV_H_
#define TREATYWATCH_AUDIT_AUDIT_REPORT_CSV_H_

#include <string>
#include <string_view>

#include "audit/finding.h"
#include "audit/rule.h"
#include "doc/document.h"

namespace tw::audit {

std::string RenderAuditCsv(const doc::Document& document, const RulePack& pack,
                           const AuditResult& result);

// One CSV field, quoted and formula-guarded as above.
std::string CsvField(std::string_view value);

}  // namespace tw::audit

#endif  // TREATYWATCH_AUDIT_AUDIT_REPORT_CSV_H_
