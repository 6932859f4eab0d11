// The PostgreSQL Store. One connection per store object; every public call is one
// transaction (pg_transaction.h): writes at READ COMMITTED with explicit row locks, reads in a
// REPEATABLE READ snapshot.
//
// Concurrent writers. Several servers put documents at once; what must stay right is:
//   * version chains: two drafts of one instrument arriving together must get versions n and
//     n+1, never both n. A put locks the instrument's row (SELECT ... FOR UPDATE) before it
//     reads the chain's highest version; the second put waits for the first to commit, and
//     under READ COMMITTED its next statement sees the committed draft. A new instrument is
//     created with INSERT ... ON CONFLICT DO NOTHING first, so two puts creating the same
//     instrument both end up locking the one row.
//   * one document per source file: the sha256 column is UNIQUE and the insert is
//     ON CONFLICT (sha256) DO NOTHING; a put that loses the race finds the winner's row and
//     reports already_present, exactly as a put that came later would.
// Locks are taken in one order (instrument row, then the document), so puts cannot deadlock.
//
// Bulk rows. A convention has about a thousand provisions; one INSERT per row would cost a
// thousand round trips. Each child table is written by one INSERT ... SELECT from
// json_to_recordset($n): the rows travel as one JSON parameter (nlohmann does the escaping),
// never as SQL text. The tsvector of each provision is computed by the server in that INSERT.
#include "store/postgres/postgres_store.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "store/content_digest.h"
#include "store/document_codec.h"
#include "store/document_lookup.h"
#include "store/document_rows.h"
#include "store/postgres/pg_accounts.h"
#include "store/postgres/pg_connection.h"
#include "store/postgres/pg_factchecks.h"
#include "store/postgres/pg_migrations.h"
#include "store/postgres/pg_negotiation.h"
#include "store/postgres/pg_search.h"
#include "store/postgres/pg_transaction.h"
#include "store/search_syntax.h"

