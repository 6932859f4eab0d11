#include "store/sqlite/sqlite_migrations.h"

#include <fmt/format.h>

#include <array>

#include "store/document_rows.h"
#include "store/sqlite/sqlite_transaction.h"

namespace tw::store {
namespace {

static_assert((std::size_t{1} << kFtsOrdinalBits) == kMaxProvisionsPerDocument,
              "an ordinal must fit in the low bits of a full-text rowid");

// Column names avoid SQL keywords (begin, end, offset) so no statement needs quoting.
constexpr std::string_view kCoreTables = R"sql(
CREATE TABLE instruments (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE documents (
  id            INTEGER PRIMARY KEY,
  instrument_id INTEGER REFERENCES instruments(id),
  version       INTEGER NOT NULL DEFAULT 0,
  symbol        TEXT NOT NULL DEFAULT '',
  title         TEXT NOT NULL DEFAULT '',
  kind          TEXT NOT NULL
                CHECK (kind IN ('draft', 'final', 'proposal', 'statement', 'reference',
                                'analysis')),
  date          TEXT NOT NULL DEFAULT '',
  lang          TEXT NOT NULL DEFAULT '',
  session       INTEGER NOT NULL DEFAULT 0,
  source_name   TEXT NOT NULL DEFAULT '',
  format        TEXT NOT NULL DEFAULT '',
  sha256        TEXT NOT NULL UNIQUE,
  page_count    INTEGER NOT NULL DEFAULT 0,
  text          TEXT NOT NULL,
  spans         TEXT NOT NULL DEFAULT '[]',
  ingested_at   TEXT NOT NULL,
  -- a document is in a chain (version 1, 2, ...) or in none (version 0)
  CHECK ((instrument_id IS NULL AND version = 0) OR (instrument_id IS NOT NULL AND version > 0)),
  UNIQUE (instrument_id, version)
);
-- LoadDocument looks symbols up exactly and ignoring case; one NOCASE index serves both.
CREATE INDEX documents_symbol ON documents(symbol COLLATE NOCASE);

CREATE TABLE document_authors (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  actor       TEXT NOT NULL,
  PRIMARY KEY (document_id, position)
);

CREATE TABLE provisions (
  document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  path         TEXT NOT NULL,
  parent_path  TEXT,
  ordinal      INTEGER NOT NULL,
  depth        INTEGER NOT NULL,
  kind         TEXT NOT NULL,
  num          TEXT NOT NULL DEFAULT '',
  label        TEXT NOT NULL DEFAULT '',
  heading      TEXT NOT NULL DEFAULT '',
  text         TEXT NOT NULL DEFAULT '',
  begin_offset INTEGER NOT NULL,
  end_offset   INTEGER NOT NULL,
  page_first   INTEGER NOT NULL DEFAULT 0,
  page_last    INTEGER NOT NULL DEFAULT 0,
  brackets     TEXT NOT NULL DEFAULT '[]',
  citation     TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (document_id, path),
  UNIQUE (document_id, ordinal)
);

CREATE TABLE cross_references (
  document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal      INTEGER NOT NULL,
  from_path    TEXT NOT NULL,
  begin_offset INTEGER NOT NULL,
  end_offset   INTEGER NOT NULL,
  text         TEXT NOT NULL,
  targets      TEXT NOT NULL DEFAULT '[]',
  instrument   TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (document_id, ordinal)
);

CREATE TABLE parse_warnings (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ordinal     INTEGER NOT NULL,
  text_offset INTEGER NOT NULL,
  line        INTEGER NOT NULL,
  message     TEXT NOT NULL,
  matters     INTEGER NOT NULL CHECK (matters IN (0, 1)),
  PRIMARY KEY (document_id, ordinal)
);
)sql";

// The full-text index keeps its own copy of heading and text (an ordinary FTS5 table, not
// external content): external content needs a stable integer rowid in `provisions`, whose key
// is (document_id, path), and snippet() needs the text. The copy costs the provision text
// once more on disk.
//
// Tokenizer: unicode61 splits on Unicode punctuation and spaces, so Arabic, Cyrillic, Latin
// and Greek text tokenizes correctly; remove_diacritics 2 folds accents (also on code points
// that version 1 missed), so "Etats" finds "États" and "medida" finds "médida". The porter
// stemmer is not used: it is English-only and would conflate or mangle French, Spanish and
// Russian words of the six UN languages; `word*` prefix queries give users stemming's recall
// in any language. Chinese has no spaces: a run of Han characters is one token, so Chinese
// text is found by whole runs or by prefix.
//
// The index is written by PutDocument in the same transaction as the provisions; the trigger
// keeps it consistent when a document row is deleted (ON DELETE CASCADE cannot reach a
// virtual table). Its rowid layout is described at kFtsOrdinalBits.
constexpr std::string_view kFullTextIndex = R"sql(
CREATE VIRTUAL TABLE provision_fts USING fts5(
  heading,
  text,
  document_id UNINDEXED,
  path UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER documents_delete_fts AFTER DELETE ON documents BEGIN
  DELETE FROM provision_fts
   WHERE rowid BETWEEN old.id * 1048576 AND old.id * 1048576 + 1048575;
END;
)sql";

// The negotiation record (negotiation/records.h, actor.h; store/negotiation_rows.h for the
// stored words the CHECKs list). Text keys compare byte by byte (BINARY, SQLite's default),
// the order PostgreSQL's COLLATE "C" gives, so both list and digest rows in one order.
// Statements and positions have integer ids that a copy keeps; the rest are keyed by what
// users name them by. A statement's cited paths are rows, indexed by path, so that "every
// statement on art24" is a range scan (negotiation_rows.h CitedPathRangeBegin).
constexpr std::string_view kNegotiationRecord = R"sql(
CREATE TABLE sessions (
  instrument TEXT NOT NULL DEFAULT '',
  number     INTEGER NOT NULL CHECK (number >= 1),
  title      TEXT NOT NULL DEFAULT '',
  start_date TEXT NOT NULL DEFAULT ''
             CHECK (start_date = ''
                    OR start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  end_date   TEXT NOT NULL DEFAULT ''
             CHECK (end_date = '' OR end_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  venue      TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (instrument, number)
);

CREATE TABLE agenda_items (
  instrument     TEXT NOT NULL,
  session_number INTEGER NOT NULL,
  ordinal        INTEGER NOT NULL CHECK (ordinal >= 0),
  text           TEXT NOT NULL,
  PRIMARY KEY (instrument, session_number, ordinal),
  FOREIGN KEY (instrument, session_number) REFERENCES sessions (instrument, number)
    ON DELETE CASCADE
);

CREATE TABLE statements (
  id          INTEGER PRIMARY KEY,
  actor       TEXT NOT NULL CHECK (actor <> ''),
  session     INTEGER NOT NULL DEFAULT 0 CHECK (session >= 0),
  agenda_item TEXT NOT NULL DEFAULT '',
  date        TEXT NOT NULL DEFAULT ''
              CHECK (date = '' OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  text        TEXT NOT NULL,
  source_url  TEXT NOT NULL DEFAULT '',
  -- NULL when the statement came from no stored document
  document_id INTEGER REFERENCES documents(id)
);
CREATE INDEX statements_date ON statements(date, id);
CREATE INDEX statements_actor ON statements(actor, date, id);
CREATE INDEX statements_session ON statements(session, date, id);
CREATE INDEX statements_document ON statements(document_id);

CREATE TABLE statement_citations (
  statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
  ordinal      INTEGER NOT NULL CHECK (ordinal >= 0),
  path         TEXT NOT NULL CHECK (path <> ''),
  PRIMARY KEY (statement_id, ordinal)
);
CREATE INDEX statement_citations_path ON statement_citations(path, statement_id);

-- Append-only: a later position on the same (actor, subject) is a new row.
CREATE TABLE positions (
  id          INTEGER PRIMARY KEY,
  actor       TEXT NOT NULL CHECK (actor <> ''),
  subject     TEXT NOT NULL CHECK (subject <> ''),
  stance      TEXT NOT NULL CHECK (stance IN ('support', 'oppose', 'amend', 'reserve', 'neutral')),
  date        TEXT NOT NULL DEFAULT ''
              CHECK (date = '' OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  source_kind TEXT NOT NULL DEFAULT '',
  source      TEXT NOT NULL DEFAULT '',
  note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX positions_actor ON positions(actor, subject, date, id);
CREATE INDEX positions_subject ON positions(subject, date, id);

CREATE TABLE votes (
  symbol   TEXT NOT NULL PRIMARY KEY CHECK (symbol <> ''),
  body     TEXT NOT NULL DEFAULT '',
  date     TEXT NOT NULL DEFAULT ''
           CHECK (date = '' OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  question TEXT NOT NULL DEFAULT ''
);
CREATE INDEX votes_date ON votes(date, symbol);

CREATE TABLE ballots (
  vote_symbol TEXT NOT NULL REFERENCES votes(symbol) ON DELETE CASCADE,
  actor       TEXT NOT NULL CHECK (actor <> ''),
  ballot      TEXT NOT NULL CHECK (ballot IN ('yes', 'no', 'abstain', 'absent')),
  PRIMARY KEY (vote_symbol, actor)
);

CREATE TABLE actors (
  id             TEXT NOT NULL PRIMARY KEY CHECK (id <> ''),
  kind           TEXT NOT NULL
                 CHECK (kind IN ('member-state', 'observer-state', 'regional-group', 'group',
                                 'organisation', 'chair', 'secretariat')),
  name           TEXT NOT NULL DEFAULT '',
  iso3           TEXT NOT NULL DEFAULT '',
  iso2           TEXT NOT NULL DEFAULT '',
  regional_group TEXT NOT NULL DEFAULT ''
);

CREATE TABLE actor_aliases (
  actor_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  ordinal  INTEGER NOT NULL CHECK (ordinal >= 0),
  alias    TEXT NOT NULL CHECK (alias <> ''),
  PRIMARY KEY (actor_id, ordinal)
);

-- Members may be built-in actors (the UN membership is not stored), so member_id is no
-- foreign key.
CREATE TABLE group_members (
  group_id  TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
  member_id TEXT NOT NULL CHECK (member_id <> ''),
  PRIMARY KEY (group_id, member_id)
);
)sql";

// Claims, fact-checks, evidence and revisions (factcheck_record.h; store/factcheck_rows.h for
// the stored words the CHECKs list and the JSON columns). Times are ISO 8601 UTC text with
// seconds, as documents.ingested_at. A claim's cited paths and instruments are canonical JSON
// arrays: nothing looks claims up by them, and a million claims insert faster without child rows.
//
// The claim index is an external-content FTS5 table over claims.text (the text is stored once),
// kept in step by triggers. Unlike the provisions' index (migration 2) it stems with porter:
// claims are matched against reworded claims ("supports" / "supported"), and they are written
// in English by the observers who record them. Column names avoid SQL keywords (start, end).
//
// Revisions are append-only in the schema itself: the triggers refuse UPDATE and DELETE of
// factcheck_revisions whoever asks, and the foreign key keeps a fact-check with revisions from
// being deleted.
constexpr std::string_view kFactChecks = R"sql(
CREATE TABLE claims (
  id           INTEGER PRIMARY KEY,
  text         TEXT NOT NULL CHECK (text <> ''),
  actor        TEXT NOT NULL DEFAULT '',
  -- NULL when the claim came from no stored statement
  statement_id INTEGER REFERENCES statements(id),
  session      INTEGER NOT NULL DEFAULT 0 CHECK (session >= 0),
  date         TEXT NOT NULL DEFAULT ''
               CHECK (date = '' OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  source_grade TEXT NOT NULL
               CHECK (source_grade IN ('official-record', 'written-submission', 'webcast',
                                       'third-party-report')),
  source_url   TEXT NOT NULL DEFAULT '',
  cited_paths  TEXT NOT NULL DEFAULT '[]',
  instruments  TEXT NOT NULL DEFAULT '[]',
  created_by   TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL
);
CREATE INDEX claims_date ON claims(date, id);
CREATE INDEX claims_actor ON claims(actor, date, id);
CREATE INDEX claims_session ON claims(session, date, id);
CREATE INDEX claims_statement ON claims(statement_id);

CREATE VIRTUAL TABLE claim_fts USING fts5(
  text,
  content = 'claims',
  content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER claims_insert_fts AFTER INSERT ON claims BEGIN
  INSERT INTO claim_fts (rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER claims_delete_fts AFTER DELETE ON claims BEGIN
  INSERT INTO claim_fts (claim_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER claims_update_fts AFTER UPDATE OF text ON claims BEGIN
  INSERT INTO claim_fts (claim_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO claim_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE TABLE factchecks (
  id           INTEGER PRIMARY KEY,
  claim_id     INTEGER NOT NULL REFERENCES claims(id),
  revision     INTEGER NOT NULL CHECK (revision >= 1),
  status       TEXT NOT NULL CHECK (status IN ('draft', 'in-review', 'published')),
  verdict      TEXT NOT NULL DEFAULT '',
  summary      TEXT NOT NULL DEFAULT '',
  rationale    TEXT NOT NULL DEFAULT '',
  author       TEXT NOT NULL CHECK (author <> ''),
  updated_by   TEXT NOT NULL CHECK (updated_by <> ''),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  -- NULL until the first published revision
  published_at TEXT,
  change_note  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX factchecks_claim ON factchecks(claim_id, id);
CREATE INDEX factchecks_status ON factchecks(status, id);

-- The current evidence of each fact-check; the revisions keep every earlier list, by id, so
-- an id is never reused for another piece (AUTOINCREMENT: a revision deletes rows).
CREATE TABLE evidence (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  factcheck_id    INTEGER NOT NULL REFERENCES factchecks(id) ON DELETE CASCADE,
  document_id     INTEGER NOT NULL REFERENCES documents(id),
  path            TEXT NOT NULL DEFAULT '',
  exact           TEXT NOT NULL CHECK (exact <> ''),
  prefix          TEXT NOT NULL DEFAULT '',
  suffix          TEXT NOT NULL DEFAULT '',
  start_offset    INTEGER NOT NULL CHECK (start_offset >= 0),
  end_offset      INTEGER NOT NULL CHECK (end_offset >= start_offset),
  note            TEXT NOT NULL DEFAULT '',
  origin          TEXT NOT NULL CHECK (origin <> ''),
  status          TEXT NOT NULL
                  CHECK (status IN ('intact', 'moved', 'changed', 'lost', 'ambiguous')),
  similarity      REAL NOT NULL CHECK (similarity >= 0 AND similarity <= 1),
  -- the anchor proposed for a person to confirm (JSON, factcheck_rows.h), or NULL
  proposal        TEXT,
  -- the document version of the last re-anchoring; NULL: never re-anchored
  checked_against INTEGER REFERENCES documents(id)
);
CREATE INDEX evidence_factcheck ON evidence(factcheck_id, id);
CREATE INDEX evidence_document ON evidence(document_id, id);
CREATE INDEX evidence_checked ON evidence(checked_against);

CREATE TABLE factcheck_revisions (
  factcheck_id INTEGER NOT NULL REFERENCES factchecks(id),
  revision     INTEGER NOT NULL CHECK (revision >= 1),
  snapshot     TEXT NOT NULL,
  saved_by     TEXT NOT NULL CHECK (saved_by <> ''),
  saved_at     TEXT NOT NULL,
  change_note  TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (factcheck_id, revision)
);
CREATE TRIGGER factcheck_revisions_no_update BEFORE UPDATE ON factcheck_revisions BEGIN
  SELECT RAISE(ABORT, 'fact-check revisions are append-only: a revision cannot be changed');
END;
CREATE TRIGGER factcheck_revisions_no_delete BEFORE DELETE ON factcheck_revisions BEGIN
  SELECT RAISE(ABORT, 'fact-check revisions are append-only: a revision cannot be deleted');
END;
)sql";

// Migration 5: the team's accounts, their login sessions and the audit log
// (account_record.h). Users are unique by name_key, the name with ASCII letters lowercased
// (account_rows.h UserNameKey). Sessions keep a SHA-256 of the token, never the token; times
// there are Unix seconds. The audit log is append-only, like fact-check revisions.
constexpr std::string_view kAccounts = R"sql(
CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL CHECK (name <> ''),
  name_key      TEXT NOT NULL UNIQUE,
  role          TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'editor', 'admin')),
  password_hash TEXT NOT NULL CHECK (password_hash <> ''),
  created_at    TEXT NOT NULL,
  disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
);

CREATE TABLE login_sessions (
  token_hash TEXT PRIMARY KEY CHECK (length(token_hash) = 64),
  user_id    INTEGER NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL CHECK (csrf_token <> ''),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  last_seen  INTEGER NOT NULL
);
CREATE INDEX login_sessions_user ON login_sessions(user_id);
CREATE INDEX login_sessions_expiry ON login_sessions(expires_at);

CREATE TABLE audit_log (
  id     INTEGER PRIMARY KEY,
  at     TEXT NOT NULL,
  who    TEXT NOT NULL CHECK (who <> ''),
  action TEXT NOT NULL CHECK (action <> ''),
  target TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT '',
  client TEXT NOT NULL DEFAULT ''
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only: an entry cannot be changed');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'the audit log is append-only: an entry cannot be deleted');
END;
)sql";

constexpr std::array<SqliteMigration, 5> kMigrations = {{
    {1, "documents, provisions, references, warnings", kCoreTables},
    {2, "full-text index", kFullTextIndex},
    {3, "negotiation record", kNegotiationRecord},
    {4, "claims and fact-checks", kFactChecks},
    {5, "accounts, sessions and the audit log", kAccounts},
}};

absl::StatusOr<bool> TableExists(SqliteConnection& connection, std::string_view table) {
  absl::StatusOr<SqliteStatement> query =
      connection.Prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1");
  if (!query.ok()) return query.status();
  if (absl::Status bound = query->Bind(table); !bound.ok()) return bound;
  return query->Step();
}

absl::Status CheckList(const SqliteConnection& connection,
                       std::span<const SqliteMigration> migrations) {
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    if (migrations[i].version != static_cast<int>(i) + 1) {
      return absl::InternalError(
          fmt::format("{}: migration list is not numbered 1, 2, 3, ... (entry {} has version {})",
                      connection.path(), i, migrations[i].version));
    }
  }
  return absl::OkStatus();
}

// Refuses a database that is not (or not yet) ours, and one newer than this binary.
absl::Status CheckOwnership(SqliteConnection& connection, int current, int latest) {
  absl::StatusOr<std::int64_t> application_id = connection.QueryInt64("PRAGMA application_id");
  if (!application_id.ok()) return application_id.status();
  if (*application_id != 0 && *application_id != kSqliteApplicationId) {
    return absl::FailedPreconditionError(fmt::format(
        "{}: this SQLite database belongs to another program (application id {:#x}), not "
        "treatywatch; choose another --db file",
        connection.path(), *application_id));
  }
  if (current == 0) {
    absl::StatusOr<std::int64_t> tables =
        connection.QueryInt64("SELECT count(*) FROM sqlite_schema WHERE type = 'table'");
    if (!tables.ok()) return tables.status();
    if (*tables > 0) {
      return absl::FailedPreconditionError(fmt::format(
          "{}: this SQLite database has tables but no schema_migrations, so it is not a "
          "treatywatch store; choose another --db file",
          connection.path()));
    }
  }
  if (current > latest) {
    return absl::FailedPreconditionError(fmt::format(
        "{}: the database has schema version {}, but this treatywatch knows versions up to "
        "{}; use a newer treatywatch (the database was left unchanged)",
        connection.path(), current, latest));
  }
  return absl::OkStatus();
}

}  // namespace

std::span<const SqliteMigration> SqliteSchemaMigrations() { return kMigrations; }

absl::StatusOr<int> ReadSqliteSchemaVersion(SqliteConnection& connection) {
  absl::StatusOr<bool> exists = TableExists(connection, "schema_migrations");
  if (!exists.ok()) return exists.status();
  if (!*exists) return 0;
  absl::StatusOr<std::int64_t> version =
      connection.QueryInt64("SELECT coalesce(max(version), 0) FROM schema_migrations");
  if (!version.ok()) return version.status();
  return static_cast<int>(*version);
}

absl::Status MigrateSqliteSchema(SqliteConnection& connection,
                                 std::span<const SqliteMigration> migrations) {
  if (absl::Status listed = CheckList(connection, migrations); !listed.ok()) return listed;
  const int latest = static_cast<int>(migrations.size());

  // A read first: reopening an up-to-date database must not wait for another writer's lock.
  absl::StatusOr<int> current = ReadSqliteSchemaVersion(connection);
  if (!current.ok()) return current.status();
  if (absl::Status owned = CheckOwnership(connection, *current, latest); !owned.ok()) return owned;
  if (*current == latest) return absl::OkStatus();

  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(connection, SqliteTransaction::Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  // Under the write lock: another process may have migrated since the read above.
  current = ReadSqliteSchemaVersion(connection);
  if (!current.ok()) return current.status();
  if (absl::Status owned = CheckOwnership(connection, *current, latest); !owned.ok()) return owned;

  absl::Status created = connection.Execute(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      "  version    INTEGER PRIMARY KEY,"
      "  applied_at TEXT NOT NULL)");
  if (!created.ok()) return created;
  absl::StatusOr<SqliteStatement> record = connection.Prepare(
      "INSERT INTO schema_migrations (version, applied_at) "
      "VALUES (?1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
  if (!record.ok()) return record.status();
  for (const SqliteMigration& migration : migrations) {
    if (migration.version <= *current) continue;
    if (absl::Status applied = connection.Execute(migration.sql); !applied.ok()) {
      return absl::Status(
          applied.code(),
          fmt::format("migration {} ({}) failed, the database was left "
                      "unchanged: {}",
                      migration.version, migration.summary, std::string(applied.message())));
    }
    if (absl::Status bound = record->Bind(migration.version); !bound.ok()) return bound;
    if (absl::Status recorded = record->Run(); !recorded.ok()) return recorded;
  }
  absl::Status tagged =
      connection.Execute(fmt::format("PRAGMA application_id = {}", kSqliteApplicationId));
  if (!tagged.ok()) return tagged;
  return transaction->Commit();
}

}  // namespace tw::store
