// Re-anchoring after ingest: when a document arrives as the next version of an instrument,
// every evidence quote anchored in an earlier version of it is looked for again in the new one
// (factcheck/reanchor.h), and the results are written in one transaction. Quotes found word for
// word move to the new version; the others stay where they were, with a proposal, and their
// fact-checks need review. Every front end that stores documents (`treatywatch ingest`, the
// server's uploads) goes through StoreDocumentAndReanchor, so they re-anchor alike.
//
// Thread safety: as the Store passed in (one thread at a time).
#ifndef TREATYWATCH_FACTCHECK_EVIDENCE_REANCHORING_H_
#define TREATYWATCH_FACTCHECK_EVIDENCE_REANCHORING_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "absl/status/statusor.h"
#include "doc/document.h"
#include "factcheck/evidence_anchor.h"
#include "store/store.h"

namespace tw::factcheck {

struct ReanchoringSummary {
  std::int64_t document_id = 0;  // the new version
  std::map<AnchorStatus, int> counts;
  // Fact-checks with a quote that no longer holds word for word, with why.
  struct Stale {
    std::int64_t factcheck_id = 0;
    std::int64_t evidence_id = 0;
    AnchorStatus status = AnchorStatus::kLost;
    double similarity = 0;
    std::string exact;  // the quote as it was
  };
  std::vector<Stale> stale;
  int Total() const;
};

// `new_document` is stored and is a version of its instrument; nothing happens for a document
// in no chain or the first version.
absl::StatusOr<ReanchoringSummary> ReanchorEvidence(store::Store& store,
                                                    const doc::Document& new_document);

nlohmann::json ReanchoringJson(const ReanchoringSummary& summary);

struct StoredDocument {
  store::PutResult put;
  // Set when the document is a new version (2 or later) of its instrument and was re-anchored.
  std::optional<ReanchoringSummary> reanchoring;
};

// Stores `document` (one transaction, store.h) and, when it is a new later version of its
// instrument, re-anchors the evidence of the earlier versions in it (a second transaction).
// `document.meta.id` and `version` are set from the store's answer. With
// `reanchor_when_present`, a document stored before is re-anchored too: a caller that may have
// died between the two transactions (the server's upload spool) finishes the second one on the
// next try; evidence already checked against this version is skipped, so a repeat is harmless.
absl::StatusOr<StoredDocument> StoreDocumentAndReanchor(store::Store& store,
                                                         doc::Document& document,
                                                         bool reanchor_when_present = false);

}  // namespace tw::factcheck

#endif  // TREATYWATCH_FACTCHECK_EVIDENCE_REANCHORING_H_
