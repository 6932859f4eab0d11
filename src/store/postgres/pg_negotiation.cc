#include "store/postgres/pg_negotiation.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <utility>

#include "store/negotiation_rows.h"
#include "store/postgres/pg_transaction.h"

namespace tw::store {
namespace {

using Mode = PgTransaction::Mode;
using nlohmann::json;

// Cited paths come back as one JSON array per statement (json_agg), so a list is one query.
constexpr std::string_view kSelectStatement = R"sql(
SELECT s.id, s.actor, s.session, s.agenda_item, s.date, s.text, s.source_url,
       coalesce(s.document_id, 0),
       coalesce((SELECT json_agg(c.path ORDER BY c.ordinal) FROM statement_citations AS c
                  WHERE c.statement_id = s.id), '[]')
  FROM statements AS s
)sql";

constexpr std::string_view kSelectPosition = R"sql(
SELECT p.id, p.actor, p.subject, p.stance, p.date, p.source_kind, p.source, p.note
  FROM positions AS p
)sql";

constexpr std::string_view kSelectVote = R"sql(
SELECT v.symbol, v.body, v.date, v.question,
       coalesce((SELECT json_agg(json_build_array(b.actor, b.ballot) ORDER BY b.actor)
                   FROM ballots AS b WHERE b.vote_symbol = v.symbol), '[]')
  FROM votes AS v
)sql";

absl::Status InDatabase(const PgConnection& connection, const absl::Status& status) {
  return absl::Status(status.code(),
                      fmt::format("{}: {}", connection.name(), std::string(status.message())));
}

// Values were checked as UTF-8 (negotiation_rows.h) before they get here, so dump() cannot
// throw on them; a throw would still become a Status, not escape.
absl::StatusOr<std::string> Dump(const json& value, std::string_view what) {
  try {
    return value.dump();
  } catch (const json::exception& e) {
    return absl::InvalidArgumentError(fmt::format("{}: cannot be encoded ({})", what, e.what()));
  }
}

absl::StatusOr<json> ParseArray(std::string_view text, std::string_view what) {
  json parsed = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!parsed.is_array()) {
    return absl::DataLossError(fmt::format("{} is not a JSON array", what));
  }
  return parsed;
}

// A json_agg of text values.
absl::StatusOr<std::vector<std::string>> ReadTextArray(std::string_view text,
                                                       std::string_view what) {
  absl::StatusOr<json> parsed = ParseArray(text, what);
  if (!parsed.ok()) return parsed.status();
  std::vector<std::string> values;
  values.reserve(parsed->size());
  for (const json& value : *parsed) {
    if (!value.is_string()) {
      return absl::DataLossError(fmt::format("{} holds something else than text", what));
    }
    values.push_back(value.get<std::string>());
  }
  return values;
}

// "{1,2,3}": a bigint[] parameter.
std::string IdArray(const std::vector<std::int64_t>& ids) {
  return fmt::format("{{{}}}", fmt::join(ids, ","));
}

json DocumentIdOrNull(std::int64_t document_id) {
  return document_id == 0 ? json(nullptr) : json(document_id);
}

// Appends conditions to a WHERE clause, numbering the parameters as they come.
class WhereClause {
 public:
  // `condition` spells its parameters as {0}, {1}, ...; they become $n, $n+1, ...
  void Add(std::string condition, std::vector<PgParam> values) {
    for (std::size_t i = 0; i < values.size(); ++i) {
      params_.push_back(std::move(values[i]));
      const std::string placeholder = fmt::format("{{{}}}", i);
      const std::string number = fmt::format("${}", params_.size());
      for (std::size_t at = condition.find(placeholder); at != std::string::npos;
           at = condition.find(placeholder, at + number.size())) {
        condition.replace(at, placeholder.size(), number);
      }
    }
    sql_ += sql_.empty() ? "WHERE " : " AND ";
    sql_ += condition;
  }
  // The next parameter's placeholder, for a clause after the WHERE (LIMIT $n).
  std::string Param(PgParam value) {
    params_.push_back(std::move(value));
    return fmt::format("${}", params_.size());
  }

