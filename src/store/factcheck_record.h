// FactCheckRecord: the store's half that keeps claims, fact-checks with their evidence anchors,
// and every revision of every fact-check (factcheck/claim.h, fact_check.h, evidence_anchor.h).
//
// An interface, inherited virtually by Store like NegotiationRecord; each backend implements it
// in a class of its own (sqlite/sqlite_factchecks.h, postgres/pg_factchecks.h). The guarantees
// of store.h hold: every write is one transaction; one object, one thread.
//
// Revisions are append-only in the schema itself (triggers refuse UPDATE and DELETE of
// factcheck_revisions in both backends), so no command, server or SQL client going through the
// store can rewrite history. Saving checks factcheck/workflow.h first, and uses optimistic
// concurrency: the caller names the revision it edited, and if someone saved another since, the
// save is refused (Aborted, "fact-check 7 was revised by NAME at TIME (revision 4) after you
// opened revision 3") and nothing is written, so two analysts never overwrite each other.
#ifndef TREATYWATCH_STORE_FACTCHECK_RECORD_H_
#define TREATYWATCH_STORE_FACTCHECK_RECORD_H_

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

namespace tw::store {

struct ClaimFilter {
  std::string actor;           // actor id; empty: every actor
  std::optional<int> session;
  std::optional<int> limit;    // the earliest first
};

struct FactCheckFilter {
  std::optional<std::int64_t> claim_id;
  std::optional<factcheck::FactCheckStatus> status;
  bool needs_review_only = false;  // some evidence is changed, lost or ambiguous
};

// A stored claim that shares rare words with a query, and how well by the full-text engine's
// ranking (SQLite: BM25 over the FTS5 index's postings, sqlite_factchecks.cc; PostgreSQL
// ts_rank_cd): higher is better; comparable within one result only.
struct ClaimCandidate {
  factcheck::Claim claim;
  double text_score = 0;
};

// The re-anchoring of one piece of evidence against a newer document version.
struct EvidenceUpdate {
  std::int64_t evidence_id = 0;
  factcheck::EvidenceAnchor anchor;  // where it is now (moved only for intact/moved)
  factcheck::AnchorStatus status = factcheck::AnchorStatus::kIntact;
  double similarity = 1.0;
  std::optional<factcheck::EvidenceAnchor> proposal;
  std::int64_t checked_against = 0;
};

// A piece of evidence with the fact-check it belongs to, for re-anchoring.
struct StoredEvidence {
  std::int64_t factcheck_id = 0;
  factcheck::Evidence evidence;
};

class FactCheckRecord {
 public:
  virtual ~FactCheckRecord() = default;

  // Stores a new claim (its id and created_at are assigned) and returns the id. The text must
  // be non-empty valid UTF-8 without NUL; `statement_id`, when not 0, must name a statement.
  virtual absl::StatusOr<std::int64_t> PutClaim(const factcheck::Claim& claim) = 0;
  virtual absl::StatusOr<std::optional<factcheck::Claim>> LoadClaim(std::int64_t id) = 0;
  // Ordered by date (undated first), then id.
  virtual absl::StatusOr<std::vector<factcheck::Claim>> ListClaims(const ClaimFilter& filter) = 0;

  // Claims containing any of `terms` (plain words; the store quotes them for its engine and
  // stems them as its full-text index does), best first, at most `limit`. Terms so common
  // that they would make the query scan most claims are left out by the store (those whose
  // document frequency exceeds 5 % of the claims when at least one rarer term remains), and
  // the rest are kept rarest first while their matches fit a budget of postings
  // (store/factcheck_rows.h PlanClaimMatch), so a query stays fast on a million claims.
  virtual absl::StatusOr<std::vector<ClaimCandidate>> MatchClaims(
      const std::vector<std::string>& terms, int limit) = 0;

  // Stores a new fact-check as revision 1 (status must be draft), with its evidence, and
  // returns the id. `fact_check.author` saves it.
  virtual absl::StatusOr<std::int64_t> CreateFactCheck(const factcheck::FactCheck& fact_check,
                                                       const factcheck::VerdictScale& scale) = 0;
  // Saves `next` (its id names the fact-check) as a new revision by `who`, if the current
  // revision is still `expected_revision` (else Aborted, see above) and the workflow allows it
  // (factcheck::CheckRevision). The evidence list replaces the current one: evidence with an
  // id keeps it (and its re-anchoring state), evidence with id 0 is added. Returns the new
  // revision number.
  virtual absl::StatusOr<int> ReviseFactCheck(const factcheck::FactCheck& next,
                                              int expected_revision, std::string_view who,
                                              std::string_view change_note,
                                              const factcheck::VerdictScale& scale) = 0;
  // The current revision with its evidence (in the order added); nullopt when none.
  virtual absl::StatusOr<std::optional<factcheck::FactCheck>> LoadFactCheck(std::int64_t id) = 0;
  // Ordered by id.
  virtual absl::StatusOr<std::vector<factcheck::FactCheck>> ListFactChecks(
      const FactCheckFilter& filter) = 0;
  // Every revision, oldest first.
  virtual absl::StatusOr<std::vector<factcheck::FactCheckRevision>> FactCheckHistory(
      std::int64_t id) = 0;

  // Evidence whose anchor is in any of `document_ids` (all evidence when empty), ordered by
  // evidence id.
  virtual absl::StatusOr<std::vector<StoredEvidence>> ListEvidence(
      const std::vector<std::int64_t>& document_ids) = 0;
  // Writes re-anchoring results in one transaction. Not a revision: the words of the
  // fact-check did not change, only where its quotes stand; NeedsReview reads the result.
  virtual absl::Status UpdateEvidence(const std::vector<EvidenceUpdate>& updates) = 0;

  // For `migrate`: store claims and fact-checks as the source holds them, under their ids,
  // every revision included, in one transaction; the result is how many were newly stored.
  // Rows already here under the same id with the same content are skipped; FailedPrecondition
  // when an id holds another row here.
  virtual absl::StatusOr<int> ImportClaims(const std::vector<factcheck::Claim>& claims) = 0;
  virtual absl::StatusOr<int> ImportFactCheck(
      const factcheck::FactCheck& current,
      const std::vector<factcheck::FactCheckRevision>& history) = 0;
};

}  // namespace tw::store

#endif  // TREATYWATCH_STORE_FACTCHECK_RECORD_H_
