// The SQLite Store. One connection per store object; every public call is one transaction
// (writes BEGIN IMMEDIATE, reads a DEFERRED snapshot), so a multi-table read never mixes two
// states of the database and a failed or killed write leaves nothing behind.
//
// Durability settings, set on every open:
//   journal_mode = WAL     a commit appends to the -wal file; readers keep reading the last
//                          committed state while a writer works, and a crash mid-write leaves
//                          the uncommitted frames to be ignored at the next open.
//   synchronous = NORMAL   in WAL mode, fsync happens at checkpoints, not at every commit. A
//                          process killed with SIGKILL loses nothing committed (the frames are
//                          in the OS page cache, which survives the process), which is the
//                          guarantee `kill -9` during an ingest needs; a power loss may lose
//                          the last few transactions but never corrupts the database. FULL
//                          would add an fsync per document for a guarantee a desktop ingest
//                          (which can simply be re-run: re-putting a file is a no-op) does not
//                          need.
//   foreign_keys = ON      so ON DELETE CASCADE from documents reaches every child table.
//   busy_timeout           a second process (`treatywatch list` during an ingest) waits for
//                          the writer instead of failing at once.
#include "store/sqlite/sqlite_store.h"

#include <fmt/format.h>

#include <chrono>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "store/content_digest.h"
#include "store/document_codec.h"
#include "store/document_lookup.h"
#include "store/document_rows.h"
#include "store/search_syntax.h"
#include "store/sqlite/fts5_query.h"
#include "store/sqlite/sqlite_accounts.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/sqlite_factchecks.h"
#include "store/sqlite/sqlite_migrations.h"
#include "store/sqlite/sqlite_negotiation.h"
#include "store/sqlite/sqlite_transaction.h"

