#include "store/sqlite/sqlite_negotiation.h"

#include <fmt/format.h>

#include <string>
#include <utility>

#include "store/negotiation_rows.h"
#include "store/sqlite/sqlite_transaction.h"

namespace tw::store {
namespace {

using Mode = SqliteTransaction::Mode;

// SQLite reads LIMIT -1 as "no limit".
constexpr std::int64_t kNoLimit = -1;

constexpr std::string_view kSelectStatement = R"sql(
SELECT s.id, s.actor, s.session, s.agenda_item, s.date, s.text, s.source_url,
       coalesce(s.document_id, 0)
  FROM statements AS s
)sql";

constexpr std::string_view kSelectPosition = R"sql(
SELECT p.id, p.actor, p.subject, p.stance, p.date, p.source_kind, p.source, p.note
  FROM positions AS p
)sql";

constexpr std::string_view kSelectVote =
    "SELECT v.symbol, v.body, v.date, v.question FROM votes AS v";

absl::Status InPath(const SqliteConnection& connection, const absl::Status& status) {
  return absl::Status(status.code(),
                      fmt::format("{}: {}", connection.path(), std::string(status.message())));
}

std::optional<std::int64_t> DocumentIdOrNull(std::int64_t document_id) {
  return document_id == 0 ? std::nullopt : std::optional<std::int64_t>(document_id);
}

// Reads the one-column rows of `query` (bound by the caller) as text.
absl::StatusOr<std::vector<std::string>> ReadTexts(SqliteStatement& query) {
  std::vector<std::string> texts;
  while (true) {
    absl::StatusOr<bool> row = query.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    texts.push_back(query.ColumnText(0));
  }
  return texts;
}

}  // namespace

// --- sessions -----------------------------------------------------------------------------------

absl::Status SqliteNegotiationRecord::PutSession(const negotiation::Session& session) {
  if (absl::Status valid = CheckSession(session); !valid.ok()) return InPath(connection_, valid);
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<SqliteStatement> upsert = connection_.Prepare(R"sql(
INSERT INTO sessions (instrument, number, title, start_date, end_date, venue)
VALUES (?1, ?2, ?3, ?4, ?5, ?6)
ON CONFLICT (instrument, number) DO UPDATE
   SET title = excluded.title, start_date = excluded.start_date, end_date = excluded.end_date,
       venue = excluded.venue
)sql");
  if (!upsert.ok()) return upsert.status();
  absl::Status s = upsert->Bind(session.instrument, session.number, session.title,
                                session.start_date, session.end_date, session.venue);
  if (s.ok()) s = upsert->Run();
  if (!s.ok()) return s;
  absl::StatusOr<SqliteStatement> clear =
      connection_.Prepare("DELETE FROM agenda_items WHERE instrument = ?1 AND session_number = ?2");
  if (!clear.ok()) return clear.status();
  s = clear->Bind(session.instrument, session.number);
  if (s.ok()) s = clear->Run();
  if (!s.ok()) return s;
  absl::StatusOr<SqliteStatement> item = connection_.Prepare(
      "INSERT INTO agenda_items (instrument, session_number, ordinal, text) "
      "VALUES (?1, ?2, ?3, ?4)");
  if (!item.ok()) return item.status();
  for (std::size_t i = 0; i < session.agenda_items.size(); ++i) {
    s = item->Bind(session.instrument, session.number, i, session.agenda_items[i]);
    if (s.ok()) s = item->Run();
    if (!s.ok()) {
      return WithRowContext(
          s, fmt::format("storing agenda item {} of session {}", i + 1, session.number));
    }
  }
  return transaction->Commit();
}

absl::StatusOr<std::vector<negotiation::Session>> SqliteNegotiationRecord::ListSessions() {
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<SqliteStatement> query = connection_.Prepare(
      "SELECT instrument, number, title, start_date, end_date, venue FROM sessions "
      "ORDER BY instrument, number");
  if (!query.ok()) return query.status();
  absl::StatusOr<SqliteStatement> items = connection_.Prepare(
      "SELECT text FROM agenda_items WHERE instrument = ?1 AND session_number = ?2 "
      "ORDER BY ordinal");
  if (!items.ok()) return items.status();
  std::vector<negotiation::Session> sessions;
  while (true) {
    absl::StatusOr<bool> row = query->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    negotiation::Session session;
    session.instrument = query->ColumnText(0);
    session.number = query->ColumnInt(1);
    session.title = query->ColumnText(2);
    session.start_date = query->ColumnText(3);
    session.end_date = query->ColumnText(4);
    session.venue = query->ColumnText(5);
    sessions.push_back(std::move(session));
  }
  for (negotiation::Session& session : sessions) {
    if (absl::Status s = items->Bind(session.instrument, session.number); !s.ok()) return s;
    absl::StatusOr<std::vector<std::string>> texts = ReadTexts(*items);
    if (!texts.ok()) return texts.status();
    session.agenda_items = *std::move(texts);
  }
  return sessions;
}

