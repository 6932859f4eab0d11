#include "factcheck/evidence_quote.h"

#include <utility>

#include <fmt/format.h>

#include "factcheck/reanchor.h"

namespace tw::factcheck {

absl::StatusOr<Evidence> QuoteEvidence(store::Store& store, std::string_view document,
                                       std::string_view path, std::string_view words,
                                       std::string note) {
  if (words.size() > kMaxEvidenceQuoteBytes) {
    return absl::InvalidArgumentError(
        fmt::format("evidence: the quote has {} bytes; quote at most {} (the words that matter)",
                    words.size(), kMaxEvidenceQuoteBytes));
  }
  absl::StatusOr<doc::Document> loaded = store.LoadDocument(document);
  if (!loaded.ok()) return loaded.status();
  absl::StatusOr<EvidenceAnchor> anchor = AnchorQuote(*loaded, path, words);
  if (!anchor.ok()) {
    return absl::Status(anchor.status().code(),
                        fmt::format("evidence in {}{}{}: {}", loaded->CiteName(),
                                    path.empty() ? "" : " at ", path,
                                    std::string(anchor.status().message())));
  }
  Evidence evidence;
  evidence.anchor = *std::move(anchor);
  evidence.note = std::move(note);
  evidence.checked_against = evidence.anchor.document_id;
  return evidence;
}

}  // namespace tw::factcheck
