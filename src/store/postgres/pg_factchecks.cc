#include "store/postgres/pg_factchecks.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>

#include "factcheck/workflow.h"
#include "store/document_rows.h"
#include "store/factcheck_rows.h"
#include "store/negotiation_rows.h"
#include "store/postgres/pg_transaction.h"

namespace tw::store {
namespace {

using Mode = PgTransaction::Mode;
using nlohmann::json;

// Times come back as the ISO text the store writes (document_rows.h FormatIngestedAt).
std::string IsoTime(std::string_view column) {
  return fmt::format(R"(to_char({} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))", column);
}

std::string SelectClaimSql() {
  return fmt::format(R"sql(
SELECT c.id, c.text, c.actor, coalesce(c.statement_id, 0), c.session, c.date, c.source_grade,
       c.source_url, c.cited_paths, c.instruments, c.created_by, {}
  FROM claims AS c
)sql",
                     IsoTime("c.created_at"));
}

std::string SelectFactCheckSql() {
  return fmt::format(R"sql(
SELECT f.id, f.claim_id, f.revision, f.status, f.verdict, f.summary, f.rationale, f.author,
       f.updated_by, {}, {}, coalesce({}, ''), f.change_note
  FROM factchecks AS f
)sql",
                     IsoTime("f.created_at"), IsoTime("f.updated_at"), IsoTime("f.published_at"));
}

std::string SelectRevisionSql() {
  return fmt::format(
      "SELECT revision, snapshot, saved_by, {}, change_note FROM factcheck_revisions",
      IsoTime("saved_at"));
}

constexpr std::string_view kSelectEvidence = R"sql(
SELECT e.id, e.document_id, e.path, e.exact, e.prefix, e.suffix, e.start_offset, e.end_offset,
       e.note, e.origin, e.status, e.similarity, e.proposal, coalesce(e.checked_against, 0),
       e.factcheck_id
  FROM evidence AS e
)sql";

constexpr std::string_view kNeedsReview =
    "EXISTS (SELECT 1 FROM evidence AS r WHERE r.factcheck_id = f.id "
    "AND r.status IN ('changed', 'lost', 'ambiguous'))";

absl::Status InDatabase(const PgConnection& connection, const absl::Status& status) {
  return absl::Status(status.code(),
                      fmt::format("{}: {}", connection.name(), std::string(status.message())));
}

// Values were checked as UTF-8 (factcheck_rows.h) before they get here; the replacement
// handler keeps dump() from throwing should one slip through.
std::string Dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

// "{1,2,3}": a bigint[] parameter.
std::string IdArray(const std::vector<std::int64_t>& ids) {
  return fmt::format("{{{}}}", fmt::join(ids, ","));
}

json IdOrNull(std::int64_t id) { return id == 0 ? json(nullptr) : json(id); }

PgParam TimeOrNull(const std::string& time) {
  return time.empty() ? PgParam() : PgParam(time);
}

std::string Now() { return FormatIngestedAt(std::chrono::system_clock::now()); }

absl::StatusOr<std::size_t> ReadOffset(const PgResult& result, int row, int column,
                                       std::string_view what) {
  absl::StatusOr<std::int64_t> value = result.Int64(row, column, what);
  if (!value.ok()) return value.status();
  if (*value < 0) {
    return absl::DataLossError(fmt::format("{} has a negative offset {}", what, *value));
  }
  return static_cast<std::size_t>(*value);
}

}  // namespace

// --- steps inside a transaction ------------------------------------------------------------------

absl::Status PgFactCheckRecord::RequireRows(std::string_view table,
                                            const std::vector<std::int64_t>& ids,
                                            std::string_view what) {
  if (ids.empty()) return absl::OkStatus();
  // `table` is one of this file's constants, never user input.
  absl::StatusOr<PgResult> missing = connection_.Query(
      fmt::format("SELECT x.id FROM unnest($1::bigint[]) AS x(id) WHERE NOT EXISTS "
                  "(SELECT 1 FROM {} AS t WHERE t.id = x.id) LIMIT 1",
                  table),
      IdArray(ids));
  if (!missing.ok()) return missing.status();
  if (missing->rows() > 0) {
    return absl::InvalidArgumentError(
        fmt::format("{}: {} {} does not exist", db(), what, missing->Text(0, 0)));
  }
  return absl::OkStatus();
}

absl::Status PgFactCheckRecord::RequireEvidenceDocuments(
    const std::vector<factcheck::Evidence>& evidence, std::string_view what) {
  std::vector<std::int64_t> documents;
  for (const factcheck::Evidence& piece : evidence) {
    documents.push_back(piece.anchor.document_id);
    if (piece.checked_against != 0) documents.push_back(piece.checked_against);
  }
  absl::Status exists = RequireRows("documents", documents, "document");
  if (!exists.ok()) return WithRowContext(exists, fmt::format("evidence of {}", what));
  return absl::OkStatus();
}

