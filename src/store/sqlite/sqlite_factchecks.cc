#include "store/sqlite/sqlite_factchecks.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "factcheck/workflow.h"
#include "store/document_rows.h"
#include "store/factcheck_rows.h"
#include "store/negotiation_rows.h"
#include "store/sqlite/sqlite_transaction.h"

namespace tw::store {
namespace {

using Mode = SqliteTransaction::Mode;

// SQLite reads LIMIT -1 as "no limit".
constexpr std::int64_t kNoLimit = -1;

constexpr std::string_view kSelectClaim = R"sql(
SELECT c.id, c.text, c.actor, coalesce(c.statement_id, 0), c.session, c.date, c.source_grade,
       c.source_url, c.cited_paths, c.instruments, c.created_by, c.created_at
  FROM claims AS c
)sql";

constexpr std::string_view kSelectFactCheck = R"sql(
SELECT f.id, f.claim_id, f.revision, f.status, f.verdict, f.summary, f.rationale, f.author,
       f.updated_by, f.created_at, f.updated_at, coalesce(f.published_at, ''), f.change_note
  FROM factchecks AS f
)sql";

constexpr std::string_view kSelectEvidence = R"sql(
SELECT e.id, e.document_id, e.path, e.exact, e.prefix, e.suffix, e.start_offset, e.end_offset,
       e.note, e.origin, e.status, e.similarity, e.proposal, coalesce(e.checked_against, 0),
       e.factcheck_id
  FROM evidence AS e
)sql";

constexpr std::string_view kInsertClaim = R"sql(
INSERT INTO claims (id, text, actor, statement_id, session, date, source_grade, source_url,
                    cited_paths, instruments, created_by, created_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
)sql";

// The evidence condition of FactCheckFilter::needs_review_only (factcheck::NeedsReview): some
// anchor no longer quotes the current text word for word.
constexpr std::string_view kNeedsReview =
    "EXISTS (SELECT 1 FROM evidence AS r WHERE r.factcheck_id = f.id "
    "AND r.status IN ('changed', 'lost', 'ambiguous'))";

absl::Status InPath(const SqliteConnection& connection, const absl::Status& status) {
  return absl::Status(status.code(),
                      fmt::format("{}: {}", connection.path(), std::string(status.message())));
}

std::optional<std::int64_t> IdOrNull(std::int64_t id) {
  return id == 0 ? std::nullopt : std::optional<std::int64_t>(id);
}

std::optional<std::string> TextOrNull(const std::string& text) {
  return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

std::string Now() { return FormatIngestedAt(std::chrono::system_clock::now()); }

// A term as one FTS5 string: the tokenizer splits and stems it as it did the claims, and no
// character of it is query syntax.
std::string QuoteFtsTerm(std::string_view term) {
  std::string quoted = "\"";
  for (char c : term) {
    quoted += c;
    if (c == '"') quoted += '"';
  }
  quoted += '"';
  return quoted;
}

// "[1,2,3]": the ids as one parameter, read by json_each.
std::string IdJson(const std::vector<std::int64_t>& ids) {
  return fmt::format("[{}]", fmt::join(ids, ","));
}

absl::StatusOr<std::size_t> ReadOffset(const SqliteStatement& row, int column,
                                       std::string_view what) {
  const std::int64_t value = row.ColumnInt64(column);
  if (value < 0) {
    return absl::DataLossError(fmt::format("{} has a negative offset {}", what, value));
  }
  return static_cast<std::size_t>(value);
}

}  // namespace

// --- steps inside a transaction ------------------------------------------------------------------

absl::Status SqliteFactCheckRecord::RequireRow(std::string_view sql, std::int64_t id,
                                               std::string_view what) {
  absl::StatusOr<SqliteStatement> query = connection_.Prepare(sql);
  if (!query.ok()) return query.status();
  if (absl::Status s = query->Bind(id); !s.ok()) return s;
  absl::StatusOr<bool> found = query->Step();
  if (!found.ok()) return found.status();
  query->Reset();
  if (!*found) {
    return absl::InvalidArgumentError(
        fmt::format("{}: {} {} does not exist", connection_.path(), what, id));
  }
  return absl::OkStatus();
}

