#include "audit/audit_report_csv.h"

#include <fmt/format.h>

#include "audit/provision_citation.h"
#include "doc/provision.h"
#include "text/csv_field.h"

namespace tw::audit {

std::string CsvField(std::string_view value) { return text::SafeCsvField(value); }

std::string RenderAuditCsv(const doc::Document& document, const RulePack& pack,
                           const AuditResult& result) {
  std::string out =
      "document,citation,path,heading,rule,title,topic,severity,outcome,category,evidence,"
      "evidence_citations,missing\r\n";
  const std::string cite = document.CiteName();
  for (const Finding& finding : result.findings) {
    const Rule* rule = pack.FindRule(finding.rule_id);
    const doc::Provision* provision = doc::FindProvision(document.root, finding.path);
    std::string quotes, citations;
    for (const Evidence& evidence : finding.evidence) {
      if (!quotes.empty()) quotes += " | ", citations += " | ";
      quotes += evidence.quote;
      citations += ProvisionCitation(document.root, evidence.path);
    }
    std::string missing;
    for (const std::string& pattern : finding.missing) {
      if (!missing.empty()) missing += " | ";
      missing += pattern;
    }
    const std::string fields[] = {
        cite,
        ProvisionCitation(document.root, finding.path),
        finding.path,
        provision == nullptr ? std::string() : provision->heading,
        finding.rule_id,
        rule == nullptr ? std::string() : rule->title,
        rule == nullptr ? std::string() : rule->topic,
        std::string(SeverityName(finding.severity)),
        std::string(OutcomeName(finding.outcome)),
        finding.category,
        quotes,
        citations,
        missing,
    };
    for (std::size_t i = 0; i < std::size(fields); ++i) {
      if (i > 0) out += ',';
      out += CsvField(fields[i]);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace tw::audit