  const std::string& sql() const { return sql_; }
  const std::vector<PgParam>& params() const { return params_; }

 private:
  std::string sql_;
  std::vector<PgParam> params_;
};

}  // namespace

// --- sessions -----------------------------------------------------------------------------------

absl::Status PgNegotiationRecord::PutSession(const negotiation::Session& session) {
  if (absl::Status valid = CheckSession(session); !valid.ok()) {
    return InDatabase(connection_, valid);
  }
  absl::StatusOr<std::string> items =
      Dump(json(session.agenda_items), fmt::format("session {}", session.number));
  if (!items.ok()) return InDatabase(connection_, items.status());

  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<PgResult> upserted =
      connection_.Query(R"sql(
INSERT INTO sessions (instrument, number, title, start_date, end_date, venue)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (instrument, number) DO UPDATE
   SET title = excluded.title, start_date = excluded.start_date, end_date = excluded.end_date,
       venue = excluded.venue
)sql",
                        session.instrument, session.number, session.title, session.start_date,
                        session.end_date, session.venue);
  if (!upserted.ok()) return upserted.status();
  absl::StatusOr<PgResult> cleared =
      connection_.Query("DELETE FROM agenda_items WHERE instrument = $1 AND session_number = $2",
                        session.instrument, session.number);
  if (!cleared.ok()) return cleared.status();
  absl::StatusOr<PgResult> inserted = connection_.Query(R"sql(
INSERT INTO agenda_items (instrument, session_number, ordinal, text)
SELECT $1, $2, a.ordinal - 1, a.text
  FROM json_array_elements_text($3::json) WITH ORDINALITY AS a(text, ordinal)
)sql",
                                                        session.instrument, session.number, *items);
  if (!inserted.ok()) {
    return WithRowContext(inserted.status(),
                          fmt::format("storing the agenda of session {}", session.number));
  }
  return transaction->Commit();
}

absl::StatusOr<std::vector<negotiation::Session>> PgNegotiationRecord::ListSessions() {
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<PgResult> result = connection_.Query(R"sql(
SELECT s.instrument, s.number, s.title, s.start_date, s.end_date, s.venue,
       coalesce((SELECT json_agg(a.text ORDER BY a.ordinal) FROM agenda_items AS a
                  WHERE a.instrument = s.instrument AND a.session_number = s.number), '[]')
  FROM sessions AS s
 ORDER BY s.instrument, s.number
)sql");
  if (!result.ok()) return result.status();
  std::vector<negotiation::Session> sessions;
  for (int row = 0; row < result->rows(); ++row) {
    negotiation::Session session;
    session.instrument = result->String(row, 0);
    absl::StatusOr<int> number = result->Int(row, 1, fmt::format("{}: session", db()));
    if (!number.ok()) return number.status();
    session.number = *number;
    session.title = result->String(row, 2);
    session.start_date = result->String(row, 3);
    session.end_date = result->String(row, 4);
    session.venue = result->String(row, 5);
    absl::StatusOr<std::vector<std::string>> items =
        ReadTextArray(result->Text(row, 6), fmt::format("{}: the agenda of session {} of '{}'",
                                                        db(), session.number, session.instrument));
    if (!items.ok()) return items.status();
    session.agenda_items = *std::move(items);
    sessions.push_back(std::move(session));
  }
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return sessions;
}

// --- statements ---------------------------------------------------------------------------------

absl::StatusOr<std::vector<std::int64_t>> PgNegotiationRecord::NextIds(std::string_view table,
                                                                       std::size_t count) {
  absl::StatusOr<PgResult> result = connection_.Query(R"sql(
SELECT nextval(pg_get_serial_sequence($1, 'id')) AS id FROM generate_series(1, $2) ORDER BY id
)sql",
                                                      table, count);
  if (!result.ok()) return result.status();
  std::vector<std::int64_t> ids;
  ids.reserve(count);
  for (int row = 0; row < result->rows(); ++row) {
    absl::StatusOr<std::int64_t> id = result->Int64(row, 0, fmt::format("new {} id", table));
    if (!id.ok()) return id.status();
    ids.push_back(*id);
  }
  if (ids.size() != count) {
    return absl::InternalError(
        fmt::format("{}: asked for {} new {} ids, got {}", db(), count, table, ids.size()));
  }
  return ids;
}

