// Re-anchoring: finding an evidence quote again in a newer version of its document.
//
// Order of search, first hit wins:
//   1. exact: the quote's words (whitespace-insensitive, typographic quotes and dashes folded:
//      factcheck/quote_search.h) in the new text. Each occurrence is placed in a tier: inside
//      the provision the comparison aligned the old one to (factcheck/provision_alignment.h),
//      else inside the aligned article, else elsewhere. Ranked by tier, then by how many bytes
//      of the old prefix/suffix agree with the new text around it, then by distance to the
//      expected place (the old offset inside the aligned provision, or the old offset scaled to
//      the new length). The best one decides:
//        - in the aligned provision → intact, unless the comparison says the article moved out
//          of order or was joined with another, or the paragraph moved, migrated or was
//          joined → moved (after a join the old provision is no longer one of its own, and a
//          comparison that wrongly joins a deleted article to its twin must not make the
//          deleted words intact). A renumbering alone is intact:
//          the comparison says it is the same provision, and a draft that renumbers everything
//          would otherwise mark every anchor moved;
//        - in the aligned article, another paragraph → moved;
//        - elsewhere → moved, but only when the comparison could not place the provision
//          (it was deleted, or no comparison covers it) and at least kMinMovedContextBytes of
//          its old context agree (all the context it has, when it has less). When the
//          comparison placed it and the words are not there, they were edited in place, and
//          the same words elsewhere are another passage — treaties repeat whole phrases and
//          paragraphs. Such occurrences are not exact re-finds; step 2 proposes them, and a
//          person confirms.
//      Two occurrences tied on tier and context: inside the aligned provision or article the
//      one nearer the expected place wins (equally near → ambiguous); elsewhere → ambiguous,
//      since nothing ties either of them to the quote's provision.
//   2. fuzzy, only for quotes up to `max_fuzzy_bytes` (a length cap keeps it cheap and keeps
//      long quotes from matching loosely): word-level approximate matching
//      (factcheck/fuzzy_quote.h: similarity = 1 - word edits / quote words) against the aligned
//      provision(s) (the aligned article when the provision has no counterpart) and a window of
//      `window_bytes` each side of the expected place; the best span scoring at least
//      `min_similarity` → changed with that similarity, as a proposal; when another span that
//      does not overlap it scores within `ambiguity_margin` of the best → ambiguous.
//   3. otherwise → lost (similarity: the best score seen below the minimum, 0 when none).
// A fuzzy result is never applied: the anchor stays where it was, the proposal waits for a
// person. Words that are not in the aligned provision are never reported intact. Deleted words
// can be reported moved only where the same words stand elsewhere (with their context, or in
// the provision the comparison aligned): on generated pairs of the real treaties that happens
// to under 2 % of deleted-words anchors, nearly all in twins of repeated treaty paragraphs
// (tests/factcheck/reanchor_test.cc prints the rates).
//
// Reanchorer precomputes per new document (folded text with its offset map and suffix array,
// word tokens for the fuzzy step when first needed) and per old path (the alignment), so
// re-anchoring every anchor of a document after a new draft costs one build plus a lookup per
// anchor. It borrows both documents and the comparison, which must outlive it, and is
// thread-compatible (one per thread). The free function Reanchor is pure and thread-safe.
#ifndef TREATYWATCH_FACTCHECK_REANCHOR_H_
#define TREATYWATCH_FACTCHECK_REANCHOR_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "compare/comparison.h"
#include "doc/document.h"
#include "factcheck/evidence_anchor.h"

namespace tw::factcheck {

struct ReanchorOptions {
  double min_similarity = 0.7;
  double ambiguity_margin = 0.05;
  std::size_t max_fuzzy_bytes = 1200;
  std::size_t window_bytes = 6000;  // each side of the old offset, scaled
};

struct ReanchorResult {
  AnchorStatus status = AnchorStatus::kLost;
  double similarity = 0;
  // intact/moved: the anchor in the new document (apply it); changed/ambiguous: the best
  // proposal; lost: nullopt.
  std::optional<EvidenceAnchor> found;
  // ambiguous: every place that matched about equally (found is the first).
  std::vector<EvidenceAnchor> alternatives;
};

// Exact occurrences outside the aligned article must agree with this much of the old context.
inline constexpr std::size_t kMinMovedContextBytes = 16;

// `comparison` is CompareDocuments(old_doc, new_doc) or null (then only the old path and the
// old offset guide the search). `anchor.document_id` must be old_doc's id; found anchors carry
// new_doc's.
class Reanchorer {
 public:
  Reanchorer(const doc::Document& old_doc, const doc::Document& new_doc,
             const compare::Comparison* comparison, const ReanchorOptions& options = {});
  ~Reanchorer();
  Reanchorer(Reanchorer&&) noexcept;
  Reanchorer& operator=(Reanchorer&&) noexcept;

  ReanchorResult Reanchor(const EvidenceAnchor& anchor);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// One anchor: a Reanchorer used once.
ReanchorResult Reanchor(const EvidenceAnchor& anchor, const doc::Document& old_doc,
                        const doc::Document& new_doc, const compare::Comparison* comparison,
                        const ReanchorOptions& options = {});

// Builds the selectors of text[start, end) of `doc` (path: the deepest provision containing
// the range). InvalidArgument when the range is empty, out of the text or not on UTF-8
// boundaries.
absl::StatusOr<EvidenceAnchor> MakeAnchor(const doc::Document& doc, std::size_t start,
                                          std::size_t end);

// Anchors a quote given as words: `exact` is searched whitespace-insensitively (and with
// typographic quotes and dashes folded) inside provision `path` (the whole text when empty).
// NotFound when absent; InvalidArgument naming the count when it occurs more than once (the
// user must quote more words); never picks one silently.
absl::StatusOr<EvidenceAnchor> AnchorQuote(const doc::Document& doc, std::string_view path,
                                           std::string_view exact);

}  // namespace tw::factcheck

#endif  // TREATYWATCH_FACTCHECK_REANCHOR_H_