// --- statements ---------------------------------------------------------------------------------

absl::StatusOr<std::int64_t> SqliteNegotiationRecord::InsertStatement(
    const negotiation::Statement& statement, std::optional<std::int64_t> id,
    SqliteStatement& insert, SqliteStatement& cite) {
  absl::Status s =
      insert.Bind(id, statement.actor, statement.session, statement.agenda_item, statement.date,
                  statement.text, statement.source_url, DocumentIdOrNull(statement.document_id));
  if (s.ok()) s = insert.Run();
  if (!s.ok()) return s;
  const std::int64_t stored = id.has_value() ? *id : connection_.LastInsertRowid();
  for (std::size_t i = 0; i < statement.cited_paths.size(); ++i) {
    s = cite.Bind(stored, i, statement.cited_paths[i]);
    if (s.ok()) s = cite.Run();
    if (!s.ok()) return s;
  }
  return stored;
}

absl::StatusOr<std::vector<std::int64_t>> SqliteNegotiationRecord::PutStatements(
    const std::vector<negotiation::Statement>& statements) {
  for (std::size_t i = 0; i < statements.size(); ++i) {
    absl::Status valid = CheckStatement(statements[i], i, statements.size());
    if (!valid.ok()) return InPath(connection_, valid);
  }
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<SqliteStatement> insert = connection_.Prepare(R"sql(
INSERT INTO statements (id, actor, session, agenda_item, date, text, source_url, document_id)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
)sql");
  if (!insert.ok()) return insert.status();
  absl::StatusOr<SqliteStatement> cite = connection_.Prepare(
      "INSERT INTO statement_citations (statement_id, ordinal, path) VALUES (?1, ?2, ?3)");
  if (!cite.ok()) return cite.status();
  std::vector<std::int64_t> ids;
  ids.reserve(statements.size());
  for (std::size_t i = 0; i < statements.size(); ++i) {
    absl::StatusOr<std::int64_t> id = InsertStatement(statements[i], std::nullopt, *insert, *cite);
    if (!id.ok()) {
      return WithRowContext(id.status(), fmt::format("storing statement {} of {} ({})", i + 1,
                                                     statements.size(), statements[i].actor));
    }
    ids.push_back(*id);
  }
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return ids;
}

template <typename... Args>
absl::StatusOr<std::vector<negotiation::Statement>> SqliteNegotiationRecord::SelectStatements(
    std::string_view where, const Args&... args) {
  absl::StatusOr<SqliteStatement> query =
      connection_.Prepare(fmt::format("{} {}", kSelectStatement, where));
  if (!query.ok()) return query.status();
  if (absl::Status bound = query->Bind(args...); !bound.ok()) return bound;
  std::vector<negotiation::Statement> statements;
  while (true) {
    absl::StatusOr<bool> row = query->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    negotiation::Statement statement;
    statement.id = query->ColumnInt64(0);
    statement.actor = query->ColumnText(1);
    statement.session = query->ColumnInt(2);
    statement.agenda_item = query->ColumnText(3);
    statement.date = query->ColumnText(4);
    statement.text = query->ColumnText(5);
    statement.source_url = query->ColumnText(6);
    statement.document_id = query->ColumnInt64(7);
    statements.push_back(std::move(statement));
  }
  absl::StatusOr<SqliteStatement> cited = connection_.Prepare(
      "SELECT path FROM statement_citations WHERE statement_id = ?1 ORDER BY ordinal");
  if (!cited.ok()) return cited.status();
  for (negotiation::Statement& statement : statements) {
    if (absl::Status s = cited->Bind(statement.id); !s.ok()) return s;
    absl::StatusOr<std::vector<std::string>> paths = ReadTexts(*cited);
    if (!paths.ok()) return paths.status();
    statement.cited_paths = *std::move(paths);
  }
  return statements;
}

