// AutoChecks: the legwork an observer would do by hand to check a claim, done from the stored
// record and attached to the claim as suggested evidence (the analyst accepts or ignores each).
//
//   mirrors        "Art. X mirrors / is the same as / reproduces Art. Y of instrument Z":
//                  the crosswalk (compare/crosswalk.h) between the draft and Z's latest stored
//                  version — the similarity of X with Y and with Z's best match for X, the
//                  redline between them, words only in one of the two;
//   safeguard      "Art. X contains / lacks / omits safeguard S" (or "all the safeguards of Z"):
//                  the audit findings (audit/, default rule pack) for X — which safeguard
//                  categories are present and missing, with the rule ids and quoted words;
//   support        "N states support …", "a majority voted …", "no delegation objected to …":
//                  the tallies of the recorded votes and the current positions on the cited
//                  provisions or topic (negotiation/) — counts per stance, the actors, and
//                  whether N / majority / none holds;
//   changed-since  "Art. X was (not) changed since the last draft": the comparison of the
//                  instrument's last two versions (compare/) for X — its change kind, number
//                  before and after, words inserted and deleted.
//
// Which checks apply is decided from the claim's words and references (claim_references.h):
// a claim may trigger several, or none. Each result states a finding in one sentence with its
// numbers, an assessment (whether the record supports the claim's wording), and anchors to the
// exact words it rests on, so it can become evidence as is.
//
// Thread safety: reads the store given; one call per store object at a time.
#ifndef TREATYWATCH_FACTCHECK_AUTO_CHECKS_H_
#define TREATYWATCH_FACTCHECK_AUTO_CHECKS_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "absl/status/statusor.h"
#include "factcheck/claim.h"
#include "factcheck/evidence_anchor.h"
#include "store/store.h"

namespace tw::factcheck {

enum class Assessment {
  kSupports,      // the record bears the claim's wording out
  kContradicts,   // the record says otherwise
  kPartly,        // some of it holds
  kInconclusive,  // the record does not decide it (say why in `finding`)
};

// "supports", "contradicts", "partly", "inconclusive".
std::string_view AssessmentName(Assessment assessment);

struct AutoCheckResult {
  std::string check;    // "mirrors", "safeguard", "support", "changed-since"
  std::string finding;  // one sentence with the numbers, e.g. "Art. 7 of A/RES/79/243 and
                        // Art. 2 of the Budapest Convention: 0.71 similar; the UN text adds
                        // 'dishonest intent' ..."
  Assessment assessment = Assessment::kInconclusive;
  std::vector<EvidenceAnchor> anchors;  // the exact words it rests on, in stored documents
  nlohmann::json details;  // the numbers behind the finding, for --json and the web page
};

struct AutoCheckOptions {
  // The instrument whose version "Art. X" refers to; empty: the claim's statement's session
  // instrument, else the only instrument in the store, else the latest draft. The version is
  // the one current when the claim was made (the last dated on or before the claim's date, or
  // of its session or earlier), else the latest: see auto_check_context.h.
  std::string instrument;
};

// Runs every check that applies to `claim`; an empty result when none applies. Errors only
// for store failures; a reference the store cannot resolve becomes an inconclusive result
// saying what is missing ("no stored version of 'Budapest Convention'").
absl::StatusOr<std::vector<AutoCheckResult>> RunAutoChecks(const Claim& claim,
                                                           store::Store& store,
                                                           const AutoCheckOptions& options);

}  // namespace tw::factcheck

#endif  // TREATYWATCH_FACTCHECK_AUTO_CHECKS_H_