absl::Status PgFactCheckRecord::InsertClaims(const std::vector<factcheck::Claim>& claims,
                                             const std::vector<std::int64_t>& ids,
                                             std::string_view created_at) {
  std::vector<std::int64_t> statements;
  json rows = json::array();
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const factcheck::Claim& claim = claims[i];
    if (claim.statement_id != 0) statements.push_back(claim.statement_id);
    rows.push_back({{"id", ids[i]},
                    {"text", claim.text},
                    {"actor", claim.actor},
                    {"statement_id", IdOrNull(claim.statement_id)},
                    {"session", claim.session},
                    {"date", claim.date},
                    {"source_grade", StoredSourceGrade(claim.source_grade)},
                    {"source_url", claim.source_url},
                    {"cited_paths", EncodeTextList(claim.cited_paths)},
                    {"instruments", EncodeTextList(claim.instruments)},
                    {"created_by", claim.created_by},
                    {"created_at", created_at.empty() ? claim.created_at
                                                      : std::string(created_at)}});
  }
  if (absl::Status s = RequireRows("statements", statements, "statement"); !s.ok()) return s;
  absl::StatusOr<PgResult> inserted = connection_.Query(R"sql(
INSERT INTO claims (id, text, actor, statement_id, session, date, source_grade, source_url,
                    cited_paths, instruments, created_by, created_at)
SELECT r.id, r.text, r.actor, r.statement_id, r.session, r.date, r.source_grade, r.source_url,
       r.cited_paths, r.instruments, r.created_by, r.created_at::timestamptz
  FROM json_to_recordset($1::json) AS r(id bigint, text text, actor text, statement_id bigint,
       session integer, date text, source_grade text, source_url text, cited_paths text,
       instruments text, created_by text, created_at text)
)sql",
                                                        Dump(rows));
  if (!inserted.ok()) {
    return WithRowContext(inserted.status(), fmt::format("storing {} claims", claims.size()));
  }
  return absl::OkStatus();
}

absl::Status PgFactCheckRecord::InsertEvidence(std::int64_t factcheck_id,
                                               const std::vector<factcheck::Evidence>& evidence) {
  if (evidence.empty()) return absl::OkStatus();
  const auto fresh = static_cast<std::size_t>(std::count_if(
      evidence.begin(), evidence.end(), [](const factcheck::Evidence& e) { return e.id == 0; }));
  std::vector<std::int64_t> new_ids;
  if (fresh > 0) {
    absl::StatusOr<PgResult> next = connection_.Query(R"sql(
SELECT nextval(pg_get_serial_sequence('evidence', 'id')) AS id FROM generate_series(1, $1)
 ORDER BY id
)sql",
                                                      fresh);
    if (!next.ok()) return next.status();
    for (int row = 0; row < next->rows(); ++row) {
      absl::StatusOr<std::int64_t> id = next->Int64(row, 0, "new evidence id");
      if (!id.ok()) return id.status();
      new_ids.push_back(*id);
    }
    if (new_ids.size() != fresh) {
      return absl::InternalError(fmt::format("{}: asked for {} new evidence ids, got {}", db(),
                                             fresh, new_ids.size()));
    }
  }
  json rows = json::array();
  std::size_t next_new = 0;
  for (const factcheck::Evidence& piece : evidence) {
    const factcheck::EvidenceAnchor& anchor = piece.anchor;
    rows.push_back(
        {{"id", piece.id != 0 ? piece.id : new_ids[next_new++]},
         {"document_id", anchor.document_id},
         {"path", anchor.path},
         {"exact", anchor.exact},
         {"prefix", anchor.prefix},
         {"suffix", anchor.suffix},
         {"start_offset", anchor.start},
         {"end_offset", anchor.end},
         {"note", piece.note},
         {"origin", piece.origin},
         {"status", StoredAnchorStatus(piece.status)},
         {"similarity", piece.similarity},
         {"proposal", piece.proposal.has_value() ? json(EncodeAnchor(*piece.proposal))
                                                 : json(nullptr)},
         {"checked_against", IdOrNull(piece.checked_against)}});
  }
  absl::StatusOr<PgResult> inserted = connection_.Query(R"sql(
INSERT INTO evidence (id, factcheck_id, document_id, path, exact, prefix, suffix, start_offset,
                      end_offset, note, origin, status, similarity, proposal, checked_against)
SELECT r.id, $2, r.document_id, r.path, r.exact, r.prefix, r.suffix, r.start_offset,
       r.end_offset, r.note, r.origin, r.status, r.similarity, r.proposal, r.checked_against
  FROM json_to_recordset($1::json) AS r(id bigint, document_id bigint, path text, exact text,
       prefix text, suffix text, start_offset bigint, end_offset bigint, note text, origin text,
       status text, similarity double precision, proposal text, checked_against bigint)
)sql",
                                                        Dump(rows), factcheck_id);
  if (!inserted.ok()) {
    return WithRowContext(inserted.status(),
                          fmt::format("storing the evidence of fact-check {}", factcheck_id));
  }
  return absl::OkStatus();
}

absl::Status PgFactCheckRecord::InsertRevision(std::int64_t factcheck_id,
                                               const factcheck::FactCheckRevision& row) {
  absl::StatusOr<PgResult> inserted = connection_.Query(R"sql(
INSERT INTO factcheck_revisions (factcheck_id, revision, snapshot, saved_by, saved_at, change_note)
VALUES ($1, $2, $3, $4, $5::timestamptz, $6)
)sql",
                                                        factcheck_id, row.revision,
                                                        EncodeSnapshot(row.snapshot), row.saved_by,
                                                        row.saved_at, row.change_note);
  if (!inserted.ok()) {
    return WithRowContext(inserted.status(), fmt::format("storing revision {} of fact-check {}",
                                                         row.revision, factcheck_id));
  }
  return absl::OkStatus();
}