absl::StatusOr<std::vector<negotiation::Statement>> SqliteNegotiationRecord::ListStatements(
    const StatementFilter& filter) {
  if (absl::Status valid = CheckStatementFilter(filter.limit); !valid.ok()) {
    return InPath(connection_, valid);
  }
  // Every parameter is always bound; the WHERE names only those the filter sets.
  std::string where;
  const auto add = [&where](std::string_view condition) {
    where += where.empty() ? "WHERE " : " AND ";
    where += condition;
  };
  if (!filter.actor.empty()) add("s.actor = ?1");
  if (filter.session.has_value()) add("s.session = ?2");
  if (!filter.cited_path.empty()) {
    add("s.id IN (SELECT c.statement_id FROM statement_citations AS c "
        "WHERE c.path = ?3 OR (c.path >= ?4 AND c.path < ?5))");
  }
  if (filter.id.has_value()) add("s.id = ?6");
  // LIMIT is always there, so its parameter (the highest) makes every one below it bindable.
  where += " ORDER BY s.date, s.id LIMIT ?7";

  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  return SelectStatements(where, filter.actor, filter.session.value_or(0), filter.cited_path,
                          CitedPathRangeBegin(filter.cited_path),
                          CitedPathRangeEnd(filter.cited_path), filter.id.value_or(0),
                          filter.limit.has_value() ? std::int64_t{*filter.limit} : kNoLimit);
}

absl::StatusOr<int> SqliteNegotiationRecord::ImportStatements(
    const std::vector<negotiation::Statement>& statements) {
  for (std::size_t i = 0; i < statements.size(); ++i) {
    absl::Status valid = CheckStatement(statements[i], i, statements.size());
    if (valid.ok() && statements[i].id <= 0) {
      valid = absl::InvalidArgumentError(
          fmt::format("statement {} of {} has no id to import it under", i + 1, statements.size()));
    }
    if (!valid.ok()) return InPath(connection_, valid);
  }
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<SqliteStatement> insert = connection_.Prepare(R"sql(
INSERT INTO statements (id, actor, session, agenda_item, date, text, source_url, document_id)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
)sql");
  if (!insert.ok()) return insert.status();
  absl::StatusOr<SqliteStatement> cite = connection_.Prepare(
      "INSERT INTO statement_citations (statement_id, ordinal, path) VALUES (?1, ?2, ?3)");
  if (!cite.ok()) return cite.status();
  int stored = 0;
  for (const negotiation::Statement& statement : statements) {
    absl::StatusOr<std::vector<negotiation::Statement>> held =
        SelectStatements("WHERE s.id = ?1", statement.id);
    if (!held.ok()) return held.status();
    if (!held->empty()) {
      if (SameStatement(held->front(), statement)) continue;
      return absl::FailedPreconditionError(fmt::format(
          "{}: cannot import statement {} ({}): this store has another statement under that "
          "id; copy into an empty store",
          connection_.path(), statement.id, statement.actor));
    }
    absl::StatusOr<std::int64_t> id = InsertStatement(statement, statement.id, *insert, *cite);
    if (!id.ok()) {
      return WithRowContext(id.status(), fmt::format("importing statement {}", statement.id));
    }
    ++stored;
  }
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return stored;
}

// --- positions ----------------------------------------------------------------------------------

absl::StatusOr<std::int64_t> SqliteNegotiationRecord::InsertPosition(
    const negotiation::Position& position, std::optional<std::int64_t> id,
    SqliteStatement& insert) {
  absl::Status s = insert.Bind(id, position.actor, position.subject, StoredStance(position.stance),
                               position.date, position.source_kind, position.source, position.note);
  if (s.ok()) s = insert.Run();
  if (!s.ok()) return s;
  return id.has_value() ? *id : connection_.LastInsertRowid();
}

absl::StatusOr<std::vector<std::int64_t>> SqliteNegotiationRecord::PutPositions(
    const std::vector<negotiation::Position>& positions) {
  for (std::size_t i = 0; i < positions.size(); ++i) {
    absl::Status valid = CheckPosition(positions[i], i, positions.size());
    if (!valid.ok()) return InPath(connection_, valid);
  }
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<SqliteStatement> insert = connection_.Prepare(R"sql(
INSERT INTO positions (id, actor, subject, stance, date, source_kind, source, note)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
)sql");
  if (!insert.ok()) return insert.status();
  std::vector<std::int64_t> ids;
  ids.reserve(positions.size());
  for (std::size_t i = 0; i < positions.size(); ++i) {
    absl::StatusOr<std::int64_t> id = InsertPosition(positions[i], std::nullopt, *insert);
    if (!id.ok()) {
      return WithRowContext(id.status(), fmt::format("storing position {} of {} ({})", i + 1,
                                                     positions.size(), positions[i].actor));
    }
    ids.push_back(*id);
  }
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return ids;
}

