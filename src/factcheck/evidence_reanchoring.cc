#include "factcheck/evidence_reanchoring.h"

#include <memory>
#include <optional>
#include <set>
#include <utility>

#include "compare/compare.h"
#include "factcheck/reanchor.h"
#include "store/store.h"

namespace tw::factcheck {

int ReanchoringSummary::Total() const {
  int total = 0;
  for (const auto& [status, count] : counts) total += count;
  return total;
}

absl::StatusOr<ReanchoringSummary> ReanchorEvidence(store::Store& store,
                                                    const doc::Document& new_document) {
  ReanchoringSummary summary;
  summary.document_id = new_document.meta.id;
  if (new_document.meta.instrument.empty() || new_document.meta.version <= 1) return summary;
  absl::StatusOr<std::vector<doc::DocumentMeta>> chain =
      store.VersionChain(new_document.meta.instrument);
  if (!chain.ok()) return chain.status();
  std::vector<std::int64_t> earlier;
  for (const doc::DocumentMeta& meta : *chain) {
    if (meta.id != new_document.meta.id) earlier.push_back(meta.id);
  }
  if (earlier.empty()) return summary;
  absl::StatusOr<std::vector<store::StoredEvidence>> evidence = store.ListEvidence(earlier);
  if (!evidence.ok()) return evidence.status();

  // One comparison per earlier version that holds quotes: comparing is the expensive part,
  // and a chain's evidence sits in a few versions.
  // The Reanchorer indexes both texts once and refers to the document and the comparison,
  // which therefore live beside it at a fixed address.
  struct Earlier {
    doc::Document document;
    compare::Comparison comparison;
    std::optional<Reanchorer> reanchorer;
  };
  std::map<std::int64_t, std::unique_ptr<Earlier>> earlier_versions;
  compare::CompareOptions options;
  options.redlines = false;
  std::vector<store::EvidenceUpdate> updates;
  for (const store::StoredEvidence& stored : *evidence) {
    const Evidence& piece = stored.evidence;
    if (piece.checked_against == new_document.meta.id) continue;
    const std::int64_t old_id = piece.anchor.document_id;
    auto found = earlier_versions.find(old_id);
    if (found == earlier_versions.end()) {
      absl::StatusOr<doc::Document> old_document = store.LoadDocument(std::to_string(old_id));
      if (!old_document.ok()) return old_document.status();
      auto loaded = std::make_unique<Earlier>();
      loaded->document = *std::move(old_document);
      loaded->comparison = compare::CompareDocuments(loaded->document, new_document, options);
      loaded->reanchorer.emplace(loaded->document, new_document, &loaded->comparison);
      found = earlier_versions.emplace(old_id, std::move(loaded)).first;
    }
    const ReanchorResult result = found->second->reanchorer->Reanchor(piece.anchor);
    store::EvidenceUpdate update;
    update.evidence_id = piece.id;
    update.status = result.status;
    update.similarity = result.similarity;
    update.checked_against = new_document.meta.id;
    // Only a word-for-word find moves the quote; anything else waits for a person.
    if (AnchorHolds(result.status) && result.found) {
      update.anchor = *result.found;
    } else {
      update.anchor = piece.anchor;
      update.proposal = result.found;
    }
    updates.push_back(std::move(update));
    ++summary.counts[result.status];
    if (!AnchorHolds(result.status)) {
      summary.stale.push_back({stored.factcheck_id, piece.id, result.status, result.similarity,
                               piece.anchor.exact});
    }
  }
  if (!updates.empty()) {
    if (absl::Status written = store.UpdateEvidence(updates); !written.ok()) return written;
  }
  return summary;
}

nlohmann::json ReanchoringJson(const ReanchoringSummary& summary) {
  nlohmann::json counts = nlohmann::json::object();
  for (AnchorStatus status :
       {AnchorStatus::kIntact, AnchorStatus::kMoved,
        AnchorStatus::kChanged, AnchorStatus::kLost,
        AnchorStatus::kAmbiguous}) {
    auto found = summary.counts.find(status);
    counts[std::string(AnchorStatusName(status))] =
        found == summary.counts.end() ? 0 : found->second;
  }
  nlohmann::json stale = nlohmann::json::array();
  for (const ReanchoringSummary::Stale& item : summary.stale) {
    stale.push_back({{"factcheck", item.factcheck_id},
                     {"evidence", item.evidence_id},
                     {"status", AnchorStatusName(item.status)},
                     {"similarity", item.similarity},
                     {"exact", item.exact}});
  }
  return {{"document", summary.document_id}, {"anchors", counts}, {"needs_review", stale}};
}

absl::StatusOr<StoredDocument> StoreDocumentAndReanchor(store::Store& store,
                                                         doc::Document& document,
                                                         bool reanchor_when_present) {
  absl::StatusOr<store::PutResult> put = store.PutDocument(document);
  if (!put.ok()) return put.status();
  StoredDocument stored;
  stored.put = *put;
  document.meta.id = put->id;
  document.meta.version = put->version;
  if ((put->already_present && !reanchor_when_present) || put->version <= 1) return stored;
  if (put->already_present) {
    // The chain is the stored document's, whatever metadata came with this copy.
    absl::StatusOr<std::optional<doc::DocumentMeta>> existing =
        store.FindBySha256(document.meta.sha256);
    if (!existing.ok()) return existing.status();
    if (!existing->has_value()) return stored;
    document.meta.instrument = (*existing)->instrument;
  }
  absl::StatusOr<ReanchoringSummary> summary = ReanchorEvidence(store, document);
  if (!summary.ok()) return summary.status();
  stored.reanchoring = *std::move(summary);
  return stored;
}

}  // namespace tw::factcheck