absl::Status PgFactCheckRecord::AdvanceIdentity(std::string_view table, std::int64_t id) {
  absl::StatusOr<PgResult> advanced = connection_.Query(
      R"sql(
SELECT setval(s.sequence, $2)
  FROM (SELECT pg_get_serial_sequence($1, 'id')::regclass AS sequence) AS s
 WHERE $2 > coalesce(pg_sequence_last_value(s.sequence), 0)
)sql",
      table, id);
  return advanced.status();
}

absl::StatusOr<std::vector<factcheck::Claim>> PgFactCheckRecord::SelectClaims(
    std::string_view where, const std::vector<PgParam>& params) {
  absl::StatusOr<PgResult> result =
      connection_.QueryParams(fmt::format("{} {}", SelectClaimSql(), where), params);
  if (!result.ok()) return result.status();
  std::vector<factcheck::Claim> claims;
  claims.reserve(static_cast<std::size_t>(result->rows()));
  for (int row = 0; row < result->rows(); ++row) {
    factcheck::Claim claim;
    const std::string row_what = fmt::format("{}: claim row", db());
    absl::StatusOr<std::int64_t> id = result->Int64(row, 0, row_what);
    absl::StatusOr<std::int64_t> statement_id = result->Int64(row, 3, row_what);
    absl::StatusOr<int> session = result->Int(row, 4, row_what);
    if (!id.ok()) return id.status();
    if (!statement_id.ok()) return statement_id.status();
    if (!session.ok()) return session.status();
    const std::string what = fmt::format("{}: claim {}", db(), *id);
    claim.id = *id;
    claim.text = result->String(row, 1);
    claim.actor = result->String(row, 2);
    claim.statement_id = *statement_id;
    claim.session = *session;
    claim.date = result->String(row, 5);
    absl::StatusOr<factcheck::SourceGrade> grade = ReadSourceGrade(result->Text(row, 6), what);
    if (!grade.ok()) return grade.status();
    claim.source_grade = *grade;
    claim.source_url = result->String(row, 7);
    absl::StatusOr<std::vector<std::string>> paths =
        DecodeTextList(result->Text(row, 8), what + " cited paths");
    if (!paths.ok()) return paths.status();
    claim.cited_paths = *std::move(paths);
    absl::StatusOr<std::vector<std::string>> instruments =
        DecodeTextList(result->Text(row, 9), what + " instruments");
    if (!instruments.ok()) return instruments.status();
    claim.instruments = *std::move(instruments);
    claim.created_by = result->String(row, 10);
    claim.created_at = result->String(row, 11);
    claims.push_back(std::move(claim));
  }
  return claims;
}

absl::StatusOr<std::vector<StoredEvidence>> PgFactCheckRecord::SelectEvidence(
    std::string_view where, const std::vector<PgParam>& params) {
  absl::StatusOr<PgResult> result =
      connection_.QueryParams(fmt::format("{} {}", kSelectEvidence, where), params);
  if (!result.ok()) return result.status();
  std::vector<StoredEvidence> listed;
  listed.reserve(static_cast<std::size_t>(result->rows()));
  const std::string row_what = fmt::format("{}: evidence row", db());
  for (int row = 0; row < result->rows(); ++row) {
    StoredEvidence stored;
    factcheck::Evidence& piece = stored.evidence;
    absl::StatusOr<std::int64_t> id = result->Int64(row, 0, row_what);
    if (!id.ok()) return id.status();
    piece.id = *id;
    const std::string what = fmt::format("{}: evidence {}", db(), piece.id);
    absl::StatusOr<std::int64_t> document_id = result->Int64(row, 1, what);
    absl::StatusOr<std::size_t> start = ReadOffset(*result, row, 6, what);
    absl::StatusOr<std::size_t> end = ReadOffset(*result, row, 7, what);
    absl::StatusOr<double> similarity = result->Double(row, 11, what);
    absl::StatusOr<std::int64_t> checked_against = result->Int64(row, 13, what);
    absl::StatusOr<std::int64_t> factcheck_id = result->Int64(row, 14, what);
    for (const absl::Status& s : {document_id.status(), start.status(), end.status(),
                                  similarity.status(), checked_against.status(),
                                  factcheck_id.status()}) {
      if (!s.ok()) return s;
    }
    stored.factcheck_id = *factcheck_id;
    piece.anchor.document_id = *document_id;
    piece.anchor.path = result->String(row, 2);
    piece.anchor.exact = result->String(row, 3);
    piece.anchor.prefix = result->String(row, 4);
    piece.anchor.suffix = result->String(row, 5);
    piece.anchor.start = *start;
    piece.anchor.end = *end;
    piece.note = result->String(row, 8);
    piece.origin = result->String(row, 9);
    absl::StatusOr<factcheck::AnchorStatus> status = ReadAnchorStatus(result->Text(row, 10), what);
    if (!status.ok()) return status.status();
    piece.status = *status;
    piece.similarity = *similarity;
    if (!result->IsNull(row, 12)) {
      absl::StatusOr<factcheck::EvidenceAnchor> proposal =
          DecodeAnchor(result->Text(row, 12), what + " proposal");
      if (!proposal.ok()) return proposal.status();
      piece.proposal = *std::move(proposal);
    }
    piece.checked_against = *checked_against;
    listed.push_back(std::move(stored));
  }
  return listed;
}

