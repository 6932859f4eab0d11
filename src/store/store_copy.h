// Copying one store into another — every instrument and document, with ids, chain versions and
// ingest times kept, the negotiation record (actors, sessions, statements and positions under
// their ids, votes) and the fact-check record (claims, fact-checks with their evidence and every
// revision, under their ids) — and proving the copy complete: what `treatywatch migrate` runs to
// move a laptop's SQLite file onto a coalition's PostgreSQL server (or back, or between any two
// stores).
//
// Each document is copied in its own transaction (Store::ImportDocument), so an interrupted
// copy leaves only whole documents behind, and running the copy again completes it: documents
// the destination already holds under the same id are skipped, so a second run copies nothing.
// A destination holding other content (another document under a copied id, say) is refused
// with FailedPrecondition before anything of that document is written.
//
// The negotiation record follows the documents (a statement may name the transcript it came
// from): actors, sessions and votes one by one, statements and positions in batches of
// kCopyBatchRows, each batch one transaction (Store::ImportStatements, ImportPositions). Rows
// the destination already holds with the same content are skipped; a row whose key (actor id,
// session, vote symbol, statement or position id) holds other content there is refused with
// FailedPrecondition, as for documents.
//
// The fact-check record comes last (a claim may name a statement, evidence quotes documents):
// claims in batches of kCopyBatchRows (Store::ImportClaims), then each fact-check with its
// current evidence and every revision in one transaction (Store::ImportFactCheck), skipped when
// the destination holds it with the same content and history.
//
// The account record follows: users under their ids (password hashes and disabled state kept),
// then the audit log oldest first under its ids, in batches of kCopyBatchRows. Login sessions
// are not copied: everyone logs in again on the new store.
//
// Verification reads both stores' table digests (content_digest.h) after copying and compares
// them table by table: row counts and SHA-256 of the canonical rows. Equal digests mean the
// destination holds exactly the source's content — nothing missing, nothing extra.
// Thread safety: uses the two stores from the calling thread only.
#ifndef TREATYWATCH_STORE_STORE_COPY_H_
#define TREATYWATCH_STORE_STORE_COPY_H_

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "store/store.h"

namespace tw::store {

struct TableComparison {
  TableDigest source;
  TableDigest destination;
  bool Matches() const {
    return source.rows == destination.rows && source.sha256 == destination.sha256;
  }
};

struct StoreCopyReport {
  int instruments = 0;            // in the source
  int instruments_copied = 0;     // newly stored in the destination
  int documents = 0;              // in the source
  int documents_copied = 0;       // newly stored in the destination
  int documents_present = 0;      // already there (an earlier run copied them)
  // The negotiation record: rows in the source, and rows newly stored in the destination.
  int actors = 0;
  int actors_copied = 0;
  int sessions = 0;
  int sessions_copied = 0;
  int statements = 0;
  int statements_copied = 0;
  int positions = 0;
  int positions_copied = 0;
  int votes = 0;
  int votes_copied = 0;
  // The fact-check record, the same way.
  int claims = 0;
  int claims_copied = 0;
  int factchecks = 0;
  int factchecks_copied = 0;
  // The account record, the same way (sessions are not copied).
  int users = 0;
  int users_copied = 0;
  int audit_entries = 0;
  int audit_entries_copied = 0;
  std::vector<TableComparison> tables;  // in DigestTableSpecs() order

  bool Verified() const;
};

// Statements, positions or claims per import transaction: bounds one transaction's size on a large
// record, while keeping round trips few.
inline constexpr std::size_t kCopyBatchRows = 1000;

// Called before each document with (documents done, documents in total, the document's cite
// name), and once at the end with done == total.
using CopyProgress = std::function<void(std::size_t, std::size_t, std::string_view)>;

absl::StatusOr<StoreCopyReport> CopyStore(Store& source, Store& destination,
                                          const CopyProgress& progress = nullptr);

}  // namespace tw::store

#endif  // TREATYWATCH_STORE_STORE_COPY_H_