absl::Status SqliteFactCheckRecord::RequireEvidenceDocuments(const factcheck::FactCheck& fact_check,
                                                             std::string_view what) {
  std::set<std::int64_t> documents;
  for (const factcheck::Evidence& evidence : fact_check.evidence) {
    documents.insert(evidence.anchor.document_id);
    if (evidence.checked_against != 0) documents.insert(evidence.checked_against);
  }
  for (std::int64_t document : documents) {
    absl::Status exists =
        RequireRow("SELECT 1 FROM documents WHERE id = ?1", document, "document");
    if (!exists.ok()) return WithRowContext(exists, fmt::format("evidence of {}", what));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::int64_t> SqliteFactCheckRecord::InsertClaim(const factcheck::Claim& claim,
                                                                std::optional<std::int64_t> id,
                                                                std::string_view created_at,
                                                                SqliteStatement& insert) {
  if (claim.statement_id != 0) {
    absl::Status exists =
        RequireRow("SELECT 1 FROM statements WHERE id = ?1", claim.statement_id, "statement");
    if (!exists.ok()) return exists;
  }
  absl::Status s = insert.Bind(id, claim.text, claim.actor, IdOrNull(claim.statement_id),
                               claim.session, claim.date, StoredSourceGrade(claim.source_grade),
                               claim.source_url, EncodeTextList(claim.cited_paths),
                               EncodeTextList(claim.instruments), claim.created_by, created_at);
  if (s.ok()) s = insert.Run();
  if (!s.ok()) return s;
  return id.has_value() ? *id : connection_.LastInsertRowid();
}

absl::StatusOr<std::int64_t> SqliteFactCheckRecord::InsertFactCheckRow(
    const factcheck::FactCheck& fact_check, std::optional<std::int64_t> id) {
  absl::StatusOr<SqliteStatement> insert = connection_.Prepare(R"sql(
INSERT INTO factchecks (id, claim_id, revision, status, verdict, summary, rationale, author,
                        updated_by, created_at, updated_at, published_at, change_note)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
)sql");
  if (!insert.ok()) return insert.status();
  absl::Status s = insert->Bind(
      id, fact_check.claim_id, fact_check.revision, StoredFactCheckStatus(fact_check.status),
      fact_check.verdict, fact_check.summary, fact_check.rationale, fact_check.author,
      fact_check.updated_by, fact_check.created_at, fact_check.updated_at,
      TextOrNull(fact_check.published_at), fact_check.change_note);
  if (s.ok()) s = insert->Run();
  if (!s.ok()) return s;
  return id.has_value() ? *id : connection_.LastInsertRowid();
}

absl::Status SqliteFactCheckRecord::InsertEvidence(std::int64_t factcheck_id,
                                                   const factcheck::Evidence& evidence,
                                                   std::optional<std::int64_t> id) {
  absl::StatusOr<SqliteStatement> insert = connection_.Prepare(R"sql(
INSERT INTO evidence (id, factcheck_id, document_id, path, exact, prefix, suffix, start_offset,
                      end_offset, note, origin, status, similarity, proposal, checked_against)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
)sql");
  if (!insert.ok()) return insert.status();
  const factcheck::EvidenceAnchor& anchor = evidence.anchor;
  const std::optional<std::string> proposal =
      evidence.proposal.has_value() ? std::optional<std::string>(EncodeAnchor(*evidence.proposal))
                                    : std::nullopt;
  absl::Status s = insert->Bind(id, factcheck_id, anchor.document_id, anchor.path, anchor.exact,
                                anchor.prefix, anchor.suffix, anchor.start, anchor.end,
                                evidence.note, evidence.origin, StoredAnchorStatus(evidence.status),
                                evidence.similarity, proposal, IdOrNull(evidence.checked_against));
  if (s.ok()) s = insert->Run();
  return s;
}

absl::Status SqliteFactCheckRecord::InsertRevision(std::int64_t factcheck_id,
                                                   const factcheck::FactCheckRevision& row) {
  absl::StatusOr<SqliteStatement> insert = connection_.Prepare(R"sql(
INSERT INTO factcheck_revisions (factcheck_id, revision, snapshot, saved_by, saved_at, change_note)
VALUES (?1, ?2, ?3, ?4, ?5, ?6)
)sql");
  if (!insert.ok()) return insert.status();
  absl::Status s = insert->Bind(factcheck_id, row.revision, EncodeSnapshot(row.snapshot),
                                row.saved_by, row.saved_at, row.change_note);
  if (s.ok()) s = insert->Run();
  return s;
}

template <typename... Args>
absl::StatusOr<std::vector<factcheck::Claim>> SqliteFactCheckRecord::SelectClaims(
    std::string_view where, const Args&... args) {
  absl::StatusOr<SqliteStatement> query =
      connection_.Prepare(fmt::format("{} {}", kSelectClaim, where));
  if (!query.ok()) return query.status();
  if (absl::Status bound = query->Bind(args...); !bound.ok()) return bound;
  std::vector<factcheck::Claim> claims;
  while (true) {
    absl::StatusOr<bool> row = query->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    factcheck::Claim claim;
    claim.id = query->ColumnInt64(0);
    const std::string what = fmt::format("{}: claim {}", connection_.path(), claim.id);
    claim.text = query->ColumnText(1);
    claim.actor = query->ColumnText(2);
    claim.statement_id = query->ColumnInt64(3);
    claim.session = query->ColumnInt(4);
    claim.date = query->ColumnText(5);
    absl::StatusOr<factcheck::SourceGrade> grade = ReadSourceGrade(query->ColumnText(6), what);
    if (!grade.ok()) return grade.status();
    claim.source_grade = *grade;
    claim.source_url = query->ColumnText(7);
    absl::StatusOr<std::vector<std::string>> paths =
        DecodeTextList(query->ColumnText(8), what + " cited paths");
    if (!paths.ok()) return paths.status();
    claim.cited_paths = *std::move(paths);
    absl::StatusOr<std::vector<std::string>> instruments =
        DecodeTextList(query->ColumnText(9), what + " instruments");
    if (!instruments.ok()) return instruments.status();
    claim.instruments = *std::move(instruments);
    claim.created_by = query->ColumnText(10);
    claim.created_at = query->ColumnText(11);
    claims.push_back(std::move(claim));
  }
  return claims;
}

absl::StatusOr<std::vector<factcheck::Evidence>> SqliteFactCheckRecord::SelectEvidence(
    std::int64_t factcheck_id) {
  absl::StatusOr<SqliteStatement> query = connection_.Prepare(
      fmt::format("{} WHERE e.factcheck_id = ?1 ORDER BY e.id", kSelectEvidence));
  if (!query.ok()) return query.status();
  if (absl::Status bound = query->Bind(factcheck_id); !bound.ok()) return bound;
  std::vector<factcheck::Evidence> evidence;
  while (true) {
    absl::StatusOr<bool> row = query->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    factcheck::Evidence piece;
    piece.id = query->ColumnInt64(0);
    const std::string what = fmt::format("{}: evidence {}", connection_.path(), piece.id);
    piece.anchor.document_id = query->ColumnInt64(1);
    piece.anchor.path = query->ColumnText(2);
    piece.anchor.exact = query->ColumnText(3);
    piece.anchor.prefix = query->ColumnText(4);
    piece.anchor.suffix = query->ColumnText(5);
    absl::StatusOr<std::size_t> start = ReadOffset(*query, 6, what);
    absl::StatusOr<std::size_t> end = ReadOffset(*query, 7, what);
    if (!start.ok()) return start.status();
    if (!end.ok()) return end.status();
    piece.anchor.start = *start;
    piece.anchor.end = *end;
    piece.note = query->ColumnText(8);
    piece.origin = query->ColumnText(9);
    absl::StatusOr<factcheck::AnchorStatus> status = ReadAnchorStatus(query->ColumnText(10), what);
    if (!status.ok()) return status.status();
    piece.status = *status;
    piece.similarity = query->ColumnDouble(11);
    if (!query->ColumnIsNull(12)) {
      absl::StatusOr<factcheck::EvidenceAnchor> proposal =
          DecodeAnchor(query->ColumnText(12), what + " proposal");
      if (!proposal.ok()) return proposal.status();
      piece.proposal = *std::move(proposal);
    }
    piece.checked_against = query->ColumnInt64(13);
    evidence.push_back(std::move(piece));
  }
  return evidence;
}

template <typename... Args>
absl::StatusOr<std::vector<factcheck::FactCheck>> SqliteFactCheckRecord::SelectFactChecks(
    std::string_view where, const Args&... args) {
  absl::StatusOr<SqliteStatement> query =
      connection_.Prepare(fmt::format("{} {}", kSelectFactCheck, where));
  if (!query.ok()) return query.status();
  if (absl::Status bound = query->Bind(args...); !bound.ok()) return bound;
  std::vector<factcheck::FactCheck> fact_checks;
  while (true) {
    absl::StatusOr<bool> row = query->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    factcheck::FactCheck fact_check;
    fact_check.id = query->ColumnInt64(0);
    fact_check.claim_id = query->ColumnInt64(1);
    fact_check.revision = query->ColumnInt(2);
    absl::StatusOr<factcheck::FactCheckStatus> status = ReadFactCheckStatus(
        query->ColumnText(3), fmt::format("{}: fact-check {}", connection_.path(), fact_check.id));
    if (!status.ok()) return status.status();
    fact_check.status = *status;
    fact_check.verdict = query->ColumnText(4);
    fact_check.summary = query->ColumnText(5);
    fact_check.rationale = query->ColumnText(6);
    fact_check.author = query->ColumnText(7);
    fact_check.updated_by = query->ColumnText(8);
    fact_check.created_at = query->ColumnText(9);
    fact_check.updated_at = query->ColumnText(10);
    fact_check.published_at = query->ColumnText(11);
    fact_check.change_note = query->ColumnText(12);
    fact_checks.push_back(std::move(fact_check));
  }
  for (factcheck::FactCheck& fact_check : fact_checks) {
    absl::StatusOr<std::vector<factcheck::Evidence>> evidence = SelectEvidence(fact_check.id);
    if (!evidence.ok()) return evidence.status();
    fact_check.evidence = *std::move(evidence);
  }
  return fact_checks;
}

absl::StatusOr<std::optional<factcheck::FactCheck>> SqliteFactCheckRecord::SelectFactCheck(
    std::int64_t id) {
  absl::StatusOr<std::vector<factcheck::FactCheck>> rows = SelectFactChecks("WHERE f.id = ?1", id);
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<factcheck::FactCheck>();
  return std::optional<factcheck::FactCheck>(std::move(rows->front()));
}

absl::StatusOr<std::vector<factcheck::FactCheckRevision>> SqliteFactCheckRecord::SelectHistory(
    std::int64_t id) {
  absl::StatusOr<SqliteStatement> query = connection_.Prepare(R"sql(
SELECT revision, snapshot, saved_by, saved_at, change_note FROM factcheck_revisions
 WHERE factcheck_id = ?1 ORDER BY revision
)sql");
  if (!query.ok()) return query.status();
  if (absl::Status bound = query->Bind(id); !bound.ok()) return bound;
  std::vector<factcheck::FactCheckRevision> history;
  while (true) {
    absl::StatusOr<bool> row = query->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    factcheck::FactCheckRevision revision;
    revision.revision = query->ColumnInt(0);
    absl::StatusOr<factcheck::FactCheck> snapshot = DecodeSnapshot(
        query->ColumnText(1), fmt::format("{}: fact-check {} revision {}", connection_.path(), id,
                                          revision.revision));
    if (!snapshot.ok()) return snapshot.status();
    revision.snapshot = *std::move(snapshot);
    revision.saved_by = query->ColumnText(2);
    revision.saved_at = query->ColumnText(3);
    revision.change_note = query->ColumnText(4);
    history.push_back(std::move(revision));
  }
  return history;
}

// --- claims -------------------------------------------------------------------------------------

absl::StatusOr<std::int64_t> SqliteFactCheckRecord::PutClaim(const factcheck::Claim& claim) {
  if (absl::Status valid = CheckClaim(claim, 0, 1); !valid.ok()) return InPath(connection_, valid);
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<SqliteStatement> insert = connection_.Prepare(kInsertClaim);
  if (!insert.ok()) return insert.status();
  absl::StatusOr<std::int64_t> id = InsertClaim(claim, std::nullopt, Now(), *insert);
  if (!id.ok()) return WithRowContext(id.status(), "storing claim 1 of 1");
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return id;
}

absl::StatusOr<std::optional<factcheck::Claim>> SqliteFactCheckRecord::LoadClaim(std::int64_t id) {
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<std::vector<factcheck::Claim>> claims = SelectClaims("WHERE c.id = ?1", id);
  if (!claims.ok()) return claims.status();
  if (claims->empty()) return std::optional<factcheck::Claim>();
  return std::optional<factcheck::Claim>(std::move(claims->front()));
}

absl::StatusOr<std::vector<factcheck::Claim>> SqliteFactCheckRecord::ListClaims(
    const ClaimFilter& filter) {
  if (absl::Status valid = CheckClaimFilter(filter); !valid.ok()) {
    return InPath(connection_, valid);
  }
  // Every parameter is always bound; the WHERE names only those the filter sets.
  std::string where;
  const auto add = [&where](std::string_view condition) {
    where += where.empty() ? "WHERE " : " AND ";
    where += condition;
  };
  if (!filter.actor.empty()) add("c.actor = ?1");
  if (filter.session.has_value()) add("c.session = ?2");
  where += " ORDER BY c.date, c.id LIMIT ?3";
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  return SelectClaims(where, filter.actor, filter.session.value_or(0),
                      filter.limit.has_value() ? std::int64_t{*filter.limit} : kNoLimit);
}

// Candidates for a claim match, read from the index's postings rather than ranked by FTS5:
// bm25() costs about 1.5 µs a matching row (it reads each row's length and positions), a
// posting about 0.1-0.2 µs (kMatchBudget says where that was measured). The score is BM25 as
// FTS5 computes it for a claim of average length that holds each term once (k1 and b then
// cancel out): the sum of the matched terms' idf. Claims are a sentence or two, so lengths and
// repeats barely differ, and the matcher re-ranks the candidates by their words anyway
// (factcheck/claim_matcher.h).
absl::StatusOr<std::vector<ClaimCandidate>> SqliteFactCheckRecord::MatchClaims(
    const std::vector<std::string>& terms, int limit) {
  if (absl::Status valid = CheckMatchQuery(terms, limit); !valid.ok()) {
    return InPath(connection_, valid);
  }
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  // Ids are assigned in order and never reused (claims are not deleted), so the highest one is
  // the number of claims, up to gaps an import may carry over: close enough for a 5 % share,
  // and read from the end of the index instead of counting a million rows.
  absl::StatusOr<std::int64_t> claims =
      connection_.QueryInt64("SELECT coalesce(max(id), 0) FROM claims");
  if (!claims.ok()) return claims.status();
  std::vector<ClaimCandidate> candidates;
  if (*claims == 0) return candidates;

  const std::int64_t cap = MatchCountCap(*claims, kMatchBudget);
  absl::StatusOr<SqliteStatement> count = connection_.Prepare(
      "SELECT count(*) FROM (SELECT 1 FROM claim_fts WHERE claim_fts MATCH ?1 LIMIT ?2)");
  if (!count.ok()) return count.status();
  std::vector<MatchTermCount> counts;
  std::vector<std::string> queries;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    queries.push_back(QuoteFtsTerm(terms[i]));
    if (terms[i].empty()) continue;
    if (absl::Status s = count->Bind(queries.back(), cap + 1); !s.ok()) return s;
    absl::StatusOr<bool> row = count->Step();
    if (!row.ok()) return row.status();
    const std::int64_t matching = *row ? count->ColumnInt64(0) : 0;
    count->Reset();
    counts.push_back({i, matching});
  }

  // Rare terms are read whole, in the index's own order (ascending ids, a third cheaper than
  // descending); common ones, when nothing rarer matched, newest first and bounded.
  const MatchPlan plan = PlanClaimMatch(counts, *claims, kMatchBudget);
  absl::StatusOr<SqliteStatement> postings = connection_.Prepare(
      plan.all_common
          ? "SELECT rowid FROM claim_fts WHERE claim_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2"
          : "SELECT rowid FROM claim_fts WHERE claim_fts MATCH ?1 LIMIT ?2");
  if (!postings.ok()) return postings.status();
  // A common term's count stops at the cap: its idf is computed as if it matched cap + 1
  // claims, the same for every common term, so only the number of them a claim holds counts.
  absl::flat_hash_map<std::int64_t, double> scores;
  std::int64_t expected = 0;
  for (const MatchTermCount& kept : plan.terms) {
    expected += std::min(kept.claims, plan.per_term_postings);
  }
  scores.reserve(static_cast<std::size_t>(std::min(expected, kMatchBudget)));
  for (const MatchTermCount& kept : plan.terms) {
    const double idf = MatchIdf(*claims, kept.claims);
    absl::Status s = postings->Bind(queries[kept.index], plan.per_term_postings);
    if (!s.ok()) return s;
    while (true) {
      absl::StatusOr<bool> row = postings->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      scores[postings->ColumnInt64(0)] += idf;
    }
  }

  // Best first; equal scores: the newer claim first.
  std::vector<std::pair<double, std::int64_t>> ranked;
  ranked.reserve(scores.size());
  for (const auto& [id, score] : scores) ranked.emplace_back(score, id);
  const std::size_t wanted = std::min(ranked.size(), static_cast<std::size_t>(limit));
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(wanted),
                    ranked.end(), [](const auto& a, const auto& b) {
                      return a.first != b.first ? a.first > b.first : a.second > b.second;
                    });
  ranked.resize(wanted);
  std::vector<std::int64_t> ids;
  for (const auto& [score, id] : ranked) ids.push_back(id);
  absl::StatusOr<std::vector<factcheck::Claim>> loaded =
      SelectClaims("WHERE c.id IN (SELECT value FROM json_each(?1))", IdJson(ids));
  if (!loaded.ok()) return loaded.status();
  std::map<std::int64_t, factcheck::Claim*> by_id;
  for (factcheck::Claim& claim : *loaded) by_id[claim.id] = &claim;
  for (const auto& [score, id] : ranked) {
    auto found = by_id.find(id);
    if (found == by_id.end()) {
      return absl::DataLossError(fmt::format(
          "{}: the claim index names claim {}, which is not stored", connection_.path(), id));
    }
    candidates.push_back({std::move(*found->second), score});
  }
  return candidates;
}