namespace tw::store {
namespace {

using Mode = PgTransaction::Mode;
using nlohmann::json;

// The same bound as the SQLite store's: a page of hits, not a dump of the database.
constexpr int kMaxSearchLimit = 1000;
// ts_rank_cd weights for D, C, B, A: a heading (A) counts four times running text (B), the
// ratio the SQLite store gives bm25.
constexpr std::string_view kRankWeights = "{0.1, 0.2, 0.25, 1.0}";
// ts_headline in whole-text mode: up to 16 words around the best match (SQLite's snippet
// shows 16 tokens); ellipses are added where the text was cut (AddEllipses).
constexpr int kSnippetMaxWords = 16;
constexpr int kSnippetMinWords = 8;
constexpr std::string_view kSnippetEllipsis = "\xE2\x80\xA6";  // "…"
// to_tsvector fails past 1 MB of distinct lexemes; no provision's first million characters
// can reach that, so indexing is bounded instead of failing a put. The text itself is stored
// whole. No real provision comes near: the longest article of the UN convention is ~6 KB.
constexpr int kMaxIndexedCharsPerProvision = 1'000'000;
// Rows per FETCH when digesting a table: bounds memory whatever the database's size.
constexpr int kDigestFetchRows = 500;

constexpr std::string_view kAsciiLowerSymbol =
    "translate(symbol, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')";
constexpr std::string_view kAsciiLowerParam =
    "translate($1, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')";

// The ISO text every Store reports ingest times in (document_rows.h FormatIngestedAt).
std::string IngestedAtText(std::string_view column) {
  return fmt::format(R"(to_char({} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))", column);
}

std::string SelectMeta() {
  return fmt::format(R"sql(
SELECT d.id, d.symbol, d.title, d.kind, d.date, d.lang, coalesce(i.name, ''), d.version,
       d.session, d.source_name, d.format, d.sha256, d.page_count, {}
  FROM documents AS d LEFT JOIN instruments AS i ON i.id = d.instrument_id
)sql",
                     IngestedAtText("d.ingested_at"));
}

absl::StatusOr<doc::DocumentMeta> ReadMeta(const PgResult& result, int row, std::string_view db) {
  const std::string what = fmt::format("{}: document row", db);
  doc::DocumentMeta meta;
  absl::StatusOr<std::int64_t> id = result.Int64(row, 0, what);
  if (!id.ok()) return id.status();
  meta.id = *id;
  meta.symbol = result.String(row, 1);
  meta.title = result.String(row, 2);
  meta.kind = result.String(row, 3);
  meta.date = result.String(row, 4);
  meta.lang = result.String(row, 5);
  meta.instrument = result.String(row, 6);
  absl::StatusOr<int> version = result.Int(row, 7, what);
  absl::StatusOr<int> session = result.Int(row, 8, what);
  absl::StatusOr<int> pages = result.Int(row, 12, what);
  if (!version.ok()) return version.status();
  if (!session.ok()) return session.status();
  if (!pages.ok()) return pages.status();
  meta.version = *version;
  meta.session = *session;
  meta.source_name = result.String(row, 9);
  meta.format = result.String(row, 10);
  meta.sha256 = result.String(row, 11);
  meta.page_count = *pages;
  meta.ingested_at = result.String(row, 13);
  return meta;
}

// Offsets are stored as signed integers; a negative one can only come from a damaged row.
absl::StatusOr<std::size_t> ReadOffset(const PgResult& result, int row, int column,
                                       std::string_view what) {
  absl::StatusOr<std::int64_t> value = result.Int64(row, column, what);
  if (!value.ok()) return value.status();
  if (*value < 0) {
    return absl::DataLossError(fmt::format("{} has a negative offset {}", what, *value));
  }
  return static_cast<std::size_t>(*value);
}

absl::Status WithContext(const absl::Status& status, std::string_view context) {
  return absl::Status(status.code(),
                      fmt::format("{} ({})", std::string(status.message()), context));
}

// The child rows of a document as JSON arrays for json_to_recordset, encoded before the
// transaction begins.
struct DocumentPayload {
  std::string authors;
  std::string provisions;
  std::string references;
  std::string warnings;
  bool has_references = false;
  bool has_warnings = false;
};

absl::StatusOr<DocumentPayload> EncodePayload(const doc::Document& document,
                                              const std::vector<FlatProvision>& rows) {
  DocumentPayload payload;
  // dump() throws on text that is not UTF-8; PostgreSQL could not store it either.
  try {
    payload.authors = json(document.meta.authors).dump();
    json provisions = json::array();
    for (const FlatProvision& row : rows) {
      const doc::Provision& node = *row.node;
      provisions.push_back({
          {"path", node.path},
          {"parent_path", row.parent == nullptr ? json(nullptr) : json(row.parent->path)},
          {"ordinal", row.ordinal},
          {"depth", row.depth},
          {"kind", doc::ProvisionKindName(node.kind)},
          {"num", node.num},
          {"label", node.label},
          {"heading", node.heading},
          {"text", node.text},
          {"begin_offset", node.begin},
          {"end_offset", node.end},
          {"page_first", node.page_first},
          {"page_last", node.page_last},
          {"brackets", EncodeBrackets(node.brackets)},
          {"citation", row.citation},
      });
    }
    payload.provisions = provisions.dump();
    json references = json::array();
    for (std::size_t i = 0; i < document.references.size(); ++i) {
      const doc::CrossReference& reference = document.references[i];
      references.push_back({{"ordinal", i},
                            {"from_path", reference.from_path},
                            {"begin_offset", reference.begin},
                            {"end_offset", reference.end},
                            {"text", reference.text},
                            {"targets", EncodeTargets(reference.targets)},
                            {"instrument", reference.instrument}});
    }
    payload.references = references.dump();
    payload.has_references = !document.references.empty();
    json warnings = json::array();
    for (std::size_t i = 0; i < document.warnings.size(); ++i) {
      const doc::ParseWarning& warning = document.warnings[i];
      warnings.push_back({{"ordinal", i},
                          {"text_offset", warning.offset},
                          {"line", warning.line},
                          {"message", warning.message},
                          {"matters", warning.matters}});
    }
    payload.warnings = warnings.dump();
    payload.has_warnings = !document.warnings.empty();
  } catch (const json::exception& e) {
    return absl::InvalidArgumentError(fmt::format(
        "{}: the document holds text that is not valid UTF-8 ({})", document.CiteName(), e.what()));
  }
  return payload;
}

// Where ts_headline cut the text, marks the cut with an ellipsis, as SQLite's snippet() does.
std::string AddEllipses(std::string snippet, std::string_view field) {
  std::string plain;
  plain.reserve(snippet.size());
  for (char c : snippet) {
    if (c != kHighlightOpen[0] && c != kHighlightClose[0]) plain.push_back(c);
  }
  if (plain.empty()) return snippet;
  const std::size_t at = field.find(plain);
  if (at == std::string_view::npos) return snippet;
  const auto has_words = [](std::string_view part) {
    return part.find_first_not_of(" \n\t") != std::string_view::npos;
  };
  if (has_words(field.substr(0, at))) snippet.insert(0, kSnippetEllipsis);
  if (has_words(field.substr(at + plain.size()))) snippet += kSnippetEllipsis;
  return snippet;
}

// The negotiation, fact-check and account records come from PgNegotiationRecord,
// PgFactCheckRecord and PgAccountRecord, mixed in: their methods are the final overriders of
// Store's NegotiationRecord, FactCheckRecord and AccountRecord halves. They borrow the connection, which outlives them (the records only keep
// the reference; the connection object does not move when its owner pointer does).
class PostgresStore final : public Store,
                            private PgNegotiationRecord,
                            private PgFactCheckRecord,
                            private PgAccountRecord {
 public:
  explicit PostgresStore(std::unique_ptr<PgConnection> connection)
      : PgNegotiationRecord(*connection),
        PgFactCheckRecord(*connection),
        PgAccountRecord(*connection),
        connection_(std::move(connection)) {}

  absl::StatusOr<PutResult> PutDocument(const doc::Document& document) override;
  absl::StatusOr<std::optional<doc::DocumentMeta>> FindBySha256(std::string_view sha256) override;
  absl::StatusOr<std::vector<doc::DocumentMeta>> ListDocuments() override;
  absl::StatusOr<doc::Document> LoadDocument(std::string_view id_or_symbol) override;
  absl::StatusOr<std::vector<InstrumentInfo>> ListInstruments() override;
  absl::StatusOr<std::vector<doc::DocumentMeta>> VersionChain(
      std::string_view instrument) override;
  absl::StatusOr<std::vector<SearchHit>> Search(const SearchQuery& query) override;
  absl::StatusOr<int> SchemaVersion() override;
  absl::StatusOr<std::string> ChangeStamp() override;
  absl::StatusOr<bool> ImportInstrument(const InstrumentInfo& instrument) override;
  absl::StatusOr<PutResult> ImportDocument(const doc::Document& document) override;
  absl::StatusOr<std::vector<TableDigest>> DigestTables() override;


 private:
  // Write steps, called inside a write transaction.
  absl::StatusOr<std::int64_t> LockInstrument(const std::string& name);
  absl::StatusOr<std::optional<PutResult>> FindExisting(const std::string& sha256);
  absl::StatusOr<int> HighestVersion(std::int64_t instrument_id);
  absl::Status InsertContents(std::int64_t id, const doc::Document& document,
                              const DocumentPayload& payload);
  absl::Status AdvanceIdentity(std::string_view table, std::int64_t id);

  // Read steps, called inside a read transaction. `where` is constant SQL appended to the
  // meta query; its parameters are `params`.
  absl::StatusOr<std::vector<doc::DocumentMeta>> SelectMetas(std::string_view where,
                                                             const std::vector<PgParam>& params);
  absl::StatusOr<std::optional<std::int64_t>> ResolveDocument(const DocumentKey& key);
  absl::Status LoadBody(std::int64_t id, doc::Document& document);
  absl::Status LoadProvisions(std::int64_t id, doc::Document& document);
  absl::Status LoadReferences(std::int64_t id, doc::Document& document);
  absl::Status LoadWarnings(std::int64_t id, doc::Document& document);
  absl::StatusOr<TableDigest> DigestTable(const DigestTableSpec& spec);

  const std::string& db() const { return connection_->name(); }

  std::unique_ptr<PgConnection> connection_;
};

// --- writing ------------------------------------------------------------------------------------

absl::StatusOr<PutResult> PostgresStore::PutDocument(const doc::Document& document) {
  if (absl::Status valid = ValidateForPut(document); !valid.ok()) return valid;
  absl::StatusOr<std::vector<FlatProvision>> rows = FlattenProvisions(document);
  if (!rows.ok()) return rows.status();
  absl::StatusOr<DocumentPayload> payload = EncodePayload(document, *rows);
  if (!payload.ok()) return payload.status();
  const std::string sha256 = NormalizeSha256(document.meta.sha256);
  const doc::DocumentMeta& meta = document.meta;

  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(*connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  std::optional<std::int64_t> instrument_id;
  if (!meta.instrument.empty()) {
    absl::StatusOr<std::int64_t> locked = LockInstrument(meta.instrument);
    if (!locked.ok()) return locked.status();
    instrument_id = *locked;
  }
  // After the instrument lock: a put of the same file into the same chain has committed by now.
  absl::StatusOr<std::optional<PutResult>> existing = FindExisting(sha256);
  if (!existing.ok()) return existing.status();
  if (existing->has_value()) return **existing;  // nothing written; the rollback is a no-op

  int version = 0;
  if (instrument_id.has_value()) {
    absl::StatusOr<int> highest = HighestVersion(*instrument_id);
    if (!highest.ok()) return highest.status();
    version = NextChainVersion(*highest);
  }
  absl::StatusOr<PgResult> inserted = connection_->Query(
      R"sql(
INSERT INTO documents (instrument_id, version, symbol, title, kind, date, lang, session,
                       source_name, format, sha256, page_count, text, spans, ingested_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::timestamptz)
ON CONFLICT (sha256) DO NOTHING
RETURNING id
)sql",
      instrument_id, version, meta.symbol, meta.title, meta.kind, meta.date, meta.lang,
      meta.session, meta.source_name, meta.format, sha256, meta.page_count, document.text,
      EncodeSpans(document.spans), FormatIngestedAt(std::chrono::system_clock::now()));
  if (!inserted.ok()) {
    return WithContext(inserted.status(), fmt::format("storing '{}'", document.CiteName()));
  }
  if (inserted->rows() == 0) {
    // Another writer stored the same file between our check and our insert, and committed.
    existing = FindExisting(sha256);
    if (!existing.ok()) return existing.status();
    if (existing->has_value()) return **existing;
    return absl::AbortedError(fmt::format("{}: '{}' was stored and removed concurrently; retry",
                                          db(), document.CiteName()));
  }
  absl::StatusOr<std::int64_t> id = inserted->Int64(0, 0, "new document id");
  if (!id.ok()) return id.status();
  if (absl::Status s = InsertContents(*id, document, *payload); !s.ok()) return s;
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return PutResult{*id, false, version};
}

absl::StatusOr<std::int64_t> PostgresStore::LockInstrument(const std::string& name) {
  absl::StatusOr<PgResult> created = connection_->Query(
      "INSERT INTO instruments (name) VALUES ($1) ON CONFLICT (name) DO NOTHING", name);
  if (!created.ok()) return created.status();
  absl::StatusOr<PgResult> locked =
      connection_->Query("SELECT id FROM instruments WHERE name = $1 FOR UPDATE", name);
  if (!locked.ok()) return locked.status();
  if (locked->rows() != 1) {
    return absl::AbortedError(fmt::format(
        "{}: instrument '{}' was removed while a document was being added to it; retry", db(),
        name));
  }
  return locked->Int64(0, 0, "instrument id");
}

absl::StatusOr<std::optional<PutResult>> PostgresStore::FindExisting(const std::string& sha256) {
  absl::StatusOr<PgResult> found =
      connection_->Query("SELECT id, version FROM documents WHERE sha256 = $1", sha256);
  if (!found.ok()) return found.status();
  if (found->rows() == 0) return std::optional<PutResult>();
  absl::StatusOr<std::int64_t> id = found->Int64(0, 0, "document id");
  absl::StatusOr<int> version = found->Int(0, 1, "document version");
  if (!id.ok()) return id.status();
  if (!version.ok()) return version.status();
  return std::optional<PutResult>(PutResult{*id, true, *version});
}

absl::StatusOr<int> PostgresStore::HighestVersion(std::int64_t instrument_id) {
  absl::StatusOr<PgResult> highest = connection_->Query(
      "SELECT coalesce(max(version), 0) FROM documents WHERE instrument_id = $1", instrument_id);
  if (!highest.ok()) return highest.status();
  return highest->Int(0, 0, "chain version");
}

absl::Status PostgresStore::InsertContents(std::int64_t id, const doc::Document& document,
                                           const DocumentPayload& payload) {
  const std::string config(SearchConfigForLanguage(document.meta.lang));
  if (!document.meta.authors.empty()) {
    absl::StatusOr<PgResult> authors = connection_->Query(R"sql(
INSERT INTO document_authors (document_id, position, actor)
SELECT $1, a.position - 1, a.actor
  FROM json_array_elements_text($2::json) WITH ORDINALITY AS a(actor, position)
)sql",
                                                          id, payload.authors);
    if (!authors.ok()) {
      return WithContext(authors.status(),
                         fmt::format("storing the authors of '{}'", document.CiteName()));
    }
  }
  absl::StatusOr<PgResult> provisions = connection_->Query(
      fmt::format(R"sql(
INSERT INTO provisions (document_id, path, parent_path, ordinal, depth, kind, num, label, heading,
                        text, begin_offset, end_offset, page_first, page_last, brackets, citation,
                        search_config, search_vector)
SELECT $1, r.path, r.parent_path, r.ordinal, r.depth, r.kind, r.num, r.label, r.heading, r.text,
       r.begin_offset, r.end_offset, r.page_first, r.page_last, r.brackets, r.citation, $3::text,
       setweight(to_tsvector($3::text::regconfig, left(r.heading, {limit})), 'A') ||
       setweight(to_tsvector($3::text::regconfig, left(r.text, {limit})), 'B')
  FROM json_to_recordset($2::json) AS r(path text, parent_path text, ordinal integer,
       depth integer, kind text, num text, label text, heading text, text text,
       begin_offset bigint, end_offset bigint, page_first integer, page_last integer,
       brackets text, citation text)
)sql",
                  fmt::arg("limit", kMaxIndexedCharsPerProvision)),
      id, payload.provisions, config);
  if (!provisions.ok()) {
    return WithContext(provisions.status(),
                       fmt::format("storing the provisions of '{}'", document.CiteName()));
  }
  if (payload.has_references) {
    absl::StatusOr<PgResult> references = connection_->Query(R"sql(
INSERT INTO cross_references (document_id, ordinal, from_path, begin_offset, end_offset, text,
                              targets, instrument)
SELECT $1, r.ordinal, r.from_path, r.begin_offset, r.end_offset, r.text, r.targets, r.instrument
  FROM json_to_recordset($2::json) AS r(ordinal integer, from_path text, begin_offset bigint,
       end_offset bigint, text text, targets text, instrument text)
)sql",
                                                             id, payload.references);
    if (!references.ok()) {
      return WithContext(references.status(),
                         fmt::format("storing the cross-references of '{}'", document.CiteName()));
    }
  }
  if (payload.has_warnings) {
    absl::StatusOr<PgResult> warnings = connection_->Query(R"sql(
INSERT INTO parse_warnings (document_id, ordinal, text_offset, line, message, matters)
SELECT $1, r.ordinal, r.text_offset, r.line, r.message, r.matters
  FROM json_to_recordset($2::json) AS r(ordinal integer, text_offset bigint, line integer,
       message text, matters boolean)
)sql",
                                                           id, payload.warnings);
    if (!warnings.ok()) {
      return WithContext(warnings.status(),
                         fmt::format("storing the warnings of '{}'", document.CiteName()));
    }
  }
  return absl::OkStatus();
}