namespace tw::store {
namespace {

using Mode = SqliteTransaction::Mode;

// Ranking: a match in a heading ("Conditions and safeguards") names the subject of the whole
// provision, so it outranks the same word in running text.
constexpr double kHeadingWeight = 4.0;
constexpr double kTextWeight = 1.0;
constexpr int kSnippetTokens = 16;
constexpr std::string_view kSnippetEllipsis = "\xE2\x80\xA6";  // "…"
constexpr int kMaxSearchLimit = 1000;

constexpr std::string_view kSelectMeta = R"sql(
SELECT d.id, d.symbol, d.title, d.kind, d.date, d.lang, coalesce(i.name, ''), d.version,
       d.session, d.source_name, d.format, d.sha256, d.page_count, d.ingested_at
  FROM documents AS d LEFT JOIN instruments AS i ON i.id = d.instrument_id
)sql";

doc::DocumentMeta ReadMeta(const SqliteStatement& row) {
  doc::DocumentMeta meta;
  meta.id = row.ColumnInt64(0);
  meta.symbol = row.ColumnText(1);
  meta.title = row.ColumnText(2);
  meta.kind = row.ColumnText(3);
  meta.date = row.ColumnText(4);
  meta.lang = row.ColumnText(5);
  meta.instrument = row.ColumnText(6);
  meta.version = row.ColumnInt(7);
  meta.session = row.ColumnInt(8);
  meta.source_name = row.ColumnText(9);
  meta.format = row.ColumnText(10);
  meta.sha256 = row.ColumnText(11);
  meta.page_count = row.ColumnInt(12);
  meta.ingested_at = row.ColumnText(13);
  return meta;
}

// Offsets are stored as signed integers; a negative one can only come from a damaged file.
absl::StatusOr<std::size_t> ReadOffset(const SqliteStatement& row, int column,
                                       std::string_view what) {
  const std::int64_t value = row.ColumnInt64(column);
  if (value < 0) {
    return absl::DataLossError(fmt::format("{} has a negative offset {}", what, value));
  }
  return static_cast<std::size_t>(value);
}

absl::Status WithContext(const absl::Status& status, std::string_view context) {
  return absl::Status(status.code(),
                      fmt::format("{} ({})", std::string(status.message()), context));
}

// The negotiation, fact-check and account records come from SqliteNegotiationRecord,
// SqliteFactCheckRecord and SqliteAccountRecord, mixed in: their methods are the final
// overriders of Store's NegotiationRecord, FactCheckRecord and AccountRecord halves. They borrow the connection, which outlives them
// (the records only keep the reference; the connection object does not move when its owner
// pointer does).
class SqliteStore final : public Store,
                          private SqliteNegotiationRecord,
                          private SqliteFactCheckRecord,
                          private SqliteAccountRecord {
 public:
  explicit SqliteStore(std::unique_ptr<SqliteConnection> connection)
      : SqliteNegotiationRecord(*connection),
        SqliteFactCheckRecord(*connection),
        SqliteAccountRecord(*connection),
        connection_(std::move(connection)) {}

  absl::StatusOr<PutResult> PutDocument(const doc::Document& document) override;
  absl::StatusOr<std::optional<doc::DocumentMeta>> FindBySha256(std::string_view sha256) override;
  absl::StatusOr<std::vector<doc::DocumentMeta>> ListDocuments() override;
  absl::StatusOr<doc::Document> LoadDocument(std::string_view id_or_symbol) override;
  absl::StatusOr<std::vector<InstrumentInfo>> ListInstruments() override;
  absl::StatusOr<std::vector<doc::DocumentMeta>> VersionChain(std::string_view instrument) override;
  absl::StatusOr<std::vector<SearchHit>> Search(const SearchQuery& query) override;
  absl::StatusOr<int> SchemaVersion() override;
  absl::StatusOr<std::string> ChangeStamp() override;
  absl::StatusOr<bool> ImportInstrument(const InstrumentInfo& instrument) override;
  absl::StatusOr<PutResult> ImportDocument(const doc::Document& document) override;
  absl::StatusOr<std::vector<TableDigest>> DigestTables() override;


 private:
  // Write steps, called inside PutDocument's transaction.
  absl::StatusOr<std::optional<PutResult>> FindExisting(const std::string& sha256);
  absl::StatusOr<std::pair<std::optional<std::int64_t>, int>> JoinChain(
      const std::string& instrument);
  absl::Status InsertAuthors(std::int64_t id, const doc::Document& document);
  absl::Status InsertProvisions(std::int64_t id, const doc::Document& document,
                                const std::vector<FlatProvision>& rows);
  absl::Status InsertReferences(std::int64_t id, const doc::Document& document);
  absl::Status InsertWarnings(std::int64_t id, const doc::Document& document);

  // Read steps, called inside a read transaction.
  // Metas selected by `where` (appended to kSelectMeta, parameters bound from `args`).
  template <typename... Args>
  absl::StatusOr<std::vector<doc::DocumentMeta>> SelectMetas(std::string_view where,
                                                             const Args&... args);
  absl::Status LoadAuthors(std::vector<doc::DocumentMeta>& metas);
  absl::StatusOr<std::optional<std::int64_t>> ResolveDocument(const DocumentKey& key);
  absl::Status LoadBody(std::int64_t id, doc::Document& document);
  absl::Status LoadProvisions(std::int64_t id, doc::Document& document);
  absl::Status LoadReferences(std::int64_t id, doc::Document& document);
  absl::Status LoadWarnings(std::int64_t id, doc::Document& document);

  std::unique_ptr<SqliteConnection> connection_;
};

absl::StatusOr<PutResult> SqliteStore::PutDocument(const doc::Document& document) {
  if (absl::Status valid = ValidateForPut(document); !valid.ok()) return valid;
  // Flattening (and computing citations) happens before the write lock is taken.
  absl::StatusOr<std::vector<FlatProvision>> rows = FlattenProvisions(document);
  if (!rows.ok()) return rows.status();
  const std::string sha256 = NormalizeSha256(document.meta.sha256);

  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(*connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<std::optional<PutResult>> existing = FindExisting(sha256);
  if (!existing.ok()) return existing.status();
  if (existing->has_value()) return **existing;  // nothing written; the rollback is a no-op

  std::optional<std::int64_t> instrument_id;
  int version = 0;
  if (!document.meta.instrument.empty()) {
    absl::StatusOr<std::pair<std::optional<std::int64_t>, int>> chain =
        JoinChain(document.meta.instrument);
    if (!chain.ok()) return chain.status();
    std::tie(instrument_id, version) = *chain;
  }

  absl::StatusOr<SqliteStatement> insert = connection_->Prepare(R"sql(
INSERT INTO documents (instrument_id, version, symbol, title, kind, date, lang, session,
                       source_name, format, sha256, page_count, text, spans, ingested_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
)sql");
  if (!insert.ok()) return insert.status();
  const doc::DocumentMeta& meta = document.meta;
  absl::Status inserted = insert->Bind(
      instrument_id, version, meta.symbol, meta.title, meta.kind, meta.date, meta.lang,
      meta.session, meta.source_name, meta.format, sha256, meta.page_count, document.text,
      EncodeSpans(document.spans), FormatIngestedAt(std::chrono::system_clock::now()));
  if (inserted.ok()) inserted = insert->Run();
  if (!inserted.ok())
    return WithContext(inserted, fmt::format("storing '{}'", document.CiteName()));
  const std::int64_t id = connection_->LastInsertRowid();

  if (absl::Status s = InsertAuthors(id, document); !s.ok()) return s;
  if (absl::Status s = InsertProvisions(id, document, *rows); !s.ok()) return s;
  if (absl::Status s = InsertReferences(id, document); !s.ok()) return s;
  if (absl::Status s = InsertWarnings(id, document); !s.ok()) return s;
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return PutResult{id, false, version};
}

absl::StatusOr<std::optional<PutResult>> SqliteStore::FindExisting(const std::string& sha256) {
  absl::StatusOr<SqliteStatement> query =
      connection_->Prepare("SELECT id, version FROM documents WHERE sha256 = ?1");
  if (!query.ok()) return query.status();
  if (absl::Status bound = query->Bind(sha256); !bound.ok()) return bound;
  absl::StatusOr<bool> row = query->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<PutResult>();
  return std::optional<PutResult>(PutResult{query->ColumnInt64(0), true, query->ColumnInt(1)});
}

// The instrument's id (created if new) and the version the new document takes in its chain.
absl::StatusOr<std::pair<std::optional<std::int64_t>, int>> SqliteStore::JoinChain(
    const std::string& instrument) {
  absl::StatusOr<SqliteStatement> create = connection_->Prepare(
      "INSERT INTO instruments (name) VALUES (?1) ON CONFLICT (name) DO NOTHING");
  if (!create.ok()) return create.status();
  if (absl::Status s = create->Bind(instrument); !s.ok()) return s;
  if (absl::Status s = create->Run(); !s.ok()) return s;

  absl::StatusOr<SqliteStatement> chain = connection_->Prepare(R"sql(
SELECT i.id, coalesce((SELECT max(d.version) FROM documents AS d WHERE d.instrument_id = i.id), 0)
  FROM instruments AS i WHERE i.name = ?1
)sql");
  if (!chain.ok()) return chain.status();
  if (absl::Status s = chain->Bind(instrument); !s.ok()) return s;
  absl::StatusOr<bool> row = chain->Step();
  if (!row.ok()) return row.status();
  if (!*row) {
    return absl::InternalError(fmt::format("{}: instrument '{}' vanished inside a transaction",
                                           connection_->path(), instrument));
  }
  return std::make_pair(std::optional<std::int64_t>(chain->ColumnInt64(0)),
                        NextChainVersion(chain->ColumnInt(1)));
}

absl::Status SqliteStore::InsertAuthors(std::int64_t id, const doc::Document& document) {
  absl::StatusOr<SqliteStatement> insert = connection_->Prepare(
      "INSERT INTO document_authors (document_id, position, actor) VALUES (?1, ?2, ?3)");
  if (!insert.ok()) return insert.status();
  for (std::size_t i = 0; i < document.meta.authors.size(); ++i) {
    absl::Status s = insert->Bind(id, i, document.meta.authors[i]);
    if (s.ok()) s = insert->Run();
    if (!s.ok())
      return WithContext(s, fmt::format("storing author {} of '{}'", i + 1, document.CiteName()));
  }
  return absl::OkStatus();
}

absl::Status SqliteStore::InsertProvisions(std::int64_t id, const doc::Document& document,
                                           const std::vector<FlatProvision>& rows) {
  // Two statements prepared once and reused for every row: preparing per row would cost more
  // than the inserts themselves.
  absl::StatusOr<SqliteStatement> insert = connection_->Prepare(R"sql(
INSERT INTO provisions (document_id, path, parent_path, ordinal, depth, kind, num, label, heading,
                        text, begin_offset, end_offset, page_first, page_last, brackets, citation)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
)sql");
  if (!insert.ok()) return insert.status();
  absl::StatusOr<SqliteStatement> index = connection_->Prepare(
      "INSERT INTO provision_fts (rowid, heading, text, document_id, path) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!index.ok()) return index.status();

  if (id > (std::numeric_limits<std::int64_t>::max() >> kFtsOrdinalBits)) {
    return absl::ResourceExhaustedError(fmt::format(
        "{}: document id {} is too large for the full-text index", connection_->path(), id));
  }
  for (const FlatProvision& row : rows) {
    const doc::Provision& node = *row.node;
    const std::optional<std::string_view> parent_path =
        row.parent == nullptr ? std::nullopt : std::optional<std::string_view>(row.parent->path);
    absl::Status s = insert->Bind(id, node.path, parent_path, row.ordinal, row.depth,
                                  doc::ProvisionKindName(node.kind), node.num, node.label,
                                  node.heading, node.text, node.begin, node.end, node.page_first,
                                  node.page_last, EncodeBrackets(node.brackets), row.citation);
    if (s.ok()) s = insert->Run();
    // Search covers every provision with words of its own; structure-only nodes (a chapter
    // without a title, the root) have nothing to find.
    if (s.ok() && (!node.text.empty() || !node.heading.empty())) {
      const std::int64_t rowid = (id << kFtsOrdinalBits) | row.ordinal;
      s = index->Bind(rowid, node.heading, node.text, id, node.path);
      if (s.ok()) s = index->Run();
    }
    if (!s.ok()) {
      return WithContext(
          s, fmt::format("storing provision '{}' of '{}'", node.path, document.CiteName()));
    }
  }
  return absl::OkStatus();
}

absl::Status SqliteStore::InsertReferences(std::int64_t id, const doc::Document& document) {
  absl::StatusOr<SqliteStatement> insert = connection_->Prepare(R"sql(
INSERT INTO cross_references (document_id, ordinal, from_path, begin_offset, end_offset, text,
                              targets, instrument)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
)sql");
  if (!insert.ok()) return insert.status();
  for (std::size_t i = 0; i < document.references.size(); ++i) {
    const doc::CrossReference& reference = document.references[i];
    absl::Status s =
        insert->Bind(id, i, reference.from_path, reference.begin, reference.end, reference.text,
                     EncodeTargets(reference.targets), reference.instrument);
    if (s.ok()) s = insert->Run();
    if (!s.ok()) {
      return WithContext(
          s, fmt::format("storing cross-reference {} of '{}'", i + 1, document.CiteName()));
    }
  }
  return absl::OkStatus();
}

absl::Status SqliteStore::InsertWarnings(std::int64_t id, const doc::Document& document) {
  absl::StatusOr<SqliteStatement> insert = connection_->Prepare(R"sql(
INSERT INTO parse_warnings (document_id, ordinal, text_offset, line, message, matters)
VALUES (?1, ?2, ?3, ?4, ?5, ?6)
)sql");
  if (!insert.ok()) return insert.status();
  for (std::size_t i = 0; i < document.warnings.size(); ++i) {
    const doc::ParseWarning& warning = document.warnings[i];
    absl::Status s =
        insert->Bind(id, i, warning.offset, warning.line, warning.message, warning.matters);
    if (s.ok()) s = insert->Run();
    if (!s.ok()) {
      return WithContext(s, fmt::format("storing warning {} of '{}'", i + 1, document.CiteName()));
    }
  }
  return absl::OkStatus();
}

template <typename... Args>
absl::StatusOr<std::vector<doc::DocumentMeta>> SqliteStore::SelectMetas(std::string_view where,
                                                                        const Args&... args) {
  absl::StatusOr<SqliteStatement> query =
      connection_->Prepare(fmt::format("{} {}", kSelectMeta, where));
  if (!query.ok()) return query.status();
  if (absl::Status bound = query->Bind(args...); !bound.ok()) return bound;
  std::vector<doc::DocumentMeta> metas;
  while (true) {
    absl::StatusOr<bool> row = query->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    metas.push_back(ReadMeta(*query));
  }
  if (absl::Status authors = LoadAuthors(metas); !authors.ok()) return authors;
  return metas;
}

absl::Status SqliteStore::LoadAuthors(std::vector<doc::DocumentMeta>& metas) {
  if (metas.empty()) return absl::OkStatus();
  absl::StatusOr<SqliteStatement> query = connection_->Prepare(
      "SELECT actor FROM document_authors WHERE document_id = ?1 ORDER BY position");
  if (!query.ok()) return query.status();
  for (doc::DocumentMeta& meta : metas) {
    if (absl::Status bound = query->Bind(meta.id); !bound.ok()) return bound;
    while (true) {
      absl::StatusOr<bool> row = query->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      meta.authors.push_back(query->ColumnText(0));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::optional<doc::DocumentMeta>> SqliteStore::FindBySha256(
    std::string_view sha256) {
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(*connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<std::vector<doc::DocumentMeta>> metas =
      SelectMetas("WHERE d.sha256 = ?1", NormalizeSha256(sha256));
  if (!metas.ok()) return metas.status();
  if (metas->empty()) return std::optional<doc::DocumentMeta>();
  return std::optional<doc::DocumentMeta>(std::move(metas->front()));
}

absl::StatusOr<std::vector<doc::DocumentMeta>> SqliteStore::ListDocuments() {
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(*connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  // Ids grow in the order documents are stored: oldest first.
  return SelectMetas("ORDER BY d.id");
}

absl::StatusOr<std::optional<std::int64_t>> SqliteStore::ResolveDocument(const DocumentKey& key) {
  if (key.id.has_value()) {
    absl::StatusOr<SqliteStatement> by_id =
        connection_->Prepare("SELECT id FROM documents WHERE id = ?1");
    if (!by_id.ok()) return by_id.status();
    if (absl::Status bound = by_id->Bind(*key.id); !bound.ok()) return bound;
    absl::StatusOr<bool> row = by_id->Step();
    if (!row.ok()) return row.status();
    if (*row) return std::optional<std::int64_t>(by_id->ColumnInt64(0));
  }
  if (key.symbol.empty()) return std::optional<std::int64_t>();
  // Exact matches sort before case-insensitive ones (`symbol = ?1` compares bytes: the column's
  // collation is BINARY); among equals, the most recently stored wins. See document_lookup.h.
  absl::StatusOr<SqliteStatement> by_symbol = connection_->Prepare(R"sql(
SELECT id FROM documents WHERE symbol = ?1 COLLATE NOCASE ORDER BY symbol = ?1 DESC, id DESC
 LIMIT 1
)sql");
  if (!by_symbol.ok()) return by_symbol.status();
  if (absl::Status bound = by_symbol->Bind(key.symbol); !bound.ok()) return bound;
  absl::StatusOr<bool> row = by_symbol->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(by_symbol->ColumnInt64(0));
}

absl::StatusOr<doc::Document> SqliteStore::LoadDocument(std::string_view id_or_symbol) {
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(*connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<std::optional<std::int64_t>> id = ResolveDocument(ParseDocumentKey(id_or_symbol));
  if (!id.ok()) return id.status();
  if (!id->has_value()) return DocumentNotFoundError(id_or_symbol);

  absl::StatusOr<std::vector<doc::DocumentMeta>> metas = SelectMetas("WHERE d.id = ?1", **id);
  if (!metas.ok()) return metas.status();
  if (metas->empty()) return DocumentNotFoundError(id_or_symbol);
  doc::Document document;
  document.meta = std::move(metas->front());
  if (absl::Status s = LoadBody(**id, document); !s.ok()) return s;
  if (absl::Status s = LoadProvisions(**id, document); !s.ok()) return s;
  if (absl::Status s = LoadReferences(**id, document); !s.ok()) return s;
  if (absl::Status s = LoadWarnings(**id, document); !s.ok()) return s;
  return document;
}

absl::Status SqliteStore::LoadBody(std::int64_t id, doc::Document& document) {
  absl::StatusOr<SqliteStatement> query =
      connection_->Prepare("SELECT text, spans FROM documents WHERE id = ?1");
  if (!query.ok()) return query.status();
  if (absl::Status bound = query->Bind(id); !bound.ok()) return bound;
  absl::StatusOr<bool> row = query->Step();
  if (!row.ok()) return row.status();
  if (!*row) return DocumentNotFoundError(std::to_string(id));
  document.text = query->ColumnText(0);
  absl::StatusOr<std::vector<doc::SourceSpan>> spans = DecodeSpans(
      query->ColumnText(1), fmt::format("{}: document {} spans", connection_->path(), id));
  if (!spans.ok()) return spans.status();
  document.spans = *std::move(spans);
  return absl::OkStatus();
}

absl::Status SqliteStore::LoadProvisions(std::int64_t id, doc::Document& document) {
  absl::StatusOr<SqliteStatement> query = connection_->Prepare(R"sql(
SELECT path, parent_path, depth, kind, num, label, heading, text, begin_offset, end_offset,
       page_first, page_last, brackets
  FROM provisions WHERE document_id = ?1 ORDER BY ordinal
)sql");
  if (!query.ok()) return query.status();
  if (absl::Status bound = query->Bind(id); !bound.ok()) return bound;
  const std::string what = fmt::format("{}: document {}", connection_->path(), id);
  ProvisionTreeBuilder builder(what);
  while (true) {
    absl::StatusOr<bool> row = query->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    doc::Provision node;
    node.path = query->ColumnText(0);
    const std::string row_what = fmt::format("{} provision '{}'", what, node.path);
    const std::string kind = query->ColumnText(3);
    if (!doc::ParseProvisionKind(kind, &node.kind)) {
      return absl::DataLossError(fmt::format("{} has unknown kind '{}'", row_what, kind));
    }
    node.num = query->ColumnText(4);
    node.label = query->ColumnText(5);
    node.heading = query->ColumnText(6);
    node.text = query->ColumnText(7);
    absl::StatusOr<std::size_t> begin = ReadOffset(*query, 8, row_what);
    if (!begin.ok()) return begin.status();
    absl::StatusOr<std::size_t> end = ReadOffset(*query, 9, row_what);
    if (!end.ok()) return end.status();
    node.begin = *begin;
    node.end = *end;
    node.page_first = query->ColumnInt(10);
    node.page_last = query->ColumnInt(11);
    absl::StatusOr<std::vector<doc::BracketSpan>> brackets =
        DecodeBrackets(query->ColumnText(12), fmt::format("{} brackets", row_what));
    if (!brackets.ok()) return brackets.status();
    node.brackets = *std::move(brackets);
    std::optional<std::string> parent;
    if (!query->ColumnIsNull(1)) parent = query->ColumnText(1);
    absl::Status added =
        builder.Add(parent.has_value() ? std::optional<std::string_view>(*parent) : std::nullopt,
                    query->ColumnInt(2), std::move(node));
    if (!added.ok()) return added;
  }
  absl::StatusOr<doc::Provision> root = builder.Finish();
  if (!root.ok()) return root.status();
  document.root = *std::move(root);
  return absl::OkStatus();
}

absl::Status SqliteStore::LoadReferences(std::int64_t id, doc::Document& document) {
  absl::StatusOr<SqliteStatement> query = connection_->Prepare(R"sql(
SELECT from_path, begin_offset, end_offset, text, targets, instrument
  FROM cross_references WHERE document_id = ?1 ORDER BY ordinal
)sql");
  if (!query.ok()) return query.status();
  if (absl::Status bound = query->Bind(id); !bound.ok()) return bound;
  while (true) {
    absl::StatusOr<bool> row = query->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    const std::string what = fmt::format("{}: document {} cross-reference {}", connection_->path(),
                                         id, document.references.size() + 1);
    doc::CrossReference reference;
    reference.from_path = query->ColumnText(0);
    absl::StatusOr<std::size_t> begin = ReadOffset(*query, 1, what);
    if (!begin.ok()) return begin.status();
    absl::StatusOr<std::size_t> end = ReadOffset(*query, 2, what);
    if (!end.ok()) return end.status();
    reference.begin = *begin;
    reference.end = *end;
    reference.text = query->ColumnText(3);
    absl::StatusOr<std::vector<std::string>> targets =
        DecodeTargets(query->ColumnText(4), fmt::format("{} targets", what));
    if (!targets.ok()) return targets.status();
    reference.targets = *std::move(targets);
    reference.instrument = query->ColumnText(5);
    document.references.push_back(std::move(reference));
  }
  return absl::OkStatus();
}

absl::Status SqliteStore::LoadWarnings(std::int64_t id, doc::Document& document) {
  absl::StatusOr<SqliteStatement> query = connection_->Prepare(R"sql(
SELECT text_offset, line, message, matters
  FROM parse_warnings WHERE document_id = ?1 ORDER BY ordinal
)sql");
  if (!query.ok()) return query.status();
  if (absl::Status bound = query->Bind(id); !bound.ok()) return bound;
  while (true) {
    absl::StatusOr<bool> row = query->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    doc::ParseWarning warning;
    absl::StatusOr<std::size_t> offset =
        ReadOffset(*query, 0,
                   fmt::format("{}: document {} warning {}", connection_->path(), id,
                               document.warnings.size() + 1));
    if (!offset.ok()) return offset.status();
    warning.offset = *offset;
    warning.line = query->ColumnInt(1);
    warning.message = query->ColumnText(2);
    warning.matters = query->ColumnInt(3) != 0;
    document.warnings.push_back(std::move(warning));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<InstrumentInfo>> SqliteStore::ListInstruments() {
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(*connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<SqliteStatement> query = connection_->Prepare(R"sql(
SELECT i.id, i.name, count(d.id)
  FROM instruments AS i LEFT JOIN documents AS d ON d.instrument_id = i.id
 GROUP BY i.id ORDER BY i.name
)sql");
  if (!query.ok()) return query.status();
  std::vector<InstrumentInfo> instruments;
  while (true) {
    absl::StatusOr<bool> row = query->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    instruments.push_back({query->ColumnInt64(0), query->ColumnText(1), query->ColumnInt(2)});
  }
  return instruments;
}

absl::StatusOr<std::vector<doc::DocumentMeta>> SqliteStore::VersionChain(
    std::string_view instrument) {
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(*connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<SqliteStatement> query =
      connection_->Prepare("SELECT id FROM instruments WHERE name = ?1");
  if (!query.ok()) return query.status();
  if (absl::Status bound = query->Bind(instrument); !bound.ok()) return bound;
  absl::StatusOr<bool> row = query->Step();
  if (!row.ok()) return row.status();
  if (!*row) return InstrumentNotFoundError(instrument);
  const std::int64_t instrument_id = query->ColumnInt64(0);
  return SelectMetas("WHERE d.instrument_id = ?1 ORDER BY d.version", instrument_id);
}

absl::StatusOr<std::vector<SearchHit>> SqliteStore::Search(const SearchQuery& query) {
  if (query.limit < 1 || query.limit > kMaxSearchLimit) {
    return absl::InvalidArgumentError(fmt::format(
        "search: the limit must be between 1 and {}, not {}", kMaxSearchLimit, query.limit));
  }
  absl::StatusOr<SearchExpression> expression = ParseSearchText(query.text);
  if (!expression.ok()) return expression.status();
  const std::string match = RenderFts5Query(*expression);
  if (match.empty()) return std::vector<SearchHit>();

  // A document's index rows are one rowid range (see kFtsOrdinalBits).
  std::int64_t first_rowid = 0;
  std::int64_t last_rowid = std::numeric_limits<std::int64_t>::max();
  if (query.document_id.has_value()) {
    if (*query.document_id < 0 ||
        *query.document_id > (std::numeric_limits<std::int64_t>::max() >> kFtsOrdinalBits) - 1) {
      return std::vector<SearchHit>();
    }
    first_rowid = *query.document_id << kFtsOrdinalBits;
    last_rowid = first_rowid + (std::int64_t{1} << kFtsOrdinalBits) - 1;
  }

  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(*connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<SqliteStatement> select = connection_->Prepare(fmt::format(
      R"sql(
SELECT provision_fts.document_id, provision_fts.path, p.citation, d.symbol, d.title,
       snippet(provision_fts, -1, ?2, ?3, ?4, {tokens}),
       bm25(provision_fts, {heading}, {text})
  FROM provision_fts
  JOIN provisions AS p
    ON p.document_id = provision_fts.document_id AND p.path = provision_fts.path
  JOIN documents AS d ON d.id = provision_fts.document_id
 WHERE provision_fts MATCH ?1 AND provision_fts.rowid BETWEEN ?5 AND ?6
 ORDER BY bm25(provision_fts, {heading}, {text}), provision_fts.rowid
 LIMIT ?7
)sql",
      fmt::arg("tokens", kSnippetTokens), fmt::arg("heading", kHeadingWeight),
      fmt::arg("text", kTextWeight)));
  if (!select.ok()) return select.status();
  absl::Status bound = select->Bind(match, kHighlightOpen, kHighlightClose, kSnippetEllipsis,
                                    first_rowid, last_rowid, query.limit);
  if (!bound.ok()) return bound;
  std::vector<SearchHit> hits;
  while (true) {
    absl::StatusOr<bool> row = select->Step();
    if (!row.ok()) return WithContext(row.status(), fmt::format("searching for {}", match));
    if (!*row) break;
    SearchHit hit;
    hit.document_id = select->ColumnInt64(0);
    hit.path = select->ColumnText(1);
    hit.citation = select->ColumnText(2);
    const std::string symbol = select->ColumnText(3);
    hit.document_cite = symbol.empty() ? select->ColumnText(4) : symbol;
    hit.snippet = select->ColumnText(5);
    hit.score = -select->ColumnDouble(6);  // bm25: lower is better
    hits.push_back(std::move(hit));
  }
  return hits;
}

absl::StatusOr<int> SqliteStore::SchemaVersion() {
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(*connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  return ReadSqliteSchemaVersion(*connection_);
}

absl::StatusOr<std::string> SqliteStore::ChangeStamp() {
  // data_version moves when another connection commits, and only then; it needs no
  // transaction and reads only the shared WAL index, so polling it is cheap.
  absl::StatusOr<SqliteStatement> pragma = connection_->Prepare("PRAGMA data_version");
  if (!pragma.ok()) return pragma.status();
  absl::StatusOr<bool> row = pragma->Step();
  if (!row.ok()) return row.status();
  if (!*row) return absl::InternalError(connection_->path() + ": PRAGMA data_version gave no row");
  return std::to_string(pragma->ColumnInt64(0));
}

// --- copying stores (treatywatch migrate; see store.h) -------------------------------------------

absl::StatusOr<bool> SqliteStore::ImportInstrument(const InstrumentInfo& instrument) {
  if (instrument.id <= 0 || instrument.name.empty()) {
    return absl::InvalidArgumentError(fmt::format(
        "{}: cannot import instrument {} '{}': it needs an id and a name", connection_->path(),
        instrument.id, instrument.name));
  }
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(*connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<SqliteStatement> held =
      connection_->Prepare("SELECT id, name FROM instruments WHERE id = ?1 OR name = ?2");
  if (!held.ok()) return held.status();
  if (absl::Status s = held->Bind(instrument.id, instrument.name); !s.ok()) return s;
  bool present = false;
  while (true) {
    absl::StatusOr<bool> row = held->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    if (held->ColumnInt64(0) != instrument.id || held->ColumnText(1) != instrument.name) {
      return absl::FailedPreconditionError(fmt::format(
          "{}: cannot import instrument {} '{}': this store has instrument {} '{}'; copy into "
          "an empty store",
          connection_->path(), instrument.id, instrument.name, held->ColumnInt64(0),
          held->ColumnText(1)));
    }
    present = true;
  }
  if (present) return false;
  absl::StatusOr<SqliteStatement> insert =
      connection_->Prepare("INSERT INTO instruments (id, name) VALUES (?1, ?2)");
  if (!insert.ok()) return insert.status();
  if (absl::Status s = insert->Bind(instrument.id, instrument.name); !s.ok()) return s;
  if (absl::Status s = insert->Run(); !s.ok()) return s;
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return true;
}

absl::StatusOr<PutResult> SqliteStore::ImportDocument(const doc::Document& document) {
  if (absl::Status valid = ValidateForPut(document); !valid.ok()) return valid;
  const doc::DocumentMeta& meta = document.meta;
  const std::string what = fmt::format("{}: cannot import document {} ('{}')",
                                       connection_->path(), meta.id, document.CiteName());
  if (meta.id <= 0 || meta.id > (std::numeric_limits<std::int64_t>::max() >> kFtsOrdinalBits) - 1) {
    return absl::InvalidArgumentError(fmt::format("{}: its id is out of range", what));
  }
  absl::StatusOr<std::vector<FlatProvision>> rows = FlattenProvisions(document);
  if (!rows.ok()) return rows.status();
  const std::string sha256 = NormalizeSha256(meta.sha256);

  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(*connection_, Mode::kWrite);
  if (!transaction.ok()) return transaction.status();
  absl::StatusOr<std::optional<PutResult>> existing = FindExisting(sha256);
  if (!existing.ok()) return existing.status();
  if (existing->has_value()) {
    if ((*existing)->id == meta.id) return **existing;
    return absl::FailedPreconditionError(fmt::format(
        "{}: this store has the same file as document {}; copy into an empty store", what,
        (*existing)->id));
  }
  std::optional<std::int64_t> instrument_id;
  if (!meta.instrument.empty()) {
    absl::StatusOr<std::pair<std::optional<std::int64_t>, int>> chain =
        JoinChain(meta.instrument);
    if (!chain.ok()) return chain.status();
    instrument_id = chain->first;
  }
  const int version = instrument_id.has_value() ? meta.version : 0;
  absl::StatusOr<SqliteStatement> taken = connection_->Prepare(
      "SELECT sha256 FROM documents WHERE id = ?1 OR (instrument_id = ?2 AND version = ?3)");
  if (!taken.ok()) return taken.status();
  if (absl::Status s = taken->Bind(meta.id, instrument_id, version); !s.ok()) return s;
  absl::StatusOr<bool> clash = taken->Step();
  if (!clash.ok()) return clash.status();
  if (*clash) {
    return absl::FailedPreconditionError(fmt::format(
        "{}: its id or its version {} of '{}' belongs to another document here (sha256 {}); "
        "copy into an empty store",
        what, version, meta.instrument, taken->ColumnText(0)));
  }
  taken->Reset();

  absl::StatusOr<SqliteStatement> insert = connection_->Prepare(R"sql(
INSERT INTO documents (id, instrument_id, version, symbol, title, kind, date, lang, session,
                       source_name, format, sha256, page_count, text, spans, ingested_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
)sql");
  if (!insert.ok()) return insert.status();
  absl::Status inserted = insert->Bind(
      meta.id, instrument_id, version, meta.symbol, meta.title, meta.kind, meta.date, meta.lang,
      meta.session, meta.source_name, meta.format, sha256, meta.page_count, document.text,
      EncodeSpans(document.spans),
      meta.ingested_at.empty() ? FormatIngestedAt(std::chrono::system_clock::now())
                               : meta.ingested_at);
  if (inserted.ok()) inserted = insert->Run();
  if (!inserted.ok()) return WithContext(inserted, what);
  if (absl::Status s = InsertAuthors(meta.id, document); !s.ok()) return s;
  if (absl::Status s = InsertProvisions(meta.id, document, *rows); !s.ok()) return s;
  if (absl::Status s = InsertReferences(meta.id, document); !s.ok()) return s;
  if (absl::Status s = InsertWarnings(meta.id, document); !s.ok()) return s;
  if (absl::Status s = transaction->Commit(); !s.ok()) return s;
  return PutResult{meta.id, false, version};
}

absl::StatusOr<std::vector<TableDigest>> SqliteStore::DigestTables() {
  // One read transaction: every table is read from the same snapshot.
  absl::StatusOr<SqliteTransaction> transaction =
      SqliteTransaction::Begin(*connection_, Mode::kRead);
  if (!transaction.ok()) return transaction.status();
  std::vector<TableDigest> digests;
  for (const DigestTableSpec& spec : DigestTableSpecs()) {
    absl::StatusOr<SqliteStatement> select = connection_->Prepare(DigestSelectSql(spec));
    if (!select.ok()) return select.status();
    TableDigester digester(spec.table);
    while (true) {
      absl::StatusOr<bool> row = select->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      for (int column = 0; column < static_cast<int>(spec.columns.size()); ++column) {
        const DigestColumnType type = spec.columns[static_cast<std::size_t>(column)].type;
        if (select->ColumnIsNull(column) && IsNullableDigestColumn(type)) {
          digester.AddNull();
        } else if (type == DigestColumnType::kText || type == DigestColumnType::kNullableText ||
                   type == DigestColumnType::kTimestamp ||
                   type == DigestColumnType::kNullableTimestamp) {
          digester.AddText(select->ColumnText(column));
        } else if (type == DigestColumnType::kBoolean) {
          digester.AddInteger(select->ColumnInt64(column) != 0 ? 1 : 0);
        } else if (type == DigestColumnType::kReal) {
          digester.AddReal(select->ColumnDouble(column));
        } else {
          digester.AddInteger(select->ColumnInt64(column));
        }
      }
      digester.EndRow();
    }
    digests.push_back(digester.Finish());
  }
  return digests;
}

}  // namespace

absl::StatusOr<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path) {
  if (path.empty()) return absl::InvalidArgumentError("SQLite store: empty database path");
  absl::StatusOr<std::unique_ptr<SqliteConnection>> connection = SqliteConnection::Open(path);
  if (!connection.ok()) return connection.status();
  SqliteConnection& db = **connection;
  if (absl::Status s = db.Execute("PRAGMA foreign_keys = ON"); !s.ok()) return s;
  // The migration reads the file first, so a file that is not a database, or is another
  // program's, is refused before anything (even the journal mode) is changed in it.
  if (absl::Status s = MigrateSqliteSchema(db); !s.ok()) return s;
  absl::StatusOr<std::string> mode = db.QueryText("PRAGMA journal_mode = WAL");
  if (!mode.ok()) return mode.status();
  if (*mode != "wal" && *mode != "memory") {
    return absl::FailedPreconditionError(fmt::format(
        "{}: SQLite kept journal mode '{}' instead of WAL, which the store needs to survive a "
        "killed process (is the file on a network file system?)",
        path, *mode));
  }
  if (absl::Status s = db.Execute("PRAGMA synchronous = NORMAL"); !s.ok()) return s;
  return std::unique_ptr<Store>(new SqliteStore(*std::move(connection)));
}

}  // namespace tw::store
