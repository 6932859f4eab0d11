// The fact-check record's part of the PostgreSQL Store (factcheck_record.h: claims,
// fact-checks, evidence, revisions), over the tables of migration 4 (pg_migrations.cc).
// PostgresStore mixes it in. Each call is one transaction of its own (pg_transaction.h: writes
// at READ COMMITTED, reads in one REPEATABLE READ snapshot); values are checked
// (factcheck_rows.h) before the transaction begins, the workflow (factcheck/workflow.h) inside
// it, against the revision stored then. Error messages start with the database name.
//
// Concurrent savers: a revision first locks the fact-check's row (SELECT ... FOR UPDATE), so a
// second server saving the same fact-check waits for the first to commit, then reads the
// revision it wrote and is refused (Aborted) if its caller opened an older one. New ids come
// from the tables' identity sequences. Evidence follows the SQLite record's rules
// (sqlite_factchecks.h): a kept piece changes only its note, its anchor and re-anchoring state
// are written by UpdateEvidence alone.
//
// Matching claims uses the generated tsvector and its GIN index: each term is counted up to a
// cap (factcheck_rows.h PlanClaimMatch), the kept ones are OR-ed into one tsquery, and at
// most kMatchBudget matching claims are ranked by ts_rank_cd.
// Ownership: borrows the store's connection, which must outlive it. Thread safety: as the
// connection (one thread at a time).
#ifndef TREATYWATCH_STORE_POSTGRES_PG_FACTCHECKS_H_
#define TREATYWATCH_STORE_POSTGRES_PG_FACTCHECKS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "store/factcheck_record.h"
#include "store/postgres/pg_connection.h"

namespace tw::store {

class PgFactCheckRecord : public virtual FactCheckRecord {
 public:
  explicit PgFactCheckRecord(PgConnection& connection) : connection_(connection) {}

  absl::StatusOr<std::int64_t> PutClaim(const factcheck::Claim& claim) override;
  absl::StatusOr<std::optional<factcheck::Claim>> LoadClaim(std::int64_t id) override;
  absl::StatusOr<std::vector<factcheck::Claim>> ListClaims(const ClaimFilter& filter) override;
  absl::StatusOr<std::vector<ClaimCandidate>> MatchClaims(const std::vector<std::string>& terms,
                                                          int limit) override;
  absl::StatusOr<std::int64_t> CreateFactCheck(const factcheck::FactCheck& fact_check,
                                               const factcheck::VerdictScale& scale) override;
  absl::StatusOr<int> ReviseFactCheck(const factcheck::FactCheck& next, int expected_revision,
                                      std::string_view who, std::string_view change_note,
                                      const factcheck::VerdictScale& scale) override;
  absl::StatusOr<std::optional<factcheck::FactCheck>> LoadFactCheck(std::int64_t id) override;
  absl::StatusOr<std::vector<factcheck::FactCheck>> ListFactChecks(
      const FactCheckFilter& filter) override;
  absl::StatusOr<std::vector<factcheck::FactCheckRevision>> FactCheckHistory(
      std::int64_t id) override;
  absl::StatusOr<std::vector<StoredEvidence>> ListEvidence(
      const std::vector<std::int64_t>& document_ids) override;
  absl::Status UpdateEvidence(const std::vector<EvidenceUpdate>& updates) override;
  absl::StatusOr<int> ImportClaims(const std::vector<factcheck::Claim>& claims) override;
  absl::StatusOr<int> ImportFactCheck(
      const factcheck::FactCheck& current,
      const std::vector<factcheck::FactCheckRevision>& history) override;

  // Matching claims ranked at most (factcheck_rows.h PlanClaimMatch): ts_rank_cd reads each
  // claim's tsvector, a few µs a row.
  static constexpr std::int64_t kMatchBudget = 10000;

 private:
  // Steps run inside the caller's transaction.
  // InvalidArgument naming `what` unless `ids` (JSON array) all name rows of `table`.
  absl::Status RequireRows(std::string_view table, const std::vector<std::int64_t>& ids,
                           std::string_view what);
  absl::Status RequireEvidenceDocuments(const std::vector<factcheck::Evidence>& evidence,
                                        std::string_view what);
  absl::Status InsertClaims(const std::vector<factcheck::Claim>& claims,
                            const std::vector<std::int64_t>& ids, std::string_view created_at);
  // Inserts the evidence; ids of 0 are assigned.
  absl::Status InsertEvidence(std::int64_t factcheck_id,
                              const std::vector<factcheck::Evidence>& evidence);
  absl::Status InsertRevision(std::int64_t factcheck_id, const factcheck::FactCheckRevision& row);
  // After rows were inserted with explicit ids: the identity hands out ids above them.
  absl::Status AdvanceIdentity(std::string_view table, std::int64_t id);
  // Rows selected by `where` (constant SQL; `params` bound to $1, $2, ...).
  absl::StatusOr<std::vector<factcheck::Claim>> SelectClaims(std::string_view where,
                                                             const std::vector<PgParam>& params);
  absl::StatusOr<std::vector<factcheck::FactCheck>> SelectFactChecks(
      std::string_view where, const std::vector<PgParam>& params);
  absl::StatusOr<std::optional<factcheck::FactCheck>> SelectFactCheck(std::int64_t id);
  // Evidence selected by `where`, in id order, with the fact-check each belongs to.
  absl::StatusOr<std::vector<StoredEvidence>> SelectEvidence(std::string_view where,
                                                             const std::vector<PgParam>& params);
  absl::StatusOr<std::vector<factcheck::FactCheckRevision>> SelectHistory(std::int64_t id);

  const std::string& db() const { return connection_.name(); }

  PgConnection& connection_;
};

}  // namespace tw::store

#endif  // TREATYWATCH_STORE_POSTGRES_PG_FACTCHECKS_H_
