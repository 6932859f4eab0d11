// Fuzzy quote search: the places in a text whose words are closest to a quote's.
//
// Word level, because a quote is judged by its words: the text is split once into word tokens
// (compare/word_tokens.h — case-folded ids; punctuation, brackets and spacing dropped) and a
// quote of m words is matched with Sellers' approximate string matching over those ids: the
// edit distance (word substitutions, insertions, deletions) between the whole quote and the
// best stretch of text ending at each word, the stretch free to start anywhere. A place's
// similarity is 1 - edits / m: one corrected word in a ten-word quote is 0.9; an empty stretch
// is 0. Alignment is local to the text and global to the quote, so a quote never matches by a
// fragment of itself.
//
// Only stretches that can reach `floor` are aligned. A stretch with at most d edits is at most
// m + d words long and shares at least m - d words with the quote, so a window of m + d words
// sliding over the searched range (counting the words it shares with the quote, as multisets)
// marks where the quadratic alignment may run. On treaty text that leaves a few windows around
// the true place, which keeps the search linear in the range for most quotes.
//
// Thread-compatible: Find interns the quote's words into the finder's token table, so one
// finder serves one thread.
#ifndef TREATYWATCH_FACTCHECK_FUZZY_QUOTE_H_
#define TREATYWATCH_FACTCHECK_FUZZY_QUOTE_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "compare/word_tokens.h"

namespace tw::factcheck {

// A byte range of the searched text.
struct ByteRange {
  std::size_t begin = 0;
  std::size_t end = 0;
};

struct FuzzyMatch {
  std::size_t begin = 0;  // byte offsets into the text: the first matched word's start
  std::size_t end = 0;    // and the last one's end
  int edits = 0;          // word substitutions, insertions and deletions
  double similarity = 0;  // 1 - edits / quote words
};

class FuzzyQuoteFinder {
 public:
  // Quotes longer than this many words are not aligned (the caller's byte cap comes first;
  // this bounds the work whatever the caller passes).
  static constexpr std::size_t kMaxQuoteWords = 1000;

  // Borrows `text`, which must outlive the finder; tokenizes it once.
  explicit FuzzyQuoteFinder(std::string_view text);

  // Places in `ranges` (byte ranges of the text, in any order, may overlap) whose similarity to
  // `quote` is at least `floor`, best first, no two overlapping, at most `max_matches`. Equal
  // edits prefer a stretch as long as the quote, then the one nearest `near` (a byte offset).
  std::vector<FuzzyMatch> Find(std::string_view quote, std::vector<ByteRange> ranges,
                               double floor, std::size_t near, std::size_t max_matches);

  // Words of `quote` as Find counts them.
  std::size_t CountWords(std::string_view quote);

 private:
  struct WordRange {
    std::size_t begin = 0;
    std::size_t end = 0;
  };
  struct Candidate {
    int edits = 0;
    std::size_t first = 0;  // word indices: [first, last)
    std::size_t last = 0;
  };

  std::vector<std::uint32_t> QuoteIds(std::string_view quote);
  // Sub-ranges of `range` where a stretch within `max_edits` of the quote can lie.
  void Prefilter(const std::vector<std::uint32_t>& quote, WordRange range, int max_edits,
                 std::vector<WordRange>& out);
  void Align(const std::vector<std::uint32_t>& quote, WordRange range, int max_edits,
             std::vector<Candidate>& out);

  std::string_view text_;
  compare::TokenTable table_;
  std::vector<std::uint32_t> ids_;     // word ids of the text, in order
  std::vector<std::uint32_t> begins_;  // byte offsets of each word
  std::vector<std::uint32_t> ends_;
  // Scratch reused across calls: the quote slot of every word id (-1 when not in the quote),
  // the quote's count of each slot and the sliding window's.
  std::vector<std::int32_t> slot_of_id_;
  std::vector<int> quote_counts_;
  std::vector<int> window_counts_;
  std::vector<int> cost_;
  std::vector<std::size_t> start_;
};

}  // namespace tw::factcheck

#endif  // TREATYWATCH_FACTCHECK_FUZZY_QUOTE_H_