absl::StatusOr<int> SqliteFactCheckRecord::ImportClaims(
    const std::vector<factcheck::Claim>& claims) {
  for (std::size_t i = 0; i < claims.size(); ++i) {
    absl::Status valid = CheckClaim(claims[i], i, claims.size());
    if (valid.ok() && (claims[i].id <= 0 || claims[i].created_at.empty())) {
      valid = absl::InvalidArgumentError(fmt::format(
          "claim {} of {} has no id or no created_at to import it with", i + 1, claims.size()));
    }
    if (!valid.ok()) return InPath(connection_, valid);
  }
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<SqliteStatement> insert = connection_.Prepare(kInsertClaim);
  if (!insert.ok()) return insert.status();
  // One look for the whole batch: a copy of a million claims reads them in batches.
  std::vector<std::int64_t> ids;
  for (const factcheck::Claim& claim : claims) ids.push_back(claim.id);
  absl::StatusOr<std::vector<factcheck::Claim>> held =
      SelectClaims("WHERE c.id IN (SELECT value FROM json_each(?1))", IdJson(ids));
  if (!held.ok()) return held.status();
  std::map<std::int64_t, const factcheck::Claim*> held_by_id;
  for (const factcheck::Claim& claim : *held) held_by_id[claim.id] = &claim;
  int stored = 0;
  for (const factcheck::Claim& claim : claims) {
    auto there = held_by_id.find(claim.id);
    if (there != held_by_id.end()) {
      if (SameClaim(*there->second, claim)) continue;
      return absl::FailedPreconditionError(fmt::format(
          "{}: cannot import claim {} ({}): this store has another claim under that id; copy "
          "into an empty store",
          connection_.path(), claim.id, claim.actor));
    }
    absl::StatusOr<std::int64_t> id = InsertClaim(claim, claim.id, claim.created_at, *insert);
    if (!id.ok()) return WithRowContext(id.status(), fmt::format("importing claim {}", claim.id));
    ++stored;
  }
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return stored;
}