absl::StatusOr<std::vector<factcheck::FactCheck>> PgFactCheckRecord::SelectFactChecks(
    std::string_view where, const std::vector<PgParam>& params) {
  absl::StatusOr<PgResult> result =
      connection_.QueryParams(fmt::format("{} {}", SelectFactCheckSql(), where), params);
  if (!result.ok()) return result.status();
  std::vector<factcheck::FactCheck> fact_checks;
  fact_checks.reserve(static_cast<std::size_t>(result->rows()));
  const std::string row_what = fmt::format("{}: fact-check row", db());
  std::vector<std::int64_t> ids;
  for (int row = 0; row < result->rows(); ++row) {
    factcheck::FactCheck fact_check;
    absl::StatusOr<std::int64_t> id = result->Int64(row, 0, row_what);
    absl::StatusOr<std::int64_t> claim_id = result->Int64(row, 1, row_what);
    absl::StatusOr<int> revision = result->Int(row, 2, row_what);
    if (!id.ok()) return id.status();
    if (!claim_id.ok()) return claim_id.status();
    if (!revision.ok()) return revision.status();
    fact_check.id = *id;
    fact_check.claim_id = *claim_id;
    fact_check.revision = *revision;
    absl::StatusOr<factcheck::FactCheckStatus> status =
        ReadFactCheckStatus(result->Text(row, 3), fmt::format("{}: fact-check {}", db(), *id));
    if (!status.ok()) return status.status();
    fact_check.status = *status;
    fact_check.verdict = result->String(row, 4);
    fact_check.summary = result->String(row, 5);
    fact_check.rationale = result->String(row, 6);
    fact_check.author = result->String(row, 7);
    fact_check.updated_by = result->String(row, 8);
    fact_check.created_at = result->String(row, 9);
    fact_check.updated_at = result->String(row, 10);
    fact_check.published_at = result->String(row, 11);
    fact_check.change_note = result->String(row, 12);
    ids.push_back(*id);
    fact_checks.push_back(std::move(fact_check));
  }
  if (fact_checks.empty()) return fact_checks;
  absl::StatusOr<std::vector<StoredEvidence>> evidence =
      SelectEvidence("WHERE e.factcheck_id = ANY($1::bigint[]) ORDER BY e.id", {IdArray(ids)});
  if (!evidence.ok()) return evidence.status();
  std::map<std::int64_t, factcheck::FactCheck*> by_id;
  for (factcheck::FactCheck& fact_check : fact_checks) by_id[fact_check.id] = &fact_check;
  for (StoredEvidence& stored : *evidence) {
    by_id[stored.factcheck_id]->evidence.push_back(std::move(stored.evidence));
  }
  return fact_checks;
}

