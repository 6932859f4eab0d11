// Finding: the outcome of one rule for one provision of one document, with the evidence that
// decided it, so an analyst can cite the article, paragraph and words.
#ifndef TREATYWATCH_AUDIT_FINDING_H_
#define TREATYWATCH_AUDIT_FINDING_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "audit/rule.h"

namespace tw::audit {

enum class Outcome {
  kMet,       // classification applied, or every requirement found and nothing forbidden
  kMissing,   // a required pattern is absent (nothing forbidden found)
  kViolated,  // a forbidden pattern occurs
};
std::string_view OutcomeName(Outcome outcome);  // "met", "missing", "violated"

// The exact words that met or violated a rule: `document.text.substr(begin, end - begin)` is
// `quote`, byte for byte. `path` is the provision whose text holds them, which may be another
// article than the finding's (a cross-referenced safeguards article).
struct Evidence {
  std::string path;
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string quote;
  std::string pattern;  // the pattern's source as written in the pack
  bool forbidden = false;
  bool bracketed = false;  // inside square brackets: text not yet agreed
};

struct Finding {
  std::string rule_id;
  std::string path;  // the selected provision
  Outcome outcome = Outcome::kMet;
  Severity severity = Severity::kMedium;
  std::string category;                // for classification rules: the category assigned
  std::vector<Evidence> evidence;      // what was found (selector words for classifications)
  std::vector<std::string> missing;    // sources of required patterns that were not found
};

// Everything one evaluation produced. Findings are in document order, then pack order.
struct AuditResult {
  std::vector<Finding> findings;
  // Rules that selected no provision of this document (the analyst should know a rule did not
  // apply rather than read silence as compliance).
  std::vector<std::string> unmatched_rules;
};

}  // namespace tw::audit

#endif  // TREATYWATCH_AUDIT_FINDING_H_
