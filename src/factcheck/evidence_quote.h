// QuoteEvidence: a quote of a stored document turned into evidence anchored to its exact words —
// what `--evidence 'DOC#PATH: words'` on the command line and the reader's "make it evidence"
// panel on the web both do. The quote is searched whitespace- and typography-insensitively
// inside provision PATH (factcheck/reanchor.h AnchorQuote); an absent quote is refused
// (NotFound), and so is one occurring more than once (InvalidArgument naming the count): the
// user quotes more words, nothing picks an occurrence silently.
//
// Reads the store given; one call per store object at a time.
#ifndef TREATYWATCH_FACTCHECK_EVIDENCE_QUOTE_H_
#define TREATYWATCH_FACTCHECK_EVIDENCE_QUOTE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "factcheck/evidence_anchor.h"
#include "store/store.h"

namespace tw::factcheck {

// Quotes longer than this are refused: evidence quotes words, not whole treaties.
inline constexpr std::size_t kMaxEvidenceQuoteBytes = 8000;

// `document` is a stored document's id or symbol; `path` a provision path ("art28.p1"), empty
// for the whole text. Errors name the document and the path.
absl::StatusOr<Evidence> QuoteEvidence(store::Store& store, std::string_view document,
                                       std::string_view path, std::string_view words,
                                       std::string note);

}  // namespace tw::factcheck

#endif  // TREATYWATCH_FACTCHECK_EVIDENCE_QUOTE_H_
