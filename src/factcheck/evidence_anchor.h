// EvidenceAnchor: a quote in a stored document, held the way W3C Web Annotation selectors hold
// it — TextQuoteSelector (exact, prefix, suffix) and TextPositionSelector (start, end) — plus
// the provision path it sits in. Offsets are byte offsets into doc::Document::text (the text
// `show DOC --json` returns), the quote is text[start, end).
//
// Evidence is an anchor with its state across versions: when a new version of the document's
// instrument arrives, re-anchoring (reanchor.h) looks for the quote in it. Only an exact
// re-find moves the anchor by itself (intact, moved); a fuzzy find is a proposal a person
// confirms, because web annotators learned that a silently applied fuzzy match can jump to
// another occurrence of similar words.
#ifndef TREATYWATCH_FACTCHECK_EVIDENCE_ANCHOR_H_
#define TREATYWATCH_FACTCHECK_EVIDENCE_ANCHOR_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tw::factcheck {

struct EvidenceAnchor {
  std::int64_t document_id = 0;
  std::string path;    // provision path holding the quote ("art28.p1"); empty: outside any
  std::string exact;   // the quoted words, exactly as in the text
  std::string prefix;  // up to kAnchorContextBytes before, cut at a UTF-8 boundary
  std::string suffix;  // up to kAnchorContextBytes after
  std::size_t start = 0;
  std::size_t end = 0;
};

inline constexpr std::size_t kAnchorContextBytes = 32;

enum class AnchorStatus {
  kIntact,     // found again, same words, same provision path
  kMoved,      // found again, same words, elsewhere (another path or far from the old place)
  kChanged,    // the words were edited; a close match is proposed with its similarity
  kLost,       // nothing close enough
  kAmbiguous,  // two or more places match about equally; a person must choose
};

// "intact", "moved", "changed", "lost", "ambiguous".
std::string_view AnchorStatusName(AnchorStatus status);
bool ParseAnchorStatus(std::string_view name, AnchorStatus* status);

// True for intact and moved: the evidence still quotes the current text word for word.
inline bool AnchorHolds(AnchorStatus status) {
  return status == AnchorStatus::kIntact || status == AnchorStatus::kMoved;
}

// One piece of evidence of a fact-check.
struct Evidence {
  std::int64_t id = 0;  // 0 until stored
  // Where the quote is now: moved by re-anchoring when the words were found again exactly;
  // otherwise still where the author (or an automatic check) put it.
  EvidenceAnchor anchor;
  std::string note;  // why the quote matters; may be empty
  // What produced it: "analyst", or the automatic check's name ("mirrors", "safeguard",
  // "support", "changed-since") when accepted from a suggestion.
  std::string origin = "analyst";
  AnchorStatus status = AnchorStatus::kIntact;
  double similarity = 1.0;  // of the best match at the last re-anchoring; 1 for exact
  // For changed and ambiguous: the best place found in the newer version, for a person to
  // confirm (then it becomes `anchor`) or reject.
  std::optional<EvidenceAnchor> proposal;
  std::int64_t checked_against = 0;  // document id of the last re-anchoring; 0: never
};

}  // namespace tw::factcheck

#endif  // TREATYWATCH_FACTCHECK_EVIDENCE_ANCHOR_H_
