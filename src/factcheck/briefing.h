// Briefing: what a CSO publishes after a session — the claims made, grouped by actor, each with
// its fact-check's verdict, summary and evidence quoted with citations ("Art. 28(1),
// A/RES/79/243: “…”"), in HTML (a standalone, print-friendly page with no external requests,
// that can be published as is), Markdown and CSV. Only published fact-checks appear unless
// `include_unpublished` (for the team's internal draft briefing, marked as such on the page);
// a fact-check needing review says so beside its verdict. Pure; thread-safe.
#ifndef TREATYWATCH_FACTCHECK_BRIEFING_H_
#define TREATYWATCH_FACTCHECK_BRIEFING_H_

#include <map>
#include <string>
#include <vector>

#include "factcheck/claim_review.h"
#include "factcheck/verdict_scale.h"

namespace tw::factcheck {

// The citation of one evidence anchor: its document's cite name and its provision citation.
struct EvidenceCitation {
  std::string document;   // "A/RES/79/243"
  std::string provision;  // "Art. 28(1)"; empty when the quote is outside any provision
};

struct BriefingInput {
  std::string title;        // "Fact-checks: fourth session"
  int session = 0;          // 0: every session
  std::string session_label;  // "Fourth session, New York, 9–20 January 2023"; may be empty
  std::vector<ReviewedClaim> items;
  // Key: evidence id.
  std::map<std::int64_t, EvidenceCitation> citations;
  bool include_unpublished = false;
  Publisher publisher;
};

std::string BriefingHtml(const BriefingInput& input, const VerdictScale& scale);
std::string BriefingMarkdown(const BriefingInput& input, const VerdictScale& scale);
// One row per fact-check: actor, date, session, claim, verdict, summary, status, needs review,
// evidence citations; fields guarded against spreadsheet formulas (text/csv_field.h).
std::string BriefingCsv(const BriefingInput& input);

}  // namespace tw::factcheck

#endif  // TREATYWATCH_FACTCHECK_BRIEFING_H_