absl::StatusOr<std::optional<factcheck::FactCheck>> PgFactCheckRecord::SelectFactCheck(
    std::int64_t id) {
  absl::StatusOr<std::vector<factcheck::FactCheck>> rows =
      SelectFactChecks("WHERE f.id = $1", {ToPgParam(id)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<factcheck::FactCheck>();
  return std::optional<factcheck::FactCheck>(std::move(rows->front()));
}

absl::StatusOr<std::vector<factcheck::FactCheckRevision>> PgFactCheckRecord::SelectHistory(
    std::int64_t id) {
  absl::StatusOr<PgResult> result = connection_.Query(
      fmt::format("{} WHERE factcheck_id = $1 ORDER BY revision", SelectRevisionSql()), id);
  if (!result.ok()) return result.status();
  std::vector<factcheck::FactCheckRevision> history;
  for (int row = 0; row < result->rows(); ++row) {
    factcheck::FactCheckRevision revision;
    absl::StatusOr<int> number =
        result->Int(row, 0, fmt::format("{}: fact-check {} revision", db(), id));
    if (!number.ok()) return number.status();
    revision.revision = *number;
    absl::StatusOr<factcheck::FactCheck> snapshot = DecodeSnapshot(
        result->Text(row, 1), fmt::format("{}: fact-check {} revision {}", db(), id, *number));
    if (!snapshot.ok()) return snapshot.status();
    revision.snapshot = *std::move(snapshot);
    revision.saved_by = result->String(row, 2);
    revision.saved_at = result->String(row, 3);
    revision.change_note = result->String(row, 4);
    history.push_back(std::move(revision));
  }
  return history;
}

// --- claims -------------------------------------------------------------------------------------

absl::StatusOr<std::int64_t> PgFactCheckRecord::PutClaim(const factcheck::Claim& claim) {
  if (absl::Status valid = CheckClaim(claim, 0, 1); !valid.ok()) {
    return InDatabase(connection_, valid);
  }
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<PgResult> next =
      connection_.Query("SELECT nextval(pg_get_serial_sequence('claims', 'id'))");
  if (!next.ok()) return next.status();
  absl::StatusOr<std::int64_t> id = next->Int64(0, 0, "new claim id");
  if (!id.ok()) return id.status();
  if (absl::Status s = InsertClaims({claim}, {*id}, Now()); !s.ok()) return s;
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return id;
}

absl::StatusOr<std::optional<factcheck::Claim>> PgFactCheckRecord::LoadClaim(std::int64_t id) {
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<std::vector<factcheck::Claim>> claims =
      SelectClaims("WHERE c.id = $1", {ToPgParam(id)});
  if (!claims.ok()) return claims.status();
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  if (claims->empty()) return std::optional<factcheck::Claim>();
  return std::optional<factcheck::Claim>(std::move(claims->front()));
}

absl::StatusOr<std::vector<factcheck::Claim>> PgFactCheckRecord::ListClaims(
    const ClaimFilter& filter) {
  if (absl::Status valid = CheckClaimFilter(filter); !valid.ok()) {
    return InDatabase(connection_, valid);
  }
  std::string where;
  std::vector<PgParam> params;
  const auto add = [&](std::string_view condition, PgParam value) {
    params.push_back(std::move(value));
    where += where.empty() ? "WHERE " : " AND ";
    where += fmt::format("{} ${}", condition, params.size());
  };
  if (!filter.actor.empty()) add("c.actor =", ToPgParam(filter.actor));
  if (filter.session.has_value()) add("c.session =", ToPgParam(*filter.session));
  params.push_back(ToPgParam(filter.limit));  // LIMIT NULL is no limit
  where += fmt::format(" ORDER BY c.date, c.id LIMIT ${}", params.size());
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<std::vector<factcheck::Claim>> claims = SelectClaims(where, params);
  if (!claims.ok()) return claims.status();
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return claims;
}

absl::StatusOr<std::vector<ClaimCandidate>> PgFactCheckRecord::MatchClaims(
    const std::vector<std::string>& terms, int limit) {
  if (absl::Status valid = CheckMatchQuery(terms, limit); !valid.ok()) {
    return InDatabase(connection_, valid);
  }
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  // The highest id stands for the number of claims, as in SQLite (sqlite_factchecks.cc):
  // count(*) would read every row.
  absl::StatusOr<PgResult> highest = connection_.Query("SELECT coalesce(max(id), 0) FROM claims");
  if (!highest.ok()) return highest.status();
  absl::StatusOr<std::int64_t> claims = highest->Int64(0, 0, "claim count");
  if (!claims.ok()) return claims.status();
  std::vector<ClaimCandidate> candidates;
  if (*claims == 0 || terms.empty()) return candidates;

  // Each term as plainto_tsquery makes it (stemmed, stop words dropped, several words ANDed),
  // and how many claims match it, counted up to the cap.
  const std::int64_t cap = MatchCountCap(*claims, kMatchBudget);
  absl::StatusOr<PgResult> counted = connection_.Query(R"sql(
SELECT t.ord - 1, plainto_tsquery('english', t.term)::text,
       (SELECT count(*) FROM (SELECT 1 FROM claims AS c
                               WHERE c.search @@ plainto_tsquery('english', t.term)
                               LIMIT $2) AS m)
  FROM json_array_elements_text($1::json) WITH ORDINALITY AS t(term, ord)
 ORDER BY t.ord
)sql",
                                                       Dump(json(terms)), cap + 1);
  if (!counted.ok()) return counted.status();
  std::vector<MatchTermCount> counts;
  std::vector<std::string> queries(terms.size());
  for (int row = 0; row < counted->rows(); ++row) {
    absl::StatusOr<std::int64_t> index = counted->Int64(row, 0, "term index");
    absl::StatusOr<std::int64_t> matching = counted->Int64(row, 2, "term count");
    if (!index.ok()) return index.status();
    if (!matching.ok()) return matching.status();
    if (*index < 0 || static_cast<std::size_t>(*index) >= terms.size()) {
      return absl::InternalError(fmt::format("{}: term index {} out of range", db(), *index));
    }
    queries[static_cast<std::size_t>(*index)] = counted->String(row, 1);
    counts.push_back({static_cast<std::size_t>(*index), *matching});
  }
  std::string query;
  for (const MatchTermCount& kept : PlanClaimMatch(counts, *claims, kMatchBudget).terms) {
    query += fmt::format("{}({})", query.empty() ? "" : " | ", queries[kept.index]);
  }
  if (query.empty()) {
    if (absl::Status s = transaction->Commit(); !s.ok()) return s;
    return candidates;
  }
  // At most kMatchBudget matches are ranked: all of them unless every term was common.
  absl::StatusOr<PgResult> ranked = connection_.Query(R"sql(
SELECT m.id, ts_rank_cd(m.search, $1::tsquery) AS rank
  FROM (SELECT c.id, c.search FROM claims AS c WHERE c.search @@ $1::tsquery
         ORDER BY c.id DESC LIMIT $2) AS m
 ORDER BY rank DESC, m.id DESC
 LIMIT $3
)sql",
                                                      query, kMatchBudget, limit);
  if (!ranked.ok()) return ranked.status();
  std::vector<std::pair<std::int64_t, double>> order;
  std::vector<std::int64_t> ids;
  for (int row = 0; row < ranked->rows(); ++row) {
    absl::StatusOr<std::int64_t> id = ranked->Int64(row, 0, "ranked claim");
    absl::StatusOr<double> rank = ranked->Double(row, 1, "claim rank");
    if (!id.ok()) return id.status();
    if (!rank.ok()) return rank.status();
    order.emplace_back(*id, *rank);
    ids.push_back(*id);
  }
  absl::StatusOr<std::vector<factcheck::Claim>> loaded =
      SelectClaims("WHERE c.id = ANY($1::bigint[])", {IdArray(ids)});
  if (!loaded.ok()) return loaded.status();
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  std::map<std::int64_t, factcheck::Claim*> by_id;
  for (factcheck::Claim& claim : *loaded) by_id[claim.id] = &claim;
  for (const auto& [id, rank] : order) {
    auto found = by_id.find(id);
    if (found == by_id.end()) {
      return absl::InternalError(fmt::format("{}: ranked claim {} was not read back", db(), id));
    }
    candidates.push_back({std::move(*found->second), rank});
  }
  return candidates;
}