// --- fact-checks ---------------------------------------------------------------------------------

absl::StatusOr<std::int64_t> SqliteFactCheckRecord::CreateFactCheck(
    const factcheck::FactCheck& fact_check, const factcheck::VerdictScale& scale) {
  const std::string what = fmt::format("new fact-check on claim {}", fact_check.claim_id);
  if (absl::Status valid = CheckFactCheck(fact_check, what); !valid.ok()) {
    return InPath(connection_, valid);
  }
  const std::string now = Now();
  factcheck::FactCheck stored = fact_check;
  stored.id = 0;
  stored.revision = 1;
  stored.updated_by = fact_check.author;
  stored.created_at = now;
  stored.updated_at = now;
  stored.published_at.clear();
  if (absl::Status allowed = factcheck::CheckRevision(std::nullopt, stored, scale);
      !allowed.ok()) {
    return InPath(connection_, WithRowContext(allowed, what));
  }

  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  if (absl::Status s = RequireRow("SELECT 1 FROM claims WHERE id = ?1", stored.claim_id, "claim");
      !s.ok()) {
    return s;
  }
  if (absl::Status s = RequireEvidenceDocuments(stored, what); !s.ok()) return s;
  absl::StatusOr<std::int64_t> id = InsertFactCheckRow(stored, std::nullopt);
  if (!id.ok()) return WithRowContext(id.status(), fmt::format("storing {}", what));
  for (std::size_t i = 0; i < stored.evidence.size(); ++i) {
    if (absl::Status s = InsertEvidence(*id, stored.evidence[i], std::nullopt); !s.ok()) {
      return WithRowContext(s, fmt::format("storing evidence {} of {}", i + 1, what));
    }
  }
  absl::StatusOr<std::optional<factcheck::FactCheck>> saved = SelectFactCheck(*id);
  if (!saved.ok()) return saved.status();
  if (absl::Status s = InsertRevision(*id, {1, **saved, stored.author, now, stored.change_note});
      !s.ok()) {
    return s;
  }
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return id;
}