template <typename... Args>
absl::StatusOr<std::vector<negotiation::Position>> SqliteNegotiationRecord::SelectPositions(
    std::string_view where, const Args&... args) {
  absl::StatusOr<SqliteStatement> query =
      connection_.Prepare(fmt::format("{} {}", kSelectPosition, where));
  if (!query.ok()) return query.status();
  if (absl::Status bound = query->Bind(args...); !bound.ok()) return bound;
  std::vector<negotiation::Position> positions;
  while (true) {
    absl::StatusOr<bool> row = query->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    negotiation::Position position;
    position.id = query->ColumnInt64(0);
    position.actor = query->ColumnText(1);
    position.subject = query->ColumnText(2);
    absl::StatusOr<negotiation::Stance> stance = ReadStance(
        query->ColumnText(3), fmt::format("{}: position {}", connection_.path(), position.id));
    if (!stance.ok()) return stance.status();
    position.stance = *stance;
    position.date = query->ColumnText(4);
    position.source_kind = query->ColumnText(5);
    position.source = query->ColumnText(6);
    position.note = query->ColumnText(7);
    positions.push_back(std::move(position));
  }
  return positions;
}

absl::StatusOr<std::vector<negotiation::Position>> SqliteNegotiationRecord::ListPositions(
    const PositionFilter& filter) {
  std::string where;
  const auto add = [&where](std::string_view condition) {
    where += where.empty() ? "WHERE " : " AND ";
    where += condition;
  };
  if (!filter.actor.empty()) add("p.actor = ?1");
  if (!filter.subject.empty()) add("p.subject = ?2");
  // Every parameter is always bound (?3 is the highest, so ?1 and ?2 are in range whichever
  // the WHERE names); the positions have no limit.
  where += " ORDER BY p.date, p.id LIMIT ?3";
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  return SelectPositions(where, filter.actor, filter.subject, kNoLimit);
}

absl::StatusOr<int> SqliteNegotiationRecord::ImportPositions(
    const std::vector<negotiation::Position>& positions) {
  for (std::size_t i = 0; i < positions.size(); ++i) {
    absl::Status valid = CheckPosition(positions[i], i, positions.size());
    if (valid.ok() && positions[i].id <= 0) {
      valid = absl::InvalidArgumentError(
          fmt::format("position {} of {} has no id to import it under", i + 1, positions.size()));
    }
    if (!valid.ok()) return InPath(connection_, valid);
  }
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<SqliteStatement> insert = connection_.Prepare(R"sql(
INSERT INTO positions (id, actor, subject, stance, date, source_kind, source, note)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
)sql");
  if (!insert.ok()) return insert.status();
  int stored = 0;
  for (const negotiation::Position& position : positions) {
    absl::StatusOr<std::vector<negotiation::Position>> held =
        SelectPositions("WHERE p.id = ?1", position.id);
    if (!held.ok()) return held.status();
    if (!held->empty()) {
      if (SamePosition(held->front(), position)) continue;
      return absl::FailedPreconditionError(fmt::format(
          "{}: cannot import position {} ({} on '{}'): this store has another position under "
          "that id; copy into an empty store",
          connection_.path(), position.id, position.actor, position.subject));
    }
    absl::StatusOr<std::int64_t> id = InsertPosition(position, position.id, *insert);
    if (!id.ok()) {
      return WithRowContext(id.status(), fmt::format("importing position {}", position.id));
    }
    ++stored;
  }
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return stored;
}

// --- votes --------------------------------------------------------------------------------------