absl::StatusOr<int> PgFactCheckRecord::ImportClaims(const std::vector<factcheck::Claim>& claims) {
  std::vector<std::int64_t> ids;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    absl::Status valid = CheckClaim(claims[i], i, claims.size());
    if (valid.ok() && (claims[i].id <= 0 || claims[i].created_at.empty())) {
      valid = absl::InvalidArgumentError(fmt::format(
          "claim {} of {} has no id or no created_at to import it with", i + 1, claims.size()));
    }
    if (!valid.ok()) return InDatabase(connection_, valid);
    ids.push_back(claims[i].id);
  }
  if (claims.empty()) return 0;
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<std::vector<factcheck::Claim>> held =
      SelectClaims("WHERE c.id = ANY($1::bigint[])", {IdArray(ids)});
  if (!held.ok()) return held.status();
  std::map<std::int64_t, const factcheck::Claim*> held_by_id;
  for (const factcheck::Claim& claim : *held) held_by_id[claim.id] = &claim;
  std::vector<factcheck::Claim> missing;
  std::vector<std::int64_t> missing_ids;
  for (const factcheck::Claim& claim : claims) {
    auto there = held_by_id.find(claim.id);
    if (there == held_by_id.end()) {
      missing.push_back(claim);
      missing_ids.push_back(claim.id);
    } else if (!SameClaim(*there->second, claim)) {
      return absl::FailedPreconditionError(fmt::format(
          "{}: cannot import claim {} ({}): this store has another claim under that id; copy "
          "into an empty store",
          db(), claim.id, claim.actor));
    }
  }
  if (missing.empty()) return 0;
  if (absl::Status s = InsertClaims(missing, missing_ids, ""); !s.ok()) return s;
  const std::int64_t top = *std::max_element(missing_ids.begin(), missing_ids.end());
  if (absl::Status s = AdvanceIdentity("claims", top); !s.ok()) return s;
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return static_cast<int>(missing.size());
}

// --- fact-checks ---------------------------------------------------------------------------------

absl::StatusOr<std::int64_t> PgFactCheckRecord::CreateFactCheck(
    const factcheck::FactCheck& fact_check, const factcheck::VerdictScale& scale) {
  const std::string what = fmt::format("new fact-check on claim {}", fact_check.claim_id);
  if (absl::Status valid = CheckFactCheck(fact_check, what); !valid.ok()) {
    return InDatabase(connection_, valid);
  }
  const std::string now = Now();
  factcheck::FactCheck stored = fact_check;
  stored.id = 0;
  stored.revision = 1;
  stored.updated_by = fact_check.author;
  stored.created_at = now;
  stored.updated_at = now;
  stored.published_at.clear();
  for (factcheck::Evidence& piece : stored.evidence) piece.id = 0;
  if (absl::Status allowed = factcheck::CheckRevision(std::nullopt, stored, scale);
      !allowed.ok()) {
    return InDatabase(connection_, WithRowContext(allowed, what));
  }

  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  if (absl::Status s = RequireRows("claims", {stored.claim_id}, "claim"); !s.ok()) return s;
  if (absl::Status s = RequireEvidenceDocuments(stored.evidence, what); !s.ok()) return s;
  absl::StatusOr<PgResult> inserted = connection_.Query(
      R"sql(
INSERT INTO factchecks (claim_id, revision, status, verdict, summary, rationale, author,
                        updated_by, created_at, updated_at, published_at, change_note)
VALUES ($1, 1, $2, $3, $4, $5, $6, $6, $7::timestamptz, $7::timestamptz, NULL, $8)
RETURNING id
)sql",
      stored.claim_id, StoredFactCheckStatus(stored.status), stored.verdict, stored.summary,
      stored.rationale, stored.author, now, stored.change_note);
  if (!inserted.ok()) return WithRowContext(inserted.status(), fmt::format("storing {}", what));
  absl::StatusOr<std::int64_t> id = inserted->Int64(0, 0, "new fact-check id");
  if (!id.ok()) return id.status();
  if (absl::Status s = InsertEvidence(*id, stored.evidence); !s.ok()) return s;
  absl::StatusOr<std::optional<factcheck::FactCheck>> saved = SelectFactCheck(*id);
  if (!saved.ok()) return saved.status();
  if (absl::Status s = InsertRevision(*id, {1, **saved, stored.author, now, stored.change_note});
      !s.ok()) {
    return s;
  }
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return id;
}