absl::StatusOr<int> SqliteFactCheckRecord::ReviseFactCheck(const factcheck::FactCheck& next,
                                                           int expected_revision,
                                                           std::string_view who,
                                                           std::string_view change_note,
                                                           const factcheck::VerdictScale& scale) {
  const std::string what = fmt::format("fact-check {}", next.id);
  absl::Status valid = CheckFactCheck(next, what);
  if (valid.ok()) valid = CheckSavedBy(who, change_note, what);
  if (valid.ok() && next.id <= 0) {
    valid = absl::InvalidArgumentError("a fact-check to revise needs its id");
  }
  if (!valid.ok()) return InPath(connection_, valid);

  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  // Under the write lock: nobody can save between this read and the write below.
  absl::StatusOr<std::optional<factcheck::FactCheck>> held = SelectFactCheck(next.id);
  if (!held.ok()) return held.status();
  if (!held->has_value()) {
    return absl::NotFoundError(
        fmt::format("{}: fact-check {} does not exist", connection_.path(), next.id));
  }
  const factcheck::FactCheck& current = **held;
  if (current.revision != expected_revision) {
    return RevisedMeanwhile(connection_.path(), current.id, current.updated_by,
                            current.updated_at, current.revision, expected_revision);
  }
  if (next.claim_id != current.claim_id) {
    return absl::InvalidArgumentError(
        fmt::format("{}: {} is on claim {}; a fact-check stays on its claim", connection_.path(),
                    what, current.claim_id));
  }

  const std::string now = Now();
  factcheck::FactCheck revised = next;
  revised.author = current.author;
  revised.revision = current.revision + 1;
  revised.updated_by = std::string(who);
  revised.created_at = current.created_at;
  revised.updated_at = now;
  revised.change_note = std::string(change_note);
  revised.published_at = !current.published_at.empty() ? current.published_at
                         : revised.status == factcheck::FactCheckStatus::kPublished ? now
                                                                                     : "";
  // Evidence with an id keeps its stored row, but for the note; the rest is new.
  std::map<std::int64_t, const factcheck::Evidence*> stored_evidence;
  for (const factcheck::Evidence& piece : current.evidence) stored_evidence[piece.id] = &piece;
  std::set<std::int64_t> kept;
  for (factcheck::Evidence& piece : revised.evidence) {
    if (piece.id == 0) continue;
    auto found = stored_evidence.find(piece.id);
    if (found == stored_evidence.end()) {
      return absl::InvalidArgumentError(fmt::format(
          "{}: evidence {} is not evidence of {}; add new evidence with id 0", connection_.path(),
          piece.id, what));
    }
    std::string note = std::move(piece.note);
    piece = *found->second;
    piece.note = std::move(note);
    kept.insert(piece.id);
  }
  if (absl::Status allowed = factcheck::CheckRevision(current, revised, scale); !allowed.ok()) {
    return InPath(connection_, WithRowContext(allowed, what));
  }
  factcheck::FactCheck added;
  for (const factcheck::Evidence& piece : revised.evidence) {
    if (piece.id == 0) added.evidence.push_back(piece);
  }
  if (absl::Status s = RequireEvidenceDocuments(added, what); !s.ok()) return s;

  absl::StatusOr<SqliteStatement> update = connection_.Prepare(R"sql(
UPDATE factchecks
   SET revision = ?2, status = ?3, verdict = ?4, summary = ?5, rationale = ?6, updated_by = ?7,
       updated_at = ?8, published_at = ?9, change_note = ?10
 WHERE id = ?1
)sql");
  if (!update.ok()) return update.status();
  absl::Status s = update->Bind(revised.id, revised.revision,
                                StoredFactCheckStatus(revised.status), revised.verdict,
                                revised.summary, revised.rationale, revised.updated_by,
                                revised.updated_at, TextOrNull(revised.published_at),
                                revised.change_note);
  if (s.ok()) s = update->Run();
  if (!s.ok()) return WithRowContext(s, fmt::format("saving {}", what));
  absl::StatusOr<SqliteStatement> remove =
      connection_.Prepare("DELETE FROM evidence WHERE id = ?1");
  if (!remove.ok()) return remove.status();
  for (const auto& [id, piece] : stored_evidence) {
    if (kept.count(id) > 0) continue;
    s = remove->Bind(id);
    if (s.ok()) s = remove->Run();
    if (!s.ok()) return s;
  }
  absl::StatusOr<SqliteStatement> note =
      connection_.Prepare("UPDATE evidence SET note = ?2 WHERE id = ?1");
  if (!note.ok()) return note.status();
  for (std::size_t i = 0; i < revised.evidence.size(); ++i) {
    const factcheck::Evidence& piece = revised.evidence[i];
    if (piece.id != 0) {
      s = note->Bind(piece.id, piece.note);
      if (s.ok()) s = note->Run();
    } else {
      s = InsertEvidence(revised.id, piece, std::nullopt);
    }
    if (!s.ok()) return WithRowContext(s, fmt::format("storing evidence {} of {}", i + 1, what));
  }
  absl::StatusOr<std::optional<factcheck::FactCheck>> saved = SelectFactCheck(revised.id);
  if (!saved.ok()) return saved.status();
  s = InsertRevision(revised.id,
                     {revised.revision, **saved, revised.updated_by, now, revised.change_note});
  if (!s.ok()) return s;
  if (absl::Status committed = transaction->Commit(); !committed.ok()) return committed;
  return revised.revision;
}

