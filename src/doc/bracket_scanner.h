// Bracket scanner: finds the square-bracketed spans of a negotiating text.
//
// In a draft, [square brackets] mark text not yet agreed; they nest ("[[serious] crime]") and may
// run across paragraphs or around a whole article. Not every bracket is disputed text:
//   * footnote markers "[12]" (digits, glued to the preceding word, or naming an existing
//     footnote) are reported as markers, not spans;
//   * editorial ellipses "[…]", "[...]", "[. . .]" are skipped;
//   * ranges the caller marks as skipped (editorial lines, footnote labels) are not scanned.
// Scanning is one pass with an explicit stack, linear in the text, and each segment (the body,
// each footnote) is balanced on its own. Nesting deeper than `max_depth` is flattened: the extra
// brackets still pair up, but only the outer `max_depth` levels become spans. Unbalanced
// brackets become problems (the first `max_problems`, then a count), never failures.
//
// Pure; thread-safe.
#ifndef TREATYWATCH_DOC_BRACKET_SCANNER_H_
#define TREATYWATCH_DOC_BRACKET_SCANNER_H_

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

#include "doc/provision.h"

namespace tw::doc {

struct TextRange {
  std::size_t begin = 0;
  std::size_t end = 0;
};

struct FootnoteMarker {
  std::size_t offset = 0;  // of '['
  std::size_t end = 0;     // one past ']'
  int number = 0;
};

struct BracketProblem {
  enum class Kind { kUnclosed, kUnopened, kTooDeep };
  Kind kind = Kind::kUnclosed;
  std::size_t offset = 0;
};

struct BracketScan {
  std::vector<BracketSpan> spans;  // sorted by begin
  std::vector<FootnoteMarker> markers;
  std::vector<BracketProblem> problems;  // the first max_problems, in text order
  std::size_t problems_dropped = 0;
};

struct BracketScanOptions {
  int max_depth = 32;
  std::size_t max_problems = 20;
};

// Scans each of `segments` (sorted, disjoint) of `text`, skipping `skips` (sorted, disjoint).
// `footnote_exists(n)` says whether footnote n has a body; may be empty (no footnotes).
BracketScan ScanBrackets(std::string_view text, const std::vector<TextRange>& segments,
                         const std::vector<TextRange>& skips,
                         const std::function<bool(int)>& footnote_exists,
                         const BracketScanOptions& options);

}  // namespace tw::doc

#endif  // TREATYWATCH_DOC_BRACKET_SCANNER_H_