absl::Status PgNegotiationRecord::InsertStatements(
    const std::vector<negotiation::Statement>& statements, const std::vector<std::int64_t>& ids) {
  json rows = json::array();
  json citations = json::array();
  for (std::size_t i = 0; i < statements.size(); ++i) {
    const negotiation::Statement& statement = statements[i];
    rows.push_back({{"id", ids[i]},
                    {"actor", statement.actor},
                    {"session", statement.session},
                    {"agenda_item", statement.agenda_item},
                    {"date", statement.date},
                    {"text", statement.text},
                    {"source_url", statement.source_url},
                    {"document_id", DocumentIdOrNull(statement.document_id)}});
    for (std::size_t k = 0; k < statement.cited_paths.size(); ++k) {
      citations.push_back(
          {{"statement_id", ids[i]}, {"ordinal", k}, {"path", statement.cited_paths[k]}});
    }
  }
  absl::StatusOr<std::string> row_json = Dump(rows, "statements");
  if (!row_json.ok()) return InDatabase(connection_, row_json.status());
  absl::StatusOr<std::string> citation_json = Dump(citations, "cited paths");
  if (!citation_json.ok()) return InDatabase(connection_, citation_json.status());
  absl::StatusOr<PgResult> inserted = connection_.Query(R"sql(
INSERT INTO statements (id, actor, session, agenda_item, date, text, source_url, document_id)
SELECT r.id, r.actor, r.session, r.agenda_item, r.date, r.text, r.source_url, r.document_id
  FROM json_to_recordset($1::json) AS r(id bigint, actor text, session integer,
       agenda_item text, date text, text text, source_url text, document_id bigint)
)sql",
                                                        *row_json);
  if (!inserted.ok()) {
    return WithRowContext(inserted.status(),
                          fmt::format("storing {} statements", statements.size()));
  }
  if (citations.empty()) return absl::OkStatus();
  absl::StatusOr<PgResult> cited = connection_.Query(R"sql(
INSERT INTO statement_citations (statement_id, ordinal, path)
SELECT r.statement_id, r.ordinal, r.path
  FROM json_to_recordset($1::json) AS r(statement_id bigint, ordinal integer, path text)
)sql",
                                                     *citation_json);
  if (!cited.ok()) return WithRowContext(cited.status(), "storing the cited paths of statements");
  return absl::OkStatus();
}

absl::StatusOr<std::vector<std::int64_t>> PgNegotiationRecord::PutStatements(
    const std::vector<negotiation::Statement>& statements) {
  for (std::size_t i = 0; i < statements.size(); ++i) {
    absl::Status valid = CheckStatement(statements[i], i, statements.size());
    if (!valid.ok()) return InDatabase(connection_, valid);
  }
  if (statements.empty()) return std::vector<std::int64_t>();
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<std::vector<std::int64_t>> ids = NextIds("statements", statements.size());
  if (!ids.ok()) return ids.status();
  if (absl::Status s = InsertStatements(statements, *ids); !s.ok()) return s;
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return ids;
}