absl::StatusOr<int> PgFactCheckRecord::ReviseFactCheck(const factcheck::FactCheck& next,
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
  if (!valid.ok()) return InDatabase(connection_, valid);

  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  // The row lock waits for a concurrent save of this fact-check to commit; the statements
  // after it (READ COMMITTED) see what that save wrote.
  absl::StatusOr<PgResult> locked =
      connection_.Query("SELECT 1 FROM factchecks WHERE id = $1 FOR UPDATE", next.id);
  if (!locked.ok()) return locked.status();
  if (locked->rows() == 0) {
    return absl::NotFoundError(fmt::format("{}: fact-check {} does not exist", db(), next.id));
  }
  absl::StatusOr<std::optional<factcheck::FactCheck>> held = SelectFactCheck(next.id);
  if (!held.ok()) return held.status();
  if (!held->has_value()) {
    return absl::NotFoundError(fmt::format("{}: fact-check {} does not exist", db(), next.id));
  }
  const factcheck::FactCheck& current = **held;
  if (current.revision != expected_revision) {
    return RevisedMeanwhile(db(), current.id, current.updated_by, current.updated_at,
                            current.revision, expected_revision);
  }
  if (next.claim_id != current.claim_id) {
    return absl::InvalidArgumentError(fmt::format(
        "{}: {} is on claim {}; a fact-check stays on its claim", db(), what, current.claim_id));
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
  std::map<std::int64_t, const factcheck::Evidence*> stored_evidence;
  for (const factcheck::Evidence& piece : current.evidence) stored_evidence[piece.id] = &piece;
  std::vector<std::int64_t> kept;
  json notes = json::array();
  std::vector<factcheck::Evidence> added;
  for (factcheck::Evidence& piece : revised.evidence) {
    if (piece.id == 0) {
      added.push_back(piece);
      continue;
    }
    auto found = stored_evidence.find(piece.id);
    if (found == stored_evidence.end()) {
      return absl::InvalidArgumentError(
          fmt::format("{}: evidence {} is not evidence of {}; add new evidence with id 0", db(),
                      piece.id, what));
    }
    std::string note = std::move(piece.note);
    piece = *found->second;
    piece.note = std::move(note);
    kept.push_back(piece.id);
    notes.push_back({{"id", piece.id}, {"note", piece.note}});
  }
  if (absl::Status allowed = factcheck::CheckRevision(current, revised, scale); !allowed.ok()) {
    return InDatabase(connection_, WithRowContext(allowed, what));
  }
  if (absl::Status s = RequireEvidenceDocuments(added, what); !s.ok()) return s;

  absl::StatusOr<PgResult> updated = connection_.Query(
      R"sql(
UPDATE factchecks
   SET revision = $2, status = $3, verdict = $4, summary = $5, rationale = $6, updated_by = $7,
       updated_at = $8::timestamptz, published_at = $9::timestamptz, change_note = $10
 WHERE id = $1
)sql",
      revised.id, revised.revision, StoredFactCheckStatus(revised.status), revised.verdict,
      revised.summary, revised.rationale, revised.updated_by, revised.updated_at,
      TimeOrNull(revised.published_at), revised.change_note);
  if (!updated.ok()) return WithRowContext(updated.status(), fmt::format("saving {}", what));
  absl::StatusOr<PgResult> removed = connection_.Query(
      "DELETE FROM evidence WHERE factcheck_id = $1 AND NOT (id = ANY($2::bigint[]))", revised.id,
      IdArray(kept));
  if (!removed.ok()) return removed.status();
  if (!notes.empty()) {
    absl::StatusOr<PgResult> noted = connection_.Query(R"sql(
UPDATE evidence AS e SET note = r.note
  FROM json_to_recordset($1::json) AS r(id bigint, note text)
 WHERE e.id = r.id
)sql",
                                                       Dump(notes));
    if (!noted.ok()) return noted.status();
  }
  if (absl::Status s = InsertEvidence(revised.id, added); !s.ok()) return s;
  absl::StatusOr<std::optional<factcheck::FactCheck>> saved = SelectFactCheck(revised.id);
  if (!saved.ok()) return saved.status();
  absl::Status s = InsertRevision(
      revised.id, {revised.revision, **saved, revised.updated_by, now, revised.change_note});
  if (!s.ok()) return s;
  if (absl::Status committed = transaction->Commit(); !committed.ok()) return committed;
  return revised.revision;
}

absl::StatusOr<std::optional<factcheck::FactCheck>> PgFactCheckRecord::LoadFactCheck(
    std::int64_t id) {
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<std::optional<factcheck::FactCheck>> fact_check = SelectFactCheck(id);
  if (!fact_check.ok()) return fact_check.status();
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return fact_check;
}

absl::StatusOr<std::vector<factcheck::FactCheck>> PgFactCheckRecord::ListFactChecks(
    const FactCheckFilter& filter) {
  std::string where;
  std::vector<PgParam> params;
  const auto add = [&where](std::string_view condition) {
    where += where.empty() ? "WHERE " : " AND ";
    where += condition;
  };
  if (filter.claim_id.has_value()) {
    params.push_back(ToPgParam(*filter.claim_id));
    add(fmt::format("f.claim_id = ${}", params.size()));
  }
  if (filter.status.has_value()) {
    params.push_back(ToPgParam(StoredFactCheckStatus(*filter.status)));
    add(fmt::format("f.status = ${}", params.size()));
  }
  if (filter.needs_review_only) add(std::string(kNeedsReview));
  where += " ORDER BY f.id";
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<std::vector<factcheck::FactCheck>> fact_checks = SelectFactChecks(where, params);
  if (!fact_checks.ok()) return fact_checks.status();
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return fact_checks;
}

absl::StatusOr<std::vector<factcheck::FactCheckRevision>> PgFactCheckRecord::FactCheckHistory(
    std::int64_t id) {
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<std::vector<factcheck::FactCheckRevision>> history = SelectHistory(id);
  if (!history.ok()) return history.status();
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return history;
}