absl::Status SqliteNegotiationRecord::PutVote(const negotiation::RecordedVote& vote, bool replace) {
  if (absl::Status valid = CheckVote(vote); !valid.ok()) return InPath(connection_, valid);
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  if (!replace) {
    // Under the write lock: no other writer can store the symbol between this look and the
    // insert.
    absl::StatusOr<SqliteStatement> held =
        connection_.Prepare("SELECT 1 FROM votes WHERE symbol = ?1");
    if (!held.ok()) return held.status();
    if (absl::Status s = held->Bind(vote.symbol); !s.ok()) return s;
    absl::StatusOr<bool> present = held->Step();
    if (!present.ok()) return present.status();
    if (*present) {
      return absl::AlreadyExistsError(
          fmt::format("{}: vote '{}' is already stored; put it with replace to overwrite it",
                      connection_.path(), vote.symbol));
    }
  }
  absl::StatusOr<SqliteStatement> upsert = connection_.Prepare(R"sql(
INSERT INTO votes (symbol, body, date, question) VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (symbol) DO UPDATE
   SET body = excluded.body, date = excluded.date, question = excluded.question
)sql");
  if (!upsert.ok()) return upsert.status();
  absl::Status s = upsert->Bind(vote.symbol, vote.body, vote.date, vote.question);
  if (s.ok()) s = upsert->Run();
  if (!s.ok()) return WithRowContext(s, fmt::format("storing vote '{}'", vote.symbol));
  absl::StatusOr<SqliteStatement> clear =
      connection_.Prepare("DELETE FROM ballots WHERE vote_symbol = ?1");
  if (!clear.ok()) return clear.status();
  s = clear->Bind(vote.symbol);
  if (s.ok()) s = clear->Run();
  if (!s.ok()) return s;
  absl::StatusOr<SqliteStatement> ballot =
      connection_.Prepare("INSERT INTO ballots (vote_symbol, actor, ballot) VALUES (?1, ?2, ?3)");
  if (!ballot.ok()) return ballot.status();
  for (const negotiation::BallotCast& cast : vote.ballots) {
    s = ballot->Bind(vote.symbol, cast.actor, StoredBallot(cast.ballot));
    if (s.ok()) s = ballot->Run();
    if (!s.ok()) {
      return WithRowContext(
          s, fmt::format("storing the ballot of {} in vote '{}'", cast.actor, vote.symbol));
    }
  }
  return transaction->Commit();
}

template <typename... Args>
absl::StatusOr<std::vector<negotiation::RecordedVote>> SqliteNegotiationRecord::SelectVotes(
    std::string_view where, const Args&... args) {
  absl::StatusOr<SqliteStatement> query =
      connection_.Prepare(fmt::format("{} {}", kSelectVote, where));
  if (!query.ok()) return query.status();
  if (absl::Status bound = query->Bind(args...); !bound.ok()) return bound;
  std::vector<negotiation::RecordedVote> votes;
  while (true) {
    absl::StatusOr<bool> row = query->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    negotiation::RecordedVote vote;
    vote.symbol = query->ColumnText(0);
    vote.body = query->ColumnText(1);
    vote.date = query->ColumnText(2);
    vote.question = query->ColumnText(3);
    votes.push_back(std::move(vote));
  }
  absl::StatusOr<SqliteStatement> ballots = connection_.Prepare(
      "SELECT actor, ballot FROM ballots WHERE vote_symbol = ?1 ORDER BY actor");
  if (!ballots.ok()) return ballots.status();
  for (negotiation::RecordedVote& vote : votes) {
    if (absl::Status s = ballots->Bind(vote.symbol); !s.ok()) return s;
    while (true) {
      absl::StatusOr<bool> row = ballots->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      negotiation::BallotCast cast;
      cast.actor = ballots->ColumnText(0);
      absl::StatusOr<negotiation::Ballot> ballot = ReadBallot(
          ballots->ColumnText(1),
          fmt::format("{}: vote '{}', ballot of {}", connection_.path(), vote.symbol, cast.actor));
      if (!ballot.ok()) return ballot.status();
      cast.ballot = *ballot;
      vote.ballots.push_back(std::move(cast));
    }
  }
  return votes;
}

absl::StatusOr<std::optional<negotiation::RecordedVote>> SqliteNegotiationRecord::LoadVote(
    std::string_view symbol) {
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<std::vector<negotiation::RecordedVote>> votes =
      SelectVotes("WHERE v.symbol = ?1", symbol);
  if (!votes.ok()) return votes.status();
  if (votes->empty()) return std::optional<negotiation::RecordedVote>();
  return std::optional<negotiation::RecordedVote>(std::move(votes->front()));
}

absl::StatusOr<std::vector<negotiation::RecordedVote>> SqliteNegotiationRecord::ListVotes() {
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  return SelectVotes("ORDER BY v.date, v.symbol");
}

// --- actors -------------------------------------------------------------------------------------

