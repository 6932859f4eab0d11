// The fact-check record's part of the SQLite Store (factcheck_record.h: claims, fact-checks,
// evidence, revisions), over the tables of migration 4 (sqlite_migrations.cc). SqliteStore
// mixes it in. Each call is one transaction of its own, as every Store call is (writes BEGIN
// IMMEDIATE, reads one snapshot); values are checked (factcheck_rows.h) before the transaction
// begins, and the workflow (factcheck/workflow.h) inside it, against the revision stored then.
// Error messages start with the database path.
//
// Saving a revision: BEGIN IMMEDIATE takes the write lock first, so between reading the
// current revision number and writing the next one no other process can save: the optimistic
// check (the caller's expected revision) and the write are one atomic step. Evidence that
// keeps its id keeps its row: its anchor and re-anchoring state are written only by
// UpdateEvidence (a revision built from a copy loaded before a re-anchoring must not undo it);
// a revision changes only its note. Each revision stores the fact-check as it was then stored
// (evidence in id order), so LoadFactCheck right after a save equals the save's snapshot.
//
// Matching claims reads FTS5's postings directly and scores them with BM25 itself (see
// MatchClaims in the .cc): FTS5's own bm25() costs about 1.5 µs a matching row, reading a
// posting about 0.1-0.2 µs, and only the cheap one fits a million claims in 50 ms.
// Ownership: borrows the store's connection, which must outlive it. Thread safety: as the
// connection (one thread at a time).
#ifndef TREATYWATCH_STORE_SQLITE_SQLITE_FACTCHECKS_H_
#define TREATYWATCH_STORE_SQLITE_SQLITE_FACTCHECKS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "store/factcheck_record.h"
#include "store/sqlite/sqlite_connection.h"

namespace tw::store {

class SqliteFactCheckRecord : public virtual FactCheckRecord {
 public:
  explicit SqliteFactCheckRecord(SqliteConnection& connection) : connection_(connection) {}

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

  // Postings a claim match reads at most (factcheck_rows.h PlanClaimMatch). Measured on
  // 1,000,000 generated claims (factcheck_store_test.cc ClaimMatchAtScale) on a 2-core machine
  // busy with builds: 10,000 gave p50 8 ms and p99 16-24 ms, the source claim first for 85 % of
  // reworded queries; 20,000 gave p99 23-45 ms (88 %), 50,000 p99 100 ms (90 %). Counting a
  // common term up to the cap is most of the cost (about 70 ns a posting).
  static constexpr std::int64_t kMatchBudget = 10000;

 private:
  // Steps run inside the caller's transaction.
  // InvalidArgument naming `what` unless the row exists.
  absl::Status RequireRow(std::string_view sql, std::int64_t id, std::string_view what);
  absl::Status RequireEvidenceDocuments(const factcheck::FactCheck& fact_check,
                                        std::string_view what);
  absl::StatusOr<std::int64_t> InsertClaim(const factcheck::Claim& claim,
                                           std::optional<std::int64_t> id,
                                           std::string_view created_at, SqliteStatement& insert);
  // The fact-check row; `id` nullopt: the database assigns one.
  absl::StatusOr<std::int64_t> InsertFactCheckRow(const factcheck::FactCheck& fact_check,
                                                  std::optional<std::int64_t> id);
  absl::Status InsertEvidence(std::int64_t factcheck_id, const factcheck::Evidence& evidence,
                              std::optional<std::int64_t> id);
  absl::Status InsertRevision(std::int64_t factcheck_id, const factcheck::FactCheckRevision& row);
  // Rows selected by `where` (constant SQL; parameters ?1.. bound from the arguments).
  template <typename... Args>
  absl::StatusOr<std::vector<factcheck::Claim>> SelectClaims(std::string_view where,
                                                             const Args&... args);
  template <typename... Args>
  absl::StatusOr<std::vector<factcheck::FactCheck>> SelectFactChecks(std::string_view where,
                                                                     const Args&... args);
  // The current evidence of `factcheck_id`, in id order.
  absl::StatusOr<std::vector<factcheck::Evidence>> SelectEvidence(std::int64_t factcheck_id);
  absl::StatusOr<std::vector<factcheck::FactCheckRevision>> SelectHistory(std::int64_t id);
  absl::StatusOr<std::optional<factcheck::FactCheck>> SelectFactCheck(std::int64_t id);

  SqliteConnection& connection_;
};

}  // namespace tw::store

#endif  // TREATYWATCH_STORE_SQLITE_SQLITE_FACTCHECKS_H_