// After rows were inserted with explicit ids: the identity must hand out ids above them.
// Only ever moves the sequence forward. (Run `migrate` into a store nobody else writes to at
// that moment: a concurrent put may take its id between the check and the setval.)
absl::Status PostgresStore::AdvanceIdentity(std::string_view table, std::int64_t id) {
  absl::StatusOr<PgResult> advanced = connection_->Query(
      R"sql(
SELECT setval(s.sequence, $2)
  FROM (SELECT pg_get_serial_sequence($1, 'id')::regclass AS sequence) AS s
 WHERE $2 > coalesce(pg_sequence_last_value(s.sequence), 0)
)sql",
      table, id);
  return advanced.status();
}

absl::StatusOr<bool> PostgresStore::ImportInstrument(const InstrumentInfo& instrument) {
  if (instrument.id <= 0 || instrument.name.empty()) {
    return absl::InvalidArgumentError(fmt::format(
        "{}: cannot import instrument {} '{}': it needs an id and a name", db(), instrument.id,
        instrument.name));
  }
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(*connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<PgResult> inserted = connection_->Query(
      "INSERT INTO instruments (id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING id",
      instrument.id, instrument.name);
  if (!inserted.ok()) return inserted.status();
  absl::StatusOr<PgResult> held = connection_->Query(
      "SELECT id, name FROM instruments WHERE id = $1 OR name = $2 ORDER BY id", instrument.id,
      instrument.name);
  if (!held.ok()) return held.status();
  for (int row = 0; row < held->rows(); ++row) {
    absl::StatusOr<std::int64_t> id = held->Int64(row, 0, "instrument id");
    if (!id.ok()) return id.status();
    if (*id != instrument.id || held->Text(row, 1) != instrument.name) {
      return absl::FailedPreconditionError(fmt::format(
          "{}: cannot import instrument {} '{}': this store has instrument {} '{}'; copy into "
          "an empty store",
          db(), instrument.id, instrument.name, *id, held->Text(row, 1)));
    }
  }
  if (absl::Status s = AdvanceIdentity("instruments", instrument.id); !s.ok()) return s;
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return inserted->rows() == 1;
}

absl::StatusOr<PutResult> PostgresStore::ImportDocument(const doc::Document& document) {
  if (absl::Status valid = ValidateForPut(document); !valid.ok()) return valid;
  const doc::DocumentMeta& meta = document.meta;
  if (meta.id <= 0) {
    return absl::InvalidArgumentError(
        fmt::format("{}: cannot import '{}': it has no id", db(), document.CiteName()));
  }
  absl::StatusOr<std::vector<FlatProvision>> rows = FlattenProvisions(document);
  if (!rows.ok()) return rows.status();
  absl::StatusOr<DocumentPayload> payload = EncodePayload(document, *rows);
  if (!payload.ok()) return payload.status();
  const std::string sha256 = NormalizeSha256(meta.sha256);
  const std::string what = fmt::format("{}: cannot import document {} ('{}')", db(), meta.id,
                                       document.CiteName());

  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(*connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  std::optional<std::int64_t> instrument_id;
  if (!meta.instrument.empty()) {
    absl::StatusOr<std::int64_t> locked = LockInstrument(meta.instrument);
    if (!locked.ok()) return locked.status();
    instrument_id = *locked;
  }
  absl::StatusOr<std::optional<PutResult>> existing = FindExisting(sha256);
  if (!existing.ok()) return existing.status();
  if (existing->has_value()) {
    if ((*existing)->id == meta.id) return **existing;
    return absl::FailedPreconditionError(fmt::format(
        "{}: this store has the same file as document {}; copy into an empty store", what,
        (*existing)->id));
  }
  absl::StatusOr<PgResult> taken = connection_->Query(
      "SELECT sha256 FROM documents WHERE id = $1 OR (instrument_id = $2 AND version = $3)",
      meta.id, instrument_id, meta.version);
  if (!taken.ok()) return taken.status();
  if (taken->rows() > 0) {
    return absl::FailedPreconditionError(fmt::format(
        "{}: its id or its version {} of '{}' belongs to another document here (sha256 {}); copy "
        "into an empty store",
        what, meta.version, meta.instrument, taken->Text(0, 0)));
  }
  absl::StatusOr<PgResult> inserted = connection_->Query(
      R"sql(
INSERT INTO documents (id, instrument_id, version, symbol, title, kind, date, lang, session,
                       source_name, format, sha256, page_count, text, spans, ingested_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::timestamptz)
)sql",
      meta.id, instrument_id, instrument_id.has_value() ? meta.version : 0, meta.symbol,
      meta.title, meta.kind, meta.date, meta.lang, meta.session, meta.source_name, meta.format,
      sha256, meta.page_count, document.text, EncodeSpans(document.spans),
      meta.ingested_at.empty() ? FormatIngestedAt(std::chrono::system_clock::now())
                               : meta.ingested_at);
  if (!inserted.ok()) return WithContext(inserted.status(), what);
  if (absl::Status s = InsertContents(meta.id, document, *payload); !s.ok()) return s;
  if (absl::Status s = AdvanceIdentity("documents", meta.id); !s.ok()) return s;
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return PutResult{meta.id, false, instrument_id.has_value() ? meta.version : 0};
}

// --- reading ------------------------------------------------------------------------------------

absl::StatusOr<std::vector<doc::DocumentMeta>> PostgresStore::SelectMetas(
    std::string_view where, const std::vector<PgParam>& params) {
  absl::StatusOr<PgResult> result =
      connection_->QueryParams(fmt::format("{} {}", SelectMeta(), where), params);
  if (!result.ok()) return result.status();
  std::vector<doc::DocumentMeta> metas;
  metas.reserve(static_cast<std::size_t>(result->rows()));
  std::string ids;
  for (int row = 0; row < result->rows(); ++row) {
    absl::StatusOr<doc::DocumentMeta> meta = ReadMeta(*result, row, db());
    if (!meta.ok()) return meta.status();
    ids += fmt::format("{}{}", ids.empty() ? "" : ",", meta->id);
    metas.push_back(*std::move(meta));
  }
  if (metas.empty()) return metas;

  // All authors in one query; the id list is integers this store just read.
  absl::StatusOr<PgResult> authors = connection_->Query(
      "SELECT document_id, actor FROM document_authors WHERE document_id = ANY($1::bigint[]) "
      "ORDER BY document_id, position",
      fmt::format("{{{}}}", ids));
  if (!authors.ok()) return authors.status();
  std::size_t at = 0;
  for (int row = 0; row < authors->rows(); ++row) {
    absl::StatusOr<std::int64_t> id = authors->Int64(row, 0, "author's document id");
    if (!id.ok()) return id.status();
    // Metas may be in any order (by version, by id); authors come grouped by document.
    if (metas[at].id != *id) {
      at = 0;
      while (at < metas.size() && metas[at].id != *id) ++at;
      if (at == metas.size()) {
        return absl::InternalError(fmt::format("{}: authors of unexpected document {}", db(), *id));
      }
    }
    metas[at].authors.push_back(authors->String(row, 1));
  }
  return metas;
}

absl::StatusOr<std::optional<doc::DocumentMeta>> PostgresStore::FindBySha256(
    std::string_view sha256) {
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(*connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<std::vector<doc::DocumentMeta>> metas =
      SelectMetas("WHERE d.sha256 = $1", {NormalizeSha256(sha256)});
  if (!metas.ok()) return metas.status();
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  if (metas->empty()) return std::optional<doc::DocumentMeta>();
  return std::optional<doc::DocumentMeta>(std::move(metas->front()));
}

absl::StatusOr<std::vector<doc::DocumentMeta>> PostgresStore::ListDocuments() {
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(*connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  // Ids grow in the order documents are stored: oldest first.
  absl::StatusOr<std::vector<doc::DocumentMeta>> metas = SelectMetas("ORDER BY d.id", {});
  if (!metas.ok()) return metas.status();
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return metas;
}

absl::StatusOr<std::optional<std::int64_t>> PostgresStore::ResolveDocument(
    const DocumentKey& key) {
  if (key.id.has_value()) {
    absl::StatusOr<PgResult> by_id =
        connection_->Query("SELECT id FROM documents WHERE id = $1", *key.id);
    if (!by_id.ok()) return by_id.status();
    if (by_id->rows() == 1) return std::optional<std::int64_t>(*key.id);
  }
  if (key.symbol.empty()) return std::optional<std::int64_t>();
  // Exact matches sort before ASCII-case-insensitive ones (text equality is byte equality in
  // PostgreSQL's deterministic collations); among equals the most recently stored wins. See
  // document_lookup.h.
  absl::StatusOr<PgResult> by_symbol = connection_->Query(
      fmt::format("SELECT id FROM documents WHERE {} = {} ORDER BY symbol = $1 DESC, id DESC "
                  "LIMIT 1",
                  kAsciiLowerSymbol, kAsciiLowerParam),
      key.symbol);
  if (!by_symbol.ok()) return by_symbol.status();
  if (by_symbol->rows() == 0) return std::optional<std::int64_t>();
  absl::StatusOr<std::int64_t> id = by_symbol->Int64(0, 0, "document id");
  if (!id.ok()) return id.status();
  return std::optional<std::int64_t>(*id);
}

absl::StatusOr<doc::Document> PostgresStore::LoadDocument(std::string_view id_or_symbol) {
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(*connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<std::optional<std::int64_t>> id = ResolveDocument(ParseDocumentKey(id_or_symbol));
  if (!id.ok()) return id.status();
  if (!id->has_value()) return DocumentNotFoundError(id_or_symbol);

  absl::StatusOr<std::vector<doc::DocumentMeta>> metas =
      SelectMetas("WHERE d.id = $1", {ToPgParam(**id)});
  if (!metas.ok()) return metas.status();
  if (metas->empty()) return DocumentNotFoundError(id_or_symbol);
  doc::Document document;
  document.meta = std::move(metas->front());
  if (absl::Status s = LoadBody(**id, document); !s.ok()) return s;
  if (absl::Status s = LoadProvisions(**id, document); !s.ok()) return s;
  if (absl::Status s = LoadReferences(**id, document); !s.ok()) return s;
  if (absl::Status s = LoadWarnings(**id, document); !s.ok()) return s;
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return document;
}

absl::Status PostgresStore::LoadBody(std::int64_t id, doc::Document& document) {
  absl::StatusOr<PgResult> body =
      connection_->Query("SELECT text, spans FROM documents WHERE id = $1", id);
  if (!body.ok()) return body.status();
  if (body->rows() == 0) return DocumentNotFoundError(std::to_string(id));
  document.text = body->String(0, 0);
  absl::StatusOr<std::vector<doc::SourceSpan>> spans =
      DecodeSpans(body->Text(0, 1), fmt::format("{}: document {} spans", db(), id));
  if (!spans.ok()) return spans.status();
  document.spans = *std::move(spans);
  return absl::OkStatus();
}

absl::Status PostgresStore::LoadProvisions(std::int64_t id, doc::Document& document) {
  absl::StatusOr<PgResult> result = connection_->Query(R"sql(
SELECT path, parent_path, depth, kind, num, label, heading, text, begin_offset, end_offset,
       page_first, page_last, brackets
  FROM provisions WHERE document_id = $1 ORDER BY ordinal
)sql",
                                                       id);
  if (!result.ok()) return result.status();
  const std::string what = fmt::format("{}: document {}", db(), id);
  ProvisionTreeBuilder builder(what);
  for (int row = 0; row < result->rows(); ++row) {
    doc::Provision node;
    node.path = result->String(row, 0);
    const std::string row_what = fmt::format("{} provision '{}'", what, node.path);
    const std::string kind = result->String(row, 3);
    if (!doc::ParseProvisionKind(kind, &node.kind)) {
      return absl::DataLossError(fmt::format("{} has unknown kind '{}'", row_what, kind));
    }
    node.num = result->String(row, 4);
    node.label = result->String(row, 5);
    node.heading = result->String(row, 6);
    node.text = result->String(row, 7);
    absl::StatusOr<std::size_t> begin = ReadOffset(*result, row, 8, row_what);
    if (!begin.ok()) return begin.status();
    absl::StatusOr<std::size_t> end = ReadOffset(*result, row, 9, row_what);
    if (!end.ok()) return end.status();
    node.begin = *begin;
    node.end = *end;
    absl::StatusOr<int> depth = result->Int(row, 2, row_what);
    absl::StatusOr<int> page_first = result->Int(row, 10, row_what);
    absl::StatusOr<int> page_last = result->Int(row, 11, row_what);
    if (!depth.ok()) return depth.status();
    if (!page_first.ok()) return page_first.status();
    if (!page_last.ok()) return page_last.status();
    node.page_first = *page_first;
    node.page_last = *page_last;
    absl::StatusOr<std::vector<doc::BracketSpan>> brackets =
        DecodeBrackets(result->Text(row, 12), fmt::format("{} brackets", row_what));
    if (!brackets.ok()) return brackets.status();
    node.brackets = *std::move(brackets);
    const std::optional<std::string_view> parent =
        result->IsNull(row, 1) ? std::nullopt
                               : std::optional<std::string_view>(result->Text(row, 1));
    if (absl::Status added = builder.Add(parent, *depth, std::move(node)); !added.ok()) {
      return added;
    }
  }
  absl::StatusOr<doc::Provision> root = builder.Finish();
  if (!root.ok()) return root.status();
  document.root = *std::move(root);
  return absl::OkStatus();
}

absl::Status PostgresStore::LoadReferences(std::int64_t id, doc::Document& document) {
  absl::StatusOr<PgResult> result = connection_->Query(R"sql(
SELECT from_path, begin_offset, end_offset, text, targets, instrument
  FROM cross_references WHERE document_id = $1 ORDER BY ordinal
)sql",
                                                       id);
  if (!result.ok()) return result.status();
  for (int row = 0; row < result->rows(); ++row) {
    const std::string what =
        fmt::format("{}: document {} cross-reference {}", db(), id, row + 1);
    doc::CrossReference reference;
    reference.from_path = result->String(row, 0);
    absl::StatusOr<std::size_t> begin = ReadOffset(*result, row, 1, what);
    if (!begin.ok()) return begin.status();
    absl::StatusOr<std::size_t> end = ReadOffset(*result, row, 2, what);
    if (!end.ok()) return end.status();
    reference.begin = *begin;
    reference.end = *end;
    reference.text = result->String(row, 3);
    absl::StatusOr<std::vector<std::string>> targets =
        DecodeTargets(result->Text(row, 4), fmt::format("{} targets", what));
    if (!targets.ok()) return targets.status();
    reference.targets = *std::move(targets);
    reference.instrument = result->String(row, 5);
    document.references.push_back(std::move(reference));
  }
  return absl::OkStatus();
}

absl::Status PostgresStore::LoadWarnings(std::int64_t id, doc::Document& document) {
  absl::StatusOr<PgResult> result = connection_->Query(R"sql(
SELECT text_offset, line, message, matters
  FROM parse_warnings WHERE document_id = $1 ORDER BY ordinal
)sql",
                                                       id);
  if (!result.ok()) return result.status();
  for (int row = 0; row < result->rows(); ++row) {
    const std::string what = fmt::format("{}: document {} warning {}", db(), id, row + 1);
    doc::ParseWarning warning;
    absl::StatusOr<std::size_t> offset = ReadOffset(*result, row, 0, what);
    if (!offset.ok()) return offset.status();
    absl::StatusOr<int> line = result->Int(row, 1, what);
    if (!line.ok()) return line.status();
    absl::StatusOr<bool> matters = result->Bool(row, 3, what);
    if (!matters.ok()) return matters.status();
    warning.offset = *offset;
    warning.line = *line;
    warning.message = result->String(row, 2);
    warning.matters = *matters;
    document.warnings.push_back(std::move(warning));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<InstrumentInfo>> PostgresStore::ListInstruments() {
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(*connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  // COLLATE "C" orders by bytes, as SQLite's BINARY does, whatever the database's locale.
  absl::StatusOr<PgResult> result = connection_->Query(R"sql(
SELECT i.id, i.name, count(d.id)
  FROM instruments AS i LEFT JOIN documents AS d ON d.instrument_id = i.id
 GROUP BY i.id, i.name ORDER BY i.name COLLATE "C"
)sql");
  if (!result.ok()) return result.status();
  std::vector<InstrumentInfo> instruments;
  for (int row = 0; row < result->rows(); ++row) {
    absl::StatusOr<std::int64_t> id = result->Int64(row, 0, "instrument id");
    absl::StatusOr<int> versions = result->Int(row, 2, "instrument versions");
    if (!id.ok()) return id.status();
    if (!versions.ok()) return versions.status();
    instruments.push_back({*id, result->String(row, 1), *versions});
  }
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return instruments;
}

absl::StatusOr<std::vector<doc::DocumentMeta>> PostgresStore::VersionChain(
    std::string_view instrument) {
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(*connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<PgResult> found =
      connection_->Query("SELECT id FROM instruments WHERE name = $1", instrument);
  if (!found.ok()) return found.status();
  if (found->rows() == 0) return InstrumentNotFoundError(instrument);
  absl::StatusOr<std::vector<doc::DocumentMeta>> metas = SelectMetas(
      "WHERE d.instrument_id = $1 ORDER BY d.version", {found->String(0, 0)});
  if (!metas.ok()) return metas.status();
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return metas;
}

// --- search -------------------------------------------------------------------------------------

// The query is parsed once per configuration, so a provision is matched with the
// configuration it was indexed with. Configurations that parse the query alike (most queries:
// stop words and accents aside, every configuration makes the same lexemes) are grouped into
// one row of `queries`, so the GIN index is scanned once per distinct tsquery rather than once
// per configuration (five times the heap rechecks, measured on the ×20 corpus). Ranking and
// LIMIT happen before snippets are made, so ts_headline runs on at most `limit` rows. The
// snippet shows the text when the text holds a query word, else the heading.
absl::StatusOr<std::vector<SearchHit>> PostgresStore::Search(const SearchQuery& query) {
  if (query.limit < 1 || query.limit > kMaxSearchLimit) {
    return absl::InvalidArgumentError(
        fmt::format("search: the limit must be between 1 and {}, not {}", kMaxSearchLimit,
                    query.limit));
  }
  absl::StatusOr<SearchExpression> expression = ParseSearchText(query.text);
  if (!expression.ok()) return expression.status();
  if (expression->MatchesNothing()) return std::vector<SearchHit>();

  constexpr int kFirstTermParam = 5;
  PgTsQuery tsquery = RenderPgTsQuery(*expression, "q.config::regconfig", kFirstTermParam);
  std::string configs;
  for (std::string_view name : SearchConfigNames()) {
    configs += fmt::format("{}{}", configs.empty() ? "" : ",", name);
  }
  std::vector<PgParam> params = {
      fmt::format("{{{}}}", configs),
      ToPgParam(query.document_id),
      ToPgParam(query.limit),
      fmt::format("StartSel={}, StopSel={}, MaxWords={}, MinWords={}", kHighlightOpen,
                  kHighlightClose, kSnippetMaxWords, kSnippetMinWords),
  };
  params.insert(params.end(), tsquery.params.begin(), tsquery.params.end());
  const std::string sql = fmt::format(
      R"sql(
WITH per_config AS (
  SELECT config, {match} AS query, {any} AS any_query
    FROM unnest($1::text[]) AS q(config)
), queries AS (
  SELECT query, any_query, array_agg(config) AS configs
    FROM per_config GROUP BY query, any_query
), ranked AS (
  SELECT p.document_id, p.ordinal, p.path, p.citation, p.search_config, p.heading, p.text,
         q.query, q.any_query,
         ts_rank_cd('{weights}'::float4[], p.search_vector, q.query) AS score
    FROM queries AS q
    JOIN provisions AS p ON p.search_vector @@ q.query AND p.search_config = ANY(q.configs)
   WHERE $2::bigint IS NULL OR p.document_id = $2::bigint
   ORDER BY score DESC, p.document_id, p.ordinal
   LIMIT $3
), shown AS (
  SELECT r.*, r.text <> '' AND to_tsvector(r.search_config::regconfig, r.text) @@ r.any_query
              AS in_text
    FROM ranked AS r
)
SELECT s.document_id, s.path, s.citation, d.symbol, d.title,
       ts_headline(s.search_config::regconfig, CASE WHEN s.in_text THEN s.text ELSE s.heading END,
                   s.query, $4),
       CASE WHEN s.in_text THEN s.text ELSE s.heading END,
       s.score
  FROM shown AS s JOIN documents AS d ON d.id = s.document_id
 ORDER BY s.score DESC, s.document_id, s.ordinal
)sql",
      fmt::arg("match", tsquery.match_sql), fmt::arg("any", tsquery.any_sql),
      fmt::arg("weights", kRankWeights));

  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(*connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<PgResult> result = connection_->QueryParams(sql, params);
  if (!result.ok()) {
    return WithContext(result.status(), fmt::format("searching for '{}'", query.text));
  }
  std::vector<SearchHit> hits;
  hits.reserve(static_cast<std::size_t>(result->rows()));
  for (int row = 0; row < result->rows(); ++row) {
    SearchHit hit;
    absl::StatusOr<std::int64_t> id = result->Int64(row, 0, "hit document id");
    absl::StatusOr<double> score = result->Double(row, 7, "hit score");
    if (!id.ok()) return id.status();
    if (!score.ok()) return score.status();
    hit.document_id = *id;
    hit.path = result->String(row, 1);
    hit.citation = result->String(row, 2);
    const std::string symbol = result->String(row, 3);
    hit.document_cite = symbol.empty() ? result->String(row, 4) : symbol;
    hit.snippet = AddEllipses(result->String(row, 5), result->Text(row, 6));
    hit.score = *score;
    hits.push_back(std::move(hit));
  }
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return hits;
}

// --- schema and content -------------------------------------------------------------------------

absl::StatusOr<int> PostgresStore::SchemaVersion() {
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(*connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<int> version = ReadPostgresSchemaVersion(*connection_);
  if (!version.ok()) return version.status();
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return version;
}

absl::StatusOr<std::string> PostgresStore::ChangeStamp() {
  // The cluster's current snapshot (xmin:xmax:in-progress ids) moves whenever a writing
  // transaction starts or ends, and reading it assigns no transaction id. A write that started
  // but has not committed yet changes it again when it commits, so a reader that cached
  // pre-commit data sees a new stamp afterwards.
  absl::StatusOr<PgResult> result = connection_->Query("SELECT txid_current_snapshot()::text");
  if (!result.ok()) return result.status();
  if (result->rows() != 1) return absl::InternalError("txid_current_snapshot() gave no row");
  return result->String(0, 0);
}

absl::StatusOr<std::vector<TableDigest>> PostgresStore::DigestTables() {
  // One REPEATABLE READ snapshot: every table is read as of the same moment.
  absl::StatusOr<PgTransaction> transaction = PgTransaction::Begin(*connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  std::vector<TableDigest> digests;
  for (const DigestTableSpec& spec : DigestTableSpecs()) {
    absl::StatusOr<TableDigest> digest = DigestTable(spec);
    if (!digest.ok()) return digest.status();
    digests.push_back(*std::move(digest));
  }
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return digests;
}

absl::StatusOr<TableDigest> PostgresStore::DigestTable(const DigestTableSpec& spec) {
  // Times are timestamptz here and ISO text in SQLite: they are digested as that text.
  const std::string select =
      DigestSelectSql(spec, [&spec](std::string_view, std::string_view column) {
        for (const DigestColumn& listed : spec.columns) {
          if (listed.name == column && (listed.type == DigestColumnType::kTimestamp ||
                                        listed.type == DigestColumnType::kNullableTimestamp)) {
            return IngestedAtText(column);
          }
        }
        return std::string();
      });
  // A cursor, so that a large table is read in bounded pieces.
  if (absl::Status s = connection_->Execute(fmt::format("DECLARE digest NO SCROLL CURSOR FOR {}",
                                                        select));
      !s.ok()) {
    return s;
  }
  TableDigester digester(spec.table);
  const std::string fetch = fmt::format("FETCH {} FROM digest", kDigestFetchRows);
  const std::string what = fmt::format("{}: {}", db(), spec.table);
  while (true) {
    absl::StatusOr<PgResult> batch = connection_->Query(fetch);
    if (!batch.ok()) return batch.status();
    for (int row = 0; row < batch->rows(); ++row) {
      for (int column = 0; column < static_cast<int>(spec.columns.size()); ++column) {
        const DigestColumnType type = spec.columns[static_cast<std::size_t>(column)].type;
        if (IsNullableDigestColumn(type) && batch->IsNull(row, column)) {
          digester.AddNull();
        } else if (type == DigestColumnType::kText || type == DigestColumnType::kNullableText ||
                   type == DigestColumnType::kTimestamp ||
                   type == DigestColumnType::kNullableTimestamp) {
          digester.AddText(batch->Text(row, column));
        } else if (type == DigestColumnType::kReal) {
          absl::StatusOr<double> value = batch->Double(row, column, what);
          if (!value.ok()) return value.status();
          digester.AddReal(*value);
        } else if (type == DigestColumnType::kBoolean) {
          absl::StatusOr<bool> value = batch->Bool(row, column, what);
          if (!value.ok()) return value.status();
          digester.AddInteger(*value ? 1 : 0);
        } else {
          absl::StatusOr<std::int64_t> value = batch->Int64(row, column, what);
          if (!value.ok()) return value.status();
          digester.AddInteger(*value);
        }
      }
      digester.EndRow();
    }
    if (batch->rows() < kDigestFetchRows) break;
  }
  if (absl::Status s = connection_->Execute("CLOSE digest"); !s.ok()) return s;
  return digester.Finish();
}

}  // namespace

absl::StatusOr<std::unique_ptr<Store>> OpenPostgresStore(std::string_view url) {
  absl::StatusOr<std::unique_ptr<PgConnection>> connection = PgConnection::Open(url);
  if (!connection.ok()) return connection.status();
  if (absl::Status migrated = MigratePostgresSchema(**connection); !migrated.ok()) return migrated;
  return std::unique_ptr<Store>(new PostgresStore(*std::move(connection)));
}

}  // namespace tw::store