absl::Status SqliteNegotiationRecord::PutActor(const negotiation::Actor& actor) {
  if (absl::Status valid = CheckActor(actor); !valid.ok()) return InPath(connection_, valid);
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<SqliteStatement> upsert = connection_.Prepare(R"sql(
INSERT INTO actors (id, kind, name, iso3, iso2, regional_group) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
ON CONFLICT (id) DO UPDATE
   SET kind = excluded.kind, name = excluded.name, iso3 = excluded.iso3, iso2 = excluded.iso2,
       regional_group = excluded.regional_group
)sql");
  if (!upsert.ok()) return upsert.status();
  absl::Status s = upsert->Bind(actor.id, StoredActorKind(actor.kind), actor.name, actor.iso3,
                                actor.iso2, actor.regional_group);
  if (s.ok()) s = upsert->Run();
  if (!s.ok()) return WithRowContext(s, fmt::format("storing actor '{}'", actor.id));
  for (std::string_view table : {"DELETE FROM actor_aliases WHERE actor_id = ?1",
                                 "DELETE FROM group_members WHERE group_id = ?1"}) {
    absl::StatusOr<SqliteStatement> clear = connection_.Prepare(table);
    if (!clear.ok()) return clear.status();
    s = clear->Bind(actor.id);
    if (s.ok()) s = clear->Run();
    if (!s.ok()) return s;
  }
  absl::StatusOr<SqliteStatement> alias = connection_.Prepare(
      "INSERT INTO actor_aliases (actor_id, ordinal, alias) VALUES (?1, ?2, ?3)");
  if (!alias.ok()) return alias.status();
  for (std::size_t i = 0; i < actor.aliases.size(); ++i) {
    s = alias->Bind(actor.id, i, actor.aliases[i]);
    if (s.ok()) s = alias->Run();
    if (!s.ok()) return WithRowContext(s, fmt::format("storing alias {} of '{}'", i + 1, actor.id));
  }
  absl::StatusOr<SqliteStatement> member =
      connection_.Prepare("INSERT INTO group_members (group_id, member_id) VALUES (?1, ?2)");
  if (!member.ok()) return member.status();
  for (const std::string& member_id : actor.members) {
    s = member->Bind(actor.id, member_id);
    if (s.ok()) s = member->Run();
    if (!s.ok()) {
      return WithRowContext(s, fmt::format("storing member {} of '{}'", member_id, actor.id));
    }
  }
  return transaction->Commit();
}

absl::StatusOr<std::vector<negotiation::Actor>> SqliteNegotiationRecord::ListActors() {
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<SqliteStatement> query = connection_.Prepare(
      "SELECT id, kind, name, iso3, iso2, regional_group FROM actors ORDER BY id");
  if (!query.ok()) return query.status();
  std::vector<negotiation::Actor> actors;
  while (true) {
    absl::StatusOr<bool> row = query->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    negotiation::Actor actor;
    actor.id = query->ColumnText(0);
    absl::StatusOr<negotiation::ActorKind> kind = ReadActorKind(
        query->ColumnText(1), fmt::format("{}: actor '{}'", connection_.path(), actor.id));
    if (!kind.ok()) return kind.status();
    actor.kind = *kind;
    actor.name = query->ColumnText(2);
    actor.iso3 = query->ColumnText(3);
    actor.iso2 = query->ColumnText(4);
    actor.regional_group = query->ColumnText(5);
    actors.push_back(std::move(actor));
  }
  absl::StatusOr<SqliteStatement> aliases =
      connection_.Prepare("SELECT alias FROM actor_aliases WHERE actor_id = ?1 ORDER BY ordinal");
  if (!aliases.ok()) return aliases.status();
  absl::StatusOr<SqliteStatement> members = connection_.Prepare(
      "SELECT member_id FROM group_members WHERE group_id = ?1 ORDER BY member_id");
  if (!members.ok()) return members.status();
  for (negotiation::Actor& actor : actors) {
    if (absl::Status s = aliases->Bind(actor.id); !s.ok()) return s;
    absl::StatusOr<std::vector<std::string>> alias_texts = ReadTexts(*aliases);
    if (!alias_texts.ok()) return alias_texts.status();
    actor.aliases = *std::move(alias_texts);
    if (absl::Status s = members->Bind(actor.id); !s.ok()) return s;
    absl::StatusOr<std::vector<std::string>> member_ids = ReadTexts(*members);
    if (!member_ids.ok()) return member_ids.status();
    actor.members = *std::move(member_ids);
  }
  return actors;
}

}  // namespace tw::store
