// AuditTrend: the scorecards of successive drafts and, between each pair, what got better or
// worse article by article — "Art. 22 (was Art. 22) now names proportionality", "Art. 12 false
// information (content-related) was deleted: the scope narrowed".
//
// Provisions are followed across drafts by the content alignment of src/compare (renumbered,
// moved, split and joined articles keep their findings) or, when asked, by article number.
// Pure; thread-safe.
#ifndef TREATYWATCH_AUDIT_AUDIT_TREND_H_
#define TREATYWATCH_AUDIT_AUDIT_TREND_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/finding.h"
#include "audit/rule.h"
#include "audit/scorecard.h"
#include "doc/document.h"

namespace tw::audit {

enum class TrendAlignment {
  kContent,  // compare::CompareDocuments: articles followed by their words
  kNumbers,  // the same article number is the same article
};
std::string_view TrendAlignmentName(TrendAlignment alignment);  // "content", "numbers"

enum class TrendDirection {
  kBetter,   // a check went from violated/missing to met, or violated to missing
  kWorse,    // the other way
  kAdded,    // a provision gained the finding: a new article, a new category (scope grew)
  kRemoved,  // the provision or its category is gone
};
std::string_view TrendDirectionName(TrendDirection direction);

struct TrendChange {
  std::string rule_id;
  std::string category;  // classification changes: the category gained or lost
  TrendDirection direction = TrendDirection::kBetter;
  Severity severity = Severity::kMedium;
  std::string old_path;  // empty for kAdded of a new provision
  std::string new_path;  // empty for kRemoved of a deleted provision
  std::string old_citation;
  std::string new_citation;
  std::string heading;  // of the provision's article, new text first
  std::optional<Outcome> before;  // absent for a classification or a new provision
  std::optional<Outcome> after;
  std::vector<Evidence> evidence;  // of the newer finding when there is one, else the older
  std::vector<std::string> evidence_citations;  // "Art. 22(1)", parallel to `evidence`
};

// Rules of this topic measure agreement (brackets). Their changes between drafts touch most
// articles, so a step also sums them up as two lists ("agreed: Arts. 5, 7 and 11").
inline constexpr std::string_view kProgressTopic = "progress";

// One draft to the next.
struct TrendStep {
  std::string old_cite;
  std::string new_cite;
  std::vector<TrendChange> changes;  // in the new text's document order, removals last
  int better = 0;
  int worse = 0;
  std::vector<ScorecardArticle> agreed;    // progress rules now met (brackets lifted)
  std::vector<ScorecardArticle> disputed;  // progress rules met before, violated now
};

struct AuditedDraft {
  const doc::Document* document = nullptr;  // borrowed; outlives the call
  AuditResult result;
};

struct AuditTrend {
  TrendAlignment alignment = TrendAlignment::kContent;
  std::vector<Scorecard> scorecards;  // one per draft, in the order given
  std::vector<TrendStep> steps;       // drafts.size() - 1 of them
};

AuditTrend MakeAuditTrend(const std::vector<AuditedDraft>& drafts, const RulePack& pack,
                          TrendAlignment alignment);

}  // namespace tw::audit

#endif  // TREATYWATCH_AUDIT_AUDIT_TREND_H_