absl::StatusOr<std::vector<negotiation::Statement>> PgNegotiationRecord::SelectStatements(
    std::string_view where, const std::vector<PgParam>& params) {
  absl::StatusOr<PgResult> result =
      connection_.QueryParams(fmt::format("{} {}", kSelectStatement, where), params);
  if (!result.ok()) return result.status();
  std::vector<negotiation::Statement> statements;
  statements.reserve(static_cast<std::size_t>(result->rows()));
  const std::string what = fmt::format("{}: statement row", db());
  for (int row = 0; row < result->rows(); ++row) {
    negotiation::Statement statement;
    absl::StatusOr<std::int64_t> id = result->Int64(row, 0, what);
    absl::StatusOr<int> session = result->Int(row, 2, what);
    absl::StatusOr<std::int64_t> document_id = result->Int64(row, 7, what);
    if (!id.ok()) return id.status();
    if (!session.ok()) return session.status();
    if (!document_id.ok()) return document_id.status();
    statement.id = *id;
    statement.actor = result->String(row, 1);
    statement.session = *session;
    statement.agenda_item = result->String(row, 3);
    statement.date = result->String(row, 4);
    statement.text = result->String(row, 5);
    statement.source_url = result->String(row, 6);
    statement.document_id = *document_id;
    absl::StatusOr<std::vector<std::string>> paths = ReadTextArray(
        result->Text(row, 8), fmt::format("{}: the cited paths of statement {}", db(), *id));
    if (!paths.ok()) return paths.status();
    statement.cited_paths = *std::move(paths);
    statements.push_back(std::move(statement));
  }
  return statements;
}

absl::StatusOr<std::vector<negotiation::Statement>> PgNegotiationRecord::ListStatements(
    const StatementFilter& filter) {
  if (absl::Status valid = CheckStatementFilter(filter.limit); !valid.ok()) {
    return InDatabase(connection_, valid);
  }
  WhereClause where;
  if (!filter.actor.empty()) where.Add("s.actor = {0}", {ToPgParam(filter.actor)});
  if (filter.session.has_value()) where.Add("s.session = {0}", {ToPgParam(*filter.session)});
  if (!filter.cited_path.empty()) {
    where.Add(
        "s.id IN (SELECT c.statement_id FROM statement_citations AS c "
        "WHERE c.path = {0} OR (c.path >= {1} AND c.path < {2}))",
        {ToPgParam(filter.cited_path), ToPgParam(CitedPathRangeBegin(filter.cited_path)),
         ToPgParam(CitedPathRangeEnd(filter.cited_path))});
  }
  if (filter.id.has_value()) where.Add("s.id = {0}", {ToPgParam(*filter.id)});
  // LIMIT NULL is no limit.
  const std::string limit = where.Param(ToPgParam(filter.limit));
  const std::string sql = fmt::format("{} ORDER BY s.date, s.id LIMIT {}", where.sql(), limit);

  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<std::vector<negotiation::Statement>> statements =
      SelectStatements(sql, where.params());
  if (!statements.ok()) return statements.status();
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return statements;
}

absl::Status PgNegotiationRecord::AdvanceIdentity(std::string_view table, std::int64_t id) {
  absl::StatusOr<PgResult> advanced = connection_.Query(
      R"sql(
SELECT setval(s.sequence, $2)
  FROM (SELECT pg_get_serial_sequence($1, 'id')::regclass AS sequence) AS s
 WHERE $2 > coalesce(pg_sequence_last_value(s.sequence), 0)
)sql",
      table, id);
  return advanced.status();
}

absl::StatusOr<int> PgNegotiationRecord::ImportStatements(
    const std::vector<negotiation::Statement>& statements) {
  std::vector<std::int64_t> ids;
  ids.reserve(statements.size());
  for (std::size_t i = 0; i < statements.size(); ++i) {
    absl::Status valid = CheckStatement(statements[i], i, statements.size());
    if (valid.ok() && statements[i].id <= 0) {
      valid = absl::InvalidArgumentError(
          fmt::format("statement {} of {} has no id to import it under", i + 1, statements.size()));
    }
    if (!valid.ok()) return InDatabase(connection_, valid);
    ids.push_back(statements[i].id);
  }
  if (statements.empty()) return 0;
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<std::vector<negotiation::Statement>> held =
      SelectStatements("WHERE s.id = ANY($1::bigint[]) ORDER BY s.id", {IdArray(ids)});
  if (!held.ok()) return held.status();
  std::vector<negotiation::Statement> missing;
  std::vector<std::int64_t> missing_ids;
  for (const negotiation::Statement& statement : statements) {
    const auto there = std::find_if(held->begin(), held->end(), [&](const auto& candidate) {
      return candidate.id == statement.id;
    });
    if (there == held->end()) {
      missing.push_back(statement);
      missing_ids.push_back(statement.id);
    } else if (!SameStatement(*there, statement)) {
      return absl::FailedPreconditionError(fmt::format(
          "{}: cannot import statement {} ({}): this store has another statement under that "
          "id; copy into an empty store",
          db(), statement.id, statement.actor));
    }
  }
  if (missing.empty()) return 0;
  if (absl::Status s = InsertStatements(missing, missing_ids); !s.ok()) return s;
  const std::int64_t highest = *std::max_element(missing_ids.begin(), missing_ids.end());
  if (absl::Status s = AdvanceIdentity("statements", highest); !s.ok()) return s;
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return static_cast<int>(missing.size());
}

