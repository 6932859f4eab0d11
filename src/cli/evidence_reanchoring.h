// Re-anchoring after ingest: when a document arrives as the next version of an instrument,
// every evidence quote anchored in an earlier version of it is looked for again in the new one
// (factcheck/reanchor.h), and the results are written in one transaction. Quotes found word for
// word move to the new version; the others stay where they were, with a proposal, and their
// fact-checks need review.
#ifndef TREATYWATCH_CLI_EVIDENCE_REANCHORING_H_
#define TREATYWATCH_CLI_EVIDENCE_REANCHORING_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "absl/status/statusor.h"
#include "doc/document.h"
#include "factcheck/evidence_anchor.h"
#include "store/store.h"

namespace tw::cli {

struct ReanchoringSummary {
  std::int64_t document_id = 0;  // the new version
  std::map<factcheck::AnchorStatus, int> counts;
  // Fact-checks with a quote that no longer holds word for word, with why.
  struct Stale {
    std::int64_t factcheck_id = 0;
    std::int64_t evidence_id = 0;
    factcheck::AnchorStatus status = factcheck::AnchorStatus::kLost;
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

}  // namespace tw::cli

#endif  // TREATYWATCH_CLI_EVIDENCE_REANCHORING_H_