absl::StatusOr<std::optional<factcheck::FactCheck>> SqliteFactCheckRecord::LoadFactCheck(
    std::int64_t id) {
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  return SelectFactCheck(id);
}

absl::StatusOr<std::vector<factcheck::FactCheck>> SqliteFactCheckRecord::ListFactChecks(
    const FactCheckFilter& filter) {
  std::string where;
  const auto add = [&where](std::string_view condition) {
    where += where.empty() ? "WHERE " : " AND ";
    where += condition;
  };
  if (filter.claim_id.has_value()) add("f.claim_id = ?1");
  if (filter.status.has_value()) add("f.status = ?2");
  if (filter.needs_review_only) add(kNeedsReview);
  where += " ORDER BY f.id LIMIT ?3";
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  return SelectFactChecks(
      where, filter.claim_id.value_or(0),
      filter.status.has_value() ? StoredFactCheckStatus(*filter.status) : std::string_view(),
      kNoLimit);
}

absl::StatusOr<std::vector<factcheck::FactCheckRevision>> SqliteFactCheckRecord::FactCheckHistory(
    std::int64_t id) {
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  return SelectHistory(id);
}

absl::StatusOr<int> SqliteFactCheckRecord::ImportFactCheck(
    const factcheck::FactCheck& current,
    const std::vector<factcheck::FactCheckRevision>& history) {
  absl::Status valid = CheckImportedHistory(current, history);
  for (std::size_t i = 0; valid.ok() && i < current.evidence.size(); ++i) {
    if (current.evidence[i].id <= 0) {
      valid = absl::InvalidArgumentError(fmt::format(
          "fact-check {}: evidence {} has no id to import it under", current.id, i + 1));
    }
  }
  if (!valid.ok()) return InPath(connection_, valid);
  const std::string what = fmt::format("fact-check {}", current.id);

  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<std::optional<factcheck::FactCheck>> held = SelectFactCheck(current.id);
  if (!held.ok()) return held.status();
  if (held->has_value()) {
    absl::StatusOr<std::vector<factcheck::FactCheckRevision>> held_history =
        SelectHistory(current.id);
    if (!held_history.ok()) return held_history.status();
    bool same = SameFactCheck(**held, current) && held_history->size() == history.size();
    for (std::size_t i = 0; same && i < history.size(); ++i) {
      same = SameRevision((*held_history)[i], history[i]);
    }
    if (same) return 0;
    return absl::FailedPreconditionError(fmt::format(
        "{}: cannot import {}: this store holds another fact-check, or other revisions of it, "
        "under that id; copy into an empty store",
        connection_.path(), what));
  }
  if (absl::Status s = RequireRow("SELECT 1 FROM claims WHERE id = ?1", current.claim_id, "claim");
      !s.ok()) {
    return s;
  }
  if (absl::Status s = RequireEvidenceDocuments(current, what); !s.ok()) return s;
  absl::StatusOr<SqliteStatement> taken =
      connection_.Prepare("SELECT factcheck_id FROM evidence WHERE id = ?1");
  if (!taken.ok()) return taken.status();
  for (const factcheck::Evidence& piece : current.evidence) {
    if (absl::Status s = taken->Bind(piece.id); !s.ok()) return s;
    absl::StatusOr<bool> found = taken->Step();
    if (!found.ok()) return found.status();
    taken->Reset();
    if (*found) {
      return absl::FailedPreconditionError(fmt::format(
          "{}: cannot import {}: evidence {} belongs to another fact-check here; copy into an "
          "empty store",
          connection_.path(), what, piece.id));
    }
  }
  absl::StatusOr<std::int64_t> id = InsertFactCheckRow(current, current.id);
  if (!id.ok()) return WithRowContext(id.status(), fmt::format("importing {}", what));
  for (const factcheck::Evidence& piece : current.evidence) {
    if (absl::Status s = InsertEvidence(current.id, piece, piece.id); !s.ok()) {
      return WithRowContext(s, fmt::format("importing evidence {} of {}", piece.id, what));
    }
  }
  for (const factcheck::FactCheckRevision& revision : history) {
    if (absl::Status s = InsertRevision(current.id, revision); !s.ok()) {
      return WithRowContext(s, fmt::format("importing revision {} of {}", revision.revision,
                                           what));
    }
  }
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return 1;
}