// --- positions ----------------------------------------------------------------------------------

absl::Status PgNegotiationRecord::InsertPositions(
    const std::vector<negotiation::Position>& positions, const std::vector<std::int64_t>& ids) {
  json rows = json::array();
  for (std::size_t i = 0; i < positions.size(); ++i) {
    const negotiation::Position& position = positions[i];
    rows.push_back({{"id", ids[i]},
                    {"actor", position.actor},
                    {"subject", position.subject},
                    {"stance", StoredStance(position.stance)},
                    {"date", position.date},
                    {"source_kind", position.source_kind},
                    {"source", position.source},
                    {"note", position.note}});
  }
  absl::StatusOr<std::string> row_json = Dump(rows, "positions");
  if (!row_json.ok()) return InDatabase(connection_, row_json.status());
  absl::StatusOr<PgResult> inserted = connection_.Query(R"sql(
INSERT INTO positions (id, actor, subject, stance, date, source_kind, source, note)
SELECT r.id, r.actor, r.subject, r.stance, r.date, r.source_kind, r.source, r.note
  FROM json_to_recordset($1::json) AS r(id bigint, actor text, subject text, stance text,
       date text, source_kind text, source text, note text)
)sql",
                                                        *row_json);
  if (!inserted.ok()) {
    return WithRowContext(inserted.status(), fmt::format("storing {} positions", positions.size()));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<std::int64_t>> PgNegotiationRecord::PutPositions(
    const std::vector<negotiation::Position>& positions) {
  for (std::size_t i = 0; i < positions.size(); ++i) {
    absl::Status valid = CheckPosition(positions[i], i, positions.size());
    if (!valid.ok()) return InDatabase(connection_, valid);
  }
  if (positions.empty()) return std::vector<std::int64_t>();
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<std::vector<std::int64_t>> ids = NextIds("positions", positions.size());
  if (!ids.ok()) return ids.status();
  if (absl::Status s = InsertPositions(positions, *ids); !s.ok()) return s;
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return ids;
}

absl::StatusOr<std::vector<negotiation::Position>> PgNegotiationRecord::SelectPositions(
    std::string_view where, const std::vector<PgParam>& params) {
  absl::StatusOr<PgResult> result =
      connection_.QueryParams(fmt::format("{} {}", kSelectPosition, where), params);
  if (!result.ok()) return result.status();
  std::vector<negotiation::Position> positions;
  positions.reserve(static_cast<std::size_t>(result->rows()));
  for (int row = 0; row < result->rows(); ++row) {
    negotiation::Position position;
    absl::StatusOr<std::int64_t> id = result->Int64(row, 0, fmt::format("{}: position", db()));
    if (!id.ok()) return id.status();
    position.id = *id;
    position.actor = result->String(row, 1);
    position.subject = result->String(row, 2);
    absl::StatusOr<negotiation::Stance> stance =
        ReadStance(result->Text(row, 3), fmt::format("{}: position {}", db(), *id));
    if (!stance.ok()) return stance.status();
    position.stance = *stance;
    position.date = result->String(row, 4);
    position.source_kind = result->String(row, 5);
    position.source = result->String(row, 6);
    position.note = result->String(row, 7);
    positions.push_back(std::move(position));
  }
  return positions;
}

absl::StatusOr<std::vector<negotiation::Position>> PgNegotiationRecord::ListPositions(
    const PositionFilter& filter) {
  WhereClause where;
  if (!filter.actor.empty()) where.Add("p.actor = {0}", {ToPgParam(filter.actor)});
  if (!filter.subject.empty()) where.Add("p.subject = {0}", {ToPgParam(filter.subject)});
  const std::string sql = fmt::format("{} ORDER BY p.date, p.id", where.sql());
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<std::vector<negotiation::Position>> positions =
      SelectPositions(sql, where.params());
  if (!positions.ok()) return positions.status();
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return positions;
}

absl::StatusOr<int> PgNegotiationRecord::ImportPositions(
    const std::vector<negotiation::Position>& positions) {
  std::vector<std::int64_t> ids;
  ids.reserve(positions.size());
  for (std::size_t i = 0; i < positions.size(); ++i) {
    absl::Status valid = CheckPosition(positions[i], i, positions.size());
    if (valid.ok() && positions[i].id <= 0) {
      valid = absl::InvalidArgumentError(
          fmt::format("position {} of {} has no id to import it under", i + 1, positions.size()));
    }
    if (!valid.ok()) return InDatabase(connection_, valid);
    ids.push_back(positions[i].id);
  }
  if (positions.empty()) return 0;
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<std::vector<negotiation::Position>> held =
      SelectPositions("WHERE p.id = ANY($1::bigint[]) ORDER BY p.id", {IdArray(ids)});
  if (!held.ok()) return held.status();
  std::vector<negotiation::Position> missing;
  std::vector<std::int64_t> missing_ids;
  for (const negotiation::Position& position : positions) {
    const auto there = std::find_if(held->begin(), held->end(), [&](const auto& candidate) {
      return candidate.id == position.id;
    });
    if (there == held->end()) {
      missing.push_back(position);
      missing_ids.push_back(position.id);
    } else if (!SamePosition(*there, position)) {
      return absl::FailedPreconditionError(fmt::format(
          "{}: cannot import position {} ({} on '{}'): this store has another position under "
          "that id; copy into an empty store",
          db(), position.id, position.actor, position.subject));
    }
  }
  if (missing.empty()) return 0;
  if (absl::Status s = InsertPositions(missing, missing_ids); !s.ok()) return s;
  const std::int64_t highest = *std::max_element(missing_ids.begin(), missing_ids.end());
  if (absl::Status s = AdvanceIdentity("positions", highest); !s.ok()) return s;
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return static_cast<int>(missing.size());
}

// --- votes --------------------------------------------------------------------------------------

absl::Status PgNegotiationRecord::PutVote(const negotiation::RecordedVote& vote, bool replace) {
  if (absl::Status valid = CheckVote(vote); !valid.ok()) return InDatabase(connection_, valid);
  json ballots = json::array();
  for (const negotiation::BallotCast& cast : vote.ballots) {
    ballots.push_back({{"actor", cast.actor}, {"ballot", StoredBallot(cast.ballot)}});
  }
  absl::StatusOr<std::string> ballot_json =
      Dump(ballots, fmt::format("the ballots of vote '{}'", vote.symbol));
  if (!ballot_json.ok()) return InDatabase(connection_, ballot_json.status());

  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  // ON CONFLICT waits for a concurrent put of the same symbol to commit, then sees its row.
  absl::StatusOr<PgResult> stored =
      connection_.Query(replace ? std::string_view(R"sql(
INSERT INTO votes (symbol, body, date, question) VALUES ($1, $2, $3, $4)
ON CONFLICT (symbol) DO UPDATE
   SET body = excluded.body, date = excluded.date, question = excluded.question
RETURNING symbol
)sql")
                                : std::string_view(R"sql(
INSERT INTO votes (symbol, body, date, question) VALUES ($1, $2, $3, $4)
ON CONFLICT (symbol) DO NOTHING
RETURNING symbol
)sql"),
                        vote.symbol, vote.body, vote.date, vote.question);
  if (!stored.ok()) {
    return WithRowContext(stored.status(), fmt::format("storing vote '{}'", vote.symbol));
  }
  if (stored->rows() == 0) {
    return absl::AlreadyExistsError(fmt::format(
        "{}: vote '{}' is already stored; put it with replace to overwrite it", db(), vote.symbol));
  }
  absl::StatusOr<PgResult> cleared =
      connection_.Query("DELETE FROM ballots WHERE vote_symbol = $1", vote.symbol);
  if (!cleared.ok()) return cleared.status();
  if (!vote.ballots.empty()) {
    absl::StatusOr<PgResult> inserted = connection_.Query(R"sql(
INSERT INTO ballots (vote_symbol, actor, ballot)
SELECT $1, r.actor, r.ballot FROM json_to_recordset($2::json) AS r(actor text, ballot text)
)sql",
                                                          vote.symbol, *ballot_json);
    if (!inserted.ok()) {
      return WithRowContext(inserted.status(),
                            fmt::format("storing the ballots of vote '{}'", vote.symbol));
    }
  }
  return transaction->Commit();
}

