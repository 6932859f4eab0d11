// How claims, fact-checks, evidence and revisions (factcheck/claim.h, fact_check.h,
// evidence_anchor.h) become rows, the same way in every backend: the words statuses and grades
// are stored under (the schemas' CHECK constraints list the same words), the checks made before
// any row is written, the canonical JSON of a revision snapshot and of an evidence proposal, the
// equality a copy uses to tell a row it already holds from a different one, and the choice of
// the terms a claim-matching query keeps (factcheck_record.h MatchClaims).
//
// Stored words belong to the schema, not to the display names of the factcheck module: a
// database written today must read the same after a label changes, so they are spelled here
// and in the migrations, and never change once released.
//
// The JSON is canonical — object keys sorted, no spaces, numbers in their shortest round-trip
// form — and made here, in C++, for both backends, which store it as text: a snapshot is the
// same bytes in SQLite and PostgreSQL, so the table digests of a copy agree
// (content_digest.h). Thread safety: pure functions.
#ifndef TREATYWATCH_STORE_FACTCHECK_ROWS_H_
#define TREATYWATCH_STORE_FACTCHECK_ROWS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "factcheck/claim.h"
#include "factcheck/evidence_anchor.h"
#include "factcheck/fact_check.h"
#include "factcheck/verdict_scale.h"
#include "store/factcheck_record.h"