absl::StatusOr<int> PgFactCheckRecord::ImportFactCheck(
    const factcheck::FactCheck& current,
    const std::vector<factcheck::FactCheckRevision>& history) {
  absl::Status valid = CheckImportedHistory(current, history);
  std::vector<std::int64_t> evidence_ids;
  for (std::size_t i = 0; valid.ok() && i < current.evidence.size(); ++i) {
    if (current.evidence[i].id <= 0) {
      valid = absl::InvalidArgumentError(fmt::format(
          "fact-check {}: evidence {} has no id to import it under", current.id, i + 1));
    }
    evidence_ids.push_back(current.evidence[i].id);
  }
  if (!valid.ok()) return InDatabase(connection_, valid);
  const std::string what = fmt::format("fact-check {}", current.id);

  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kWrite);
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
        db(), what));
  }
  if (absl::Status s = RequireRows("claims", {current.claim_id}, "claim"); !s.ok()) return s;
  if (absl::Status s = RequireEvidenceDocuments(current.evidence, what); !s.ok()) return s;
  if (!evidence_ids.empty()) {
    absl::StatusOr<PgResult> taken = connection_.Query(
        "SELECT id FROM evidence WHERE id = ANY($1::bigint[]) ORDER BY id LIMIT 1",
        IdArray(evidence_ids));
    if (!taken.ok()) return taken.status();
    if (taken->rows() > 0) {
      return absl::FailedPreconditionError(fmt::format(
          "{}: cannot import {}: evidence {} belongs to another fact-check here; copy into an "
          "empty store",
          db(), what, taken->Text(0, 0)));
    }
  }
  absl::StatusOr<PgResult> inserted = connection_.Query(
      R"sql(
INSERT INTO factchecks (id, claim_id, revision, status, verdict, summary, rationale, author,
                        updated_by, created_at, updated_at, published_at, change_note)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::timestamptz, $11::timestamptz,
        $12::timestamptz, $13)
)sql",
      current.id, current.claim_id, current.revision, StoredFactCheckStatus(current.status),
      current.verdict, current.summary, current.rationale, current.author, current.updated_by,
      current.created_at, current.updated_at, TimeOrNull(current.published_at),
      current.change_note);
  if (!inserted.ok()) return WithRowContext(inserted.status(), fmt::format("importing {}", what));
  if (absl::Status s = InsertEvidence(current.id, current.evidence); !s.ok()) return s;
  for (const factcheck::FactCheckRevision& revision : history) {
    if (absl::Status s = InsertRevision(current.id, revision); !s.ok()) return s;
  }
  if (absl::Status s = AdvanceIdentity("factchecks", current.id); !s.ok()) return s;
  if (!evidence_ids.empty()) {
    const std::int64_t top = *std::max_element(evidence_ids.begin(), evidence_ids.end());
    if (absl::Status s = AdvanceIdentity("evidence", top); !s.ok()) return s;
  }
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return 1;
}

// --- evidence -----------------------------------------------------------------------------------

absl::StatusOr<std::vector<StoredEvidence>> PgFactCheckRecord::ListEvidence(
    const std::vector<std::int64_t>& document_ids) {
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<std::vector<StoredEvidence>> evidence =
      document_ids.empty()
          ? SelectEvidence("ORDER BY e.id", {})
          : SelectEvidence("WHERE e.document_id = ANY($1::bigint[]) ORDER BY e.id",
                           {IdArray(document_ids)});
  if (!evidence.ok()) return evidence.status();
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return evidence;
}

absl::Status PgFactCheckRecord::UpdateEvidence(const std::vector<EvidenceUpdate>& updates) {
  if (absl::Status valid = CheckEvidenceUpdates(updates); !valid.ok()) {
    return InDatabase(connection_, valid);
  }
  if (updates.empty()) return absl::OkStatus();
  std::vector<std::int64_t> ids;
  std::vector<std::int64_t> documents;
  json rows = json::array();
  for (const EvidenceUpdate& change : updates) {
    const factcheck::EvidenceAnchor& anchor = change.anchor;
    ids.push_back(change.evidence_id);
    documents.push_back(anchor.document_id);
    if (change.checked_against != 0) documents.push_back(change.checked_against);
    rows.push_back(
        {{"id", change.evidence_id},
         {"document_id", anchor.document_id},
         {"path", anchor.path},
         {"exact", anchor.exact},
         {"prefix", anchor.prefix},
         {"suffix", anchor.suffix},
         {"start_offset", anchor.start},
         {"end_offset", anchor.end},
         {"status", StoredAnchorStatus(change.status)},
         {"similarity", change.similarity},
         {"proposal", change.proposal.has_value() ? json(EncodeAnchor(*change.proposal))
                                                  : json(nullptr)},
         {"checked_against", IdOrNull(change.checked_against)}});
  }
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  if (absl::Status s = RequireRows("evidence", ids, "evidence"); !s.ok()) return s;
  if (absl::Status s = RequireRows("documents", documents, "document"); !s.ok()) return s;
  absl::StatusOr<PgResult> updated = connection_.Query(R"sql(
UPDATE evidence AS e
   SET document_id = r.document_id, path = r.path, exact = r.exact, prefix = r.prefix,
       suffix = r.suffix, start_offset = r.start_offset, end_offset = r.end_offset,
       status = r.status, similarity = r.similarity, proposal = r.proposal,
       checked_against = r.checked_against
  FROM json_to_recordset($1::json) AS r(id bigint, document_id bigint, path text, exact text,
       prefix text, suffix text, start_offset bigint, end_offset bigint, status text,
       similarity double precision, proposal text, checked_against bigint)
 WHERE e.id = r.id
)sql",
                                                       Dump(rows));
  if (!updated.ok()) {
    return WithRowContext(updated.status(),
                          fmt::format("storing {} evidence updates", updates.size()));
  }
  return transaction->Commit();
}

}  // namespace tw::store