absl::StatusOr<std::vector<negotiation::RecordedVote>> PgNegotiationRecord::SelectVotes(
    std::string_view where, const std::vector<PgParam>& params) {
  absl::StatusOr<PgResult> result =
      connection_.QueryParams(fmt::format("{} {}", kSelectVote, where), params);
  if (!result.ok()) return result.status();
  std::vector<negotiation::RecordedVote> votes;
  for (int row = 0; row < result->rows(); ++row) {
    negotiation::RecordedVote vote;
    vote.symbol = result->String(row, 0);
    vote.body = result->String(row, 1);
    vote.date = result->String(row, 2);
    vote.question = result->String(row, 3);
    const std::string what = fmt::format("{}: the ballots of vote '{}'", db(), vote.symbol);
    absl::StatusOr<json> ballots = ParseArray(result->Text(row, 4), what);
    if (!ballots.ok()) return ballots.status();
    for (const json& pair : *ballots) {
      if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string()) {
        return absl::DataLossError(fmt::format("{} are damaged", what));
      }
      negotiation::BallotCast cast;
      cast.actor = pair[0].get<std::string>();
      absl::StatusOr<negotiation::Ballot> ballot = ReadBallot(pair[1].get<std::string>(), what);
      if (!ballot.ok()) return ballot.status();
      cast.ballot = *ballot;
      vote.ballots.push_back(std::move(cast));
    }
    votes.push_back(std::move(vote));
  }
  return votes;
}

