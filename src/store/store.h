// Store: the durable record of instruments, documents, provisions and cross-references, with
// full-text search, the record of the negotiation around them (sessions, statements, positions,
// recorded votes, user-defined actors: negotiation/records.h, actor.h), and the claims and
// fact-checks observers keep on it (factcheck_record.h), and the team's accounts, login sessions
// and audit log (account_record.h). One interface, two
// implementations: SQLite (embedded, the default on a laptop) and PostgreSQL (a coalition's shared
// server). Everything above the store is written against this interface only; nothing above it
// knows SQL.
//
// Guarantees every implementation gives:
//   * schema migrations are versioned and applied when the store is opened;
//   * every write is one transaction: on any error nothing of it is visible, and a process
//     killed mid-write leaves the previous state;
//   * a document's source SHA-256 is unique: putting the same file again stores nothing and
//     reports the existing document.
// Thread safety: one Store object is used by one thread at a time; open one per thread.
#ifndef TREATYWATCH_STORE_STORE_H_
#define TREATYWATCH_STORE_STORE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "doc/document.h"
#include "store/account_record.h"
#include "store/factcheck_record.h"
#include "store/negotiation_record.h"
#include "negotiation/actor.h"
#include "negotiation/records.h"

namespace tw::store {

struct PutResult {
  std::int64_t id = 0;
  bool already_present = false;  // the same source bytes were stored before
  int version = 0;               // position in the instrument's version chain, 0 if none
};

struct SearchQuery {
  std::string text;  // user words; quotes make phrases, "-word" excludes (websearch style)
  std::optional<std::int64_t> document_id;  // restrict to one document
  int limit = 20;
};

struct SearchHit {
  std::int64_t document_id = 0;
  std::string document_cite;  // symbol or title
  std::string path;           // provision path
  std::string citation;       // "Art. 24(2), A/AC.291/22"
  std::string snippet;        // with matches wrapped in kHighlightOpen/kHighlightClose
  double score = 0;           // higher is better
};

inline constexpr std::string_view kHighlightOpen = "\x02";
inline constexpr std::string_view kHighlightClose = "\x03";

struct InstrumentInfo {
  std::int64_t id = 0;
  std::string name;
  int versions = 0;
};

// One table's content in canonical form (store/content_digest.h): equal digests from two
// stores, of any backends, mean the table holds the same rows.
struct TableDigest {
  std::string table;     // "documents", "provisions", ...
  std::int64_t rows = 0;
  std::string sha256;    // lowercase hex
};

// Store is a NegotiationRecord, a FactCheckRecord and an AccountRecord too
// (store/negotiation_record.h, factcheck_record.h, account_record.h): each backend implements
// each record in a class of its own and mixes it in, so no backend forwards the records'
// operations.
class Store : public virtual NegotiationRecord,
              public virtual FactCheckRecord,
              public virtual AccountRecord {
 public:
  virtual ~Store() = default;

  // Stores the document (meta, text, spans, tree, references, warnings) in one transaction.
  // `doc.meta.instrument`, when set, appends the document to that instrument's version chain
  // (created if new). `doc.meta.id` and `ingested_at` are ignored and assigned.
  virtual absl::StatusOr<PutResult> PutDocument(const doc::Document& doc) = 0;

  virtual absl::StatusOr<std::optional<doc::DocumentMeta>> FindBySha256(
      std::string_view sha256) = 0;

  // All documents, oldest first.
  virtual absl::StatusOr<std::vector<doc::DocumentMeta>> ListDocuments() = 0;

  // By numeric id or symbol (exact, then case-insensitive). NotFound names what was asked.
  virtual absl::StatusOr<doc::Document> LoadDocument(std::string_view id_or_symbol) = 0;

  virtual absl::StatusOr<std::vector<InstrumentInfo>> ListInstruments() = 0;
  // Documents of an instrument in version order.
  virtual absl::StatusOr<std::vector<doc::DocumentMeta>> VersionChain(
      std::string_view instrument) = 0;

  virtual absl::StatusOr<std::vector<SearchHit>> Search(const SearchQuery& query) = 0;

  virtual absl::StatusOr<int> SchemaVersion() = 0;

  // A cheap token that differs from the one this Store object returned before whenever another
  // connection (of this process or another) has committed a change in between; equal tokens
  // mean nothing changed. Spurious changes are allowed (PostgreSQL's stamp moves with writes to
  // other databases of the cluster too). For caches of rendered reads (server/response_cache.h).
  virtual absl::StatusOr<std::string> ChangeStamp() = 0;

  // Copying one store into another (`treatywatch migrate`): the destination keeps the ids,
  // chain versions and ingest times of the source, so citations by id and every export read
  // the same after the move.

  // Stores an instrument under the id it has in the source; true when it was stored, false
  // when this store has the same id and name already. FailedPrecondition when the id or the
  // name belongs to another instrument here.
  virtual absl::StatusOr<bool> ImportInstrument(const InstrumentInfo& instrument) = 0;

  // Stores a document as the source holds it, in one transaction: `meta.id`, `meta.version`
  // in the chain of `meta.instrument` (created if new) and `meta.ingested_at` are kept, not
  // assigned. When this store has the same SHA-256 under the same id, nothing is written and
  // the result is already_present. FailedPrecondition when the SHA-256, the id or the chain
  // position belongs to another document here (the store was written by something else).
  virtual absl::StatusOr<PutResult> ImportDocument(const doc::Document& doc) = 0;

  // Row count and SHA-256 of the canonical content of every table (content_digest.h), read in
  // one snapshot.
  virtual absl::StatusOr<std::vector<TableDigest>> DigestTables() = 0;
};

// Opens (creating if needed) the store named by `url`: a file path or "sqlite:PATH" for
// SQLite, "postgresql://..." or "postgres://..." for PostgreSQL.
absl::StatusOr<std::unique_ptr<Store>> OpenStore(std::string_view url);

// `url` as messages may show it: a PostgreSQL URL without its password; a path unchanged.
std::string DescribeStoreUrl(std::string_view url);

}  // namespace tw::store

#endif  // TREATYWATCH_STORE_STORE_H_
