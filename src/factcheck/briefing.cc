// The briefing as CSV, one row per fact-check in the order of the HTML page and the Markdown
// (briefing_content.h); those two renderers are in briefing_html.cc and briefing_markdown.cc.
// Every text field goes through the spreadsheet formula guard (text/csv_field.h): a claim that
// starts with "=" is words someone said, not a formula to run.
#include "factcheck/briefing.h"

#include <fmt/format.h>

#include <string>
#include <vector>

#include "compare/printable_text.h"
#include "factcheck/briefing_content.h"
#include "factcheck/publication_text.h"
#include "text/csv_field.h"

namespace tw::factcheck {
namespace {

// Guarded here, quoted by CsvLine.
std::string Field(std::string_view value) {
  return text::GuardCsvField(compare::PrintableText(value));
}

}  // namespace

std::string BriefingCsv(const BriefingInput& input) {
  std::string out = text::CsvLine({"factcheck", "actor", "date", "session", "claim", "verdict",
                                   "summary", "status", "needs_review", "corrected", "evidence"});
  for (const BriefingActor& actor : BriefingActors(input)) {
    for (const ReviewedClaim* item : actor.items) {
      const FactCheck& fact_check = item->fact_check;
      std::vector<std::string> citations;
      for (const Evidence& evidence : fact_check.evidence) {
        citations.push_back(EvidenceCitationText(input, evidence));
      }
      out += text::CsvLine({
          std::to_string(fact_check.id),
          Field(actor.name),
          Field(item->claim.date),
          item->claim.session > 0 ? std::to_string(item->claim.session) : std::string(),
          Field(item->claim.text),
          Field(fact_check.verdict),
          Field(fact_check.summary),
          std::string(FactCheckStatusName(fact_check.status)),
          NeedsReview(fact_check) ? "yes" : "no",
          IsCorrected(fact_check) ? "yes" : "no",
          Field(fmt::format("{}", fmt::join(citations, "; "))),
      });
    }
  }
  return out;
}

}  // namespace tw::factcheck