// --- evidence -----------------------------------------------------------------------------------

absl::StatusOr<std::vector<StoredEvidence>> SqliteFactCheckRecord::ListEvidence(
    const std::vector<std::int64_t>& document_ids) {
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<SqliteStatement> ids = connection_.Prepare(
      document_ids.empty()
          ? std::string("SELECT e.factcheck_id, e.id FROM evidence AS e ORDER BY e.id")
          : std::string("SELECT e.factcheck_id, e.id FROM evidence AS e WHERE e.document_id IN "
                        "(SELECT value FROM json_each(?1)) ORDER BY e.id"));
  if (!ids.ok()) return ids.status();
  if (!document_ids.empty()) {
    if (absl::Status s = ids->Bind(IdJson(document_ids)); !s.ok()) return s;
  }
  std::vector<std::pair<std::int64_t, std::int64_t>> wanted;
  while (true) {
    absl::StatusOr<bool> row = ids->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    wanted.emplace_back(ids->ColumnInt64(0), ids->ColumnInt64(1));
  }
  // Read per fact-check (its evidence is few rows), then put in evidence id order.
  std::map<std::int64_t, std::map<std::int64_t, factcheck::Evidence>> by_factcheck;
  for (const auto& [factcheck_id, evidence_id] : wanted) by_factcheck[factcheck_id];
  for (auto& [factcheck_id, pieces] : by_factcheck) {
    absl::StatusOr<std::vector<factcheck::Evidence>> evidence = SelectEvidence(factcheck_id);
    if (!evidence.ok()) return evidence.status();
    for (factcheck::Evidence& piece : *evidence) pieces[piece.id] = std::move(piece);
  }
  std::vector<StoredEvidence> listed;
  listed.reserve(wanted.size());
  for (const auto& [factcheck_id, evidence_id] : wanted) {
    listed.push_back({factcheck_id, by_factcheck[factcheck_id][evidence_id]});
  }
  return listed;
}