absl::StatusOr<std::optional<negotiation::RecordedVote>> PgNegotiationRecord::LoadVote(
    std::string_view symbol) {
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<std::vector<negotiation::RecordedVote>> votes =
      SelectVotes("WHERE v.symbol = $1", {ToPgParam(symbol)});
  if (!votes.ok()) return votes.status();
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  if (votes->empty()) return std::optional<negotiation::RecordedVote>();
  return std::optional<negotiation::RecordedVote>(std::move(votes->front()));
}

absl::StatusOr<std::vector<negotiation::RecordedVote>> PgNegotiationRecord::ListVotes() {
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<std::vector<negotiation::RecordedVote>> votes =
      SelectVotes("ORDER BY v.date, v.symbol", {});
  if (!votes.ok()) return votes.status();
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return votes;
}

// --- actors -------------------------------------------------------------------------------------

absl::Status PgNegotiationRecord::PutActor(const negotiation::Actor& actor) {
  if (absl::Status valid = CheckActor(actor); !valid.ok()) return InDatabase(connection_, valid);
  absl::StatusOr<std::string> aliases =
      Dump(json(actor.aliases), fmt::format("the aliases of '{}'", actor.id));
  if (!aliases.ok()) return InDatabase(connection_, aliases.status());
  absl::StatusOr<std::string> members =
      Dump(json(actor.members), fmt::format("the members of '{}'", actor.id));
  if (!members.ok()) return InDatabase(connection_, members.status());

  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<PgResult> upserted =
      connection_.Query(R"sql(
INSERT INTO actors (id, kind, name, iso3, iso2, regional_group) VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (id) DO UPDATE
   SET kind = excluded.kind, name = excluded.name, iso3 = excluded.iso3, iso2 = excluded.iso2,
       regional_group = excluded.regional_group
)sql",
                        actor.id, StoredActorKind(actor.kind), actor.name, actor.iso3, actor.iso2,
                        actor.regional_group);
  if (!upserted.ok()) {
    return WithRowContext(upserted.status(), fmt::format("storing actor '{}'", actor.id));
  }
  for (std::string_view clear : {"DELETE FROM actor_aliases WHERE actor_id = $1",
                                 "DELETE FROM group_members WHERE group_id = $1"}) {
    absl::StatusOr<PgResult> cleared = connection_.Query(clear, actor.id);
    if (!cleared.ok()) return cleared.status();
  }
  absl::StatusOr<PgResult> aliased = connection_.Query(R"sql(
INSERT INTO actor_aliases (actor_id, ordinal, alias)
SELECT $1, a.ordinal - 1, a.alias
  FROM json_array_elements_text($2::json) WITH ORDINALITY AS a(alias, ordinal)
)sql",
                                                       actor.id, *aliases);
  if (!aliased.ok()) {
    return WithRowContext(aliased.status(), fmt::format("storing the aliases of '{}'", actor.id));
  }
  absl::StatusOr<PgResult> joined = connection_.Query(R"sql(
INSERT INTO group_members (group_id, member_id)
SELECT $1, m.member FROM json_array_elements_text($2::json) AS m(member)
)sql",
                                                      actor.id, *members);
  if (!joined.ok()) {
    return WithRowContext(joined.status(), fmt::format("storing the members of '{}'", actor.id));
  }
  return transaction->Commit();
}

