// Quote search: finding a quote's exact words in a text whatever its spacing and typography.
//
// People quote from PDFs, e-mails and web pages: line breaks become spaces, runs of spaces
// collapse, "curly" quotes become straight ones and dashes become hyphens. So both the text and
// the quote are folded the same way before they are compared — every whitespace run (ASCII and
// the Unicode spaces treaty PDFs carry: no-break, thin, ideographic) becomes one ' ', typographic
// single quotes and primes become '\'', double quotes '"', and the Unicode dashes and the minus
// sign '-' — and a map from every folded byte back to the byte of the text it came from turns a
// hit into offsets of the real text. Letters, digits and case are never folded: an exact quote
// is exact words.
//
// QuoteIndex is a suffix array over the folded text, built once per document (prefix doubling
// with radix passes: O(n log n) whatever the text, so a hostile text of one repeated byte costs
// no more than a treaty), after which every lookup is O(m log n) and yields every occurrence.
//
// Thread safety: both classes are immutable after construction; const calls may run on several
// threads. FoldedText owns the folded text and its map; QuoteIndex borrows a folded text, which
// must outlive it.
#ifndef TREATYWATCH_FACTCHECK_QUOTE_SEARCH_H_
#define TREATYWATCH_FACTCHECK_QUOTE_SEARCH_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tw::factcheck {

// The folded form of `text`, whitespace at its ends kept (as one ' ').
std::string Fold(std::string_view text);

// The folded form of a quote, without leading and trailing whitespace. Empty when the quote
// holds nothing but whitespace.
std::string FoldQuote(std::string_view quote);

class FoldedText {
 public:
  explicit FoldedText(std::string_view text);

  const std::string& folded() const { return folded_; }
  std::size_t size() const { return folded_.size(); }

  // Offset in the original text of folded byte `at` (at <= size(); size() maps to the text's
  // end). A match folded[b, e) is original [Original(b), Original(e)): a folded byte stands for
  // its whole source character or whitespace run, so nothing is cut in half.
  std::size_t Original(std::size_t at) const { return original_[at]; }

  // The first folded byte whose source starts at or after `original` (size() past the end): the
  // folded image of an original offset, for region boundaries.
  std::size_t FoldedAt(std::size_t original) const;

 private:
  std::string folded_;
  std::vector<std::uint32_t> original_;  // size() + 1 entries, non-decreasing
};

class QuoteIndex {
 public:
  // Texts above this are searched linearly instead (the array uses 32-bit offsets and 12 bytes
  // of memory per byte while it is built; ingest refuses files that size long before).
  static constexpr std::size_t kMaxIndexedBytes = std::size_t{1} << 30;

  explicit QuoteIndex(std::string_view folded);

  struct Hits {
    std::size_t count = 0;                // every occurrence, overlapping ones included
    std::vector<std::uint32_t> starts;    // folded offsets, ascending; empty when count > limit
  };
  // Occurrences of `folded_quote` (already folded and non-empty). Starts are listed when there
  // are at most `limit` of them, so a one-letter quote costs no more than counting.
  Hits Find(std::string_view folded_quote, std::size_t limit) const;

 private:
  std::string_view folded_;
  std::vector<std::uint32_t> suffixes_;  // empty when the text is above kMaxIndexedBytes
};

// Folded offsets of every occurrence of `folded_quote` in folded[begin, end), ascending; the
// linear-time search used inside one provision (and for texts too large to index).
std::vector<std::size_t> FindAllIn(std::string_view folded, std::size_t begin, std::size_t end,
                                   std::string_view folded_quote);

}  // namespace tw::factcheck

#endif  // TREATYWATCH_FACTCHECK_QUOTE_SEARCH_H_