namespace tw::store {

// "official-record", "written-submission", "webcast", "third-party-report".
std::string_view StoredSourceGrade(factcheck::SourceGrade grade);
// "draft", "in-review", "published".
std::string_view StoredFactCheckStatus(factcheck::FactCheckStatus status);
// "intact", "moved", "changed", "lost", "ambiguous".
std::string_view StoredAnchorStatus(factcheck::AnchorStatus status);

// A stored word back to its value; DataLoss naming `what` for a word the schema does not allow.
absl::StatusOr<factcheck::SourceGrade> ReadSourceGrade(std::string_view stored,
                                                       std::string_view what);
absl::StatusOr<factcheck::FactCheckStatus> ReadFactCheckStatus(std::string_view stored,
                                                               std::string_view what);
absl::StatusOr<factcheck::AnchorStatus> ReadAnchorStatus(std::string_view stored,
                                                         std::string_view what);

// Bounds on what one call may store or ask; named so a message can cite them.
inline constexpr std::size_t kMaxClaimTextBytes = 20000;
inline constexpr std::size_t kMaxClaimReferences = 200;  // cited paths, and instruments
inline constexpr std::size_t kMaxMatchTerms = 64;
inline constexpr std::size_t kMaxMatchTermBytes = 200;
inline constexpr int kMaxMatchLimit = 1000;
inline constexpr std::size_t kMaxEvidenceUpdates = 100000;

// InvalidArgument naming the row and field when a value cannot be stored. `index` and `count`
// place a row of a multi-row call ("claim 2 of 3"). Ids are not checked here (a put ignores
// them, an import requires them).
absl::Status CheckClaim(const factcheck::Claim& claim, std::size_t index, std::size_t count);
// The fact-check's own values and every piece of its evidence (`what` names it: "new
// fact-check on claim 4", "fact-check 7"). The workflow (factcheck/workflow.h) is checked
// separately, against the stored revision.
absl::Status CheckFactCheck(const factcheck::FactCheck& fact_check, std::string_view what);
// At most kMaxEvidenceUpdates, each evidence id once, every value storable.
absl::Status CheckEvidenceUpdates(const std::vector<EvidenceUpdate>& updates);
// Who saves a revision: non-empty storable text.
absl::Status CheckSavedBy(std::string_view who, std::string_view change_note,
                          std::string_view what);
absl::Status CheckClaimFilter(const ClaimFilter& filter);
absl::Status CheckMatchQuery(const std::vector<std::string>& terms, int limit);
// A history as ImportFactCheck takes it: revisions 1..n in order, each snapshot naming the
// fact-check and its revision, the last one `current`'s revision, and every step allowed by the
// workflow against the scale of the verdicts the history uses (the source checked each verdict
// against its own scale when it was saved).
absl::Status CheckImportedHistory(const factcheck::FactCheck& current,
                                  const std::vector<factcheck::FactCheckRevision>& history);

// Every field equal (ids and times included); evidence compared in order, whole.
bool SameClaim(const factcheck::Claim& a, const factcheck::Claim& b);
bool SameEvidence(const factcheck::Evidence& a, const factcheck::Evidence& b);
bool SameFactCheck(const factcheck::FactCheck& a, const factcheck::FactCheck& b);
bool SameRevision(const factcheck::FactCheckRevision& a, const factcheck::FactCheckRevision& b);

// Canonical JSON of a list of texts (a claim's cited paths or instruments): ["art24","art28"].
std::string EncodeTextList(const std::vector<std::string>& texts);
absl::StatusOr<std::vector<std::string>> DecodeTextList(std::string_view json,
                                                        std::string_view what);
// An evidence proposal: {"document_id":..,"end":..,"exact":..,"path":..,"prefix":..,
// "start":..,"suffix":..}.
std::string EncodeAnchor(const factcheck::EvidenceAnchor& anchor);
absl::StatusOr<factcheck::EvidenceAnchor> DecodeAnchor(std::string_view json,
                                                       std::string_view what);
// The whole fact-check as one revision holds it, evidence included.
std::string EncodeSnapshot(const factcheck::FactCheck& fact_check);
absl::StatusOr<factcheck::FactCheck> DecodeSnapshot(std::string_view json, std::string_view what);

// The shortest text that reads back as `value` ("1", "0.8125"): how evidence similarity is
// digested, whatever text the backend returns it as.
std::string CanonicalDouble(double value);

// The message of a refused save (Aborted): "<db>: fact-check 7 was revised by NAME at TIME
// (revision 4) after you opened revision 3".
absl::Status RevisedMeanwhile(std::string_view db, std::int64_t id, std::string_view updated_by,
                              std::string_view updated_at, int revision, int expected_revision);

// --- claim matching ----------------------------------------------------------------------------
//
// MatchClaims keeps a query fast on a million claims by bounding the postings it reads. The
// backend counts each term's matching claims, but only up to MatchCountCap() + 1 (a bounded
// scan, so a common word costs no more than one at the cap); PlanClaimMatch then keeps the terms
// to query:
//   * a term in more than 5 % of the claims (kCommonTermShare) is left out when at least one
//     rarer term matches something (factcheck_record.h);
//   * of the rarer terms, rarest first, terms are kept while their matches add up to at most
//     `budget` (always at least one), so the query reads every posting of every kept term and
//     never more than `budget`;
//   * when every term that matches is common, none is rarer: all are kept, and the backend reads
//     at most `budget` postings in all, the newest claims first (per_term_postings each).
// Terms that match nothing are left out (they cannot make a candidate). The cap is
// min(5 % of the claims, budget): a term above the budget is never kept beside a rarer one, so
// counting further would be wasted.
inline constexpr double kCommonTermShare = 0.05;

struct MatchTermCount {
  std::size_t index = 0;    // position in the caller's terms
  std::int64_t claims = 0;  // claims matching it, counted up to the cap + 1
};

struct MatchPlan {
  std::vector<MatchTermCount> terms;  // kept, rarest first (all common: in the caller's order)
  bool all_common = false;
  std::int64_t per_term_postings = 0;  // postings to read of each kept term, at most
};

// The count cap for a store of `claims` claims: min(5 % of them, budget), at least 1.
std::int64_t MatchCountCap(std::int64_t claims, std::int64_t budget);

// The terms to query, from counts taken with MatchCountCap(claims, budget).
MatchPlan PlanClaimMatch(const std::vector<MatchTermCount>& counts, std::int64_t claims,
                         std::int64_t budget);

// BM25's inverse document frequency as FTS5 computes it: log((N - n + 0.5) / (n + 0.5)), at
// least 1e-6 so that a very common term still counts a little.
double MatchIdf(std::int64_t claims, std::int64_t matching);

}  // namespace tw::store

#endif  // TREATYWATCH_STORE_FACTCHECK_ROWS_H_