absl::Status SqliteFactCheckRecord::UpdateEvidence(const std::vector<EvidenceUpdate>& updates) {
  if (absl::Status valid = CheckEvidenceUpdates(updates); !valid.ok()) {
    return InPath(connection_, valid);
  }
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<SqliteStatement> update = connection_.Prepare(R"sql(
UPDATE evidence
   SET document_id = ?2, path = ?3, exact = ?4, prefix = ?5, suffix = ?6, start_offset = ?7,
       end_offset = ?8, status = ?9, similarity = ?10, proposal = ?11, checked_against = ?12
 WHERE id = ?1
)sql");
  if (!update.ok()) return update.status();
  for (std::size_t i = 0; i < updates.size(); ++i) {
    const EvidenceUpdate& change = updates[i];
    const std::string row = fmt::format("evidence update {} of {}", i + 1, updates.size());
    absl::Status s = RequireRow("SELECT 1 FROM evidence WHERE id = ?1", change.evidence_id,
                                "evidence");
    for (std::int64_t document : {change.anchor.document_id, change.checked_against}) {
      if (s.ok() && document != 0) {
        s = RequireRow("SELECT 1 FROM documents WHERE id = ?1", document, "document");
      }
    }
    if (!s.ok()) return WithRowContext(s, row);
    const factcheck::EvidenceAnchor& anchor = change.anchor;
    const std::optional<std::string> proposal =
        change.proposal.has_value() ? std::optional<std::string>(EncodeAnchor(*change.proposal))
                                    : std::nullopt;
    s = update->Bind(change.evidence_id, anchor.document_id, anchor.path, anchor.exact,
                     anchor.prefix, anchor.suffix, anchor.start, anchor.end,
                     StoredAnchorStatus(change.status), change.similarity, proposal,
                     IdOrNull(change.checked_against));
    if (s.ok()) s = update->Run();
    if (!s.ok()) return WithRowContext(s, row);
  }
  return transaction->Commit();
}

}  // namespace tw::store