absl::StatusOr<std::vector<negotiation::Actor>> PgNegotiationRecord::ListActors() {
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<PgResult> result = connection_.Query(R"sql(
SELECT a.id, a.kind, a.name, a.iso3, a.iso2, a.regional_group,
       coalesce((SELECT json_agg(l.alias ORDER BY l.ordinal) FROM actor_aliases AS l
                  WHERE l.actor_id = a.id), '[]'),
       coalesce((SELECT json_agg(m.member_id ORDER BY m.member_id) FROM group_members AS m
                  WHERE m.group_id = a.id), '[]')
  FROM actors AS a
 ORDER BY a.id
)sql");
  if (!result.ok()) return result.status();
  std::vector<negotiation::Actor> actors;
  for (int row = 0; row < result->rows(); ++row) {
    negotiation::Actor actor;
    actor.id = result->String(row, 0);
    const std::string what = fmt::format("{}: actor '{}'", db(), actor.id);
    absl::StatusOr<negotiation::ActorKind> kind = ReadActorKind(result->Text(row, 1), what);
    if (!kind.ok()) return kind.status();
    actor.kind = *kind;
    actor.name = result->String(row, 2);
    actor.iso3 = result->String(row, 3);
    actor.iso2 = result->String(row, 4);
    actor.regional_group = result->String(row, 5);
    absl::StatusOr<std::vector<std::string>> aliases =
        ReadTextArray(result->Text(row, 6), fmt::format("{} aliases", what));
    if (!aliases.ok()) return aliases.status();
    actor.aliases = *std::move(aliases);
    absl::StatusOr<std::vector<std::string>> members =
        ReadTextArray(result->Text(row, 7), fmt::format("{} members", what));
    if (!members.ok()) return members.status();
    actor.members = *std::move(members);
    actors.push_back(std::move(actor));
  }
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return actors;
}

}  // namespace tw::store
